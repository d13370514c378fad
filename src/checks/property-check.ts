/** A property definition as a check. */
import { relative } from 'node:path';
import type { CheckInfo } from '../core/types';
import { allProfiles, clauseById } from '../profiles';
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

/** The profile a property certifies: the one whose clause it enforces. */
function profileOfClause(clause: string): string {
  const profiles = allProfiles();
  return (profiles.find((p) => p.clauses.some((c) => c.id === clause)) ?? profiles[0]!).name;
}

export function propertyCheck(def: PropertyDefinition<unknown>, file: string): Check {
  const info = propertyInfo(def, file);
  return { info, profile: profileOfClause(def.clause), file, run: (env, params) => runProperty(def, info, env, params) };
}
