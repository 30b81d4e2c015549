// insert-file-contents and write-region on real files. Expected values
// follow GNU Emacs 28.2 (-Q --batch) on the same files.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lisp } from '../helpers.js';
import '../../src/primitives/buffer.js';
import '../../src/primitives/editfns.js';
import '../../src/primitives/buffer-files.js';

let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-buffer-files-'));
  fs.writeFileSync(path.join(dir, 'u.txt'), 'h\u00e9llo\nworld\n');
  fs.writeFileSync(path.join(dir, 'dos.txt'), 'a\r\nb\r\n');
  fs.writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x78, 0xff, 0x79, 0x0a]));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs form with default-directory bound to the test directory. */
function inDir(form: string): string {
  return lisp(`(let ((default-directory ${JSON.stringify(dir + '/')})) ${form})`);
}

describe('insert-file-contents', () => {
  it('inserts after point and returns the absolute name and the character count', () => {
    expect(inDir('(with-temp-buffer (insert "ab") (list (insert-file-contents "u.txt") (point) (buffer-string) (buffer-modified-p)))')).toBe(
      `((${JSON.stringify(dir + '/u.txt')} 12) 3 "abh\u00e9llo\nworld\n" t)`,
    );
  });
  it('converts DOS line ends', () => {
    expect(inDir('(with-temp-buffer (insert-file-contents "dos.txt") (buffer-string))')).toBe('"a\nb\n"');
  });
  it('reads bytes that are not UTF-8 as Latin-1', () => {
    expect(inDir('(with-temp-buffer (insert-file-contents "bad.txt") (list (buffer-size) (char-after 2)))')).toBe('(4 255)');
  });
  it('reads a byte range with BEG and END', () => {
    expect(inDir('(with-temp-buffer (list (cadr (insert-file-contents "u.txt" nil 1 4)) (buffer-string)))')).toBe('(2 "\u00e9l")');
  });
  it('signals file-missing with the absolute name', () => {
    expect(inDir('(with-temp-buffer (condition-case e (insert-file-contents "nonexistent") (error e)))')).toBe(
      `(file-missing "Opening input file" "No such file or directory" ${JSON.stringify(dir + '/nonexistent')})`,
    );
  });
  it('signals file-error for a directory', () => {
    expect(inDir(`(with-temp-buffer (condition-case e (insert-file-contents ${JSON.stringify(dir)}) (error e)))`)).toBe(
      `(file-error "Read error" "Is a directory" ${JSON.stringify(dir)})`,
    );
  });
  it('refuses to visit in a non-empty buffer', () => {
    expect(inDir('(with-temp-buffer (insert "zzz") (condition-case e (insert-file-contents "u.txt" t) (error e)))')).toBe(
      '(error "Cannot do file visiting in a non-empty buffer")',
    );
  });
  it('visiting sets buffer-file-name and clears the modified flag', () => {
    expect(inDir('(with-temp-buffer (insert-file-contents "u.txt" t) (list buffer-file-name (buffer-modified-p)))')).toBe(
      `(${JSON.stringify(dir + '/u.txt')} nil)`,
    );
  });
});

describe('write-region', () => {
  it('writes a region, appends a string, and reads back', () => {
    expect(inDir('(with-temp-buffer (insert "one\ntwo") (list (write-region 1 4 "out.txt") (write-region "str" nil "out.txt" t) (with-temp-buffer (insert-file-contents "out.txt") (buffer-string))))')).toBe(
      '(nil nil "onestr")',
    );
  });
  it('writes the whole buffer when START is nil, ignoring narrowing', () => {
    expect(inDir('(with-temp-buffer (insert "abc") (narrow-to-region 2 3) (write-region nil nil "whole.txt") (with-temp-buffer (insert-file-contents "whole.txt") (buffer-string)))')).toBe('"abc"');
  });
  it('refuses an existing file with MUSTBENEW excl', () => {
    expect(inDir('(progn (write-region "x" nil "excl.txt") (condition-case e (write-region "y" nil "excl.txt" nil nil nil \'excl) (error e)))')).toBe(
      `(file-already-exists "File exists" ${JSON.stringify(dir + '/excl.txt')})`,
    );
  });
  it('signals file-missing for a missing directory', () => {
    expect(inDir('(condition-case e (write-region "x" nil "no/such/dir.txt") (error e))')).toBe(
      `(file-missing "Opening output file" "No such file or directory" ${JSON.stringify(dir + '/no/such/dir.txt')})`,
    );
  });
  it('encodes multibyte text as UTF-8', () => {
    inDir('(write-region "h\u00e9\\U0001F600" nil "utf8.txt")');
    expect(fs.readFileSync(path.join(dir, 'utf8.txt'))).toEqual(Buffer.from('h\u00e9\u{1F600}', 'utf8'));
  });
});
