/**
 * A StrykerJS test runner whose "tests" are paycert's own checks of one profile, each run in this
 * process against a fresh reference target of that profile (src/mutation/certify.ts), as
 * `paycert selftest` certifies a variant.
 *
 * Why a custom runner and not the jest runner or the command runner: the target and the checks
 * run in one process, so Stryker's instrumented target code reports which check executed it
 * (`__stryker__.currentTestId` during the dry run: perTest coverage), and a mutant run starts no
 * process and no jest: it activates the mutant (`__stryker__.activeMutant`), runs only the checks
 * that cover it and stops at the first that fails. That keeps a full profile within minutes on
 * two cores.
 *
 * A mutant is killed when a check that passed twice on the unmutated target fails or warns on the
 * mutant (the kill is confirmed by running that check again with no mutant active: a check that
 * fails then too is flaky, reported as an error, never counted), or when the process sees an
 * uncaught exception or unhandled rejection (a real server would crash). Checks that do not pass,
 * or pass only once, on the unmutated target are reported skipped and written to baseline.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';
import { commonTokens, declareClassPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { determineHitLimitReached, DryRunStatus, MutantRunStatus, TestStatus } from '@stryker-mutator/api/test-runner';

const swc = createRequire(import.meta.url)('@swc/core');

/** As scripts/register-ts.js compiles (no source maps, no disk cache: sandbox paths change every run). */
const SWC_OPTIONS = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
const compiled = new Map();

/** Loads .ts with swc, from memory after the first time: a reload (static mutants) compiles only what changed. */
function installTsHook() {
  Module._extensions['.ts'] = function compileTs(module, filename) {
    const source = readFileSync(filename, 'utf8');
    const key = `${filename}\u0000${source}`;
    let code = compiled.get(key);
    if (code === undefined) {
      code = swc.transformSync(source, { ...SWC_OPTIONS, filename }).code;
      compiled.set(key, code);
    }
    module._compile(code, filename);
  };
}

const namespace = () => (globalThis[INSTRUMENTER_CONSTANTS.NAMESPACE] ??= {});

const isBad = (status) => status === 'failed' || status === 'warning';

const describeFailure = (result) => `${result.check.id} ${result.status}: ${result.failure?.message ?? result.skipReason ?? ''}`.trim();

export class PaycertTestRunner {
  static inject = tokens(commonTokens.logger, commonTokens.options);

  constructor(logger, options) {
    this.log = logger;
    this.settings = options.paycert;
    this.root = process.cwd();
    /**
     * Ids of the checks that passed on the unmutated target in both baseline rounds. Only one
     * runner process makes the dry run, and Stryker starts new ones (concurrency, after a
     * timeout) without one: those read it from baseline.json, which the dry run writes.
     */
    this.usable = undefined;
    this.loaded = false;
    /** Errors the process saw that nobody handled: a crash of the target under the mutant. */
    this.crashes = [];
  }

  capabilities() {
    return { reloadEnvironment: true };
  }

  /**
   * Loads nothing yet: a process that Stryker starts for a static mutant (it has made no dry run)
   * must load the targets with that mutant already active.
   */
  async init() {
    installTsHook();
    process.on('uncaughtException', (error) => this.crashes.push(`uncaught exception: ${error?.message ?? error}`));
    process.on('unhandledRejection', (reason) => this.crashes.push(`unhandled rejection: ${reason?.message ?? reason}`));
  }

  /** Requires the sandbox's harness (and through it the instrumented targets) and lists the profile's checks. */
  load() {
    this.loaded = true;
    const require = createRequire(join(this.root, 'package.json'));
    this.certify = require('./src/mutation/certify.ts');
    this.checks = this.certify.checksOfProfile(this.root, this.settings.profile);
    this.options = { ...this.certify.DEFAULT_CERTIFY_OPTIONS, ...this.settings.certify };
  }

  /** Forgets every module of the sandbox (never node_modules) and loads again: a static mutant's module state goes. */
  reload() {
    const mine = this.root + sep;
    for (const file of Object.keys(Module._cache)) {
      if (file.startsWith(mine) && !file.includes(`${sep}node_modules${sep}`)) delete Module._cache[file];
    }
    this.load();
  }

