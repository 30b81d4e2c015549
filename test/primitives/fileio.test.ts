// File names, file predicates, attributes and file operations (fileio.c,
// files.el, env.el). Expected values were printed by GNU Emacs 28.2
// (-Q --batch) for the same forms, with HOME=/home/test and
// default-directory "/tmp/" where a form depends on them.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lisp, lispError } from '../helpers.js';
import '../../src/primitives/timefns.js';
import '../../src/primitives/fileio.js';

/** Evaluates form with HOME=/home/test and default-directory "/tmp/". */
function named(form: string): string {
  return lisp(`(let ((process-environment (cons "HOME=/home/test" process-environment)) (default-directory "/tmp/")) ${form})`);
}

function namedError(form: string): string {
  return lispError(`(let ((process-environment (cons "HOME=/home/test" process-environment)) (default-directory "/tmp/")) ${form})`);
}

function cases(table: [string, string][]): void {
  for (const [form, expected] of table) {
    it(`${form} => ${expected}`, () => {
      expect(expected.startsWith('ERR ') ? namedError(form) : named(form)).toBe(expected.replace(/^ERR /, ''));
    });
  }
}

describe('expand-file-name', () => {
  cases([
    ['(expand-file-name "foo" "/a/b")', '"/a/b/foo"'],
    ['(expand-file-name "foo" "/a/b/")', '"/a/b/foo"'],
    ['(expand-file-name "../x" "/a/b/")', '"/a/x"'],
    ['(expand-file-name "/a//b")', '"/a/b"'],
    ['(expand-file-name "//a/b")', '"//a/b"'],
    ['(expand-file-name "/a/./b/.")', '"/a/b"'],
    ['(expand-file-name "/a/b/..")', '"/a"'],
    ['(expand-file-name "/a/b/../")', '"/a/"'],
    ['(expand-file-name "/..")', '"/.."'],
    ['(expand-file-name "/../x")', '"/../x"'],
    ['(expand-file-name "/a/../..")', '"/.."'],
    ['(expand-file-name "/../..//x")', '"/x"'],
    ['(expand-file-name "//..")', '"/"'],
    ['(expand-file-name "//a/..")', '"/"'],
    ['(expand-file-name "/.")', '"/"'],
    ['(expand-file-name "/./")', '"/"'],
    ['(expand-file-name "/a/.")', '"/a"'],
    ['(expand-file-name "/a/./")', '"/a/"'],
    ['(expand-file-name "/a/..b")', '"/a/..b"'],
    ['(expand-file-name "/a/...")', '"/a/..."'],
    ['(expand-file-name "/a/b/../c/./d/../")', '"/a/c/"'],
    ['(expand-file-name "..")', '"/"'],
    ['(expand-file-name "../.." "/a/b/c")', '"/a"'],
    ['(expand-file-name ".." "/")', '"/.."'],
    ['(expand-file-name "" "/a/b/")', '"/a/b"'],
    ['(expand-file-name "" "/")', '"/"'],
    ['(expand-file-name "." "/a/b/")', '"/a/b"'],
    ['(expand-file-name "./" "/a/b/")', '"/a/b/"'],
    ['(expand-file-name "a/../" "/r/")', '"/r/"'],
    ['(expand-file-name "//")', '"//"'],
    ['(expand-file-name "////")', '"/"'],
    ['(expand-file-name "///x")', '"/x"'],
    ['(expand-file-name "x" "//h")', '"//h/x"'],
    ['(expand-file-name "x" "//")', '"//x"'],
    ['(expand-file-name "x" "/a/b//c")', '"/a/b/c/x"'],
    ['(expand-file-name "/a//~/b")', '"/a/~/b"'],
    ['(expand-file-name "x/~/y" "/r")', '"/r/x/~/y"'],
    ['(expand-file-name "~")', '"/home/test"'],
    ['(expand-file-name "~/")', '"/home/test/"'],
    ['(expand-file-name "~/x")', '"/home/test/x"'],
    ['(expand-file-name "~/..")', '"/home"'],
    ['(expand-file-name "~//x")', '"/home/test/x"'],
    ['(expand-file-name "~root/x" "/r/")', '"/root/x"'],
    ['(expand-file-name "~nosuchuser/x" "/r/")', '"/r/~nosuchuser/x"'],
    ['(expand-file-name "~nosuch" "~")', '"/home/test/~nosuch"'],
    ['(expand-file-name "x" "rel")', '"/tmp/rel/x"'],
    ['(expand-file-name "x" "~/d")', '"/home/test/d/x"'],
    ['(expand-file-name "foo" "~nosuch/d")', '"/tmp/~nosuch/d/foo"'],
    ['(expand-file-name "x" nil)', '"/tmp/x"'],
    ['(expand-file-name "foo" "")', '"/tmp/foo"'],
    ["(expand-file-name \"x\" 'foo)", '"/x"'],
    ['(expand-file-name "/:/a/../b")', '"/:/b"'],
    ['(expand-file-name "/:~")', '"/:~"'],
    ['(multibyte-string-p (expand-file-name "x" "/a"))', 'nil'],
    ["(expand-file-name 'x)", 'ERR (wrong-type-argument stringp x)'],
    ['(expand-file-name "a\\0b" "/")', 'ERR (wrong-type-argument filenamep "a\u0000b")'],
  ]);
  it('takes a relative HOME relative to the starting directory', () => {
    expect(lisp(`(let ((process-environment (cons "HOME=rel" process-environment))) (expand-file-name "~"))`)).toBe(
      JSON.stringify(path.join(process.cwd(), 'rel')),
    );
  });
});

