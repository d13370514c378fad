/**
 * Lets plain Node (the `paycert` bin, jest reporters) require the TypeScript sources directly:
 * each .ts file is compiled on load with @swc/core (milliseconds; no build step, no dist/ to go
 * stale). Type checking is `npm run typecheck`'s job, not this hook's.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

// Always ours: under plain jest, ts-node has registered itself to load jest.config.ts, with
// options meant for that one file; the harness's sources go through swc like everywhere else.
{
  require.extensions['.ts'] = function compileTs(module, filename) {
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    });
    module._compile(code, filename);
  };
}
