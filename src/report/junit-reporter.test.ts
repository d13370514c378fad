import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JunitReporter, junitXml } from './junit-reporter';
import { EXPIRED, FAILED, FIXED, KNOWN, NASTY, PASSED, sampleReport, tempDir, WARNING } from './sample-report';
import { xmlAttr, xmlText } from './xml';

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

/** Undoes the five entities and numeric references, after checking every `&` starts one. */
function unescape(raw: string): string {
  for (let i = raw.indexOf('&'); i !== -1; i = raw.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i;
    if (!ENTITY.test(raw)) throw new Error(`bare & at ${i} in ${raw}`);
  }
  return raw.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[e] !== undefined) return named[e];
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * A strict little XML reader for what junit.xml uses (declaration, elements, double-quoted
 * attributes, text): throws on an unbalanced tag, a stray `<` or `&`, or illegal characters.
 */
function parseXml(xml: string): Element {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) throw new Error('illegal character');
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: Element = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < body.length) {
    const lt = body.indexOf('<', at);
    const text = body.slice(at, lt === -1 ? body.length : lt);
    stack[stack.length - 1]!.text += unescape(text);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) throw new Error(`bad tag at ${lt}: ${body.slice(lt, lt + 40)}`);
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(/([\w.:-]+)="([^"]*)"/g)) attrs[a[1]!] = unescape(a[2]!);
      const element: Element = { name: name!, attrs, children: [], text: '' };
      stack[stack.length - 1]!.children.push(element);
      if (!selfClose) stack.push(element);
    }
    at = tag.lastIndex;
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unbalanced document');
  return root.children[0]!;
}

const all = (e: Element, name: string): Element[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];

const testcaseOf = (doc: Element, id: string) => all(doc, 'testcase').find((t) => t.attrs.name!.startsWith(`[${id}]`))!;

