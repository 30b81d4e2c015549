// coding.c for strings: encoding and decoding with the common coding
// systems, unibyte/multibyte conversions, base64, secure hashes and
// url-util's percent-encoding.
import {
  type LispObject, LispString, LispSymbol, NIL, Q, intern, signal, list, arrayToList,
  wrongType, error, RAW_BYTE_BASE, RAW_SURROGATE_BASE, isAsciiText, unibyteToMultibyteText,
} from '../lisp/index.js';
import { declareModule, defun, optional, any, string, symbol, bool } from '../lisp/defun.js';
import { checkRange } from './character.js';
import { cryptoModule } from '../host/lazy-builtins.js';
import { funcall } from '../eval/index.js';

declareModule('coding');

const Qcoding_system_error = intern('coding-system-error');

// ---- bytes of strings --------------------------------------------------------

/** UTF-8 bytes of a multibyte text, raw bytes as themselves (as string-as-unibyte gives them). */
function utf8Bytes(text: string, rawByteWidth: 1 | 2): Uint8Array {
  const out = new Uint8Array(text.length * 3 + 1);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
      continue;
    }
    if (c >= RAW_SURROGATE_BASE && c <= 0xdcff) {
      const b = c - RAW_SURROGATE_BASE + 0x80;
      if (rawByteWidth === 2) {
        out[o++] = 0xc0 | (b >> 6);
        out[o++] = 0x80 | (b & 0x3f);
      } else out[o++] = b;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    } else {
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 0x3f);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
  }
  return out.subarray(0, o);
}

function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** The bytes `string-as-unibyte` gives: a unibyte string's bytes, or UTF-8 with raw bytes as single bytes. */
export function unibyteBytes(s: LispString): Uint8Array {
  return s.multibyte ? utf8Bytes(s.value, 1) : latin1Bytes(s.value);
}

/** The bytes of S in Emacs's internal representation (raw bytes take two). */
export function internalBytes(s: LispString): Uint8Array {
  return s.multibyte ? utf8Bytes(s.value, 2) : latin1Bytes(s.value);
}

/** Bytes as JS text, one char per byte. */
function bytesToText(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return text;
}

/** A unibyte string holding BYTES. */
export function bytesToUnibyte(bytes: Uint8Array): LispString {
  return new LispString(bytesToText(bytes), false);
}

/** Decodes UTF-8 bytes; each byte of an invalid sequence becomes a raw-byte character. */
export function decodeUtf8(bytes: Uint8Array, from = 0): { text: string; valid: boolean } {
  let text = '';
  let valid = true;
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      // Runs of ASCII go in one piece.
      let j = i + 1;
      while (j < n && bytes[j] < 0x80 && j - i < 4096) j++;
      text += String.fromCharCode(...bytes.subarray(i, j));
      i = j;
      continue;
    }
    let need = 0;
    let c = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) [need, c, min] = [1, b & 0x1f, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, c, min] = [2, b & 0x0f, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, c, min] = [3, b & 0x07, 0x10000];
    let ok = need > 0 && i + need < n;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const cb = bytes[i + k];
        if (cb === undefined || (cb & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        c = (c << 6) | (cb & 0x3f);
      }
    }
    // Overlong forms, surrogates and code points past U+10FFFF stay raw bytes.
    if (ok && (c < min || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)) ok = false;
    if (ok) {
      text += String.fromCodePoint(c);
      i += need + 1;
    } else {
      valid = false;
      text += String.fromCharCode(RAW_SURROGATE_BASE + b - 0x80);
      i++;
    }
  }
  return { text, valid };
}

// ---- coding systems ----------------------------------------------------------

type CodingType = 'utf-8' | 'utf-8-sig' | 'utf-8-auto' | 'latin-1' | 'ascii' | 'binary' | 'raw-text' | 'undecided'
  | 'utf-16' | 'utf-16le' | 'utf-16be' | 'emacs-internal';
type Eol = 'unix' | 'dos' | 'mac' | null;

