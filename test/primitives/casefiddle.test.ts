import { describe, it, expect } from 'vitest';
import '../../src/primitives/casefiddle.js';
import { run, str, bytes, sym } from './lisp-helpers.js';
import { makeFloat, NIL } from '../../src/lisp/index.js';

describe('upcase and downcase', () => {
  it('convert ASCII and Latin-1 strings and leave the argument alone', () => {
    expect(run('upcase', str('Hello, World!'))).toBe('"HELLO, WORLD!"');
    expect(run('downcase', str('ÀÉÎ'))).toBe('"àéî"');
    expect(run('upcase', str('été'))).toBe('"ÉTÉ"');
    expect(run('upcase', str('λα'))).toBe('"ΛΑ"');
  });
  it('apply special casing to strings but not to characters', () => {
    expect(run('upcase', str('straße'))).toBe('"STRASSE"');
    expect(run('upcase', 223)).toBe('7838');
    expect(run('upcase', str('ﬁ'))).toBe('"FI"');
    expect(run('downcase', str('İ'))).toBe('"i̇"');
    expect(run('downcase', 304)).toBe('304');
    expect(run('upcase', 305)).toBe('305');
    expect(run('upcase', 255)).toBe('376');
  });
  it('turn a capital sigma at the end of a word into a final sigma', () => {
    expect(run('downcase', str('ΣΑΣ'))).toBe('"σας"');
    expect(run('downcase', str('ΑΣ-Σ'))).toBe('"ας-σ"');
    expect(run('downcase', str('ΑΣ1'))).toBe('"ασ1"');
    expect(run('downcase', str('Σ'))).toBe('"σ"');
  });
  it('keep modifier bits of characters and treat raw bytes as caseless', () => {
    expect(run('upcase', 134217825)).toBe('134217793');
    expect(run('upcase', 4194303)).toBe('4194303');
    expect(run('upcase', str('\udca0a'))).toBe('"\\240A"');
  });
  it('change only ASCII in unibyte strings, which stay unibyte', () => {
    expect(run('upcase', bytes(0xe9, 0x61))).toBe('"\\351A"');
    expect(run('capitalize', bytes(0xe9, 0x61))).toBe('"\\351a"');
  });
  it('signal char-or-string-p for anything else', () => {
    expect(run('downcase', -1)).toBe('(ERR wrong-type-argument char-or-string-p -1)');
    expect(run('upcase', NIL)).toBe('(ERR wrong-type-argument char-or-string-p nil)');
    expect(run('upcase', sym('a'))).toBe('(ERR wrong-type-argument char-or-string-p a)');
    expect(run('downcase', makeFloat(1))).toBe('(ERR wrong-type-argument char-or-string-p 1.0)');
  });
});

describe('capitalize and upcase-initials', () => {
  it('start words at word-syntax boundaries, so apostrophes split words', () => {
    expect(run('capitalize', str('hello WORLD foo-bar'))).toBe('"Hello World Foo-Bar"');
    expect(run('capitalize', str("it's don't"))).toBe('"It\'S Don\'T"');
    expect(run('capitalize', str('1st x1y 2nd'))).toBe('"1st X1y 2nd"');
    expect(run('capitalize', str('foo_bar'))).toBe('"Foo_Bar"');
    expect(run('capitalize', str('½x'))).toBe('"½X"');
  });
  it('use title case for digraphs and special title casing', () => {
    expect(run('capitalize', str('ǆemal'))).toBe('"ǅemal"');
    expect(run('capitalize', str('DŽEMAL'))).toBe('"Džemal"');
    expect(run('capitalize', 454)).toBe('453');
    expect(run('capitalize', str('ßa'))).toBe('"Ssa"');
    expect(run('capitalize', str('ŉ'))).toBe('"ʼN"');
    expect(run('capitalize', str('ΑΣ'))).toBe('"Ας"');
    expect(run('capitalize', 97)).toBe('65');
  });
  it('upcase-initials leaves the rest of each word alone', () => {
    expect(run('upcase-initials', str('hello wORLD'))).toBe('"Hello WORLD"');
    expect(run('upcase-initials', str('ǆǆ ABC'))).toBe('"ǅǆ ABC"');
    expect(run('upcase-initials', 97)).toBe('65');
  });
});
