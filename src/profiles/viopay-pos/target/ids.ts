/** Generated ids: `ch_`/`rf_` and 24 hex digits, UUIDs or 18 digits (a liberty; PROFILE fixes no format). */
import { randomInt, randomUUID } from 'node:crypto';
import { randomBytesFromPool } from '../../../crypto/random';
import type { Liberties } from './options';

export function newId(prefix: 'ch' | 'rf', style: Liberties['idStyle']): string {
  if (style === 'uuid') return randomUUID();
  if (style === 'numeric') return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  return `${prefix}_${randomBytesFromPool(12).toString('hex')}`;
}
