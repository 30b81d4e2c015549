// Emacs regular expressions: compiled once per (pattern, case-fold) into a
// program for a backtracking matcher that works over any Subject (a Lisp
// string or a buffer's gap-buffer text, read in place).
import { LispString, RAW_BYTE_BASE, RAW_SURROGATE_BASE } from '../lisp/index.js';
import type { TextStore } from '../buffer/text.js';
import { compile, type Program, type LiteralPrefix } from './compile.js';
import type { Subject } from './match.js';

export { type Program, invalidRegexp } from './compile.js';
export { Matcher, type Subject, setMatcherStepLimit } from './match.js';
export {
  Syn, syntaxClass, standardSyntaxClass, setSyntaxLookup, syntaxClassFromDesignator, SYNTAX_DESIGNATORS,
  CharClass, charClassByName, isCharClass, hasCategory,
} from './syntax.js';


/** The characters of a Lisp string as the matcher sees them: unibyte bytes 128-255 are raw bytes. */
export function lispStringChars(s: LispString): ArrayLike<number> {
  if (s.multibyte) return s.codes();
  const text = s.value;
  const out = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 128 ? c : RAW_BYTE_BASE + (c - 128);
  }
  return out;
}

// ---- the cache of compiled patterns ----------------------------------------------

const CACHE_SIZE = 256;
const cache = new Map<string, Program>();

/** What a pattern string object compiled to last time, so a literal in a loop skips the key lookup. */
interface Remembered {
  text: string;
  fold: boolean;
  prog: Program;
}
const byObject = new WeakMap<LispString, Remembered>();

let lastRegexp: LispString | null = null;
let lastText = '';
let lastFold = false;
let lastProg: Program | null = null;
// The one before, for loops that take turns with two patterns (looking-at then re-search-forward).
let prevRegexp: LispString | null = null;
let prevText = '';
let prevFold = false;
let prevProg: Program | null = null;

/** The compiled form of regexp under case folding or not; signals invalid-regexp. */
export function compileRegexp(regexp: LispString, fold: boolean): Program {
  // The same pattern object as last time (a regexp constant in a loop) needs no lookup at all.
  if (regexp === lastRegexp && regexp.value === lastText && fold === lastFold) return lastProg!;
  let prog: Program;
  if (regexp === prevRegexp && regexp.value === prevText && fold === prevFold) prog = prevProg!;
  else prog = compileRegexpCached(regexp, fold);
  prevRegexp = lastRegexp;
  prevText = lastText;
  prevFold = lastFold;
  prevProg = lastProg;
  lastRegexp = regexp;
  lastText = regexp.value;
  lastFold = fold;
  lastProg = prog;
  return prog;
}

function compileRegexpCached(regexp: LispString, fold: boolean): Program {
  const text = regexp.value;
  const seen = byObject.get(regexp);
  if (seen !== undefined && seen.text === text && seen.fold === fold) return seen.prog;
  const key = (fold ? 'f' : 'c') + (regexp.multibyte ? 'm' : 'u') + text;
  let prog = cache.get(key);
  if (prog !== undefined) {
    // Move to the young end of the LRU order.
    cache.delete(key);
    cache.set(key, prog);
  } else {
    prog = compile(lispStringChars(regexp), fold);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, prog);
  }
  if (seen !== undefined) {
    seen.text = text;
    seen.fold = fold;
    seen.prog = prog;
  } else byObject.set(regexp, { text, fold, prog });
  return prog;
}

/** How many compiled patterns the cache holds (it keeps at most 256). */
export function regexpCacheSize(): number {
  return cache.size;
}

/** Compiles a pattern given as a JS string of BMP or astral text (multibyte semantics). */
export function compilePattern(pattern: string, fold: boolean): Program {
  return compileRegexp(new LispString(pattern, true), fold);
}

// ---- subjects --------------------------------------------------------------------

/**
 * A Lisp string, 0-based. Strings of BMP text are read straight from the
 * JS string; others (astral characters, unibyte bytes above 127) through
 * an array of codes made once per string value.
 */
export class StringSubject implements Subject {
  private text = '';
  private codes: ArrayLike<number> | null = null;
  private source: LispString | null = null;
  private sourceText = '';

