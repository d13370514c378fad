import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors';
import { globRegex, specPathFiles } from './spec-paths';
import { tempDir } from '../testing/temp-dir';

function tree(paths: string[]): string {
  const dir = tempDir('paycert-spec-paths-');
  for (const path of paths) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), 'scenarios: []\n');
  }
  return dir;
}

const shown = (dir: string, files: string[]) => files.map((f) => f.slice(dir.length + 1));

describe('globRegex', () => {
  it.each([
    [['**', '*.spec.yaml'], 'a.spec.yaml', true],
    [['**', '*.spec.yaml'], 'x/y/a.spec.yaml', true],
    [['*.spec.yaml'], 'x/a.spec.yaml', false],
    [['pos', '?.spec.yaml'], 'pos/a.spec.yaml', true],
    [['pos', '?.spec.yaml'], 'pos/ab.spec.yaml', false],
    [['*.spec.{yaml,yml}'], 'a.spec.yml', true],
    [['[ab].spec.yaml'], 'c.spec.yaml', false],
    [['[!ab].spec.yaml'], 'c.spec.yaml', true],
    [['a+b.spec.yaml'], 'aab.spec.yaml', false],
    [['**'], 'deep/down/a.spec.yaml', true],
  ])('%j matches %s: %s', (segments, path, expected) => {
    expect(globRegex(segments).test(path)).toBe(expected);
  });
});

describe('specPathFiles: a --specs PATH', () => {
  const dir = tree(['qa/pos/a.spec.yaml', 'qa/pos/b.spec.yml', 'qa/vpws/c.spec.yaml', 'qa/notes.yaml', 'qa/.hidden/d.spec.yaml', 'qa/node_modules/e.spec.yaml', 'empty/readme.md']);

  it('searches a folder and its sub-folders for scenario files, sorted, hidden folders and node_modules left out', () => {
    expect(shown(dir, specPathFiles('qa', dir))).toEqual(['qa/pos/a.spec.yaml', 'qa/pos/b.spec.yml', 'qa/vpws/c.spec.yaml']);
  });

  it('takes a file as it is, relative to the working directory or absolute', () => {
    expect(specPathFiles('qa/notes.yaml', dir)).toEqual([join(dir, 'qa/notes.yaml')]);
    expect(specPathFiles(join(dir, 'qa/pos/a.spec.yaml'), '/')).toEqual([join(dir, 'qa/pos/a.spec.yaml')]);
  });

  it('expands a glob to the scenario files it matches', () => {
    expect(shown(dir, specPathFiles('qa/**/*.spec.yaml', dir))).toEqual(['qa/pos/a.spec.yaml', 'qa/vpws/c.spec.yaml']);
    expect(shown(dir, specPathFiles('qa/*/[ab].spec.*', dir))).toEqual(['qa/pos/a.spec.yaml', 'qa/pos/b.spec.yml']);
    expect(shown(dir, specPathFiles(`${dir}/qa/v*/*`, '/'))).toEqual(['qa/vpws/c.spec.yaml']);
  });

  it.each([
    ['qa/**/*.json', /--specs qa\/\*\*\/\*\.json matches no scenario file/],
    ['empty', /--specs empty is a folder with no scenario file/],
    ['missing', /--specs missing: no such file or folder/],
  ])('refuses %s in one line', (path, message) => {
    expect(() => specPathFiles(path, dir)).toThrow(UserError);
    expect(() => specPathFiles(path, dir)).toThrow(message);
  });
});
