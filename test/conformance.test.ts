// The conformance corpus (test/conformance, goldens from GNU Emacs 28.2):
// every case runs through the CLI, `node bin/elisp.js NAME.el` in the case's
// directory, and must reproduce stdout, the exit status and (where NAME.err
// exists) stderr byte for byte. Cases listed in known-failures.txt are
// expected to fail; the list may only shrink (see that file).
import { describe, it, expect, beforeAll } from 'vitest';
import {
  discoverCases, runAll, readKnownFailures, defaultJobs, CASE_TIMEOUT_MS,
} from '../scripts/conformance-lib.mjs';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';

interface Case { id: string; dir: string; name: string }
interface Result { run: { ms: number }; problems: string[] }

const cases = discoverCases() as Case[];
const known = new Set(readKnownFailures() as string[]);
let results = new Map<string, Result>();

beforeAll(async () => {
  await ensureBuilt();
  results = (await runAll(cases, defaultJobs())) as Map<string, Result>;
}, Math.max(120_000, (cases.length * CASE_TIMEOUT_MS) / 2));

describe('conformance with GNU Emacs 28.2', () => {
  it('known-failures.txt names only cases that exist', () => {
    const ids = new Set(cases.map((c) => c.id));
    expect([...known].filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const c of cases) {
    const listed = known.has(c.id);
    it(listed ? `${c.id} (known failure)` : c.id, () => {
      const { problems } = results.get(c.id)!;
      if (listed) {
        if (problems.length === 0) {
          expect.fail(`${c.id} passes now: remove it from test/conformance/known-failures.txt`);
        }
        return;
      }
      if (problems.length > 0) expect.fail(`${c.id} does not match Emacs:\n${problems.join('\n')}`);
    });
  }
});
