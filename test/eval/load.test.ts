// load, require, provide and autoload from files on load-path; every expected
// value (and the stderr of `load') was checked against GNU Emacs 28.2 in batch.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lisp, lispError, captured } from '../helpers.js';

let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-load-'));
  fs.writeFileSync(path.join(dir, 'mylib.el'), "(defvar mylib-loaded t)\n(defun mylib-double (x) (* 2 x))\n(provide 'mylib)\n");
  fs.writeFileSync(path.join(dir, 'noprov.el'), '(defvar noprov 1)\n');
  fs.writeFileSync(path.join(dir, 'autofile.el'), '(defun auto-fn (x) (+ x 100))\n');
  fs.writeFileSync(path.join(dir, 'laterlib.el'), "(setq later-log (cons 'loading later-log))\n(provide 'laterlib)\n");
  lisp(`(setq load-path (cons ${JSON.stringify(dir)} load-path))`);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('require and provide', () => {
  it('loads a feature once from load-path', () => {
    expect(lisp("(list (require 'mylib) (featurep 'mylib) (mylib-double 21) (require 'mylib))")).toBe('(mylib t 42 mylib)');
  });
  it('signals file-missing for an unknown feature, or returns nil with NOERROR', () => {
    expect(lispError("(require 'nonexistent-lib)")).toBe(
      '(file-missing "Cannot open load file" "No such file or directory" "nonexistent-lib")',
    );
    expect(lisp("(require 'nonexistent-lib nil t)")).toBe('nil');
  });
  it('signals when the file does not provide the feature', () => {
    expect(lispError("(require 'noprov)")).toBe(
      `(error "Loading file ${path.join(dir, 'noprov.el')} failed to provide feature ‘noprov’")`,
    );
  });
});

describe('eval-after-load and with-eval-after-load', () => {
  it("run their code when the feature is provided (a file name's first, as in Emacs 28.2), or at once when it is there", () => {
    expect(lisp(`(progn
      (defvar later-log nil)
      (with-eval-after-load 'laterlib (push 'after-1 later-log))
      (eval-after-load 'laterlib '(push 'after-2 later-log))
      (with-eval-after-load "laterlib" (push 'after-file later-log))
      (push 'before later-log)
      (require 'laterlib)
      (with-eval-after-load 'laterlib (push 'at-once later-log))
      (reverse later-log))`)).toBe('(before loading after-file after-1 after-2 at-once)');
  });
  it('keep code for a feature that never comes in after-load-alist', () => {
    expect(lisp("(progn (with-eval-after-load 'never-provided-feature (error \"no\")) (and (assq 'never-provided-feature after-load-alist) t))")).toBe('t');
  });
});

describe('load', () => {
  it('signals file-missing, or returns nil with NOERROR', () => {
    expect(lispError('(load "nonexistent-file")')).toBe(
      '(file-missing "Cannot open load file" "No such file or directory" "nonexistent-file")',
    );
    expect(lisp('(load "nonexistent-file" t)')).toBe('nil');
  });
  it('announces the file on stderr unless NOMESSAGE', () => {
    captured.stderr = '';
    expect(lisp('(list (load "mylib" nil t) (load "mylib"))')).toBe('(t t)');
    expect(captured.stderr).toContain(`Loading ${path.join(dir, 'mylib.el')} (source)...`);
    expect(captured.stderr.match(/Loading/g)?.length).toBe(1);
  });
});

describe('autoload', () => {
  it('loads the file on the first call', () => {
    expect(lisp('(autoload \'auto-fn "autofile") (list (functionp \'auto-fn) (auto-fn 1))')).toBe('(t 101)');
  });
});
