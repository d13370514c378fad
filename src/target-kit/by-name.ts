/** Indexing a catalogue of variants by name; every target's catalogue uses it. */

/** The items by `name`; a duplicate name throws (at load, since catalogues are module constants). */
export function byName<T extends { name: string }>(kind: string, list: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of list) {
    if (map.has(item.name)) throw new Error(`duplicate ${kind} name "${item.name}"`);
    map.set(item.name, item);
  }
  return map;
}
