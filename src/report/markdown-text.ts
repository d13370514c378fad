/** Escaping for the Markdown the reporters write. */

/** One table row per line: control characters dropped, line breaks and tabs as spaces. */
const flat = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n|\r|\n|\t/g, ' ');

/**
 * Text made safe for one table cell: no line breaks (they end the row), `|` escaped (it ends the
 * cell), `<`, `>` and `&` as entities (so a title or message from a target cannot inject HTML
 * into a rendered review page), and `*` and backticks escaped (a masked PAN such as
 * 411111******1111 would otherwise turn into emphasis).
 */
export function markdownCell(text: string): string {
  return flat(text)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\*/g, '\\*')
    .replace(/`/g, '\\`');
}

/**
 * Text as an inline code span inside a table cell. Inside a code span entities and backslash
 * escapes show literally, so only the two things that would break out are changed: `|` (GFM
 * tables honour `\|` even in code) and backticks (shown as `'`).
 */
export function codeCell(text: string): string {
  return `\`${flat(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/**
 * A fenced code block that cannot be closed early by its content: the fence is one backtick
 * longer than the longest run of backticks inside.
 */
export function fenced(content: string, info = 'text'): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content}\n${fence}`;
}
