/**
 * `paycert pact generate`: runs the Pact consumer tests (jest) that write the contract of every
 * profile that has one (src/profiles/<name>/contract-side.ts).
 * `paycert pact verify [--profile P]`: verifies a contract (P's, the default profile's, or `--pact
 * FILE`) against any target, as the contract's profile reaches it.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { didYouMean } from '../core/did-you-mean';
import { UserError } from '../core/errors';
import { EXIT } from '../core/verdict';
import { CONTRACT_NAME, contractFile, type ContractNames } from '../pact/names';
import { contractProfile, paycertInteractions, readContract } from '../pact/contract-file';
import { allProfiles, type Profile } from '../profiles';
import type { ContractSide } from '../profiles/contract-side';
import { importRunContext } from '../run/context';
import { chooseTarget, startEmbedded } from '../run/resolve-target';
import { configLine } from '../config/discover';
import { parse, seconds } from './args';
import { PACT_HELP } from './help';
import { PACKAGE_ROOT, type Io } from './io';
import { probeTarget } from '../run/probe';
import { redactorOf } from '../config/redactor-of';
import { boundedVerdicts } from '../pact/bounded-verdicts';
import { answerBudget } from './budgets';
import { runJestQuietly } from './jest-quiet';
import { reportsDirProblem } from '../report/files';

/** The profiles that have a Pact contract, in the registry's order; the first is the default one. */
function contractProfiles(): Array<Profile & { contract: ContractSide }> {
  return allProfiles().filter((p): p is Profile & { contract: ContractSide } => p.contract !== undefined);
}

async function generate(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse('pact generate', argv, { out: { type: 'string' }, consumer: { type: 'string' }, provider: { type: 'string' } });
  if (values.help) return void io.out.write(PACT_HELP), EXIT.certified;
  // --consumer and --provider name the default profile's contract; the others keep their names.
  const [first, ...others] = contractProfiles();
  const names: Record<string, ContractNames> = Object.fromEntries(others.map((p) => [p.name, p.contract.names]));
  if (first) {
    names[first.name] = { consumer: values.consumer ?? first.contract.names.consumer, provider: values.provider ?? first.contract.names.provider };
    for (const [field, name] of Object.entries(names[first.name]!)) if (!CONTRACT_NAME.test(name)) throw new UserError(`--${field} must be letters, digits, '.', '_' or '-', got "${name}"`);
  }
  const dir = resolve(values.out ?? join(PACKAGE_ROOT, 'contracts'));
  // Before the consumer tests run: a folder the contract cannot be written to is one line now.
  const outProblem = reportsDirProblem(dir);
  if (outProblem) throw new UserError(`--out: ${outProblem}`);
  Object.assign(process.env, { PAYCERT_PACT_DIR: dir, PAYCERT_PACT_NAMES: JSON.stringify(names) });
  // jest's own banners and reports stay out of paycert's output; a failure is told here.
  const results = await runJestQuietly(join(PACKAGE_ROOT, 'contracts', 'consumer.pact.test.ts'));
  if (!results.success) {
    for (const failure of results.failures) io.err.write(`${failure}\n`);
    io.err.write('paycert: the Pact consumer tests failed (see above); no contract written\n');
    return EXIT.harnessError;
  }
  for (const file of contractProfiles().map((p) => contractFile(dir, names[p.name]!))) {
    io.out.write(`wrote ${file} (${paycertInteractions(readContract(file)).length} interactions, Pact V4)\n`);
  }
  return EXIT.certified;
}

/** The profile `--profile` names, with its contract; anything else is one line (exit 2) with a did-you-mean. */
function contractProfileNamed(name: string): Profile & { contract: ContractSide } {
  const withContract = contractProfiles();
  const found = withContract.find((p) => p.name === name);
  if (found) return found;
  const names = withContract.map((p) => p.name);
  if (allProfiles().some((p) => p.name === name)) throw new UserError(`pact verify: the profile ${name} has no Pact contract`, undefined, undefined, `profiles with one: ${names.join(', ')}`);
  const guess = didYouMean(name, allProfiles().map((p) => p.name));
  throw new UserError(`pact verify: --profile ${name} is not a profile`, undefined, undefined, guess ? `did you mean "${guess}"?` : `profiles with a contract: ${names.join(', ')}`);
}

