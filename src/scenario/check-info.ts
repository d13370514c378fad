/** A scenario as a registered check: its id, title, level, reference, tags and needs. */
import { relative } from 'node:path';
import type { CheckInfo } from '../core/types';
import { clauseById } from '../profiles';
import type { LoadedScenario } from './types';

export function checkInfoOf(s: LoadedScenario): CheckInfo {
  return {
    id: s.id,
    title: s.title,
    level: s.level,
    ref: { clause: s.ref.clause, seed: s.ref.seed ?? clauseById(s.ref.clause)?.seed ?? '' },
    tags: s.tags ?? [],
    needs: s.needs ?? [],
    source: { file: relative(process.cwd(), s.file) || s.file, line: s.line },
  };
}
