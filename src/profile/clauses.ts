/**
 * A clause: one rule of PROFILE.md with a stable id. Every check cites one (`ref.clause`); the
 * coverage table is built from a profile's list, and a test fails when a MUST or SHOULD clause has
 * no check. MAY clauses list the checks that accept every allowed answer. Each profile's list is in
 * its folder (src/profiles/<name>/clauses.ts); the registry finds a clause by id (`clauseById`).
 */

export interface Clause {
  id: string;
  section: string;
  level: 'MUST' | 'SHOULD' | 'MAY';
  /** The seed file the rule comes from (PROFILE's table of seeds). */
  seed: string;
  text: string;
  /**
   * For a protocol with two sides: which side the rule binds. `client` rules bind the other side
   * (a run against a target does not certify them), `terminal` rules the target; `both` are rules
   * of a request that a target enforces too.
   */
  side?: 'client' | 'terminal' | 'both';
}
