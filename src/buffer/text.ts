// The text of a buffer: a gap buffer of UTF-16 code units. Edits near the
// gap (which follows the last edit) cost only the size of the edit, so
// typing, appending process output and repeated inserts at point stay cheap
// on large buffers.
//
// Positions here are 0-based CHARACTER indices. A character above U+FFFF
// takes two code units (a surrogate pair); while the text holds no pair
// (the common case) character and code-unit indices coincide and every
// conversion is the identity. With pairs, conversions scan from the
// nearest known anchor (start, gap, end, last conversion).
//
// As in LispString, raw bytes of multibyte text are lone low surrogates
// U+DC80-U+DCFF, so the text is never decoded with TextDecoder (which would
// replace lone surrogates).

import { RAW_SURROGATE_BASE, RAW_BYTE_BASE } from '../lisp/string.js';

const MIN_GAP = 64;
/** Code units per String.fromCharCode.apply call (argument-count limit). */
const CHUNK = 8192;

function isHigh(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}
function isLow(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}

/** The Lisp character for code units (hi, lo); lo is -1 when absent. */
export function unitsToChar(hi: number, lo: number): number {
  if (isHigh(hi) && lo >= 0 && isLow(lo)) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  if (hi >= RAW_SURROGATE_BASE && hi <= 0xdcff) return RAW_BYTE_BASE + (hi - RAW_SURROGATE_BASE);
  return hi;
}

/** Surrogate pairs in a JS string. */
export function countPairs(s: string): number {
  let n = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n++;
        i++;
      }
    }
  }
  return n;
}

export class TextStore {
  private buf: Uint16Array;
  private gapStart = 0;
  private gapEnd: number;
  /** Surrogate pairs in the whole text; 0 means char index == unit index. */
  private pairs = 0;
  /** Characters before the gap. */
  private gapChar = 0;
  private chars = 0;
  // Last character→unit conversion, valid until the next edit.
  private cacheChar = -1;
  private cacheUnit = 0;

  constructor(capacity = 256) {
    this.buf = new Uint16Array(capacity);
    this.gapEnd = capacity;
  }

  /** Length in characters. */
  get length(): number {
    return this.chars;
  }

  /** Length in UTF-16 code units. */
  get unitLength(): number {
    return this.buf.length - (this.gapEnd - this.gapStart);
  }

  /** True when no character needs two code units (positions are unit offsets). */
  get allBmp(): boolean {
    return this.pairs === 0;
  }

  /** The code unit at unit offset u (0 <= u < unitLength). */
  unitAt(u: number): number {
    return u < this.gapStart ? this.buf[u] : this.buf[u + this.gapEnd - this.gapStart];
  }

  /** The Lisp character at character index c (0 <= c < length). */
  charAt(c: number): number {
    const u = this.pairs === 0 ? c : this.charToUnit(c);
    const hi = this.unitAt(u);
    if (hi < 0xd800) return hi;
    return unitsToChar(hi, u + 1 < this.unitLength ? this.unitAt(u + 1) : -1);
  }

  /** The unit offset of character index c (0 <= c <= length). */
  charToUnit(c: number): number {
    if (this.pairs === 0) return c;
    // Start from the nearest anchor.
    let ac = 0;
    let au = 0;
    let best = c;
    const gapDist = Math.abs(c - this.gapChar);
    if (gapDist < best) {
      best = gapDist;
      ac = this.gapChar;
      au = this.gapStart;
    }
    const endDist = this.chars - c;
    if (endDist < best) {
      best = endDist;
      ac = this.chars;
      au = this.unitLength;
    }
    if (this.cacheChar >= 0 && Math.abs(c - this.cacheChar) < best) {
      ac = this.cacheChar;
      au = this.cacheUnit;
    }
    const ulen = this.unitLength;
    while (ac < c) {
      const x = this.unitAt(au);
      au += isHigh(x) && au + 1 < ulen && isLow(this.unitAt(au + 1)) ? 2 : 1;
      ac++;
    }
    while (ac > c) {
      au--;
      if (au > 0 && isLow(this.unitAt(au)) && isHigh(this.unitAt(au - 1))) au--;
      ac--;
    }
    this.cacheChar = c;
    this.cacheUnit = au;
    return au;
  }

  /** The character index of unit offset u (u on a character boundary). */
  unitToChar(u: number): number {
    if (this.pairs === 0) return u;
    let ac: number;
    let au: number;
    if (u >= this.gapStart) {
      ac = this.gapChar;
      au = this.gapStart;
    } else {
      ac = 0;
      au = 0;
    }
    if (this.cacheChar >= 0 && this.cacheUnit <= u && this.cacheUnit > au) {
      ac = this.cacheChar;
      au = this.cacheUnit;
    }
    ac += u - au - this.pairsIn(au, u);
    this.cacheChar = ac;
    this.cacheUnit = u;
    return ac;
  }

  /** Surrogate pairs wholly inside units [a, b). */
  private pairsIn(a: number, b: number): number {
    let n = 0;
    for (let u = a; u < b - 1; u++) {
      if (isHigh(this.unitAt(u)) && isLow(this.unitAt(u + 1))) {
        n++;
        u++;
      }
    }
    return n;
  }

