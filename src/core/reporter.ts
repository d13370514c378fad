/**
 * Reporters subscribe to a run: every hook is optional. The multiplexer calls each reporter in
 * turn and isolates their errors, so one broken reporter cannot stop a run or the others.
 */
import type { CheckInfo, CheckResult, RunInfo, RunReport } from './types';

export interface Reporter {
  onBegin?(run: RunInfo, checks: readonly CheckInfo[]): void | Promise<void>;
  onCheckEnd?(result: CheckResult): void | Promise<void>;
  onEnd?(report: RunReport): void | Promise<void>;
}

export interface ReporterError {
  reporter: number;
  hook: keyof Reporter;
  error: unknown;
}

export class ReporterMux implements Required<Reporter> {
  readonly errors: ReporterError[] = [];

  constructor(private readonly reporters: readonly Reporter[]) {}

  private async each<K extends keyof Reporter>(hook: K, call: (r: Reporter) => void | Promise<void>): Promise<void> {
    for (const [index, reporter] of this.reporters.entries()) {
      if (reporter[hook] === undefined) continue;
      try {
        await call(reporter);
      } catch (error) {
        this.errors.push({ reporter: index, hook, error });
      }
    }
  }

  onBegin(run: RunInfo, checks: readonly CheckInfo[]): Promise<void> {
    return this.each('onBegin', (r) => r.onBegin?.(run, checks));
  }

  onCheckEnd(result: CheckResult): Promise<void> {
    return this.each('onCheckEnd', (r) => r.onCheckEnd?.(result));
  }

  onEnd(report: RunReport): Promise<void> {
    return this.each('onEnd', (r) => r.onEnd?.(report));
  }
}
