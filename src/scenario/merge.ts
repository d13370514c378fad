/** Deep merge for step bodies: objects merge, anything else replaces, `null` removes the key. */
export function deepMerge(base: unknown, changes: unknown): unknown {
  if (changes === undefined) return base;
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) return changes;
  const out: Record<string, unknown> = base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key];
    else out[key] = deepMerge(out[key], value);
  }
  return out;
}
