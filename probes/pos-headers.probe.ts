/**
 * PROFILE 1.1 and 1.2, the headers a target matches exactly: device headers (a prefix, substring
 * or case-folded match is a near miss), X-Timestamp forms (RFC 3339 only; an offset shifts the
 * instant) and X-Nonce's alphabet. Sent and signed consistently, so only the value is judged.
 */
import type { NearMiss } from '../src/client/near-miss';
import type { ProbeFamily } from '../src/probe/family';
import { registerProbesWhenRunByJest } from '../src/probe/jest-entry';

const REFUSED_401 = { status: 401, code: '4001', error: 'standard' } as const;
const APPROVED = { status: 200, fields: { status: 'approved' } };
const miss = (element: NearMiss['element'], kind: NearMiss['kind'], extra: Partial<NearMiss> = {}): NearMiss => ({ element, kind, ...extra });

export const deviceHeaders: ProbeFamily = {
  id: 'pos.probe.device',
  profile: 'viopay-pos',
  clause: '1.1/device-headers',
  level: 'MUST',
  subject: 'A charge whose',
  tags: ['device-headers', 'near-miss'],
  step: { charge: {} },
  refused: { status: [400, 401], error: 'standard' },
  accepted: APPROVED,
  cases: [
    { name: 'user-agent-lower-case', title: 'User-Agent is in lower case (viopay-pos/...)', miss: miss('User-Agent', 'lower-case') },
    { name: 'user-agent-upper-case', title: 'User-Agent is in upper case (VIOPAY-POS/...)', miss: miss('User-Agent', 'upper-case') },
    { name: 'user-agent-browser-prefix', title: 'User-Agent has Viopay-POS/ after a browser name', miss: miss('User-Agent', 'prefixed', { text: 'Mozilla/5.0 ' }) },
    { name: 'user-agent-prefixed', title: 'User-Agent has one character before Viopay-POS/', miss: miss('User-Agent', 'prefixed', { text: 'X' }) },
    { name: 'user-agent-space', title: 'User-Agent says "Viopay POS/" (a space, not a dash)', miss: miss('User-Agent', 'replaced', { text: 'Viopay POS/1.4.2 (Android 12; PAX-A920)' }) },
    { name: 'user-agent-underscore', title: 'User-Agent says "Viopay_POS/"', miss: miss('User-Agent', 'replaced', { text: 'Viopay_POS/1.4.2 (Android 12; PAX-A920)' }) },
    { name: 'user-agent-no-dash', title: 'User-Agent says "ViopayPOS/"', miss: miss('User-Agent', 'replaced', { text: 'ViopayPOS/1.4.2 (Android 12; PAX-A920)' }) },
    { name: 'user-agent-cut-name', title: 'User-Agent says "Viopay-PO/"', miss: miss('User-Agent', 'replaced', { text: 'Viopay-PO/1.4.2 (Android 12; PAX-A920)' }) },
    { name: 'user-agent-first-letter-cut', title: 'User-Agent says "iopay-POS/"', miss: miss('User-Agent', 'replaced', { text: 'iopay-POS/1.4.2 (Android 12; PAX-A920)' }) },
    {
      name: 'user-agent-other-device',
      title: 'User-Agent is another device in the seed format (Viopay-POS/2.0.0 (iOS 17.2; iPhone15,2))',
      outcome: 'accepted',
      miss: miss('User-Agent', 'replaced', { text: 'Viopay-POS/2.0.0 (iOS 17.2; iPhone15,2)' }),
    },
    { name: 'user-agent-other-version', title: 'User-Agent has another version and model (Viopay-POS/10.11.12 (Linux; Sunmi V2))', outcome: 'accepted', miss: miss('User-Agent', 'replaced', { text: 'Viopay-POS/10.11.12 (Linux; Sunmi V2)' }) },
    { name: 'client-type-upper-case', title: 'X-Client-Type is POS', miss: miss('X-Client-Type', 'upper-case') },
    { name: 'client-type-capitalised', title: 'X-Client-Type is Pos', miss: miss('X-Client-Type', 'capitalised') },
    { name: 'client-type-prefixed', title: 'X-Client-Type is xpos', miss: miss('X-Client-Type', 'prefixed', { text: 'x' }) },
    { name: 'client-type-suffixed', title: 'X-Client-Type is pos2', miss: miss('X-Client-Type', 'suffixed', { text: '2' }) },
    { name: 'client-type-plural', title: 'X-Client-Type is poss', miss: miss('X-Client-Type', 'suffixed', { text: 's' }) },
    { name: 'client-type-truncated', title: 'X-Client-Type is po', miss: miss('X-Client-Type', 'truncated') },
    { name: 'client-type-inner-space', title: 'X-Client-Type is "p os"', miss: miss('X-Client-Type', 'inserted', { text: ' ', count: 1 }) },
    {
      name: 'terminal-id-suffixed',
      title: 'X-Terminal-Id is the terminal id with a character added (signed)',
      miss: miss('X-Terminal-Id', 'suffixed', { text: 'X' }),
      description: 'A terminal is an identity: an id that only starts with a known one names no terminal (docs/profile-decisions.md 19 and 26).',
    },
    { name: 'terminal-id-prefixed', title: 'X-Terminal-Id is the terminal id with a character before it (signed)', miss: miss('X-Terminal-Id', 'prefixed', { text: 'X' }) },
    { name: 'terminal-id-truncated', title: 'X-Terminal-Id is the terminal id with its last character cut (signed)', miss: miss('X-Terminal-Id', 'truncated') },
    { name: 'terminal-id-lower-case', title: 'X-Terminal-Id is the terminal id in lower case (signed)', miss: miss('X-Terminal-Id', 'lower-case') },
  ],
};

