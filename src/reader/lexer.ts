// The lexer of Emacs's read syntax (lread.c), built on chevrotain. Tokens
// that carry a value (strings, character literals, `#' syntaxes, atoms with
// backslashes) are decoded while lexing and carry it as the token payload,
// so that each character is looked at once. A malformed token does not stop
// the lexer: it becomes a token whose payload is a LexError, signalled only
// when the reader reaches it (the forms before it must still be read and
// evaluated first, as Emacs does when loading a file).
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import {
  type LispObject,
  type LispSymbol,
  LispString,
  BoolVector,
  lispCharToJs,
  normalizeBig,
  makeString,
  list,
  Q,
  Cons,
  NIL,
  intern,
  RAW_BYTE_BASE,
} from '../lisp/index.js';
import { charFromName } from './unicode-names.js';

/** An error found while lexing; `data` null means end-of-file. */
export class LexError {
  constructor(
    readonly symbol: LispSymbol,
    readonly data: LispObject | null,
  ) {}
}

const EOF_ERROR = new LexError(Q.end_of_file, null);

function invalidSyntax(message: string): LexError {
  return new LexError(Q.invalid_read_syntax, makeString(message));
}

function plainError(message: string): LexError {
  return new LexError(Q.error, list(makeString(message)));
}

/** Thrown inside a matcher only, and caught by it. */
class Fail {
  constructor(readonly error: LexError) {}
}

// ---- character classes -------------------------------------------------------

/** Characters that end an atom (lread.c's symbol loop): whitespace, NBSP and "';()[]#`, */
const ATOM_END = new Uint8Array(256);
for (let c = 0; c <= 32; c++) ATOM_END[c] = 1;
ATOM_END[0xa0] = 1;
for (const ch of `"';()[]#\`,`) ATOM_END[ch.charCodeAt(0)] = 1;

/** Characters that may follow `.` for it to be the dotted-pair dot. */
const DOT_FOLLOW = new Uint8Array(128);
for (let c = 0; c <= 32; c++) DOT_FOLLOW[c] = 1;
for (const ch of `"';([#?\`,`) DOT_FOLLOW[ch.charCodeAt(0)] = 1;

/** Characters that may follow a character literal. */
const CHAR_FOLLOW = new Uint8Array(128);
for (let c = 0; c <= 32; c++) CHAR_FOLLOW[c] = 1;
for (const ch of `"';()[]#?\`,.`) CHAR_FOLLOW[ch.charCodeAt(0)] = 1;

// ---- modifier bits of characters ---------------------------------------------

export const ALT = 0x400000;
export const SUPER = 0x800000;
export const HYPER = 0x1000000;
export const SHIFT = 0x2000000;
export const CTRL = 0x4000000;
export const META = 0x8000000;
const MODIFIERS = ALT | SUPER | HYPER | SHIFT | CTRL | META;
const BYTE8_FIRST = 0x3fff80;
const BYTE8_LAST = 0x3fffff;

/** Applies the control modifier as `\C-' and `\^' do. */
function controlify(c: number): number {
  if ((c & ~MODIFIERS) === 63) return 127 | (c & MODIFIERS);
  const folded = c & 0x5f;
  if (folded >= 0x41 && folded <= 0x5a) return c & (0x1f | ~0x7f);
  const low = c & 0x7f;
  if (low >= 0x40 && low <= 0x5f) return c & (0x1f | ~0x7f);
  return c | CTRL;
}

// ---- escape sequences ----------------------------------------------------------

/** Cursor shared by the decoding helpers (the lexer is not reentrant). */
let cur = 0;
let src = '';
let srcEnd = 0;

const IN_STRING = true;
const IN_CHAR = false;

