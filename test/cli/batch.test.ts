// `elisp FILE.el` behaves like `emacs -Q --batch -l FILE.el`: output, exit
// statuses, kill-emacs, and how uncaught errors are reported (each
// expectation below was checked against GNU Emacs 28.2).
import { describe, it, expect, beforeAll } from 'vitest';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import * as path from 'node:path';
import { runElisp, runScript, script, JS_STACK } from './cli-helpers.js';

beforeAll(ensureBuilt);

const LEX = ';;; -*- lexical-binding: t -*-\n';

describe('running a script', () => {
  it('prints with princ and exits with status 0', async () => {
    const r = await runScript(LEX + '(defun greet (who) (format "Hello, %s!" who))\n(princ (greet "world"))\n(terpri)\n');
    expect(r).toMatchObject({ stdout: 'Hello, world!\n', stderr: '', code: 0 });
  });

  it('gives the script its arguments in command-line-args-left', async () => {
    const r = await runScript(LEX + '(prin1 command-line-args-left)', ['a', 'b c', '--eval', 'x']);
    expect(r.stdout).toBe('("a" "b c" "--eval" "x")');
    expect(r.code).toBe(0);
  });

  it('runs in batch mode: noninteractive is t and load-file-name is the absolute file name', async () => {
    const file = script('where.el', LEX + '(prin1 (list noninteractive load-file-name))');
    const r = await runElisp([path.basename(file)], { cwd: path.dirname(file) });
    expect(r.stdout).toBe(`(t ${JSON.stringify(file)})`);
  });

  it('takes local time from TZ, and initial-environment is a copy of process-environment sharing its strings', async () => {
    const r = await runElisp(
      ['--eval', '(prin1 (list (current-time-zone 0) (eq (car initial-environment) (car process-environment)) (eq initial-environment process-environment) (equal initial-environment process-environment)))'],
      { env: { TZ: 'EST5' } },
    );
    expect(r.stdout).toBe('((-18000 "EST") t nil t)');
  });

  it('has the Lisp library\'s variables bound before any of its functions is called, as Emacs has them preloaded', async () => {
    const r = await runElisp(['--eval', "(prin1 (list kill-ring kill-ring-max fill-prefix forward-sexp-function (special-variable-p 'kill-ring) (let ((kill-ring '(\"x\"))) (current-kill 0))))"]);
    expect(r.stdout).toBe('(nil 120 nil nil t "x")');
  });

  // Expected output printed by GNU Emacs 28.2 for the same script and input.
  it('asks questions on stdout and reads the answers from stdin, as batch Emacs does', async () => {
    const script = [
      '(let ((a (read-string "Name: ")) (b (read-from-minibuffer "Age: " "init")) (c (y-or-n-p "Ok? ")) (d (yes-or-no-p "Sure? "))',
      '      (e (completing-read "Pick: " \'("alpha" "beta"))) (f (read-string "Empty: " nil nil "dflt")) (g (read-number "N: ")))',
      '  (prin1 (list a b c d e f g)) (terpri))',
      '(prin1 (condition-case err (read-string "More: ") (error err))) (terpri)',
    ].join('\n');
    const r = await runScript(script, [], { stdin: 'bob\n42\nmaybe\ny\nperhaps\nyes\nbe\n\n7\n' });
    expect(r.stdout).toBe('Name: Age: Ok? (y or n) Please answer y or n.  Ok? (y or n) Sure? (yes or no) \x07Sure? (yes or no) Pick: Empty: N: ("bob" "42" t t "be" "dflt" 7)\nMore: (end-of-file "Error reading from stdin")\n');
    expect(r.stderr).toBe('Please answer yes or no.\n');
  });

  // Expected output printed by GNU Emacs 28.2 for the same script and input.
  it('reads passwords with hidden echo, and buffer names, regexps, file names and commands, as batch Emacs does', async () => {
    const script = [
      '(let ((a (read-passwd "Pw: ")) (b (read-passwd "New: " t)) (c (read-buffer "Buf: " "dflt")) (d (read-buffer "Buf" (get-buffer "*scratch*")))',
      '      (e (read-regexp "Re" \'("d1" "d2"))) (f (read-regexp "Re: " "x")) (g (read-file-name "File: " "/tmp/" "/tmp/d")) (h (read-directory-name "Dir: "))',
      '      (i (read-shell-command "Cmd: ")) (j (let ((read-hide-char ?#)) (read-string "S: "))))',
      '  (prin1 (list a b c d e f g h i j)) (terpri))',
    ].join('\n');
    const r = await runScript(script, [], { stdin: 'secret\nab\ncd\nxy\nxy\n\n\n\nfoo.*\nf.txt\n/tmp\nls -l\nhid\n' });
    expect(r.stdout).toBe(
      'Pw: ******\nNew: **\nConfirm password: **\nNew: **\nConfirm password: **\n' +
        'Buf (default dflt): Buf (default *scratch*): Re (default d1): Re: File: Dir: Cmd: S: ###\n' +
        '("secret" "xy" "dflt" "*scratch*" "d1" "foo.*" "f.txt" "/tmp" "ls -l" "hid")\n',
    );
    expect(r.stderr).toBe('Password not repeated accurately; please start over\n');
  });

  // Expected output printed by GNU Emacs 28.2 for the same script and input.
  it('call-interactively reads the arguments its spec asks for from stdin, prompts formatted with earlier ones', async () => {
    const script = [
      '(defun my-s (s) (interactive "sName: ") s)',
      '(defun my-n (n) (interactive "nNumber: ") n)',
      '(defun my-multi (a b c) (interactive "p\\nsStr: \\nsAgain after %s: ") (list a b c))',
      '(defun my-x (x) (interactive "xExpr: ") x)',
      '(defun my-X (x) (interactive "XExpr: ") x)',
      '(defun my-S (x) (interactive "SSym: ") x)',
      '(defun my-b (b) (interactive "bBuffer: ") b)',
      '(defun t1 (a b) (interactive "nNum: \\nsAfter %s: ") (list a b))',
      '(prin1 (list (call-interactively \'my-s) (call-interactively \'my-n) (call-interactively \'my-multi) (call-interactively \'my-x)',
      '             (call-interactively \'my-X) (call-interactively \'my-S) (call-interactively \'my-b) (call-interactively \'t1)))',
      '(terpri)',
    ].join('\n');
    const r = await runScript(script, [], { stdin: 'Alice\n42\nBob\nCarol\n(+ 1 2)\n(* 6 7)\nfoo\nsome-buffer\n5\nx\n' });
    expect(r.stdout).toBe(
      'Name: Number: Str: Again after nil: Expr: Expr: Sym: Buffer (default *scratch*): Num: After 5: ' +
        '("Alice" 42 (1 "Bob" "Carol") (+ 1 2) 42 foo "some-buffer" (5 "x"))\n',
    );
  });

  it('runs kill-emacs-hook when the script ends', async () => {
    const r = await runScript(LEX + '(add-hook \'kill-emacs-hook (lambda () (princ "[hook]\\n")))\n(princ "body\\n")\n');
    expect(r).toMatchObject({ stdout: 'body\n[hook]\n', code: 0 });
  });

  it('reads standard input line by line with (read t), prompting on stdout', async () => {
    const r = await runScript(LEX + '(prin1 (read t))\n(prin1 (read t))\n', [], { stdin: '(1 2)\nb\n' });
    expect(r.stdout).toBe('Lisp expression: (1 2)Lisp expression: b');
  });
});

