import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBaseline } from '../config/baseline-file';
import { reportJson } from '../report/json-reporter';
import { EXPIRED, FAILED, FIXED, KNOWN, PASSED, sampleReport, SKIPPED, tempDir, WARNING } from '../report/sample-report';
import { baselineCommand, baselineEntries, baselineYaml, TODO_REASON } from './baseline';
import type { Io } from './io';

const KNOWN_CHECKS = ['sig.valid', 'nonce.replay', 'ts.forms', 'cancel.pending', 'nonce.window', 'sig.case', 'nonce.old'].map((id) => ({ id, profile: 'viopay-pos/1' }));

function io(): Io & { text: () => string } {
  let out = '';
  return { out: { write: (t: string) => (out += t) }, err: { write: () => undefined }, env: {}, text: () => out };
}

describe('baselineEntries', () => {
  it('one entry per failure and warning, TODO reason and no expiry; a check the run baseline listed keeps its reason, ticket and date', () => {
    // Act
    const entries = baselineEntries(sampleReport([PASSED, FAILED, WARNING, SKIPPED, KNOWN, FIXED, EXPIRED]));
    // Assert
    expect(entries.map(({ title: _t, level: _l, ...e }) => e)).toEqual([
      { check: 'nonce.replay', reason: TODO_REASON },
      { check: 'ts.forms', reason: TODO_REASON },
      { check: 'nonce.window', reason: 'replay store rewrite pending', ticket: 'PAY-7', expires: '2099-12-31' },
      { check: 'nonce.old', reason: 'legacy gateway', expires: '2020-01-31' },
    ]);
  });
});

describe('baselineYaml', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('reads back through the baseline loader to the same entries, with comments a reviewer can follow', () => {
    // Arrange
    const report = sampleReport([PASSED, FAILED, WARNING, KNOWN]);
    const file = join(tmp.dir, 'baseline.yaml');
    // Act
    writeFileSync(file, baselineYaml(report, 'reports'));
    // Assert
    const loaded = loadBaseline(file, KNOWN_CHECKS, 'viopay-pos/1');
    expect(loaded.entries).toEqual(baselineEntries(report).map(({ title: _t, level: _l, ...e }) => e));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# MUST: A replayed nonce is refused <&"\'>');
    expect(text).toContain('- check: "nonce.replay"\n  reason: "TODO: why"\n');
  });

  it('a run with nothing failing gives an empty baseline that loads', () => {
    const file = join(tmp.dir, 'baseline.yaml');
    writeFileSync(file, baselineYaml(sampleReport([PASSED]), 'reports'));
    expect(loadBaseline(file, KNOWN_CHECKS, 'viopay-pos/1').entries).toEqual([]);
    expect(readFileSync(file, 'utf8')).toContain('# The run had no failure and no warning');
  });
});

describe('paycert baseline', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('write: reads DIR/report.json and writes --out, saying how many entries and what to fill in', () => {
    // Arrange
    writeFileSync(join(tmp.dir, 'report.json'), reportJson(sampleReport()));
    const out = join(tmp.dir, 'b.yaml');
    const cli = io();
    // Act
    const code = baselineCommand(['write', '--report', tmp.dir, '--out', out], cli);
    // Assert
    expect(code).toBe(0);
    expect(cli.text()).toBe(`paycert: wrote 2 entries to ${out}; give each its reason (now "TODO: why") and, if you can, a ticket and an expires date\n`);
    expect(readFileSync(out, 'utf8')).toContain('- check: "ts.forms"');
  });

  it('write --out - prints the file', () => {
    writeFileSync(join(tmp.dir, 'report.json'), reportJson(sampleReport()));
    const cli = io();
    expect(baselineCommand(['write', '--report', tmp.dir, '--out', '-'], cli)).toBe(0);
    expect(cli.text()).toMatch(/^# paycert expected-failure baseline/);
  });

  it('one-line errors: no report, an unknown subcommand, an unknown option', () => {
    expect(() => baselineCommand(['write', '--report', tmp.dir], io())).toThrow(`baseline write: no report at ${join(tmp.dir, 'report.json')}`);
    expect(() => baselineCommand(['wirte'], io())).toThrow('baseline: unknown subcommand "wirte"');
    expect(() => baselineCommand(['write', '--ouT', 'x'], io())).toThrow(/unknown option --ouT/);
  });

  it('--help prints the usage, exit 0; no subcommand prints it too, exit 2', () => {
    const help = io();
    expect(baselineCommand(['--help'], help)).toBe(0);
    expect(help.text()).toMatch(/^Usage: paycert baseline write/);
    expect(baselineCommand([], io())).toBe(2);
  });
});
