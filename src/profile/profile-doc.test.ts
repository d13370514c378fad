/** docs/profile.md is what src/profile/profile-doc.ts writes from the clause lists: never stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allProfiles } from '../profiles';
import { profileMarkdown, type ProfileDocPart } from './profile-doc';

/** Every registered profile's part, in the registry's order. */
const docParts = (): ProfileDocPart[] => allProfiles().map((p) => p.doc);

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
