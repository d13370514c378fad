import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configLine, discoverConfig } from './discover';
import { tempDir } from '../testing/temp-dir';

function folderWith(...names: string[]): string {
  const dir = tempDir('paycert-discover-');
  for (const name of names) writeFileSync(join(dir, name), 'profile: viopay-pos\n');
  return dir;
}

describe('discoverConfig: --config, else PAYCERT_CONFIG, else the working directory', () => {
  it('takes --config as given, whatever else there is', () => {
    // Arrange
    const cwd = folderWith('target.yaml', 'paycert.config.yaml');
    // Act
    const choice = discoverConfig({ config: 'lab.yaml', env: { PAYCERT_CONFIG: 'env.yaml' }, cwd });
    // Assert
    expect(choice).toEqual({ file: 'lab.yaml', origin: 'option' });
    expect(configLine(choice!)).toBe('config: lab.yaml (--config)');
  });

  it('discovers nothing when --target is given without --config: the URL alone', () => {
    const cwd = folderWith('target.yaml');
    expect(discoverConfig({ target: 'http://127.0.0.1:1', env: { PAYCERT_CONFIG: 'env.yaml' }, cwd })).toBeUndefined();
  });

  it('takes PAYCERT_CONFIG before the files of the working directory, and ignores it when empty', () => {
    const cwd = folderWith('target.yaml');
    const fromEnv = discoverConfig({ env: { PAYCERT_CONFIG: 'lab/env.yaml' }, cwd });
    expect(fromEnv).toEqual({ file: 'lab/env.yaml', origin: 'env' });
    expect(configLine(fromEnv!)).toBe('config: lab/env.yaml (from PAYCERT_CONFIG)');
    expect(discoverConfig({ env: { PAYCERT_CONFIG: '' }, cwd })).toMatchObject({ origin: 'working-directory', file: join(cwd, 'target.yaml') });
  });

  it.each([['target.yaml'], ['paycert.config.yaml']])('finds %s in the working directory', (name) => {
    const cwd = folderWith(name);
    const choice = discoverConfig({ env: {}, cwd });
    expect(choice).toEqual({ file: join(cwd, name), origin: 'working-directory' });
    expect(configLine(choice!)).toBe(`config: ${join(cwd, name)} (found in the working directory)`);
  });

  it('prefers paycert.config.yaml when both are there, and says so', () => {
    const cwd = folderWith('target.yaml', 'paycert.config.yaml');
    const choice = discoverConfig({ env: {}, cwd });
    expect(choice).toEqual({ file: join(cwd, 'paycert.config.yaml'), origin: 'working-directory', ignored: join(cwd, 'target.yaml') });
    expect(configLine(choice!)).toContain('target.yaml is there too and is not read');
  });

  it('names a file of the process\'s own working directory as ./NAME', () => {
    // Arrange
    const cwd = folderWith('target.yaml');
    const before = process.cwd();
    process.chdir(cwd);
    try {
      // Act
      const choice = discoverConfig({ env: {}, cwd: process.cwd() });
      // Assert
      expect(choice).toEqual({ file: './target.yaml', origin: 'working-directory' });
      expect(configLine(choice!)).toBe('config: ./target.yaml (found in the working directory)');
    } finally {
      process.chdir(before);
    }
  });

  it('finds a FIFO or folder by that name too, so the loader refuses it instead of the run quietly certifying another target', () => {
    const cwd = folderWith();
    mkdirSync(join(cwd, 'target.yaml'));
    expect(discoverConfig({ env: {}, cwd })).toMatchObject({ file: join(cwd, 'target.yaml') });
  });

  it('finds nothing in an empty folder: the embedded target', () => {
    expect(discoverConfig({ env: {}, cwd: folderWith() })).toBeUndefined();
  });
});
