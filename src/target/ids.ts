/** Generated ids: `ch_`/`rf_` and 24 hex digits, or UUIDs (a liberty; PROFILE fixes no format). */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Liberties } from './options';

export function newId(prefix: 'ch' | 'rf', style: Liberties['idStyle']): string {
  return style === 'uuid' ? randomUUID() : `${prefix}_${randomBytes(12).toString('hex')}`;
}
