/**
 * The VPWS reference target as a real HTTP server on 127.0.0.1: Dealer Payment Cancellation
 * exactly as PROFILE section 2 reads it, with the state hook of section 4.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // Malformed HTTP never reaches the handler; answer it in the section 2 shape and hang up.
  server.on('clientError', (_error, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify(answerBody({ kind: 'refused', refusal: plainRefusal(400, 'malformedHttp', options.liberties) }, ctx));
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port ?? 0, input.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const running: RunningVpwsTarget = {
    url,
    port,
    options,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  if (options.stateHook) running.stateUrl = url + VPWS_STATE_HOOK_PATH;
  return running;
}
