/** Just enough XML for junit.xml: escaping text and attributes, no library. */

/**
 * Characters XML 1.0 does not allow anywhere, even escaped: C0 controls other than tab, newline
 * and carriage return, lone surrogates, U+FFFE and U+FFFF. A target's body can contain any of
 * them; a single one makes the whole junit.xml unreadable to CI, so they are dropped.
 */
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: illegal characters dropped, `&`, `<`, `>` escaped. */
export function xmlText(text: string): string {
  return text.replace(ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An attribute value (for double quotes): as text, plus both quotes, and tab, newline and
 * carriage return as character references, which attribute-value normalisation would otherwise
 * turn into spaces.
 */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `name="value" ...` from a record, values escaped, undefined values left out. */
export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}="${xmlAttr(String(value))}"`)
    .join(' ');
}
