/** Checks by stable id. A duplicate id throws; the CLI and config may only name registered ids. */
import type { Check } from './check';

export class CheckRegistry {
  private readonly byId = new Map<string, Check>();

  constructor(checks: Iterable<Check> = []) {
    for (const check of checks) this.register(check);
  }

  register(check: Check): void {
    const existing = this.byId.get(check.info.id);
    if (existing) throw new Error(`duplicate check id "${check.info.id}" (${existing.file} and ${check.file})`);
    this.byId.set(check.info.id, check);
  }

  get(id: string): Check | undefined {
    return this.byId.get(id);
  }

  all(): Check[] {
    return [...this.byId.values()];
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}
