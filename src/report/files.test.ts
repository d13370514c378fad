import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportsDirProblem } from './files';
import { tempDir } from '../testing/temp-dir';

describe('reportsDirProblem', () => {
  it('accepts a new or existing directory and leaves nothing behind', () => {
    const dir = join(tempDir('paycert-reports-'), 'nested', 'reports');
    expect(reportsDirProblem(dir)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a file given as the directory', () => {
    const file = join(tempDir('paycert-reports-'), 'report.txt');
    writeFileSync(file, 'x');
    expect(reportsDirProblem(file)).toBe(`${file} is a file, not a directory`);
  });

  it('names a place that cannot be created, at once', () => {
    expect(reportsDirProblem('/proc/nope')).toMatch(/^cannot write to \/proc\/nope: ENOENT/);
  });
});
