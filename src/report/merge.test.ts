import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../core/types';
import { mergeReports, readReport } from './merge';
import { FAILED, PASSED, PASSED_13, sampleReport, SKIPPED, tempDir, WARNING } from './sample-report';

describe('mergeReports', () => {
  it('merges two shards: union of checks, counts, verdict and times recomputed', () => {
    // Arrange
    const a = sampleReport([PASSED, SKIPPED], { startedAt: '2025-01-02T10:00:01.000Z', endedAt: '2025-01-02T10:00:03.000Z' });
    const b = sampleReport([FAILED, WARNING, PASSED_13], { startedAt: '2025-01-02T09:59:59.000Z', endedAt: '2025-01-02T10:00:05.000Z' });
    // Act
    const merged = mergeReports([a, b]);
    // Assert
    expect(merged.checks.map((r) => r.check.id)).toEqual(['sig.valid', 'cancel.pending', 'nonce.replay', 'ts.forms', 'env.kcv']);
    expect(merged.counts).toEqual({ total: 5, passed: 2, failed: 1, warning: 1, skipped: 1 });
    expect(merged.verdict).toBe('not certified');
    expect(merged.startedAt).toBe('2025-01-02T09:59:59.000Z');
    expect(merged.endedAt).toBe('2025-01-02T10:00:05.000Z');
    const row = (clause: string) => merged.coverage.find((r) => r.clause === clause)?.checks;
    expect(row('1.2/signature')).toEqual(['sig.valid']);
    expect(row('1.2/nonce-replay')).toEqual(['nonce.replay']);
  });

  it('keeps the worst status of a check that ran in several shards, and is strict if any shard was', () => {
    // Arrange
    const skippedThere: CheckResult = { ...FAILED, status: 'skipped', skipReason: 'x' };
    delete skippedThere.failure;
    const warnedHere: CheckResult = { ...PASSED, status: 'warning' };
    // Act
    const merged = mergeReports([sampleReport([skippedThere, PASSED]), sampleReport([FAILED, warnedHere], { strict: true })]);
    // Assert
    expect(merged.checks.map((r) => [r.check.id, r.status])).toEqual([['nonce.replay', 'failed'], ['sig.valid', 'warning']]);
    expect(merged.checks[0]?.failure).toBeDefined();
    expect(merged.strict).toBe(true);
  });

  it('throws on shards against different targets or profiles', () => {
    const a = sampleReport([PASSED]);
    expect(() => mergeReports([a, sampleReport([PASSED], { target: { baseUrl: 'http://other:1', embedded: false } })])).toThrow(/against http:\/\/other:1/);
    expect(() => mergeReports([a, sampleReport([PASSED], { profile: 'other' })])).toThrow(/profile "other"/);
    expect(() => mergeReports([])).toThrow(/no reports/);
  });

  it('treats shards that each ran the embedded reference target as one target', () => {
    const embedded = (port: number) => sampleReport([PASSED], { target: { baseUrl: `http://127.0.0.1:${port}`, embedded: true } });
    expect(mergeReports([embedded(1), embedded(2)]).target.baseUrl).toBe('http://127.0.0.1:1');
  });
});

describe('readReport', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('names the file when there is no report', () => {
    expect(() => readReport(tmp.dir)).toThrow(`no report at ${join(tmp.dir, 'report.json')}`);
  });

  it('names the file when it is not a paycert report', () => {
    // Arrange
    const dir = join(tmp.dir, 'shard');
    mkdirSync(dir);
    writeFileSync(join(dir, 'report.json'), JSON.stringify({ ...sampleReport(), format: 'other/1' }));
    // Act / Assert
    expect(() => readReport(dir)).toThrow(`${join(dir, 'report.json')} is not a paycert report: its "format" is "other/1"`);
    writeFileSync(join(dir, 'report.json'), '{oops');
    expect(() => readReport(dir)).toThrow(`${join(dir, 'report.json')} is not JSON`);
  });
});
