/**
 * A check on a client app's request URI (PROFILE 3): a small declarative object like the HTTP
 * checks of `src/checks`: stable id, level, PROFILE clause, and a pure `run`.
 */
import type { KeyObject } from 'node:crypto';
import type { Level } from '../../../../core/types';
import type { VivaRequest } from '../request';

/** What a lint knows beyond the URI. */
export interface LintContext {
  /** The AADE provider's public key: when set, AADE signatures are verified. */
  aadeKey?: KeyObject;
}

/** A check's finding: the problems it saw (none: it holds), or why it could not judge. */
export type UriCheckOutcome = { problems: string[] } | { skipped: string };

export interface UriCheck {
  /** `viva.request.<rule>`: stable, named in reports and `--check`. */
  id: string;
  title: string;
  level: Level;
  /** The PROFILE clause it enforces (../../clauses.ts, section 3). */
  clause: string;
  run(request: VivaRequest, ctx: LintContext): UriCheckOutcome;
}

/** Shorthand for a check's findings. */
export const problems = (...found: Array<string | undefined | false>): UriCheckOutcome => ({
  problems: found.filter((p): p is string => typeof p === 'string'),
});
