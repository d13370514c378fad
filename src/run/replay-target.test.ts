import type { ResolvedTarget } from '../config/resolved';
import type { CheckResult } from '../core/types';
import { referenceTarget } from './resolve-target';
import { targetArgs, targetArgsOf, withReplayTarget } from './replay-target';

describe('targetArgs: the options that name a run\'s target in its replay commands', () => {
  it.each([
    [{ profile: 'viopay-pos' }, []],
    [{ profile: 'vpws' }, ['--profile', 'vpws']],
    [{ config: 'lab/target.yaml', profile: 'viopay-pos' }, ['--config', 'lab/target.yaml']],
    [{ config: 'v.yaml', profile: 'vpws' }, ['--config', 'v.yaml', '--profile', 'vpws']],
    [{ target: 'http://127.0.0.1:8080', profile: 'viva-interapp' }, ['--target', 'http://127.0.0.1:8080', '--profile', 'viva-interapp']],
    [{ config: 'c.yaml', target: 'http://h:1', profile: 'viopay-pos', timeoutMs: 30_000 }, ['--config', 'c.yaml', '--target', 'http://h:1', '--timeout', '30']],
    [{ target: 'http://h:1', profile: 'viopay-pos', timeoutMs: 10_000 }, ['--target', 'http://h:1']],
    [{ config: './target.yaml', profile: 'viopay-pos', specs: ['qa', 'more/**/*.spec.yaml'], noBuiltin: true }, ['--config', './target.yaml', '--specs', 'qa', '--specs', 'more/**/*.spec.yaml', '--no-builtin']],
    [{ profile: 'viopay-pos', specs: [], noBuiltin: false }, []],
  ])('%j gives %j', (input, expected) => {
    expect(targetArgs(input)).toEqual(expected);
  });
});

describe('targetArgsOf: the same, for a run resolved without the CLI (plain jest)', () => {
  it('names nothing for the embedded target but its profile', () => {
    expect(targetArgsOf(referenceTarget('http://127.0.0.1:1', undefined, true))).toEqual([]);
    expect(targetArgsOf(referenceTarget('http://127.0.0.1:1', undefined, true, 'vpws'))).toEqual(['--profile', 'vpws']);
  });

  it('names the URL a target came from, and the config file otherwise', () => {
    // Arrange
    const fromUrl = referenceTarget('http://127.0.0.1:9/', undefined, false);
    const fromConfig: ResolvedTarget = { ...referenceTarget('http://127.0.0.1:9', undefined, false, 'vpws'), source: 'lab/vpws.yaml' };
    // Act / Assert
    expect(targetArgsOf(fromUrl)).toEqual(['--target', 'http://127.0.0.1:9']);
    expect(targetArgsOf(fromConfig, 20_000)).toEqual(['--config', 'lab/vpws.yaml', '--profile', 'vpws', '--timeout', '20']);
  });
});

describe('withReplayTarget', () => {
  const base: CheckResult = { check: { id: 'x', title: 't', level: 'MUST', ref: { seed: '', clause: '' }, tags: [], needs: [] }, status: 'passed', durationMs: 1 };

  it('adds the target to a failure\'s replay, keeping its seed and path', () => {
    const failed: CheckResult = { ...base, status: 'failed', failure: { checkId: 'x', title: 't', level: 'MUST', message: 'm', replay: { seed: 4, path: '0' } } };
    expect(withReplayTarget(failed, ['--target', 'http://h']).failure?.replay).toEqual({ seed: 4, path: '0', target: ['--target', 'http://h'] });
  });

  it('leaves a result without a failure as it is', () => {
    expect(withReplayTarget(base, ['--target', 'http://h'])).toBe(base);
  });
});