interface CodingSystem {
  readonly type: CodingType;
  /** null: detected when decoding, unix when encoding. */
  readonly eol: Eol;
}

const BASE_CODINGS: Record<string, CodingSystem> = {
  'utf-8': { type: 'utf-8', eol: null },
  'mule-utf-8': { type: 'utf-8', eol: null },
  'utf-8-emacs': { type: 'emacs-internal', eol: null },
  'emacs-internal': { type: 'emacs-internal', eol: 'unix' },
  'utf-8-with-signature': { type: 'utf-8-sig', eol: null },
  'utf-8-auto': { type: 'utf-8-auto', eol: null },
  'prefer-utf-8': { type: 'undecided', eol: null },
  undecided: { type: 'undecided', eol: null },
  'latin-1': { type: 'latin-1', eol: null },
  'iso-latin-1': { type: 'latin-1', eol: null },
  'iso-8859-1': { type: 'latin-1', eol: null },
  'us-ascii': { type: 'ascii', eol: null },
  ascii: { type: 'ascii', eol: null },
  'iso-safe': { type: 'ascii', eol: null },
  binary: { type: 'binary', eol: 'unix' },
  'no-conversion': { type: 'binary', eol: 'unix' },
  'raw-text': { type: 'raw-text', eol: null },
  'utf-16': { type: 'utf-16', eol: null },
  'utf-16le': { type: 'utf-16le', eol: null },
  'utf-16be': { type: 'utf-16be', eol: null },
};

const codingCache = new Map<LispSymbol, CodingSystem>();

function lookupCoding(sym: LispSymbol): CodingSystem | null {
  const cached = codingCache.get(sym);
  if (cached) return cached;
  let cs: CodingSystem | undefined = BASE_CODINGS[sym.name];
  if (!cs) {
    const m = /^(.*)-(unix|dos|mac)$/.exec(sym.name);
    const base = m ? BASE_CODINGS[m[1]] : undefined;
    if (base && m && base.type !== 'binary' && sym.name !== 'emacs-internal') cs = { type: base.type, eol: m[2] as Eol };
  }
  if (!cs) return null;
  codingCache.set(sym, cs);
  return cs;
}

/** The coding system named by X (nil gives null), or signals coding-system-error. */
export function checkCodingSystem(x: LispObject): CodingSystem | null {
  if (x === NIL) return null;
  if (!(x instanceof LispSymbol)) return wrongType(Q.symbolp, x);
  const cs = lookupCoding(x);
  if (!cs) signal(Qcoding_system_error, list(x));
  return cs;
}

export function isCodingSystem(x: LispObject): boolean {
  return x === NIL || (x instanceof LispSymbol && lookupCoding(x) !== null);
}

/** The bytes for S encoded with CODING (a coding-system symbol). */
export function encodeToBytes(s: LispString, coding: LispObject): Uint8Array {
  const cs = checkCodingSystem(coding);
  return cs ? encodeWith(s, cs) : unibyteBytes(s);
}

function applyEolForEncoding(text: string, eol: Eol): string {
  if (eol === 'dos') return text.replace(/\n/g, '\r\n');
  if (eol === 'mac') return text.replace(/\n/g, '\r');
  return text;
}

