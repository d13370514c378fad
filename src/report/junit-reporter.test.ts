import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JunitReporter, junitXml } from './junit-reporter';
import { FAILED, NASTY, PASSED, sampleReport, tempDir, WARNING } from './sample-report';
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

describe('junitXml', () => {
  it('is well-formed, with totals and run properties on <testsuites>', () => {
    // Act
    const doc = parseXml(junitXml(sampleReport()));
    // Assert
    expect(doc.name).toBe('testsuites');
    expect(doc.attrs).toMatchObject({ name: 'paycert', tests: '5', failures: '1', skipped: '1', time: '4.200' });
    const props = Object.fromEntries(doc.children[0]!.children.map((p) => [p.attrs.name, p.attrs.value]));
    expect(props).toMatchObject({
      'paycert.target': 'http://127.0.0.1:1234',
      'paycert.profile': 'viopay-pos/1',
      'paycert.harnessVersion': '0.1.0',
      'paycert.verdict': 'not certified',
    });
  });

  it('groups checks into one testsuite per PROFILE section', () => {
    const doc = parseXml(junitXml(sampleReport()));
    const suites = all(doc, 'testsuite').map((s) => [s.attrs.name, all(s, 'testcase').map((t) => t.attrs.name)]);
    expect(suites).toEqual([
      ['PROFILE 1.2', ['[sig.valid] A correctly signed charge is accepted', `[nonce.replay] A replayed nonce is refused ${NASTY}`, '[ts.forms] Fractional-second timestamps are accepted']],
      ['PROFILE 1.3', ['[env.kcv] key_kcv matches the MSK']],
      ['PROFILE 1.7', ['[cancel.pending] A pending charge can be cancelled']],
    ]);
    expect(all(doc, 'testcase')[0]!.attrs).toMatchObject({ classname: 'PROFILE 1.2', time: '0.012' });
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
    const skipped = all(parseXml(junitXml(sampleReport())), 'skipped');
    expect(skipped.map((s) => s.attrs.message)).toEqual(['the target declares no pending test card']);
  });

  it('passes a warning with the warning attached when not strict', () => {
    // Act
    const doc = parseXml(junitXml(sampleReport()));
    // Assert
    const testcase = all(doc, 'testcase').find((t) => t.attrs.name!.startsWith('[ts.forms]'))!;
    expect(all(testcase, 'failure')).toEqual([]);
    expect(all(testcase, 'property')[0]!.attrs).toEqual({ name: 'paycert.status', value: 'warning' });
    expect(all(testcase, 'system-out')[0]!.text).toMatch(/^WARNING \(SHOULD\): SHOULD \[ts\.forms\]/);
  });

  it('turns the warning into a SHOULD failure when strict', () => {
    // Act
    const doc = parseXml(junitXml(sampleReport(undefined, { strict: true })));
    // Assert
    expect(doc.attrs.failures).toBe('2');
    const testcase = all(doc, 'testcase').find((t) => t.attrs.name!.startsWith('[ts.forms]'))!;
    expect(all(testcase, 'failure')[0]!.attrs.type).toBe('SHOULD');
    expect(all(testcase, 'system-out')).toEqual([]);
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
