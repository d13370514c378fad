/** `report.json`: the whole RunReport, for machines and for `paycert merge`. */
import { join } from 'node:path';
import type { Reporter } from '../core/reporter';
import type { RunReport } from '../core/types';
import { writeReportFile } from './files';

/** The value of the top-level `format` field; readers refuse files without it. */
export const REPORT_FORMAT = 'paycert-report/1';

export const REPORT_FILE = 'report.json';

/** The RunReport as written to report.json: `format` first, then the report unchanged. */
export function reportJson(report: RunReport): string {
  return `${JSON.stringify({ format: REPORT_FORMAT, ...report }, null, 2)}\n`;
}

/** Writes `report.json` into `dir` when the run ends. */
export class JsonReporter implements Reporter {
  /** Where the report is written. */
  readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, REPORT_FILE);
  }

  onEnd(report: RunReport): void {
    writeReportFile(this.dir, REPORT_FILE, reportJson(report));
  }
}
