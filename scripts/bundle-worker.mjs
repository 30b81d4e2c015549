#!/usr/bin/env node
// Bundles the interpreter worker (dist/cli/worker.js and everything it
// imports) into one file, dist/cli/worker.bundle.js. Startup is dominated by
// module loading: chevrotain alone pulls in some 600 lodash-es modules
// (~190 ms); one bundled file loads in a fraction of that. The CLI uses the
// bundle only when it is newer than dist/cli/worker.js, so a stale bundle is
// never run. Run after `tsc`; skips quietly when esbuild is not installed.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('bundle-worker: esbuild not installed; the CLI will load dist/ unbundled (slower startup)');
  process.exit(0);
}
await esbuild.build({
  entryPoints: [path.join(root, 'dist/cli/worker.js')],
  // Same depth as dist/cli/worker.js, so paths computed from import.meta.url (lisp/) still hold.
  outfile: path.join(root, 'dist/cli/worker.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