const rendered = (text: string) => miss('X-Timestamp', 'rendered', { text });

export const timestampForms: ProbeFamily = {
  id: 'pos.probe.timestamp',
  profile: 'viopay-pos',
  clause: '1.2/timestamp-format',
  level: 'MUST',
  subject: 'A charge whose X-Timestamp (signed as sent) is the current time',
  tags: ['signature', 'timestamp', 'near-miss'],
  step: { charge: {} },
  refused: REFUSED_401,
  accepted: APPROVED,
  cases: [
    { name: 'no-zone', title: 'without a zone designator (not RFC 3339)', miss: rendered('no-zone'), description: 'Date.parse reads a date-time without a zone as local time; RFC 3339 requires Z or an offset.' },
    { name: 'date-only', title: 'as a date only', miss: rendered('date-only') },
    { name: 'basic-offset', title: 'with a basic offset +0000 (ISO 8601, not RFC 3339)', miss: rendered('basic-offset') },
    { name: 'no-seconds', title: 'without seconds', miss: rendered('no-seconds') },
    { name: 'http-date', title: 'as an HTTP date (RFC 1123)', miss: rendered('http-date') },
    { name: 'utc-word', title: 'followed by " UTC" instead of Z', miss: rendered('utc-word') },
    { name: 'suffixed', title: 'followed by a character', miss: miss('X-Timestamp', 'suffixed', { text: 'x' }) },
    { name: 'prefixed', title: 'preceded by a character', miss: miss('X-Timestamp', 'prefixed', { text: 'x' }) },
    {
      name: 'offset-ignored-plus',
      title: 'in UTC digits followed by +05:00 (an instant 5 hours earlier)',
      clause: '1.2/timestamp-reject',
      miss: rendered('offset-ignored-plus'),
      description: 'An offset shifts the instant: a target that ignores it reads this as now.',
    },
    { name: 'offset-ignored-minus', title: 'in UTC digits followed by -05:00 (an instant 5 hours later)', clause: '1.2/timestamp-reject', miss: rendered('offset-ignored-minus') },
    { name: 'offset-sign-flipped', title: 'in +02:00 local digits written with -02:00 (an instant 4 hours later)', clause: '1.2/timestamp-reject', miss: rendered('wrong-offset-sign') },
    { name: 'micros', title: 'with microseconds', outcome: 'accepted', level: 'SHOULD', clause: '1.2/timestamp-forms', miss: rendered('micros') },
    { name: 'nanos', title: 'with nanoseconds', outcome: 'accepted', level: 'SHOULD', clause: '1.2/timestamp-forms', miss: rendered('nanos') },
    { name: 'half-hour-offset', title: 'at +05:30 (the same instant)', outcome: 'accepted', level: 'SHOULD', clause: '1.2/timestamp-forms', miss: rendered('offset-half-hour') },
    { name: 'zero-offset', title: 'at +00:00 instead of Z', outcome: 'accepted', level: 'SHOULD', clause: '1.2/timestamp-forms', miss: rendered('zero-offset') },
  ],
};

export const nonceAlphabet: ProbeFamily = {
  id: 'pos.probe.nonce',
  profile: 'viopay-pos',
  clause: '1.2/nonce-format',
  level: 'MUST',
  subject: 'A charge whose X-Nonce (signed as sent) is a fresh nonce',
  tags: ['signature', 'nonce', 'near-miss'],
  step: { charge: {} },
  refused: REFUSED_401,
  accepted: APPROVED,
  cases: [
    { name: 'suffixed-punctuation', title: 'followed by "!"', miss: miss('X-Nonce', 'suffixed', { text: '!' }) },
    { name: 'prefixed-dash', title: 'preceded by "-"', miss: miss('X-Nonce', 'prefixed', { text: '-' }) },
    { name: 'inner-space', title: 'with a space inside', miss: miss('X-Nonce', 'inserted', { text: ' ', count: 6 }) },
    { name: 'inner-dot', title: 'with a dot inside', miss: miss('X-Nonce', 'inserted', { text: '.', count: 6 }) },
    { name: 'latin-letter', title: 'followed by é (a letter, not ASCII)', miss: miss('X-Nonce', 'suffixed', { text: 'é' }), description: 'PROFILE 1.2: [A-Za-z0-9] only; a Unicode-aware "letter or digit" test accepts it.' },
    { name: 'superscript-digit', title: 'followed by ² (a digit to Unicode, not ASCII)', miss: miss('X-Nonce', 'suffixed', { text: '²' }) },
    { name: 'upper-case', title: 'in upper case', outcome: 'accepted', miss: miss('X-Nonce', 'upper-case') },
    { name: 'lower-case', title: 'in lower case', outcome: 'accepted', miss: miss('X-Nonce', 'lower-case') },
    { name: 'long', title: 'followed by 88 more letters (112 in all)', outcome: 'accepted', miss: miss('X-Nonce', 'suffixed', { text: 'a'.repeat(88) }) },
  ],
};

export default [deviceHeaders, timestampForms, nonceAlphabet];

registerProbesWhenRunByJest(__filename, [deviceHeaders, timestampForms, nonceAlphabet]);
