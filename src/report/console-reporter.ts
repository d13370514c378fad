/**
 * Progress on a terminal or in a CI log while a run goes, then the failures in full and one
 * closing verdict line. It writes only to the `out` it is given, never to the process console,
 * and never exits: the CLI owns the exit code (core/verdict.ts).
 */
import type { Reporter } from '../core/reporter';
import type { BaselineMark, CheckInfo, CheckResult, CheckStatus, RunInfo, RunReport } from '../core/types';
import { paint, type Paint } from './ansi';
import { formatFailure } from './failure-format';
import { BASELINE_WORD, STATUS_WORD, baselineNote, countsLine, filtersLine, resultIcon, resultWord, verdictWord } from './status';
import { elapsedMs, formatDuration, oneLine, plural, visible } from './text';
import { NOT_RUN } from '../core/failure-words';
import { Progress, type ProgressMode } from './progress';

/** Where text goes: process.stdout in the CLI, a buffer in tests. */
export interface Writable {
  write(text: string): void;
}

export interface ConsoleOptions {
  out: Writable;
  /** ANSI colours and tick marks; compute it with `colorEnabled` (default off). */
  color?: boolean;
  /** A CI log: plain words, no escape codes, whatever `color` says. */
  ci?: boolean;
  /** The `n/N` counter with the elapsed time (progress.ts; compute it with `progressMode`; default off). */
  progress?: ProgressMode;
  /**
   * `--quiet`: no opening line, no line per check, no progress; at the end one line per failure
   * (and per warning under --strict, where they fail too), the checks not run, and the verdict.
   */
  quiet?: boolean;
}

/**
 * Whether to colour, by the NO_COLOR convention (https://no-color.org): a non-empty NO_COLOR
 * turns colour off whatever else is set; FORCE_COLOR turns it on (except `0` or `false`, which
 * turn it off) even when not on a terminal; otherwise colour only on a TTY that is not `dumb`.
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): boolean {
  if ((env.NO_COLOR ?? '') !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY === true && env.TERM !== 'dumb';
}

/** The closing line: `paycert: NOT CERTIFIED - 70 passed, ... (target http://..., 4.2 s)`. */
export function verdictLine(report: RunReport): string {
  const wall = elapsedMs(report.startedAt, report.endedAt);
  const many = report.targets && report.targets.length > 1 ? report.targets : undefined;
  const details = [many ? `targets ${many.map((t) => visible(t.baseUrl)).join(', ')}` : `target ${visible(report.target.baseUrl)}`];
  if (wall !== undefined) details.push(formatDuration(wall));
  if (report.strict) details.push('strict');
  const partial = report.verdict === 'partial' ? `; part of the suite only: ${filtersLine(report.filters)}` : '';
  return `paycert: ${verdictWord(report.verdict)} - ${countsLine(report.counts)} (${details.join(', ')}${partial})`;
}

const isNotRun = (r: CheckResult) => r.failure?.message.startsWith(NOT_RUN) === true;

/** Console progress: one line at the start, one per check, the failures and a verdict at the end. */
export class ConsoleReporter implements Reporter {
  private readonly out: Writable;
  private readonly color: boolean;
  private readonly p: Paint;
  private readonly quiet: boolean;
  private readonly progress: Progress;

  constructor(options: ConsoleOptions) {
    this.out = options.out;
    this.color = options.color === true && options.ci !== true;
    this.p = paint(this.color);
    this.quiet = options.quiet === true;
    this.progress = new Progress(this.out, this.quiet ? 'off' : (options.progress ?? 'off'));
  }

  private line(text = ''): void {
    this.out.write(`${text}\n`);
  }

  private tint(status: CheckStatus, text: string): string {
    const byStatus = { passed: this.p.green, failed: this.p.red, warning: this.p.yellow, skipped: this.p.grey };
    return byStatus[status](text);
  }

  onBegin(run: RunInfo, checks: readonly CheckInfo[]): void {
    if (this.quiet) return;
    const embedded = run.target.embedded ? ' (embedded reference target)' : '';
    const strict = run.strict ? ', strict' : '';
    const part = run.filters ? `, part of the suite: ${visible(filtersLine(run.filters))}` : '';
    this.line(`paycert ${visible(run.harnessVersion)}: ${plural(checks.length, 'check')} against ${visible(run.target.baseUrl)}${embedded} (${visible(run.profile)}${strict}${part})`);
    this.progress.begin(checks.length);
  }

  onCheckEnd(result: CheckResult): void {
    if (this.quiet) return;
    this.progress.clear();
    this.checkLines(result);
    this.progress.tick(result.status === 'failed');
  }

