import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCurl } from '../client/exchange';
import type { CheckResult, Failure } from '../core/types';
import { clauseById } from '../profiles';
import { paycertCommand, REPLAY_NOTE } from './failure-format';
import { escapeHtml } from './html-escape';
import { stepsOf } from './html-failure';
import { CONTENT_SECURITY_POLICY, HtmlReporter, htmlReport } from './html-reporter';
import { HOSTILE, filterReport, hostileReport } from './html-sample';
import { FAILED, NASTY, PASSED, WARNING, sampleExchange, sampleReport, tempDir } from './sample-report';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
/** The text after the first `open` up to the `close` that follows it. */
function between(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start + open.length, html.indexOf(close, start + open.length));
}

/** The entry of one check in the page, from its `<details>` to the next. */
function entryOf(html: string, checkId: string): string {
  const start = html.indexOf(`id="check-${checkId}"`);
  expect(start).toBeGreaterThan(0);
  const end = html.indexOf('<details class="check"', start);
  return html.slice(start, end < 0 ? undefined : end);
}

describe('htmlReport: the page', () => {
  it('is one document whose only style sheet and script are inline and allowed by hash', () => {
    // Act
    const html = htmlReport(sampleReport());
    // Assert
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(CONTENT_SECURITY_POLICY).toContain(`'sha256-${sha256(between(html, '<style>', '</style>'))}'`);
    expect(CONTENT_SECURITY_POLICY).toContain(`'sha256-${sha256(between(html, '<script>', '</script>'))}'`);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it('links nothing outside itself: every src and href is a fragment or data:', () => {
    const html = htmlReport(filterReport());
    const targets = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !t.startsWith('#') && !t.startsWith('data:'))).toEqual([]);
  });

  it.each([
    ['certified', sampleReport([PASSED]), 'CERTIFIED', 'no MUST check failed'],
    ['partial', sampleReport([PASSED], { verdict: 'partial', filters: { tags: ['signature'], shard: '1/3' } }), 'PARTIAL', '--tag signature --shard 1/3'],
    ['not certified', sampleReport(), 'NOT CERTIFIED', '1 MUST check failed'],
  ])('shows the %s verdict in the banner with why', (_name, report, word, why) => {
    const banner = between(htmlReport(report), '<section class="banner', '</section>');
    expect(banner).toContain(`<div class="word">${word}</div>`);
    expect(banner).toContain(escapeHtml(why));
  });

  it('shows the counts, baseline counts included', () => {
    const html = htmlReport(filterReport(4));
    const counts = between(html, '<section class="counts"', '</section>');
    expect(counts).toMatch(/<span class="n">10<\/span><span class="label">checks<\/span>/);
    expect(counts).toMatch(/<span class="n">1<\/span><span class="label">failed<\/span>/);
    expect(counts).toMatch(/<span class="n">1<\/span><span class="label">known<\/span>/);
  });

  it('lists failures and warnings before the rest', () => {
    const html = htmlReport(sampleReport());
    const order = ['nonce.replay', 'ts.forms', 'cancel.pending', 'sig.valid', 'env.kcv'].map((id) => html.indexOf(`id="check-${id}"`));
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('htmlReport: a check', () => {
  it('gives id, title, level, clause text, seed, duration and the data the filters read', () => {
    const entry = entryOf(htmlReport(sampleReport()), 'sig.valid');
    expect(entry).toContain('data-status="passed" data-level="MUST" data-section="1.2" data-tags=""');
    expect(entry).toContain('<code class="id">sig.valid</code>');
    expect(entry).toContain('A correctly signed charge is accepted');
    expect(entry).toContain(escapeHtml(clauseById('1.2/signature')!.text));
    expect(entry).toContain('002_ab239a52e75d4602.txt');
    expect(entry).toContain('12 ms');
  });

  it('gives a failure in full: message, expected against actual, request and answer decrypted, replay commands', () => {
    const entry = entryOf(htmlReport(sampleReport()), 'nonce.replay');
    expect(entry).toContain(escapeHtml(`expected 401, got 200 ${NASTY}`));
    expect(entry).toContain('<h4>Expected</h4><pre class="json">{\n  &quot;code&quot;: &quot;4001&quot;,');
    expect(entry).toContain('<h4>Actual</h4>');
    expect(entry).toContain('POST /pos/charge?trace=1\nContent-Type: application/json');
    expect(entry).toContain('&quot;number&quot;: &quot;411111******1111&quot;');
    expect(entry).toContain('&quot;charge_id&quot;: &quot;ch_replayed_42&quot;');
    expect(entry).toContain(`<pre class="cmd">${escapeHtml(paycertCommand(FAILED.failure!))}</pre>`);
    expect(entry).toContain(`<pre class="cmd">${escapeHtml(toCurl(sampleExchange()))}</pre>`);
    expect(entry).toContain(escapeHtml(REPLAY_NOTE));
  });

  it('shows a skipped check with its reason and a warning without recorded details as such', () => {
    const bare = { ...WARNING, failure: undefined };
    const html = htmlReport(sampleReport([bare, ...sampleReport().checks.filter((r) => r.status === 'skipped')]));
    expect(entryOf(html, 'cancel.pending')).toContain('the target declares no pending test card');
    expect(entryOf(html, 'ts.forms')).toContain('No failure details were recorded.');
  });

  it("says so when a check cites a clause this harness's PROFILE does not have", () => {
    const odd = { ...PASSED, check: { ...PASSED.check, ref: { seed: 's', clause: '9.9/none' } } };
    expect(entryOf(htmlReport(sampleReport([odd])), 'sig.valid')).toContain("not a clause of this harness's PROFILE");
  });

  it('shows every step of a failed scenario, the earlier ones folded, and the failing exchange only once', () => {
    // Arrange
    const first = { ...sampleExchange(), request: { ...sampleExchange().request, url: 'http://127.0.0.1:1234/pos/charge' } };
    const failure = { ...FAILED.failure!, steps: [{ name: 'charge', exchange: first }, { name: 'replay', exchange: sampleExchange() }] } as unknown as Failure;
    // Act
    const entry = entryOf(htmlReport(sampleReport([{ ...FAILED, failure }])), 'nonce.replay');
    // Assert
    expect(entry).toContain('<h4>Steps (2)</h4>');
    expect(entry).toContain('<details class="step"><summary>Step 1: charge (POST /pos/charge: status 200)</summary>');
    expect(entry).toContain('<details class="step" open><summary>Step 2: replay (POST /pos/charge?trace=1: status 200)</summary>');
    expect(entry).toContain(escapeHtml(toCurl(first)));
    expect(entry).not.toContain('The failing exchange');
  });

  it('names a step by its own name when it says which step it is, and shows a step with nothing recorded', () => {
    const failure = { ...FAILED.failure!, steps: [{ step: 'step 1 (charge as c)', exchange: sampleExchange() }, { step: 'step 2 (cancel)', repeats: 3 }] } as unknown as Failure;
    const entry = entryOf(htmlReport(sampleReport([{ ...FAILED, failure }])), 'nonce.replay');
    expect(entry).toContain('<summary>step 1 (charge as c) (POST /pos/charge?trace=1: status 200)</summary>');
    expect(entry).toContain('<summary>step 2 (cancel) (nothing sent was recorded, sent 3 times)</summary><p class="muted">No request was recorded for this step.</p>');
    expect(entry).toContain('The failing exchange');
  });

  it('reads a step list of plain exchanges too, and leaves out what is not a step', () => {
    const failure = { ...FAILED.failure!, steps: [sampleExchange(), 'junk', { exchange: 42 }] } as unknown as Failure;
    expect(stepsOf(failure).map((s) => s.label)).toEqual(['Step 1']);
    expect(stepsOf(FAILED.failure!)).toEqual([]);
  });

  it('marks baselined checks with their state, reason, ticket and expiry', () => {
    const entry = entryOf(htmlReport(filterReport(0)), 'known.failure');
    expect(entry).toContain('data-baseline="known"');
    expect(entry).toContain('<span class="mark mark-known"');
    expect(entry).toContain('waiting for the acquirer; ticket PAY-12; expires 2099-01-01');
  });
});

describe('htmlReport: run metadata, filters and coverage', () => {
  it('gives target, profile, version, times, strict, filters, identity, suite hash and baseline', () => {
    const report = sampleReport([PASSED], {
      verdict: 'partial',
      filters: { checks: ['sig.valid'] },
      identity: { configPath: 'target.yaml', terminalId: 'TERM-001', keyId: 'hmac-key-2025-01', kcvMethod: 'cmac', configHash: 'c0ffee' },
      suiteHash: 'feed42',
      baseline: { file: 'baseline.yaml', entries: 2 },
    });
    const run = between(htmlReport(report), '<section id="run">', '</section>');
    for (const text of ['http://127.0.0.1:1234', 'viopay-pos/1', '0.1.0', '2025-01-02T10:00:00.000Z', '(4.2 s)', 'no: a SHOULD failure is a warning', 'PARTIAL: <code>--check sig.valid</code>', 'target.yaml', 'TERM-001', 'hmac-key-2025-01', 'cmac', 'c0ffee', 'feed42', 'baseline.yaml</code> (2 entries)']) {
      expect(run).toContain(text);
    }
  });

  it('offers each status, level, section and tag present, with how many checks have it', () => {
    const filters = between(htmlReport(filterReport()), '<div class="filters"', '</div>');
    expect(filters).toContain('<option value="failed">failed (2)</option>');
    expect(filters).toContain('<option value="SHOULD">SHOULD (9)</option>');
    expect(filters).toContain('<option value="1.3">1.3 (11)</option>');
    expect(filters).toContain('<option value="even">even (20)</option>');
    expect(filters).toContain('<option value="known">known (1)</option>');
  });

  it('gives the coverage table, each check id a link to its entry, uncovered clauses marked', () => {
    const coverage = between(htmlReport(sampleReport()), '<section id="coverage">', '</section>');
    expect(coverage).toContain('<td><code>1.2/nonce-replay</code></td><td>1.2</td><td>MUST</td>');
    expect(coverage).toContain('<a class="check-link" href="#check-nonce.replay">nonce.replay</a>');
    expect(coverage).toContain('<tr class="uncovered">');
    expect(coverage).toContain('MUST/SHOULD clause(s) have no check.');
  });
});

describe('htmlReport: hostile text', () => {
  const html = htmlReport(hostileReport());

  it('escapes every value from the target or the config: no element, attribute or script of theirs', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain(HOSTILE.slice(0, 10));
    expect(html.split(escapeHtml(`<img src="http://127.0.0.1:9/leak.png">`)).length).toBeGreaterThan(15);
  });

  it('keeps a status or baseline state it does not know out of attributes (a report read back from a file)', () => {
    const odd = { ...PASSED, status: '"><b>x', baseline: { state: '"><i>y', reason: 'r' } } as unknown as CheckResult;
    const entry = entryOf(htmlReport(sampleReport([odd])), 'sig.valid');
    expect(entry).toContain('data-status="other"');
    expect(entry).toContain('data-baseline="other"');
    expect(entry).not.toMatch(/<[bi]>/);
  });

  it('shows control characters as escapes, never raw', () => {
    expect(html).not.toContain('\u001b');
    expect(html).toContain('\\u001b[31m');
  });
});

describe('HtmlReporter', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('writes report.html into its directory', () => {
    new HtmlReporter(tmp.dir).onEnd(sampleReport());
    expect(readFileSync(join(tmp.dir, 'report.html'), 'utf8')).toBe(htmlReport(sampleReport()));
  });
});
