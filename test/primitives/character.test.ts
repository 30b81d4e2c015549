import { describe, it, expect } from 'vitest';
import '../../src/primitives/character.js';
import '../../src/primitives/casefiddle.js';
import { run, call, str, bytes, sym } from './lisp-helpers.js';
import { NIL, T, intern } from '../../src/lisp/index.js';
import { specbind, unbindTo, specpdlDepth } from '../../src/eval/state.js';

describe('characters', () => {
  it('characterp accepts 0 through max-char', () => {
    expect([97, 0, -1, 4194303, 4194304].map((x) => run('characterp', x))).toEqual(['t', 't', 'nil', 't', 'nil']);
    expect(run('characterp', str('a'))).toBe('nil');
    expect(run('max-char')).toBe('4194303');
  });
  it('char-equal folds case unless case-fold-search is nil', () => {
    expect(run('char-equal', 97, 65)).toBe('t');
    expect(run('char-equal', 223, 7838)).toBe('t');
    expect(run('char-equal', 233, 201)).toBe('t');
    const depth = specpdlDepth();
    specbind(intern('case-fold-search'), NIL);
    try {
      expect(run('char-equal', 97, 65)).toBe('nil');
    } finally {
      unbindTo(depth);
    }
    expect(run('char-equal', 97, sym('a'))).toBe('(ERR wrong-type-argument characterp a)');
  });
  it('string and char-to-string build unibyte strings only from ASCII', () => {
    expect(run('string', 120, 121, 122)).toBe('"xyz"');
    expect(run('string')).toBe('""');
    expect(run('multibyte-string-p', call('string', 97))).toBe('nil');
    expect(run('multibyte-string-p', call('string', 255))).toBe('t');
    expect(run('multibyte-string-p', call('string', 0x3fffe9))).toBe('t');
    expect(run('string', 97, -1)).toBe('(ERR wrong-type-argument characterp -1)');
    expect(run('char-to-string', 233)).toBe('"é"');
    expect(run('char-to-string', 4194303)).toBe('"\\377"');
    expect(run('char-to-string', 4194304)).toBe('(ERR wrong-type-argument characterp 4194304)');
    expect(run('string-to-char', str('Abc'))).toBe('65');
    expect(run('string-to-char', str(''))).toBe('0');
    expect(run('string-to-char', bytes(0xe9))).toBe('233');
    expect(run('string-to-char', sym('a'))).toBe('(ERR wrong-type-argument stringp a)');
  });
});

describe('widths and bytes', () => {
  it('char-width counts wide, combining and control characters as Emacs displays them', () => {
    expect([97, 0x65e5, 233, 9, 0x301, 127, 0x1f600, 0x3fffa0].map((c) => run('char-width', c))).toEqual(['1', '2', '1', '8', '0', '2', '2', '4']);
    expect(run('char-width', sym('a'))).toBe('(ERR wrong-type-argument characterp a)');
  });
  it('string-width sums character widths over an optional range', () => {
    expect(run('string-width', str('héllo'))).toBe('5');
    expect(run('string-width', str('日本'))).toBe('4');
    expect(run('string-width', str('e\u0301'))).toBe('1');
    expect(run('string-width', str('abc'), 1)).toBe('2');
    expect(run('string-width', str('abc'), -2)).toBe('2');
    expect(run('string-width', str('abc'), 2, 1)).toBe('(ERR args-out-of-range "abc" 2 1)');
    expect(run('string-width', str('abc'), 0, 5)).toBe('(ERR args-out-of-range "abc" 0 5)');
    expect(run('string-width', bytes(0x80))).toBe('4');
    expect(run('string-width', bytes(0xe9))).toBe('1');
  });
  it('string-bytes counts the internal encoding', () => {
    expect(run('string-bytes', str('héllo'))).toBe('6');
    expect(run('string-bytes', str('日本'))).toBe('6');
    expect(run('string-bytes', str('😀'))).toBe('4');
    expect(run('string-bytes', bytes(0xe9))).toBe('1');
    expect(run('string-bytes', str('\udca0'))).toBe('2');
  });
  it('truncate-string-to-width pads and adds ellipses like mule-util', () => {
    expect(run('truncate-string-to-width', str('日本語テキ'), 5)).toBe('"日本"');
    expect(run('truncate-string-to-width', str('日本語'), 3, NIL, 120)).toBe('"日x"');
    expect(run('truncate-string-to-width', str('abcdef'), 4, NIL, NIL, str('…'))).toBe('"abc…"');
    expect(run('truncate-string-to-width', str('abcdef'), 4, NIL, NIL, T)).toBe('"abc…"');
    expect(run('truncate-string-to-width', str('abc'), 6, NIL, 46)).toBe('"abc..."');
    expect(run('truncate-string-to-width', str('abcdef'), 5, 2)).toBe('"cde"');
    expect(run('truncate-string-to-width', str('日本語'), 5, 1, 120)).toBe('"x本x"');
    expect(run('truncate-string-to-width', str('abcdef'), 3, NIL, NIL, str('...'))).toBe('"..."');
    expect(run('truncate-string-to-width', str('ab'), 3, NIL, NIL, str('...'))).toBe('"ab"');
  });
  it('multibyte-string-p looks at the representation', () => {
    expect(run('multibyte-string-p', str('héllo'))).toBe('t');
    expect(run('multibyte-string-p', str('hello'))).toBe('nil');
    expect(run('multibyte-string-p', sym('a'))).toBe('nil');
  });
});