function encodeWith(s: LispString, cs: CodingSystem): Uint8Array {
  // Unibyte text is bytes already; only the EOL conversion applies.
  const text = applyEolForEncoding(s.value, cs.eol);
  if (!s.multibyte) return latin1Bytes(text);
  switch (cs.type) {
    case 'utf-8':
    case 'utf-8-auto':
    case 'undecided':
    case 'binary':
    case 'raw-text':
      return utf8Bytes(text, 1);
    case 'emacs-internal':
      return utf8Bytes(text, 2);
    case 'utf-8-sig': {
      const body = utf8Bytes(text, 1);
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      return out;
    }
    case 'latin-1':
    case 'ascii': {
      const limit = cs.type === 'latin-1' ? 0x100 : 0x80;
      // Characters the charset lacks: Emacs writes a space for latin-1 and ? for ASCII.
      const replacement = cs.type === 'latin-1' ? 0x20 : 0x3f;
      const out: number[] = [];
      for (const ch of text) {
        const c = ch.codePointAt(0)!;
        if (c < limit) out.push(c);
        else if (c >= RAW_SURROGATE_BASE && c <= 0xdcff) out.push(c - RAW_SURROGATE_BASE + 0x80);
        else out.push(replacement);
      }
      return Uint8Array.from(out);
    }
    case 'utf-16':
    case 'utf-16le':
    case 'utf-16be': {
      const little = cs.type === 'utf-16le';
      const bom = cs.type === 'utf-16';
      const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
      let o = 0;
      if (bom) {
        out[o++] = 0xfe;
        out[o++] = 0xff;
      }
      for (let i = 0; i < text.length; i++) {
        let u = text.charCodeAt(i);
        if (u >= RAW_SURROGATE_BASE && u <= 0xdcff) u = 0xfffd;
        if (little) {
          out[o++] = u & 0xff;
          out[o++] = u >> 8;
        } else {
          out[o++] = u >> 8;
          out[o++] = u & 0xff;
        }
      }
      return out;
    }
  }
}

function detectEol(text: string): Eol {
  let lf = false;
  let crlf = false;
  let cr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lf = true;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf = true;
        i++;
      } else cr = true;
    }
  }
  if (lf) return 'unix';
  if (crlf) return 'dos';
  if (cr) return 'mac';
  return 'unix';
}

function applyEolForDecoding(text: string, eol: Eol): string {
  if (text.indexOf('\r') < 0) return text;
  const e = eol ?? detectEol(text);
  if (e === 'dos') return text.replace(/\r\n/g, '\n');
  if (e === 'mac') return text.replace(/\r/g, '\n');
  return text;
}

function decodeUtf16(bytes: Uint8Array, little: boolean, from: number): string {
  let text = '';
  for (let i = from; i + 1 < bytes.length; i += 2) {
    text += String.fromCharCode(little ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  }
  return text;
}

/** Decodes BYTES with CS into a Lisp string. */
function decodeWith(bytes: Uint8Array, cs: CodingSystem): LispString {
  let text: string;
  let multibyte = true;
  switch (cs.type) {
    case 'binary':
    case 'raw-text':
      text = bytesToText(bytes);
      multibyte = false;
      break;
    case 'latin-1':
      text = bytesToText(bytes);
      break;
    case 'ascii': {
      text = '';
      for (const b of bytes) text += b < 0x80 ? String.fromCharCode(b) : String.fromCharCode(RAW_SURROGATE_BASE + b - 0x80);
      break;
    }
    case 'undecided': {
      const r = decodeUtf8(bytes);
      text = r.valid ? r.text : bytesToText(bytes);
      break;
    }
    case 'utf-8-sig':
    case 'utf-8-auto': {
      const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      text = decodeUtf8(bytes, bom ? 3 : 0).text;
      break;
    }
    case 'utf-16':
    case 'utf-16le':
    case 'utf-16be': {
      let little = cs.type === 'utf-16le';
      let from = 0;
      if (cs.type === 'utf-16' && bytes.length >= 2) {
        if (bytes[0] === 0xff && bytes[1] === 0xfe) [little, from] = [true, 2];
        else if (bytes[0] === 0xfe && bytes[1] === 0xff) from = 2;
      }
      text = decodeUtf16(bytes, little, from);
      break;
    }
    default:
      text = decodeUtf8(bytes).text;
  }
  return new LispString(applyEolForDecoding(text, cs.eol), multibyte);
}

// ---- files: detecting, naming and applying a coding system --------------------------

/** The names Emacs gives the coding systems (coding-system-base): aliases map to these. */
const CANONICAL_NAMES: Record<string, string> = {
  'latin-1': 'iso-latin-1', 'iso-8859-1': 'iso-latin-1', binary: 'no-conversion',
  ascii: 'us-ascii', 'iso-safe': 'us-ascii', 'mule-utf-8': 'utf-8',
};
const EOL_SUFFIXES: readonly Eol[] = ['unix', 'dos', 'mac'];
const Qunix = intern('unix');
const Qdos = intern('dos');
const Qmac = intern('mac');

function callBuiltin(name: string, args: LispObject[]): LispObject {
  return funcall(intern(name), args);
}

/** NAME without an -unix/-dos/-mac suffix, and its EOL (null when it has none). */
function splitEol(name: string): [string, Eol] {
  const m = /^(.*)-(unix|dos|mac)$/.exec(name);
  return m !== null && BASE_CODINGS[m[1]] !== undefined ? [m[1], m[2] as Eol] : [name, null];
}

function baseName(sym: LispSymbol): string {
  const [base] = splitEol(sym.name);
  return CANONICAL_NAMES[base] ?? base;
}

/** BASE with EOL as Emacs names it: no-conversion has no variants. */
function withEol(base: string, eol: Eol): LispSymbol {
  return intern(base === 'no-conversion' || eol === null ? base : `${base}-${eol}`);
}

/** The EOL convention of a file's bytes: DOS only when every line feed has its carriage return. */
function fileEol(bytes: Uint8Array): Eol {
  let crlf = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 10) continue;
    if (i === 0 || bytes[i - 1] !== 13) return 'unix';
    crlf = true;
  }
  return crlf ? 'dos' : 'unix';
}

