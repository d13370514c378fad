/**
 * Lets plain Node (the `paycert` bin, jest reporters) require the TypeScript sources directly:
 * each .ts file is compiled on load with @swc/core (no build step, no dist/ to go stale). Compiled
 * files are cached under node_modules/.cache/paycert-ts, keyed by the source and the compiler
 * version, so a second start compiles nothing. Type checking is `npm run typecheck`'s job.
 */
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');
// swc's native binding (tens of MB) is loaded only when a file is not in the cache: a start with a
// warm cache (every paycert child process after the first) compiles nothing and needs none of it.
let swc;
const compiler = () => (swc ??= require('@swc/core'));
const SWC_VERSION = require('@swc/core/package.json').version;

const CACHE = join(__dirname, '..', 'node_modules', '.cache', 'paycert-ts');
const OPTIONS = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' };
const SALT = `${SWC_VERSION}:${JSON.stringify(OPTIONS)}`;

function compile(source, filename) {
  const key = createHash('sha1').update(SALT).update(filename).update(source).digest('hex');
  const cached = join(CACHE, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const { code } = compiler().transformSync(source, { ...OPTIONS, filename });
    try {
      mkdirSync(CACHE, { recursive: true });
      writeFileSync(`${cached}.${process.pid}`, code);
      renameSync(`${cached}.${process.pid}`, cached);
    } catch {
      // A read-only install still works, just without the cache.
    }
    return code;
  }
}

// Always ours, even if another loader (ts-node, say) registered itself for .ts first: the harness's
// sources go through swc everywhere.
require.extensions['.ts'] = function compileTs(module, filename) {
  module._compile(compile(readFileSync(filename, 'utf8'), filename), filename);
};
