// Directory listings (dired.c, files.el's directory-files-recursively) on
// a fixture directory. Expected values were printed by GNU Emacs 28.2
// (-Q --batch) on the same tree.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lisp, lispError } from '../helpers.js';
import '../../src/primitives/fileio.js';
import '../../src/primitives/dired.js';

let dir = '';

beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-dired-')));
  for (const d of ['src/sub', '.git', 'lib']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  for (const f of ['a.el', 'a.elc', 'B.EL', 'readme.txt', 'src/x.el', 'src/sub/y.el', 'src/sub/z.txt', 'lib/w.el', '.git/config', 'foo.o', 'foobar.c']) {
    fs.writeFileSync(path.join(dir, f), '');
  }
  fs.symlinkSync('src', path.join(dir, 'srclink'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs form with D bound to the fixture directory (no trailing slash). */
function inFixture(form: string): string {
  return lisp(`(let ((d ${JSON.stringify(dir)})) ${form})`).split(dir).join('D');
}

function cases(table: [string, string][]): void {
  for (const [form, expected] of table) {
    it(`${form} => ${expected}`, () => {
      expect(inFixture(form)).toBe(expected);
    });
  }
}

describe('directory-files', () => {
  cases([
    ['(directory-files d)', '("." ".." ".git" "B.EL" "a.el" "a.elc" "foo.o" "foobar.c" "lib" "readme.txt" "src" "srclink")'],
    ['(directory-files d nil "\\\\.el\\\\\'")', '("a.el")'],
    ['(directory-files d nil "\\\\.EL\\\\\'")', '("B.EL")'],
    ['(let ((case-fold-search t)) (directory-files d nil "^[ab]"))', '("a.el" "a.elc")'],
    ['(directory-files d nil "\\\\`[^.]")', '("B.EL" "a.el" "a.elc" "foo.o" "foobar.c" "lib" "readme.txt" "src" "srclink")'],
    ['(directory-files d nil "^\\\\(a\\\\|B\\\\)\\\\.")', '("B.EL" "a.el" "a.elc")'],
    ['(directory-files d nil "o\\\\{2\\\\}")', '("foo.o" "foobar.c")'],
    ['(directory-files d nil "\\\\.[[:alpha:]]+$")', '(".git" "B.EL" "a.el" "a.elc" "foo.o" "foobar.c" "readme.txt")'],
    ['(directory-files d t "^src")', '("D/src" "D/srclink")'],
    ['(directory-files (concat d "/") t "^src")', '("D/src" "D/srclink")'],
    ['(directory-files (concat d "/lib/..") t "^src")', '("D/src" "D/srclink")'],
    ['(directory-files d nil nil nil 0)', 'nil'],
    ['(length (directory-files d nil nil nil 3))', '3'],
    ['(sort (directory-files d nil "^a" t) (quote string<))', '("a.el" "a.elc")'],
  ]);
  it('signals the errors Emacs gives for a bad directory or COUNT', () => {
    expect(inFixture('(condition-case e (directory-files (concat d "/nope")) (error e))')).toBe('(file-missing "Opening directory" "No such file or directory" "D/nope")');
    expect(inFixture('(condition-case e (directory-files (concat d "/foo.o")) (error e))')).toBe('(file-error "Opening directory" "Not a directory" "D/foo.o")');
    expect(lispError('(directory-files "/tmp" nil nil nil -1)')).toBe('(wrong-type-argument wholenump -1)');
    expect(lispError('(directory-files "/tmp" nil nil nil 1.5)')).toBe('(wrong-type-argument wholenump 1.5)');
    expect(lispError("(directory-files 'x)")).toBe('(wrong-type-argument stringp x)');
  });
});

describe('directory-files-and-attributes', () => {
  cases([
    ['(mapcar (quote car) (directory-files-and-attributes d nil "^a"))', '("a.el" "a.elc")'],
    ['(mapcar (lambda (x) (list (car x) (nth 1 x) (nth 8 (cdr x)))) (directory-files-and-attributes d t "link"))', '(("D/srclink" "src" "lrwxrwxrwx"))'],
  ]);
});

describe('directory-files-recursively', () => {
  cases([
    ['(directory-files-recursively d "\\\\.el\\\\\'")', '("D/lib/w.el" "D/src/sub/y.el" "D/src/x.el" "D/B.EL" "D/a.el")'],
    ['(directory-files-recursively d "\\\\.el\\\\\'" nil nil t)', '("D/lib/w.el" "D/src/sub/y.el" "D/src/x.el" "D/srclink/sub/y.el" "D/srclink/x.el" "D/B.EL" "D/a.el")'],
    ['(directory-files-recursively (concat d "/") "" t)',
      '("D/.git/config" "D/.git" "D/lib/w.el" "D/lib" "D/src/sub/y.el" "D/src/sub/z.txt" "D/src/sub" "D/src/x.el" "D/src" "D/srclink" "D/B.EL" "D/a.el" "D/a.elc" "D/foo.o" "D/foobar.c" "D/readme.txt")'],
    ['(directory-files-recursively d "^s" t (lambda (f) (not (string-suffix-p "sub" f))))', '("D/src/sub" "D/src" "D/srclink")'],
    ['(directory-files-recursively d "\\\\.EL$")', '("D/lib/w.el" "D/src/sub/y.el" "D/src/x.el" "D/B.EL" "D/a.el")'],
    ['(let ((case-fold-search nil)) (directory-files-recursively d "\\\\.EL$"))', '("D/B.EL")'],
    ['(condition-case e (directory-files-recursively (concat d "/nope") "") (error e))', '(file-missing "Opening directory" "No such file or directory" "D/nope")'],
  ]);
});

describe('file name completion', () => {
  cases([
    ['(file-name-completion "a" (concat d "/"))', '"a.el"'],
    ['(file-name-completion "a.el" (concat d "/"))', 't'],
    ['(file-name-completion "foo" (concat d "/"))', '"foobar.c"'],
    ['(file-name-completion "s" (concat d "/"))', '"src"'],
    ['(file-name-completion "." (concat d "/"))', '"."'],
    ['(file-name-completion ".g" (concat d "/"))', '".git/"'],
    ['(file-name-completion "r" d)', '"readme.txt"'],
    ['(file-name-completion "zz" d)', 'nil'],
    ['(file-name-completion "" (concat d "/lib/"))', '"w.el"'],
    ['(file-name-completion "" (concat d "/src/"))', '""'],
    ['(let ((completion-ignore-case t)) (file-name-completion "b" (concat d "/")))', '"B.EL"'],
    ['(file-name-completion "f" (concat d "/") (lambda (f) (string-suffix-p ".c" f)))', '"foobar.c"'],
    ['(sort (file-name-all-completions "a" (concat d "/")) (quote string<))', '("a.el" "a.elc")'],
    ['(sort (file-name-all-completions "s" (concat d "/")) (quote string<))', '("src/" "srclink/")'],
    ['(sort (file-name-all-completions "" (concat d "/src")) (quote string<))', '("../" "./" "sub/" "x.el")'],
    ['(file-name-all-completions "zz" d)', 'nil'],
    ['(condition-case e (file-name-all-completions "" (concat d "/nope/")) (error e))', '(file-missing "Opening directory" "No such file or directory" "D/nope/")'],
  ]);
});
