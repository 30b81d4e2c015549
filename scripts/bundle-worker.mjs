#!/usr/bin/env node
// Bundles the interpreter worker (dist/cli/worker.js and everything it
// imports) into one CommonJS file, dist/cli/worker.bundle.cjs. Startup is
// dominated by module loading: chevrotain alone pulls in some 600 lodash-es
// modules (~190 ms); one bundled file loads in a fraction of that. CommonJS,
// because the CLI starts the bundle through vm.Script with a V8 code cache
// (dist/cli/worker.bundle.cache, see bundleLoader in src/host/main-link.ts),
// which this script also primes by running the CLI once. The CLI uses the
// bundle only when it is newer than dist/cli/worker.js, so a stale bundle is
// never run. Run after `tsc`; skips quietly when esbuild is not installed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli');

/**
 * Node modules the interpreter needs only for a few builtins (secure-hash,
 * char-from-name): each is required on first use instead of at startup, where
 * a worker thread would compile it (node:crypto alone costs some 2 ms). The
 * bundle only reaches their exports as properties at call time, so getters do.
 */
const LAZY_BUILTINS = ['node:crypto', 'node:zlib'];

const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_BUILTINS.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      // The lazy module's own require is of the real module.
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const names = Object.keys(await import(args.path)).filter((name) => name !== 'default');
      const getters = names.map((name) => `  get ${name}() { return load().${name}; },`).join('\n');
      return {
        contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}));\nmodule.exports = {\n${getters}\n};\n`,
        loader: 'js',
      };
    });
  },
};

/**
 * The reader uses only chevrotain's lexer; its package entry also loads the
 * parser toolkit (some 100 KB of the bundle, and its set-up at every start).
 */
const chevrotainLexerOnly = {
  name: 'chevrotain-lexer-only',
  setup(build) {
    build.onResolve({ filter: /^chevrotain$/ }, () => ({ path: 'chevrotain', namespace: 'chevrotain-lexer' }));
    build.onLoad({ filter: /.*/, namespace: 'chevrotain-lexer' }, () => {
      // The package's exports map hides these files from a bare import; the entry (lib/src/api.js) sits next to them.
      const scan = path.join(path.dirname(createRequire(import.meta.url).resolve('chevrotain')), 'scan');
      return {
        contents:
          `export { Lexer } from ${JSON.stringify(path.join(scan, 'lexer_public.js'))};\n` +
          `export { createToken } from ${JSON.stringify(path.join(scan, 'tokens_public.js'))};\n`,
        loader: 'js',
        resolveDir: scan,
      };
    });
  },
};

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('bundle-worker: esbuild not installed; the CLI will load dist/ unbundled (slower startup)');
  process.exit(0);
}
// Left over from builds that made an ES module bundle.
fs.rmSync(path.join(cli, 'worker.bundle.js'), { force: true });
// The new bundle's cache is written below.
fs.rmSync(path.join(cli, 'worker.bundle.cache'), { force: true });
fs.rmSync(path.join(cli, 'prestart.cjs'), { force: true });
await esbuild.build({
  entryPoints: [path.join(cli, 'worker.js')],
  // Same depth as dist/cli/worker.js, so paths computed from import.meta.url (lisp/) still hold.
  outfile: path.join(cli, 'worker.bundle.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': '__elispModuleUrl' },
  banner: { js: 'var __elispModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [lazyBuiltins, chevrotainLexerOnly],
  logLevel: 'warning',
});
// esbuild escapes non-ASCII characters in code, but not in comments: make
// those ASCII too, so that the loader can read the bundle without decoding.
const bundleFile = path.join(cli, 'worker.bundle.cjs');
const text = fs.readFileSync(bundleFile, 'utf8');
const ascii = text.replace(/^(\s*(?:\/\/|\/\*|\*).*)$/gm, (line) => line.replace(/[^\x00-\x7f]/g, '?'));
if (ascii !== text) fs.writeFileSync(bundleFile, ascii);
// The part of the host that bin/elisp.js runs before anything else.
await esbuild.build({
  entryPoints: [path.join(root, 'dist', 'host', 'worker-spawn.js')],
  outfile: path.join(cli, 'prestart.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
// Writes the code cache, so that the first real run is fast too.
try {
  execFileSync(process.execPath, [path.join(root, 'bin', 'elisp.js'), '--eval', 'nil'], { stdio: 'ignore', cwd: root });
} catch {
  console.warn('bundle-worker: the bundle failed to run once; no code cache made');
}
