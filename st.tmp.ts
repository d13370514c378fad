import { loadScenarios, specFiles } from './src/scenario/load';
import { runSelftest } from './src/selftest/run-selftest';
(async () => {
  const t = Date.now();
  const r = await runSelftest(loadScenarios(specFiles(["specs"])), { jobs: Number(process.argv[2] ?? 6), only: process.argv.slice(3) });
  console.log('ms', Date.now() - t, JSON.stringify(r.score));
  for (const f of r.faults) if (!f.caught) console.log('MISSED', f.name, f.level, f.why, 'failed:', f.failed.slice(0,3).join(','), 'warned:', f.warned.slice(0,3).join(','));
  for (const v of r.variations) if (!v.passed) console.log('VARIATION FAILS', v.name, v.messages.join(' | '));
})();
