/**
 * The VPWS reference target as a real HTTP server on 127.0.0.1: Dealer Payment Cancellation
 * exactly as PROFILE section 2 reads it, with the state hook of section 4.
 */
import { createServer, type Server } from 'node:http';
import { listen } from '../../../target-kit/http';
import { handleVpws } from './handle';
import { resolveVpwsTargetOptions, VPWS_STATE_HOOK_PATH, type VpwsTargetOptions, type VpwsTargetOptionsInput } from './options';
import { plainRefusal } from './refusals';
import { answerBody, type VpwsContext } from './rules';
import { VpwsStore } from './store';

export interface RunningVpwsTarget {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** The state hook URL, when the target serves one. */
  stateUrl?: string;
  options: VpwsTargetOptions;
  store: VpwsStore;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

/** Starts a VPWS reference target; port 0 (the default) takes an ephemeral port. */
export async function startVpwsTarget(input: VpwsTargetOptionsInput & { port?: number; host?: string } = {}): Promise<RunningVpwsTarget> {
  const options = resolveVpwsTargetOptions(input);
  const store = new VpwsStore();
  const ctx: VpwsContext = { options, store };
  const server: Server = createServer((req, res) => void handleVpws(req, res, ctx));
  const { port, close } = await listen(server, input.port ?? 0, input.host ?? '127.0.0.1', () => JSON.stringify(answerBody({ kind: 'refused', refusal: plainRefusal(400, 'malformedHttp', options.liberties) }, ctx)));
  const url = `http://127.0.0.1:${port}`;
  const running: RunningVpwsTarget = { url, port, options, store, close };
  if (options.stateHook) running.stateUrl = url + VPWS_STATE_HOOK_PATH;
  return running;
}