/** The code point at cur, advancing over it. */
function takeCodePoint(): number {
  const c = src.charCodeAt(cur++);
  if (c >= 0xd800 && c <= 0xdbff && cur < srcEnd) {
    const d = src.charCodeAt(cur);
    if (d >= 0xdc00 && d <= 0xdfff) {
      cur++;
      return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
    }
  }
  if (c >= 0xdc80 && c <= 0xdcff) return RAW_BYTE_BASE + (c - 0xdc80);
  return c;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Decodes the escape after a backslash (cur is just past it). Returns a
 * character code with modifier bits, or -1 for an escape that stands for
 * nothing in a string (backslash-newline, backslash-space) or for end of
 * input right after a modifier prefix in a character literal.
 */
function readEscape(inString: boolean): number {
  if (cur >= srcEnd) throw new Fail(EOF_ERROR);
  const c = takeCodePoint();
  switch (c) {
    case 97: return 7; // a
    case 98: return 8; // b
    case 100: return 127; // d
    case 101: return 27; // e
    case 102: return 12; // f
    case 110: return 10; // n
    case 114: return 13; // r
    case 116: return 9; // t
    case 118: return 11; // v
    case 10: return -1;
    case 32: return inString ? -1 : 32;
    case 115: // s: space, or the super modifier in a character literal
      if (!inString && cur < srcEnd && src.charCodeAt(cur) === 45) {
        cur++;
        return readModified(inString) | SUPER;
      }
      return 32;
    case 77: expectDash(); return readModified(inString) | META;
    case 83: expectDash(); return readModified(inString) | SHIFT;
    case 72: expectDash(); return readModified(inString) | HYPER;
    case 65: expectDash(); return readModified(inString) | ALT;
    case 67: expectDash(); return controlify(readModified(inString));
    case 94: return controlify(readModified(inString));
    case 120: return readHexEscape(inString);
    case 117: return readUnicodeEscape(4, 'u');
    case 85: return readUnicodeEscape(8, 'U');
    case 78: return readNamedEscape();
    default:
      if (c >= 48 && c <= 55) {
        let v = c - 48;
        for (let k = 0; k < 2 && cur < srcEnd; k++) {
          const d = src.charCodeAt(cur);
          if (d < 48 || d > 55) break;
          v = v * 8 + (d - 48);
          cur++;
        }
        return inString && v >= 0x80 && v <= 0xff ? v + 0x3fff00 : v;
      }
      return c;
  }
}

function expectDash(): void {
  if (cur >= srcEnd || src.charCodeAt(cur) !== 45) throw new Fail(plainError('Invalid escape character syntax'));
  cur++;
}

/** The character after a modifier prefix such as `\M-'. */
function readModified(inString: boolean): number {
  if (cur >= srcEnd) {
    if (inString) throw new Fail(EOF_ERROR);
    return -1;
  }
  const c = takeCodePoint();
  return c === 92 ? readEscape(inString) : c;
}

function readHexEscape(inString: boolean): number {
  let v = 0;
  while (cur < srcEnd) {
    const d = hexDigit(src.charCodeAt(cur));
    if (d < 0) break;
    v = v * 16 + d;
    cur++;
    if (v > 0xfffffff) throw new Fail(plainError(`Hex character out of range: \\x${v.toString(16)}...`));
  }
  return inString && v >= 0x80 && v <= 0xff ? v + 0x3fff00 : v;
}

function readUnicodeEscape(digits: number, letter: string): number {
  let v = 0;
  for (let k = 0; k < digits; k++) {
    if (cur >= srcEnd) throw new Fail(plainError(`Malformed Unicode escape: \\${letter}${v.toString(16)}`));
    const c = takeCodePoint();
    const d = c < 128 ? hexDigit(c) : -1;
    if (d < 0) throw new Fail(plainError(`Non-hex character used for Unicode escape: ${lispCharToJs(c)} (${c})`));
    v = v * 16 + d;
  }
  if (v > 0x10ffff) throw new Fail(plainError(`Non-Unicode character: 0x${v.toString(16)}`));
  return v;
}

const NAME_LENGTH_BOUND = 200;

function readNamedEscape(): number {
  if (cur >= srcEnd || src.charCodeAt(cur) !== 123) throw new Fail(invalidSyntax('Expected opening brace after \\N'));
  cur++;
  let name = '';
  let lastWasSpace = false;
  for (;;) {
    if (cur >= srcEnd) throw new Fail(EOF_ERROR);
    const c = takeCodePoint();
    if (c === 125) break;
    if (c >= 128) {
      const hex = c.toString(16).toUpperCase().padStart(4, '0');
      throw new Fail(invalidSyntax(`Invalid character U+${hex} in character name`));
    }
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      name += ' ';
    } else {
      lastWasSpace = false;
      name += String.fromCharCode(c);
    }
    if (name.length > NAME_LENGTH_BOUND) throw new Fail(invalidSyntax('Character name too long'));
  }
  if (name.length === 0) throw new Fail(invalidSyntax('Empty character name'));
  let code: number | undefined;
  if (name.startsWith('U+')) {
    const hex = name.slice(2);
    if (/^[0-9A-Fa-f]+$/.test(hex)) {
      const v = parseInt(hex, 16);
      if (v <= 0x10ffff && !(v >= 0xd800 && v <= 0xdfff)) code = v;
    }
  } else {
    code = charFromName(name, true);
  }
  if (code === undefined) throw new Fail(invalidSyntax(`\\N{${name}}`));
  return code;
}

