// The autoloads of lisp/ come from an index kept beside the files
// (src/primitives/lisp-autoloads.ts): a file changed since the index was
// written is scanned again, so a new definition in it is found.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lisp } from '../helpers.js';
import { installLibraryAutoloads } from '../../src/primitives/lisp-autoloads.js';
import { lispDirectory } from '../../src/primitives/load.js';

let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-autoloads-'));
  for (const f of fs.readdirSync(lispDirectory)) if (f.endsWith('.el')) fs.copyFileSync(path.join(lispDirectory, f), path.join(dir, f));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the library autoload index', () => {
  it('is written on the first start and used, then refreshed for a file that changed', () => {
    installLibraryAutoloads(dir);
    const index = JSON.parse(fs.readFileSync(path.join(dir, '.autoloads.json'), 'utf8'));
    expect(index.files['ring.el'].definitions).toContainEqual(['ring-insert', false, false]);
    expect(index.files['sort.el'].definitions).toContainEqual(['sort-lines', false, true]);

    const ring = path.join(dir, 'ring.el');
    fs.appendFileSync(ring, '\n(defun autoload-index-test-fn () 42)\n(defvar autoload-index-test-var "v")\n');
    // A time the index cannot already hold, whatever the clock's resolution.
    const later = new Date(fs.statSync(ring).mtimeMs + 5000);
    fs.utimesSync(ring, later, later);
    installLibraryAutoloads(dir);
    expect(lisp('(list (car (symbol-function (quote autoload-index-test-fn))) autoload-index-test-var)')).toBe('(autoload "v")');
    const refreshed = JSON.parse(fs.readFileSync(path.join(dir, '.autoloads.json'), 'utf8'));
    expect(refreshed.files['ring.el'].definitions).toContainEqual(['autoload-index-test-fn', false, false]);
  });
});