// The report's layout is GNU Emacs 28.2's for the same tests (times and dates aside; no backtraces here).
describe('ert in batch: elisp -l ert -l TESTS -f ert-run-tests-batch-and-exit', () => {
  const tests = [
    ';;; -*- lexical-binding: t -*-',
    "(ert-deftest zz-first () (let ((x 1)) (should (= x 1))))",
    '(ert-deftest aa-second () "Doc." (should (equal (list 1 2) (list 1 3))))',
    "(ert-deftest mm-error () (should-error (car 1) :type 'wrong-type-argument) (should-not nil))",
    '(ert-deftest bb-skip () (skip-unless nil) (should nil))',
    '(ert-deftest cc-expected-fail () :expected-result :failed (should (< 2 1)))',
    '(ert-deftest dd-signal () (error "Boom %d" 3))',
    '(ert-deftest ee-should-error-fails () (should-error (+ 1 2)))',
  ].join('\n');
  const time = '\\(\\d+\\.\\d{6} sec\\)';

  it('runs the tests in name order and reports each, the totals and the unexpected results on stderr, exiting with 1', async () => {
    const file = script('my-tests.el', tests);
    const r = await runElisp(['-l', 'ert', '-l', file, '-f', 'ert-run-tests-batch-and-exit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^Running 7 tests \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d{4}, selector ‘t’\)$/);
    expect(r.stderr).toContain('Test aa-second condition:\n    (ert-test-failed ((should (equal (list 1 2) (list 1 3))) :form (equal (1 2) (1 3)) :value nil))\n');
    expect(r.stderr).toContain('Test dd-signal condition:\n    (error "Boom 3")\n');
    const results = lines.filter((l) => /^ *(passed|PASSED|failed|FAILED|skipped) +\d\/7 /.test(l)).map((l) => l.replace(new RegExp(' ' + time + '$'), ''));
    expect(results).toEqual([
      '   FAILED  1/7  aa-second',
      '  skipped  2/7  bb-skip',
      '   failed  3/7  cc-expected-fail',
      '   FAILED  4/7  dd-signal',
      '   FAILED  5/7  ee-should-error-fails',
      '   passed  6/7  mm-error',
      '   passed  7/7  zz-first',
    ]);
    expect(r.stderr).toMatch(/\nRan 7 tests, 3 results as expected, 3 unexpected, 1 skipped \([^)]*, \d+\.\d{6} sec\)\n1 expected failures\n/);
    expect(r.stderr).toContain('\n3 unexpected results:\n   FAILED  aa-second\n   FAILED  dd-signal\n   FAILED  ee-should-error-fails\n\n1 skipped results:\n  SKIPPED  bb-skip\n');
  });

  it('exits with 0 when every result is as expected', async () => {
    const file = script('passing-tests.el', "(ert-deftest ok-1 () (should t))\n(ert-deftest ok-2 () :expected-result :failed (should nil))\n");
    const r = await runElisp(['-l', 'ert', '-l', file, '-f', 'ert-run-tests-batch-and-exit']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Ran 2 tests, 2 results as expected, 0 unexpected \(/);
  });
});

describe('kill-emacs', () => {
  it('exits at once with its integer argument, keeping the output so far', async () => {
    const r = await runScript(LEX + '(princ "first\\n")\n(princ "second")\n(kill-emacs 3)\n(princ "never")\n');
    expect(r).toMatchObject({ stdout: 'first\nsecond', code: 3 });
  });

  it('takes the exit status modulo 256: (kill-emacs -1) exits with 255', async () => {
    expect((await runElisp(['--eval', '(kill-emacs -1)'])).code).toBe(255);
    expect((await runElisp(['--eval', '(kill-emacs 256)'])).code).toBe(0);
  });

  it('exits with 0 for a string, nil or any other argument', async () => {
    for (const arg of ['"x"', 'nil', 't', "'foo"]) {
      const r = await runElisp(['--eval', `(progn (princ "a") (kill-emacs ${arg}))`]);
      expect(r).toMatchObject({ stdout: 'a', stderr: '', code: 0 });
    }
  });

  it('runs kill-emacs-hook before exiting', async () => {
    const r = await runElisp(['--eval', '(progn (add-hook (quote kill-emacs-hook) (lambda () (princ "bye"))) (kill-emacs 4))']);
    expect(r).toMatchObject({ stdout: 'bye', code: 4 });
  });
});

describe('an uncaught error', () => {
  it('prints only the message when backtrace-on-error-noninteractive is nil, after unwinding, and exits with 255', async () => {
    const r = await runScript(
      LEX + '(setq backtrace-on-error-noninteractive nil)\n(princ "partial")\n(unwind-protect (car 1) (princ " cleanup\\n"))\n',
    );
    expect(r).toEqual({ stdout: 'partial cleanup\n', stderr: 'Wrong type argument: listp, 1\n', code: 255, signal: null });
  });

  it('with the default backtrace, exits from the debugger without running unwind-protect cleanups', async () => {
    const r = await runScript(LEX + '(princ "partial")\n(unwind-protect (car 1) (princ " cleanup\\n"))\n');
    expect(r.stdout).toBe('partial');
    expect(r.code).toBe(255);
  });

  it('runs the cleanups of an error that a condition-case further out catches', async () => {
    const r = await runScript(LEX + '(condition-case nil (unwind-protect (car 1) (princ "cleanup")) (error (princ " caught")))\n');
    expect(r).toMatchObject({ stdout: 'cleanup caught', code: 0 });
  });

  it('prints "Debugger entered--Lisp error:" and one line per Lisp frame by default', async () => {
    const r = await runScript(LEX + '(defun my-head (x) (car x))\n(my-head \'oops)\n');
    expect(r.code).toBe(255);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('Debugger entered--Lisp error: (wrong-type-argument listp oops)');
    const frames = lines.filter((l) => /^ {2}\S/.test(l));
    expect(frames.slice(0, 2)).toEqual(['  car(oops)', '  my-head(oops)']);
    expect(r.stderr.endsWith('\n\n')).toBe(true);
  });

  it('starts the backtrace on a fresh line of stderr when stdout got output, as batch messages do', async () => {
    const r = await runScript(LEX + '(princ "out")\n(car 1)\n');
    expect(r.stdout).toBe('out');
    expect(r.stderr.startsWith('\nDebugger entered--Lisp error: (wrong-type-argument listp 1)\n')).toBe(true);
  });

  it('reports a throw without catch as no-catch', async () => {
    const r = await runElisp(['--eval', '(progn (setq backtrace-on-error-noninteractive nil) (throw (quote nobody) 1))']);
    expect(r).toMatchObject({ stderr: 'No catch for tag: nobody, 1\n', code: 255 });
  });

  it('runs kill-emacs-hook before exiting with 255', async () => {
    const r = await runElisp([
      '--eval',
      '(progn (setq backtrace-on-error-noninteractive nil) (add-hook (quote kill-emacs-hook) (lambda () (princ "bye"))) (car 1))',
    ]);
    expect(r).toMatchObject({ stdout: 'bye', code: 255 });
  });

  it('never shows a JavaScript stack', async () => {
    for (const src of ['(car 1)', '(funcall (quote no-such-function))', '(signal (quote quit) nil)', '(error "x %S" "s")']) {
      const r = await runElisp(['--eval', src]);
      expect(r.code).toBe(255);
      expect(r.stderr).not.toMatch(JS_STACK);
      expect(r.stderr).toMatch(/^Debugger entered--Lisp error: \(/);
    }
  });
});

describe('a file with an unbalanced paren', () => {
  it('runs the complete forms, then fails with (end-of-file "FILE") and exits with 255', async () => {
    const file = script('unbalanced.el', '(princ "before\\n")\n(defun broken (x)\n  (list x\n');
    const r = await runElisp(['unbalanced.el'], { cwd: path.dirname(file) });
    expect(r.stdout).toBe('before\n');
    expect(r.stderr.startsWith(`\nDebugger entered--Lisp error: (end-of-file ${JSON.stringify(file)})\n`)).toBe(true);
    expect(r.code).toBe(255);
  });

  it('prints only "End of file during parsing: FILE" without backtrace', async () => {
    const file = script('unbalanced2.el', '(setq backtrace-on-error-noninteractive nil)\n(list 1\n');
    const r = await runElisp(['unbalanced2.el'], { cwd: path.dirname(file) });
    expect(r).toMatchObject({ stdout: '', stderr: `End of file during parsing: ${file}\n`, code: 255 });
  });
});

describe('a missing file', () => {
  it('signals file-missing with the name as given', async () => {
    const r = await runElisp(['--eval', '(setq backtrace-on-error-noninteractive nil)', '-l', 'no-such-file.el']);
    expect(r).toMatchObject({ stderr: 'Cannot open load file: No such file or directory, no-such-file.el\n', code: 255 });
  });
});

describe('--eval and -l', () => {
  it('--eval prints nothing unless the form prints', async () => {
    expect(await runElisp(['--eval', '(+ 1 2)'])).toMatchObject({ stdout: '', stderr: '', code: 0 });
    expect(await runElisp(['--eval', 'nil'])).toMatchObject({ stdout: '', stderr: '', code: 0 });
  });

  it('--eval evaluates only the first form of its argument, with lexical binding', async () => {
    const r = await runElisp(['--eval', '(prin1 (funcall (let ((x 1)) (lambda () x)))) (prin1 2)']);
    expect(r).toMatchObject({ stdout: '1', code: 0 });
  });

  it('runs --eval and -l in command-line order', async () => {
    const lib = script('lib.el', LEX + '(princ "[lib]")\n(defun lib-fn () "from lib")\n');
    const r = await runElisp(['--eval', '(princ "[first]")', '-l', lib, '--eval', '(princ (lib-fn))']);
    expect(r).toMatchObject({ stdout: '[first][lib]from lib', code: 0 });
  });

  it('--eval of an empty string fails with (end-of-file)', async () => {
    const r = await runElisp(['--eval', '']);
    expect(r.code).toBe(255);
    expect(r.stderr.startsWith('Debugger entered--Lisp error: (end-of-file)\n')).toBe(true);
  });

  it('accepts -Q and --batch as emacs does, without effect', async () => {
    const r = await runElisp(['-Q', '--batch', '--eval', '(princ noninteractive)']);
    expect(r).toMatchObject({ stdout: 't', code: 0 });
  });
});

describe('--help and --version', () => {
  it('--help shows the usage and exits with 0', async () => {
    const r = await runElisp(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: elisp \[options\] \[FILE \[ARGS\.\.\.\]\]/);
  });

  it('--version prints the package version', async () => {
    const r = await runElisp(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('an unknown option is an error with status 255, without a JavaScript stack', async () => {
    const r = await runElisp(['--no-such-option']);
    expect(r.code).toBe(255);
    expect(r.stderr).toMatch(/unknown option/);
    expect(r.stderr).not.toMatch(JS_STACK);
  });
});

describe('the interpreter thread', () => {
  it('has the stack for 100,000 nested Lisp calls when max-lisp-eval-depth allows them', async () => {
    const r = await runElisp([
      '--eval',
      '(progn (setq max-lisp-eval-depth 200000) (defun depth (n) (if (= n 0) 0 (1+ (depth (1- n))))) (princ (depth 100000)))',
    ]);
    expect(r).toMatchObject({ stdout: '100000', code: 0 });
  });

  it('stops runaway recursion with a one-line Lisp error, not a JavaScript stack overflow', async () => {
    const r = await runElisp([
      '--eval',
      '(progn (setq backtrace-on-error-noninteractive nil) (defun down (n) (down (1+ n))) (down 0))',
    ]);
    expect(r.code).toBe(255);
    // Emacs 28 says "Variable binding depth exceeds max-specpdl-size" here.
    expect(r.stderr).toMatch(/^(Variable binding depth exceeds max-specpdl-size|Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019)\n$/);
  });
});

describe('signals in batch mode', () => {
  it('SIGINT ends the run with status 2 after running kill-emacs-hook, as Emacs does', async () => {
    const r = await runElisp(
      ['--eval', '(progn (add-hook (quote kill-emacs-hook) (lambda () (princ "bye"))) (princ "a") (while t))'],
      { started: (child) => child.stdout!.once('data', () => child.kill('SIGINT')) },
    );
    expect(r).toMatchObject({ stdout: 'abye', stderr: '', code: 2 });
  });

  it('SIGTERM ends the run with status 15', async () => {
    const r = await runElisp(['--eval', '(progn (princ "a") (while t))'], {
      started: (child) => child.stdout!.once('data', () => child.kill('SIGTERM')),
    });
    expect(r).toMatchObject({ stdout: 'a', code: 15 });
  });

  it('a closed stdout ends a script that prints forever', async () => {
    const r = await runElisp(['--eval', '(while t (princ "line\\n"))'], {
      started: (child) => child.stdout!.once('data', () => child.stdout!.destroy()),
    });
    expect(r.code).not.toBe(0);
  });
});

describe('load warns about unescaped character literals as Emacs 28 does', () => {
  beforeAll(ensureBuilt);
  // Goldens from GNU Emacs 28.2 (emacs -Q --batch -l FILE), stderr and stdout.
  it('names them once each, sorted, at the end of the load; read-from-string during the load counts', async () => {
    const file = script('unescaped-literals.el', '(princ (list ?( ?a ?\\; ?" ?; ?] ?[ ?)))\n(read-from-string "?(")\n');
    const r = await runElisp([path.basename(file)], { cwd: path.dirname(file) });
    expect(r.stdout).toBe('(40 97 59 34 59 93 91 41)');
    expect(r.stderr).toBe(
      `\nLoading \u2018${file}\u2019: unescaped character literals \`?"', \`?(', \`?)', \`?;', \`?[', \`?]' detected, \`?\\"', \`?\\(', \`?\\)', \`?\\;', \`?\\[', \`?\\]' expected!\n`,
    );
    expect(r.code).toBe(0);
  });
  it('warns before an uncaught error unless the batch debugger ends Emacs first; says nothing when literals are escaped', async () => {
    const failing = script('unescaped-then-error.el', '(setq x ?()\n(error "boom")\n');
    const quiet = await runElisp(['--eval', '(setq backtrace-on-error-noninteractive nil)', '-l', path.basename(failing)], { cwd: path.dirname(failing) });
    expect(quiet.stderr).toBe(`Loading \u2018${failing}\u2019: unescaped character literals \`?(' detected, \`?\\(' expected!\nboom\n`);
    // The debugger (backtrace-on-error-noninteractive t) exits without unwinding: no warning.
    const debugged = await runElisp([path.basename(failing)], { cwd: path.dirname(failing) });
    expect(debugged.stderr).toMatch(/^Debugger entered--Lisp error: \(error "boom"\)/);
    expect(debugged.stderr).not.toContain('character literals');
    const clean = script('escaped-literals.el', '(princ (list ?\\( ?\\;))\n');
    expect((await runElisp([path.basename(clean)], { cwd: path.dirname(clean) })).stderr).toBe('');
  });
});