/**
 * What Emacs (preferring UTF-8) detects for a file: ASCII, UTF-8 (an
 * invalid sequence is tolerated only where the file cuts it short, as
 * Emacs reads a file in blocks; not in a WHOLE-TEXT string), else
 * ISO Latin-1 when no byte is a C1 control, else raw text.
 */
function detectFileCoding(bytes: Uint8Array, wholeText = false): 'undecided' | 'utf-8' | 'utf-8-with-signature' | 'iso-latin-1' | 'raw-text' {
  let high = false;
  let utf8 = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high = true;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) {
      if (wholeText || i !== bytes.length - 1) utf8 = false;
    } else {
      let k = 1;
      while (k <= need && i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80) k++;
      if (k <= need && (wholeText || i + k < bytes.length)) utf8 = false;
      i += k - 1;
    }
    if (!utf8) break;
  }
  if (!high) return 'undecided';
  if (utf8) return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-with-signature' : 'utf-8';
  for (const b of bytes) if (b >= 0x80 && b < 0xa0) return 'raw-text';
  return 'iso-latin-1';
}

/**
 * The text insert-file-contents puts in a buffer for BYTES (as bytes in a
 * unibyte one), the coding system the buffer then has (EOL type settled,
 * unix when the file has no line end) and the one last-coding-system-used
 * names (EOL type only when a line end showed it): CODING when given
 * (coding-system-for-read), else what detection finds.
 */
export function decodeFileText(
  bytes: Uint8Array,
  coding: LispObject,
  multibyte: boolean,
): { text: string; coding: LispSymbol; used: LispSymbol } {
  const cs = coding instanceof LispSymbol && coding !== NIL ? checkCodingSystem(coding) : null;
  const seen = bytes.indexOf(10) >= 0 || bytes.indexOf(13) >= 0;
  let base: string;
  let type: CodingType;
  let eol: Eol;
  let named: LispSymbol | null = null;
  if (!multibyte && cs?.type !== 'binary') {
    // A unibyte buffer gets the bytes, with raw-text's EOL conversion.
    [base, type, eol] = ['raw-text', 'raw-text', cs?.eol ?? fileEol(bytes)];
  } else if (cs === null || cs.type === 'undecided') {
    base = detectFileCoding(bytes);
    type = base === 'utf-8' ? 'utf-8' : base === 'utf-8-with-signature' ? 'utf-8-sig' : base === 'iso-latin-1' ? 'latin-1' : base === 'raw-text' ? 'raw-text' : 'ascii';
    eol = cs?.eol ?? fileEol(bytes);
  } else {
    base = baseName(coding as LispSymbol);
    type = cs.type;
    eol = cs.type === 'binary' ? null : cs.eol ?? fileEol(bytes);
    named = coding as LispSymbol;
  }
  const decoded = decodeWith(bytes, { type, eol: eol ?? 'unix' });
  const text = decoded.multibyte === multibyte ? decoded.value : multibyte ? unibyteToMultibyteText(decoded.value) : decoded.value;
  const open = cs === null || cs.eol === null;
  const used = open && seen && eol !== null ? withEol(base, eol) : named ?? intern(base);
  return { text, coding: withEol(base, eol), used };
}