describe('file name parts', () => {
  cases([
    ['(file-name-directory "/a/b/c")', '"/a/b/"'],
    ['(file-name-directory "c")', 'nil'],
    ['(file-name-directory "/a/b/")', '"/a/b/"'],
    ['(file-name-nondirectory "/a/b/c")', '"c"'],
    ['(file-name-nondirectory "/a/b/")', '""'],
    ['(file-name-as-directory "/a")', '"/a/"'],
    ['(file-name-as-directory "")', '"./"'],
    ['(file-name-as-directory "a//")', '"a//"'],
    ['(directory-file-name "/a/b/")', '"/a/b"'],
    ['(directory-file-name "/")', '"/"'],
    ['(directory-file-name "//")', '"//"'],
    ['(directory-file-name "///")', '"/"'],
    ['(directory-file-name "/a//")', '"/a"'],
    ['(directory-file-name "//a")', '"//a"'],
    ['(directory-file-name "")', '""'],
    ['(directory-name-p "a/")', 't'],
    ['(file-name-extension "foo.el")', '"el"'],
    ['(file-name-extension "foo.el" t)', '".el"'],
    ['(file-name-extension "foo" t)', '""'],
    ['(file-name-extension "foo")', 'nil'],
    ['(file-name-extension ".emacs")', 'nil'],
    ['(file-name-extension "foo.tar.gz")', '"gz"'],
    ['(file-name-extension "a.b/c")', 'nil'],
    ['(file-name-extension "foo.el~")', '"el"'],
    ['(file-name-extension "foo.")', '""'],
    ['(file-name-extension "foo." t)', '"."'],
    ['(file-name-extension "foo.el.~1~")', '"el"'],
    ['(file-name-sans-extension "foo.el")', '"foo"'],
    ['(file-name-sans-extension "/a.b/c")', '"/a.b/c"'],
    ['(file-name-sans-extension ".emacs")', '".emacs"'],
    ['(file-name-sans-extension "a/b.tar.gz")', '"a/b.tar"'],
    ['(file-name-sans-extension "foo.el.~1~")', '"foo"'],
    ['(file-name-sans-extension "foo.")', '"foo"'],
    ['(file-name-sans-versions "foo.el.~12~")', '"foo.el"'],
    ['(file-name-base "/a/b/foo.el")', '"foo"'],
    ['(file-name-base ".emacs")', '".emacs"'],
    ['(file-name-absolute-p "/a")', 't'],
    ['(file-name-absolute-p "~")', 't'],
    ['(file-name-absolute-p "~/a")', 't'],
    ['(file-name-absolute-p "~root")', 't'],
    ['(file-name-absolute-p "~nosuch/a")', 'nil'],
    ['(file-name-absolute-p "a")', 'nil'],
    ['(file-name-absolute-p "")', 'nil'],
    ['(file-name-concat "a" "b" "c")', '"a/b/c"'],
    ['(file-name-concat "a/" "b")', '"a/b"'],
    ['(file-name-concat "a" nil "" "b/")', '"a/b/"'],
    ['(file-name-concat "a//" "b")', '"a//b"'],
    ['(file-name-concat "/" "b")', '"/b"'],
    ['(file-name-concat "a" "/b")', '"a//b"'],
    ['(file-name-concat "")', '""'],
    ['(file-relative-name "/a/b/c" "/a/")', '"b/c"'],
    ['(file-relative-name "/a/b/c" "/a/d/")', '"../b/c"'],
    ['(file-relative-name "/a/b/" "/a/b/")', '"./"'],
    ['(file-relative-name "/a/b" "/a/b/")', '"."'],
    ['(file-relative-name "/a/b/c/" "/a/")', '"b/c/"'],
    ['(file-relative-name "/x" "/a/b/c/")', '"../../../x"'],
    ['(file-relative-name "c" "/a/")', '"../tmp/c"'],
    ['(file-name-quote "/a")', '"/:/a"'],
    ['(file-name-quote "/:/a")', '"/:/a"'],
    ['(file-name-unquote "/:/a")', '"/a"'],
    ['(file-name-unquote "/:")', '"/"'],
    ['(file-name-quoted-p "/:a")', 't'],
    ['(file-name-quoted-p "a")', 'nil'],
    ['(file-local-name "/a")', '"/a"'],
    ['(file-remote-p "/a")', 'nil'],
  ]);
  for (const fn of ['file-name-directory', 'file-name-nondirectory', 'directory-file-name', 'file-name-as-directory', 'file-name-extension', 'file-name-absolute-p', 'file-relative-name', 'file-name-sans-extension', 'file-exists-p']) {
    it(`${fn} signals wrong-type-argument stringp for a symbol`, () => {
      expect(lispError(`(${fn} 'x)`)).toBe('(wrong-type-argument stringp x)');
    });
  }
  it('file-name-concat checks every argument', () => {
    expect(lispError(`(file-name-concat "x" 'y)`)).toBe('(wrong-type-argument stringp y)');
  });
  it('abbreviate-file-name replaces the home directory with ~', () => {
    expect(lisp('(list (abbreviate-file-name (expand-file-name "~/x")) (abbreviate-file-name (expand-file-name "~")) (abbreviate-file-name "/nothome/x"))')).toBe('("~/x" "~" "/nothome/x")');
  });
});

