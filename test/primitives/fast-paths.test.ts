// The fast paths added for speed (format templates, ASCII case conversion,
// member of strings, mapconcat of unibyte strings, the regexp matcher's
// guard tables and run loops, literal search programs, the gap buffer's
// short moves) next to the general code they stand in for. Every expected
// value was produced by GNU Emacs 28.2 (-Q --batch) evaluating the same
// form, printed with prin1 and print-escape-newlines.
import { describe, it, expect } from 'vitest';
import { evaluate, printLikeTheTable } from './emacs-table.js';

printLikeTheTable();

describe('fast paths agree with Emacs', () => {
  it.each<[string, string]>([
    ["(let (r) (dotimes (i 3) (push (format \"%s-%d:%05d/%x<%c>\" \"item\" i (* i 7) (+ i 255) (+ ?a i)) r)) r)", "(\"item-2:00014/101<c>\" \"item-1:00007/100<b>\" \"item-0:00000/ff<a>\")"],
    ["(list (format \"%d|%5d|%-5d|%05d|%+d|% d\" 7 7 7 -7 7 7) (format \"%d\" most-positive-fixnum) (format \"%d\" (1+ most-positive-fixnum)) (format \"%x %X %o %#x %#o\" -255 255 8 0 8))", "(\"7|    7|7    |-0007|+7| 7\" \"2305843009213693951\" \"2305843009213693952\" \"-ff FF 10 0 010\")"],
    ["(list (format \"%.3d|%.0d|%3.1d\" 5 0 7) (format \"%d\" 2.9) (format \"%d\" -2.9) (format \"%s\" 'sym) (format \"%S\" \"q\\\"\") (format \"%5s|%-5s|%.2s\" \"ab\" \"ab\" \"abcd\"))", "(\"005||  7\" \"2\" \"-2\" \"sym\" \"\\\"q\\\\\\\"\\\"\" \"   ab|ab   |ab\")"],
    ["(list (format \"%%%d%%\" 1) (format \"%5%\") (format \"none\") (format \"%s\" \"\\351\") (multibyte-string-p (format \"%s%s\" \"é\" \"\\351\")) (format \"%s%s\" \"é\" \"\\351\"))", "(\"%1%\" \"%\" \"none\" \"\\351\" t \"é\\351\")"],
    ["(list (format \"%1$s %1$s %s\" \"a\" \"b\") (format \"%2$s %s\" \"a\" \"b\" \"c\"))", "(\"a a b\" \"b c\")"],
    ["(list (condition-case e (format \"%d\" \"x\") (error e)) (condition-case e (format \"%d %q\" \"x\") (error e)) (condition-case e (format \"%q %d\" 1) (error e)) (condition-case e (format \"%d %d\" 1) (error e)) (condition-case e (format \"%\") (error e)))", "((error \"Format specifier doesn’t match argument type\") (error \"Format specifier doesn’t match argument type\") (error \"Invalid format operation %q\") (error \"Not enough arguments for format string\") (error \"Format string ends in middle of format specifier\"))"],
    ["(list (upcase \"hello, World 42\") (downcase \"HELLO, wOrld\") (multibyte-string-p (upcase \"abc\")) (multibyte-string-p (upcase (string-to-multibyte \"abc\"))) (upcase \"ésa\") (downcase \"ÉSA\") (upcase \"ß\") (upcase \"\\351a\"))", "(\"HELLO, WORLD 42\" \"hello, world\" nil t \"ÉSA\" \"ésa\" \"SS\" \"\\351A\")"],
    ["(list (member \"if\" '(\"a\" \"if\" \"b\")) (member \"x\" '(\"a\" \"b\")) (member \"\\200\" (list (string-to-multibyte \"\\200\"))) (member (string-to-multibyte \"if\") '(\"if\")) (member 'a '(b a)))", "((\"if\" \"b\") nil nil (\"if\") (a))"],
    ["(list (mapconcat #'identity '(\"a\" \"b\" \"c\") \",\") (mapconcat #'identity '(\"a\" \"é\") \"-\") (multibyte-string-p (mapconcat #'identity '(\"a\" \"b\") \"-\")) (mapconcat #'identity '(\"a\" \"\\351\") \"é\") (mapconcat #'identity '(\"x\") 5) (mapconcat #'identity nil 7))", "(\"a,b,c\" \"a-é\" nil \"aé\\351\" \"x\" \"\")"],
    ["(let ((re \"\\\\([0-9]+\\\\(?:\\\\.[0-9]+\\\\)?\\\\)\\\\|\\\\([A-Za-z_][A-Za-z0-9_]*\\\\)\\\\|\\\\(\\\"\\\\(?:[^\\\"\\\\\\\\]\\\\|\\\\\\\\.\\\\)*\\\"\\\\)\\\\|\\\\(//[^\\n]*\\\\)\\\\|\\\\(==\\\\|!=\\\\|<=\\\\|>=\\\\|&&\\\\|||\\\\|[-+*/%=<>!(){};,.]\\\\)\\\\|\\\\([ \\t\\n]+\\\\)\") (src \"let x1 = 2.5 >= \\\"a\\\\\\\"b\\\" // c\\n{é}\") (pos 0) (out nil)) (while (and (< pos (length src)) (eq (string-match re src pos) pos)) (push (list (match-end 0) (match-beginning 1) (match-beginning 2) (match-beginning 3) (match-beginning 4) (match-beginning 5) (match-beginning 6)) out) (setq pos (match-end 0))) (list pos (nreverse out)))", "(29 ((3 nil 0 nil nil nil nil) (4 nil nil nil nil nil 3) (6 nil 4 nil nil nil nil) (7 nil nil nil nil nil 6) (8 nil nil nil nil 7 nil) (9 nil nil nil nil nil 8) (12 9 nil nil nil nil nil) (13 nil nil nil nil nil 12) (15 nil nil nil nil 13 nil) (16 nil nil nil nil nil 15) (22 nil nil 16 nil nil nil) (23 nil nil nil nil nil 22) (27 nil nil nil 23 nil nil) (28 nil nil nil nil nil 27) (29 nil nil nil nil 28 nil)))"],
    ["(list (string-match \"a\\\\|b\\\\|c\\\\|d\" \"xxd\") (string-match \"a\\\\|b\\\\|c\\\\|é\\\\|\\\\(x\\\\)\" \"é\") (string-match \"ab\\\\|ac\\\\|ad\\\\|$\" \"zz\") (string-match \"q\\\\|r\\\\|s\" \"\") (let ((case-fold-search t)) (string-match \"A\\\\|B\\\\|C\" \"xc\")) (let ((case-fold-search nil)) (string-match \"A\\\\|B\\\\|C\" \"xc\")) (string-match \"[a-c]+d\\\\|[a-c]+e\\\\|\\\\(.\\\\)\" \"abce\"))", "(2 0 2 nil 1 nil 0)"],
    ["(list (string-match \"[^a-z]+\" \"abcDEF\") (string-match \"x+y\\\\|x+z\" \"xxxz\") (match-end 0) (string-match \".*q\\\\|.*\" \"abc\\ndef\") (match-end 0) (string-match \"[[:alpha:]]+\\\\|[0-9]+\" \"12ab\") (match-end 0))", "(nil 0 4 0 3 0 2)"],
    ["(with-temp-buffer (insert (make-string 100 ?a) \"XYZ\" (make-string 50 ?b) \"user12 took 5ms\\n\") (goto-char 1) (list (re-search-forward \"[xy]+z\" nil t) (re-search-forward \"user\\\\([0-9]+\\\\)\" nil t) (replace-match \"\\\\1@user\") (buffer-substring (- (point) 10) (+ (point) 5)) (progn (goto-char 1) (search-forward \"b\" nil t 3)) (progn (goto-char 50) (delete-region 50 60) (insert \"0123456789012345678901234567890123456789\") (buffer-substring 45 95)) (buffer-size)))", "(104 160 nil \"bbb12@user took\" 107 \"aaaaa0123456789012345678901234567890123456789aaaaa\" 200)"],
  ])('%s', (form, expected) => {
    // Twice: the second run takes the cached template / remembered program.
    expect(evaluate(form)).toBe(expected);
    expect(evaluate(form)).toBe(expected);
  });
});
