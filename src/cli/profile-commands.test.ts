import { allProfiles } from '../profiles';
import { main } from './main';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) }, env: {} });
  return { code, out, err };
}

describe('the commands profiles declare', () => {
  const declared = allProfiles().flatMap((p) => (p.target.commands ?? []).map((c) => ({ profile: p.name, command: c })));

  it('at least one profile declares one (the help and the dispatch below are tested on it)', () => {
    expect(declared.length).toBeGreaterThan(0);
  });

  it.each(declared.map((d) => [d.command.name, d]))('paycert --help lists %s with its summary', async (_name, { command }) => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out).toContain(`  ${command.name.padEnd(8)} ${command.summary}\n`);
  });

  it.each(declared.map((d) => [d.command.name, d]))('paycert %s --help reaches the profile\'s command', async (_name, { command }) => {
    const { code, out } = await cli(command.name, '--help');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^Usage: paycert ${command.name}`));
  });

  it('an unknown command suggests the nearest, a profile\'s command included', async () => {
    const { code, err } = await cli('vivaa');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command "vivaa".*paycert viva/);
  });
});