  async dryRun(options) {
    const ns = namespace();
    ns[INSTRUMENTER_CONSTANTS.ACTIVE_MUTANT] = undefined;
    if (!this.loaded) this.load();
    const perTest = options.coverageAnalysis === 'perTest';
    const rounds = [new Map(), new Map()];
    try {
      for (const results of rounds) {
        for (const check of this.checks) {
          if (perTest) ns[INSTRUMENTER_CONSTANTS.CURRENT_TEST_ID] = check.info.id;
          results.set(check.info.id, await this.certify.certifyOne(check, this.options));
          ns[INSTRUMENTER_CONSTANTS.CURRENT_TEST_ID] = undefined;
        }
      }
    } catch (error) {
      return { status: DryRunStatus.Error, errorMessage: String(error?.stack ?? error) };
    }
    const baseline = { profile: this.settings.profile, checks: this.checks.length, usable: [], notPassing: [], flaky: [], crashes: [...this.crashes] };
    this.usable = new Set();
    const tests = this.checks.map((check) => {
      const id = check.info.id;
      const [first, second] = rounds.map((r) => r.get(id));
      const base = { id, name: `${id}: ${check.info.title}`, timeSpentMs: Math.round((first.durationMs + second.durationMs) / 2), fileName: check.file };
      if (first.status === 'passed' && second.status === 'passed') {
        this.usable.add(id);
        baseline.usable.push(id);
        return { ...base, status: TestStatus.Success };
      }
      if (first.status === second.status) baseline.notPassing.push({ id, status: first.status, message: describeFailure(first) });
      else baseline.flaky.push({ id, statuses: [first.status, second.status], message: describeFailure(isBad(first.status) ? first : second) });
      return { ...base, status: TestStatus.Skipped };
    });
    for (const { message } of baseline.notPassing) this.log.warn(`not counted (does not pass on the unmutated target): ${message}`);
    for (const { message } of baseline.flaky) this.log.warn(`not counted (flaky on the unmutated target): ${message}`);
    this.writeBaseline(baseline);
    this.crashes = [];
    const result = { status: DryRunStatus.Complete, tests };
    if (perTest) result.mutantCoverage = ns[INSTRUMENTER_CONSTANTS.MUTATION_COVERAGE_OBJECT];
    return result;
  }

  writeBaseline(baseline) {
    mkdirSync(this.settings.reportDir, { recursive: true });
    writeFileSync(join(this.settings.reportDir, 'baseline.json'), `${JSON.stringify(baseline, null, 2)}\n`);
  }

  /** The usable checks, from this process's dry run or else from the baseline the dry run wrote. */
  usableChecks() {
    if (this.usable === undefined) {
      const baseline = JSON.parse(readFileSync(join(this.settings.reportDir, 'baseline.json'), 'utf8'));
      if (baseline.profile !== this.settings.profile) throw new Error(`baseline.json is of profile ${baseline.profile}, not ${this.settings.profile}`);
      this.usable = new Set(baseline.usable);
    }
    return this.checks.filter((c) => this.usable.has(c.info.id));
  }

  async mutantRun(options) {
    const { activeMutant, testFilter, hitLimit, reloadEnvironment, mutantActivation, disableBail } = options;
    const ns = namespace();
    const C = INSTRUMENTER_CONSTANTS;
    // A static mutant acts while modules load; a runtime one once they are loaded.
    ns[C.ACTIVE_MUTANT] = mutantActivation === 'static' ? activeMutant.id : undefined;
    if (!this.loaded) this.load();
    else if (reloadEnvironment) this.reload();
    ns[C.ACTIVE_MUTANT] = activeMutant.id;
    ns[C.HIT_LIMIT] = hitLimit;
    ns[C.HIT_COUNT] = hitLimit === undefined ? undefined : 0;
    ns[C.CURRENT_TEST_ID] = undefined;
    this.crashes = [];
    const wanted = testFilter ? new Set(testFilter) : undefined;
    const checks = this.usableChecks().filter((c) => !wanted || wanted.has(c.info.id));
    const killedBy = [];
    let firstFailure;
    let ran = 0;
    try {
      // Never a silent survivor: a mutant that no counted check covers is an error, with why.
      if (checks.length === 0) return { status: MutantRunStatus.Error, errorMessage: `no counted check covers it (covered by: ${(testFilter ?? []).join(', ') || 'none'}; see baseline.json)` };
      for (const check of checks) {
        ran++;
        const result = await this.certify.certifyOne(check, this.options);
        const timeout = determineHitLimitReached(ns[C.HIT_COUNT], ns[C.HIT_LIMIT]);
        if (timeout) return timeout;
        if (this.crashes.length > 0) return { status: MutantRunStatus.Killed, killedBy: [check.info.id], failureMessage: `the target crashed: ${this.crashes[0]}`, nrOfTests: ran };
        if (!isBad(result.status)) continue;
        if (mutantActivation === 'runtime') {
          // The same check with no mutant active: it must pass, or the kill says nothing.
          ns[C.ACTIVE_MUTANT] = undefined;
          const again = await this.certify.certifyOne(check, this.options);
          ns[C.ACTIVE_MUTANT] = activeMutant.id;
          if (again.status !== 'passed') {
            return { status: MutantRunStatus.Error, errorMessage: `flaky check: ${describeFailure(result)}, and on the unmutated target ${describeFailure(again)}` };
          }
        }
        killedBy.push(check.info.id);
        firstFailure ??= describeFailure(result);
        if (!disableBail) break;
      }
    } finally {
      ns[C.ACTIVE_MUTANT] = undefined;
      ns[C.HIT_LIMIT] = undefined;
      ns[C.HIT_COUNT] = undefined;
    }
    if (killedBy.length > 0) return { status: MutantRunStatus.Killed, killedBy, failureMessage: firstFailure, nrOfTests: ran };
    return { status: MutantRunStatus.Survived, nrOfTests: ran };
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'paycert', PaycertTestRunner)];

/** The runner's own options, `paycert` in the Stryker options (mutation/run.mjs fills them). */
export const strykerValidationSchema = {
  properties: {
    paycert: {
      type: 'object',
      properties: {
        profile: { type: 'string' },
        reportDir: { type: 'string' },
        certify: { type: 'object' },
      },
      required: ['profile', 'reportDir'],
    },
  },
};
