// Time functions (timefns.c, editfns.c). Every expected value was printed
// by GNU Emacs 28.2 (-Q --batch) for the same form; times and zones are
// fixed, never the clock.
import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';
import '../../src/primitives/timefns.js';
import '../../src/primitives/fileio.js';

function cases(table: [string, string][]): void {
  for (const [form, expected] of table) {
    it(`${form} => ${expected}`, () => {
      expect(expected.startsWith('ERR ') ? lispError(form) : lisp(form)).toBe(expected.replace(/^ERR /, ''));
    });
  }
}

describe('current-time and float-time', () => {
  it('current-time returns (HIGH LOW USEC PSEC), as Emacs 28 does without current-time-list', () => {
    expect(lisp('(let ((x (current-time))) (list (length x) (integerp (car x)) (< (nth 2 x) 1000000) (zerop (% (nth 3 x) 1000))))')).toBe('(4 t t t)');
  });
  it('current-time agrees with float-time of nil to within a second', () => {
    expect(lisp('(< (abs (- (float-time) (float-time (current-time)))) 1.0)')).toBe('t');
  });
  cases([
    ['(float-time 1)', '1.0'],
    ["(float-time '(1 2 3))", '65538.000003'],
    ["(float-time '(1 . 3))", '0.3333333333333333'],
    ['(time-to-seconds 1)', '1.0'],
  ]);
});

describe('time-convert', () => {
  cases([
    ['(time-convert 0)', '(0 0 0 0)'],
    ["(time-convert 0 'list)", '(0 0 0 0)'],
    ["(time-convert 1.5 'list)", '(0 1 500000 0)'],
    ['(time-convert 1.5)', '(0 1 500000 0)'],
    ['(time-convert 1.5 t)', '(6755399441055744 . 4503599627370496)'],
    ["(time-convert 1.5 'integer)", '1'],
    ["(time-convert '(1 . 3) 'integer)", '0'],
    ["(time-convert '(-1 . 3) 'integer)", '-1'],
    ["(time-convert '(5 . 3) 100)", '(166 . 100)'],
    ["(time-convert '(1 2) t)", '(65538 . 1)'],
    ["(time-convert '(1 2 3) t)", '(65538000003 . 1000000)'],
    ["(time-convert '(1 2 3 4) t)", '(65538000003000004 . 1000000000000)'],
    ["(time-convert '(1 2 3 4))", '(1 2 3 4)'],
    ['(time-convert 0.1 t)', '(7205759403792794 . 72057594037927936)'],
    ["(time-convert 0.1 'list)", '(0 0 100000 0)'],
    ["(time-convert -0.1 'list)", '(-1 65535 899999 999999)'],
    ["(time-convert -1 'list)", '(-1 65535 0 0)'],
    ["(time-convert 123456789012 'list)", '(1883801 6676 0 0)'],
    ['(time-convert 0.0 t)', '(0 . 1)'],
    ['(time-convert 1e+20 t)', '(100000000000000000000 . 1)'],
    ["(time-convert '(1 2 3 4 5))", '(1 2 3 4)'],
    ["(time-convert '(1 2 . 3))", '(1 2 3 0)'],
    ["(time-convert '(1 70000))", '(2 4464 0 0)'],
    ["(time-convert '(1 2 -1))", '(1 1 999999 0)'],
    ["(time-convert '(1 . 3) 'list)", '(0 0 333333 333333)'],
    ["(time-convert '(-1 . 3) 'list)", '(-1 65535 666666 666666)'],
    ["(time-convert '(-7 . 3) 2)", '(-5 . 2)'],
    ["(time-convert -1.7 'integer)", '-2'],
    ['(time-convert 5 1000)', '(5000 . 1000)'],
  ]);
  cases([
    ["(time-convert nil 'foo)", 'ERR (error "Invalid time frequency" foo)'],
    ['(time-convert 1 0)', 'ERR (error "Invalid time frequency" 0)'],
    ['(time-convert "x")', 'ERR (error "Invalid time specification")'],
    ["(time-convert '(1))", 'ERR (error "Invalid time specification")'],
    ["(time-convert '(1 . 0))", 'ERR (error "Invalid time specification")'],
    ["(time-convert '(a 2))", 'ERR (error "Invalid time specification")'],
    ['(time-convert 1.0e+INF)', 'ERR (error "Specified time is not representable")'],
    ['(time-convert 0.0e+NaN)', 'ERR (error "Invalid time specification")'],
  ]);
});

