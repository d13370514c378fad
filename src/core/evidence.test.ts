/** Bounded evidence (issue 14 item 2): what a check's result may keep, whatever a target sent. */
import type { Exchange } from '../client/exchange';
import { boundExchange, boundResult, boundSteps, boundValue, cutText, MAX_STEPS, MESSAGE_CHARS, VALUE_CHARS } from './evidence';
import type { CheckResult, StepRecord } from './types';

const info = { id: 'x.check', title: 'a check', level: 'MUST' as const, ref: { seed: 's', clause: '1.1/x' }, tags: [], needs: [] };

function exchange(body: string): Exchange {
  return {
    request: { method: 'POST', url: 'http://t/pos/charge', headers: [['Content-Type', 'application/json']], body: '{}' },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body, truncated: false },
    durationMs: 3,
  };
}

function failed(overrides: Partial<NonNullable<CheckResult['failure']>>): CheckResult {
  return { check: info, status: 'failed', durationMs: 1, failure: { checkId: info.id, title: info.title, level: 'MUST', message: 'it failed', ...overrides } };
}

describe('cutText', () => {
  it('keeps text within the limit as it is, and says what a longer one lost', () => {
    expect(cutText('abc', 3)).toBe('abc');
    expect(cutText('abcdef', 3)).toBe('abc... (6 characters, first 3 shown)');
  });
});

describe('boundValue', () => {
  it('keeps small values, and turns a large one into the start of its JSON, saying so', () => {
    // Arrange
    const small = { a: [1, 2, 3] };
    const large = { pad: 'x'.repeat(VALUE_CHARS * 2) };
    // Act
    const keptSmall = boundValue(small);
    const keptLarge = boundValue(large);
    // Assert
    expect(keptSmall).toBe(small);
    expect(typeof keptLarge).toBe('string');
    expect((keptLarge as string).startsWith('{"pad":"xxx')).toBe(true);
    expect(keptLarge).toMatch(new RegExp(`\\(${VALUE_CHARS * 2 + 10} characters of JSON, first ${VALUE_CHARS} shown\\)$`));
  });

  it('a value JSON cannot write (a cycle) is kept as text, not an exception', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(boundValue(cyclic)).toBe(cyclic);
  });
});

describe('boundExchange', () => {
  it('cuts an answer body over 16 KiB, marks it cut and keeps its size', () => {
    // Arrange
    const big = exchange('y'.repeat(100_000));
    // Act
    const bounded = boundExchange(big);
    // Assert
    expect(bounded.response!.body).toHaveLength(16 * 1024);
    expect(bounded.response).toMatchObject({ truncated: true, bytes: 100_000 });
    expect(big.response!.body).toHaveLength(100_000);
  });

  it('keeps the size the client recorded when the body was cut already', () => {
    const cut = exchange('z'.repeat(20_000));
    cut.response = { ...cut.response!, truncated: true, bytes: 4 * 1024 * 1024, overBudget: true };
    expect(boundExchange(cut).response).toMatchObject({ bytes: 4 * 1024 * 1024, overBudget: true, truncated: true });
  });

  it('cuts a huge header value', () => {
    const e = exchange('{}');
    e.response!.headers['x-pad'] = 'h'.repeat(50_000);
    expect(boundExchange(e).response!.headers['x-pad']!.length).toBeLessThan(5_000);
  });
});

describe('boundSteps', () => {
  it('keeps a short sequence whole', () => {
    const steps: StepRecord[] = [{ step: 'step 1' }, { step: 'step 2' }];
    expect(boundSteps(steps)).toEqual(steps);
  });

  it('keeps the first and the last steps of a long one, and says how many it left out', () => {
    // Arrange
    const steps: StepRecord[] = Array.from({ length: 100 }, (_, i) => ({ step: `step ${i + 1}`, exchange: exchange('{}') }));
    // Act
    const bounded = boundSteps(steps);
    // Assert
    expect(bounded).toHaveLength(MAX_STEPS);
    expect(bounded[0]!.step).toBe('step 1');
    expect(bounded[2]!.step).toBe(`... ${100 - MAX_STEPS + 1} steps not shown (100 in all)`);
    expect(bounded[MAX_STEPS - 1]!.step).toBe('step 100');
  });
});

describe('boundResult', () => {
  it('returns a passed result as it is', () => {
    const passed: CheckResult = { check: info, status: 'passed', durationMs: 1 };
    expect(boundResult(passed)).toBe(passed);
  });

  it('bounds every part of a failure that a target can make large, without changing the input', () => {
    // Arrange
    const result = failed({ message: `the answer said ${'m'.repeat(MESSAGE_CHARS * 3)}`, actual: 'a'.repeat(VALUE_CHARS * 4), exchange: exchange('b'.repeat(1_000_000)), steps: [{ step: 'step 1', exchange: exchange('c'.repeat(1_000_000)) }] });
    const before = JSON.stringify(result).length;
    // Act
    const bounded = boundResult(result);
    // Assert
    const size = JSON.stringify(bounded).length;
    expect(size).toBeLessThan(100_000);
    expect(JSON.stringify(result).length).toBe(before);
    expect(bounded.failure!.message).toMatch(/first 8192 shown\)$/);
    expect(bounded.failure!.exchange!.response!.bytes).toBe(1_000_000);
  });

  it('a skip reason is cut too', () => {
    const skipped: CheckResult = { check: info, status: 'skipped', durationMs: 0, skipReason: 'r'.repeat(MESSAGE_CHARS + 1) };
    expect(boundResult(skipped).skipReason).toMatch(/first 8192 shown\)$/);
  });
});
