/**
 * The jest reporter of the conformance project: a thin adapter from jest's events to paycert's
 * reporters. Jest says a test case ended; this reads that check's result (written by the worker)
 * and passes it on; at the end it assembles the RunReport and hands it to the file reporters.
 */
import TestSequencer from '@jest/test-sequencer';
import type { AggregatedResult, Test, TestCaseResult, TestResult } from '@jest/reporters';
import type { Config } from '@jest/types';
import { ReporterMux, type Reporter } from '../core/reporter';
import type { CheckInfo, CheckResult, RunInfo, RunReport } from '../core/types';
import { assembleReport, runInfoOf } from '../engine/run-info';
import { withBaseline } from './test-outcome';
import { redactorOf } from '../config/redactor-of';
import { Redactor } from '../core/redactor';
import { targetArgsOf, withReplayTarget } from '../run/replay-target';
import { suiteHash } from '../run/suite-hash';
import { ConsoleReporter, colorEnabled } from '../report/console-reporter';
import { fileReporters } from '../report';
import { importRunContext, type RunContext } from '../run/context';
import { clearPartials, readAllPartials, readPartial } from '../run/partials';
import { allChecks } from '../checks/all-checks';
import { selectChecks } from '../checks/select';


/** The conformance project's test files: spec, probe, property and contract files. */
const isSpec = (path: string) => /\.spec\.ya?ml$|\.probe\.ts$|\.property\.ts$|\.contract\.ts$/.test(path);
const idOf = (title: string) => /^\[([^\]]+)\]/.exec(title)?.[1];

export default class PaycertJestReporter {
  private ctx: RunContext | undefined;
  private mux: ReporterMux | undefined;
  /** What leaves this process (reports, console, stderr) passes this once the run is known. */
  private redactor: Redactor = Redactor.cardsOnly;
  private readonly results = new Map<string, CheckResult>();
  private begun = false;

  constructor(
    private readonly globalConfig: Config.GlobalConfig,
  ) {}

  /** The checks this run (and this shard) will run, for the opening line. */
  private plannedChecks(ctx: RunContext): CheckInfo[] {
    let checks = selectChecks(allChecks(this.globalConfig.rootDir).all(), ctx.options, ctx.target.profile);
    const shard = this.globalConfig.shard;
    if (shard) {
      const files = [...new Set(checks.map((c) => c.file))];
      const tests = files.map((path) => ({ path, context: { config: { rootDir: this.globalConfig.rootDir } } }) as unknown as Test);
      const mine = new Set((new TestSequencer({ contexts: [], globalConfig: this.globalConfig }).shard(tests, shard) as Test[]).map((t) => t.path));
      checks = checks.filter((c) => mine.has(c.file));
    }
    return checks.map((c) => c.info);
  }

  private async begin(): Promise<void> {
    if (this.begun) return;
    this.begun = true;
    this.ctx = importRunContext();
    if (!this.ctx) return;
    const { options } = this.ctx;
    const reporters: Reporter[] = fileReporters(options.reportsDir, { ...(options.signKeyFile !== undefined && { signKeyFile: options.signKeyFile }) });
    if (options.console) {
      const ci = Boolean(process.env.CI);
      reporters.unshift(new ConsoleReporter({ out: process.stdout, color: colorEnabled(process.env, process.stdout.isTTY) && !ci, ci }));
    }
    this.redactor = redactorOf(this.ctx.target);
    this.mux = new ReporterMux(reporters, this.redactor);
    let planned: CheckInfo[] = [];
    try {
      planned = this.plannedChecks(this.ctx);
    } catch {
      // A spec file that does not load fails its own jest test file; the opening line just counts less.
    }
    await this.mux.onBegin(this.runInfo(this.ctx), planned);
  }

  private runInfo(ctx: RunContext): RunInfo {
    const shard = this.globalConfig.shard;
    return runInfoOf(ctx, (this.suite ??= suiteHash(this.globalConfig.rootDir)), shard ? `${shard.shardIndex}/${shard.shardCount}` : undefined);
  }

  private baselined(result: CheckResult): CheckResult {
    return this.ctx ? withBaseline(result, this.ctx.options) : result;
  }

  private suite: string | undefined;

  async onTestFileStart(test: Test): Promise<void> {
    if (isSpec(test.path)) await this.begin();
  }

  private async record(title: string, status: string, failureMessages: readonly string[], duration: number | null | undefined): Promise<void> {
    if (!this.ctx || !this.mux) return;
    const id = idOf(title);
    if (!id || this.results.has(id)) return;
    let result = readPartial(this.ctx.options, id);
    if (!result && status === 'failed') {
      // The test failed before the scenario could record a result (a harness problem): report it as such.
      const message = (failureMessages[0] ?? 'failed').split('\n')[0]!;
      const harnessError: CheckResult = {
        check: { id, title, level: 'MUST', ref: { clause: '', seed: '' }, tags: [], needs: [] },
        status: 'failed',
        durationMs: duration ?? 0,
        failure: { checkId: id, title, level: 'MUST', message: `harness error: ${message}` },
      };
      result = withReplayTarget(harnessError, this.ctx.options.targetArgs ?? targetArgsOf(this.ctx.target, this.ctx.options.timeoutMs));
    }
    if (!result) return;
    result = this.baselined(result);
    this.results.set(id, result);
    await this.mux.onCheckEnd(result);
  }

  async onTestCaseResult(test: Test, testCase: TestCaseResult): Promise<void> {
    if (!isSpec(test.path)) return;
    await this.record(testCase.title, testCase.status, testCase.failureMessages, testCase.duration);
  }

  async onTestFileResult(test: Test, testResult: TestResult): Promise<void> {
    if (!isSpec(test.path)) return;
    await this.begin();
    // Skipped cases and any case whose own event was missed.
    for (const c of testResult.testResults) await this.record(c.title, c.status, c.failureMessages, c.duration);
  }

  async onRunComplete(_contexts: unknown, aggregated: AggregatedResult): Promise<void> {
    if (!this.ctx || !this.mux) return;
    for (const r of readAllPartials(this.ctx.options)) if (!this.results.has(r.check.id)) this.results.set(r.check.id, this.baselined(r));
    const report: RunReport = assembleReport(this.runInfo(this.ctx), [...this.results.values()], this.ctx.options.strict);
    await this.mux.onEnd(report);
    clearPartials(this.ctx.options);
    const stderr = (line: string) => process.stderr.write(`${this.redactor.text(line)}\n`);
    for (const e of this.mux.errors) stderr(`paycert: reporter ${e.reporter} failed in ${e.hook}: ${String(e.error)}`);
    for (const suite of aggregated.testResults) {
      if (isSpec(suite.testFilePath) && suite.testExecError) stderr(`paycert: ${suite.testFilePath}: ${suite.testExecError.message.split('\n')[0]}`);
    }
  }

  getLastError(): Error | undefined {
    return undefined;
  }
}