// ---- token matchers ----------------------------------------------------------------

type Match = RegExpExecArray & { payload?: unknown };

function matched(text: string, from: number, to: number, payload: unknown): Match {
  const m = [text.slice(from, to)] as unknown as Match;
  m.payload = payload;
  return m;
}

/** Decodes a string literal starting at `"': its payload is a LispString. */
function matchString(text: string, offset: number): Match {
  src = text;
  srcEnd = text.length;
  cur = offset + 1;
  try {
    const value = decodeStringBody();
    return matched(text, offset, cur, value);
  } catch (e) {
    if (e instanceof Fail) return matched(text, offset, Math.max(cur, offset + 1), e.error);
    throw e;
  }
}

const MODIFIERS_OUTSIDE_STRING = new Fail(invalidSyntax('Invalid modifier in string'));

function decodeStringBody(): LispString {
  let out = '';
  let chunk = cur;
  let multibyte = false;
  let rawBytes = false;
  for (;;) {
    if (cur >= srcEnd) throw new Fail(EOF_ERROR);
    const c = src.charCodeAt(cur);
    if (c === 34) {
      out += src.slice(chunk, cur);
      cur++;
      break;
    }
    if (c === 92) {
      out += src.slice(chunk, cur);
      cur++;
      const code = readEscape(IN_STRING);
      chunk = cur;
      if (code === -1) continue;
      let mods = code & MODIFIERS;
      let ch = code & ~MODIFIERS;
      if (ch >= BYTE8_FIRST && ch <= BYTE8_LAST) rawBytes = true;
      else if (ch >= 128) multibyte = true;
      else {
        if (mods === CTRL) {
          if (ch === 32) (ch = 0), (mods = 0);
          else if (ch === 63) (ch = 127), (mods = 0);
        }
        if (mods & SHIFT) {
          if (ch >= 65 && ch <= 90) mods &= ~SHIFT;
          else if (ch >= 97 && ch <= 122) (ch -= 32), (mods &= ~SHIFT);
        }
        if (mods & META) {
          mods &= ~META;
          ch = (ch | 0x80) + 0x3fff00;
          rawBytes = true;
        }
      }
      if (mods !== 0) throw MODIFIERS_OUTSIDE_STRING;
      // Strings cannot hold Emacs's characters beyond Unicode (#x110000-#x3FFF7F): U+FFFD stands in.
      out += ch > 0x10ffff && ch < BYTE8_FIRST ? '\ufffd' : lispCharToJs(ch);
      continue;
    }
    if (c >= 128) {
      if (c >= 0xdc80 && c <= 0xdcff) rawBytes = true;
      else multibyte = true;
    }
    cur++;
  }
  if (multibyte) return new LispString(out, true);
  if (rawBytes) out = out.replace(/[\udc80-\udcff]/g, (s) => String.fromCharCode(s.charCodeAt(0) - 0xdc00));
  return new LispString(out, false);
}

/** A character literal `?X': its payload is the character code. */
const Qlread_unescaped_character_literals = intern('lread--unescaped-character-literals');

/** lread.c notes ?( ?) ?[ ?] ?" ?; (without a backslash) for `load` to warn about at its end. */
function noteUnescapedLiteral(code: number): void {
  const seen = Qlread_unescaped_character_literals.value;
  for (let l = seen; l instanceof Cons; l = l.cdr) if (l.car === code) return;
  Qlread_unescaped_character_literals.value = new Cons(code, seen instanceof Cons ? seen : NIL);
}