/** CODING with the EOL type of RESOLVED when CODING leaves it open (how a buffer's own coding system is kept). */
export function mergeEol(coding: LispSymbol, resolved: LispSymbol): LispSymbol {
  if (lookupCoding(coding) === null) return coding;
  const [, eol] = splitEol(coding.name);
  if (eol !== null) return coding;
  const base = baseName(coding);
  return base === 'no-conversion' ? intern(base) : withEol(base, splitEol(resolved.name)[1] ?? 'unix');
}

/** The bytes write-region writes for buffer TEXT (multibyte) with CODING. */
export function encodeFileText(text: string, coding: LispObject): Uint8Array {
  const cs = coding instanceof LispSymbol && coding !== NIL ? lookupCoding(coding) : null;
  return encodeWith(new LispString(text, true), cs ?? { type: 'utf-8', eol: 'unix' });
}

/** The coding system Emacs detects first for BYTES, with the EOL type when a line end shows it. */
export function detectCoding(bytes: Uint8Array): LispSymbol {
  const base = detectFileCoding(bytes, true);
  const seen = bytes.indexOf(10) >= 0 || bytes.indexOf(13) >= 0;
  return seen ? withEol(base, fileEol(bytes)) : intern(base);
}

/** Bytes of buffer or string text as the coding functions see them: raw bytes as themselves, other characters in UTF-8. */
export function textBytes(text: string, multibyte: boolean): Uint8Array {
  return multibyte ? utf8Bytes(text, 1) : latin1Bytes(text);
}

/** `decode-coding-string` of raw BYTES: the decoded text (multibyte). */
export function decodeBytes(bytes: Uint8Array, coding: LispObject): LispString {
  return decodeCodingString(bytesToUnibyte(bytes), coding);
}

// Only the highest-priority answer is Emacs's: its full list names coding systems this runtime lacks.
defun('detect-coding-string', [string, optional(any)], (s, highest) => {
  const found = detectCoding(textBytes(s.value, s.multibyte));
  return highest !== NIL ? found : list(found);
});

defun('coding-system-eol-type', [any], (coding) => {
  if (!(coding instanceof LispSymbol) || coding === NIL || lookupCoding(coding) === null) return NIL;
  const [base, eol] = splitEol(coding.name);
  if (eol !== null) return EOL_SUFFIXES.indexOf(eol);
  if (lookupCoding(coding)!.type === 'binary' || coding.name === 'emacs-internal') return 0;
  return EOL_SUFFIXES.map((e) => intern(`${base}-${e}`));
});

defun('coding-system-base', [any], (coding) => {
  if (coding === NIL) return intern('no-conversion');
  const cs = checkCodingSystem(coding);
  void cs;
  return intern(baseName(coding as LispSymbol));
});

