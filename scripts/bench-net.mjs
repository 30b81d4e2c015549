#!/usr/bin/env node
// npm run bench -- --net: the server benchmarks of ../shared/bench/server,
// measured the way ../shared/bench/README.md's "Typical server session"
// does, repeated as it asks: echo-server.el and http-server.el run by this
// project and by GNU Emacs 28.2 (when `emacs` is installed), and the raw
// Node servers as the ceiling, are started once per kind; then every round
// runs each load against each server in turn (alternating), with
// ../shared/bench/load.mjs and wrk when installed. Prints the median of each
// figure over the rounds and the ratios elisp/Emacs and elisp/Node.
//   npm run bench -- --net [--reps N] [--warmup MSGS]   # N rounds (default 5); MSGS per connection of an unmeasured echo before them (default none)
//   npm run bench -- --soak [--seconds S] [--conns C]   # long echo run, RSS and process count
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const args = process.argv.slice(2);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

export async function runNetBench(root, benchDir) {
  const reps = option('--reps', 5);
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  const servers = [
    { name: 'elisp', cmd: [process.execPath, path.join(root, 'bin', 'elisp.js')], lisp: true },
    ...(has('emacs') ? [{ name: 'emacs', cmd: ['emacs', '-Q', '--batch', '-l'], lisp: true }] : []),
    { name: 'node', cmd: [process.execPath], lisp: false },
  ];
  // The loads of the README's session, in its order.
  const loads = [
    { kind: 'echo', label: 'echo 1 conn x 64 B, msg/s', load: ['echo', '-c', '1', '-n', '20000', '-s', '64'] },
    { kind: 'echo', label: 'echo 10 conns x 64 B, msg/s', load: ['echo', '-c', '10', '-n', '3000', '-s', '64'] },
    { kind: 'echo', label: 'echo 100 conns x 64 B, msg/s', load: ['echo', '-c', '100', '-n', '300', '-s', '64'] },
    ...(has('wrk') ? [{ kind: 'http', label: 'http keep-alive 10 conns (wrk -t1 -c10 -d5s), req/s', wrk: ['-t1', '-c10', '-d5s'] }] : []),
    ...(has('wrk') ? [{ kind: 'http', label: 'http keep-alive 100 conns (wrk -t1 -c100 -d5s), req/s', wrk: ['-t1', '-c100', '-d5s'] }] : []),
    { kind: 'http', label: 'http keep-alive 10 conns (load.mjs), req/s', load: ['http', '-c', '10', '-n', '2000'] },
  ];
  // Optional: an unmeasured load for every server before the first round, for steady-state figures only.
  const warm = option('--warmup', 0);
  const warmups = {
    echo: ['echo', '-c', '10', '-n', String(warm), '-s', '64'],
    http: ['http', '-c', '10', '-n', String(Math.max(1, Math.round(warm * 0.4)))],
  };
  const results = new Map(); // label -> server -> numbers
  for (const kind of ['echo', 'http']) {
    const running = [];
    try {
      for (const server of servers) {
        const file = server.lisp
          ? path.join(benchDir, 'server', `${kind}-server.el`)
          : path.join(benchDir, 'server', `node-${kind}.mjs`);
        // Long enough for every round (an HTTP round with wrk takes about 35 s); the servers stop at 3600 s at most.
        running.push({ server, ...(await startServer([...server.cmd, file], Math.min(3600, 120 + reps * 60))) });
      }
      if (warm > 0) for (const r of running) loadMjs(benchDir, r.port, warmups[kind]);
      for (let rep = 1; rep <= reps; rep++) {
        for (const l of loads.filter((x) => x.kind === kind)) {
          for (const r of running) {
            const value = l.wrk ? wrk(r.port, l.wrk) : loadMjs(benchDir, r.port, l.load);
            if (!results.has(l.label)) results.set(l.label, new Map());
            const byServer = results.get(l.label);
            if (!byServer.has(r.server.name)) byServer.set(r.server.name, []);
            byServer.get(r.server.name).push(value);
          }
        }
        process.stderr.write(`bench-net: ${kind}, round ${rep}/${reps} done\n`);
      }
    } finally {
      for (const r of running) await r.stop();
    }
  }
  const names = servers.map((s) => s.name);
  const header = ['load'.padEnd(52), ...names.map((n) => n.padStart(9)), ...names.slice(1).map((n) => `elisp/${n}`.padStart(12))];
  const warmed = warm > 0 ? `after an unmeasured echo -c 10 -n ${warm} or http -c 10 -n ${Math.max(1, Math.round(warm * 0.4))}` : 'no warm-up but the rounds';
  console.log(`server benchmarks: median of ${reps} rounds on the same servers, each load run against every server in turn; ${warmed} (client and servers share this machine)`);
  console.log(header.join(' '));
  for (const [label, byServer] of results) {
    const med = names.map((n) => median(byServer.get(n) ?? []));
    const row = [label.padEnd(52), ...med.map((v) => (Number.isNaN(v) ? 'n/a' : Math.round(v).toString()).padStart(9))];
    for (let i = 1; i < names.length; i++) row.push((med[0] / med[i]).toFixed(2).padStart(12));
    console.log(row.join(' '));
  }
  // Each round's figures too: the first round of a JIT-compiled server is its start.
  console.log('rounds, in order:');
  for (const [label, byServer] of results) {
    for (const n of names) console.log(`  ${label.padEnd(52)} ${n.padEnd(6)} ${(byServer.get(n) ?? []).map((v) => Math.round(v)).join(' ')}`);
  }
}

