#!/usr/bin/env node
// npm run bench: runs every CPU benchmark of ../shared/bench/cpu with this
// project and prints its time and checksum line. With --compare (and GNU Emacs
// installed) it runs ../shared/bench/compare.sh instead, which alternates the
// project with Emacs (interpreted and byte-compiled) and prints ratios.
//   npm run bench                 # times and checksums
//   npm run bench -- --compare    # ratios against GNU Emacs 28.2
//   npm run bench -- -b fib,tak   # a subset (both modes)
//   npm run bench -- --net        # the server benchmarks (scripts/bench-net.mjs)
//   npm run bench -- --soak       # 200 connections for 60 s against the Lisp echo server
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = process.env.BENCH_DIR ?? resolve(root, '..', 'shared', 'bench');
const cpuDir = join(benchDir, 'cpu');
const args = process.argv.slice(2);
const only = (() => {
  const i = args.indexOf('-b');
  return i >= 0 ? new Set(args[i + 1].split(',')) : null;
})();

if (!existsSync(cpuDir)) {
  console.error(`bench: ${cpuDir} not found (set BENCH_DIR)`);
  process.exit(2);
}

if (args.includes('--net') || args.includes('--soak')) {
  const { runNetBench, runSoak } = await import('./bench-net.mjs');
  await (args.includes('--soak') ? runSoak(root, benchDir) : runNetBench(root, benchDir));
  process.exit(0);
}

if (args.includes('--compare')) {
  const extra = only ? ['-b', [...only].join(',')] : [];
  const r = spawnSync(join(benchDir, 'compare.sh'), [...extra, `node ${join(root, 'bin', 'elisp.js')}`], { stdio: 'inherit', cwd: root });
  process.exit(r.status ?? 1);
}

const files = readdirSync(cpuDir).filter((f) => f.endsWith('.el')).sort();
console.log('benchmark      seconds  output');
for (const f of files) {
  const name = f.replace(/\.el$/, '');
  if (only && !only.has(name)) continue;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'elisp.js'), join(cpuDir, f)], { encoding: 'utf8', timeout: 300_000 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const out = r.status === 0 ? r.stdout.trim() : `FAIL(rc=${r.status}) ${r.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
  console.log(`${name.padEnd(14)} ${secs.toFixed(3).padStart(7)}  ${out}`);
}
