/**
 * `paycert help <command>` prints that command's help (the same text as `<command> --help`); the
 * top-level help lists every command, `help` and `--version`; and the errors that name an unknown
 * fault, variation or selftest name offer the `paycert list` command that lists the names.
 */
import { allProfiles } from '../profiles';
import { main } from './main';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, env: {} });
  return { code, out, err };
}

const COMMANDS = ['run', 'serve', 'lint', 'merge', 'verify-report', 'baseline', 'replay', 'selftest', 'pact', 'list', 'init', ...allProfiles().flatMap((p) => (p.target.commands ?? []).map((c) => c.name))];

describe('paycert help <command>', () => {
  it.each(COMMANDS.map((c) => [c]))('help %s prints that command\'s own --help, exit 0', async (command) => {
    // Act
    const viaHelp = await cli('help', command);
    const viaOption = await cli(command, '--help');
    // Assert
    expect(viaHelp).toEqual({ code: 0, out: viaOption.out, err: '' });
    expect(viaHelp.out).toMatch(/^Usage: paycert /);
  });

  it('help takes a subcommand too: help baseline write, help pact verify', async () => {
    expect(await cli('help', 'baseline', 'write')).toEqual({ ...(await cli('baseline', 'write', '--help')), code: 0 });
    expect((await cli('help', 'pact', 'verify')).code).toBe(0);
  });

  it('help alone and help help print the top-level help, exit 0', async () => {
    const alone = await cli('help');
    expect(alone.code).toBe(0);
    expect(await cli('help', 'help')).toEqual(alone);
    expect(alone.out).toMatch(/^paycert - /);
  });

  it('help nope: one line, exit 2, with the nearest command', async () => {
    expect(await cli('help', 'nope')).toEqual({ code: 2, out: '', err: 'paycert: help: unknown command "nope" (see paycert --help)\n' });
    expect(await cli('help', 'selftets')).toEqual({ code: 2, out: '', err: 'paycert: help: unknown command "selftets" (did you mean "paycert help selftest"?)\n' });
  });

  it('the top-level help lists every command, help, and --version; --version prints the version', async () => {
    // Act
    const { out } = await cli('--help');
    const version = await cli('--version');
    // Assert
    for (const command of COMMANDS) expect(out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(out).toMatch(/^  help\b/m);
    expect(out).toMatch(/^  -v, --version\b/m);
    expect(version.code).toBe(0);
    expect(version.out).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('unknown names offer the list command', () => {
  it('serve --fault nope: one line, exit 2, the list of that profile\'s faults, before anything listens', async () => {
    const result = await cli('serve', '--port', '0', '--profile', 'vpws', '--fault', 'nope');
    expect(result).toEqual({ code: 2, out: '', err: "paycert: serve: unknown fault \"nope\" of vpws (run 'paycert list faults --profile vpws')\n" });
  });

  it('serve --fault with a typo: the nearest name and the list command', async () => {
    const result = await cli('serve', '--port', '0', '--fault', 'nonce-replay-unchekced');
    expect(result).toEqual({ code: 2, out: '', err: "paycert: serve: unknown fault \"nonce-replay-unchekced\" of viopay-pos (did you mean \"nonce-replay-unchecked\"? or run 'paycert list faults --profile viopay-pos')\n" });
  });

  it('serve --variant nope: one line, exit 2, the list of that profile\'s variations', async () => {
    const name = allProfiles()[2]!.name;
    const result = await cli('serve', '--port', '0', '--profile', name, '--variant', 'nope');
    expect(result).toEqual({ code: 2, out: '', err: `paycert: serve: unknown variation "nope" of ${name} (run 'paycert list variations --profile ${name}')\n` });
  });

  it('selftest --only nope: one line, exit 2, both lists', async () => {
    const result = await cli('selftest', '--only', 'nope');
    expect(result).toEqual({ code: 2, out: '', err: "paycert: selftest: --only nope: unknown fault or variation (run 'paycert list faults' or 'paycert list variations')\n" });
  });
});