function matchChar(text: string, offset: number): Match {
  src = text;
  srcEnd = text.length;
  cur = offset + 1;
  try {
    if (cur >= srcEnd) throw new Fail(EOF_ERROR);
    let code = takeCodePoint();
    if (code === 92) code = readEscape(IN_CHAR);
    else if (code === 40 || code === 41 || code === 91 || code === 93 || code === 34 || code === 59) noteUnescapedLiteral(code);
    const base = code & ~MODIFIERS;
    if (code >= 0 && base >= BYTE8_FIRST && base <= BYTE8_LAST) code = (code & MODIFIERS) | (base - 0x3fff00);
    // `? ' and `?<TAB>' stand alone whatever follows, as in (list ? x); lread.c accepts them first.
    const spaceOrTab = (code === 32 || code === 9) && text.charCodeAt(offset + 1) === code;
    if (cur < srcEnd && !spaceOrTab) {
      const next = text.charCodeAt(cur);
      if (next >= 128 || CHAR_FOLLOW[next] === 0) throw new Fail(invalidSyntax('?'));
    }
    return matched(text, offset, cur, code);
  } catch (e) {
    if (e instanceof Fail) return matched(text, offset, Math.max(cur, offset + 1), e.error);
    throw e;
  }
}

/** An atom's payload: its name with escapes removed when it had a backslash, else null. */
function matchAtom(text: string, offset: number): Match | null {
  src = text;
  srcEnd = text.length;
  cur = offset;
  const name = scanAtomName(true);
  if (name instanceof LexError) return matched(text, offset, cur, name);
  if (cur === offset) return null;
  return matched(text, offset, cur, name);
}

/**
 * Scans the characters of a symbol or number from cur. Returns the name
 * with escapes removed if a backslash occurred; otherwise null (the name is
 * the text itself) or, when `nullIfPlain` is false, the text.
 */
function scanAtomName(nullIfPlain: boolean): string | null | LexError {
  const start = cur;
  let name: string | null = null;
  let chunk = cur;
  while (cur < srcEnd) {
    const c = src.charCodeAt(cur);
    if (c === 92) {
      name = (name ?? '') + src.slice(chunk, cur);
      cur++;
      if (cur >= srcEnd) return EOF_ERROR;
      const d = src.charCodeAt(cur);
      const w = d >= 0xd800 && d <= 0xdbff && cur + 1 < srcEnd ? 2 : 1;
      name += src.slice(cur, cur + w);
      cur += w;
      chunk = cur;
      continue;
    }
    if (c < 256 && ATOM_END[c] === 1) break;
    cur++;
  }
  if (name !== null) return name + src.slice(chunk, cur);
  return nullIfPlain ? null : src.slice(start, cur);
}

function matchDot(text: string, offset: number): Match | null {
  const next = offset + 1;
  if (next < text.length) {
    const c = text.charCodeAt(next);
    if (c >= 128 || DOT_FOLLOW[c] === 0) return null;
  }
  return matched(text, offset, next, null);
}

// ---- `#' syntaxes ------------------------------------------------------------------

export const enum HashKind {
  FunctionQuote,
  Uninterned,
  /** `##' and `#_NAME': an interned symbol read without number syntax. */
  Interned,
  RecordStart,
  ByteCodeStart,
  PropertizedStringStart,
  LabelDefinition,
  LabelReference,
  Integer,
  BoolVector,
  /** `#@NUMBER' outside a byte-compiled file: the rest of the input is skipped. */
  SkipRest,
  /** `#@00': the rest is skipped and the form reads as nil. */
  SkipRestAsNil,
  LoadFileName,
}

export interface HashPayload {
  readonly kind: HashKind;
  /** A symbol name, label number or integer value. */
  readonly value: LispObject | string | number;
}

function hashPayload(kind: HashKind, value: LispObject | string | number = 0): HashPayload {
  return { kind, value };
}

const INVALID_HASH = new Fail(invalidSyntax('#'));

