/** The worked example in README.md is a real scenario: it lints, and it passes against the reference target. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSpecsAgainstReference } from '../profiles/viopay-pos/testing/run-specs';
import { parseScenarioFile } from './load';
import { tempDir } from '../testing/temp-dir';

const README = join(__dirname, '..', '..', 'README.md');

function workedExample(): string {
  const blocks = [...readFileSync(README, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const example = blocks.find((b) => b.includes('scenarios:'));
  if (!example) throw new Error('README.md has no scenario example');
  return example;
}

describe('README worked example', () => {
  it('lints and passes against the reference target', async () => {
    const text = workedExample();
    expect(parseScenarioFile('README.md', text).length).toBeGreaterThan(0);
    const file = join(tempDir('paycert-readme-'), 'example.spec.yaml');
    writeFileSync(file, text);
    const results = await runSpecsAgainstReference([file]);
    expect(results.map((r) => [r.check.id, r.status, r.failure?.message])).toEqual([['pos.refund.remaining-exact', 'passed', undefined]]);
  });

  it('fails against a target that lets refunds exceed the charge', async () => {
    const file = join(tempDir('paycert-readme-'), 'example.spec.yaml');
    writeFileSync(file, workedExample());
    const [result] = await runSpecsAgainstReference([file], { rules: { checkRefund: () => null } });
    expect(result?.status).toBe('failed');
    expect(result?.failure?.message).toBe('status 200, expected 400');
  });
});
