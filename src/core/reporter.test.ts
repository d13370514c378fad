import { Redactor } from './redactor';
import { ReporterMux, type Reporter } from './reporter';
import type { CheckResult, RunInfo, RunReport } from './types';

const SECRET = 'hmac-secret-of-the-lab';
const PAN = 4111111111111111;

const RUN: RunInfo = { target: { baseUrl: `http://127.0.0.1:1/?k=${SECRET}`, embedded: false }, profile: 'viopay-pos', harnessVersion: '0', startedAt: '2025-01-01T00:00:00Z', strict: false };

const RESULT: CheckResult = {
  check: { id: 'pos.charge.card-number-not-string', title: 'T', level: 'MUST', ref: { seed: 's', clause: '1.5/required-fields' }, tags: [], needs: [] },
  status: 'failed',
  durationMs: 1,
  failure: {
    checkId: 'pos.charge.card-number-not-string',
    title: 'T',
    level: 'MUST',
    message: `the target answered "bad secret ${SECRET}"`,
    actual: { card: { number: PAN } },
    exchange: { request: { method: 'POST', url: 'http://x/pos/charge', headers: [], body: `{"card":{"number":${PAN}}}`, plaintext: { card: { number: PAN } } }, durationMs: 1 },
  },
};

/** A reporter that keeps what it was given, as JSON text (what a file reporter would write). */
function recorder(): Reporter & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    onBegin: (run) => void seen.push(JSON.stringify(run)),
    onCheckEnd: (result) => void seen.push(JSON.stringify(result)),
    onEnd: (report) => void seen.push(JSON.stringify(report)),
  };
}

describe('ReporterMux redaction', () => {
  it('gives every reporter redacted values, in every hook', async () => {
    // Arrange
    const [first, second] = [recorder(), recorder()];
    const mux = new ReporterMux([first, second], new Redactor({ secrets: [SECRET] }));
    const report = { ...RUN, endedAt: RUN.startedAt, counts: { total: 1, passed: 0, failed: 1, warning: 0, skipped: 0 }, verdict: 'not certified', checks: [RESULT], coverage: [] } as RunReport;
    // Act
    await mux.onBegin(RUN, [RESULT.check]);
    await mux.onCheckEnd(RESULT);
    await mux.onEnd(report);
    // Assert
    for (const reporter of [first, second]) {
      expect(reporter.seen).toHaveLength(3);
      for (const text of reporter.seen) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(String(PAN));
      }
      expect(reporter.seen[1]).toContain('411111******1111');
      expect(reporter.seen[1]).toContain('[redacted]');
    }
    expect(JSON.stringify(RESULT)).toContain(SECRET); // the caller's values are not changed
  });

  it('redacts a result once: the final report holds the copy the check-end hook got', async () => {
    // Arrange
    let ended: CheckResult | undefined;
    let inReport: CheckResult | undefined;
    const mux = new ReporterMux([{ onCheckEnd: (r) => void (ended = r), onEnd: (r) => void (inReport = r.checks[0]) }]);
    // Act
    await mux.onCheckEnd(RESULT);
    await mux.onEnd({ ...RUN, endedAt: '', counts: { total: 1, passed: 0, failed: 1, warning: 0, skipped: 0 }, verdict: 'not certified', checks: [RESULT], coverage: [] });
    // Assert
    expect(inReport).toBe(ended);
  });

  it('masks card numbers even without a redactor of the run', async () => {
    const seen = recorder();
    await new ReporterMux([seen]).onCheckEnd(RESULT);
    expect(seen.seen[0]).not.toContain(String(PAN));
  });
});
