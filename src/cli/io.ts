import type { Redactor } from '../core/redactor';

/** Where the CLI writes (injected, so tests can read it). */
export interface Io {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /**
   * Set by a command once it knows its target's secrets (`run`, `replay`): the error lines
   * `main` prints pass through it.
   */
  redactor?: Redactor;
}

export const processIo = (): Io => ({ out: process.stdout, err: process.stderr, env: process.env });

/** The package root: specs/, jest.config.js and package.json live here. */
export const PACKAGE_ROOT = require('node:path').resolve(__dirname, '..', '..') as string;
