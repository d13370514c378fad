/**
 * The target side proven on a profile defined only for the tests (src/testing/toy-profile.ts): a
 * toy signed JSON echo API. Registered, it gets a config (its fields in the schema, its secret redacted), a
 * `--target URL` with its published key, a preflight, `paycert serve`, a line in the help, a
 * command of its own, and a certification with its own scenarios that passes its reference target and its legal
 * variation and catches its one fault, without any change outside its definition.
 */
import { parseTargetConfig } from '../config/load-config';
import { secretsOf, targetIdentity } from '../config/resolved';
import { scenarioCheck } from '../checks/scenario-check';
import { runHelp } from '../cli/help';
import { main } from '../cli/main';
import { serveCommand } from '../cli/serve';
import { preflight } from '../run/preflight';
import { targetFromArgs } from '../run/resolve-target';
import { parseScenarioFile } from '../scenario/load';
import { runSelftest } from '../selftest/run-selftest';
import { TOY_PUBLISHED_KEY, TOY_SPEC, toyProfile } from '../testing/toy-profile';
import { registerProfile } from '.';

const output = () => {
  let text = '';
  return { io: { out: { write: (t: string) => (text += t) }, err: { write: (t: string) => (text += t) }, env: {} }, text: () => text };
};

describe('a profile defined only for the tests (the toy): config, preflight, serve, help, its command, certification', () => {
  beforeAll(() => registerProfile(toyProfile));

  it('has its config fields in the schema, its required field required, and its key redacted', () => {
    // Act
    const target = parseTargetConfig('toy.yaml', 'profile: toy\nbase_url: http://127.0.0.1:1\ntoy_key: ${K}\n', { K: 'k-123' });
    // Assert
    expect(target.settings).toEqual({ key: 'k-123' });
    expect(secretsOf(target)).toContain('k-123');
    expect(JSON.stringify(targetIdentity(target))).not.toContain('k-123');
    expect(() => parseTargetConfig('toy.yaml', 'profile: toy\nbase_url: http://127.0.0.1:1\n', {})).toThrow(/toy_key/);
  });

  it('--target URL alone takes its published key, and the preflight goes through; a wrong key is named', async () => {
    // Arrange
    const running = await toyProfile.target.start();
    try {
      const target = targetFromArgs(undefined, running.url, 'toy')!;
      // Act
      const good = await preflight(target, 5_000);
      const bad = await preflight({ ...target, settings: { key: 'wrong' }, source: 'toy.yaml' }, 5_000);
      // Assert
      expect(target.settings).toEqual({ key: TOY_PUBLISHED_KEY });
      expect(good).toBeNull();
      expect(bad).toBe('the target refused toy_key with 401: check toy_key in toy.yaml');
    } finally {
      await running.close();
    }
  });

  it('is served by paycert serve --profile toy with a fault, and named in the help; its command runs', async () => {
    // Arrange
    const served = output();
    const command = output();
    // Act
    const code = await serveCommand(['--profile', 'toy', '--port', '0', '--fault', 'toy-signature-unchecked'], served.io, Promise.resolve());
    const commandCode = await main(['toy', 'there'], command.io);
    // Assert
    expect(code).toBe(0);
    expect(served.text()).toMatch(/^toy reference target listening on http:\/\/127\.0\.0\.1:\d+ FAULT toy-signature-unchecked\npaycert serve: stopped\n$/);
    expect(runHelp()).toContain('toy (a toy API of the tests)');
    expect([commandCode, command.text()]).toEqual([0, 'Usage: paycert toy: hello there\n']);
  });

  it('is certified by its own scenarios: its fault caught, its legal variation passed', async () => {
    // Arrange
    const checks = parseScenarioFile('toy.spec.yaml', TOY_SPEC).map(scenarioCheck);
    // Act
    const report = await runSelftest(checks, { only: ['toy-signature-unchecked', 'toy-extra-field'], jobs: 2 });
    // Assert
    expect(report.score).toEqual({ faultsCaught: 1, faults: 1, variationsPassed: 1, variations: 1 });
    expect(report.faults[0]?.failed).toEqual(['toy.echo.bad-signature']);
  });
});
