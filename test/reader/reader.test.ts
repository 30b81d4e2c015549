// The reader's API and the behaviour that the table of Emacs results in
// emacs-cases.test.ts cannot show: shared structure, files, positions, deep
// nesting, the lexical-binding cookie. Expected values were checked in
// GNU Emacs 28.2.
import { describe, it, expect, afterEach } from 'vitest';
import {
  readFromString,
  SourceReader,
  END_OF_INPUT,
  lexicalBindingCookie,
  formPosition,
} from '../../src/reader/reader.js';
import { tokenize } from '../../src/reader/lexer.js';
import { charFromName } from '../../src/reader/unicode-names.js';
import {
  type LispObject,
  Cons,
  LispSignal,
  LispRecord,
  LispString,
  NIL,
  intern,
  makeString,
} from '../../src/lisp/index.js';
import { dump } from './dump.js';

function signalOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof LispSignal) return dump(new Cons(e.symbol, e.data));
    throw e;
  }
  return 'no signal';
}

function readAll(text: string, fileName: string | null = null): LispObject[] {
  const reader = new SourceReader(text, fileName);
  const forms: LispObject[] = [];
  for (let f = reader.next(); f !== END_OF_INPUT; f = reader.next()) forms.push(f);
  return forms;
}

const loadTrueFileName = intern('load-true-file-name');
const loadFileName = intern('load-file-name');
afterEach(() => {
  loadTrueFileName.value = NIL;
  loadFileName.value = NIL;
});

describe('the lexer', () => {
  it('reads symbols that start with é, 日 and an emoji (the start-char hint covers them)', () => {
    const names = tokenize('é 日本 😀 😀x x😀').map((t) => t.image);
    expect(names).toEqual(['é', '日本', '😀', '😀x', 'x😀']);
    expect(dump(readFromString('😀').value)).toBe('S"😀"');
  });

  it('never reports a lexing error, whatever the input', () => {
    const text = String.fromCharCode(...Array.from({ length: 300 }, (_, i) => i)) + '\ud800\udc00\udfff';
    expect(() => tokenize(text)).not.toThrow();
  });
});

describe('read-from-string positions', () => {
  it('starts and stops at character indices', () => {
    expect(dump(readFromString('foo bar', 4).value)).toBe('S"bar"');
    const r = readFromString('12345', 1, 3);
    expect([r.value, r.end]).toEqual([23, 3]);
  });

  it('counts a character above U+FFFF as one, as Emacs does', () => {
    expect(readFromString('"😀" x').end).toBe(3);
    expect(dump(readFromString('😀 😀x', 2).value)).toBe('S"😀x"');
    expect(readFromString('😀 😀x', 2).end).toBe(4);
  });

  it('reads an incomplete form in range as end-of-file', () => {
    expect(signalOf(() => readFromString('(a b)', 0, 3))).toBe('(S"end-of-file" . S"nil")');
  });

  it('reads a long string form by form, as a read-from-string loop does', () => {
    const parts: string[] = [];
    for (let i = 0; i < 2000; i++) parts.push(`(f ${i} "s") ; c\n`);
    const text = parts.join('');
    let pos = 0;
    const seen: LispObject[] = [];
    for (;;) {
      let r;
      try {
        r = readFromString(text, pos);
      } catch (e) {
        expect(e instanceof LispSignal && e.symbol.name === 'end-of-file').toBe(true);
        break;
      }
      seen.push((r.value as Cons).cdr instanceof Cons ? ((r.value as Cons).cdr as Cons).car : NIL);
      pos = r.end;
    }
    expect(seen.length).toBe(2000);
    expect(seen[1999]).toBe(1999);
  });

  it('names the file being loaded in end-of-file data, even for read-from-string', () => {
    loadTrueFileName.value = makeString('/tmp/x.el');
    expect(signalOf(() => readFromString('(a'))).toBe('(S"end-of-file" . (B(47 116 109 112 47 120 46 101 108) . S"nil"))');
  });
});

describe('shared and circular structure', () => {
  it('shares the object a label names', () => {
    const x = readFromString('(#1=(a) #1#)').value as Cons;
    expect((x.cdr as Cons).car).toBe(x.car);
  });

  it('makes a list whose tail is itself', () => {
    const x = readFromString('#1=(a . #1#)').value as Cons;
    expect(x.cdr).toBe(x);
    const y = readFromString('#1=(a b . #1#)').value as Cons;
    expect(((y.cdr as Cons).cdr as Cons).car).toBe(y.car);
    expect((y.cdr as Cons).cdr).toBe(y);
  });

  it('patches a label inside a vector and a record', () => {
    const v = readFromString('#1=[a #1#]').value as LispObject[];
    expect(v[1]).toBe(v);
    const r = readFromString('#1=#s(foo #1#)').value as LispRecord;
    expect(r.slots[1]).toBe(r);
  });

  it('leaves the placeholder (nil) for #1=#1#, and inside hash tables, as Emacs 28 does', () => {
    expect(dump(readFromString('#1=#1#').value)).toBe('(S"nil" . S"nil")');
    expect(dump(readFromString('#1=#s(hash-table data (#1# #1#))').value)).toBe(
      '#h(eql 65 (S"nil" . S"nil") (S"nil" . S"nil"))',
    );
  });

  it('forgets labels between two reads', () => {
    expect(signalOf(() => readFromString('#1#'))).toBe('(S"invalid-read-syntax" . (B(35) . S"nil"))');
  });
});

