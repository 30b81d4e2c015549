// format, format-message and error-message-string against values recorded from Emacs 28.2:
// each row is a form and the prin1 text of its value in Emacs.
import { describe, it, expect } from 'vitest';
import { lisp } from '../helpers.js';

/** Evaluates the form and prints its value, errors as (ERROR (SYMBOL . DATA)) as the table records them. */
function run(src: string): string {
  return lisp(`(condition-case e ${src} (error (list 'ERROR e)))`);
}

describe("format-integers", () => {
  it.each([
    ["(format \"%d\" 42)", "\"42\""],
    ["(format \"%d\" -1.9)", "\"-1\""],
    ["(format \"%d\" 1e30)", "\"1000000000000000019884624838656\""],
    ["(format \"%d\" (expt 2 70))", "\"1180591620717411303424\""],
    ["(format \"%x %X %o\" 255 255 8)", "\"ff FF 10\""],
    ["(format \"%x\" -255)", "\"-ff\""],
    ["(format \"%o\" (- (expt 2 70)))", "\"-200000000000000000000000\""],
    ["(format \"%#x %#X %#o %#x %#o\" 255 255 8 0 0)", "\"0xff 0XFF 010 0 0\""],
    ["(format \"%+d % d %+ d\" 5 5 5)", "\"+5  5 +5\""],
    ["(format \"%5d|%-5d|%05d\" 42 42 -42)", "\"   42|42   |-0042\""],
    ["(format \"%5.3d|%05.3d|%.0d|\" 7 7 0)", "\"  007|  007||\""],
    ["(format \"%#5.3x|%0#8x|%-#8x|%08.3x\" 1 255 255 1)", "\"0x001|0x0000ff|0xff    |     001\""],
    ["(format \"%+x % x %+o\" 255 255 8)", "\"+ff  ff +10\""],
    ["(format \"%d\" most-negative-fixnum)", "\"-2305843009213693952\""],
    ["(format \"%d\" 1.0e+INF)", "\"inf\""],
    ["(format \"%d\" 0.0e+NaN)", "\"nan\""],
    ["(format \"%x\" 1.0e+INF)", "(ERROR (overflow-error))"],
    ["(format \"%c\" 233)", "\"é\""],
    ["(format \"%5c|%-3c|\" ?a ?a)", "\"    a|a  |\""],
    ["(format \"%c\" -1)", "(ERROR (wrong-type-argument characterp -1))"],
    ["(format \"%c\" 1.0)", "(ERROR (error \"Format specifier doesn’t match argument type\"))"],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("format-floats", () => {
  it.each([
    ["(format \"%e\" 1)", "\"1.000000e+00\""],
    ["(format \"%f\" (expt 10 30))", "\"1000000000000000019884624838656.000000\""],
    ["(format \"%g %g %g %g\" 100000 1000000 0.0001 0.00001)", "\"100000 1e+06 0.0001 1e-05\""],
    ["(format \"%#g %#.3g %.0g\" 1.0 1.0 1.5)", "\"1.00000 1.00 2\""],
    ["(format \"%.3e\" 12345.678)", "\"1.235e+04\""],
    ["(format \"%f %f %f %e\" 1.0e+INF -1.0e+INF 0.0e+NaN -0.0e+NaN)", "\"inf -inf nan -nan\""],
    ["(format \"%5.1f|%05f|%+f\" 0.0e+NaN 1.0e+INF 1.0e+INF)", "\"  nan|  inf|+inf\""],
    ["(format \"%.2f\" 2.675)", "\"2.67\""],
    ["(format \"%.0f %.0f %.0f %.0f\" 0.5 1.5 2.5 3.5)", "\"0 2 2 4\""],
    ["(format \"%.1f %.1f\" 0.25 0.35)", "\"0.2 0.3\""],
    ["(format \"%.3f %.2f %+.1f % .1f\" -0.0005 -0.0 0.0 1.0)", "\"-0.001 -0.00 +0.0  1.0\""],
    ["(format \"%#.0f %#.0e\" 1.0 1.0)", "\"1. 1.e+00\""],
    ["(format \"%010.3f|%-10.3f|\" -3.14159 3.14159)", "\"-00003.142|3.142     |\""],
    ["(format \"%.50f\" 0.1)", "\"0.10000000000000000555111512312578270211815834045410\""],
    ["(format \"%.20e\" 0.1)", "\"1.00000000000000005551e-01\""],
    ["(format \"%.30g\" 0.1)", "\"0.100000000000000005551115123126\""],
    ["(format \"%g\" 1e-320)", "\"9.99989e-321\""],
    ["(format \"%e\" 5e-324)", "\"4.940656e-324\""],
    ["(format \"%.17g\" 0.1)", "\"0.10000000000000001\""],
    ["(format \"%g\" 123456789.0)", "\"1.23457e+08\""],
    ["(format \"%.10g\" 123456789.0)", "\"123456789\""],
    ["(format \"%g %g\" 0.0 -0.0)", "\"0 -0\""],
    ["(format \"%e\" 0.0)", "\"0.000000e+00\""],
    ["(format \"%.3g\" 9.9996)", "\"10\""],
    ["(format \"%.2e\" 9.995)", "\"9.99e+00\""],
    ["(format \"%.15f\" 1e-10)", "\"0.000000000100000\""],
    ["(format \"%f\" 1.5e300)", "\"1500000000000000078757140382806630373056702871662238732373781173267703686983362293679557062620671796065556665749325817265413784853040645863467188277180060474272580801389863705606745350692182135089053429852456199917621678558451461320111979114170213741868888183230085264257173504208294580298189100810240.000000\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("format-strings", () => {
  it.each([
    ["(format \"%s\" 1.5)", "\"1.5\""],
    ["(format \"%s %S\" \"a\\\"b\" \"a\\\"b\")", "\"a\\\"b \\\"a\\\\\\\"b\\\"\""],
    ["(format \"%.2s|%.2s|%.1S\" 12345 1.5 \"abc\")", "\"12|1.|\\\"\""],
    ["(format \"%5s|%-5s|%.1s|\" \"日本\" \"日本\" \"日本\")", "\" 日本|日本 ||\""],
    ["(format \"%5s|\" \"é\")", "\"    é|\""],
    ["(format \"%05s|%+s|%#s\" \"a\" \"a\" 1)", "\"    a|a|1\""],
    ["(format \"%5s|\" \"\\t\")", "\"\t|\""],
    ["(format \"%.1s|\" \"e\\u0301x\")", "\"é|\""],
    ["(format \"%S\" '(quote x))", "\"'x\""],
    ["(format \"%s\" (make-symbol \"g\"))", "\"g\""],
    ["(format \"%s\" nil)", "\"nil\""],
    ["(format \"%s\" (intern \"\"))", "\"\""],
    ["(format \"%-8S|\" 'cd)", "\"cd      |\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("format-fields", () => {
  it.each([
    ["(format \"%2$s %1$s\" 'a 'b)", "\"b a\""],
    ["(format \"%1$s %1$s %s\" 'a 'b)", "\"a a b\""],
    ["(format \"%2$s %s\" 'a 'b 'c)", "\"b c\""],
    ["(format \"%0$s\" 'a)", "\"%0$s\""],
    ["(format \"%3$s\" 'a)", "(ERROR (error \"Not enough arguments for format string\"))"],
    ["(format \"%%|%5%|%-5%|\")", "\"%|%|%|\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("format-errors", () => {
  it.each([
    ["(format \"%q\" 1)", "(ERROR (error \"Invalid format operation %q\"))"],
    ["(format \"%\" 1)", "(ERROR (error \"Format string ends in middle of format specifier\"))"],
    ["(format \"abc%\")", "(ERROR (error \"Format string ends in middle of format specifier\"))"],
    ["(format \"%5\" 1)", "(ERROR (error \"Format string ends in middle of format specifier\"))"],
    ["(format \"%.\")", "(ERROR (error \"Format string ends in middle of format specifier\"))"],
    ["(format \"%s %s\" 1)", "(ERROR (error \"Not enough arguments for format string\"))"],
    ["(format \"%d\" \"x\")", "(ERROR (error \"Format specifier doesn’t match argument type\"))"],
    ["(format \"%f\" 'x)", "(ERROR (error \"Format specifier doesn’t match argument type\"))"],
    ["(format \"%E\" 1.0)", "(ERROR (error \"Invalid format operation %E\"))"],
    ["(format \"%d\" nil)", "(ERROR (error \"Format specifier doesn’t match argument type\"))"],
    ["(format 'x)", "(ERROR (wrong-type-argument stringp x))"],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("format-message", () => {
  it.each([
    ["(format-message \"`a' b's\")", "\"‘a’ b’s\""],
    ["(let ((text-quoting-style 'straight)) (format-message \"`a' b's\"))", "\"'a' b's\""],
    ["(let ((text-quoting-style 'grave)) (format-message \"`a' b's\"))", "\"`a' b's\""],
    ["(format-message \"%s\" \"`x'\")", "\"`x'\""],
    ["(format \"`a'\")", "\"`a'\""],
    ["(multibyte-string-p (format-message \"`a'\"))", "t"],
    ["(multibyte-string-p (format \"%s\" \"a\"))", "nil"],
    ["(multibyte-string-p (format \"%s\" \"é\"))", "t"],
    ["(multibyte-string-p (format \"%S\" \"é\"))", "t"],
    ["(multibyte-string-p (format \"%c\" 233))", "t"],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("errors", () => {
  it.each([
    ["(error-message-string '(error \"Boom\"))", "\"Boom\""],
    ["(error-message-string '(error \"Boom\" 1 \"x\"))", "\"Boom: 1, \\\"x\\\"\""],
    ["(error-message-string '(error . \"x\"))", "\"peculiar error\""],
    ["(error-message-string '(error 1 2))", "\"peculiar error: 2\""],
    ["(error-message-string '(error))", "\"peculiar error\""],
    ["(error-message-string '(error \"x\" . 2))", "\"x\""],
    ["(error-message-string '(user-error \"u\" \"v\" 1))", "\"u, v, 1\""],
    ["(error-message-string '(user-error))", "\"\""],
    ["(error-message-string '(file-error \"Opening\" \"No such file\" \"/x\"))", "\"Opening: No such file, /x\""],
    ["(error-message-string '(file-missing \"Opening input file\" \"No such file or directory\" \"/tmp/x\"))", "\"Opening input file: No such file or directory, /tmp/x\""],
    ["(error-message-string '(file-error 1 \"a\"))", "\"peculiar error: a\""],
    ["(error-message-string '(file-error))", "\"File error\""],
    ["(error-message-string '(end-of-file \"a\" 1))", "\"End of file during parsing: a, 1\""],
    ["(error-message-string '(foo 1))", "\"peculiar error: 1\""],
    ["(error-message-string '(quit))", "\"Quit\""],
    ["(error-message-string '(wrong-type-argument listp 1))", "\"Wrong type argument: listp, 1\""],
    ["(error-message-string '(wrong-type-argument . 1))", "\"Wrong type argument\""],
    ["(error-message-string '(void-variable x))", "\"Symbol’s value as variable is void: x\""],
    ["(error-message-string '(void-function x))", "\"Symbol’s function definition is void: x\""],
    ["(error-message-string '(search-failed \"abc\"))", "\"Search failed: \\\"abc\\\"\""],
    ["(error-message-string '(scan-error \"Unbalanced parentheses\" 1 2))", "\"Scan error: \\\"Unbalanced parentheses\\\", 1, 2\""],
    ["(error-message-string '(invalid-read-syntax \")\"))", "\"Invalid read syntax: \\\")\\\"\""],
    ["(error-message-string '(cl-assertion-failed (eq 1 2)))", "\"Assertion failed: (eq 1 2)\""],
    ["(error-message-string '(json-parse-error \"a\" 1))", "\"could not parse JSON stream: \\\"a\\\", 1\""],
    ["(error-message-string '(cyclic-function-indirection a))", "\"Symbol’s chain of function indirections contains a loop: a\""],
    ["(error-message-string '(text-read-only))", "\"Text is read-only\""],
    ["(error-message-string '(overflow-error))", "\"Arithmetic overflow error\""],
    ["(error-message-string '(no-catch a b))", "\"No catch for tag: a, b\""],
    ["(error-message-string nil)", "\"peculiar error\""],
    ["(error-message-string 5)", "(ERROR (wrong-type-argument listp 5))"],
    ["(error-message-string '(\"str\" 1))", "(ERROR (wrong-type-argument symbolp \"str\"))"],
    ["(let ((text-quoting-style 'grave)) (error-message-string '(void-variable x)))", "\"Symbol's value as variable is void: x\""],
    ["(get 'void-variable 'error-message)", "\"Symbol's value as variable is void\""],
    ["(get 'overflow-error 'error-conditions)", "(overflow-error range-error arith-error error)"],
    ["(get 'singularity-error 'error-conditions)", "(singularity-error domain-error arith-error error)"],
    ["(get 'text-read-only 'error-conditions)", "(text-read-only buffer-read-only error)"],
    ["(get 'file-missing 'error-conditions)", "(file-missing file-error error)"],
    ["(get 'user-search-failed 'error-conditions)", "(user-search-failed user-error search-failed error)"],
    ["(get 'minibuffer-quit 'error-conditions)", "(minibuffer-quit quit)"],
    ["(get 'error 'error-conditions)", "(error)"],
    ["(get 'user-error 'error-message)", "\"\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe('format-char-padding', () => {
  // An ASCII %c is padded as C's sprintf pads it, one column even for a control character; others by display width.
  it.each([
    ['(format "%3c" 0)', '"  ^@"'],
    ['(format "%-3c|" 1)', '"^A  |"'],
    ['(format "%3c" ?a)', '"  a"'],
    ['(format "%3c" ?中)', '" 中"'],
    ['(format "%-4c|" ?中)', '"中  |"'],
    ['(format "%3s" "\\0")', '" ^@"'],
  ])('%s', (src, expected) => {
    expect(run(`(let ((print-escape-control-characters nil)) (replace-regexp-in-string "[\\0-\\37]" (lambda (c) (concat "^" (string (+ 64 (aref c 0))))) ${src} t t))`)).toBe(expected);
  });
});