describe('junitXml', () => {
  it('is well-formed, with totals on <testsuites> and the run properties in the first testsuite', () => {
    // Act
    const doc = parseXml(junitXml(sampleReport()));
    // Assert
    expect(doc.name).toBe('testsuites');
    expect(doc.attrs).toEqual({ name: 'paycert viopay-pos/1', tests: '5', failures: '1', errors: '0', time: '4.200' });
    const run = doc.children[0]!;
    expect(run.attrs).toMatchObject({ name: 'paycert run', tests: '0' });
    expect(all(run, 'testcase')).toEqual([]);
    const props = Object.fromEntries(all(run, 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props).toMatchObject({
      'paycert.target': 'http://127.0.0.1:1234',
      'paycert.profile': 'viopay-pos/1',
      'paycert.harnessVersion': '0.1.0',
      'paycert.verdict': 'not certified',
      'paycert.strict': 'false',
    });
    expect(all(run, 'system-out')[0]!.text).toBe('paycert: NOT CERTIFIED');
  });

  it('groups checks into one testsuite per PROFILE section, with a classname Jenkins does not split inside the section', () => {
    const doc = parseXml(junitXml(sampleReport()));
    const suites = all(doc, 'testsuite').slice(1).map((s) => [s.attrs.name, all(s, 'testcase').map((t) => t.attrs.name)]);
    expect(suites).toEqual([
      ['PROFILE 1.2', ['[sig.valid] A correctly signed charge is accepted', `[nonce.replay] A replayed nonce is refused ${NASTY}`, '[ts.forms] Fractional-second timestamps are accepted']],
      ['PROFILE 1.3', ['[env.kcv] key_kcv matches the MSK']],
      ['PROFILE 1.7', ['[cancel.pending] A pending charge can be cancelled']],
    ]);
    expect(all(doc, 'testcase')[0]!.attrs).toMatchObject({ classname: 'paycert.viopay-pos/1.PROFILE 1_2', time: '0.012' });
    expect(all(doc, 'testsuite')[1]!.attrs).toMatchObject({ tests: '3', failures: '1', errors: '0', skipped: '1' });
  });

  it('escapes <&"\' in names and messages and keeps them intact for the reader', () => {
    // Act
    const xml = junitXml(sampleReport());
    // Assert
    expect(xml).toContain('A replayed nonce is refused &lt;&amp;&quot;&apos;&gt;');
    const failure = all(parseXml(xml), 'failure')[0]!;
    expect(failure.attrs).toEqual({ message: `expected 401, got 200 ${NASTY}`, type: 'MUST' });
    expect(failure.text).toContain('curl -sS -i -X POST');
    expect(failure.text).toContain(`expected 401, got 200 ${NASTY}`);
  });

  it('marks a skipped check with its reason', () => {
    const skipped = testcaseOf(parseXml(junitXml(sampleReport())), 'cancel.pending');
    expect(all(skipped, 'skipped').map((s) => s.attrs)).toEqual([{ message: 'the target declares no pending test card' }]);
  });

  it('shows a warning as a skipped testcase of type warning (visible, not failing) when not strict', () => {
    // Act
    const testcase = testcaseOf(parseXml(junitXml(sampleReport())), 'ts.forms');
    // Assert
    expect(all(testcase, 'failure')).toEqual([]);
    const skipped = all(testcase, 'skipped')[0]!;
    expect(skipped.attrs).toEqual({ type: 'warning', message: 'WARNING (SHOULD, not failing the run): X-Timestamp 2025-01-02T10:00:01.5Z was refused with 401' });
    expect(skipped.text).toMatch(/^SHOULD \[ts\.forms\]/);
  });

  it('turns the warning into a SHOULD failure when strict', () => {
    // Act
    const doc = parseXml(junitXml(sampleReport(undefined, { strict: true })));
    // Assert
    expect(doc.attrs.failures).toBe('2');
    const testcase = testcaseOf(doc, 'ts.forms');
    expect(all(testcase, 'failure')[0]!.attrs.type).toBe('SHOULD');
    expect(all(testcase, 'skipped')).toEqual([]);
  });

  it('shows baselined checks: known failures skipped (not failing), fixed ones skipped or failing under --strict, expired ones failing', () => {
    // Arrange
    const results = [PASSED, KNOWN, FIXED, EXPIRED];
    // Act
    const lenient = parseXml(junitXml(sampleReport(results)));
    const strict = parseXml(junitXml(sampleReport(results, { strict: true })));
    // Assert
    const known = all(testcaseOf(lenient, 'nonce.window'), 'skipped')[0]!;
    expect(known.attrs).toEqual({ type: 'known-failure', message: 'KNOWN FAILURE (baseline: replay store rewrite pending; ticket PAY-7; expires 2099-12-31), a MUST failure: expected 401, got 200' });
    expect(known.text).toContain('curl -sS -i -X POST');
    expect(all(testcaseOf(lenient, 'sig.case'), 'skipped')[0]!.attrs).toEqual({ type: 'baseline-fixed', message: 'FIXED: listed in the baseline (baseline: case-insensitive compare) but passed; take it out of the baseline' });
    expect(all(testcaseOf(lenient, 'nonce.old'), 'failure')[0]!.attrs).toEqual({ type: 'baseline-expired', message: 'EXPIRED baseline entry (baseline: legacy gateway; expires 2020-01-31), a MUST failure: expected 401, got 200' });
    expect(lenient.attrs.failures).toBe('1');
    expect(all(testcaseOf(strict, 'sig.case'), 'failure')[0]!.attrs.type).toBe('baseline-fixed');
    expect(all(testcaseOf(strict, 'nonce.window'), 'failure')).toEqual([]);
    expect(strict.attrs.failures).toBe('2');
  });

  it('says PARTIAL with the filters, and every target of a merged run', () => {
    // Arrange
    const report = sampleReport([PASSED], {
      verdict: 'partial',
      filters: { tags: ['signature'], shard: '1/3' },
      targets: [{ baseUrl: 'http://a:1', embedded: false }, { baseUrl: 'http://b:2', embedded: false }],
      suiteHash: 'ab'.repeat(32),
      baseline: { file: 'baseline.yaml', entries: 3 },
    });
    // Act
    const run = parseXml(junitXml(report)).children[0]!;
    // Assert
    expect(all(run, 'system-out')[0]!.text).toBe('paycert: PARTIAL (part of the suite only: --tag signature --shard 1/3)');
    const props = Object.fromEntries(all(run, 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props).toMatchObject({ 'paycert.verdict': 'partial', 'paycert.filters': '--tag signature --shard 1/3', 'paycert.targets': 'http://a:1 http://b:2', 'paycert.suiteHash': 'ab'.repeat(32), 'paycert.baseline': 'baseline.yaml (3 entries)' });
  });

  it('drops characters XML 1.0 forbids, so one bad byte from a target cannot break the file', () => {
    // Arrange
    const failure = { ...FAILED.failure!, message: 'nul\u0000 bell\u0007 esc\u001b ok' };
    // Act
    const xml = junitXml(sampleReport([PASSED, { ...FAILED, failure }, WARNING]));
    // Assert
    expect(() => parseXml(xml)).not.toThrow();
    expect(all(parseXml(xml), 'failure')[0]!.attrs.message).toBe('nul\\u0000 bell\\u0007 esc\\u001b ok');
  });
});

describe('xml escaping', () => {
  it('escapes text and attributes and strips illegal characters', () => {
    expect(xmlText('a<b>&c\u0000\u0008\uFFFF\uD800d')).toBe('a&lt;b&gt;&amp;cd');
    expect(xmlAttr(`"q" 'a'\nline`)).toBe('&quot;q&quot; &apos;a&apos;&#10;line');
    expect(xmlText('emoji 😀 stays')).toBe('emoji 😀 stays');
  });
});

describe('JunitReporter', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('writes junit.xml into its directory', () => {
    new JunitReporter(tmp.dir).onEnd(sampleReport());
    expect(readFileSync(join(tmp.dir, 'junit.xml'), 'utf8')).toBe(junitXml(sampleReport()));
  });
});
