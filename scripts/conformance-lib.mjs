// The conformance corpus runner shared by test/conformance.test.ts and
// scripts/update-known-failures.mjs. A case is test/conformance/SUITE/NAME.el
// with goldens NAME.out (stdout), NAME.code (exit status, default 0) and
// NAME.err (stderr, compared only when present). Each case runs as
// `node bin/elisp.js NAME.el` in its own directory, in a UTF-8 locale, as the
// goldens were recorded from `emacs -Q --batch -l NAME.el`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpusRoot = path.join(repoRoot, 'test', 'conformance');
export const knownFailuresFile = path.join(corpusRoot, 'known-failures.txt');
export const SUITES = ['core', 'net', 'local'];
export const CASE_TIMEOUT_MS = 10_000;

/** Every case with a .out golden, as { id: 'core/eval-basic', dir, name }, sorted. */
export function discoverCases() {
  const cases = [];
  for (const suite of SUITES) {
    const dir = path.join(corpusRoot, suite);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      if (!file.endsWith('.el')) continue;
      const name = file.slice(0, -3);
      if (!fs.existsSync(path.join(dir, name + '.out'))) continue;
      cases.push({ id: `${suite}/${name}`, dir, name });
    }
  }
  return cases;
}

function readIfExists(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

/** The goldens of a case. */
export function expected(c) {
  const code = readIfExists(path.join(c.dir, c.name + '.code'));
  return {
    stdout: fs.readFileSync(path.join(c.dir, c.name + '.out')),
    stderr: readIfExists(path.join(c.dir, c.name + '.err')),
    code: code === null ? 0 : Number(code.toString('utf8').trim()),
  };
}

/** Runs one case; resolves with { stdout, stderr (Buffers), code, timedOut, ms }. */
export function runCase(c, timeoutMs = CASE_TIMEOUT_MS) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'elisp.js'), c.name + '.el'], {
      cwd: c.dir,
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err),
        code: code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : -1),
        timedOut,
        ms: Date.now() - started,
      });
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.alloc(0), stderr: Buffer.from('could not start node'), code: -1, timedOut: false, ms: 0 });
    });
  });
}

/** Differences between a run and the goldens: [] when the case passes. */
export function compare(c, run) {
  const want = expected(c);
  const problems = [];
  if (run.timedOut) problems.push(`timed out after ${CASE_TIMEOUT_MS / 1000} s`);
  if (run.code !== want.code) problems.push(`exit status ${run.code}, expected ${want.code}`);
  if (!run.stdout.equals(want.stdout)) problems.push('stdout differs:\n' + firstDifference(want.stdout, run.stdout));
  if (want.stderr !== null && !run.stderr.equals(want.stderr)) {
    problems.push('stderr differs:\n' + firstDifference(want.stderr, run.stderr));
  }
  if (problems.length > 0 && want.stderr === null && run.stderr.length > 0) {
    problems.push('stderr was:\n' + indent(clip(run.stderr.toString('utf8'), 1200)));
  }
  return problems;
}

function clip(s, n) {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

function indent(s) {
  return s
    .split('\n')
    .map((l) => '    ' + l)
    .join('\n');
}

/** The first differing line, and a few around it. */
function firstDifference(wantBuf, gotBuf) {
  const want = wantBuf.toString('utf8').split('\n');
  const got = gotBuf.toString('utf8').split('\n');
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  const lines = [`  first difference at line ${i + 1}:`];
  for (let k = i; k < i + 4 && (k < want.length || k < got.length); k++) {
    if (k < want.length) lines.push(`  - ${JSON.stringify(clip(want[k], 300))}`);
    if (k < got.length) lines.push(`  + ${JSON.stringify(clip(got[k], 300))}`);
  }
  return lines.join('\n');
}

/** A sensible number of cases to run at once. */
export function defaultJobs() {
  const cpus = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  return Math.max(2, Math.min(8, cpus * 2));
}

/** Runs all cases with at most `jobs` at a time; resolves with Map(id → { run, problems }). */
export async function runAll(cases, jobs = defaultJobs()) {
  const results = new Map();
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const c = cases[next++];
      const run = await runCase(c);
      results.set(c.id, { run, problems: compare(c, run) });
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, cases.length) }, worker));
  return results;
}

/** The case ids listed in known-failures.txt (comments and blank lines ignored). */
export function readKnownFailures(file = knownFailuresFile) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '');
}

export const KNOWN_FAILURES_HEADER = `# Conformance cases that do not pass yet, one per line (SUITE/NAME).
#
# test/conformance.test.ts fails when a case listed here passes (remove it)
# and when a case not listed here fails. This list may only shrink: fix the
# interpreter, never add a case that passed before. After a run that fixed
# cases, \`npm run conformance:update-known\` removes them; it refuses to add
# new entries unless given --allow-grow (only for new corpus cases or
# subsystems that do not exist yet).
`;

export function writeKnownFailures(ids, file = knownFailuresFile) {
  fs.writeFileSync(file, KNOWN_FAILURES_HEADER + '\n' + [...ids].sort().join('\n') + (ids.length ? '\n' : ''));
}
