/** `--max-answer-bytes`: a number of bytes (or KiB, MiB) from 1 KiB to 256 MiB, else one line and exit 2. */
import { UserError } from '../core/errors';
import { answerBudget } from './budgets';

describe('answerBudget', () => {
  it('is undefined when the option is not given (the transport default)', () => {
    expect(answerBudget(undefined)).toBeUndefined();
  });

  it.each([
    ['65536', 65536],
    ['64KiB', 65536],
    ['64k', 65536],
    ['4MiB', 4 * 1024 * 1024],
    ['4 m', 4 * 1024 * 1024],
    ['1024', 1024],
    ['256MiB', 256 * 1024 * 1024],
  ])('reads %s as %d bytes', (text, bytes) => {
    expect(answerBudget(text)).toBe(bytes);
  });

  it.each(['', '0', '1023', '257MiB', '-5', '1.5MiB', '4GiB', 'lots', '1e6', '99999999999999'])('refuses %j with a one-line UserError', (text) => {
    expect(() => answerBudget(text)).toThrow(UserError);
    expect(() => answerBudget(text)).toThrow(/^--max-answer-bytes must be a number of bytes from 1KiB to 256MiB/);
  });
});