export async function runSoak(root, benchDir) {
  const seconds = option('--seconds', 60);
  const conns = option('--conns', 200);
  const running = await startServer([process.execPath, path.join(root, 'bin', 'elisp.js'), path.join(benchDir, 'server', 'echo-server.el')], seconds + 30);
  const rss = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${running.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  };
  // Sockets the server holds: its process-list, seen from outside (the listening socket and the worker's channel at rest).
  const sockets = () => fs.readdirSync(`/proc/${running.pid}/fd`).filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/${running.pid}/fd/${fd}`).startsWith('socket:');
    } catch {
      return false;
    }
  }).length;
  const socketsBefore = sockets();
  const load = spawn(process.execPath, [path.join(benchDir, 'load.mjs'), 'echo', '--port', String(running.port), '-c', String(conns), '-n', String(Math.floor(20_000_000 / conns)), '-s', '64', '-d', String(seconds), '--timeout', String(seconds + 60)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  load.stdout.on('data', (d) => (out += d));
  const ended = new Promise((resolve) => load.on('exit', resolve));
  let done = false;
  void ended.then(() => (done = true));
  const samples = [];
  for (let t = 5; !done; t += 5) {
    await sleep(5000);
    if (!done) samples.push({ t, mb: rss() });
  }
  const status = await ended;
  // The issue compares the end with the RSS after the first 10 s.
  const early = samples.find((x) => x.t === 10)?.mb ?? NaN;
  const late = rss();
  console.log(`RSS (MB) every 5 s: ${samples.map((x) => `${x.t}s ${x.mb.toFixed(0)}`).join(', ')}`);
  await sleep(1000);
  const socketsAfter = sockets();
  await running.stop();
  console.log(out.trim());
  console.log(`soak: ${conns} conns for ${seconds} s, load exit ${status}; RSS after 10 s ${early.toFixed(1)} MB, at the end ${late.toFixed(1)} MB (${(((late - early) / early) * 100).toFixed(1)}%); server sockets before the load ${socketsBefore}, 1 s after it ${socketsAfter}`);
}

function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts a benchmark server on a port of the system's choosing (PORT=0, READY_FILE) with SIGPIPE ignored, as the bench README says. */
async function startServer(argv, duration = 120) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-bench-'));
  const ready = path.join(dir, 'ready');
  const stop = path.join(dir, 'stop');
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('bash', ['-c', `trap '' PIPE; exec ${quoted}`], {
    env: { ...process.env, PORT: '0', DURATION: String(duration), READY_FILE: ready, STOP_FILE: stop },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let i = 0; i < 200 && !fs.existsSync(ready); i++) await sleep(25);
  const port = Number(fs.readFileSync(ready, 'utf8').trim());
  if (!(port > 0)) throw new Error(`bench-net: ${argv.join(' ')} did not start`);
  return {
    port,
    pid: child.pid,
    async stop() {
      fs.writeFileSync(stop, '');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function loadMjs(benchDir, port, load) {
  const r = spawnSync(process.execPath, [path.join(benchDir, 'load.mjs'), ...load, '--port', String(port), '--timeout', '120'], { encoding: 'utf8' });
  const m = /msgs_per_s=([\d.]+)/.exec(r.stdout);
  if (r.status !== 0 || !m) {
    process.stderr.write(`bench-net: load.mjs ${load.join(' ')} failed: ${r.stdout}${r.stderr}\n`);
    return NaN;
  }
  return Number(m[1]);
}

function wrk(port, opts) {
  const r = spawnSync('wrk', [...opts, `http://127.0.0.1:${port}/`], { encoding: 'utf8' });
  const m = /Requests\/sec:\s+([\d.]+)/.exec(r.stdout);
  return m ? Number(m[1]) : NaN;
}
