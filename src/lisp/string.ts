// Lisp strings: mutable, indexed by character. The text is a JS string; a
// character above U+FFFF occupies a surrogate pair, so character indexing
// takes a slow path only for strings that contain one. Unibyte strings hold
// bytes 0-255 as JS chars 0-255. Raw bytes in multibyte text (Emacs chars
// #x3FFF80-#x3FFFFF) are kept as lone low surrogates U+DC80-U+DCFF.
import type { LispObject } from './types.js';
import { MAX_ELEMENTS, memoryExhausted } from './signal.js';
import { listMutation } from './cons.js';
import type { TextProps } from './intervals.js';

export const RAW_BYTE_BASE = 0x3fff80;
/** Where raw bytes 128-255 sit in multibyte text: lone low surrogates U+DC80-U+DCFF. */
export const RAW_SURROGATE_BASE = 0xdc80;

export class LispString {
  /** -1: not yet known; 0: no surrogate pairs; 1: some. */
  private astral = -1;
  /** Text properties (src/primitives/textprop.ts); null when the string has none. */
  intervals: TextProps | null = null;

  constructor(
    private text: string,
    public multibyte: boolean,
  ) {}

  get value(): string {
    return this.text;
  }

  set value(s: string) {
    // An assoc index keys strings by their text (list-index.ts).
    listMutation.epoch++;
    this.text = s;
    this.astral = -1;
  }

  private hasAstral(): boolean {
    // Unibyte text is bytes: no pairs, and no need to scan (a filter's (length string) asks every time).
    if (this.astral < 0) this.astral = this.multibyte && /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(this.text) ? 1 : 0;
    return this.astral === 1;
  }

  /** Length in characters. */
  get length(): number {
    if (!this.hasAstral()) return this.text.length;
    let n = 0;
    for (const _ of this.text) n++;
    return n;
  }

  /** The character code at index i, or -1 when i is out of range: aref's fast path. */
  codeAt(i: number): number {
    if (this.astral === 0 || !this.hasAstral()) {
      return i >= 0 && i < this.text.length ? jsCharToLisp(this.text.charCodeAt(i)) : -1;
    }
    return i >= 0 && i < this.length ? this.codes()[i] : -1;
  }

  /** The character code at character index i (caller checks range). */
  charAt(i: number): number {
    if (!this.hasAstral()) return jsCharToLisp(this.text.charCodeAt(i));
    return this.codes()[i];
  }

  /** All character codes. */
  codes(): number[] {
    if (this.text.length > MAX_ELEMENTS) memoryExhausted();
    const out: number[] = [];
    if (!this.hasAstral()) {
      for (let i = 0; i < this.text.length; i++) out.push(jsCharToLisp(this.text.charCodeAt(i)));
      return out;
    }
    for (const ch of this.text) out.push(jsCharToLisp(ch.codePointAt(0)!));
    return out;
  }

  /** JS string index of character index i. */
  offsetOf(i: number): number {
    if (!this.hasAstral()) return i;
    let off = 0;
    for (let k = 0; k < i; k++) {
      const c = this.text.charCodeAt(off);
      off += c >= 0xd800 && c <= 0xdbff && off + 1 < this.text.length ? 2 : 1;
    }
    return off;
  }

  /** Substring by character indices. */
  slice(from: number, to: number): string {
    if (!this.hasAstral()) return this.text.slice(from, to);
    return this.text.slice(this.offsetOf(from), this.offsetOf(to));
  }

  setCharAt(i: number, code: number): void {
    const off = this.offsetOf(i);
    const c = this.text.charCodeAt(off);
    const w = c >= 0xd800 && c <= 0xdbff && off + 1 < this.text.length ? 2 : 1;
    this.value = this.text.slice(0, off) + lispCharToJs(code) + this.text.slice(off + w);
  }
}

function jsCharToLisp(code: number): number {
  if (code >= RAW_SURROGATE_BASE && code <= 0xdcff) return RAW_BYTE_BASE + (code - RAW_SURROGATE_BASE);
  return code;
}

/** The JS text for one Lisp character. */
const NON_ASCII = /[^\x00-\x7f]/;

/** Is every unit of TEXT ASCII? (A regexp scan: some twice as fast as a charCodeAt loop.) */
export function isAsciiText(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Multibyte text for the bytes of a unibyte string: bytes 128-255 become raw-byte characters. */
export function unibyteToMultibyteText(s: string): string {
  if (isAsciiText(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i);
    out += b < 0x80 ? s[i] : String.fromCharCode(RAW_SURROGATE_BASE + b - 0x80);
  }
  return out;
}

export function lispCharToJs(code: number): string {
  if (code >= RAW_BYTE_BASE) return String.fromCharCode(RAW_SURROGATE_BASE + (code - RAW_BYTE_BASE));
  return String.fromCodePoint(code);
}

/**
 * Strings `equal` as Emacs compares them, byte for byte: the same text, and
 * a unibyte string equals a multibyte one only when both are ASCII (its
 * byte 233 is not the character é).
 */
export function sameStringText(a: LispString, b: LispString): boolean {
  return a.value === b.value && (a.multibyte === b.multibyte || !needsMultibyte(a.value));
}

/** Does this text need a multibyte string? (Any char above 127.) */
export function needsMultibyte(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

/** A new string whose multibyteness follows from its text, as for `concat`. */
export function makeString(s: string, multibyte = needsMultibyte(s)): LispString {
  return new LispString(s, multibyte);
}

export function isString(x: LispObject): x is LispString {
  return x instanceof LispString;
}

export function stringFromCodes(codes: readonly number[]): string {
  let s = '';
  for (const c of codes) s += lispCharToJs(c);
  return s;
}

/** Maximum character code in Emacs. */
export const MAX_CHAR = 0x3fffff;
