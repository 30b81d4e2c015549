// The builtins `read' and `read-from-string', called directly; expected
// values were checked in GNU Emacs 28.2.
import { describe, it, expect } from 'vitest';
import {
  type LispObject, Cons, LispSignal, LispString, Subr, NIL, T, intern, makeString, list,
} from '../../src/lisp/index.js';
import '../../src/primitives/lread.js';
import { setMinibufferLineReader } from '../../src/primitives/minibuf.js';
import { dump } from './dump.js';

function call(name: string, ...args: LispObject[]): LispObject {
  const f = intern(name).fn as Subr;
  while (args.length < f.max) args.push(NIL);
  return f.fn(...args);
}

function outcome(fn: () => LispObject): string {
  try {
    return dump(fn());
  } catch (e) {
    if (e instanceof LispSignal) return 'ERR ' + dump(new Cons(e.symbol, e.data));
    throw e;
  }
}

const abc = makeString('abc');

describe('read-from-string', () => {
  it('returns the object and the index after it', () => {
    expect(outcome(() => call('read-from-string', makeString('(a b) c')))).toBe('((S"a" . (S"b" . S"nil")) . 5)');
    expect(outcome(() => call('read-from-string', makeString('été x'), 1))).toBe('(S"té" . 3)');
  });

  it('counts START and END from the end when negative', () => {
    expect(outcome(() => call('read-from-string', abc, -1))).toBe('(S"c" . 3)');
    expect(outcome(() => call('read-from-string', abc, NIL, -1))).toBe('(S"ab" . 2)');
  });

  it('signals args-out-of-range with its arguments for a bad range', () => {
    expect(outcome(() => call('read-from-string', abc, 5))).toBe('ERR (S"args-out-of-range" . (B(97 98 99) . (5 . (S"nil" . S"nil"))))');
    expect(outcome(() => call('read-from-string', abc, 2, 1))).toBe('ERR (S"args-out-of-range" . (B(97 98 99) . (2 . (1 . S"nil"))))');
    expect(outcome(() => call('read-from-string', abc, 0, 5))).toBe('ERR (S"args-out-of-range" . (B(97 98 99) . (0 . (5 . S"nil"))))');
  });

  it('wants a string', () => {
    expect(outcome(() => call('read-from-string', 1))).toBe('ERR (S"wrong-type-argument" . (S"stringp" . (1 . S"nil")))');
  });

  it('reads bytes 128-255 of a unibyte string as raw bytes', () => {
    const s = new LispString('"\xe9"', false);
    const r = call('read-from-string', s) as Cons;
    expect(dump(r.car)).toBe('B(233)');
  });
});

describe('read', () => {
  it('reads the first form of a string', () => {
    expect(outcome(() => call('read', makeString('a b')))).toBe('S"a"');
    expect(outcome(() => call('read', makeString('')))).toBe('ERR (S"end-of-file" . S"nil")');
  });

  it('reads `(read t)` as read-minibuffer does, rejecting trailing garbage', () => {
    setMinibufferLineReader(() => '(x y)');
    expect(outcome(() => call('read', T))).toBe('(S"x" . (S"y" . S"nil"))');
    setMinibufferLineReader(() => '(x y) z');
    expect(outcome(() => call('read', T))).toBe(
      'ERR (S"invalid-read-syntax" . (B(84 114 97 105 108 105 110 103 32 103 97 114 98 97 103 101 32 102 111 108 108 111 119 105 110 103 32 101 120 112 114 101 115 115 105 111 110) . S"nil"))',
    );
    setMinibufferLineReader(() => null);
  });
});
void list;

describe('read from a function', () => {
  /** A stream over TEXT that logs its calls, as a Lisp (lambda (&optional ch) ...) would. */
  function stream(text: string) {
    const chars = [...text].map((c) => c.codePointAt(0)!);
    const log: string[] = [];
    const fn = new Subr('stream', 0, 1, (ch: LispObject) => {
      if (ch !== NIL) {
        log.push(`unread ${ch}`);
        chars.unshift(ch as number);
        return NIL;
      }
      log.push('get');
      return chars.length ? chars.shift()! : NIL;
    });
    return { fn, chars, log };
  }

  it('stops after a closing paren and leaves the rest in the stream', () => {
    const s = stream('(a b) c');
    expect(outcome(() => call('read', s.fn))).toBe('(S"a" . (S"b" . S"nil"))');
    expect(s.chars).toEqual([32, 99]);
  });

  it('puts back the character that ended a symbol', () => {
    const s = stream('abc d');
    expect(outcome(() => call('read', s.fn))).toBe('S"abc"');
    expect(s.log).toEqual(['get', 'get', 'get', 'get', 'unread 32']);
    expect(s.chars).toEqual([32, 100]);
  });

  it('signals end-of-file when the function gives nothing', () => {
    expect(outcome(() => call('read', stream('').fn))).toBe('ERR (S"end-of-file" . S"nil")');
  });
});

describe('odd # and ? syntax reads as in GNU Emacs 28.2 (found comparing 9,000 random inputs)', () => {
  it('signals what Emacs signals for #^ and #& not followed by their literal', async () => {
    const { lisp } = await import('../helpers.js');
    const cases: [string, string][] = [
      ['#^5', '(invalid-read-syntax "#^")'],
      ['#^^x', '(invalid-read-syntax "#^^")'],
      ['#^[', '(end-of-file)'],
      ['#&x', '(invalid-read-syntax "#&...")'],
      ['#&\\"ab', '(end-of-file)'],
      ['#&x\\"ab', '(end-of-file)'],
      ['#&\\"ab\\"', '(invalid-read-syntax "#&...")'],
    ];
    for (const [input, expected] of cases) expect(lisp(`(condition-case e (read-from-string "${input}") (error e))`), input).toBe(expected);
  });
  it('reads ? followed by a space or tab as that character, whatever comes next', async () => {
    const { lisp } = await import('../helpers.js');
    expect(lisp('(list (read-from-string "? 1") (read-from-string "?\\t1") (condition-case e (read-from-string "?\\\\ 1") (error e)))')).toBe(
      '((32 . 2) (9 . 2) (invalid-read-syntax "?"))',
    );
  });
});
