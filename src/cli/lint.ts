/** `paycert lint [PATHS]`: validate scenario files. */
import { join } from 'node:path';
import { parse } from './args';
import { LINT_HELP } from './help';
import { PACKAGE_ROOT, type Io } from './io';
import { loadScenarios, specFiles } from '../scenario/load';
import { EXIT } from '../core/verdict';

export function lintCommand(argv: readonly string[], io: Io): number {
  const { values, positionals } = parse('lint', argv, {}, true);
  if (values.help) {
    io.out.write(LINT_HELP);
    return EXIT.certified;
  }
  const files = specFiles(positionals.length ? positionals : [join(PACKAGE_ROOT, 'specs')]);
  const scenarios = loadScenarios(files);
  io.out.write(`paycert lint: ${files.length} file${files.length === 1 ? '' : 's'}, ${scenarios.length} scenarios, no problems\n`);
  return EXIT.certified;
}
