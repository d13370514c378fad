/**
 * Every clause a run of a profile certifies (its `certifiedClauses`: all of its clauses, except
 * those that bind only the other side, such as a request URI's own rules, which `paycert viva lint`
 * judges) has at least one scenario in specs/ of its profile whose `ref.clause` names it: MUST and
 * SHOULD clauses are checked, MAY clauses have a MUST-level check that accepts every allowed answer.
 */
import { join } from 'node:path';
import { allProfiles, clauseById, profileNamed } from '../src/profiles';
import { loadScenarios, specFiles } from '../src/scenario/load';

const scenarios = loadScenarios(specFiles([join(__dirname)]));

function scenariosFor(clause: string, profile: string): string[] {
  return scenarios.filter((s) => s.ref.clause === clause && s.profile === profile).map((s) => s.id);
}

/**
 * Clauses the scenario engine cannot express yet, with the reason. Each entry is an open gap,
 * reported as a todo; the test below fails as soon as a scenario covers it, so the entry is removed.
 */

describe.each(allProfiles().map((p) => [p.name, p.section, p.certifiedClauses] as const))('coverage of %s (PROFILE section %s) by specs/', (profile, _section, clauses) => {
  it('every MUST and SHOULD clause has at least one scenario', () => {
    const uncovered = clauses.filter((c) => c.level !== 'MAY' && scenariosFor(c.id, profile).length === 0).map((c) => `${c.id} (${c.level}): ${c.text}`);
    expect(uncovered).toEqual([]);
  });

  it('every MAY clause has a check that accepts each allowed answer', () => {
    const uncovered = clauses.filter((c) => c.level === 'MAY' && scenariosFor(c.id, profile).length === 0).map((c) => `${c.id}: ${c.text}`);
    expect(uncovered).toEqual([]);
  });
});

describe('the scenarios of specs/', () => {
  it('checks of MAY clauses are MUST-level (they accept every allowed answer, so a miss is a real fault)', () => {
    const mayIds = new Set(allProfiles().flatMap((p) => p.clauses.filter((c) => c.level === 'MAY').map((c) => c.id)));
    const wrong = scenarios.filter((s) => mayIds.has(s.ref.clause) && s.level !== 'MUST').map((s) => s.id);
    expect(wrong).toEqual([]);
  });

  it('every scenario has the level of the MUST or SHOULD clause it cites', () => {
    const level = (id: string) => clauseById(id)?.level;
    const wrong = scenarios
      .filter((s) => level(s.ref.clause) !== 'MAY' && level(s.ref.clause) !== s.level)
      .map((s) => `${s.id}: ${s.level}, clause ${s.ref.clause} is ${level(s.ref.clause)}`);
    expect(wrong).toEqual([]);
  });

  it("every scenario id is <profile's id prefix>.<topic>.<what>, and cites a clause its profile certifies", () => {
    expect(scenarios.filter((s) => !new RegExp(`^${profileNamed(s.profile).idPrefix}\\.[a-z0-9-]+\\.[a-z0-9.-]+$`).test(s.id)).map((s) => s.id)).toEqual([]);
    expect(scenarios.filter((s) => clauseById(s.ref.clause)?.section.startsWith(profileNamed(s.profile).section) !== true).map((s) => s.id)).toEqual([]);
    expect(scenarios.filter((s) => !profileNamed(s.profile).certifiedClauses.some((c) => c.id === s.ref.clause)).map((s) => s.id)).toEqual([]);
  });

  it('every scenario that uses the state hook, the pending card or a bad AADE signature declares that need', () => {
    const wrong = scenarios.flatMap((s) => {
      const text = JSON.stringify(s.steps);
      const problems: string[] = [];
      if (s.steps.some((step) => step.state !== undefined) && !s.needs?.includes('state_hook')) problems.push(`${s.id}: uses state without needs: [state_hook]`);
      if (text.includes('${cards.pending}') && !s.needs?.includes('pending_card')) problems.push(`${s.id}: uses \${cards.pending} without needs: [pending_card]`);
      // A bad signature is refused only by a terminal that has the key the harness signs with.
      if (s.steps.some((step) => (step.viva_cancel as { aade?: string } | undefined)?.aade === 'bad-signature') && !s.needs?.includes('aade_key')) problems.push(`${s.id}: sends a bad AADE signature without needs: [aade_key]`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('idempotency keys are fresh per run (built on ${run.unique}, never fixed strings)', () => {
    const fixed = scenarios.flatMap((s) => s.steps.filter((step) => typeof step.idempotency_key === 'string' && !step.idempotency_key.includes('${run.unique}')).map(() => s.id));
    expect(fixed).toEqual([]);
  });
});
