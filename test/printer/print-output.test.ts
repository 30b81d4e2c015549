import { describe, it, expect } from 'vitest';
import { lisp, lispError, captured } from '../helpers.js';
import { evalString } from '../../src/eval/index.js';
import { batchOutput } from '../../src/primitives/print.js';

/** Runs source from a fresh batch state and returns what went to stdout and stderr. */
function streams(src: string): { stdout: string; stderr: string } {
  captured.stdout = '';
  captured.stderr = '';
  batchOutput.needNewline = false;
  batchOutput.atLineStart = true;
  evalString(src, true);
  return { stdout: captured.stdout, stderr: captured.stderr };
}

describe('printing to standard output', () => {
  it('prin1 escapes and princ does not', () => {
    expect(streams('(prin1 "a\\"b") (princ " ") (princ "a\\"b")').stdout).toBe('"a\\"b" a"b');
  });

  it('print surrounds the object with newlines and returns it', () => {
    expect(streams('(prin1 (print \'p))').stdout).toBe('\np\np');
  });

  it('prin1 and princ return their object, terpri returns t, write-char its character', () => {
    expect(lisp('(list (prin1 \'x #\'ignore) (princ "y" #\'ignore) (terpri #\'ignore) (write-char ?W #\'ignore))')).toBe(
      '(x "y" t 87)',
    );
  });

  it('terpri with ENSURE writes a newline only when not at the start of a line', () => {
    expect(streams('(princ "a") (prin1 (terpri nil t)) (prin1 (terpri nil t)) (terpri) (prin1 (terpri nil t))').stdout).toBe(
      'a\nt\nt\nnil',
    );
  });

  it('a function as PRINTCHARFUN receives each character code', () => {
    expect(lisp('(let (acc) (prin1 \'(a "b" 1.5) (lambda (c) (push c acc))) (nreverse acc))')).toBe(
      '(40 97 32 34 98 34 32 49 46 53 41)',
    );
  });

  it('standard-output bound to a function catches output of nil PRINTCHARFUN', () => {
    expect(lisp('(let (acc) (let ((standard-output (lambda (c) (push c acc)))) (princ "hi")) (concat (nreverse acc)))')).toBe(
      '"hi"',
    );
  });

  it('standard-output nil means the standard output stream', () => {
    expect(streams('(let ((standard-output nil)) (princ "to-t"))').stdout).toBe('to-t');
  });

  it('a non-function PRINTCHARFUN is called and signals invalid-function', () => {
    expect(lispError('(prin1 1 5)')).toBe('(invalid-function 5)');
  });

  it('prin1-to-string with NOESCAPE prints like princ', () => {
    expect(lisp('(list (prin1-to-string \'(1 "two" three)) (prin1-to-string \'(1 "two" three) t))')).toBe(
      '("(1 \\"two\\" three)" "(1 two three)")',
    );
  });

  it('prin1-to-string gives a unibyte string for ASCII text and multibyte otherwise', () => {
    expect(lisp('(list (multibyte-string-p (prin1-to-string "abc")) (multibyte-string-p (prin1-to-string \'é)))')).toBe('(nil t)');
  });
});

describe('message in batch mode', () => {
  it('writes the formatted text and a newline to stderr and returns the text', () => {
    const s = streams('(prin1 (message "%s`%s\'" 1 "b"))');
    expect(s.stderr).toBe('1\u2018b\u2019\n');
    expect(s.stdout).toBe('"1\u2018b\u2019"');
  });

  it('starts with an extra newline when something went to stdout since the last message', () => {
    expect(streams('(princ "a\\n") (message "x")').stderr).toBe('\nx\n');
    expect(streams('(princ "a") (message "x")').stderr).toBe('\nx\n');
    expect(streams('(princ "") (message "x")').stderr).toBe('\nx\n');
    expect(streams('(prin1 1) (message "x") (message "y") (princ "b") (message "z")').stderr).toBe('\nx\ny\n\nz\n');
  });

  it('(message nil) prints an empty line and returns nil', () => {
    const s = streams('(prin1 (message nil)) (message "x")');
    expect(s.stdout).toBe('nil');
    expect(s.stderr).toBe('\n\nx\n');
  });

  it('(message "") prints an empty line and returns ""', () => {
    const s = streams('(prin1 (message ""))');
    expect(s.stdout).toBe('""');
    expect(s.stderr).toBe('\n');
  });

  it('external-debugging-output writes to stderr without a newline', () => {
    expect(streams('(princ "a" #\'external-debugging-output) (message "x")').stderr).toBe('ax\n');
  });
});

describe('deep and circular structures', () => {
  it('printing a 10000-deep list with print-circle does not overflow the stack', () => {
    expect(lisp('(let ((x nil) (print-circle t)) (dotimes (i 10000) (setq x (list x))) (length (prin1-to-string x)))')).toBe('20003');
  });

  it('a long circular list without print-circle terminates', () => {
    expect(lisp('(let ((x (number-sequence 1 100000))) (setcdr (last x) x) (length (prin1-to-string x)))')).toBe('1353115');
  });
});
