/** `paycert serve`: a profile's reference target, until Ctrl-C. */
import { UserError } from '../core/errors';
import { EXIT } from '../core/verdict';
import { allProfiles, profileNamed } from '../profiles';
import { defaultProfileName } from '../run/resolve-target';
import { parse, type Options } from './args';
import { serveHelp } from './help';
import type { Io } from './io';
import { checkServeVariants } from './variant-names';

/** The string options a profile's serve takes besides the common ones, with the profile that takes each. */
function profileServeOptions(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const p of allProfiles()) for (const name of Object.keys(p.target.serveOptions ?? {})) if (!owners.has(name)) owners.set(name, p.name);
  return owners;
}

export async function serveCommand(argv: readonly string[], io: Io, stop: Promise<void> = untilSignal()): Promise<number> {
  const extra = profileServeOptions();
  const options: Options = { port: { type: 'string' }, host: { type: 'string' }, fault: { type: 'string' }, variant: { type: 'string' }, profile: { type: 'string' } };
  for (const name of extra.keys()) options[name] = { type: 'string' };
  const { values } = parse('serve', argv, options);
  if (values.help) {
    io.out.write(serveHelp());
    return EXIT.certified;
  }
  const text = (name: string) => values[name] as string | undefined;
  const port = Number(text('port') ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number (0-65535), got "${text('port')}"`);
  const asked = text('profile');
  if (asked !== undefined && !allProfiles().some((p) => p.name === asked)) throw new UserError(`--profile ${asked}: serve knows ${listed(allProfiles().map((p) => p.name))}`);
  const profile = profileNamed(asked ?? defaultProfileName());
  const own = profile.target.serveOptions ?? {};
  const strays = [...extra.entries()].filter(([name]) => text(name) !== undefined && !(name in own));
  if (strays.length > 0) throw new UserError(`${listed(strays.map(([name]) => `--${name}`))} ${strays.length > 1 ? 'are' : 'is'} for --profile ${strays[0]![1]}`);
  const host = text('host') ?? '127.0.0.1';
  const variant = text('variant');
  const variations = variant === undefined ? [] : variant.split(',').map((v) => v.trim()).filter(Boolean);
  const serveOptions = Object.fromEntries(Object.keys(own).map((name) => [name, text(name)]));
  const fault = text('fault');
  // Here, not in the profile's start: the error names the list command, not a file a run never writes.
  checkServeVariants(profile, fault, variations);
  let target;
  try {
    target = await profile.target.start({ port, host, variations, serveOptions, ...(fault !== undefined && { fault }) });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot listen on ${host}:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  io.out.write(target.banner);
  await stop;
  await target.close();
  io.out.write('paycert serve: stopped\n');
  return EXIT.certified;
}

/** "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