describe('substitute-in-file-name', () => {
  function subst(form: string): string {
    return named(`(let ((process-environment (append '("FOO=/b//c" "BAR=bar" "TL=~/q") process-environment))) ${form})`);
  }
  const table: [string, string][] = [
    ['"$HOME/x"', '"/home/test/x"'],
    ['"${HOME}/x"', '"/home/test/x"'],
    ['"a$$b"', '"a$b"'],
    ['"/a//b"', '"/b"'],
    ['"/a//b//c"', '"/c"'],
    ['"/a/~/b"', '"~/b"'],
    ['"/a/~nosuch/b"', '"/a/~nosuch/b"'],
    ['"/a/~root/b"', '"~root/b"'],
    ['"x/$FOO"', '"/c"'],
    ['"/x/$TL"', '"~/q"'],
    ['"$BAR.x"', '"bar.x"'],
    ['"$BAR_x"', '"$BAR_x"'],
    ['"${BAR}_x"', '"bar_x"'],
    ['"${BAR"', '"${BAR"'],
    ['"${}"', '"${}"'],
    ['"$"', '"$"'],
    ['"$$BAR"', '"$BAR"'],
    ['"$-x"', '"$-x"'],
    ['"$NOSUCHVAR/x"', '"$NOSUCHVAR/x"'],
    ['"a//"', '"/"'],
    ['"/:/a//b"', '"/:/a//b"'],
    ['"/:$BAR"', '"/:$BAR"'],
    ['"a/:/b//c"', '"/c"'],
    ['"/a/b/~"', '"~"'],
    ['"$Bar"', '"$Bar"'],
  ];
  for (const [arg, expected] of table) {
    it(`(substitute-in-file-name ${arg}) => ${expected}`, () => {
      expect(subst(`(substitute-in-file-name ${arg})`)).toBe(expected);
    });
  }
});

