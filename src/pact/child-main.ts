/**
 * The entry of a run's Pact verification child (child.ts starts it). It loads a verification and
 * nothing else: started as `paycert pact verify`, the child spent half its CPU loading the whole
 * command line (every command, every profile's help) before it verified anything.
 *
 * Arguments: the contract file, then the file the verdicts are written to. The target and the
 * budgets are the run's, handed over in the environment (src/run/context.ts). Exit 0 once the
 * verdicts are written; else exit 2 with one redacted line on stderr.
 */
import './no-tracking';
import { writeFileSync } from 'node:fs';
import { redactorOf } from '../config/redactor-of';
import { importRunContext } from '../run/context';
import { probeTarget } from '../run/probe';
import { boundedVerdicts } from './bounded-verdicts';
import { verifyContract } from './verify';

/**
 * Verifies `file` against the run's target and writes the verdicts, redacted and bounded, to `out`.
 * @throws Error when there is no run context in `env`, or the target does not answer.
 */
export async function verifyForRun(file: string, out: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const run = importRunContext(env);
  if (!run) throw new Error('no run context in the environment (this is the Pact child of paycert run)');
  const { target, options } = run;
  await probeTarget(target.baseUrl, options.timeoutMs, options.maxAnswerBytes);
  const verdicts = await verifyContract(file, target, options.timeoutMs, options.maxAnswerBytes);
  writeFileSync(out, JSON.stringify(boundedVerdicts(verdicts, redactorOf(target))));
}

if (require.main === module) {
  const [file, out] = process.argv.slice(2);
  verifyForRun(file!, out!).then(
    () => undefined,
    (error: unknown) => {
      const run = importRunContext();
      const line = String(error instanceof Error ? error.message : error).split('\n')[0]!;
      process.stderr.write(`paycert: ${run ? redactorOf(run.target).text(line) : line}\n`);
      process.exitCode = 2;
    },
  );
}
