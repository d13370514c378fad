/** reports/selftest.md: the score, the detection matrix (fault by the checks that caught it), the variations. */
import type { SelftestReport } from './types';

const pct = (a: number, b: number) => (b === 0 ? '100%' : `${Math.floor((a / b) * 1000) / 10}%`);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const codeList = (ids: readonly string[], max = 6) =>
  ids.length === 0 ? '' : `${ids.slice(0, max).map((id) => `\`${id}\``).join(', ')}${ids.length > max ? ` and ${ids.length - max} more` : ''}`;

export function scoreLine(report: SelftestReport): string {
  const { faultsCaught, faults, variationsPassed, variations } = report.score;
  return `${report.passed ? 'PASSED' : 'FAILED'} - faults caught ${faultsCaught}/${faults} (${pct(faultsCaught, faults)}), variations passed ${variationsPassed}/${variations} (${pct(variationsPassed, variations)}); ${report.checks} checks, ${(report.durationMs / 1000).toFixed(1)} s`;
}

export function selftestMarkdown(report: SelftestReport): string {
  const lines = [
    '# paycert self-certification',
    '',
    `**${scoreLine(report)}**`,
    '',
    'Every fault is the reference target with one rule switched to a mistake real implementers make;',
    'a MUST fault must make certification fail, a SHOULD fault must give a warning (and fail with',
    '`--strict`) and nothing more. Every legal variation takes a choice PROFILE allows, or a liberty any',
    'implementation may take, and must be certified with no failure and no warning. Faults are certified',
    'with the scenarios; variations with every check, the properties included (5 cases each).',
    ...(report.mode === 'fast'
      ? [
          'A MUST fault meets the checks the catalogue names first, then the others until one fails: the',
          'judgement is the one a full run gives, and the matrix lists the checks that ran and caught it',
          '(`paycert selftest --full` runs every check against every fault, for the whole matrix).',
        ]
      : []),
    '',
    `Started ${report.startedAt}.`,
    '',
    '## Detection matrix',
    '',
    '| fault | level | PROFILE clause | the mistake | caught by (failed / warned checks) |',
    '|---|---|---|---|---|',
    ...report.faults.map((f) => {
      const by = f.level === 'MUST' ? f.failed : f.warned;
      const verdict = f.caught ? `✔ ${by.length} check${by.length === 1 ? '' : 's'}: ${codeList(by)}` : `✘ **missed**: ${cell(f.why ?? '')}`;
      return `| \`${f.name}\` | ${f.level} | ${f.clause} | ${cell(f.title)} | ${verdict} |`;
    }),
    '',
    '### Every check that caught each fault',
    '',
    ...report.faults.map((f) => `- \`${f.name}\`: ${(f.level === 'MUST' ? f.failed : f.warned).map((id) => `\`${id}\``).join(', ') || '(none)'}`),
    '',
    '## Legal variations',
    '',
    '| variation | PROFILE clause | what it does | result |',
    '|---|---|---|---|',
    ...report.variations.map((v) => `| \`${v.name}\` | ${v.clause} | ${cell(v.title)} | ${v.passed ? '✔ certified, no warning' : `✘ ${cell(v.messages.join('; '))}`} |`),
    '',
  ];
  return lines.join('\n');
}