  private checkLines(result: CheckResult): void {
    // Ticks need a terminal that shows them; a plain log gets words that grep and diff well.
    const mark = this.color ? resultIcon(result) : resultWord(result);
    const took = result.status === 'skipped' ? '' : ` ${this.p.grey(`(${formatDuration(result.durationMs)})`)}`;
    const tint = (text: string) => (result.baseline ? this.tintMark(result.baseline.state, text) : this.tint(result.status, text));
    this.line(`${tint(mark)} ${visible(result.check.id)} ${visible(result.check.title)}${took}`);
    if (result.failure && (result.status === 'failed' || result.status === 'warning')) {
      this.line(`    ${tint(oneLine(result.failure.message))}`);
    } else if (result.status === 'skipped' && result.skipReason !== undefined) {
      this.line(`    ${this.p.grey(oneLine(result.skipReason))}`);
    }
    if (result.baseline) this.line(`    ${tint(oneLine(baselineNote(result.baseline)))}`);
  }

  private tintMark(state: BaselineMark['state'], text: string): string {
    return { known: this.p.grey, fixed: this.p.yellow, expired: this.p.red }[state](text);
  }

  onEnd(report: RunReport): void {
    this.progress.end();
    const expected = (r: CheckResult) => r.baseline?.state === 'known';
    const failed = report.checks.filter((r) => r.status === 'failed' && !expected(r));
    const warned = report.checks.filter((r) => r.status === 'warning' && !expected(r));
    // Checks a stopped target, --max-time or --bail kept from running have nothing to show but why: one line per reason.
    const notRun = failed.filter(isNotRun);
    if (this.quiet) return this.quietEnd(report, failed.filter((r) => !isNotRun(r)), report.strict ? warned : [], notRun);
    this.details(`Failures (${failed.length - notRun.length})`, failed.filter((r) => !isNotRun(r)));
    this.notRunLines(notRun);
    this.details(`Warnings (${warned.length})${report.strict ? ': failing under --strict' : ''}`, warned);
    this.baselineLines(report);
    const verdict = verdictLine(report);
    this.line();
    const tint = { certified: this.p.green, partial: this.p.yellow, 'not certified': this.p.red }[report.verdict];
    this.line(tint(verdict));
  }

  /** --quiet: a failure in one line each (the reports have the rest), the checks not run, the verdict. */
  private quietEnd(report: RunReport, failed: readonly CheckResult[], warned: readonly CheckResult[], notRun: readonly CheckResult[]): void {
    for (const r of [...failed, ...warned]) {
      const what = r.failure ? `: ${oneLine(r.failure.message)}` : '';
      this.line(`${this.tint(r.status, resultWord(r))} ${visible(r.check.id)}${what}`);
    }
    this.notRunLines(notRun, false);
    const tint = { certified: this.p.green, partial: this.p.yellow, 'not certified': this.p.red }[report.verdict];
    this.line(tint(verdictLine(report)));
  }

  /** Known failures in one line each (their details are in the reports), then fixed and expired entries. */
  private baselineLines(report: RunReport): void {
    const groups: Array<[BaselineMark['state'], string]> = [
      ['known', 'Known failures (the baseline expects them; they do not fail the run)'],
      ['fixed', `Fixed (listed in the baseline, passed: take them out of it)${report.strict ? ': failing under --strict' : ''}`],
      ['expired', 'Expired baseline entries (they fail the run)'],
    ];
    for (const [state, heading] of groups) {
      const results = report.checks.filter((r) => r.baseline?.state === state);
      if (results.length === 0) continue;
      this.line();
      this.line(this.p.bold(`${heading}: ${results.length}`));
      for (const r of results) {
        const what = r.failure ? ` ${oneLine(r.failure.message)}` : '';
        this.line(`  ${this.tintMark(state, BASELINE_WORD[state])} ${visible(r.check.id)}${what} - ${oneLine(baselineNote(r.baseline!))}`);
      }
    }
  }

  private notRunLines(results: readonly CheckResult[], spaced = true): void {
    if (results.length === 0) return;
    const byReason = new Map<string, number>();
    for (const r of results) {
      const reason = oneLine(r.failure!.message.slice(NOT_RUN.length));
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    }
    if (spaced) this.line();
    for (const [reason, count] of byReason) this.line(this.p.red(`${reason}: ${plural(count, 'check')} not run (each is a failure; the reports list them)`));
  }

  private details(heading: string, results: readonly CheckResult[]): void {
    if (results.length === 0) return;
    this.line();
    this.line(this.p.bold(heading));
    for (const result of results) {
      this.line();
      this.line(result.failure ? formatFailure(result.failure, { color: this.color }) : `[${visible(result.check.id)}] ${STATUS_WORD[result.status]}: no failure details were recorded`);
    }
  }
}
