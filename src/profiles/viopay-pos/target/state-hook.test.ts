import { parseStateRequest } from '../../../target-kit/state-request';

const read = (value: unknown) => parseStateRequest(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));

describe('parseStateRequest', () => {
  it('reads a setup with its state and params, with or without action', () => {
    expect(read({ action: 'setup', state: 's', params: { a: 1 } })).toEqual({ kind: 'setup', state: 's', params: { a: 1 } });
    expect(read({ state: 's' })).toEqual({ kind: 'setup', state: 's', params: undefined });
  });

  it('reads a teardown whatever else it carries', () => {
    expect(read({ action: 'teardown', state: 'anything' })).toEqual({ kind: 'teardown' });
  });

  it.each([
    ['not JSON', '{', 'state request is not JSON'],
    ['an array', [], 'state request is not an object'],
    ['null', 'null', 'state request is not an object'],
    ['another action', { action: 'reset' }, 'action must be setup or teardown'],
  ])('says why it cannot read %s', (_, value, message) => {
    expect(read(value)).toEqual({ kind: 'invalid', message });
  });
});
