#!/usr/bin/env node
// The `elisp` command: see src/cli/main.ts (built into dist/). CommonJS (see
// package.json here), so that the interpreter thread starts before any ES
// module loads: it then loads the interpreter while this thread loads the CLI.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
let spawned = null;
try {
  // The bundle of dist/host/worker-spawn.js, unless a later tsc run left it behind.
  const prestart = path.join(dist, 'cli', 'prestart.cjs');
  if (fs.statSync(prestart).mtimeMs >= fs.statSync(path.join(dist, 'host', 'worker-spawn.js')).mtimeMs) {
    const { spawnInterpreterThread, freshestBuild } = require(prestart);
    spawned = spawnInterpreterThread({ entry: freshestBuild(path.join(dist, 'cli', 'worker.js')) });
  }
} catch {
  // No prestart bundle (esbuild missing): main starts the thread itself.
}
import('../dist/cli/main.js').then((cli) => cli.main(process.argv.slice(2), spawned));