describe('getenv and setenv', () => {
  it('getenv reads process-environment; a bare name means unset and the first entry wins', () => {
    expect(lisp(`(let ((process-environment '("X=1" "X=2" "Y"))) (list (getenv "X") (getenv "Y") (getenv "Z") (getenv "")))`)).toBe('("1" nil nil nil)');
  });
  it('setenv replaces an entry in place, pushes a new one, and marks a removed one with its bare name', () => {
    expect(lisp(`(let ((process-environment (list "A=1" "B=2"))) (setenv "B" "3") (setenv "C" "4") (setenv "A") (list (getenv "A") (getenv "B") process-environment))`)).toBe(
      '(nil "3" ("C=4" "A" "B=3"))',
    );
  });
  it('setenv substitutes variables when asked and returns the value', () => {
    expect(lisp(`(let ((process-environment (list "HOME=/xx/yy"))) (list (setenv "FOO" "$HOME/a" t) (setenv "FOO" "$HOME/a")))`)).toBe('("/xx/yy/a" "$HOME/a")');
  });
  it('expand-file-name follows HOME as setenv changes it', () => {
    expect(lisp(`(let ((process-environment (copy-sequence process-environment))) (setenv "HOME" "/xx/yy") (expand-file-name "~"))`)).toBe('"/xx/yy"');
  });
  cases([
    ['(multibyte-string-p (getenv "HOME"))', 't'],
    ["(getenv 'HOME)", 'ERR (wrong-type-argument stringp HOME)'],
    ["(getenv \"HOME\" 'frame)", 'ERR (wrong-type-argument framep frame)'],
    ['(setenv "FOO" 1)', 'ERR (wrong-type-argument sequencep 1)'],
    ["(setenv 'FOO \"x\")", 'ERR (wrong-type-argument stringp FOO)'],
    ['(setenv "A=B" "x")', 'ERR (error "Environment variable name \u2018A=B\u2019 contains \u2018=\u2019")'],
  ]);
});

