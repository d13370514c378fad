/**
 * The budgets of issue 16 as the bench prints them: each figure's budget on an idle 2-core
 * machine, and twice that when bench/under-load.js (`npm run bench:stress`) runs the bench
 * beside busy processes (PAYCERT_BENCH_BUSY, the number of them).
 */
const busy = Number(process.env.PAYCERT_BENCH_BUSY ?? 0);

/** The budget, in the figure's unit, for a figure whose budget on an idle machine is `idle`. */
function budget(idle) {
  return busy > 0 ? 2 * idle : idle;
}

/** How the figures were taken, for the bench's headings. */
const conditions = busy > 0 ? `beside ${busy} busy processes: budgets are twice the idle ones` : 'budgets for an idle machine';

module.exports = { budget, conditions };
