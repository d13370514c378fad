/**
 * Is the newline-joined canonical string of PROFILE 1.2 ambiguous? Found by property:
 *
 * 1. If components may contain "\n", yes: fast-check finds two different requests with one
 *    canonical string (a newline moves from one component into its neighbour).
 * 2. If only BODY may contain "\n", no: the first three lines are METHOD, PATH and QUERY, the last
 *    three X-Terminal-Id, X-Timestamp and X-Nonce, and BODY is everything between, so the string
 *    parses back to exactly one request. HTTP guarantees the condition for the raw request line
 *    and header values, so a target is safe as long as it signs what travelled: the path and
 *    query as sent, percent-encoding kept. A target that percent-decodes them first lets "%0A"
 *    carry a newline into PATH or QUERY and is open to case 1 (see the third test).
 */
import fc from 'fast-check';
import { canonicalString, type CanonicalParts } from '../src/crypto/canonical';

const ORDER = ['method', 'path', 'query', 'body', 'terminalId', 'timestamp', 'nonce'] as const;
const tuple = (p: CanonicalParts) => ORDER.map((k) => (typeof p[k] === 'string' ? (p[k] as string) : Buffer.from(p[k]).toString('utf8')));
const fromTuple = (t: readonly string[]): CanonicalParts => Object.fromEntries(ORDER.map((k, i) => [k, t[i]!])) as unknown as CanonicalParts;

/** Every way to cut `text` into 7 parts at newlines (6 cuts), as tuples. */
function splits(text: string): string[][] {
  const at = [...text.matchAll(/\n/g)].map((m) => m.index!);
  const out: string[][] = [];
  const choose = (from: number, chosen: number[]) => {
    if (chosen.length === 6) {
      const bounds = [-1, ...chosen, text.length];
      out.push(bounds.slice(0, -1).map((b, i) => text.slice(b + 1, bounds[i + 1])));
      return;
    }
    for (let i = from; i < at.length && out.length < 200; i++) choose(i + 1, [...chosen, at[i]!]);
  };
  choose(0, []);
  return out;
}

/** The parse a target can make when only BODY may hold newlines: 3 lines, the middle, 3 lines. */
function parseBodyInMiddle(text: string): CanonicalParts {
  const lines = text.split('\n');
  return fromTuple([...lines.slice(0, 3), lines.slice(3, -3).join('\n'), ...lines.slice(-3)]);
}

const short = (alphabet: fc.Arbitrary<string>) => fc.string({ unit: alphabet, maxLength: 4 });
const withNewlines = short(fc.constantFrom('a', 'b', '\n'));
const noNewlines = short(fc.constantFrom('a', 'b', '/', '%'));

describe('the canonical string of PROFILE 1.2', () => {
  it('is ambiguous when components may contain "\\n": fast-check finds two requests with one string', () => {
    const parts = fc.record({ method: withNewlines, path: withNewlines, query: withNewlines, body: withNewlines, terminalId: withNewlines, timestamp: withNewlines, nonce: withNewlines });
    const details = fc.check(
      fc.property(parts, (p) => splits(canonicalString(p)).every((t) => t.join('\u0000') === tuple(p).join('\u0000'))),
      { numRuns: 2000, seed: 4231 },
    );
    // Arrange/Act above; Assert: a counterexample exists, and it is a newline in a component.
    expect(details.failed).toBe(true);
    const [p] = details.counterexample!;
    const other = splits(canonicalString(p)).find((t) => t.join('\u0000') !== tuple(p).join('\u0000'))!;
    expect(canonicalString(fromTuple(other))).toBe(canonicalString(p));
    expect(tuple(p).some((c) => c.includes('\n'))).toBe(true);
  });

  it('is unambiguous when only BODY may contain "\\n" (what HTTP guarantees for the raw request line and headers)', () => {
    const parts = fc.record({ method: noNewlines, path: noNewlines, query: noNewlines, body: withNewlines, terminalId: noNewlines, timestamp: noNewlines, nonce: noNewlines });
    fc.assert(
      fc.property(parts, (p) => {
        const text = canonicalString(p);
        expect(tuple(parseBodyInMiddle(text))).toEqual(tuple(p));
        // Any other cut puts a newline into a component other than BODY.
        for (const t of splits(text)) if (t.join('\u0000') !== tuple(p).join('\u0000')) expect(t.filter((_c, i) => i !== 3).some((c) => c.includes('\n'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a target that percent-decodes PATH and QUERY before signing accepts a request the signer never made', () => {
    // Signed: path "/pos/charge%0Ax" (as sent, encoding kept) with an empty query.
    const signed = { method: 'POST', path: '/pos/charge%0Ax', query: '', body: '{}', terminalId: 'TERM-001', timestamp: 't', nonce: 'n' };
    // Replayed: path "/pos/charge", query "x%0A". Decoded, both read the same.
    const replayed = { ...signed, path: '/pos/charge', query: 'x%0A' };
    const decoded = (p: CanonicalParts) => canonicalString({ ...p, path: decodeURIComponent(p.path), query: decodeURIComponent(p.query) });
    expect(canonicalString(replayed)).not.toBe(canonicalString(signed));
    expect(decoded(replayed)).toBe(decoded(signed));
  });
});
