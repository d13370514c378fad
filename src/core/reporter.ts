/**
 * Reporters subscribe to a run: every hook is optional. The multiplexer calls each reporter in
 * turn and isolates their errors, so one broken reporter cannot stop a run or the others.
 *
 * It is also where values leave memory: given the run's redactor, it passes every value through
 * it once, before any reporter sees it, so no reporter (a new one included) can show a secret or
 * a full card number, whatever the harness or the target put in a result.
 */
import { Redactor } from './redactor';
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

  /**
   * @param reporters called in this order
   * @param redactor the run's (default: one that knows no secret and masks card numbers)
   */
  constructor(
    private readonly reporters: readonly Reporter[],
    private readonly redactor: Redactor = Redactor.cardsOnly,
  ) {}

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
    const [shownRun, shownChecks] = [this.redactor.value(run), this.redactor.value(checks)];
    return this.each('onBegin', (r) => r.onBegin?.(shownRun, shownChecks));
  }

  onCheckEnd(result: CheckResult): Promise<void> {
    const shown = this.redactor.value(result);
    return this.each('onCheckEnd', (r) => r.onCheckEnd?.(shown));
  }

  onEnd(report: RunReport): Promise<void> {
    // The results were redacted as they ended: the redactor returns those copies, not new ones.
    const shown = this.redactor.value(report);
    return this.each('onEnd', (r) => r.onEnd?.(shown));
  }
}
