/** `paycert client`: the judging server for POS apps (client-judge/), a command this profile declares. */
import type { ProfileCommand } from '../target-side';
import { runClientCommand } from './client-judge/command';

export const CLIENT_COMMAND: ProfileCommand = {
  name: 'client',
  summary: 'serve the reference target to a POS app and judge every request it sends (PROFILE 1.9)',
  run: (argv, io) => runClientCommand([...argv], io),
};