// mule.el's: an EOL symbol becomes its index into the variants vector; a
// coding system whose EOL is already EOL-TYPE is returned as it is.
defun('coding-system-change-eol-conversion', [any, any], (coding, eolType) => {
  let eol: LispObject = eolType;
  if (eol === Qunix) eol = 0;
  else if (eol === Qdos) eol = 1;
  else if (eol === Qmac) eol = 2;
  const base = callBuiltin('coding-system-base', [coding]);
  const own = callBuiltin('coding-system-eol-type', [coding]);
  const pick = (variants: LispObject[]): LispObject => {
    if (typeof eol !== 'number') return wrongType(Q.fixnump, eol);
    if (eol < 0 || eol >= variants.length) return signal(Q.args_out_of_range, list(variants, eol));
    return variants[eol];
  };
  if (Array.isArray(own)) return eol === NIL ? coding : pick(own);
  if (eol === NIL) return base;
  if (typeof eol !== 'number') return wrongType(Q.number_or_marker_p, eol);
  if (eol === own) return coding;
  const baseEol = callBuiltin('coding-system-eol-type', [base]);
  return Array.isArray(baseEol) ? pick(baseEol) : NIL;
});

/** `encode-coding-string`. */
export function encodeCodingString(s: LispString, coding: LispObject, nocopy = false): LispString {
  const cs = checkCodingSystem(coding);
  if (!cs) return nocopy ? s : new LispString(s.value, s.multibyte);
  if (isAsciiText(s.value) && cs.type !== 'utf-16' && cs.type !== 'utf-16le' && cs.type !== 'utf-16be' && cs.type !== 'utf-8-sig'
    && (cs.eol === null || cs.eol === 'unix' || s.value.indexOf('\n') < 0)) {
    return nocopy && !s.multibyte ? s : new LispString(s.value, false);
  }
  return bytesToUnibyte(encodeWith(s, cs));
}

/** `decode-coding-string`. */
export function decodeCodingString(s: LispString, coding: LispObject, nocopy = false): LispString {
  const cs = checkCodingSystem(coding);
  if (!cs) return nocopy ? s : new LispString(s.value, s.multibyte);
  const asciiCompatible = cs.type !== 'utf-16' && cs.type !== 'utf-16le' && cs.type !== 'utf-16be';
  if (asciiCompatible && isAsciiText(s.value) && (cs.eol === 'unix' || s.value.indexOf('\r') < 0)) {
    return nocopy ? s : new LispString(s.value, true);
  }
  return decodeWith(unibyteBytes(s), cs);
}

defun('encode-coding-string', [string, any, optional(any), optional(any)], (s, coding, nocopy) =>
  encodeCodingString(s, coding, nocopy !== NIL),
);
defun('decode-coding-string', [string, any, optional(any), optional(any)], (s, coding, nocopy) =>
  decodeCodingString(s, coding, nocopy !== NIL),
);

defun('coding-system-p', [any], (x) => bool(isCodingSystem(x)));
defun('check-coding-system', [any], (x) => (checkCodingSystem(x), x));

// ---- unibyte and multibyte -----------------------------------------------------

defun('string-to-multibyte', [string], (s) => (s.multibyte ? s : new LispString(unibyteToMultibyteText(s.value), true)));

defun('string-to-unibyte', [string], (s) => {
  if (!s.multibyte) return s;
  const codes = s.codes();
  let text = '';
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0x80) text += String.fromCharCode(c);
    else if (c >= RAW_BYTE_BASE) text += String.fromCharCode(c - RAW_BYTE_BASE + 0x80);
    else error(`Can\u2019t convert the ${i}th character to unibyte`);
  }
  return new LispString(text, false);
});

defun('string-as-unibyte', [string], (s) => (s.multibyte ? bytesToUnibyte(unibyteBytes(s)) : s));

defun('string-as-multibyte', [string], (s) => (s.multibyte ? s : new LispString(decodeUtf8(latin1Bytes(s.value)).text, true)));

defun('string-make-unibyte', [string], (s) => {
  if (!s.multibyte) return s;
  let text = '';
  for (const c of s.codes()) text += String.fromCharCode(c >= RAW_BYTE_BASE ? c - RAW_BYTE_BASE + 0x80 : c & 0xff);
  return new LispString(text, false);
});

defun('string-make-multibyte', [string], (s) =>
  s.multibyte || isAsciiText(s.value) ? s : new LispString(unibyteToMultibyteText(s.value), true),
);