function matchHash(text: string, offset: number): Match {
  src = text;
  srcEnd = text.length;
  cur = offset + 1;
  try {
    const payload = readHash(text);
    return matched(text, offset, cur, payload);
  } catch (e) {
    if (e instanceof Fail) return matched(text, offset, Math.max(cur, offset + 1), e.error);
    throw e;
  }
}

/** Decodes what follows `#' (cur is just past it); cur ends after the token. */
function readHash(text: string): HashPayload {
  if (cur >= srcEnd) throw INVALID_HASH;
  const c = text.charCodeAt(cur++);
  switch (c) {
    case 39: return hashPayload(HashKind.FunctionQuote);
    case 58: { // #:NAME
      const name = scanAtomName(false);
      if (name instanceof LexError) throw new Fail(name);
      return hashPayload(HashKind.Uninterned, name as string);
    }
    case 95: { // #_NAME: NAME without shorthands; a bare `#_' is an uninterned empty name
      const start = cur;
      const name = scanAtomName(false);
      if (name instanceof LexError) throw new Fail(name);
      return hashPayload(cur === start ? HashKind.Uninterned : HashKind.Interned, name as string);
    }
    case 35: return hashPayload(HashKind.Interned, '');
    case 115: // #s(
      if (cur < srcEnd && text.charCodeAt(cur) === 40) {
        cur++;
        return hashPayload(HashKind.RecordStart);
      }
      throw INVALID_HASH;
    case 91: return hashPayload(HashKind.ByteCodeStart);
    case 40: return hashPayload(HashKind.PropertizedStringStart);
    case 38: return readBoolVector(text);
    case 94: { // #^[ a char-table, #^^[ a sub-char-table: literals we do not read
      const sub = cur < srcEnd && text.charCodeAt(cur) === 94;
      if (sub) cur++;
      if (cur >= srcEnd || text.charCodeAt(cur) !== 91) throw new Fail(invalidSyntax(sub ? '#^^' : '#^'));
      if (cur + 1 >= srcEnd) throw new Fail(EOF_ERROR);
      throw new Fail(plainError('Invalid size char-table'));
    }
    case 64: { // #@: without byte-compiled docstrings to load, Emacs skips to the end
      const skipsAsNil = text.startsWith('00', cur);
      cur = srcEnd;
      return hashPayload(skipsAsNil ? HashKind.SkipRestAsNil : HashKind.SkipRest);
    }
    case 36: return hashPayload(HashKind.LoadFileName);
    case 120: case 88: return readRadixInteger(16);
    case 111: case 79: return readRadixInteger(8);
    case 98: case 66: return readRadixInteger(2);
    default:
      if (c >= 48 && c <= 57) {
        let n = c - 48;
        while (cur < srcEnd) {
          const d = text.charCodeAt(cur);
          if (d < 48 || d > 57) break;
          n = n * 10 + (d - 48);
          cur++;
        }
        if (cur < srcEnd) {
          const d = text.charCodeAt(cur++);
          if (d === 61) return hashPayload(HashKind.LabelDefinition, n);
          if (d === 35) return hashPayload(HashKind.LabelReference, n);
          if (d === 114 || d === 82) return readRadixInteger(n);
        }
        throw INVALID_HASH;
      }
      throw INVALID_HASH;
  }
}

function alnumValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

function readRadixInteger(radix: number): HashPayload {
  let negative = false;
  if (cur < srcEnd) {
    const s = src.charCodeAt(cur);
    if (s === 43 || s === 45) {
      negative = s === 45;
      cur++;
    }
  }
  const digitsStart = cur;
  let valid = radix >= 2 && radix <= 36;
  while (cur < srcEnd) {
    const d = alnumValue(src.charCodeAt(cur));
    if (d < 0) break;
    if (d >= radix) valid = false;
    cur++;
  }
  if (!valid || cur === digitsStart) throw new Fail(invalidSyntax(`integer, radix ${radix}`));
  const digits = src.slice(digitsStart, cur);
  let value: number | bigint;
  if (digits.length * Math.log2(radix) < 52) {
    value = parseInt(digits, radix);
    if (negative) value = value === 0 ? 0 : -value;
  } else {
    let big = 0n;
    const r = BigInt(radix);
    for (let k = 0; k < digits.length; k++) big = big * r + BigInt(alnumValue(digits.charCodeAt(k)));
    value = normalizeBig(negative ? -big : big);
  }
  return hashPayload(HashKind.Integer, value);
}

