import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult, RunFilters } from '../core/types';
import { mergeReports, readReport } from './merge';
import { FAILED, FIXED, KNOWN, PASSED, PASSED_13, sampleReport, SKIPPED, tempDir, WARNING } from './sample-report';

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

  it('throws on shards of another profile or another suite', () => {
    const a = sampleReport([PASSED], { suiteHash: 'a'.repeat(64) });
    expect(() => mergeReports([a, sampleReport([PASSED], { profile: 'other' })])).toThrow(/profile "other"/);
    expect(() => mergeReports([a, sampleReport([PASSED], { suiteHash: 'b'.repeat(64) })])).toThrow(/shard 2 ran another suite than shard 1/);
    expect(() => mergeReports([])).toThrow(/no reports/);
  });

  it('keeps every shard\'s target, each once, with its config fingerprint; target stays the first', () => {
    // Arrange
    const shard = (baseUrl: string, configHash: string) => sampleReport([PASSED], { target: { baseUrl, embedded: false }, identity: { configHash } });
    // Act
    const merged = mergeReports([shard('http://a:1', 'h1'), shard('http://b:2', 'h2'), shard('http://a:1', 'h1')]);
    // Assert
    expect(merged.target).toEqual({ baseUrl: 'http://a:1', embedded: false });
    expect(merged.targets).toEqual([
      { baseUrl: 'http://a:1', embedded: false, configHash: 'h1' },
      { baseUrl: 'http://b:2', embedded: false, configHash: 'h2' },
    ]);
    expect(mergeReports([merged, shard('http://c:3', 'h3')]).targets?.map((t) => t.baseUrl)).toEqual(['http://a:1', 'http://b:2', 'http://c:3']);
  });

  it('lists no targets when every shard ran against the same one', () => {
    const same = () => sampleReport([PASSED], { identity: { configHash: 'h' } });
    expect(mergeReports([same(), same()]).targets).toBeUndefined();
  });

  it('keeps each embedded reference target (each shard starts its own, on its own port)', () => {
    const embedded = (port: number) => sampleReport([PASSED], { target: { baseUrl: `http://127.0.0.1:${port}`, embedded: true } });
    const merged = mergeReports([embedded(1), embedded(2)]);
    expect(merged.target.baseUrl).toBe('http://127.0.0.1:1');
    expect(merged.targets?.map((t) => t.baseUrl)).toEqual(['http://127.0.0.1:1', 'http://127.0.0.1:2']);
  });

  describe('filters and the verdict', () => {
    const shard = (shard: string | undefined, results: CheckResult[] = [PASSED], filters: RunFilters = {}) =>
      sampleReport(results, { verdict: 'partial', filters: { ...filters, ...(shard && { shard }) } });

    it('every shard I/N for 1..N: the shard filter is dropped and the merge is CERTIFIED', () => {
      const merged = mergeReports([shard('2/3'), shard('1/3', [PASSED_13]), shard('3/3', [SKIPPED])]);
      expect(merged.filters).toBeUndefined();
      expect(merged.verdict).toBe('certified');
    });

    it('a shard missing, or shards of different N: PARTIAL, naming the shards present in order', () => {
      expect(mergeReports([shard('3/3'), shard('1/3')])).toMatchObject({ verdict: 'partial', filters: { shard: '1/3,3/3' } });
      expect(mergeReports([shard('1/2'), shard('2/3'), shard('1/3')])).toMatchObject({ verdict: 'partial', filters: { shard: '1/2,1/3,2/3' } });
      expect(mergeReports([shard('1/2'), shard('1/2')])).toMatchObject({ verdict: 'partial', filters: { shard: '1/2' } });
    });

    it('a merge of partial merges that together hold every shard is complete', () => {
      const half = mergeReports([shard('1/4'), shard('3/4')]);
      const rest = mergeReports([shard('2/4'), shard('4/4')]);
      expect(half.filters).toEqual({ shard: '1/4,3/4' });
      expect(mergeReports([half, rest]).verdict).toBe('certified');
    });

    it('an unsharded report among the shards covers the whole suite', () => {
      expect(mergeReports([shard('1/3'), sampleReport([PASSED])]).verdict).toBe('certified');
    });

    it('another filter keeps the merge PARTIAL even with every shard', () => {
      const merged = mergeReports([shard('1/2', [PASSED], { tags: ['signature'] }), shard('2/2', [PASSED_13], { tags: ['signature'], checks: ['x'] })]);
      expect(merged).toMatchObject({ verdict: 'partial', filters: { tags: ['signature'], checks: ['x'] } });
      expect(merged.filters?.shard).toBeUndefined();
    });

    it('a failure still makes the merge NOT CERTIFIED', () => {
      expect(mergeReports([shard('1/2', [FAILED]), shard('2/2')]).verdict).toBe('not certified');
    });
  });

  it('carries the first shard\'s identity, suite hash and baseline, and the baseline counts', () => {
    // Arrange
    const about = { identity: { configHash: 'h' }, suiteHash: 'c'.repeat(64), baseline: { file: 'b.yaml', entries: 2 } };
    // Act
    const merged = mergeReports([sampleReport([KNOWN], about), sampleReport([FIXED], about)]);
    // Assert
    expect(merged).toMatchObject(about);
    expect(merged.counts).toMatchObject({ failed: 0, known: 1, fixed: 1 });
    expect(merged.verdict).toBe('certified');
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
