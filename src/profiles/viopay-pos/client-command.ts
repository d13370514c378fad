/**
 * `paycert client`: the judging server for POS apps (client-judge/), a command this profile
 * declares. Loaded when run: the judge and its console reporting are about 60 modules that every
 * other user of the profile registry (each command, each Pact child, most test files) would load
 * for nothing.
 */
import type { ProfileCommand } from '../target-side';

export const CLIENT_COMMAND: ProfileCommand = {
  name: 'client',
  summary: 'serve the reference target to a POS app and judge every request it sends (PROFILE 1.9)',
  run: async (argv, io) => (await import('./client-judge/command')).runClientCommand([...argv], io),
};
