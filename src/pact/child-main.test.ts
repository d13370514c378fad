/**
 * The Pact child's entry (child-main.ts): it verifies a contract against the run's target, handed
 * over in the environment, and writes the verdicts; without a run, or with no target answering,
 * it throws, and child.ts reports the child's one line.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATE_HOOK_PATH, startReferenceTarget } from '../profiles/viopay-pos/target';
import { exportRunContext, newRunOptions } from '../run/context';
import { referenceTarget } from '../run/resolve-target';
import { verifyForRun } from './child-main';
import type { InteractionVerdict } from './verify';

const CONTRACT = join(__dirname, '..', '..', 'contracts', 'viopay-pos-terminal-viopay-pos-api.json');

describe('verifyForRun', () => {
  it("writes one verdict per interaction of the contract, verified against the run's target", async () => {
    // Arrange
    const running = await startReferenceTarget();
    const env: NodeJS.ProcessEnv = {};
    exportRunContext({ target: referenceTarget(running.url, `${running.url}${STATE_HOOK_PATH}`, false), options: newRunOptions({ timeoutMs: 30_000 }) }, env);
    const out = join(mkdtempSync(join(tmpdir(), 'paycert-child-main-')), 'verdicts.json');
    try {
      // Act
      await verifyForRun(CONTRACT, out, env);
    } finally {
      await running.close();
    }
    // Assert
    const verdicts = JSON.parse(readFileSync(out, 'utf8')) as InteractionVerdict[];
    expect(verdicts).toHaveLength(8);
    expect(verdicts.filter((v) => v.status !== 'passed')).toEqual([]);
  });

  it('throws without a run context, and when no target answers', async () => {
    // Arrange
    const env: NodeJS.ProcessEnv = {};
    exportRunContext({ target: referenceTarget('http://127.0.0.1:1', undefined, false), options: newRunOptions({ timeoutMs: 30_000 }) }, env);
    // Act / Assert
    await expect(verifyForRun(CONTRACT, '/nonexistent/out.json', {})).rejects.toThrow(/no run context/);
    await expect(verifyForRun(CONTRACT, '/nonexistent/out.json', env)).rejects.toThrow(/^target unreachable: http:\/\/127\.0\.0\.1:1/);
  });
});
