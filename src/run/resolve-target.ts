/**
 * Where a run's target comes from: a config file, a bare URL (signed with the reference
 * target's published test credentials, for `paycert serve`), or the embedded reference target.
 */
import { loadTargetConfig } from '../config/load-config';
import type { ResolvedTarget } from '../config/resolved';
import { UserError } from '../core/errors';
import { REFERENCE_CREDENTIALS, startReferenceTarget, type RunningTarget } from '../target';

export type { RunningTarget };

export function referenceTarget(baseUrl: string, stateUrl: string | undefined, embedded: boolean): ResolvedTarget {
  const target: ResolvedTarget = {
    profile: 'viopay-pos',
    baseUrl: baseUrl.replace(/\/+$/, ''),
    terminalId: REFERENCE_CREDENTIALS.terminalId,
    keyId: REFERENCE_CREDENTIALS.keyId,
    hmacSecret: REFERENCE_CREDENTIALS.hmacSecret,
    msk: Buffer.from(REFERENCE_CREDENTIALS.msk, 'hex'),
    kcvMethod: 'cmac',
    cards: { approved: '4111111111111111', declined: '4000000000000002', pending: '4000000000000051' },
    embedded,
    source: embedded ? 'embedded reference target' : baseUrl,
  };
  if (stateUrl) target.stateUrl = stateUrl;
  return target;
}

/**
 * Starts the embedded reference target for a run. Its simulated acquirer answers in 1 ms, not 5:
 * the reference target is correct under concurrency at any latency (it locks), and the latency
 * only matters where a faulty variant's race has to show (selftest and tests keep 5 ms).
 */
export async function startEmbedded(): Promise<{ target: ResolvedTarget; running: RunningTarget }> {
  const running = await startReferenceTarget({ gatewayLatencyMs: 1 });
  return { running, target: referenceTarget(running.url, running.stateUrl, true) };
}

/** `--config` wins; `--target URL` alone uses the reference credentials; neither means embedded. */
export function targetFromArgs(config: string | undefined, url: string | undefined): ResolvedTarget | undefined {
  if (config) {
    const target = loadTargetConfig(config);
    if (url) target.baseUrl = url.replace(/\/+$/, '');
    return target;
  }
  if (url) {
    if (!/^https?:\/\/[^\s/]+/.test(url)) throw new UserError(`--target must be an http:// or https:// URL, got "${url}"`);
    return referenceTarget(url, `${url.replace(/\/+$/, '')}/_conformance/state`, false);
  }
  return undefined;
}