describe('files on disk', () => {
  let dir = '';
  const q = (s: string) => JSON.stringify(s);
  const at = (name: string) => q(path.join(dir, name));

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-fileio-')));
    fs.mkdirSync(path.join(dir, 'd', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'f'), 'hi\n');
    fs.writeFileSync(path.join(dir, 'd', 'sub', 'x'), '');
    fs.symlinkSync('f', path.join(dir, 'lnk'));
    fs.symlinkSync('nowhere', path.join(dir, 'dangling'));
    fs.symlinkSync('d', path.join(dir, 'dl'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the predicates as Emacs does, following symbolic links', () => {
    expect(lisp(`(list (file-exists-p ${at('f')}) (file-exists-p ${at('dangling')}) (file-exists-p ${at('f/')}) (file-readable-p ${at('f')})
      (file-directory-p ${at('d/')}) (file-directory-p ${at('f/')}) (file-directory-p ${at('dl')}) (file-regular-p ${at('lnk')})
      (file-executable-p ${at('d')}) (file-executable-p ${at('f')}) (file-accessible-directory-p ${at('d')})
      (file-writable-p ${at('nope')}) (file-writable-p ${at('nodir/x')}) (file-writable-p ${at('f/x')}))`)).toBe('(t nil nil t t nil t t t nil t t nil nil)');
  });
  it('file-symlink-p returns the link target as written', () => {
    expect(lisp(`(list (file-symlink-p ${at('lnk')}) (file-symlink-p ${at('dangling')}) (file-symlink-p ${at('f')}))`)).toBe('("f" "nowhere" nil)');
  });
  it('file-truename resolves links, keeps a dangling target and a trailing slash', () => {
    expect(lisp(`(list (file-truename ${at('lnk')}) (file-truename ${at('dangling')}) (file-truename ${at('nope/../f')}) (file-truename ${at('dl/')}) (file-truename ${at('dl/sub')}))`)).toBe(
      `(${at('f')} ${at('nowhere')} ${at('f')} ${at('d/')} ${at('d/sub')})`,
    );
  });
  it('file-attributes has the Emacs 28 shape with (HIGH LOW USEC PSEC) times', () => {
    const st = fs.lstatSync(path.join(dir, 'f'), { bigint: true });
    const out = lisp(`(let ((a (file-attributes ${at('f')}))) (list (length a) (nth 0 a) (nth 1 a) (nth 2 a) (nth 7 a) (nth 8 a) (nth 9 a) (nth 10 a) (nth 11 a)
      (equal (nth 5 a) (file-attribute-modification-time a)) (length (nth 5 a)) (float-time (nth 5 a))))`);
    const mtime = Number(st.mtimeNs) / 1e9;
    expect(out.replace(/ [\d.e+]+\)$/, ')')).toBe(`(12 nil 1 ${st.uid} 3 "-rw-r--r--" t ${st.ino} ${st.dev} t 4)`);
    expect(Math.abs(Number(/ ([\d.e+]+)\)$/.exec(out)![1]) - mtime)).toBeLessThan(1e-5);
  });
  it('file-attributes reports symbolic links and directories without following them', () => {
    expect(lisp(`(list (file-attribute-type (file-attributes ${at('lnk')})) (file-attribute-modes (file-attributes ${at('lnk')}))
      (file-attribute-type (file-attributes ${at('d')})) (aref (file-attribute-modes (file-attributes ${at('d')})) 0)
      (file-attributes ${at('nope')}) (file-attributes ${at('f/')}) (file-attribute-type (file-attributes ${at('dl/')})))`)).toBe('("f" "lrwxrwxrwx" t 100 nil nil t)');
  });
  it('file-attributes with ID-FORMAT string names the owner', () => {
    expect(lisp(`(stringp (file-attribute-user-id (file-attributes ${at('f')} 'string)))`)).toBe('t');
  });
  it('file-modes and set-file-modes work on the permission bits', () => {
    expect(lisp(`(list (set-file-modes ${at('f')} 384) (file-modes ${at('f')}) (file-modes ${at('nope')}) (file-modes ${at('dangling')}) (file-modes ${at('dangling')} 'nofollow))`)).toBe(
      '(nil 384 nil nil 511)',
    );
    expect(lispError(`(set-file-modes ${at('f')} "u+x")`)).toBe('(wrong-type-argument fixnump "u+x")');
    expect(lispError(`(set-file-modes ${at('nope')} 420)`)).toBe(`(file-missing "Doing chmod" "No such file or directory" ${at('nope')})`);
  });
  it('file-newer-than-file-p treats a missing file as infinitely old', () => {
    fs.utimesSync(path.join(dir, 'f'), 1000, 1000);
    fs.writeFileSync(path.join(dir, 'g'), '');
    expect(lisp(`(list (file-newer-than-file-p ${at('g')} ${at('f')}) (file-newer-than-file-p ${at('f')} ${at('g')}) (file-newer-than-file-p ${at('f')} ${at('nope')}) (file-newer-than-file-p ${at('nope')} ${at('f')}) (file-newer-than-file-p ${at('f')} ${at('f')}))`)).toBe(
      '(t nil t nil nil)',
    );
  });

  it('make-directory signals file-already-exists and file-missing, and PARENTS creates the chain', () => {
    expect(lispError(`(make-directory ${at('d')})`)).toBe(`(file-already-exists "File exists" ${at('d')})`);
    expect(lispError(`(make-directory ${at('a/b')})`)).toBe(`(file-missing "Creating directory" "No such file or directory" ${at('a/b')})`);
    expect(lisp(`(list (make-directory ${at('d')} t) (make-directory ${at('p/q/r')} t) (make-directory ${at('p/q/r')} t) (file-directory-p ${at('p/q/r')}) (make-directory ${at('p3/')}) (file-directory-p ${at('p3')}))`)).toBe(
      '(nil nil nil t nil t)',
    );
    expect(lispError(`(make-directory ${at('f')} t)`)).toBe(`(file-already-exists "File exists" ${at('f')})`);
    expect(lispError(`(make-directory ${at('f/x')} t)`)).toBe(`(file-error "Creating directory" "Not a directory" ${at('f/x')})`);
  });
  it('delete-directory reports each failure and RECURSIVE removes contents', () => {
    expect(lispError(`(delete-directory ${at('nope')})`)).toBe(`(file-missing "Removing directory" "No such file or directory" ${at('nope')})`);
    expect(lispError(`(delete-directory ${at('d')})`)).toBe(`(file-error "Removing directory" "Directory not empty" ${at('d')})`);
    expect(lispError(`(delete-directory ${at('f')})`)).toBe(`(file-error "Removing directory" "Not a directory" ${at('f')})`);
    expect(lispError(`(delete-directory ${at('dl')} t)`)).toBe(`(file-error "Removing directory" "Not a directory" ${at('dl')})`);
    expect(lisp(`(list (delete-directory ${at('nope')} t) (delete-directory ${at('d/')} t) (file-exists-p ${at('d')}))`)).toBe('(nil nil nil)');
  });
  it('delete-file ignores a missing file, removes a link not its target, and refuses a directory', () => {
    expect(lisp(`(list (delete-file ${at('nope')}) (delete-file ${at('nodir/x')}) (delete-file ${at('dl')}) (file-exists-p ${at('d')}) (file-symlink-p ${at('dl')}) (delete-file ${at('dangling')}) (file-symlink-p ${at('dangling')}))`)).toBe(
      '(nil nil nil t nil nil nil)',
    );
    expect(lispError(`(delete-file ${at('d')})`)).toBe(`(file-error "Removing old name: is a directory" ${at('d')})`);
  });
  it('rename-file refuses to overwrite unless told, and moves into a directory name', () => {
    expect(lispError(`(rename-file ${at('nope')} ${at('nope2')})`)).toBe(`(file-missing "Renaming" "No such file or directory" ${at('nope')} ${at('nope2')})`);
    expect(lispError(`(rename-file ${at('f')} ${at('lnk')})`)).toBe(`(file-already-exists "File already exists" ${at('lnk')})`);
    expect(lispError(`(rename-file ${at('f')} ${at('d')})`)).toBe(`(file-already-exists "File already exists" ${at('d')})`);
    expect(lispError(`(rename-file ${at('d')} ${at('d/sub/z')})`)).toBe(`(file-error "Renaming" "Invalid argument" ${at('d')} ${at('d/sub/z')})`);
    expect(lisp(`(list (rename-file ${at('f')} ${at('d/')}) (file-exists-p ${at('d/f')}) (rename-file ${at('d/f')} ${at('lnk')} t) (file-symlink-p ${at('lnk')}) (file-exists-p ${at('d/f')}))`)).toBe(
      '(nil t nil nil nil)',
    );
  });
  it('copy-file copies contents, checks the target and the source', () => {
    expect(lisp(`(list (copy-file ${at('f')} ${at('g')}) (copy-file ${at('f')} ${at('g')} t) (copy-file ${at('f')} ${at('d/')}) (file-exists-p ${at('d/f')}))`)).toBe(
      '(nil nil nil t)',
    );
    expect(fs.readFileSync(path.join(dir, 'g'), 'utf8')).toBe('hi\n');
    expect(lispError(`(copy-file ${at('f')} ${at('g')})`)).toBe(`(file-already-exists "File already exists" ${at('g')})`);
    expect(lispError(`(copy-file ${at('nope')} ${at('x')})`)).toBe(`(file-missing "Opening input file" "No such file or directory" ${at('nope')})`);
    expect(lispError(`(copy-file ${at('d')} ${at('d2')})`)).toBe(`(file-error "Non-regular file" "Is a directory" ${at('d')})`);
    expect(lispError(`(copy-file ${at('f')} ${at('nodir/x')})`)).toBe(`(file-missing "Opening output file" "No such file or directory" ${at('nodir/x')})`);
    expect(lispError(`(copy-file ${at('f')} ${at('d/sub')} t)`)).toBe(`(file-error "Opening output file" "Is a directory" ${at('d/sub')})`);
  });
  it('copy-file with KEEP-TIME keeps the modification time', () => {
    fs.utimesSync(path.join(dir, 'f'), 1000, 1000);
    expect(lisp(`(progn (copy-file ${at('f')} ${at('g')} nil t) (time-equal-p (file-attribute-modification-time (file-attributes ${at('g')})) 1000))`)).toBe('t');
  });
  it('make-temp-file creates a file (with TEXT) or directory under temporary-file-directory', () => {
    const out = lisp(`(let* ((temporary-file-directory ${q(dir + '/')}) (f (make-temp-file "foo" nil ".txt" "hello")) (d (make-temp-file "bar" t)))
      (list f (file-name-directory f) (file-directory-p d) (file-modes f) (file-name-nondirectory d)))`);
    const [, file, rest] = /^\("([^"]*)" (.*)$/.exec(out)!;
    expect(file).toMatch(/\/foo[A-Za-z0-9]{6}\.txt$/);
    expect(fs.readFileSync(file, 'utf8')).toBe('hello');
    expect(rest.replace(/"bar[A-Za-z0-9]{6}"\)$/, 'BAR)')).toBe(`${q(dir + '/')} t 384 BAR)`);
    expect(lispError(`(make-temp-file ${at('nodir/foo')})`)).toBe(`(file-missing "Creating file with prefix" "No such file or directory" ${at('nodir/foo')})`);
    expect(lispError(`(make-temp-file 'x)`)).toBe('(wrong-type-argument sequencep x)');
  });
  it('make-temp-name appends six random characters without creating a file', () => {
    expect(lisp(`(let ((n (make-temp-name ${at('abc')}))) (list (length n) (file-exists-p n)))`)).toBe(`(${path.join(dir, 'abc').length + 6} nil)`);
    expect(lispError(`(make-temp-name 'x)`)).toBe('(wrong-type-argument stringp x)');
  });
});

describe('variables', () => {
  it('temporary-file-directory and default-directory are directory names', () => {
    expect(lisp('(list (directory-name-p temporary-file-directory) (directory-name-p default-directory) (file-name-absolute-p default-directory))')).toBe('(t t t)');
  });
  it('locate-user-emacs-file returns a name under user-emacs-directory', () => {
    expect(lisp(`(let ((user-emacs-directory "~/.emacs.d/")) (locate-user-emacs-file "foo"))`)).toBe('"~/.emacs.d/foo"');
  });
});
