// The REPL (`elisp` with no arguments), driven through a pipe: no prompts
// when stdin is not a terminal, one printed value per form, errors reported
// without leaving, multi-line forms, Ctrl-C (SIGINT) quits the evaluation.
import { describe, it, expect, beforeAll } from 'vitest';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { runElisp } from './cli-helpers.js';

beforeAll(ensureBuilt);

describe('the REPL', () => {
  it('prints the value of each form with prin1', async () => {
    // prin1 does not escape newlines (print-escape-newlines is nil).
    const r = await runElisp([], { stdin: '(+ 1 2)\n"a\\nb"\n(list 1 \'x "y")\n' });
    expect(r).toMatchObject({ stdout: '3\n"a\nb"\n(1 x "y")\n', code: 0 });
  });

  it('prints a value on a fresh line after output', async () => {
    const r = await runElisp([], { stdin: '(princ "hi")\n' });
    expect(r.stdout).toBe('hi\n"hi"\n');
  });

  it('continues a form over several lines', async () => {
    const r = await runElisp([], { stdin: '(list 1\n  2\n  3)\n(defun sq (x)\n  (* x x))\n(sq 7)\n' });
    expect(r.stdout).toBe('(1 2 3)\nsq\n49\n');
  });

  it('evaluates several forms on one line', async () => {
    const r = await runElisp([], { stdin: '(setq a 5) (* a 2)\n' });
    expect(r.stdout).toBe('5\n10\n');
  });

  it('reports an error and keeps going', async () => {
    const r = await runElisp([], { stdin: '(car 1)\n(+ 1 1)\n' });
    expect(r).toMatchObject({ stdout: '2\n', stderr: '*** Eval error ***  Wrong type argument: listp, 1\n', code: 0 });
  });

  it('exits with kill-emacs status', async () => {
    const r = await runElisp([], { stdin: '(+ 1 2)\n(kill-emacs 5)\n(+ 3 4)\n' });
    expect(r).toMatchObject({ stdout: '3\n', code: 5 });
  });

  it('exits with 0 at the end of input, running kill-emacs-hook', async () => {
    const r = await runElisp([], { stdin: '(add-hook \'kill-emacs-hook (lambda () (princ "bye")))\n' });
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('bye')).toBe(true);
  });

  it('quits a running evaluation on SIGINT and reads the next form', async () => {
    const r = await runElisp([], {
      stdin: '(progn (princ "looping\\n") (while t))\n(+ 40 2)\n',
      started: (child) => child.stdout!.once('data', () => child.kill('SIGINT')),
    });
    expect(r.stdout).toBe('looping\n42\n');
    expect(r.stderr).toBe('Quit\n');
    expect(r.code).toBe(0);
  });
});
