/**
 * Where a run's target comes from: a config file, a bare URL (with the published test values of
 * its profile's reference target, for `paycert serve`), or the embedded reference target. Every
 * profile's part comes from its target side (src/profiles/target-side.ts), through the registry.
 */
import { discoverConfig, type ConfigChoice } from '../config/discover';
import { baseUrlProblem } from '../config/http-url';
import { loadTargetConfig } from '../config/load-config';
import type { ProfileName, ResolvedTarget } from '../config/resolved';
import { UserError } from '../core/errors';
import { allProfiles, profileNamed } from '../profiles';

/** The profile a run has without `--profile` or a config: the registry's first. */
export function defaultProfileName(): ProfileName {
  return allProfiles()[0]!.name;
}

/**
 * A target of `profile` at `baseUrl` with its reference target's published test values (what
 * `--target URL` alone means), or the embedded one when `embedded`.
 */
export function referenceTarget(baseUrl: string, stateUrl: string | undefined, embedded: boolean, profile: ProfileName = defaultProfileName()): ResolvedTarget {
  const { target: side } = profileNamed(profile);
  const target: ResolvedTarget = {
    profile,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    cards: { ...side.config.publishedCards },
    settings: side.config.published(),
    embedded,
    source: embedded ? `embedded ${side.referenceTitle} reference target` : baseUrl,
  };
  if (stateUrl) target.stateUrl = stateUrl;
  return target;
}

/**
 * Starts the embedded reference target of `profile` for a run. It answers as fast as it safely
 * can (`quick`): the reference target is correct under concurrency at any latency, and the latency
 * only matters where a faulty variant's race has to show (selftest and tests keep theirs).
 */
export async function startEmbedded(profile: ProfileName = defaultProfileName()): Promise<{ target: ResolvedTarget; running: { close(): Promise<void> } }> {
  const running = await profileNamed(profile).target.start({ quick: true });
  return { running, target: running.target };
}

/** `--config` wins; `--target URL` alone uses the published test values (of `profile`); neither means embedded. */
export function targetFromArgs(config: string | undefined, url: string | undefined, profile: ProfileName = defaultProfileName(), env: NodeJS.ProcessEnv = process.env): ResolvedTarget | undefined {
  // Checked before anything uses it: a port of 99999 or a scheme of ftp is one line, exit 2, not `TypeError: Invalid URL`.
  const urlProblem = url ? baseUrlProblem(url) : null;
  if (urlProblem) throw new UserError(`--target ${JSON.stringify(url)} ${urlProblem}`, undefined, undefined, 'e.g. --target http://127.0.0.1:8080');
  if (config) {
    const target = loadTargetConfig(config, env);
    if (url) target.baseUrl = url.replace(/\/+$/, '');
    return target;
  }
  if (url) return referenceTarget(url, `${url.replace(/\/+$/, '')}/_conformance/state`, false, profile);
  return undefined;
}

/** A command's target as its options and the discovery give it: the config used and why (none for a bare URL or the embedded target). */
export interface ChosenTarget {
  /** Undefined: the embedded reference target. */
  target: ResolvedTarget | undefined;
  config: ConfigChoice | undefined;
}

/**
 * The one resolution every command that takes `--config` uses: `--config`, else PAYCERT_CONFIG
 * (in `env`), else `paycert.config.yaml` or `target.yaml` in `cwd` (src/config/discover.ts);
 * `--target URL` overrides the config's `base_url`, or alone means the URL alone. `${ENV}` in the
 * config is expanded from `env` too.
 */
export function chooseTarget(input: { config?: string | undefined; target?: string | undefined; profile?: ProfileName | undefined; env: NodeJS.ProcessEnv; cwd: string }): ChosenTarget {
  const config = discoverConfig(input);
  return { target: targetFromArgs(config?.file, input.target, input.profile, input.env), config };
}
