/** `paycert serve`: the reference target, until Ctrl-C. */
import { UserError } from '../core/errors';
import { EXIT } from '../core/verdict';
import { REFERENCE_CREDENTIALS, startReferenceTarget } from '../profiles/viopay-pos/target';
import { fault, variationOptions, vivaVariantRules, vpwsVariantOptions } from './variant-names';
import { parse } from './args';
import { SERVE_HELP } from './help';
import type { Io } from './io';
import { readAadeKey } from './viva';

export async function serveCommand(argv: readonly string[], io: Io, stop: Promise<void> = untilSignal()): Promise<number> {
  const { values } = parse('serve', argv, { port: { type: 'string' }, host: { type: 'string' }, fault: { type: 'string' }, variant: { type: 'string' }, profile: { type: 'string' }, book: { type: 'string' }, 'aade-public-key': { type: 'string' } });
  if (values.help) {
    io.out.write(SERVE_HELP);
    return EXIT.certified;
  }
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number (0-65535), got "${values.port}"`);
  if (values.profile === 'viva-interapp') return serveVivaTerminal(port, values.host ?? '127.0.0.1', values, io, stop);
  if (values.book !== undefined || values['aade-public-key'] !== undefined) throw new UserError('--book and --aade-public-key are for --profile viva-interapp');
  if (values.profile === 'vpws') return serveVpws(port, values.host ?? '127.0.0.1', values.fault, values.variant, io, stop);
  if (values.profile !== undefined && values.profile !== 'viopay-pos') throw new UserError(`--profile ${values.profile}: serve knows viopay-pos, vpws and viva-interapp`);
  const broken = values.fault === undefined ? undefined : fault(values.fault);
  const variations = values.variant === undefined ? [] : values.variant.split(',').map((v) => v.trim()).filter(Boolean);
  const options = { ...variationOptions(variations), ...(broken && { ...broken.conditions, rules: broken.rules }) };
  let target;
  try {
    target = await startReferenceTarget({ ...options, port, host: values.host ?? '127.0.0.1' });
  } catch (error) {
    throw new UserError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  io.out.write(
    `paycert reference target (Viopay POS) listening on ${target.url}\n` +
      `  state hook: ${target.stateUrl}\n` +
      `  terminal ${REFERENCE_CREDENTIALS.terminalId}, key id ${REFERENCE_CREDENTIALS.keyId}; secret and MSK: the published test values (README.md)\n` +
      (broken ? `  FAULT ${broken.name}: ${broken.title} (breaks ${broken.level} ${broken.clause})\n` : '') +
      (variations.length ? `  variations: ${variations.join(', ')}\n` : '') +
      `  certify it: npx paycert run --target ${target.url}\n`,
  );
  await stop;
  await target.close();
  io.out.write('paycert serve: stopped\n');
  return EXIT.certified;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** `paycert serve --profile vpws`: the VPWS reference target, with its state hook. */
async function serveVpws(port: number, host: string, faultName: string | undefined, variant: string | undefined, io: Io, stop: Promise<void>): Promise<number> {
  const { startVpwsTarget } = await import('../profiles/vpws/target/server');
  const { VPWS_REFERENCE_TOKENS } = await import('../profiles/vpws/target/options');
  const options = vpwsVariantOptions(faultName, variant);
  let target;
  try {
    target = await startVpwsTarget({ ...options, port, host });
  } catch (error) {
    throw new UserError(`cannot listen on ${host}:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  io.out.write(
    `paycert reference target (VPWS dealer payment cancellation) listening on ${target.url}\n` +
      `  state hook: ${target.stateUrl}\n` +
      `  dealer tokens: the published test values (README.md): dealer_a ${VPWS_REFERENCE_TOKENS.dealer_a.slice(0, 12)}..., dealer_b ${VPWS_REFERENCE_TOKENS.dealer_b.slice(0, 12)}...\n` +
      (faultName ? `  FAULT ${faultName}\n` : '') +
      `  certify it: npx paycert run --profile vpws --target ${target.url}\n`,
  );
  await stop;
  await target.close();
  io.out.write('paycert serve: stopped\n');
  return EXIT.certified;
}

/** `paycert serve --profile viva-interapp`: the Viva Terminal simulator (PROFILE section 3). */
async function serveVivaTerminal(
  port: number,
  host: string,
  { book: bookFile, 'aade-public-key': keyFile, fault: faultName, variant }: { book?: string; 'aade-public-key'?: string; fault?: string; variant?: string },
  io: Io,
  stop: Promise<void>,
): Promise<number> {
  const { startTerminalSimulator } = await import('../profiles/viva-interapp/terminal/server');
  const { INTERAPP_PATH } = await import('../profiles/viva-interapp/protocol/adapter');
  const { readBook } = await import('../profiles/viva-interapp/terminal/book');
  const { sampleBook } = await import('../profiles/viva-interapp/terminal/sample-book');
  const book = bookFile === undefined ? sampleBook() : readBook(bookFile);
  const aadeKey = keyFile === undefined ? undefined : readAadeKey(keyFile);
  const rules = vivaVariantRules(faultName, variant);
  let sim;
  try {
    sim = await startTerminalSimulator({ book, aadeKey, rules, port, host });
  } catch (error) {
    throw new UserError(`cannot listen on ${host}:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  io.out.write(
    `paycert Viva Terminal simulator listening on ${sim.url}\n` +
      `  adapter: POST ${sim.url}${INTERAPP_PATH} {"uri": "vivapayclient://pay/v1?..."} -> {"callback": "..."}\n` +
      `  state hook: ${sim.stateUrl} (state "viva transaction exists")\n` +
      `  terminal ${book.terminal.tid}, ${book.transactions.length} transactions (${bookFile ?? 'the built-in sample book'})\n` +
      (aadeKey ? '  AADE signatures verified with the given provider key\n' : '') +
      (faultName ? `  FAULT ${faultName}\n` : '') +
      (variant ? `  variations: ${variant}\n` : '') +
      `  certify it: npx paycert run --profile viva-interapp --target ${sim.url}\n`,
  );
  await stop;
  await sim.close();
  io.out.write('paycert serve: stopped\n');
  return EXIT.certified;
}