  /** Points the subject at s; cheap when s is unchanged since last time. */
  set(s: LispString): this {
    const text = s.value;
    if (s === this.source && text === this.sourceText) return this;
    this.source = s;
    this.sourceText = text;
    this.text = text;
    this.codes = null;
    if (!s.multibyte) {
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) >= 128) {
          this.codes = lispStringChars(s);
          break;
        }
      }
    } else if (s.length !== text.length) this.codes = Int32Array.from(s.codes());
    return this;
  }

  charAt(i: number): number {
    const codes = this.codes;
    if (codes !== null) return codes[i];
    const c = this.text.charCodeAt(i);
    return c < RAW_SURROGATE_BASE || c > 0xdcff ? c : c - RAW_SURROGATE_BASE + RAW_BYTE_BASE;
  }

  indexOf(code: number, from: number, to: number): number {
    if (this.codes !== null) return -2;
    const at = this.text.indexOf(String.fromCharCode(code), from);
    return at >= 0 && at < to ? at : -1;
  }

  scan(map: Uint8Array, high: boolean, from: number, to: number): number {
    if (this.codes !== null) {
      const codes = this.codes;
      for (let i = from; i < to; i++) {
        const c = codes[i];
        if (c < 256 ? map[c] === 1 : high) return i;
      }
      return -1;
    }
    const text = this.text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      // Raw-byte surrogates stand for characters far above 255.
      if (c < 256 ? map[c] === 1 : high) return i;
    }
    return -1;
  }

  findPrefix(prefix: LiteralPrefix, from: number, to: number): number {
    if (this.codes !== null) return -2;
    // Horspool: compare the window from its end, then move it by the shift of its last character.
    const text = this.text;
    const { keys, keyOf, shift } = prefix;
    const last = keys.length - 1;
    const lastKey = keys[last];
    for (let i = from; i + last < to; ) {
      const c = text.charCodeAt(i + last);
      const key = c < 128 ? keyOf[c] : -1;
      if (key === lastKey) {
        let k = last - 1;
        while (k >= 0) {
          const d = text.charCodeAt(i + k);
          if ((d < 128 ? keyOf[d] : -1) !== keys[k]) break;
          k--;
        }
        if (k < 0) return i;
      }
      i += key >= 0 ? shift[key] : last + 1;
    }
    return -1;
  }
}

/** A buffer's text addressed by 1-based positions. */
export class BufferSubject implements Subject {
  text!: TextStore;

  set(text: TextStore): this {
    this.text = text;
    return this;
  }

  charAt(pos: number): number {
    return this.text.charAt(pos - 1);
  }

  indexOf(code: number, from: number, to: number): number {
    const text = this.text;
    if (from >= to) return -1;
    if (!text.allBmp) return -2;
    const at = text.indexOfUnit(code, from - 1, to - 1);
    return at < 0 ? -1 : at + 1;
  }

  scan(map: Uint8Array, high: boolean, from: number, to: number): number {
    const text = this.text;
    if (text.allBmp) {
      // Without surrogate pairs, positions are code-unit offsets plus one.
      if (from >= to) return -1;
      const at = text.scanUnits(map, high, from - 1, to - 1);
      return at < 0 ? -1 : at + 1;
    }
    for (let p = from; p < to; p++) {
      const c = text.charAt(p - 1);
      if (c < 256 ? map[c] === 1 : high) return p;
    }
    return -1;
  }

  findPrefix(prefix: LiteralPrefix, from: number, to: number): number {
    const text = this.text;
    if (!text.allBmp) return -2;
    const at = text.findKeys(prefix.keys, prefix.keyOf, prefix.shift, from - 1, to - 1);
    return at < 0 ? -1 : at + 1;
  }
}

/** `regexp-quote`: backslashes before the characters special in a regexp. */
export function regexpQuote(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 91 || c === 42 || c === 46 || c === 92 || c === 63 || c === 43 || c === 94 || c === 36) {
      out += s.slice(from, i) + '\\';
      from = i;
    }
  }
  return out + s.slice(from);
}

export { compile };
