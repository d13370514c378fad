import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from './errors';
import { assertInputFile, inputFileProblem, sizeText } from './input-file';
import { tempDir } from '../testing/temp-dir';

const dir = tempDir('paycert-input-');

describe('inputFileProblem', () => {
  it('accepts a regular file within the limit, and leaves a missing one to the reader', () => {
    // Arrange
    writeFileSync(join(dir, 'ok.yaml'), 'a: 1\n');
    // Act / Assert
    expect(inputFileProblem(join(dir, 'ok.yaml'), 5)).toBeNull();
    expect(inputFileProblem(join(dir, 'missing.yaml'), 5)).toBeNull();
  });

  it('refuses a file over the limit, saying both sizes', () => {
    writeFileSync(join(dir, 'big.yaml'), 'x'.repeat(2049));
    expect(inputFileProblem(join(dir, 'big.yaml'), 2048)).toBe('is 2049 bytes, more than the 2 KiB paycert reads');
  });

  it('refuses a directory and a device without opening them', () => {
    expect(inputFileProblem(dir, 1024)).toBe('is a directory, not a regular file');
    expect(inputFileProblem('/dev/null', 1024)).toBe('is a device, not a regular file');
  });

  // mkfifo is in coreutils; a system without it cannot make the FIFO this test needs.
  const fifo = existsSync('/usr/bin/mkfifo') || existsSync('/bin/mkfifo') ? it : it.skip;
  fifo('refuses a FIFO (reading one would block for ever)', () => {
    // Arrange
    const path = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [path]);
    // Act
    let thrown: unknown;
    try {
      assertInputFile(path, 'the config file', 1024);
    } catch (error) {
      thrown = error;
    }
    // Assert
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).oneLine()).toBe(`${path}: the config file is a FIFO (named pipe), not a regular file`);
  });
});

describe('sizeText', () => {
  it.each([
    [2 * 1024 * 1024, '2 MiB'],
    [64 * 1024, '64 KiB'],
    [1000, '1000 bytes'],
  ])('%i -> %s', (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});