// ---- base64 --------------------------------------------------------------------

export const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The bytes base64 encodes: characters 128-255 stand for bytes; anything wider is an error. */
export function base64InputBytes(s: LispString): Uint8Array {
  if (!s.multibyte) return latin1Bytes(s.value);
  const codes = s.codes();
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0x100) out[i] = c;
    else if (c >= RAW_BYTE_BASE) out[i] = c - RAW_BYTE_BASE + 0x80;
    else error('Multibyte character in data for base64 encoding');
  }
  return out;
}

export function base64Encode(bytes: Uint8Array, alphabet: string, lineBreaks: boolean, pad: boolean): string {
  let out = '';
  let column = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    if (lineBreaks && column >= 76) {
      out += '\n';
      column = 0;
    }
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : -1;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : -1;
    out += alphabet[b0 >> 2];
    out += alphabet[((b0 & 3) << 4) | (b1 < 0 ? 0 : b1 >> 4)];
    if (b1 < 0) out += pad ? '==' : '';
    else {
      out += alphabet[((b1 & 15) << 2) | (b2 < 0 ? 0 : b2 >> 6)];
      out += b2 < 0 ? (pad ? '=' : '') : alphabet[b2 & 63];
    }
    column += 4;
  }
  return out;
}

defun('base64-encode-string', [string, optional(any)], (s, noLineBreak) =>
  new LispString(base64Encode(base64InputBytes(s), B64, noLineBreak === NIL, true), false),
);

defun('base64url-encode-string', [string, optional(any)], (s, noPad) =>
  new LispString(base64Encode(base64InputBytes(s), B64URL, false, noPad === NIL), false),
);

export function invalidBase64(): never {
  return error('Invalid base64 data');
}

/** Decodes base64 text; whitespace is skipped, and base64url may omit padding. */
export function base64Decode(text: string, url: boolean): Uint8Array {
  const alphabet = url ? B64URL : B64;
  const out: number[] = [];
  let i = 0;
  const next = (): number => {
    while (i < text.length) {
      const ch = text.charCodeAt(i++);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 12) continue;
      if (ch === 61 /* = */) return -2;
      const v = alphabet.indexOf(text[i - 1]);
      if (v < 0) invalidBase64();
      return v;
    }
    return -1;
  };
  for (;;) {
    const c1 = next();
    if (c1 === -1) break;
    if (c1 === -2) invalidBase64();
    const c2 = next();
    if (c2 < 0) invalidBase64();
    out.push(((c1 << 2) | (c2 >> 4)) & 0xff);
    const c3 = next();
    if (c3 === -1) {
      if (url) break;
      invalidBase64();
    }
    if (c3 === -2) {
      if (next() !== -2) invalidBase64();
      continue;
    }
    out.push(((c2 << 4) | (c3 >> 2)) & 0xff);
    const c4 = next();
    if (c4 === -1) {
      if (url) break;
      invalidBase64();
    }
    if (c4 === -2) continue;
    out.push(((c3 << 6) | c4) & 0xff);
  }
  return Uint8Array.from(out);
}

defun('base64-decode-string', [string, optional(any)], (s, url) => {
  if (s.multibyte && !isAsciiText(s.value)) invalidBase64();
  return bytesToUnibyte(base64Decode(s.value, url !== NIL));
});

// ---- secure hashes -------------------------------------------------------------

const HASH_ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

/** A buffer's text between START and END for the hash functions (set by editfns.ts); null for a non-buffer. */
let bufferTextForHash: ((object: LispObject, start: LispObject, end: LispObject) => LispString | null) | null = null;

export function setBufferTextForHash(fn: (object: LispObject, start: LispObject, end: LispObject) => LispString | null): void {
  bufferTextForHash = fn;
}