  /** The text of characters [from, to) as a JS string. */
  slice(from: number, to: number): string {
    if (from >= to) return '';
    return this.sliceUnits(this.charToUnit(from), this.charToUnit(to));
  }

  /** The text of code units [a, b) as a JS string. */
  sliceUnits(a: number, b: number): string {
    if (a >= b) return '';
    const gs = this.gapStart;
    const shift = this.gapEnd - gs;
    if (b <= gs) return this.decode(a, b);
    if (a >= gs) return this.decode(a + shift, b + shift);
    return this.decode(a, gs) + this.decode(gs + shift, b + shift);
  }

  private decode(a: number, b: number): string {
    const buf = this.buf;
    const n = b - a;
    // Short pieces (match-string, one token) are cheaper without apply and a subarray.
    if (n <= 2) return n === 1 ? String.fromCharCode(buf[a]) : String.fromCharCode(buf[a], buf[a + 1]);
    if (n <= 12) {
      let s = '';
      for (let i = a; i < b; i++) s += String.fromCharCode(buf[i]);
      return s;
    }
    if (n <= CHUNK) return String.fromCharCode.apply(null, buf.subarray(a, b) as unknown as number[]);
    const parts: string[] = [];
    for (let i = a; i < b; i += CHUNK) {
      parts.push(String.fromCharCode.apply(null, buf.subarray(i, Math.min(b, i + CHUNK)) as unknown as number[]));
    }
    return parts.join('');
  }

  /** Moves the gap to unit offset u, keeping gapChar right. */
  private moveGap(u: number): void {
    const gs = this.gapStart;
    if (u === gs) return;
    const buf = this.buf;
    const shift = this.gapEnd - gs;
    if (u < gs) {
      if (this.pairs !== 0) this.gapChar -= gs - u - this.pairsIn(u, gs);
      else this.gapChar = u;
      // Short moves (edits near the last one) are cheaper as a loop than through copyWithin.
      if (gs - u <= 32) for (let i = gs - 1; i >= u; i--) buf[i + shift] = buf[i];
      else buf.copyWithin(u + shift, u, gs);
      this.gapStart = u;
      this.gapEnd = u + shift;
    } else {
      // Count before moving: pairsIn reads through the current gap layout.
      if (this.pairs !== 0) this.gapChar += u - gs - this.pairsIn(gs, u);
      else this.gapChar = u;
      if (u - gs <= 32) for (let i = gs; i < u; i++) buf[i] = buf[i + shift];
      else buf.copyWithin(gs, this.gapEnd, u + shift);
      this.gapStart = u;
      this.gapEnd = u + shift;
    }
  }

  private ensureGap(n: number): void {
    if (this.gapEnd - this.gapStart >= n) return;
    const len = this.unitLength;
    // Geometric growth keeps a long run of appends linear overall.
    const cap = Math.max(len + n + MIN_GAP, Math.floor((len + n) * 1.5));
    const next = new Uint16Array(cap);
    next.set(this.buf.subarray(0, this.gapStart), 0);
    const tail = this.buf.length - this.gapEnd;
    next.set(this.buf.subarray(this.gapEnd), cap - tail);
    this.buf = next;
    this.gapEnd = cap - tail;
  }

  /** Inserts s before character index c; returns the number of characters inserted. */
  insert(c: number, s: string): number {
    const n = s.length;
    if (n === 0) return 0;
    const u = this.charToUnit(c);
    this.ensureGap(n);
    this.moveGap(u);
    const buf = this.buf;
    const at = this.gapStart;
    // Note any surrogate while copying, so BMP text needs no second pass.
    let top = 0;
    for (let i = 0; i < n; i++) {
      const u = s.charCodeAt(i);
      buf[at + i] = u;
      top |= u;
    }
    const p = top < 0xd800 ? 0 : countPairs(s);
    this.gapStart += n;
    this.pairs += p;
    this.gapChar += n - p;
    this.chars += n - p;
    this.cacheChar = -1;
    return n - p;
  }

  /** Deletes characters [from, to). */
  delete(from: number, to: number): void {
    if (from >= to) return;
    const a = this.charToUnit(from);
    const b = this.charToUnit(to);
    this.moveGap(a);
    const p = this.pairs === 0 ? 0 : this.pairsIn(a, b);
    this.gapEnd += b - a;
    this.pairs -= p;
    this.chars -= to - from;
    this.cacheChar = -1;
  }

  /** Replaces the character at index c by the text s of one character. */
  replaceChar(c: number, s: string): void {
    const u = this.charToUnit(c);
    const old = this.unitAt(u);
    const oldWidth = isHigh(old) && u + 1 < this.unitLength && isLow(this.unitAt(u + 1)) ? 2 : 1;
    if (oldWidth === 1 && s.length === 1 && !isHigh(s.charCodeAt(0))) {
      const shift = u < this.gapStart ? 0 : this.gapEnd - this.gapStart;
      this.buf[u + shift] = s.charCodeAt(0);
      return;
    }
    this.delete(c, c + 1);
    this.insert(c, s);
  }

