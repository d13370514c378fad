/**
 * Escaping for report.html. Titles, messages, headers and bodies can come from the target under
 * test or from a config, so every one is hostile text: it is escaped for HTML (text and
 * double-quoted attribute values alike) and its control characters are made visible, and the
 * page's Content-Security-Policy (html-page.ts) refuses any script or style it did not ship, so a
 * value that slipped through could still not run.
 */
import { visible } from './text';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `text` safe as HTML text or as a double- or single-quoted attribute value: `& < > " '` as
 * entities, control characters (other than tab and newline) shown as `\u001b`-style escapes, lone
 * surrogates replaced (they are not text).
 */
export function escapeHtml(text: string): string {
  return visible(text)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
}

/** `<tag class="...">text</tag>` with the text escaped; the class is the caller's own constant. */
export function el(tag: string, className: string, text: string): string {
  return `<${tag}${className === '' ? '' : ` class="${className}"`}>${escapeHtml(text)}</${tag}>`;
}

/** The element id of a check's entry (`check-` and the id), escaped for an attribute. */
export function checkAnchor(checkId: string): string {
  return escapeHtml(`check-${checkId}`);
}

/** A link to a check's entry: the fragment is percent-encoded so any id survives in a URL. */
export function checkLink(checkId: string): string {
  return `<a class="check-link" href="#${escapeHtml(encodeURIComponent(`check-${checkId}`))}">${escapeHtml(checkId)}</a>`;
}
