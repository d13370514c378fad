/**
 * junit.xml against the schema CI tools validate with: the Jenkins xunit plugin's junit-10.xsd
 * (testdata/README.md says where it comes from), checked by xmllint (Debian: libxml2-utils,
 * which .ci/run installs when it is missing).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../core/types';
import { junitXml } from './junit-reporter';
import { EXPIRED, FAILED, FIXED, KNOWN, PASSED, PASSED_13, SKIPPED, sampleReport, tempDir, WARNING } from './sample-report';

const XSD = join(__dirname, 'testdata', 'junit-10.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** xmllint's verdict on `xml`: its exit status and what it printed. */
function validate(dir: string, name: string, xml: string): { status: number | null; output: string } {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const REPORTS: Array<[string, RunReport]> = [
  ['failures, a warning, a skip', sampleReport()],
  ['strict', sampleReport(undefined, { strict: true })],
  ['partial, merged targets', sampleReport([PASSED, PASSED_13], { verdict: 'partial', filters: { tags: ['signature'], shard: '1/2' }, targets: [{ baseUrl: 'http://a:1', embedded: false }, { baseUrl: 'http://b:2', embedded: false }] })],
  ['baseline: known, fixed, expired', sampleReport([PASSED, KNOWN, FIXED, EXPIRED, WARNING, SKIPPED], { baseline: { file: 'baseline.yaml', entries: 3 }, suiteHash: 'ab'.repeat(32) })],
  ['baseline under --strict', sampleReport([KNOWN, FIXED, EXPIRED, FAILED], { strict: true })],
  ['no checks', sampleReport([])],
  ['a long run (times over 1000 s)', sampleReport([{ ...PASSED, durationMs: 1_234_567 }], { endedAt: '2025-01-02T11:00:00.000Z' })],
];

// Skipped, with this reason, only where xmllint cannot be had: .ci/run installs it.
const describeWithXmllint = hasXmllint ? describe : describe.skip;

describeWithXmllint('junit.xml against the Jenkins xunit junit-10.xsd (skipped when xmllint is not installed: apt-get install libxml2-utils)', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.remove());

  it.each(REPORTS)('%s: valid', (name, report) => {
    // Act
    const result = validate(tmp.dir, name.replace(/\W+/g, '-'), junitXml(report));
    // Assert
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('the schema does reject what junit.xml used to write (skipped on testsuites, properties in a testcase)', () => {
    // Arrange: the old shape, so this test can fail if the schema or the call stopped validating.
    const old = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="paycert" tests="1" failures="0" errors="0" skipped="0" time="0.001">',
      '  <testsuite name="PROFILE 1.2" tests="1" failures="0" errors="0" skipped="0" time="0.001">',
      '    <testcase classname="PROFILE 1.2" name="x" time="0.001"><properties><property name="a" value="b"/></properties></testcase>',
      '  </testsuite>',
      '</testsuites>',
    ].join('\n');
    // Act
    const result = validate(tmp.dir, 'old', old);
    // Assert
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/skipped.*not allowed|properties.*not expected/);
  });

  it('the xsd is the one testdata/README.md names', () => {
    const sha = createHash('sha256').update(readFileSync(XSD)).digest('hex');
    expect(sha).toBe('a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6');
  });
});