const INVALID_BOOL_VECTOR = new Fail(invalidSyntax('#&...'));

function readBoolVector(text: string): HashPayload {
  if (cur >= srcEnd) throw new Fail(EOF_ERROR);
  let length = 0;
  const digitsStart = cur;
  while (cur < srcEnd) {
    const d = text.charCodeAt(cur);
    if (d < 48 || d > 57) break;
    length = length * 10 + (d - 48);
    cur++;
  }
  if (cur === digitsStart) {
    // lread.c reads any object as the length, then a string if one follows, and only then
    // finds the syntax invalid: input that ends inside either is end-of-file. (Strings and atoms here.)
    if (cur < srcEnd && text.charCodeAt(cur) === 34) {
      cur++;
      decodeStringBody();
    } else if (scanAtomName(false) instanceof LexError) throw INVALID_BOOL_VECTOR;
    if (cur < srcEnd && text.charCodeAt(cur) === 34) {
      cur++;
      decodeStringBody();
    }
    throw INVALID_BOOL_VECTOR;
  }
  if (cur >= srcEnd || text.charCodeAt(cur) !== 34) throw INVALID_BOOL_VECTOR;
  cur++;
  const data = decodeStringBody();
  const bytes = Math.ceil(length / 8);
  if (data.multibyte || data.value.length !== bytes) throw INVALID_BOOL_VECTOR;
  const bits = new Uint8Array(length);
  for (let i = 0; i < length; i++) bits[i] = (data.value.charCodeAt(i >> 3) >> (i & 7)) & 1;
  return hashPayload(HashKind.BoolVector, new BoolVector(bits));
}

// ---- the chevrotain lexer ------------------------------------------------------------

// The start_chars_hint of each pattern spares chevrotain parsing its regexp at every start.
const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[\x00-\x20\u00a0]+/,
  start_chars_hint: [...Array.from({ length: 0x21 }, (_, c) => c), 0xa0],
  group: Lexer.SKIPPED,
  line_breaks: true,
});
const Comment = createToken({ name: 'Comment', pattern: /;[^\n]*/, start_chars_hint: [';'], group: Lexer.SKIPPED });
/** `#!' comments out the rest of its line, wherever it occurs. */
const HashBangComment = createToken({ name: 'HashBangComment', pattern: /#![^\n]*/, start_chars_hint: ['#'], group: Lexer.SKIPPED });
export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
export const LBracket = createToken({ name: 'LBracket', pattern: '[' });
export const RBracket = createToken({ name: 'RBracket', pattern: ']' });
export const Quote = createToken({ name: 'Quote', pattern: "'" });
export const Backquote = createToken({ name: 'Backquote', pattern: '`' });
export const CommaAt = createToken({ name: 'CommaAt', pattern: ',@' });
export const Comma = createToken({ name: 'Comma', pattern: ',' });
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: { exec: matchString },
  start_chars_hint: ['"'],
  line_breaks: true,
});
export const CharLiteral = createToken({
  name: 'CharLiteral',
  pattern: { exec: matchChar },
  start_chars_hint: ['?'],
  line_breaks: true,
});
export const Hash = createToken({ name: 'Hash', pattern: { exec: matchHash }, start_chars_hint: ['#'], line_breaks: true });
export const Dot = createToken({ name: 'Dot', pattern: { exec: matchDot }, start_chars_hint: ['.'] });

/**
 * The UTF-16 units that can start an atom, surrogates included: chevrotain's
 * first-character optimisation silently skips a token whose first unit is
 * missing from its hint. Above 255 every unit starts an atom, and chevrotain
 * only looks at which block of 255 (in older versions 256) units a hinted
 * unit falls in, so one unit per block of either size is enough: listing all
 * 65,000 costs some 5 ms at every start.
 */