describe('time arithmetic and comparison', () => {
  cases([
    ['(time-add 1 2)', '3'],
    ['(time-add 1.5 2)', '(0 3 500000 0)'],
    ["(time-add '(1 . 10) '(1 . 3))", '(13 . 30)'],
    ["(time-add '(0 1 2 3) 1)", '(0 2 2 3)'],
    ["(time-add '(0 1) 1)", '2'],
    ["(time-add '(0 1 0 0) 1)", '2'],
    ["(time-subtract 5 '(0 1 500000))", '(0 3 500000 0)'],
    ["(time-add 1.5 '(1 . 3))", '(11 . 6)'],
    ['(time-add 1.0e+INF 1)', '1.0e+INF'],
    ['(time-add 0.5 0.25)', '(6755399441055744 . 9007199254740992)'],
    ['(time-add 1.5 0.5)', '(9007199254740992 . 4503599627370496)'],
    ['(time-add 0.1 0)', '(3602879701896397 . 36028797018963968)'],
    ['(time-add 1048576.0 0.5)', '(4503601774854144 . 4294967296)'],
    ["(time-add '(0 1 0 1) '(1 . 2))", '(1500000000001 . 1000000000000)'],
    ['(time-add 2.0 0)', '2'],
    ['(time-subtract 0 0.0)', '0'],
    ['(time-less-p 1 2)', 't'],
    ["(time-less-p '(0 1) 1.0)", 'nil'],
    ["(time-less-p 0.1 '(0 0 100000))", 'nil'],
    ['(time-less-p 1 1.0e+INF)', 't'],
    ['(time-equal-p 1 1.0)', 't'],
    ['(time-equal-p nil nil)', 't'],
    ["(time-equal-p 0.5 '(1 . 2))", 't'],
    ['(time-equal-p 0.0e+NaN 0.0e+NaN)', 'nil'],
    ["(time-less-p 'x 1)", 'ERR (error "Invalid time specification")'],
  ]);
});

describe('decode-time', () => {
  cases([
    ['(decode-time 0 t)', '(0 0 0 1 1 1970 4 nil 0)'],
    ['(decode-time 1700000000 t)', '(20 13 22 14 11 2023 2 nil 0)'],
    ['(decode-time 1700000000 3600)', '(20 13 23 14 11 2023 2 nil 3600)'],
    ['(decode-time 1700000000 -18000)', '(20 13 17 14 11 2023 2 nil -18000)'],
    ['(decode-time 1700000000 "UTC0")', '(20 13 22 14 11 2023 2 nil 0)'],
    ['(decode-time 1700000000 "JST-9")', '(20 13 7 15 11 2023 3 nil 32400)'],
    ["(decode-time 1700000000 '(3600 \"ABC\"))", '(20 13 23 14 11 2023 2 nil 3600)'],
    ['(decode-time 1700000000 "Europe/Paris")', '(20 13 23 14 11 2023 2 nil 3600)'],
    ['(decode-time 1688000000 "Europe/Paris")', '(20 53 2 29 6 2023 4 t 7200)'],
    ['(decode-time 1688000000 "EST5EDT")', '(20 53 20 28 6 2023 3 t -14400)'],
    ['(decode-time 0 "EST5EDT,M3.2.0,M11.1.0")', '(0 0 19 31 12 1969 3 nil -18000)'],
    ['(decode-time 0 "")', '(0 0 0 1 1 1970 4 nil 0)'],
    ['(decode-time 1700000000.5 t)', '(20 13 22 14 11 2023 2 nil 0)'],
    ["(decode-time '(1700000000 . 3) t)", '(26 24 15 16 12 1987 3 nil 0)'],
    ['(decode-time 1700000000.5 t t)', '((85983232 . 4194304) 13 22 14 11 2023 2 nil 0)'],
    ['(decode-time 1700000000 t t)', '(20 13 22 14 11 2023 2 nil 0)'],
    ["(decode-time '(1 2 3 4) t t)", '((18000003000004 . 1000000000000) 12 18 1 1 1970 4 nil 0)'],
    ["(decode-time 0 'foo)", 'ERR (error "Invalid time zone specification" foo)'],
    ["(decode-time 'x)", 'ERR (error "Invalid time specification")'],
  ]);
  it('uses the rule set by set-time-zone-rule for local time, and setenv "TZ" sets it too', () => {
    expect(lisp('(progn (set-time-zone-rule "JST-9") (prog1 (decode-time 0) (set-time-zone-rule "UTC0")))')).toBe('(0 0 9 1 1 1970 4 nil 32400)');
    expect(lisp('(let ((process-environment (copy-sequence process-environment))) (setenv "TZ" "EST5") (prog1 (current-time-zone 0) (set-time-zone-rule "UTC0")))')).toBe('(-18000 "EST")');
  });
});

