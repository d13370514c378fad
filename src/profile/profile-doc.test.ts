/** docs/profile.md is what src/profile/profile-doc.ts writes from the clause list: never stale. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POS_CLAUSES, VIVA_CLAUSES, VPWS_CLAUSES } from './clauses';
import { profileMarkdown } from './profile-doc';

const FILE = join(__dirname, '..', '..', 'docs', 'profile.md');

describe('docs/profile.md', () => {
  it('is what the clause list writes (regenerate: node -r ./scripts/register-ts.js -e "process.stdout.write(require(\'./src/profile/profile-doc\').profileMarkdown())" > docs/profile.md)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(profileMarkdown());
  });

  it('names every clause with its level and seed', () => {
    const text = profileMarkdown();
    for (const clause of [...POS_CLAUSES, ...VPWS_CLAUSES, ...VIVA_CLAUSES]) expect(text).toContain(`| \`${clause.id}\` | ${clause.level} |`);
  });
});
