#!/usr/bin/env node
/**
 * `npm run bench` (speed, issue 16): where a certification's time goes, and how fast the harness
 * talks to a target compared with a raw load generator. One reference target runs in this
 * process (its requests counted through node's `http.server.request.start` diagnostics channel);
 * against it:
 * - a whole `paycert run --target URL`: start-up (spawn to the run's start), the run, teardown
 *   (the run's end to exit), the check time spent per kind (scenarios and probes, properties,
 *   Pact; summed over the checks, which run several at a time), and its request rate;
 * - a run with nothing to wait for (one property that only sends signed charges, many cases):
 *   its request rate, as a ratio to
 * - autocannon sending the same kind of request (a freshly signed and encrypted charge each
 *   time) over one connection, as the property sends its cases one after another.
 * Prints figures; asserts nothing (the budget: the harness at least 50% of the raw rate).
 */
require('../scripts/register-ts.js');
const { subscribe } = require('node:diagnostics_channel');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { startReference } = require('../src/profiles/viopay-pos/testing/reference.ts');
const { sampleCharge } = require('../src/client/fixtures.ts');
const { measure } = require('./process-tree.js');
const { budget, conditions } = require('./budget.js');

const root = join(__dirname, '..');
const CONCURRENCY = 4; // paycert run's default --concurrency
let requests = 0;
subscribe('http.server.request.start', () => requests++);

/** Runs `paycert run --target url ...args`; returns its report, wall time and the requests the target saw. */
async function paycertRun(url, args) {
  const reports = mkdtempSync(join(tmpdir(), 'paycert-bench-'));
  const before = requests;
  const spawned = Date.now();
  const { code, seconds } = await measure(process.execPath, [join(root, 'bin', 'paycert.js'), 'run', '--target', url, '--reports', reports, ...args], { cwd: root, env: { ...process.env, CI: 'true', PAYCERT_RUN: '' } });
  const exited = spawned + seconds * 1000;
  const report = JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8'));
  rmSync(reports, { recursive: true, force: true });
  return { code, seconds, report, spawned, exited, sent: requests - before };
}

function kindOf(result) {
  if (result.check.tags.includes('pact')) return 'Pact';
  return result.check.id.startsWith('prop.') ? 'properties' : 'scenarios and probes';
}

async function main() {
  const ref = await startReference();
  try {
    const whole = await paycertRun(ref.target.url, []);
    const started = Date.parse(whole.report.startedAt);
    const ended = Date.parse(whole.report.endedAt);
    const perKind = new Map();
    for (const r of whole.report.checks) perKind.set(kindOf(r), (perKind.get(kindOf(r)) ?? 0) + r.durationMs);
    console.log(`paycert run --target (reference target in the bench process, ${whole.report.checks.length} checks, exit ${whole.code}; ${conditions})`);
    console.log(`  wall ${whole.seconds.toFixed(2)} s (budget ${budget(10)} s): start-up ${((started - whole.spawned) / 1000).toFixed(2)} s, run ${((ended - started) / 1000).toFixed(2)} s, teardown ${((whole.exited - ended) / 1000).toFixed(2)} s`);
    console.log(`  check time by kind (summed; ${CONCURRENCY} at a time): ${[...perKind].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    console.log(`  requests: ${whole.sent} in the run, ${(whole.sent / ((ended - started) / 1000)).toFixed(0)}/s`);

    const busy = await paycertRun(ref.target.url, ['--check', 'prop.signature.valid-accepted', '--runs', '2000', '--no-preflight', '--concurrency', String(CONCURRENCY)]);
    const busySeconds = (Date.parse(busy.report.endedAt) - Date.parse(busy.report.startedAt)) / 1000;
    const harnessRate = busy.sent / busySeconds;

    const build = () => {
      const wire = ref.client.build({ method: 'POST', path: '/pos/charge', plaintext: sampleCharge({ pan: '4111111111111111', terminalId: 'TERM-001' }, ref.client.now()) });
      return { method: 'POST', path: wire.path, headers: Object.fromEntries(wire.headers), body: wire.body };
    };
    const raw = await autocannon({ url: ref.target.url, connections: 1, duration: 5, requests: [{ setupRequest: (req) => ({ ...req, ...build() }) }] });
    const rawRate = raw.requests.average;
    console.log(`request rate with nothing to wait for (signed, encrypted charges): paycert ${harnessRate.toFixed(0)}/s (${busy.sent} requests), autocannon ${rawRate.toFixed(0)}/s (${raw.non2xx} non-2xx; both one request at a time): paycert sends ${((harnessRate / rawRate) * 100).toFixed(0)}% of the raw rate (budget: at least 50%)`);
  } finally {
    await ref.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
