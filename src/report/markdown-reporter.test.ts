import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCurl } from '../client/exchange';
import { UNCOVERED_MARK } from './coverage';
import { codeCell, fenced, markdownCell } from './markdown-text';
import { MarkdownReporter, summaryMarkdown } from './markdown-reporter';
import { PASSED, sampleExchange, sampleReport, tempDir } from './sample-report';

describe('summaryMarkdown', () => {
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