describe('encode-time', () => {
  cases([
    ["(encode-time '(0 0 0 1 1 2000 nil nil t))", '(14445 17280)'],
    ["(encode-time '(0 0 0 1 1 2000 nil -1 t))", '(14445 17280)'],
    ['(encode-time 0 0 0 1 1 2000 t)', '(14445 17280)'],
    ['(encode-time 0 0 0 1 1 2000 3600)', '(14445 13680)'],
    ['(encode-time 0 0 0 1 1 2000 0 0 0 0 3600)', '(14445 13680)'],
    ["(encode-time '(0 0 0 1 1 2000 nil nil \"UTC0\"))", '(14445 17280)'],
    ["(encode-time '(1.5 0 0 1 1 2000 nil nil t))", '(4263489319272711972716544 . 4503599627370496)'],
    ["(encode-time '((3 . 2) 0 0 1 1 2000 nil nil t))", '(1893369603 . 2)'],
    ["(encode-time '((1 2 3) 0 0 1 1 2000 nil nil t))", '(946750338000003 . 1000000)'],
    ["(encode-time '(0 0 0 32 1 2000 nil nil t))", '(14486 8704)'],
    ["(encode-time '(0 0 0 1 13 2000 nil nil t))", '(14927 51328)'],
    ["(encode-time '(0 0 0 0 0 2000 nil nil t))", '(14403 4992)'],
    ["(encode-time '(-1 0 0 1 1 2000 nil nil t))", '(14445 17279)'],
    ["(encode-time '(0 0 0 1 1 1900 nil nil t))", '(-33707 33152)'],
    ["(encode-time '(0 0 0 1 1 -5 nil nil t))", '(-951004 12544)'],
    ["(encode-time '(0 30 2 12 3 2023 nil -1 \"America/New_York\"))", '(25613 32632)'],
    ["(encode-time '(0 30 2 12 3 2023 nil t \"America/New_York\"))", '(25613 29032)'],
    ["(encode-time '(0 30 1 5 11 2023 nil t \"America/New_York\"))", '(25927 10328)'],
    ["(encode-time '(0 30 1 5 11 2023 nil nil \"America/New_York\"))", '(25927 13928)'],
    ["(encode-time '(0 0 12 1 7 2023 nil nil \"America/New_York\"))", '(25760 23440)'],
    ["(encode-time '(0 0 12 1 7 2023 nil -1 \"America/New_York\"))", '(25760 19840)'],
    ["(encode-time '(0 0 12 1 1 2023 nil t \"America/New_York\"))", '(25521 44544)'],
    ["(encode-time '(0 0 12 1 7 2023 nil t \"Europe/Paris\"))", '(25759 63776)'],
    ["(encode-time '(0 0 0 1 1 2000 nil t \"UTC0\"))", '(14445 13680)'],
    ["(encode-time '(0 0 0 1 1 2000 nil t 3600))", '(14445 13680)'],
    ["(encode-time '(0 0 0 1 1 2000 nil nil (3600 \"X\")))", '(14445 17280)'],
    ["(encode-time '(0 0 0 1 1 2000))", 'ERR (wrong-type-argument consp nil)'],
    ["(encode-time '(0 0 0 1 1 2000 nil nil))", 'ERR (wrong-type-argument consp nil)'],
    ["(encode-time '(0 a 0 1 1 2000 nil nil t))", 'ERR (wrong-type-argument fixnump a)'],
    ["(encode-time '(0 0 0 1 1 2000.0 nil nil t))", 'ERR (wrong-type-argument fixnump 2000.0)'],
    ["(encode-time '(a 0 0 1 1 2000 nil nil t))", 'ERR (error "Invalid time specification")'],
    ["(encode-time '(0 0 0 1 1 2000 nil nil foo))", 'ERR (error "Invalid time zone specification" foo)'],
    ['(encode-time 0 0 0 1 1)', 'ERR (wrong-number-of-arguments encode-time 5)'],
  ]);
  it('round-trips a leap day through decode-time', () => {
    expect(lisp("(decode-time (encode-time '(0 0 0 29 2 2024 nil nil t)) t)")).toBe('(0 0 0 29 2 2024 4 nil 0)');
  });
});

