/**
 * `paycert client`: serve the reference target on 127.0.0.1 and judge every request a POS app
 * sends, until `--requests N` were answered, `--duration S` passed, or SIGINT/SIGTERM; then the
 * client report (console, report.json, junit.xml, summary.md, report.html) and an exit code:
 * 0 every MUST held (SHOULDs warn, unless --strict), 1 a MUST broken, 2 bad input.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EventEmitter } from 'node:events';
import { ReporterMux, type Reporter } from '../../../core/reporter';
import { exitCodeOf } from '../../../core/verdict';
import { ConsoleReporter } from '../../../report/console-reporter';
import { reportsDirProblem } from '../../../report/files';
import { fileReporters } from '../../../report';
import { requestLines } from './console';
import { clientRedactor, clientRunReport } from './report';
import { startClientJudge, type RunningJudge } from './server';

export const CLIENT_HELP = `Usage: paycert client [--port P] [--requests N | --duration S] [--reports DIR] [--strict]

Certifies a Viopay POS app (the other side of the API). Serves the reference target (the same rules as paycert serve) on 127.0.0.1 and judges every
request the app sends against the request rules of PROFILE 1.1-1.3, 1.5-1.7 and 1.9. Answers
stay the PROFILE answers; a bad signature is diagnosed on the console and in the report only.

  --port P         port to listen on (default 0: an ephemeral port, printed at start)
  --requests N     end the session after N requests were answered
  --duration S     end the session after S seconds
                   (neither: the session ends on Ctrl-C / SIGTERM)
  --reports DIR    where report.json, junit.xml, summary.md and report.html go
                   (default reports/client)
  --strict         a broken SHOULD rule fails the session too
  --profile NAME   viopay-pos (the only profile with a client judge)
  -h, --help       this text

Exit codes: 0 every MUST rule held; 1 a MUST rule broken (or, with --strict, a SHOULD);
2 bad input.
`;

export interface ClientIo {
  out: { write(text: string): void };
  err: { write(text: string): void };
}

/** What tests replace: the signals that end a session, and a look at the judge once it listens. */
export interface ClientCommandHooks {
  signals?: Pick<EventEmitter, 'once' | 'removeListener'>;
  onStart?: (judge: RunningJudge) => void;
}

interface ClientArgs {
  port: number;
  requests?: number;
  durationS?: number;
  reports: string;
  strict: boolean;
}

class BadInput extends Error {}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new BadInput(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return Number(text);
}

function parse(args: string[]): ClientArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        requests: { type: 'string' },
        duration: { type: 'string' },
        reports: { type: 'string' },
        strict: { type: 'boolean' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new BadInput((error as Error).message.split('\n')[0]!);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.profile !== undefined && v.profile !== 'viopay-pos') throw new BadInput(`--profile ${v.profile}: only viopay-pos has a client judge`);
  if (v.requests !== undefined && v.duration !== undefined) throw new BadInput('give --requests or --duration, not both');
  const out: ClientArgs = { port: v.port === undefined ? 0 : wholeNumber('--port', v.port, 0, 65535), reports: v.reports ?? 'reports/client', strict: v.strict === true };
  if (v.requests !== undefined) out.requests = wholeNumber('--requests', v.requests, 1, 1_000_000);
  if (v.duration !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(v.duration) || Number(v.duration) <= 0 || Number(v.duration) > 86_400) throw new BadInput(`--duration must be a number of seconds from 0 to 86400 (not 0), got "${v.duration}"`);
    out.durationS = Number(v.duration);
  }
  if (v.reports === '') throw new BadInput('--reports needs a directory');
  return out;
}

/** Runs `paycert client` with `args`; resolves to the exit code. Never throws for bad input. */
export async function runClientCommand(args: string[], io: ClientIo, hooks: ClientCommandHooks = {}): Promise<number> {
  let options: ClientArgs | 'help';
  try {
    options = parse(args);
  } catch (error) {
    if (!(error instanceof BadInput)) throw error;
    io.err.write(`paycert client: ${error.message.replace(/[\r\n]+/g, ' ')}\n`);
    return 2;
  }
  if (options === 'help') {
    io.out.write(CLIENT_HELP);
    return 0;
  }
  const reportsDir = resolve(options.reports);
  const problem = reportsDirProblem(reportsDir);
  if (problem) {
    io.err.write(`paycert client: --reports: ${problem}\n`);
    return 2;
  }
  const startedAt = new Date().toISOString();
  let finish: () => void = () => undefined;
  const ended = new Promise<void>((done) => (finish = done));
  let redactor = clientRedactor({ terminalId: '', keyId: '', hmacSecret: '', msk: Buffer.alloc(32) });
  let judge: RunningJudge;
  const limit = options.requests;
  try {
    judge = await startClientJudge({
      port: options.port,
      onJudged: (judged) => {
        for (const line of requestLines(judged, redactor)) io.out.write(`${line}\n`);
        if (limit !== undefined && judged.request.index >= limit) finish();
      },
    });
  } catch (error) {
    io.err.write(`paycert client: cannot listen on 127.0.0.1:${options.port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 2;
  }
  redactor = clientRedactor(judge.keys);
  const signals = hooks.signals ?? process;
  const onSignal = () => finish();
  signals.once('SIGINT', onSignal);
  signals.once('SIGTERM', onSignal);
  const timer = options.durationS === undefined ? undefined : setTimeout(finish, options.durationS * 1000);
  io.out.write(
    `paycert client: judging POS app requests at ${judge.url}\n` +
      `  terminal ${judge.keys.terminalId}, key id ${judge.keys.keyId}; secret and MSK: the published test values (README.md)\n` +
      `  ${options.requests !== undefined ? `ends after ${options.requests} requests` : options.durationS !== undefined ? `ends after ${options.durationS} s` : 'ends on Ctrl-C'}; reports in ${reportsDir}\n`,
  );
  hooks.onStart?.(judge);
  await ended;
  if (timer) clearTimeout(timer);
  signals.removeListener('SIGINT', onSignal);
  signals.removeListener('SIGTERM', onSignal);
  await judge.close();
  const report = clientRunReport(judge.session, { startedAt, strict: options.strict });
  const reporters: Reporter[] = [new ConsoleReporter({ out: io.out }), ...fileReporters(reportsDir)];
  const mux = new ReporterMux(reporters, redactor);
  await mux.onBegin(report, report.checks.map((r) => r.check));
  for (const result of report.checks) await mux.onCheckEnd(result);
  await mux.onEnd(report);
  for (const e of mux.errors) io.err.write(`paycert client: a reporter failed (${e.hook}): ${redactor.text(String((e.error as Error)?.message ?? e.error))}\n`);
  return exitCodeOf(report);
}

