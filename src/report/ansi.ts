/** The few ANSI styles the console output uses; with `on` false every function is the identity. */

export interface Paint {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  grey(text: string): string;
  bold(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** Styles that colour when `on`, and leave the text untouched (no escape code at all) when not. */
export function paint(on: boolean): Paint {
  if (!on) return { green: plain, red: plain, yellow: plain, grey: plain, bold: plain };
  return { green: style(32, 39), red: style(31, 39), yellow: style(33, 39), grey: style(90, 39), bold: style(1, 22) };
}