  /**
   * The unit offset of the first code unit `code` in [a, b), or -1. Only
   * for BMP non-surrogate codes (such as newline), which are never part
   * of a pair.
   */
  indexOfUnit(code: number, a: number, b: number): number {
    const gs = this.gapStart;
    const shift = this.gapEnd - gs;
    const buf = this.buf;
    if (a < gs) {
      const end = Math.min(b, gs);
      for (let u = a; u < end; u++) if (buf[u] === code) return u;
      a = gs;
    }
    for (let u = a + shift, end = b + shift; u < end; u++) if (buf[u] === code) return u - shift;
    return -1;
  }

  /**
   * The first unit offset in [a, b) whose code unit passes map (units below
   * 256) or, when high, is 256 or above; -1 if none. Reads the two sides
   * of the gap as flat runs.
   */
  scanUnits(map: Uint8Array, high: boolean, a: number, b: number): number {
    const gs = this.gapStart;
    const shift = this.gapEnd - gs;
    const buf = this.buf;
    if (a < gs) {
      const end = b < gs ? b : gs;
      for (let u = a; u < end; u++) {
        const c = buf[u];
        if (c < 256 ? map[c] === 1 : high) return u;
      }
      a = gs;
    }
    for (let u = a + shift, end = b + shift; u < end; u++) {
      const c = buf[u];
      if (c < 256 ? map[c] === 1 : high) return u - shift;
    }
    return -1;
  }

  /**
   * Horspool's search for a run of ASCII keys within units [a, b): the
   * first offset u where every unit of [u, u + keys.length) is below 128
   * and maps through keyOf to its key; -1 if none. shift tells how far the
   * window may move for the key under its last unit.
   */
  findKeys(keys: Int32Array, keyOf: Int32Array, shift: Int32Array, a: number, b: number): number {
    const gs = this.gapStart;
    const gap = this.gapEnd - gs;
    const buf = this.buf;
    const last = keys.length - 1;
    const lastKey = keys[last];
    for (let u = a; u + last < b; ) {
      const e = u + last;
      const c = buf[e < gs ? e : e + gap];
      const key = c < 128 ? keyOf[c] : -1;
      if (key === lastKey) {
        let k = last - 1;
        while (k >= 0) {
          const v = u + k;
          const d = buf[v < gs ? v : v + gap];
          if ((d < 128 ? keyOf[d] : -1) !== keys[k]) break;
          k--;
        }
        if (k < 0) return u;
      }
      u += key >= 0 ? shift[key] : last + 1;
    }
    return -1;
  }

  /** The unit offset of the last code unit `code` in [a, b), or -1. */
  lastIndexOfUnit(code: number, a: number, b: number): number {
    const gs = this.gapStart;
    const shift = this.gapEnd - gs;
    const buf = this.buf;
    if (b > gs) {
      const start = Math.max(a, gs);
      for (let u = b - 1 + shift; u >= start + shift; u--) if (buf[u] === code) return u - shift;
      b = gs;
    }
    for (let u = b - 1; u >= a; u--) if (buf[u] === code) return u;
    return -1;
  }

  /** Occurrences of code unit `code` in [a, b). */
  countUnit(code: number, a: number, b: number): number {
    const gs = this.gapStart;
    const shift = this.gapEnd - gs;
    const buf = this.buf;
    let n = 0;
    if (a < gs) {
      const end = Math.min(b, gs);
      for (let u = a; u < end; u++) if (buf[u] === code) n++;
      a = gs;
    }
    for (let u = a + shift, end = b + shift; u < end; u++) if (buf[u] === code) n++;
    return n;
  }

  /** Bytes of characters [0, c) in Emacs's internal encoding (for position-bytes). */
  bytesBefore(c: number): number {
    const end = this.charToUnit(c);
    let n = 0;
    for (let u = 0; u < end; u++) {
      const x = this.unitAt(u);
      if (x < 0x80) n += 1;
      else if (x < 0x800) n += 2;
      else if (isHigh(x) && u + 1 < end && isLow(this.unitAt(u + 1))) {
        n += 4;
        u++;
      } else if (x >= RAW_SURROGATE_BASE && x <= 0xdcff) n += 2;
      else n += 3;
    }
    return n;
  }

  /** The character index whose bytes contain byte offset b (0-based), for byte-to-position. */
  charAtByte(b: number): number {
    const ulen = this.unitLength;
    let n = 0;
    let c = 0;
    for (let u = 0; u < ulen; u++, c++) {
      const x = this.unitAt(u);
      let w: number;
      if (x < 0x80) w = 1;
      else if (x < 0x800) w = 2;
      else if (isHigh(x) && u + 1 < ulen && isLow(this.unitAt(u + 1))) {
        w = 4;
        u++;
      } else if (x >= RAW_SURROGATE_BASE && x <= 0xdcff) w = 2;
      else w = 3;
      if (n + w > b) return c;
      n += w;
    }
    return c;
  }
}
