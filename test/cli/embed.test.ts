// The embedding API (src/index.ts): an interpreter in a worker thread behind
// an async facade, and the in-thread interpreter over an InlineHost.
import { describe, it, expect, beforeAll } from 'vitest';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { createInterpreter, createInlineInterpreter, ElispError } from '../../src/index.js';

beforeAll(ensureBuilt);

describe('createInterpreter', () => {
  it('evaluates source and resolves with the last value printed by prin1', async () => {
    const emacs = createInterpreter();
    try {
      expect(await emacs.eval('(+ 1 2)')).toBe('3');
      expect(await emacs.eval('(defvar counter 10) (setq counter (1+ counter)) (list counter "s" \'sym)')).toBe('(11 "s" sym)');
      // State persists between calls.
      expect(await emacs.eval('counter')).toBe('11');
    } finally {
      await emacs.close();
    }
  });

  it('rejects with an ElispError carrying the message and the error object', async () => {
    const emacs = createInterpreter();
    try {
      const error = await emacs.eval('(car 1)').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ElispError);
      expect(error).toMatchObject({
        message: 'Wrong type argument: listp, 1',
        symbol: 'wrong-type-argument',
        errorObject: '(wrong-type-argument listp 1)',
      });
      // The interpreter is still usable after an error.
      expect(await emacs.eval('(* 6 7)')).toBe('42');
    } finally {
      await emacs.close();
    }
  });

  it('hands standard output and error to callbacks', async () => {
    let out = '';
    let err = '';
    const emacs = createInterpreter({ onStdout: (t) => (out += t), onStderr: (t) => (err += t) });
    await emacs.eval('(princ "héllo") (message "note %d" 1)');
    await emacs.close();
    expect(out).toBe('héllo');
    expect(err).toBe('\nnote 1\n');
  });

  it('interrupt makes a running evaluation signal quit', async () => {
    const emacs = createInterpreter();
    try {
      const running = emacs.eval('(while t)');
      setTimeout(() => emacs.interrupt(), 200);
      await expect(running).rejects.toMatchObject({ symbol: 'quit' });
      expect(await emacs.eval('(+ 1 1)')).toBe('2');
    } finally {
      await emacs.close();
    }
  });

  it('interrupt also ends builtins that loop on a circular list without calling Lisp', async () => {
    // Emacs's assoc-default and flatten-tree are Lisp loops that run until C-g on such a list.
    const emacs = createInterpreter();
    try {
      for (const call of ["(assoc-default 'z l)", '(flatten-tree l)']) {
        const running = emacs.eval(`(let ((l (list '(a . 1) '(b . 2)))) (setcdr (cdr l) l) ${call})`);
        setTimeout(() => emacs.interrupt(), 200);
        await expect(running, call).rejects.toMatchObject({ symbol: 'quit' });
      }
      expect(await emacs.eval('(+ 1 1)')).toBe('2');
    } finally {
      await emacs.close();
    }
  });

  it('close resolves with the exit status, and kill-emacs ends the interpreter', async () => {
    const emacs = createInterpreter();
    expect(await emacs.close()).toBe(0);
    await expect(emacs.eval('1')).rejects.toThrow(/closed/);
    const other = createInterpreter();
    await expect(other.eval('(kill-emacs 7)')).rejects.toThrow(/exited with status 7/);
    expect(await other.close()).toBe(7);
  });
});

describe('createInlineInterpreter', () => {
  it('evaluates on the calling thread and captures output', async () => {
    const lisp = await createInlineInterpreter();
    expect(lisp.eval('(princ "x") (* 6 7)')).toBe('42');
    expect(lisp.host.takeOutput()).toEqual({ stdout: 'x', stderr: '' });
    expect(() => lisp.eval('(car 1)')).toThrow('Wrong type argument: listp, 1');
  });
});
