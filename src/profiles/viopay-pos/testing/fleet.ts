/**
 * The reference targets one test file starts. `closeAll` (in afterAll) closes every one and
 * asserts that none of them hit an internal error: a 500 in a test is a bug even if the test
 * did not look at that answer.
 */
import type { TargetOptionsInput } from '../target';
import { startReference, type Reference } from './reference';

export class TargetFleet {
  readonly internalErrors: unknown[] = [];
  private readonly started: Reference[] = [];

  /** `defaults` apply to every target this fleet starts (a shared clock, say). */
  constructor(private readonly defaults: TargetOptionsInput = {}) {}

  async start(options: TargetOptionsInput = {}): Promise<Reference> {
    const ref = await startReference({ ...this.defaults, ...options, onInternalError: (e) => void this.internalErrors.push(e) });
    this.started.push(ref);
    return ref;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.started.map((r) => r.close()));
    expect(this.internalErrors).toEqual([]);
  }
}
