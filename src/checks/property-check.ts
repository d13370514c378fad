/** A property definition as a check. */
import { relative } from 'node:path';
import type { CheckInfo } from '../core/types';
import { clauseById } from '../profile/clauses';
import { runProperty } from '../property/run-property';
import type { PropertyDefinition } from '../property/types';
import type { Check } from './check';

export function propertyInfo(def: PropertyDefinition<unknown>, file: string): CheckInfo {
  return {
    id: def.id,
    title: def.title,
    level: def.level,
    ref: { clause: def.clause, seed: clauseById(def.clause)?.seed ?? '' },
    tags: ['property', def.kind, ...def.tags],
    needs: def.needs ?? [],
    source: { file: relative(process.cwd(), file) || file, line: 1 },
  };
}

export function propertyCheck(def: PropertyDefinition<unknown>, file: string): Check {
  const info = propertyInfo(def, file);
  return { info, profile: 'viopay-pos', file, run: (env, params) => runProperty(def, info, env, params) };
}