describe('format-time-string', () => {
  cases([
    ['(format-time-string "%a, %d %b %Y %H:%M:%S GMT" 1700000000 t)', '"Tue, 14 Nov 2023 22:13:20 GMT"'],
    ['(format-time-string "%Y-%m-%d %H:%M:%S" 0 t)', '"1970-01-01 00:00:00"'],
    ['(format-time-string "%A %B %e %j %p %Z %z %s %N %3N" 1700000000.123456 t)', '"Tuesday November 14 318 PM GMT +0000 1700000000 123456001 123"'],
    ['(format-time-string "%F %T %D %R %c|%x|%X %u %w %y %C %G %V %U %W %k %l %I %n%t%%" 1700000000 t)',
      '"2023-11-14 22:13:20 11/14/23 22:13 Tue Nov 14 22:13:20 2023|11/14/23|22:13:20 2 2 23 20 2023 46 46 46 22 10 10 \n\t%"'],
    ['(format-time-string "%-d %_d %05d %^a %#a %#Z %^b %10Y %-m %_H %3S %:z %::z %:::z %-I %h %P %q %Ez %Oy %10N %6N %9N %1N %g %+ %v" 1700000000 "JST-9")',
      '"15 15 00015 WED WED jst NOV 0000002023 11  7 020 +09:00 +09:00:00 +09 7 Nov am 4 +0900 23 0000000000 000000 000000000 0 23 %+ %v"'],
    ['(format-time-string "%z %Z" 0 3600)', '"+0100 +01"'],
    ['(format-time-string "%z %Z" 0 -3600)', '"-0100 -01"'],
    ['(format-time-string "%z %Z" 0 5400)', '"+0130 +0130"'],
    ['(format-time-string "%Z|%z" 0 1234)', '"+002034|+0020"'],
    ["(format-time-string \"%z %Z\" 0 '(3600 \"ABC\"))", '"+0100 ABC"'],
    ["(format-time-string \"%Z %z\" 0 '(3600 \"AB\"))", '" +0000"'],
    ['(format-time-string "%Z %z" 0 "EST5EDT")', '"EST -0500"'],
    ['(format-time-string "%Z %z" 15552000 "EST5EDT")', '"EDT -0400"'],
    ['(format-time-string "%Z %z" 0 "Europe/Paris")', '"CET +0100"'],
    ['(format-time-string "%Z %z" 0 ":Europe/Paris")', '"CET +0100"'],
    ['(format-time-string "%Z %z" -5000000000 "Europe/Paris")', '"LMT +0009"'],
    ['(format-time-string "%Z %z %F %T" 4118000000 "America/New_York")', '"EDT -0400 2100-06-29 20:53:20"'],
    ['(format-time-string "%Z %z" 0 "Asia/Kolkata")', '"IST +0530"'],
    ['(format-time-string "%Z %z" 0 "Foo/Bar")', '"Foo +0000"'],
    ['(format-time-string "%Z %z" 0 "")', '"UTC +0000"'],
    ['(format-time-string "%Z %z" 0 "XYZ3")', '"XYZ -0300"'],
    ['(format-time-string "%Z %z" 0 "<+0330>-3:30")', '"+0330 +0330"'],
    ['(format-time-string "%-:z|%_:z|%:z|%10:z|%-::z|%:::z|%-:::z" 0 "<+0530>-5:30")', '"+5:30| +5:30|+05:30|+000005:30|+5:30:00|+05:30|+5:30"'],
    ['(format-time-string "%z|%:z|%::z|%:::z|%-z" 0 "<-01>1")', '"-0100|-01:00|-01:00:00|-01|-100"'],
    ['(format-time-string "%10c|%-10d|%^10b|%_10z|%10z|%-z|%_z|%010z" 0 "JST-9")', '"Thu Jan  1 09:00:00 1970|1|       JAN|      +900|+000000900|+900| +900|+000000900"'],
    ['(format-time-string "%3z %7z %8:z" 0 "<+0330>-3:30")', '"+330 +000330 +0003:30"'],
    ['(format-time-string "%5Z" 0 "JST-9")', '"  JST"'],
    ['(format-time-string "%" 0 t)', '"%"'],
    ['(format-time-string "%Q" 0 t)', '"%Q"'],
    ['(format-time-string "%5%" 0 t)', '"    %"'],
    ['(format-time-string "%10" 0 t)', '"       %10"'],
    ['(format-time-string "%:Y|%-|%E" 0 t)', '"%:Y|%-|%E"'],
    ['(format-time-string "%-5d|%_5d|%05e|%-e" 0 t)', '"1|    1|00001|1"'],
    ['(format-time-string "%^p %#p %#A %^A %#b" 0 t)', '"AM am THURSDAY THURSDAY JAN"'],
    ['(format-time-string "%^c|%#c|%^x|%#p|%#P|%^P|%r|%#B|%-j|%_j|%h" 0 t)', '"THU JAN  1 00:00:00 1970|Thu Jan  1 00:00:00 1970|01/01/70|am|am|am|12:00:00 AM|JANUARY|1|  1|Jan"'],
    ['(format-time-string "%2a|%-10a|%_10a|%010a|%-^a" 0 t)', '"Thu|Thu|       Thu|0000000Thu|THU"'],
    ['(format-time-string "%-2s|%15s|%_15s|%015s" 0 t)', '"0|000000000000000|              0|000000000000000"'],
    ['(format-time-string "%-N %_N %03N %12N" 1.5 t)', '"5 5         500 500000000000"'],
    ["(format-time-string \"%N\" '(1 . 3) t)", '"333333333"'],
    ["(format-time-string \"%N %s\" '(-1 . 3) t)", '"666666666 -1"'],
    ['(format-time-string "%s %S %T" -1.5 t)', '"-2 58 23:59:58"'],
    ['(format-time-string "%F %a" -62135596801 t)', '"0000-12-31 Sun"'],
    ["(format-time-string \"%Y %C %y %G %g\" (encode-time '(0 0 0 1 1 5 nil nil t)) t)", '"0005 00 05 0004 04"'],
    ["(format-time-string \"%Y %C\" (encode-time '(0 0 0 1 1 -2023 nil nil t)) t)", '"-2023 -20"'],
    ["(format-time-string \"%F\" (encode-time '(0 0 0 1 1 12345 nil nil t)) t)", '"+12345-01-01"'],
    ["(format-time-string \"%G-%V %g\" (encode-time '(0 0 0 1 1 2021 nil nil t)) t)", '"2020-53 20"'],
    ["(format-time-string \"%U %W %j\" (encode-time '(0 0 0 1 1 2023 nil nil t)) t)", '"01 00 001"'],
    ['(format-time-string "\u00e9%a" 0 t)', '"\u00e9Thu"'],
    ['(multibyte-string-p (format-time-string "%Y" 0 t))', 't'],
    ["(format-time-string 'x)", 'ERR (wrong-type-argument stringp x)'],
    ["(format-time-string \"%Y\" 'x)", 'ERR (error "Invalid time specification")'],
    ["(format-time-string \"%Y\" nil 'foo)", 'ERR (error "Invalid time zone specification" foo)'],
  ]);
});

describe('current-time-string and current-time-zone', () => {
  cases([
    ['(current-time-string 0 t)', '"Thu Jan  1 00:00:00 1970"'],
    ['(current-time-string 1700000000 "JST-9")', '"Wed Nov 15 07:13:20 2023"'],
    ["(current-time-string (encode-time '(0 0 0 1 1 12345 nil nil t)) t)", '"Mon Jan  1 00:00:00 12345"'],
    ['(multibyte-string-p (current-time-string 0 t))', 'nil'],
    ['(current-time-zone 0 t)', '(0 "GMT")'],
    ['(current-time-zone 0 "JST-9")', '(32400 "JST")'],
    ['(current-time-zone 0 3600)', '(3600 "+01")'],
    ['(current-time-zone 0 -1234)', '(-1234 "-002034")'],
    ['(current-time-zone 0 "EST5EDT")', '(-18000 "EST")'],
  ]);
});
