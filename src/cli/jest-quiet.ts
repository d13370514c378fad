/**
 * jest's programmatic runner as a paycert command uses it (`paycert pact generate`): none of
 * jest's own output reaches paycert's. jest writes its banners to stdout whatever its reporters
 * ("Running one project: unit" for a selected project; "Determining test suites to run..." on a
 * terminal, in bold and dim whatever NO_COLOR says), so its stdout writes are dropped while it
 * runs; it gets no reporter; and a failing test is told by paycert, plainly, from the results.
 */
import { PACKAGE_ROOT } from './io';

/** What a quiet jest run gives back: whether every test passed, and each failure as plain text. */
export interface QuietJestResult {
  success: boolean;
  /** `file: test name: message` per failed test (or per test file that could not run), no ANSI. */
  failures: string[];
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

/** At most this many lines of one failure's message: the first say what went wrong. */
const FAILURE_LINES = 12;

/** Runs the unit-project test file `testPath` in this process with no output of jest's own. */
export async function runJestQuietly(testPath: string): Promise<QuietJestResult> {
  // jest is loaded when a command runs it, not at every start of the bin.
  const { runCLI } = await import('jest');
  const argv = { _: [testPath], runTestsByPath: true, selectProjects: ['unit'], silent: true, reporters: [], $0: 'paycert' } as unknown as Parameters<typeof runCLI>[0];
  const stdout = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  let results;
  try {
    ({ results } = await runCLI(argv, [PACKAGE_ROOT]));
  } finally {
    process.stdout.write = stdout;
  }
  const failures: string[] = [];
  for (const file of results.testResults) {
    const where = file.testFilePath.startsWith(PACKAGE_ROOT) ? file.testFilePath.slice(PACKAGE_ROOT.length + 1) : file.testFilePath;
    if (file.testExecError) failures.push(`${where}: ${stripAnsi(file.testExecError.message)}`);
    for (const test of file.testResults.filter((t) => t.status === 'failed')) {
      const message = stripAnsi(test.failureMessages.join('\n')).split('\n').slice(0, FAILURE_LINES).join('\n');
      failures.push(`${where}: ${test.fullName}: ${message}`);
    }
  }
  return { success: results.success, failures };
}
