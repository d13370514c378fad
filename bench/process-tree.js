/**
 * Runs a command and measures it: wall time, exit code and the peak resident memory of its whole
 * process tree (the command and every descendant, summed, sampled every 50 ms from /proc). Linux
 * only; elsewhere the peak is reported as unknown.
 */
const { spawn } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');

/** Resident bytes of `root` and its descendants now, from /proc (0 when /proc is not there). */
function treeRssBytes(root) {
  const parentOf = new Map();
  const rss = new Map();
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid ... ; rss pages is field 24.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // the process ended while we read
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p = pid; p > 1; p = parentOf.get(p) ?? 0) {
      if (p === root) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

/**
 * Runs `command args` (output discarded) and resolves to `{ code, seconds, peakMb }`.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 */
function measure(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: 'ignore', ...options });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(child.pid))), 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      resolve({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: peak === 0 ? undefined : peak / 1024 / 1024 });
    });
  });
}

module.exports = { measure, treeRssBytes };
