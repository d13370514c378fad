/**
 * A mistake of the user's (bad config, bad scenario file, unreachable target): said in one line,
 * with the file, line and column where there is one, and never with a stack trace.
 */

export interface Location {
  file: string;
  line?: number;
  col?: number;
}

const CONTROL_NAMES: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\t' };

/** Text with every line break and control character written as an escape (`\r`, `\n`, `\u0001`), tabs kept. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => CONTROL_NAMES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export class UserError extends Error {
  override readonly name = 'UserError';

  constructor(
    message: string,
    readonly where?: Location,
    /** The path inside the document, like `scenarios[2].steps[0].expect`. */
    readonly path?: string,
    /** A fix to suggest, like `did you mean "status"?`. */
    readonly hint?: string,
  ) {
    super(message);
  }

  /**
   * `file:line:col: path: message (hint)`, on one line whatever its parts hold: a CR, LF or other
   * control character that came from the input (a key, a value, a file name) is written escaped.
   */
  oneLine(): string {
    const at = this.where ? [this.where.file, this.where.line, this.where.col].filter((p) => p !== undefined).join(':') + ': ' : '';
    const path = this.path ? `${this.path}: ` : '';
    const hint = this.hint ? ` (${this.hint})` : '';
    return escapeControls(`${at}${path}${this.message}${hint}`);
  }
}

/** Several user errors found at once (a lint of many files); the run stops on any. */
export class UserErrors extends Error {
  override readonly name = 'UserErrors';
  constructor(readonly errors: readonly UserError[]) {
    super(errors.map((e) => e.oneLine()).join('\n'));
  }
}
