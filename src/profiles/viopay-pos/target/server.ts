/**
 * The reference target as a real HTTP server on 127.0.0.1: the Viopay POS API exactly as
 * PROFILE section 1 reads it, with the state hook of section 4.
 */
import { createServer, type Server } from 'node:http';
import { handle } from './handle';
import { listen } from '../../../target-kit/http';
import { STATE_HOOK_PATH } from '../../../target-kit/state-request';
import { resolveTargetOptions, type TargetOptions, type TargetOptionsInput } from './options';
import type { RuleContext } from './rules';
import { TargetStore } from './store';

export interface RunningTarget {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** The state hook URL, when the target serves one. */
  stateUrl?: string;
  options: TargetOptions;
  store: TargetStore;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

/** Starts a reference target; port 0 (the default) takes an ephemeral port. */
export async function startReferenceTarget(input: TargetOptionsInput & { port?: number; host?: string } = {}): Promise<RunningTarget> {
  const options = resolveTargetOptions(input);
  const store = new TargetStore();
  const ctx: RuleContext = { options, store };
  const server: Server = createServer((req, res) => void handle(req, res, ctx));
  const { port, close } = await listen(server, input.port ?? 0, input.host ?? '127.0.0.1', () => JSON.stringify({ error: { code: '4000', message: 'malformed HTTP request', trace_id: 'none' } }));
  const url = `http://127.0.0.1:${port}`;
  const running: RunningTarget = { url, port, options, store, close };
  if (options.stateHook) running.stateUrl = url + STATE_HOOK_PATH;
  return running;
}
