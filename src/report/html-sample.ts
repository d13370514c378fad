/**
 * Test support: RunReports for report.html's tests. A hostile one, whose every target- or
 * config-supplied value tries to break out of the page, and a larger one with checks spread over
 * statuses, levels, sections, tags and baseline marks for the filters. Imported by tests only.
 */
import type { Exchange } from '../client/exchange';
import type { CheckInfo, CheckResult, Failure, RunReport } from '../core/types';
import { FAILED, PASSED, PASSED_13, SKIPPED, WARNING, sampleExchange, sampleProfile, sampleReport } from './sample-report';

/** Markup that would load something or run script if it reached the page unescaped. */
export const HOSTILE = `"'><img src="http://127.0.0.1:9/leak.png"><script>window.owned=1</script></pre></details>\u001b[31m`;

/** The sample exchange with hostile text in every field the target or the harness fills. */
export function hostileExchange(): Exchange {
  const base = sampleExchange();
  return {
    ...base,
    request: {
      ...base.request,
      url: `${base.request.url}&q=${encodeURIComponent(HOSTILE)}`,
      headers: [...base.request.headers, ['X-Echo', HOSTILE]],
      plaintext: { note: HOSTILE },
    },
    response: { status: 400, headers: { 'x-hostile': HOSTILE }, body: HOSTILE, truncated: true },
  };
}

/** One failed check whose title, tags, message, exchanges, baseline and replay all carry HOSTILE. */
export function hostileResult(): CheckResult {
  const check: CheckInfo = { ...FAILED.check, id: 'hostile.check', title: `Title ${HOSTILE}`, tags: [`tag${HOSTILE}`], source: { file: `specs/${HOSTILE}.yaml`, line: 3 } };
  const failure: Failure = {
    checkId: check.id,
    title: check.title,
    level: 'MUST',
    message: `message ${HOSTILE}`,
    step: `step ${HOSTILE}`,
    expected: { status: HOSTILE },
    actual: { body: HOSTILE },
    exchange: hostileExchange(),
    replay: { command: `paycert run --check x ${HOSTILE}` },
  };
  // Whatever shape the step list has, the page reads it structurally (html-failure.ts).
  const withSteps = { ...failure, steps: [{ name: `charge ${HOSTILE}`, exchange: hostileExchange() }, hostileExchange()] } as unknown as Failure;
  return { check, status: 'failed', durationMs: 3, failure: withSteps, skipReason: HOSTILE, baseline: { state: 'known', reason: HOSTILE, ticket: HOSTILE } };
}

/** A report with the hostile check, and a hostile target, config path and filters. */
export function hostileReport(): RunReport {
  return sampleReport([hostileResult(), PASSED], {
    target: { baseUrl: `http://127.0.0.1:1/${HOSTILE}`, embedded: false },
    profile: `${sampleProfile().name} ${HOSTILE}`,
    identity: { configPath: HOSTILE, terminalId: HOSTILE, keyId: HOSTILE, kcvMethod: HOSTILE, configHash: HOSTILE },
    filters: { tags: [HOSTILE] },
    verdict: 'partial',
    baseline: { file: HOSTILE, entries: 1 },
    suiteHash: HOSTILE,
  });
}

const SECTIONS = ['1.2/nonce-replay', '1.3/kcv', '1.7/cancel', '1.2/signature'] as const;

/**
 * The five sample checks and `extra` passing ones spread over sections, levels and tags, plus a
 * baselined known failure: enough for every filter to have something to hide.
 */
export function filterReport(extra = 40): RunReport {
  const more = Array.from({ length: extra }, (_, i): CheckResult => {
    const clause = SECTIONS[i % SECTIONS.length]!;
    const level = i % 5 === 0 ? 'SHOULD' : 'MUST';
    return {
      check: { id: `extra.check-${i}`, title: `Extra check number ${i}`, level, ref: { seed: '002_ab239a52e75d4602.txt', clause }, tags: i % 2 === 0 ? ['even', 'extra'] : ['extra'], needs: [] },
      status: 'passed',
      durationMs: i,
    };
  });
  const known: CheckResult = {
    ...FAILED,
    check: { ...FAILED.check, id: 'known.failure', title: 'A failure the baseline expects' },
    failure: { ...FAILED.failure!, checkId: 'known.failure' },
    baseline: { state: 'known', reason: 'waiting for the acquirer', ticket: 'PAY-12', expires: '2099-01-01' },
  };
  return sampleReport([PASSED, FAILED, WARNING, SKIPPED, PASSED_13, known, ...more]);
}
