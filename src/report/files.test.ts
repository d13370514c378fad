import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportsDirProblem } from './files';

describe('reportsDirProblem', () => {
  it('accepts a new or existing directory and leaves nothing behind', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'paycert-reports-')), 'nested', 'reports');
    expect(reportsDirProblem(dir)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a file given as the directory', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paycert-reports-')), 'report.txt');
    writeFileSync(file, 'x');
    expect(reportsDirProblem(file)).toBe(`${file} is a file, not a directory`);
  });

  it('names a place that cannot be created, at once', () => {
    expect(reportsDirProblem('/proc/nope')).toMatch(/^cannot write to \/proc\/nope: ENOENT/);
  });
});
