import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonReporter, REPORT_FORMAT } from './json-reporter';
import { readReport } from './merge';
import { sampleReport, tempDir } from './sample-report';

describe('JsonReporter', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('writes report.json that round-trips to the same RunReport, with its format first', () => {
    // Arrange
    const report = sampleReport();
    const dir = join(tmp.dir, 'nested', 'out');
    // Act
    new JsonReporter(dir).onEnd(report);
    // Assert
    const text = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(text.startsWith(`{\n  "format": "${REPORT_FORMAT}",`)).toBe(true);
    const { format, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect(format).toBe(REPORT_FORMAT);
    expect(rest).toEqual(report);
    expect(readReport(dir)).toEqual(report);
  });
});
