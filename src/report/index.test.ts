import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReporterMux, type Reporter } from '../core/reporter';
import { fileReporters, mergeReports, readReport } from './index';
import { sampleReport, tempDir } from './sample-report';

describe('fileReporters', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('creates the directory and writes report.json, junit.xml, summary.md, report.html and certificate.json; merge reads them back', async () => {
    // Arrange
    const dir = join(tmp.dir, 'reports', 'run-1');
    const mux = new ReporterMux(fileReporters(dir));
    // Act
    await mux.onEnd(sampleReport());
    // Assert
    expect(mux.errors).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['certificate.json', 'junit.xml', 'report.html', 'report.json', 'summary.md']);
    expect(mergeReports([readReport(dir)])).toEqual(sampleReport());
  });

  it.each([
    [['md', 'junit'] as const, ['junit.xml', 'summary.md']],
    [['json'] as const, ['certificate.json', 'report.json']],
    [['html', 'json'] as const, ['certificate.json', 'report.html', 'report.json']],
    [[] as const, []],
  ])('--reporter %j writes only those files, and certificate.json with report.json', async (only, files) => {
    // Arrange
    const dir = join(tmp.dir, 'some');
    const mux = new ReporterMux(fileReporters(dir, {}, only));
    // Act
    await mux.onEnd(sampleReport());
    // Assert
    expect(mux.errors).toEqual([]);
    expect(existsSync(dir) ? readdirSync(dir).sort() : []).toEqual(files);
  });
});

describe('ReporterMux with these reporters', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('isolates a throwing reporter: the reporters after it still write their files', async () => {
    // Arrange
    const broken: Reporter = {
      onEnd: () => {
        throw new Error('disk full');
      },
    };
    const mux = new ReporterMux([broken, ...fileReporters(tmp.dir)]);
    // Act
    await mux.onEnd(sampleReport());
    // Assert
    expect(mux.errors).toEqual([{ reporter: 0, hook: 'onEnd', error: new Error('disk full') }]);
    expect(existsSync(join(tmp.dir, 'summary.md'))).toBe(true);
  });
});
