/**
 * The one redactor every value passes through before it leaves memory: console lines, report
 * files, error lines. It is built once per run from what the run must never show (the configured
 * secrets, the MSK, the declared test cards) and masks them wherever they appear, in any string
 * or number of any value, whoever wrote it: the harness, or a target echoing what it was sent.
 *
 * A secret is masked in each form it could come back in: as is, with any of its characters
 * percent-encoded (once or twice) or JSON-escaped, hex (either case), and base64 and base64url
 * (also inside a longer base64 text, whatever its alignment). Card numbers (13 to 19 digit runs that pass the Luhn check, and the declared
 * test cards whatever their check digit) are masked as first 6 + last 4, in text and in JSON
 * numbers. The patterns are compiled once, in the constructor.
 */
import { luhnValid, maskPan } from '../profile/pan';

/** What replaces a secret. */
export const REDACTED = '[redacted]';

export interface RedactorInput {
  /** Secret texts (HMAC secret, tokens, merchant key, the MSK's hex, a PEM key). */
  secrets?: readonly string[];
  /** Secret bytes with no text form of their own (the MSK): masked as hex, base64 and base64url. */
  secretBytes?: readonly Uint8Array[];
  /** Declared test card numbers: masked even when they fail the Luhn check. */
  cards?: readonly string[];
}

/**
 * A form shorter than this cannot be told from ordinary text (a 3-character secret would blank
 * every report): such forms are left alone. Alignment cores of base64 need more (see `cores`).
 */
const MIN_FORM = 4;
const MIN_CORE = 8;
const MIN_CARD = 12;
/** Digit runs that could hold a card number (declared cards may have 12 digits). */
const DIGIT_RUN = /\d{12,}/g;
/**
 * A digit run inside hex text this long (a SHA-256, an IV, a ciphertext) is not a card number:
 * such text has Luhn-valid digit runs now and then (about one hash in 200), and masking them
 * would corrupt the hashes a report must carry intact and the curl lines. A card number next to a
 * few letters (`card4111...`, `id4111...`) is still one. Declared cards are masked anywhere.
 */
const HEX_BLOB = 32;
const isHexChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/** Whether the digit run at `start` (of `length`) lies in hex text of HEX_BLOB characters or more (looked at no further than that). */
function inHexBlob(text: string, start: number, length: number): boolean {
  let left = start;
  while (left > 0 && start - left < HEX_BLOB && isHexChar(text.charCodeAt(left - 1))) left--;
  let right = start + length;
  while (right < text.length && right - (start + length) < HEX_BLOB && isHexChar(text.charCodeAt(right))) right++;
  return right - left >= HEX_BLOB;
}
/**
 * `://user:password@`: the password of credentials written into a URL. Anchored on `://`, not on
 * the scheme: a scheme pattern would rescan every long run of letters and digits (a hex body) from
 * each of its characters, in quadratic time.
 */
const URL_PASSWORD = /(:\/\/[^\s/:@]*:)[^\s/@]+@/g;

/** A character that starts an escape the escaped secrets pattern reads: `%`, a JSON backslash, or `+` for a space. */
const ESCAPE_CHAR = /[%\\+]/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toBase64Url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * The base64 characters that encode only bytes of `bytes` when it sits at offset `shift` (mod 3)
 * inside a longer text: they appear in the base64 of any text containing `bytes` at that
 * alignment, whatever surrounds it.
 */
function cores(bytes: Buffer): string[] {
  const found: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const startBits = 8 * shift;
    const endBits = 8 * (shift + bytes.length);
    const first = Math.ceil(startBits / 6);
    const last = Math.floor(endBits / 6); // exclusive
    if (last - first >= MIN_CORE) found.push(encoded.slice(first, last));
  }
  return found;
}

/** The literal forms of `bytes` (and of `text`, when it has one) that the redactor masks. */
function formsOf(bytes: Buffer, text?: string): string[] {
  const forms: string[] = [bytes.toString('hex')];
  const base64 = bytes.toString('base64');
  forms.push(base64, base64.replace(/=+$/, ''), toBase64Url(base64));
  for (const core of cores(bytes)) forms.push(core, toBase64Url(core));
  if (text !== undefined) {
    forms.push(text);
    // A PEM key: its base64 lines are the key itself, whatever wraps them.
    for (const line of text.split(/\r?\n/)) if (!line.startsWith('-----') && line.trim().length >= 16) forms.push(line.trim());
  }
  return forms;
}

const hex2 = (byte: number) => byte.toString(16).padStart(2, '0');

