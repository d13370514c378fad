/**
 * jest's runtime with one change: a module's code is compiled once per worker, not once per test
 * file. jest evaluates every module again in each test file's own context (isolation, kept here),
 * and compiles it again each time with `vm.compileFunction`, which V8 does not cache: 46,000
 * compilations in one `npm test`, about 18 s of the workers' time, plus each function compiled
 * lazily again in every file. A `vm.Script` is not bound to a context: the same script runs in
 * each test file's context, and V8 keeps its compiled functions.
 *
 * It relies on jest-runtime's module executor (`runtime.executor.compile`), pinned with jest in
 * package.json; were it gone, this is jest's own runtime unchanged (src/jest/compile-once.test.ts).
 */
const { Script } = require('node:vm');
const Runtime = require('jest-runtime').default;

/** The property the wrapper's value holds the module function under. */
const KEY = '__paycertModule';

/** One worker's compiled modules, by file: the source and parameters they were compiled for, and the script. */
const compiled = new Map();
/** How many scripts this worker compiled (for the tests). */
let compilations = 0;

/**
 * The executor of the test file running now. A worker runs one test file at a time, so a dynamic
 * `import()` inside a shared script belongs to this file's context.
 */
let current;

/** The module's source as one function expression, as jest's own wrapper did before compileFunction. */
function wrap(source, parameters) {
  return `({"${KEY}":function(${parameters}){${source}\n}});`;
}

/** `compile(source, filename)` of jest's executor, reusing the worker's script for an unchanged file. */
function compileOnce(jestCompile) {
  return function compile(source, filename) {
    const context = this.environment.getVmContext();
    if (context == null) return null;
    current = this;
    const parameters = this.injectedModuleParameters.join(',');
    let entry = compiled.get(filename);
    if (entry === undefined || entry.source !== source || entry.parameters !== parameters) {
      let script;
      try {
        script = new Script(wrap(source, parameters), {
          filename,
          importModuleDynamically: (specifier, _script, attributes) => current.dynamicImport(specifier, filename, current.environment.getVmContext(), attributes),
        });
      } catch {
        // A syntax error (or a hashbang): jest compiles it its own way and reports it as it does.
        return jestCompile.call(this, source, filename);
      }
      compilations += 1;
      entry = { source, parameters, script };
      compiled.set(filename, entry);
    }
    return entry.script.runInContext(context)[KEY];
  };
}

/**
 * Makes `executor` (jest-runtime's ModuleExecutor) compile each module once per worker; false, and
 * nothing changed, when it is not the executor this was written for.
 */
function installCompileOnce(executor) {
  if (!executor || typeof executor.compile !== 'function' || !Array.isArray(executor.injectedModuleParameters)) return false;
  executor.compile = compileOnce(executor.compile);
  return true;
}

class CompileOnceRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    installCompileOnce(this.executor);
  }
}

module.exports = CompileOnceRuntime;
module.exports.installCompileOnce = installCompileOnce;
module.exports.compilations = () => compilations;
