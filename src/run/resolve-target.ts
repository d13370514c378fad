/**
 * Where a run's target comes from: a config file, a bare URL (signed with the reference
 * target's published test credentials, for `paycert serve`), or the embedded reference target.
 */
import { baseUrlProblem } from '../config/http-url';
import { loadTargetConfig } from '../config/load-config';
import { DEFAULT_VIVA_SETTINGS, type ProfileName, type ResolvedTarget, type VivaSettings } from '../config/resolved';
import { makeProviderKeys } from '../profiles/viva-interapp/terminal/provider-key';
import { startTerminalSimulator } from '../profiles/viva-interapp/terminal/server';
import { startVpwsTarget } from '../profiles/vpws/target/server';
import { VPWS_REFERENCE_TOKENS } from '../profiles/vpws/target/options';
import { UserError } from '../core/errors';
import { REFERENCE_CREDENTIALS, startReferenceTarget, type RunningTarget } from '../profiles/viopay-pos/target';

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
 * A target of a profile that is not signed like the POS API (VPWS, Viva): no terminal id, key,
 * secret or MSK; the rest from `fields`.
 */
function unsignedTarget(fields: Pick<ResolvedTarget, 'profile' | 'embedded' | 'source'> & Partial<ResolvedTarget>, baseUrl: string, stateUrl: string | undefined): ResolvedTarget {
  const target: ResolvedTarget = {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    terminalId: '',
    keyId: '',
    hmacSecret: '',
    msk: Buffer.alloc(0),
    kcvMethod: 'cmac',
    cards: { approved: '4111111111111111', declined: '4000000000000002' },
    ...fields,
  };
  if (stateUrl) target.stateUrl = stateUrl;
  return target;
}

/** The embedded VPWS reference target as a resolved target (its published test tokens). */
export function vpwsReferenceTarget(baseUrl: string, stateUrl: string | undefined, embedded: boolean): ResolvedTarget {
  const source = embedded ? 'embedded VPWS reference target' : baseUrl;
  return unsignedTarget({ profile: 'vpws', tokens: { ...VPWS_REFERENCE_TOKENS }, embedded, source }, baseUrl, stateUrl);
}

/** A Viva terminal's adapter as a resolved target: the default request settings, and the provider key if known. */
export function vivaTarget(baseUrl: string, stateUrl: string | undefined, embedded: boolean, aadePrivateKeyPem?: string): ResolvedTarget {
  const viva: VivaSettings = { ...DEFAULT_VIVA_SETTINGS, ...(aadePrivateKeyPem !== undefined && { aadePrivateKeyPem }) };
  const source = embedded ? 'embedded Viva terminal simulator' : baseUrl;
  return unsignedTarget({ profile: 'viva-interapp', viva, embedded, source }, baseUrl, stateUrl);
}

/**
 * Starts the embedded reference target for a run. Its simulated acquirer answers in 1 ms, not 5:
 * the reference target is correct under concurrency at any latency (it locks), and the latency
 * only matters where a faulty variant's race has to show (selftest and tests keep 5 ms).
 */
export async function startEmbedded(profile: ProfileName = 'viopay-pos'): Promise<{ target: ResolvedTarget; running: { close(): Promise<void> } }> {
  if (profile === 'vpws') {
    const running = await startVpwsTarget({ gatewayLatencyMs: 1 });
    return { running, target: vpwsReferenceTarget(running.url, running.stateUrl, true) };
  }
  if (profile === 'viva-interapp') {
    // The simulator trusts a provider key made for this run, so the signature checks run too.
    const keys = makeProviderKeys();
    const running = await startTerminalSimulator({ aadeKey: keys.publicKey });
    return { running, target: vivaTarget(running.url, running.stateUrl, true, keys.privatePem) };
  }
  const running = await startReferenceTarget({ gatewayLatencyMs: 1 });
  return { running, target: referenceTarget(running.url, running.stateUrl, true) };
}

/** `--config` wins; `--target URL` alone uses the reference credentials (of `profile`); neither means embedded. */
export function targetFromArgs(config: string | undefined, url: string | undefined, profile: ProfileName = 'viopay-pos'): ResolvedTarget | undefined {
  // Checked before anything uses it: a port of 99999 or a scheme of ftp is one line, exit 2, not `TypeError: Invalid URL`.
  const urlProblem = url ? baseUrlProblem(url) : null;
  if (urlProblem) throw new UserError(`--target ${JSON.stringify(url)} ${urlProblem}`, undefined, undefined, 'e.g. --target http://127.0.0.1:8080');
  if (config) {
    const target = loadTargetConfig(config);
    if (url) target.baseUrl = url.replace(/\/+$/, '');
    return target;
  }
  if (url) {
    const stateUrl = `${url.replace(/\/+$/, '')}/_conformance/state`;
    if (profile === 'viva-interapp') return vivaTarget(url, stateUrl, false);
    return profile === 'vpws' ? vpwsReferenceTarget(url, stateUrl, false) : referenceTarget(url, stateUrl, false);
  }
  return undefined;
}
