/** The n/N counter: live (rewritten in place, no escape code), plain (a line at each tenth), and when each mode is chosen. */
import { Progress, progressMode } from './progress';

function recorder() {
  let text = '';
  let now = 0;
  return { out: { write: (chunk: string) => void (text += chunk) }, text: () => text, clock: () => now, advance: (ms: number) => void (now += ms) };
}

describe('progressMode', () => {
  it.each([
    [{}, true, 'live'],
    [{ NO_COLOR: '1' }, true, 'live'],
    [{ CI: 'true' }, true, 'plain'],
    [{ CI: '' }, true, 'live'],
    [{ TERM: 'dumb' }, true, 'plain'],
    [{}, false, 'plain'],
    [{}, undefined, 'plain'],
  ])('%j on a TTY %s: %s', (env, tty, mode) => {
    expect(progressMode(env, tty)).toBe(mode);
  });
});

describe('Progress', () => {
  it('live: one line with n/N, the elapsed time and the failures, rewritten with a carriage return and never an escape code', () => {
    // Arrange
    const r = recorder();
    const progress = new Progress(r.out, 'live', r.clock);
    // Act
    progress.begin(3);
    r.advance(1500);
    progress.tick(true);
    progress.clear();
    r.out.write('FAIL x\n');
    progress.tick(false);
    progress.end();
    // Assert
    expect(r.text()).not.toContain('\u001b');
    expect(r.text()).not.toMatch(/\n.*\n.*\n/);
    expect(r.text()).toContain('\r[1/3] 1.5 s, 1 failed');
    expect(r.text()).toContain('FAIL x\n\r[2/3] 1.5 s, 1 failed');
    // The line is gone at the end: the last thing written blanks it and returns to its start.
    expect(r.text()).toMatch(/\r {10,}\r$/);
  });

  it('plain: a line at each tenth of the run, no carriage return', () => {
    // Arrange
    const r = recorder();
    const progress = new Progress(r.out, 'plain', r.clock);
    // Act
    progress.begin(20);
    for (let i = 0; i < 20; i++) {
      r.advance(100);
      progress.tick(false);
    }
    progress.end();
    // Assert
    const lines = r.text().split('\n').filter(Boolean);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('progress: [2/20] 200 ms');
    expect(lines[9]).toBe('progress: [20/20] 2.0 s');
    expect(r.text()).not.toContain('\r');
  });

  it('off writes nothing', () => {
    const r = recorder();
    const progress = new Progress(r.out, 'off', r.clock);
    progress.begin(2);
    progress.tick(true);
    progress.end();
    expect(r.text()).toBe('');
  });
});
