import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suiteFiles, suiteHash } from './suite-hash';
import { tempDir } from '../testing/temp-dir';

function suite(): string {
  const root = tempDir('paycert-suite-');
  mkdirSync(join(root, 'specs'));
  mkdirSync(join(root, 'probes'));
  writeFileSync(join(root, 'specs', 'a.spec.yaml'), 'scenarios: []\n');
  writeFileSync(join(root, 'specs', 'notes.md'), 'not part of the suite');
  writeFileSync(join(root, 'probes', 'x.probe.ts'), 'export default [];\n');
  writeFileSync(join(root, 'probes', 'x.test.ts'), 'a test is not a check');
  return root;
}

describe('suiteHash', () => {
  it('covers the check files only, and changes when one of them changes', () => {
    // Arrange
    const root = suite();
    const before = suiteHash(root);
    // Act
    writeFileSync(join(root, 'specs', 'notes.md'), 'edited notes');
    const afterNotes = suiteHash(root);
    writeFileSync(join(root, 'specs', 'a.spec.yaml'), 'scenarios: [] # edited\n');
    const afterSpec = suiteHash(root);
    // Assert
    expect(suiteFiles(root)).toEqual(['probes/x.probe.ts', 'specs/a.spec.yaml']);
    expect(afterNotes).toBe(before);
    expect(afterSpec).not.toBe(before);
  });
});
