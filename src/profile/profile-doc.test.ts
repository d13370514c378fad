/** docs/profile.md is what src/profile/profile-doc.ts writes from the clause lists: never stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { posDoc } from '../profiles/viopay-pos/doc';
import { vivaDoc } from '../profiles/viva-interapp/doc';
import { vpwsDoc } from '../profiles/vpws/doc';
import { profileMarkdown } from './profile-doc';

/** Every profile's part, in the registry's order (until the Profile interface carries its part, `doc`). */
const docParts = () => [posDoc, vpwsDoc, vivaDoc];

const FILE = join(__dirname, '..', '..', 'docs', 'profile.md');

describe('docs/profile.md', () => {
  it('is what the clause lists write (regenerate: PAYCERT_WRITE_PROFILE_DOC=1 npx jest src/profile/profile-doc --selectProjects unit)', () => {
    if (process.env.PAYCERT_WRITE_PROFILE_DOC === '1') writeFileSync(FILE, profileMarkdown(docParts()));
    expect(readFileSync(FILE, 'utf8')).toBe(profileMarkdown(docParts()));
  });

  it('names every clause of every profile with its level and seed', () => {
    // Arrange
    const parts = docParts();
    // Act
    const text = profileMarkdown(parts);
    // Assert
    expect(parts.length).toBeGreaterThan(0);
    for (const clause of parts.flatMap((p) => p.clauses)) expect(text).toContain(`| \`${clause.id}\` | ${clause.level} |`);
  });
});