/**
 * A pattern for `text` written with any of its characters escaped, each its own way: as is,
 * percent-encoded once or twice (a URI inside a URI parameter), `+` for a space (forms), or a
 * JSON escape (`\u0041`, `\"`, `\/`). Encoders differ in which characters they escape (a URI
 * builder keeps `/`, encodeURIComponent does not), so no list of whole encodings covers them all.
 */
function escapedPattern(text: string): string {
  return [...text]
    .map((ch) => {
      const bytes = [...Buffer.from(ch, 'utf8')];
      const alternatives = [escapeRegExp(ch), bytes.map((b) => `%${hex2(b)}`).join(''), bytes.map((b) => `%25${hex2(b)}`).join('')];
      const code = ch.codePointAt(0)!;
      if (code <= 0xffff) alternatives.push(`\\\\u${code.toString(16).padStart(4, '0')}`);
      if (ch === ' ') alternatives.push('\\+');
      if (ch === '"' || ch === '\\' || ch === '/') alternatives.push(`\\\\${escapeRegExp(ch)}`);
      const short = ({ '\n': 'n', '\r': 'r', '\t': 't' } as Record<string, string>)[ch];
      if (short) alternatives.push(`\\\\${short}`);
      return `(?:${alternatives.join('|')})`;
    })
    .join('');
}

/**
 * Masks card numbers in a digit run: a 13 to 19 digit run that passes the Luhn check, or a
 * declared card anywhere in it. A longer run is not searched for Luhn-valid windows: hex text
 * (IVs, ciphertexts) is full of them, and masking those would break every curl replay.
 */
function maskRun(run: string, cards: ReadonlySet<string>): string {
  if (cards.has(run)) return maskPan(run);
  if (run.length >= 13 && run.length <= 19 && luhnValid(run)) return maskPan(run);
  for (const card of cards) if (run.includes(card)) return maskPan(run);
  return run;
}

/** Texts up to this length are remembered once redacted (Redactor.text), at most SHORT_TEXTS_KEPT of them. */
const SHORT_TEXT = 200;
const SHORT_TEXTS_KEPT = 10_000;

export class Redactor {
  /** A redactor that knows no secret: it still masks card numbers. */
  static readonly cardsOnly = new Redactor({});

  /**
   * Every secret form, each text secret written with any of its characters escaped (URI, form or
   * JSON escapes). About 500 alternatives, which V8 takes ~70 ms to compile (measured): compiled
   * the first time a text with an escape character needs it, so a process that never redacts such a
   * text (a Pact verification child) never pays for it.
   */
  private escapedSecrets: RegExp | undefined;
  private readonly escapedSource: string | null;
  /**
   * The same secrets as they are written in a text with no escape character (`%`, backslash, `+`): there,
   * the escaped pattern can only match each text secret as it is, so this small pattern matches
   * exactly what it matches.
   */
  private readonly plainSecrets: RegExp | null;
  private readonly forms: readonly string[];
  private readonly cards: ReadonlySet<string>;
  /** The shortest string that can hold anything this redactor masks. */
  private readonly shortest: number;
  /** Redacted copies of objects already seen: a result passed again (in the final report) costs nothing. */
  private readonly copies = new WeakMap<object, unknown>();
  /**
   * Short texts already redacted. A run's check list repeats the same levels, tags, clauses and
   * seed names thousands of times (14,000 strings, 2,000 different), and each is otherwise one
   * pass of the secrets pattern, the digit-run pattern and the card list.
   */
  private readonly shortTexts = new Map<string, string>();

  constructor(input: RedactorInput) {
    const forms = new Set<string>();
    const texts = new Set<string>();
    for (const secret of input.secrets ?? []) {
      if (secret.length >= MIN_FORM) texts.add(secret);
      for (const form of formsOf(Buffer.from(secret, 'utf8'), secret)) forms.add(form);
    }
    for (const bytes of input.secretBytes ?? []) if (bytes.length > 0) for (const form of formsOf(Buffer.from(bytes))) forms.add(form);
    // Longest first, so a form is masked whole rather than the shorter form inside it.
    this.forms = [...forms].filter((f) => f.length >= MIN_FORM).sort((a, b) => b.length - a.length);
    const longestTexts = [...texts].sort((a, b) => b.length - a.length);
    const otherForms = this.forms.filter((f) => !texts.has(f)).map(escapeRegExp);
    const escaped = [...longestTexts.map(escapedPattern), ...otherForms];
    this.escapedSource = escaped.length > 0 ? escaped.join('|') : null;
    // Case-insensitive: hex and percent escapes come back in either case; a false match only over-masks.
    this.plainSecrets = escaped.length > 0 ? new RegExp([...longestTexts.map(escapeRegExp), ...otherForms].join('|'), 'gi') : null;
    this.cards = new Set((input.cards ?? []).filter((c) => /^\d+$/.test(c) && c.length >= MIN_CARD));
    this.shortest = Math.min(MIN_CARD, ...this.forms.map((f) => f.length));
  }

