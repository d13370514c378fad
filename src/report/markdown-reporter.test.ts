import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCurl } from '../client/exchange';
import { UNCOVERED_MARK } from './coverage';
import { codeCell, fenced, markdownCell } from './markdown-text';
import { MarkdownReporter, summaryMarkdown } from './markdown-reporter';
import { EXPIRED, FIXED, KNOWN, PASSED, sampleExchange, sampleReport, tempDir } from './sample-report';

describe('summaryMarkdown', () => {
  it('shows baselined checks by their mark, known failures apart from the failures, and a Baseline section', () => {
    // Act
    const md = summaryMarkdown(sampleReport([PASSED, KNOWN, FIXED, EXPIRED], { baseline: { file: 'b.yaml', entries: 3 } }));
    // Assert
    expect(md).toContain('| ◌ KNOWN | `nonce.window` | MUST |');
    expect(md).toContain('| ★ FIXED | `sig.case` | MUST |');
    expect(md).toContain('| ✘ EXPIRED | `nonce.old` | MUST |');
    const failures = md.slice(md.indexOf('## Failures'), md.indexOf('## Known failures'));
    expect(failures).toContain('[nonce.old]');
    expect(failures).not.toContain('[nonce.window]');
    expect(md).toContain('## Known failures (the baseline expects them; they do not fail the run)');
    expect(md).toContain('◌ known failure, not failing the run (baseline: replay store rewrite pending; ticket PAY-7; expires 2099-12-31)');
    expect(md).toContain('Expected failures: `b.yaml`, 3 entries. 1 known, 1 fixed, 1 expired.');
    expect(md).toContain('- ★ FIXED `sig.case`: fixed: passed, take it out of the baseline (baseline: case-insensitive compare)');
    expect(md).toContain('| Baseline | `b.yaml` (3 entries) |');
  });

  it('names every target of a merged report', () => {
    const md = summaryMarkdown(sampleReport([PASSED], { targets: [{ baseUrl: 'http://a:1', embedded: false }, { baseUrl: 'http://b:2', embedded: false }] }));
    expect(md).toContain('| Targets (merged shards) | `http://a:1`, `http://b:2` |');
  });

  it('opens with the verdict in bold, the counts and the run details', () => {
    // Act
    const md = summaryMarkdown(sampleReport());
    // Assert
    expect(md).toContain('**NOT CERTIFIED**: 2 passed, 1 failed, 1 warning, 1 skipped (5 checks)');
    expect(md).toContain('| Target | `http://127.0.0.1:1234` |');
    expect(md).toContain('| Profile | viopay-pos/1 |');
    expect(md).toContain('| Harness version | 0.1.0 |');
    expect(md).toContain('| Ended | 2025-01-02T10:00:04.200Z (4.2 s) |');
    expect(md).toContain('| Strict | no');
  });

  it('lists every check, failures and warnings first', () => {
    const md = summaryMarkdown(sampleReport());
    const ids = ['nonce.replay', 'ts.forms', 'cancel.pending', 'sig.valid', 'env.kcv'];
    const positions = ids.map((id) => md.indexOf(`| \`${id}\` |`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain('| ✘ FAIL | `nonce.replay` | MUST | A replayed nonce is refused &lt;&amp;"\'&gt; | 1.2/nonce-replay |');
  });

  it('gives each failure in full in a fenced block, with its curl line', () => {
    const md = summaryMarkdown(sampleReport());
    const failures = md.slice(md.indexOf('## Failures'), md.indexOf('## Warnings'));
    expect(failures).toContain('```text\nMUST [nonce.replay]');
    expect(failures).toContain(toCurl(sampleExchange()));
  });

  it('gives skipped checks with their reasons and the coverage table', () => {
    const md = summaryMarkdown(sampleReport());
    expect(md).toContain('## Skipped\n\n- `cancel.pending` A pending charge can be cancelled: the target declares no pending test card');
    expect(md).toContain('## Coverage');
    expect(md).toMatch(/\| 1\.2\/nonce-replay \| MUST \| .* \| `nonce\.replay` \|/);
    expect(md).toContain(UNCOVERED_MARK);
  });

  it('says certified when nothing failed', () => {
    expect(summaryMarkdown(sampleReport([PASSED]))).toContain('**CERTIFIED**: 1 passed, 0 failed, 0 warnings, 0 skipped');
  });
});

describe('markdown escaping', () => {
  it('keeps a cell on one line, inert and unbroken', () => {
    expect(markdownCell('pan 411111******1111 <b>x</b> | a\nb')).toBe('pan 411111\\*\\*\\*\\*\\*\\*1111 &lt;b&gt;x&lt;/b&gt; \\| a b');
    expect(codeCell('a`b|c<d')).toBe("`a'b\\|c<d`");
  });
});

describe('fenced', () => {
  it('uses a fence longer than any backtick run in the content', () => {
    expect(fenced('a ```` b')).toBe('`````text\na ```` b\n`````');
  });
});

describe('MarkdownReporter', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('writes summary.md into its directory', () => {
    new MarkdownReporter(tmp.dir).onEnd(sampleReport());
    expect(readFileSync(join(tmp.dir, 'summary.md'), 'utf8')).toBe(summaryMarkdown(sampleReport()));
  });
});
