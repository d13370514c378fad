/**
 * The Pact child's entry (child-main.ts): it verifies a contract against the run's target, handed
 * over in the environment, and writes the verdicts; without a run, or with no target answering,
 * it throws, and child.ts reports the child's one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_HOOK_PATH, startReferenceTarget } from '../profiles/viopay-pos/target';
import { exportRunContext, newRunOptions } from '../run/context';
import { referenceTarget } from '../run/resolve-target';
import { verifyForRun } from './child-main';
import type { InteractionVerdict } from './verify';
import { tempDir } from '../testing/temp-dir';

const CONTRACT = join(__dirname, '..', '..', 'contracts', 'viopay-pos-terminal-viopay-pos-api.json');

describe('verifyForRun', () => {
  it("writes one verdict per interaction of the contract, verified against the run's target, and leaves no temporary file", async () => {
    // Arrange
    // The module object itself (an `import * as` namespace is a copy): verify.ts calls through it.
    const fs: typeof import('node:fs') = require('node:fs');
    const made: string[] = [];
    const mkdtemp = fs.mkdtempSync;
    const spy = jest.spyOn(fs, 'mkdtempSync').mockImplementation(((prefix: string) => {
      const dir = mkdtemp(prefix);
      made.push(dir);
      return dir;
    }) as typeof fs.mkdtempSync);
    const running = await startReferenceTarget();
    const env: NodeJS.ProcessEnv = {};
    exportRunContext({ target: referenceTarget(running.url, `${running.url}${STATE_HOOK_PATH}`, false), options: newRunOptions({ timeoutMs: 30_000 }) }, env);
    const out = join(tempDir('paycert-child-main-'), 'verdicts.json');
    try {
      // Act
      await verifyForRun(CONTRACT, out, env);
    } finally {
      spy.mockRestore();
      await running.close();
    }
    // Assert
    // The verification's copy of the contract (verify.ts) is removed: every run verifies once.
    const copies = made.filter((dir) => dir.includes('paycert-verify-'));
    expect(copies).toHaveLength(1);
    expect(copies.filter((dir) => existsSync(dir))).toEqual([]);
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