describe('#$ and #@', () => {
  it('reads #$ as the value of load-file-name', () => {
    loadFileName.value = makeString('/a/b.el');
    expect(dump(readFromString('#$').value)).toBe('B(47 97 47 98 46 101 108)');
  });

  it('skips the rest of the input for #@N, as Emacs does outside byte-compiled files', () => {
    expect(signalOf(() => readFromString('#@5 abcdX Y'))).toBe('(S"end-of-file" . S"nil")');
    expect(readFromString('#@00 abc').end).toBe(8);
  });
});

describe('deep nesting', () => {
  it('reads 10,000 nested lists without recursion', () => {
    const depth = 10000;
    const text = '('.repeat(depth) + 'x' + ')'.repeat(depth);
    let x = readFromString(text).value;
    let levels = 0;
    while (x instanceof Cons) {
      x = x.car;
      levels++;
    }
    expect(levels).toBe(depth);
    expect(x).toBe(intern('x'));
  });

  it('reads 10,000 nested vectors and quotes', () => {
    const text = "['".repeat(10000) + 'x' + ']'.repeat(10000);
    expect(readFromString(text).end).toBe(text.length);
  });
});

describe('reading a file', () => {
  it('gives its forms one at a time, then END_OF_INPUT', () => {
    const forms = readAll('(a) ;; c\n b "s"\n  ; trailing comment\n');
    expect(forms.map(dump)).toEqual(['(S"a" . S"nil")', 'S"b"', 'B(115)']);
  });

  it('signals end-of-file naming the file for an unfinished form, after the forms before it', () => {
    loadTrueFileName.value = makeString('/tmp/t5.el');
    const reader = new SourceReader('(princ "one")\n(princ "two"', '/tmp/t5.el');
    expect(reader.next()).not.toBe(END_OF_INPUT);
    expect(signalOf(() => reader.next())).toBe(
      '(S"end-of-file" . (B(47 116 109 112 47 116 53 46 101 108) . S"nil"))',
    );
  });

  it('reports invalid syntax as load does, at line 1 column 0', () => {
    const reader = new SourceReader('(a)\n\n  (b . c d)', '/tmp/t7.el');
    reader.next();
    expect(signalOf(() => reader.next())).toBe(
      '(S"invalid-read-syntax" . (B(46 32 105 110 32 119 114 111 110 103 32 99 111 110 116 101 120 116) . (1 . (0 . S"nil"))))',
    );
    expect(signalOf(() => new SourceReader(')', '/tmp/t8.el').next())).toBe(
      '(S"invalid-read-syntax" . (B(41) . (1 . (0 . S"nil"))))',
    );
  });

  it('treats a control character or a #! line after the last form as an unfinished form', () => {
    const reader = new SourceReader('(a)\n\x01\n', 'f.el');
    reader.next();
    expect(signalOf(() => reader.next())).toBe('(S"end-of-file" . S"nil")');
    const shebang = new SourceReader('(a)\n#!foo\n', 'f.el');
    shebang.next();
    expect(signalOf(() => shebang.next())).toBe('(S"end-of-file" . S"nil")');
    expect(readAll('#!/bin/sh\n(a)\n;; c\n\u00a0\n').length).toBe(1);
  });

  it('records where each list starts, as line and column', () => {
    const [first, second] = readAll('(a)\n  (b\n   (c é))', 'f.el') as Cons[];
    expect(formPosition(first)).toEqual({ file: 'f.el', line: 1, col: 0 });
    expect(formPosition(second)).toEqual({ file: 'f.el', line: 2, col: 2 });
    const inner = ((second.cdr as Cons).car as Cons);
    expect(formPosition(inner)).toEqual({ file: 'f.el', line: 3, col: 3 });
    const [quoted] = readAll('😀 \'(x)') .slice(1) as Cons[];
    expect(formPosition(quoted)).toEqual({ file: null, line: 1, col: 2 });
  });
});