function atomStartChars(): number[] {
  const out: number[] = [];
  for (let c = 0; c <= 0xff; c++) {
    if (ATOM_END[c] === 1) continue;
    if (c === 63) continue; // `?' starts a character literal
    out.push(c);
  }
  for (let block = 1; block <= 0xff; block++) out.push(block * 255, block * 256);
  out.push(0xffff);
  return out;
}

export const Atom = createToken({
  name: 'Atom',
  pattern: { exec: matchAtom },
  start_chars_hint: atomStartChars(),
  line_breaks: true,
});

const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Quote,
  Backquote,
  CommaAt,
  Comma,
  StringLiteral,
  CharLiteral,
  HashBangComment,
  Hash,
  Dot,
  Atom,
];

const lexer = new Lexer(allTokens, {
  ensureOptimizations: true,
  positionTracking: 'onlyOffset',
  // The token definitions are fixed and covered by the reader tests.
  skipValidations: true,
});

export const TOKEN = {
  LParen: LParen.tokenTypeIdx!,
  RParen: RParen.tokenTypeIdx!,
  LBracket: LBracket.tokenTypeIdx!,
  RBracket: RBracket.tokenTypeIdx!,
  Quote: Quote.tokenTypeIdx!,
  Backquote: Backquote.tokenTypeIdx!,
  CommaAt: CommaAt.tokenTypeIdx!,
  Comma: Comma.tokenTypeIdx!,
  StringLiteral: StringLiteral.tokenTypeIdx!,
  CharLiteral: CharLiteral.tokenTypeIdx!,
  Hash: Hash.tokenTypeIdx!,
  Dot: Dot.tokenTypeIdx!,
  Atom: Atom.tokenTypeIdx!,
} as const;

/** Lexes the whole text; every character is covered by some token, so this never reports errors. */
export function tokenize(text: string): IToken[] {
  const result = lexer.tokenize(text);
  return result.tokens;
}

// ---- lazy tokenization -----------------------------------------------------------------

/** The tokens of text[base, end), offsets relative to base. */
export interface TokenChunk {
  readonly base: number;
  readonly end: number;
  readonly tokens: IToken[];
}

const CHUNK_SIZE = 1 << 16;

/**
 * Lexes a text a chunk at a time, so a reader that stops early never lexes
 * the rest and a long file is never held as tokens all at once. Chunks end
 * before a `(' that starts a line, where a token boundary almost always is;
 * when a token runs on past that point (the chunk then ends with an error
 * token, such as an unterminated string), the chunk is lexed again, longer.
 */
export class TokenStream {
  readonly chunks: TokenChunk[] = [];
  private lexedTo: number;

  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    /** Keep every chunk (to find positions again later), or only the latest. */
    private readonly keep: boolean,
  ) {
    this.lexedTo = start;
  }

  /** Where lexing has got to. */
  get lexedEnd(): number {
    return this.lexedTo;
  }

  /** Lexes the next chunk, or returns null when all is lexed. */
  more(): TokenChunk | null {
    const start = this.lexedTo;
    if (start >= this.end && this.chunks.length > 0) return null;
    let size = CHUNK_SIZE;
    for (;;) {
      let split = start + size >= this.end ? -1 : this.text.indexOf('\n(', start + size);
      split = split < 0 || split + 1 >= this.end ? this.end : split + 1;
      const whole = start === 0 && split === this.text.length;
      const tokens = tokenize(whole ? this.text : this.text.slice(start, split));
      if (split < this.end && !endsCleanly(tokens)) {
        size = 2 * (split - start);
        continue;
      }
      const chunk: TokenChunk = { base: start, end: split, tokens };
      if (!this.keep) this.chunks.length = 0;
      this.chunks.push(chunk);
      this.lexedTo = split;
      return chunk;
    }
  }
}

/** False when the last token may have been cut short by the end of the chunk. */
function endsCleanly(tokens: IToken[]): boolean {
  if (tokens.length === 0) return true;
  const p = tokens[tokens.length - 1].payload as unknown;
  if (p instanceof LexError) return false;
  if (p !== null && typeof p === 'object' && 'kind' in p) {
    const kind = (p as HashPayload).kind;
    return kind !== HashKind.SkipRest && kind !== HashKind.SkipRestAsNil;
  }
  return true;
}
