import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** PACT_DO_NOT_TRACK as a fresh process sees it after loading `module`, with `env` (and nothing else of ours). */
function trackingAfter(module: string, env: Record<string, string>): string {
  const code = `require('./scripts/register-ts'); require(${JSON.stringify(module)}); process.stdout.write(String(process.env.PACT_DO_NOT_TRACK))`;
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'PACT_DO_NOT_TRACK')) as Record<string, string>;
  return execFileSync(process.execPath, ['-e', code], { cwd: ROOT, env: { ...base, ...env } }).toString();
}

describe('Pact never phones home', () => {
  it('sets PACT_DO_NOT_TRACK=true before pact-js loads, when the user has not set it', () => {
    expect(trackingAfter('./src/pact/no-tracking.ts', {})).toBe('true');
  });

  it('keeps what the user chose', () => {
    expect(trackingAfter('./src/pact/no-tracking.ts', { PACT_DO_NOT_TRACK: 'false' })).toBe('false');
  });

  it('every module that loads pact-js loads the guard first', () => {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const profiles = join(__dirname, '..', 'profiles');
    const consumers = ['viopay-pos', 'vpws'].map((p) => join(profiles, p, 'contract', 'consumer.ts'));
    for (const [file, guard] of [...['verify.ts', 'consumer.ts'].map((f) => [join(__dirname, f), "import './no-tracking';"] as const), ...consumers.map((f) => [f, "import '../../../pact/no-tracking';"] as const)]) {
      const text = readFileSync(file, 'utf8');
      expect(text.indexOf(guard)).toBeGreaterThan(-1);
      expect(text.indexOf(guard)).toBeLessThan(text.indexOf('@pact-foundation'));
    }
  });
});