  /** `text` with every secret replaced by `[redacted]` and every card number masked. */
  text(text: string): string {
    if (text.length < this.shortest) return text;
    if (text.length > SHORT_TEXT) return this.redactText(text);
    let out = this.shortTexts.get(text);
    if (out === undefined) {
      // Bounded: a run of a million different short texts does not keep them all.
      if (this.shortTexts.size >= SHORT_TEXTS_KEPT) this.shortTexts.clear();
      this.shortTexts.set(text, (out = this.redactText(text)));
    }
    return out;
  }

  private redactText(text: string): string {
    // No secrets, no pattern (both are null together); else the escaped one, compiled on first use, only when the text can hold an escape.
    const secrets = this.escapedSource === null ? null : ESCAPE_CHAR.test(text) ? (this.escapedSecrets ??= new RegExp(this.escapedSource, 'gi')) : this.plainSecrets;
    let out = secrets ? text.replace(secrets, REDACTED) : text;
    if (out.includes('://') && out.includes('@')) out = out.replace(URL_PASSWORD, `$1${REDACTED}@`);
    out = out.replace(DIGIT_RUN, (run: string, at: number, whole: string) => (inHexBlob(whole, at, run.length) ? run : maskRun(run, this.cards)));
    for (const card of this.cards) if (out.includes(card)) out = out.split(card).join(maskPan(card));
    return out;
  }

  /**
   * Text that was cut short (a body the client kept only the start of): also masks a secret or a
   * card number cut in two at its end, which no whole form matches.
   */
  cutText(text: string): string {
    let out = this.text(text);
    const lower = out.toLowerCase();
    for (const form of this.forms) {
      for (let keep = Math.min(form.length - 1, out.length); keep >= MIN_FORM; keep--) {
        if (lower.endsWith(form.slice(0, keep).toLowerCase())) {
          out = out.slice(0, out.length - keep) + REDACTED;
          return out;
        }
      }
    }
    // The start of a card number cut short: its first 6 digits only (found from the end: a
    // `\d{10,}$` pattern would rescan a long digit run from each of its digits).
    let start = out.length;
    while (start > 0 && out.charCodeAt(start - 1) >= 48 && out.charCodeAt(start - 1) <= 57) start--;
    const run = out.length - start;
    return run >= 10 ? `${out.slice(0, start + 6)}${'*'.repeat(run - 6)}` : out;
  }

  /** A number that is a card number, masked (as a string); any other number unchanged. */
  number(value: number): number | string {
    if (!Number.isInteger(value) || Math.abs(value) < 1e11) return value;
    const digits = String(Math.abs(value));
    if (!/^\d+$/.test(digits)) return value;
    // Beyond 2^53 the digits are no longer the ones sent: a 16 to 19 digit one may be a card, masked whatever its check digit.
    if (!Number.isSafeInteger(value) && digits.length >= 16 && digits.length <= 19) return maskPan(digits);
    const masked = maskRun(digits, this.cards);
    return masked === digits ? value : masked;
  }

  /**
   * A deep copy of `value` with every string (object keys too) and number redacted. Objects seen
   * before return the copy made then, so a result redacted as it ended costs nothing in the report.
   */
  value<T>(value: T): T {
    return this.walk(value, false) as T;
  }

  private walk(value: unknown, cut: boolean): unknown {
    if (typeof value === 'string') return cut ? this.cutText(value) : this.text(value);
    if (typeof value === 'number') return this.number(value);
    if (value === null || typeof value !== 'object') return value;
    const known = this.copies.get(value);
    if (known !== undefined) return known;
    let copy: unknown;
    if (Array.isArray(value)) copy = value.map((v) => this.walk(v, false));
    else if (Buffer.isBuffer(value) || value instanceof Date) copy = value;
    else {
      const record = value as Record<string, unknown>;
      // An exchange's body the client cut short may end in half a secret.
      const truncated = record.truncated === true;
      copy = Object.fromEntries(Object.entries(record).map(([k, v]) => [this.text(k), this.walk(v, truncated && k === 'body')]));
    }
    this.copies.set(value, copy);
    this.copies.set(copy as object, copy);
    return copy;
  }
}
