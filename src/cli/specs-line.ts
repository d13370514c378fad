/** The line `paycert run --specs` prints before the run: how many of its checks each `--specs` path brought. */
import { checksPerOrigin, specsOrigins, type UserSpecs } from '../checks/all-checks';
import type { Check } from '../checks/check';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `specs: 3 checks from qa/ (2 files), 1 check from 'x/*.spec.yaml' (1 file); 120 built-in checks`,
 * counting the run's checks (`registered`: its profile's, before --tag/--check/--shard narrow them).
 */
export function userSpecsLine(user: UserSpecs, registered: readonly Check[]): string {
  const origins = specsOrigins(user.paths, user.cwd);
  const counts = checksPerOrigin(origins, registered);
  const fromUser = new Set(origins.flatMap((o) => o.files));
  const parts = counts.map((c) => `${plural(c.checks, 'check')} from ${c.path} (${plural(c.files, 'file')}${c.checks === 0 ? ', none of this run\'s profile' : ''})`);
  const builtIn = registered.filter((c) => !fromUser.has(c.file)).length;
  return `specs: ${parts.join(', ')}; ${user.noBuiltin ? 'no built-in checks (--no-builtin)' : plural(builtIn, 'built-in check')}`;
}
