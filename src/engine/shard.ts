/** `--shard I/N`: which checks are this shard's. Every check is in exactly one shard, whatever N. */
import type { Check } from '../checks/check';

/** The parsed `I/N`, or undefined for a malformed one (the CLI says so). */
export function parseShard(text: string): { index: number; count: number } | undefined {
  const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index <= count ? { index, count } : undefined;
}

/**
 * Shard `index` of `count`: the checks, sorted by id, dealt out in turn. Sorting first makes the
 * split the same on every machine, so the shards' reports merge into the whole run.
 */
export function shardChecks<T extends Pick<Check, 'info'>>(checks: readonly T[], index: number, count: number): T[] {
  const sorted = [...checks].sort((a, b) => (a.info.id < b.info.id ? -1 : a.info.id > b.info.id ? 1 : 0));
  return sorted.filter((_c, i) => i % count === index - 1);
}
