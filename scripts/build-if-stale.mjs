#!/usr/bin/env node
// Makes sure dist/ matches src/ before tests that run the built CLI:
// compiles with tsc when a source file is newer than the build, and rebuilds
// the worker bundle (scripts/bundle-worker.mjs, which also writes its code
// cache) when it is older than the compiled worker. Called from the CLI and
// conformance tests (a lock keeps parallel test files from building at the
// same time); runnable by hand.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'cli', 'worker.js');
const bundle = path.join(root, 'dist', 'cli', 'worker.bundle.cjs');
// Inside node_modules: always present when tests run, and never committed.
const lock = path.join(root, 'node_modules', '.elisp-build-lock');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function compileStale() {
  return newestSource(path.join(root, 'src')) > mtime(compiled);
}

function bundleStale() {
  return mtime(bundle) < mtime(compiled);
}

function build() {
  if (compileStale()) {
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', root], {
        stdio: 'inherit',
      });
    } catch {
      // Type errors still emit JavaScript; the tests will show what is wrong.
      console.warn('build-if-stale: tsc reported errors');
    }
  }
  if (bundleStale()) execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle-worker.mjs')], { stdio: 'inherit' });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds dist/ if it is older than src/; waits for a build another process is doing. */
export async function ensureBuilt() {
  if (!compileStale() && !bundleStale()) return;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Someone else is building; a lock older than two minutes is left over from a crash.
      if (Date.now() - mtime(lock) > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('build-if-stale: timed out waiting for another build');
      await sleep(200);
    }
  }
  try {
    build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await ensureBuilt();