function hashInput(object: LispObject, start: LispObject, end: LispObject, coding: LispObject): Uint8Array {
  const fromBuffer = bufferTextForHash?.(object, start, end) ?? null;
  if (fromBuffer !== null) return fromBuffer.multibyte ? utf8Bytes(fromBuffer.value, 1) : latin1Bytes(fromBuffer.value);
  if (!(object instanceof LispString)) return signal(Q.error, list(new LispString('Invalid object argument', false), object));
  const [f, e] = checkRange(object, start, end, object.length);
  const piece = f === 0 && e === object.length ? object : new LispString(object.slice(f, e), object.multibyte);
  if (!piece.multibyte) return latin1Bytes(piece.value);
  if (coding !== NIL && isCodingSystem(coding)) return encodeToBytes(piece, coding);
  return utf8Bytes(piece.value, 1);
}

function digest(algorithm: string, bytes: Uint8Array, binary: boolean): LispString {
  const hash = cryptoModule().createHash(algorithm).update(bytes);
  if (binary) return bytesToUnibyte(new Uint8Array(hash.digest()));
  return new LispString(hash.digest('hex'), false);
}

defun('secure-hash', [symbol, any, optional(any), optional(any), optional(any)], (algorithm, object, start, end, binary) => {
  if (!HASH_ALGORITHMS.includes(algorithm.name)) error(`Invalid algorithm arg: ${algorithm.name}`);
  return digest(algorithm.name, hashInput(object, start, end, NIL), binary !== NIL);
});

defun('md5', [any, optional(any), optional(any), optional(any), optional(any)], (object, start, end, coding) =>
  digest('md5', hashInput(object, start, end, coding), false),
);

defun('sha1', [any, optional(any), optional(any), optional(any)], (object, start, end, binary) =>
  digest('sha1', hashInput(object, start, end, NIL), binary !== NIL),
);

defun('secure-hash-algorithms', [], () => arrayToList(HASH_ALGORITHMS.map((a) => intern(a))));

// ---- url-util percent-encoding -------------------------------------------------

function isUnreserved(b: number): boolean {
  return (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === 45 || b === 95 || b === 46 || b === 126;
}

defun('url-hexify-string', [any, optional(any)], (s, allowed) => {
  if (!(s instanceof LispString)) return wrongType(Q.sequencep, s);
  const bytes = s.multibyte ? utf8Bytes(s.value, 1) : latin1Bytes(s.value);
  let out = '';
  for (const b of bytes) {
    let ok: boolean;
    if (allowed === NIL) ok = isUnreserved(b);
    else if (Array.isArray(allowed)) ok = b < allowed.length && allowed[b] !== NIL;
    else ok = listHasChar(allowed, b);
    out += ok ? String.fromCharCode(b) : '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  }
  return new LispString(out, false);
});

function listHasChar(l: LispObject, c: number): boolean {
  for (let x = l; x !== NIL && typeof x === 'object' && 'car' in x; x = x.cdr) if (x.car === c) return true;
  return false;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

defun('url-unhex-string', [string, optional(any)], (s, allowNewlines) => {
  const text = s.value;
  const parts: LispString[] = [];
  let last = 0;
  for (let i = 0; i + 2 < text.length; i++) {
    if (text.charCodeAt(i) !== 37) continue;
    const hi = hexValue(text.charCodeAt(i + 1));
    const lo = hexValue(text.charCodeAt(i + 2));
    if (hi < 0 || lo < 0) continue;
    let b = hi * 16 + lo;
    if (allowNewlines === NIL && (b === 10 || b === 13)) b = 32;
    if (i > last) parts.push(new LispString(text.slice(last, i), s.multibyte));
    parts.push(new LispString(String.fromCharCode(b), false));
    last = i + 3;
    i += 2;
  }
  if (last === 0) return new LispString(text, s.multibyte);
  if (last < text.length) parts.push(new LispString(text.slice(last), s.multibyte));
  let multibyte = false;
  for (const p of parts) if (p.multibyte) multibyte = true;
  let out = '';
  for (const p of parts) out += multibyte && !p.multibyte ? unibyteToMultibyteText(p.value) : p.value;
  return new LispString(out, multibyte);
});

