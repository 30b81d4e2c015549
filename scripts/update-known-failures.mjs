#!/usr/bin/env node
// Rewrites test/conformance/known-failures.txt from a fresh run of the
// conformance corpus (build first: npm run build).
//
//   node scripts/update-known-failures.mjs              drop cases that pass now
//   node scripts/update-known-failures.mjs --allow-grow also list new failures
//
// The list may only shrink: without --allow-grow a case that fails but is
// not listed is reported, and the file is not changed.
import * as path from 'node:path';
import {
  discoverCases, runAll, readKnownFailures, writeKnownFailures, knownFailuresFile, repoRoot, defaultJobs,
} from './conformance-lib.mjs';

const allowGrow = process.argv.includes('--allow-grow');
const cases = discoverCases();
const known = new Set(readKnownFailures());
const started = Date.now();
const results = await runAll(cases, defaultJobs());

const failing = cases.filter((c) => results.get(c.id).problems.length > 0).map((c) => c.id);
const fixed = [...known].filter((id) => !failing.includes(id));
const regressions = failing.filter((id) => !known.has(id));

console.log(`${cases.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: ${cases.length - failing.length} pass, ${failing.length} fail`);
for (const id of fixed) console.log(`  fixed:   ${id}`);
for (const id of regressions) console.log(`  failing, not listed: ${id}`);

if (regressions.length > 0 && !allowGrow) {
  console.log(`\n${path.relative(repoRoot, knownFailuresFile)} not changed: the list may only shrink.`);
  console.log('Fix the cases above (see `npx vitest run test/conformance.test.ts`), or pass --allow-grow for new cases.');
  process.exit(1);
}
writeKnownFailures(failing);
console.log(`wrote ${path.relative(repoRoot, knownFailuresFile)}: ${failing.length} known failures`);
