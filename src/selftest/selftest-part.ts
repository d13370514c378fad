/**
 * One half of the selftest over the whole catalogue, as a jest suite. Two test files run the two
 * halves (selftest.test.ts and selftest-part2.test.ts) so that jest's two workers share the work.
 */
import { join } from 'node:path';
import { allChecks } from '../checks/all-checks';
import { selftestMarkdown } from './markdown';
import { runSelftest } from './run-selftest';
import type { SelftestReport } from './types';

const ROOT = join(__dirname, '..', '..');

export function describeSelftestPart(index: number): void {
  describe(`paycert selftest over the catalogue (part ${index + 1} of 2)`, () => {
    let report: SelftestReport;

    beforeAll(async () => {
      // fast: a MUST fault is judged as soon as it is caught (paycert selftest runs everything, for the full matrix).
      report = await runSelftest(allChecks(ROOT).all(), { jobs: 6, part: { index, of: 2 }, fast: true });
    }, 240_000);

    it('catches every fault (100%)', () => {
      const missed = report.faults.filter((f) => !f.caught).map((f) => `${f.name}: ${f.why}`);
      expect(missed).toEqual([]);
      expect(report.score.faults).toBeGreaterThan(0);
      expect(report.score.faultsCaught).toBe(report.score.faults);
    });

    it('certifies every legal variation with no failure and no warning (100%)', () => {
      const failing = report.variations.filter((v) => !v.passed).map((v) => `${v.name}: ${v.messages.join('; ')}`);
      expect(failing).toEqual([]);
    });

    it('writes a matrix that names every fault of this part and its catching checks', () => {
      const text = selftestMarkdown(report);
      expect(text).toContain(`faults caught ${report.score.faults}/${report.score.faults} (100%)`);
      for (const f of report.faults) expect(text).toContain(`\`${f.name}\``);
    });
  });
}
