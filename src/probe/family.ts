/**
 * Probe families: one rule's near misses, declared once beside the rule's clause (probes/*.probe.ts)
 * and expanded into ordinary scenarios, one per case, so that each is a check with its own id,
 * level, clause and replay, and reads in reports like any scenario. A family names the step it
 * probes (a charge, a cancel after a charge...), what PROFILE answers a near miss (`refused`) and
 * a liberty (`accepted`), and its cases; the near misses themselves are the client's
 * (src/client/near-miss.ts).
 */
import type { NearMiss } from '../client/near-miss';
import type { Level, Need } from '../core/types';
import type { Expect, LoadedScenario, Step } from '../scenario/types';

/** The probed step's `break` setting (a profile that signs its requests has one: src/client/breaks.ts reads it). */
type Breaks = Record<string, unknown>;
import { describeNearMiss } from './describe';

export interface ProbeCase {
  /** The last part of the check id (`<family id>.<name>`). */
  name: string;
  /** The near miss, in words; defaults to a description of `miss`. */
  title?: string;
  miss?: NearMiss;
  /** Other breaks of the probed step (applied with the near miss). */
  break?: Breaks;
  /**
   * Fields of the probed step's operation that this case changes, merged over the family's (a
   * request's parameters, a body): `{ <operation>: { amount: '6.00' } }`.
   */
  with?: Partial<Step>;
  /** What PROFILE answers: `refused` (default) or `accepted` (a liberty). */
  outcome?: 'refused' | 'accepted';
  /** When the case binds at another level or clause than its family (a SHOULD form, say). */
  level?: Level;
  clause?: string;
  /** Why this case is here, when its title does not say it (shown in reports). */
  description?: string;
}

export interface ProbeFamily {
  /** Check ids are `<id>.<case name>`. */
  id: string;
  /** The name of the profile whose operations the steps are. */
  profile: string;
  clause: string;
  level: Level;
  /** What is probed, for every title: "X-Signature", "the canonical string". */
  subject: string;
  tags: string[];
  needs?: Need[];
  /** Steps before the probed one (a charge to cancel); their answers are captured under `as`. */
  setup?: Step[];
  /** The probed step, without break or expect. */
  step: Step;
  /** What a refused near miss must be answered. */
  refused: Expect;
  /** What an accepted liberty must be answered. */
  accepted: Expect;
  cases: ProbeCase[];
}

/** The family's step with a case's changes: each operation's fields merged one level deep. */
function mergeStep(step: Step, changes: Partial<Step> | undefined): Step {
  if (!changes) return step;
  const merged: Record<string, unknown> = { ...step };
  for (const [key, value] of Object.entries(changes)) {
    const base = merged[key];
    merged[key] = base && value && typeof base === 'object' && typeof value === 'object' && !Array.isArray(value) ? { ...base, ...value } : value;
  }
  return merged as Step;
}

function titleOf(family: ProbeFamily, probe: ProbeCase): string {
  const what = probe.title ?? (probe.miss ? describeNearMiss(probe.miss) : probe.name);
  const outcome = probe.outcome ?? 'refused';
  return `${family.subject} ${what}: ${outcome}`;
}

/** The scenarios of a family, one per case, defined in `file`. */
export function expandFamily(family: ProbeFamily, file: string): LoadedScenario[] {
  return family.cases.map((probe) => {
    const outcome = probe.outcome ?? 'refused';
    const breaks: Breaks = { ...probe.break };
    if (probe.miss) breaks['near_miss'] = { ...probe.miss };
    const probed: Step = { ...mergeStep(family.step, probe.with), expect: outcome === 'refused' ? family.refused : family.accepted };
    if (Object.keys(breaks).length > 0) probed.break = breaks;
    const scenario: LoadedScenario = {
      id: `${family.id}.${probe.name}`,
      title: titleOf(family, probe),
      level: probe.level ?? family.level,
      ref: { clause: probe.clause ?? family.clause },
      tags: [...family.tags, 'probe'],
      steps: [...(family.setup ?? []), probed],
      file,
      line: 1,
      profile: family.profile,
    };
    if (family.needs?.length) scenario.needs = family.needs;
    if (probe.description) scenario.description = probe.description;
    return scenario;
  });
}
