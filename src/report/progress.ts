/**
 * The `n/N` counter of a run with its elapsed time. On a terminal it is one status line below the
 * check lines, rewritten in place (a carriage return and spaces, never an escape code, so NO_COLOR
 * and dumb terminals see no ANSI); in a CI log or a pipe, where a rewritten line would be a mess,
 * it is a plain line at every tenth of the run.
 */
import type { Writable } from './console-reporter';
import { formatDuration } from './text';

/** `live`: one line rewritten in place; `plain`: a line at each tenth; `off`: nothing. */
export type ProgressMode = 'live' | 'plain' | 'off';

/** Live on a terminal that is not `dumb` outside CI; plain in CI (CI set) and when piped. */
export function progressMode(env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): ProgressMode {
  return isTTY === true && !env.CI && env.TERM !== 'dumb' ? 'live' : 'plain';
}

/** How often the live line's elapsed time moves while no check ends. */
const REDRAW_MS = 1000;

export class Progress {
  private total = 0;
  private done = 0;
  private failed = 0;
  private started = 0;
  /** Characters of the live line on screen now (0: none). */
  private shown = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly out: Writable,
    private readonly mode: ProgressMode,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The run begins with `total` checks; a live line starts ticking. */
  begin(total: number): void {
    this.total = total;
    this.started = this.now();
    if (this.mode !== 'live' || total === 0) return;
    this.draw();
    this.timer = setInterval(() => this.draw(), REDRAW_MS);
    this.timer.unref();
  }

  private text(): string {
    const failed = this.failed > 0 ? `, ${this.failed} failed` : '';
    return `[${this.done}/${this.total}] ${formatDuration(this.now() - this.started)}${failed}`;
  }

  /** Takes the live line off the screen, so a check's lines can be written where it was. */
  clear(): void {
    if (this.shown === 0) return;
    this.out.write(`\r${' '.repeat(this.shown)}\r`);
    this.shown = 0;
  }

  private draw(): void {
    const text = this.text();
    this.out.write(`\r${text}${' '.repeat(Math.max(0, this.shown - text.length))}`);
    this.shown = Math.max(text.length, this.shown);
  }

  /** One more check ended (after its lines were written). */
  tick(failed: boolean): void {
    const before = this.total === 0 ? 0 : Math.floor((this.done * 10) / this.total);
    this.done += 1;
    if (failed) this.failed += 1;
    if (this.mode === 'live') this.draw();
    else if (this.mode === 'plain' && Math.floor((this.done * 10) / this.total) > before) this.out.write(`progress: ${this.text()}\n`);
  }

  /** The run ended: the live line goes, the timer stops. */
  end(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}