async function verify(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse('pact verify', argv, { profile: { type: 'string' }, config: { type: 'string' }, target: { type: 'string' }, pact: { type: 'string' }, timeout: { type: 'string' }, 'max-answer-bytes': { type: 'string' }, 'json-out': { type: 'string' } });
  if (values.help) return void io.out.write(PACT_HELP), EXIT.certified;
  // The verdicts' file is written after the verification: a path that cannot take it is one line now.
  if (values['json-out'] !== undefined) {
    try {
      writeFileSync(values['json-out'], '[]');
    } catch (error) {
      throw new UserError(`--json-out: cannot write ${values['json-out']}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  // --profile chooses the contract (and, without a config or --target, the embedded target) of that profile.
  const asked = values.profile === undefined ? undefined : contractProfileNamed(values.profile);
  const byDefault = asked ?? contractProfiles()[0];
  if (values.pact === undefined && !byDefault) throw new UserError('no profile has a Pact contract: give --pact FILE');
  const file = resolve(values.pact ?? contractFile(join(PACKAGE_ROOT, 'contracts'), byDefault!.contract.names));
  let contractOf: Profile;
  try {
    contractOf = contractProfile(readContract(file));
  } catch (error) {
    throw new UserError(`not a readable Pact file: ${(error as Error).message.split('\n')[0]}`, { file });
  }
  if (asked && contractOf.name !== asked.name) throw new UserError(`pact verify: the contract ${values.pact} is for the profile ${contractOf.name}, not ${asked.name}`, undefined, undefined, `give --profile ${contractOf.name}, or leave --pact out`);
  // A run's own child gets its target and budgets through the environment, as jest workers do.
  const run = importRunContext(io.env);
  const timeoutMs = values.timeout === undefined && run ? run.options.timeoutMs : seconds('timeout', values.timeout, 10) * 1000;
  const maxAnswerBytes = answerBudget(values['max-answer-bytes']) ?? run?.options.maxAnswerBytes;
  // The contract says which API it is for (its interactions' profile).
  const profile = contractOf.name;
  // --config or --target, else the run's own (a run's child), else discovery: PAYCERT_CONFIG, then a config in the working directory.
  const chosen = run && values.config === undefined && values.target === undefined ? { target: run.target, config: undefined } : chooseTarget({ config: values.config, target: values.target, profile, env: io.env, cwd: process.cwd() });
  if (chosen.config) io.out.write(`${configLine(chosen.config)}\n`);
  if (chosen.target && chosen.config && chosen.target.profile !== profile) throw new UserError(`the contract ${file} is of profile ${profile}, but the config says profile: ${chosen.target.profile}`, { file: chosen.config.file });
  let target = chosen.target;
  let embedded;
  if (target) io.redactor = redactorOf(target);
  if (target) await probeTarget(target.baseUrl, timeoutMs, maxAnswerBytes);
  else ({ target, running: embedded } = await startEmbedded(profile));
  // The verdicts quote what the target answered: they leave this process redacted.
  const redactor = redactorOf(target);
  try {
    // pact-js is loaded when a verification runs, not at every start of the bin.
    const { verifyContract } = await import('../pact/verify');
    const verdicts = boundedVerdicts(await verifyContract(file, target, timeoutMs, maxAnswerBytes), redactor);
    if (values['json-out']) writeFileSync(values['json-out'], JSON.stringify(verdicts));
    for (const v of verdicts) io.out.write(`${v.status.toUpperCase().padEnd(7)} ${v.description}${v.messages.length ? `\n        ${v.messages.join('\n        ')}` : ''}\n`);
    const failed = verdicts.filter((v) => v.status === 'failed').length;
    io.out.write(`paycert pact verify: ${verdicts.length - failed} of ${verdicts.length} interactions verified against ${target.baseUrl}\n`);
    return failed ? EXIT.notCertified : EXIT.certified;
  } finally {
    await embedded?.close();
  }
}

export async function pactCommand(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'generate') return generate(rest, io);
  if (sub === 'verify') return verify(rest, io);
  if (sub === undefined || sub === '--help' || sub === '-h') return void io.out.write(PACT_HELP), sub === undefined ? EXIT.harnessError : EXIT.certified;
  throw new UserError(`pact: unknown subcommand "${sub}"`, undefined, undefined, 'paycert pact generate | verify');
}