describe('lexing a long text in chunks', () => {
  it('reads strings, comments and atoms that run across chunk boundaries', () => {
    const parts: string[] = [];
    const big = 'x\n(' + 'y'.repeat(100) + ')\n';
    for (let i = 0; i < 3000; i++) parts.push(`(f ${i} "line\n(g ${i})\n")\n;; c\n(h a\\\n(b))\n`);
    parts.push(`(big "${big.repeat(3000)}")\n`);
    const forms = readAll(parts.join(''));
    expect(forms.length).toBe(6001);
    for (let i = 0; i < 3000; i++) {
      expect(dump(forms[2 * i])).toBe(dump(readFromString(`(f ${i} "line\n(g ${i})\n")`).value));
      expect(dump(forms[2 * i + 1])).toBe('(S"h" . (S"a\\n" . ((S"b" . S"nil") . S"nil")))');
    }
    const last = ((forms[6000] as Cons).cdr as Cons).car as LispString;
    expect(last.value).toBe(big.repeat(3000));
  });
});

describe('the lexical-binding cookie', () => {
  // Each line was loaded by Emacs 28.2, which then reported lexical-binding.
  const cases: [string, boolean][] = [
    [';; -*- lexical-binding: t -*-\n', true],
    [';;; foo.el --- desc  -*- lexical-binding: t; -*-\n', true],
    ['#!/usr/bin/emacs --script\n;; -*- lexical-binding: t -*-\n', true],
    [';; -*- mode: emacs-lisp; lexical-binding:t -*-\n', true],
    [';; -*- lexical-binding: nil -*-\n', false],
    [';; -*- lexical-binding: yes -*-\n', true],
    ['\n;; -*- lexical-binding: t -*-\n', false],
    ['(setq x 1) ;; -*- lexical-binding: t -*-\n', false],
    [';; -*- Lexical-Binding: t -*-\n', false],
    [';; -*-lexical-binding: t-*-\n', true],
    [';; -*- lexical-binding: t\n', true],
    [';; -*- foo-lexical-binding: t -*-\n', false],
    [';; -*- lexical-binding : t -*-\n', true],
    [';; -*- emacs-lisp -*- lexical-binding: t\n', false],
    ['  ;; -*- lexical-binding: t -*-\n', false],
    [';; -*- lexical-binding: "t" -*-\n', true],
    [';; -*- lexical-binding: t -*-x\n', true],
    [';; -*- lexical-binding: t; lexical-binding: nil -*-\n', true],
    [';; -*- lexical-binding: nil; lexical-binding: t -*-\n', false],
    [';; -*- mode:lisp;lexical-binding:t-*-\n', true],
    [';; -*- lexical-binding: nilx -*-\n', true],
    [';; -*- lexical-binding:\tnil\t-*-\n', false],
    [';; -*- lexical-binding: NIL -*-\n', true],
    [';; -*- lexical-binding:  -*-\n', true],
    ['#!x -*- lexical-binding: t -*-\n', false],
    [';; -*- a: b -*- -*- lexical-binding: t -*-\n', false],
    [';; -*- lexical-binding: t -*-\r\n', true],
    [';; -*- lexical-binding: nil ; -*-\n', false],
  ];
  it.each(cases)('decides %j as Emacs does', (text, expected) => {
    expect(lexicalBindingCookie(text)).toBe(expected);
  });
});

describe('character names', () => {
  it('finds current names, Unicode 1.0 names and algorithmic names, as char-from-name does', () => {
    expect(charFromName('LATIN SMALL LETTER E WITH ACUTE')).toBe(0xe9);
    expect(charFromName('latin small letter e with acute')).toBeUndefined();
    expect(charFromName('latin small letter e with acute', true)).toBe(0xe9);
    expect(charFromName('LINE FEED (LF)')).toBe(10);
    expect(charFromName('BELL')).toBe(0x1f514);
    expect(charFromName('GREEK SMALL LETTER LAMBDA')).toBe(0x3bb);
    expect(charFromName('HANGUL SYLLABLE GAG')).toBe(0xac01);
    expect(charFromName('CJK IDEOGRAPH-4E00')).toBe(0x4e00);
    expect(charFromName('CJK UNIFIED IDEOGRAPH-4E00')).toBeUndefined();
    expect(charFromName('TANGUT IDEOGRAPH-18D00')).toBe(0x18d00);
    expect(charFromName('VARIATION SELECTOR-17')).toBe(0xe0100);
    expect(charFromName('BOM')).toBeUndefined();
  });
});

describe('strings the object model cannot hold exactly', () => {
  it('stands U+FFFD in for a character beyond Unicode', () => {
    const s = readFromString('"\\x3FFF7F"').value as LispString;
    expect(s.value).toBe('\ufffd');
    expect(s.multibyte).toBe(true);
  });
});
