// The printer: Lisp objects to text, as Emacs 28.2's print.c writes them.
// Nesting is handled with an explicit stack of frames (generators), so a
// deeply nested object never overflows the JS stack; without print-circle,
// Emacs's own limit of 200 levels applies.
import {
  type LispObject, type LispOpaque, LispSymbol, NIL, T, Cons, LispFloat, LispString, LispRecord, BoolVector,
  CharTable, LispHashTable, Subr, LispClosure, intern, error, reversedPlist,
} from '../lisp/index.js';
import { defvar } from '../lisp/defun.js';

// ---- print variables ---------------------------------------------------------

export const Vprint_length = defvar('print-length', NIL);
export const Vprint_level = defvar('print-level', NIL);
export const Vprint_circle = defvar('print-circle', NIL);
export const Vprint_escape_newlines = defvar('print-escape-newlines', NIL);
export const Vprint_escape_control_characters = defvar('print-escape-control-characters', NIL);
export const Vprint_escape_nonascii = defvar('print-escape-nonascii', NIL);
export const Vprint_escape_multibyte = defvar('print-escape-multibyte', NIL);
export const Vprint_quoted = defvar('print-quoted', T);
export const Vprint_gensym = defvar('print-gensym', NIL);
export const Vfloat_output_format = defvar('float-output-format', NIL);
defvar('print-continuous-numbering', NIL);
defvar('print-number-table', NIL);
defvar('print-charset-text-property', NIL);

const Qquote = intern('quote');
const Qfunction = intern('function');
const Qbackquote = intern('`');
const Qcomma = intern(',');
const Qcomma_at = intern(',@');
const Qkey_and_value = intern('key-and-value');

/** Emacs's PRINT_CIRCLE: nesting deeper than this without print-circle is an error. */
const MAX_PRINT_DEPTH = 200;

// ---- floats -------------------------------------------------------------------

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/**
 * The exact decimal expansion of a finite nonzero |x|: value = 0.DIGITS × 10^point,
 * DIGITS without leading or trailing zeros.
 */
export function exactDecimal(x: number): { digits: string; point: number } {
  f64[0] = x;
  const bits = u64[0];
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let e2: number;
  if (expBits === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = expBits - 1075;
  }
  let digits: string;
  let point: number;
  if (e2 >= 0) {
    digits = (mant << BigInt(e2)).toString();
    point = digits.length;
  } else {
    const k = -e2;
    digits = (mant * 5n ** BigInt(k)).toString();
    point = digits.length - k;
  }
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return { digits: digits.slice(0, end), point };
}

/**
 * Keeps the first `keep` digits of an exact expansion, rounding half to even
 * on the exact value (as glibc's printf does). Returns the kept digits (no
 * padding) and the possibly incremented decimal point.
 */
function roundDigits(digits: string, point: number, keep: number): { digits: string; point: number } {
  if (keep >= digits.length) return { digits, point };
  if (keep < 0) return { digits: '', point };
  const next = digits.charCodeAt(keep) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (digits.length > keep + 1) up = true;
  else up = keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1;
  let kept = digits.slice(0, keep);
  if (!up) return { digits: kept, point };
  let i = keep - 1;
  while (i >= 0 && kept.charCodeAt(i) === 57) i--;
  if (i < 0) return { digits: '1' + '0'.repeat(keep > 0 ? keep - 1 : 0), point: point + 1 };
  kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + '0'.repeat(keep - 1 - i);
  return { digits: kept, point };
}

function zeros(n: number): string {
  return n > 0 ? '0'.repeat(n) : '';
}

/** C's %.Pf of |x| (finite). `alt` is the '#' flag (keep the point). */
export function fixedDigits(x: number, prec: number, alt: boolean): string {
  const ax = Math.abs(x);
  let intPart: string;
  let frac: string;
  if (ax === 0) {
    intPart = '0';
    frac = zeros(prec);
  } else {
    const ex = exactDecimal(ax);
    const r = roundDigits(ex.digits, ex.point, ex.point + prec);
    const all = r.digits;
    if (r.point <= 0) {
      intPart = '0';
      frac = (zeros(-r.point) + all).padEnd(prec, '0').slice(0, prec);
    } else {
      const padded = all.padEnd(r.point + prec, '0');
      intPart = padded.slice(0, r.point) || '0';
      frac = padded.slice(r.point, r.point + prec);
    }
  }
  return prec > 0 || alt ? intPart + '.' + frac : intPart;
}

function exponentText(e: number): string {
  const a = Math.abs(e);
  return (e < 0 ? 'e-' : 'e+') + (a < 10 ? '0' + a : String(a));
}

/** C's %.Pe of |x| (finite). */
export function expDigits(x: number, prec: number, alt: boolean): string {
  const ax = Math.abs(x);
  let d: string;
  let e: number;
  if (ax === 0) {
    d = zeros(prec + 1);
    e = 0;
  } else {
    const ex = exactDecimal(ax);
    const r = roundDigits(ex.digits, ex.point, prec + 1);
    d = r.digits.padEnd(prec + 1, '0');
    e = r.point - 1;
  }
  const mant = prec > 0 || alt ? d[0] + '.' + d.slice(1) : d[0];
  return mant + exponentText(e);
}

/** C's %.Pg of |x| (finite). */
export function generalDigits(x: number, prec: number, alt: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const ax = Math.abs(x);
  let e = 0;
  if (ax !== 0) {
    const ex = exactDecimal(ax);
    e = roundDigits(ex.digits, ex.point, p).point - 1;
  }
  let s = p > e && e >= -4 ? fixedDigits(ax, p - 1 - e, alt) : expDigits(ax, p - 1, alt);
  if (!alt) s = stripTrailingZeros(s);
  return s;
}

function stripTrailingZeros(s: string): string {
  const dot = s.indexOf('.');
  if (dot < 0) return s;
  const epos = s.indexOf('e');
  const mant = epos < 0 ? s : s.slice(0, epos);
  const rest = epos < 0 ? '' : s.slice(epos);
  let end = mant.length;
  while (mant.charCodeAt(end - 1) === 48) end--;
  if (end - 1 === dot) end--;
  return mant.slice(0, end) + rest;
}

/** Shortest %.Ng (N from 15, or from 1 for subnormals) that reads back as x; x finite, nonzero. */
function shortestRoundTrip(x: number): string {
  const ax = Math.abs(x);
  // JS's shortest form has the fewest digits that round-trip; when that is at
  // most 15 it is also what %.15g prints once trailing zeros are gone.
  let sci = ax.toExponential();
  let digitCount = sci.indexOf('e') - (sci.indexOf('.') < 0 ? 0 : 1);
  let prec: number;
  if (ax < 2.2250738585072014e-308) prec = Math.max(1, digitCount);
  else if (digitCount <= 15) prec = 15;
  else {
    sci = ax.toExponential(15);
    if (Number(sci) === ax) prec = 16;
    else {
      sci = ax.toExponential(16);
      prec = 17;
    }
    digitCount = prec;
  }
  const epos = sci.indexOf('e');
  const exp = Number(sci.slice(epos + 1));
  let mant = sci.slice(0, epos).replace('.', '');
  let end = mant.length;
  while (end > 1 && mant.charCodeAt(end - 1) === 48) end--;
  mant = mant.slice(0, end);
  let out: string;
  if (exp < -4 || exp >= prec) {
    out = mant.length > 1 ? mant[0] + '.' + mant.slice(1) + exponentText(exp) : mant + exponentText(exp);
  } else if (exp < 0) {
    out = '0.' + zeros(-exp - 1) + mant;
  } else if (mant.length <= exp + 1) {
    out = mant + zeros(exp + 1 - mant.length);
  } else {
    out = mant.slice(0, exp + 1) + '.' + mant.slice(exp + 1);
  }
  return x < 0 ? '-' + out : out;
}

/** Parses float-output-format as Emacs accepts it: "%.Ne", "%.Nf", "%.Ng" with N ≤ 15 (N = 0 only for f), or "%.e" etc. */
function parseFloatOutputFormat(fmt: LispObject): { conv: number; prec: number } | null {
  if (!(fmt instanceof LispString)) return null;
  const s = fmt.value;
  if (s.charCodeAt(0) !== 37 || s.charCodeAt(1) !== 46) return null;
  let i = 2;
  let prec = -1;
  if (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
    prec = 0;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
      prec = prec * 10 + s.charCodeAt(i) - 48;
      if (prec > 15) return null;
      i++;
    }
    if (prec === 0 && s[i] !== 'f') return null;
  }
  const conv = s.charCodeAt(i);
  if ((conv !== 101 && conv !== 102 && conv !== 103) || i + 1 !== s.length) return null;
  return { conv, prec };
}

/** A float as prin1 prints it (Emacs's float_to_string), honouring float-output-format. */
export function floatToString(x: number): string {
  if (x !== x) {
    // Emacs prints a NaN's sign and payload: -0.0e+NaN, 2.0e+NaN.
    f64[0] = x;
    const payload = u64[0] & 0x7ffffffffffffn;
    return `${u64[0] >> 63n ? '-' : ''}${payload}.0e+NaN`;
  }
  if (x === Infinity) return '1.0e+INF';
  if (x === -Infinity) return '-1.0e+INF';
  const fmt = Vfloat_output_format.value;
  let s: string;
  let appendPoint = true;
  const parsed = fmt === NIL ? null : parseFloatOutputFormat(fmt as LispObject);
  if (parsed) {
    // C's default precision when the format says "%.e": zero digits after the point.
    const prec = parsed.prec < 0 ? 0 : parsed.prec;
    const neg = x < 0 || Object.is(x, -0);
    const body =
      parsed.conv === 101 ? expDigits(x, prec, false) : parsed.conv === 102 ? fixedDigits(x, prec, false) : generalDigits(x, prec, false);
    s = neg ? '-' + body : body;
    appendPoint = parsed.prec !== 0;
  } else if (x === 0) {
    s = Object.is(x, -0) ? '-0' : '0';
  } else {
    s = shortestRoundTrip(x);
  }
  if (appendPoint) {
    // Make sure it reads back as a float: an all-digit result gets ".0".
    let allDigits = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (!(c === 45 || (c >= 48 && c <= 57))) {
        allDigits = false;
        break;
      }
    }
    if (allDigits) s += '.0';
  }
  return s;
}

// ---- symbols ------------------------------------------------------------------

// Characters that a symbol name needs escaped: ( ) [ ] " ' ` ; # , . ? \ and
// whitespace/control characters, plus no-break space.
const SYMBOL_ESCAPE = new Uint8Array(128);
for (const c of '"\\;#()[],.\'`?') SYMBOL_ESCAPE[c.charCodeAt(0)] = 1;
for (let c = 0; c <= 32; c++) SYMBOL_ESCAPE[c] = 1;

const NUMBER_LIKE = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE](?:[+-]?[0-9]+|\+INF|\+NaN))?$/;

/** A symbol name as prin1 writes it (without any #: prefix). */
export function escapeSymbolName(name: string): string {
  if (name.length === 0) return '##';
  const confusing = NUMBER_LIKE.test(name);
  let out = confusing ? '\\' : '';
  let plainFrom = 0;
  let escaped = confusing;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 128 ? SYMBOL_ESCAPE[c] === 1 : c === 0xa0) {
      // A number-like name already starts with a backslash.
      if (confusing && i === 0) continue;
      out += name.slice(plainFrom, i) + '\\';
      plainFrom = i;
      escaped = true;
    }
  }
  return escaped ? out + name.slice(plainFrom) : name;
}

// ---- the printer ----------------------------------------------------------------

type Frame = Generator<LispObject, void, void>;

export interface PrintOptions {
  /**
   * The destination takes bytes (standard output): raw bytes and unibyte
   * strings' bytes ≥ 128 go out as they are instead of as octal escapes.
   */
  rawBytes?: boolean;
}

function natOrInfinity(v: LispObject): number {
  if (typeof v === 'number' && v >= 0) return v;
  if (typeof v === 'bigint' && v >= 0n) return Infinity;
  return Infinity;
}

function isOctalDigit(c: number): boolean {
  return c >= 48 && c <= 55;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function octalEscape(c: number, next: number): string {
  const o = c.toString(8);
  return '\\' + (o.length < 3 && isOctalDigit(next) ? o.padStart(3, '0') : o);
}

class Printer {
  out = '';
  private readonly escape: boolean;
  private readonly rawBytes: boolean;
  private readonly printLength = natOrInfinity(Vprint_length.value as LispObject);
  private readonly printLevel = natOrInfinity(Vprint_level.value as LispObject);
  private readonly circle = Vprint_circle.value !== NIL;
  private readonly escapeNewlines = Vprint_escape_newlines.value !== NIL;
  private readonly escapeControl = Vprint_escape_control_characters.value !== NIL;
  private readonly escapeNonascii = Vprint_escape_nonascii.value !== NIL;
  private readonly escapeMultibyte = Vprint_escape_multibyte.value !== NIL;
  private readonly quoted = Vprint_quoted.value !== NIL;
  private readonly gensym = Vprint_gensym.value !== NIL;
  /** Objects being printed, outermost first (Emacs's being_printed). */
  private readonly beingPrinted: LispObject[] = [];
  private readonly frames: Frame[] = [];
  /** print-circle: negative = shared, label not printed yet; positive = label printed. */
  private numbers: Map<LispObject, number> | null = null;
  private closureLists: Map<LispClosure, LispObject> | null = null;
  /** Emacs's new_backquote_output: inside a backquote, commas print as , and ,@. */
  private backquoteDepth = 0;

  constructor(escape: boolean, options?: PrintOptions) {
    this.escape = escape;
    this.rawBytes = options?.rawBytes ?? false;
  }

  print(obj: LispObject): void {
    if (this.circle) this.preprocess(obj);
    this.printObject(obj);
    const frames = this.frames;
    while (frames.length > 0) {
      const r = frames[frames.length - 1].next();
      if (r.done) {
        frames.pop();
        this.beingPrinted.pop();
      } else this.printObject(r.value);
    }
  }

  private closureList(fn: LispClosure): LispObject {
    if (this.closureLists === null) this.closureLists = new Map();
    let l = this.closureLists.get(fn);
    if (l === undefined) {
      l = fn.asList();
      this.closureLists.set(fn, l);
    }
    return l;
  }

  private isCandidate(obj: LispObject): boolean {
    return (
      obj instanceof Cons ||
      Array.isArray(obj) ||
      obj instanceof LispRecord ||
      obj instanceof LispHashTable ||
      obj instanceof CharTable ||
      (this.gensym && obj instanceof LispSymbol && !obj.interned)
    );
  }

  /** Numbers every object reachable twice, in the order Emacs's print_preprocess meets them. */
  private preprocess(root: LispObject): void {
    const numbers = new Map<LispObject, number>();
    const seen = new Set<LispObject>();
    let count = 0;
    const todo: LispObject[] = [root];
    while (todo.length > 0) {
      let obj = todo.pop()!;
      for (;;) {
        if (obj instanceof LispClosure) obj = this.closureList(obj);
        if (!this.isCandidate(obj)) break;
        if (seen.has(obj)) {
          if (!numbers.has(obj)) numbers.set(obj, -++count);
          break;
        }
        seen.add(obj);
        if (obj instanceof Cons) {
          todo.push(obj.cdr);
          obj = obj.car;
          continue;
        }
        const kids: LispObject[] = [];
        if (Array.isArray(obj)) kids.push(...obj);
        else if (obj instanceof LispRecord) kids.push(...obj.slots);
        else if (obj instanceof LispHashTable) obj.forEach((k, v) => kids.push(k, v));
        else if (obj instanceof CharTable) {
          kids.push(obj.defalt, obj.parent, obj.subtype, ...obj.entries.values(), ...obj.extras);
        }
        for (let i = kids.length - 1; i >= 0; i--) todo.push(kids[i]);
        break;
      }
    }
    this.numbers = numbers;
  }

  /** Prints an atom directly, or pushes a frame for a composite object. */
  private printObject(obj: LispObject): void {
    if (typeof obj === 'number') {
      this.out += String(obj);
      return;
    }
    if (obj instanceof LispString) {
      if (this.escape && obj.intervals !== null && !obj.intervals.empty) this.push(obj, this.propertizedStringFrame(obj));
      else this.printString(obj);
      return;
    }
    if (obj instanceof LispSymbol) {
      if (this.circle && this.gensym && !obj.interned && this.label(obj)) return;
      this.printSymbol(obj);
      return;
    }
    if (obj instanceof LispFloat) {
      this.out += floatToString(obj.value);
      return;
    }
    if (typeof obj === 'bigint') {
      this.out += obj.toString();
      return;
    }
    if (obj instanceof LispClosure) obj = this.closureList(obj);
    if (obj instanceof Cons || Array.isArray(obj) || obj instanceof LispRecord || obj instanceof LispHashTable || obj instanceof CharTable) {
      const depth = this.frames.length;
      if (!this.circle) {
        if (depth + 1 >= MAX_PRINT_DEPTH) error('Apparently circular structure being printed');
        const bp = this.beingPrinted;
        for (let i = 0; i < depth; i++) {
          if (bp[i] === obj) {
            this.out += '#' + i;
            return;
          }
        }
      } else if (this.label(obj)) return;
      if (obj instanceof Cons) {
        if (depth + 1 > this.printLevel) {
          this.out += '...';
          return;
        }
        this.push(obj, this.consFrame(obj));
      } else if (Array.isArray(obj)) {
        this.push(obj, this.sequenceFrame('[', obj, 0, ']'));
      } else if (obj instanceof LispRecord) {
        this.push(obj, this.sequenceFrame('#s(', obj.slots, 0, ')'));
      } else if (obj instanceof LispHashTable) {
        this.push(obj, this.hashFrame(obj));
      } else {
        this.push(obj, this.charTableFrame(obj));
      }
      return;
    }
    if (obj instanceof BoolVector) {
      this.printBoolVector(obj);
      return;
    }
    if (obj instanceof Subr) {
      this.out += '#<subr ' + obj.name + '>';
      return;
    }
    this.out += (obj as LispOpaque).printRepr();
  }

  /** print-circle: writes #N= or #N#; true when the object is done (a back reference). */
  private label(obj: LispObject): boolean {
    const n = this.numbers?.get(obj);
    if (n === undefined) return false;
    if (n < 0) {
      this.numbers!.set(obj, -n);
      this.out += '#' + -n + '=';
      return false;
    }
    this.out += '#' + n + '#';
    return true;
  }

  private push(obj: LispObject, frame: Frame): void {
    this.beingPrinted.push(obj);
    this.frames.push(frame);
  }

  /** #("text" START END PLIST ...): Emacs prints a copy of the string, whose plists have their pairs reversed. */
  private *propertizedStringFrame(str: LispString): Frame {
    this.out += '#(';
    this.printString(str);
    for (const run of str.intervals!.runs) {
      if (run.plist === NIL) continue;
      this.out += ' ' + run.start + ' ' + run.end + ' ';
      yield reversedPlist(run.plist);
    }
    this.out += ')';
  }

  private *consFrame(obj: Cons): Frame {
    const head = obj.car;
    const rest = obj.cdr;
    if (this.quoted && rest instanceof Cons && rest.cdr === NIL) {
      if (head === Qquote) {
        this.out += "'";
        yield rest.car;
        return;
      }
      if (head === Qfunction) {
        this.out += "#'";
        yield rest.car;
        return;
      }
      if (head === Qbackquote) {
        this.out += '`';
        this.backquoteDepth++;
        yield rest.car;
        this.backquoteDepth--;
        return;
      }
      if ((head === Qcomma || head === Qcomma_at) && this.backquoteDepth > 0) {
        this.out += head === Qcomma ? ',' : ',@';
        this.backquoteDepth--;
        yield rest.car;
        this.backquoteDepth++;
        return;
      }
    }
    this.out += '(';
    const printLength = this.printLength;
    let tail: LispObject = obj;
    let i = 0;
    // Brent's cycle detection over the cdr chain, as Emacs's FOR_EACH_TAIL does.
    let tortoise: LispObject = obj;
    let max = 2;
    let q = 2;
    while (tail instanceof Cons) {
      if (i !== 0 && this.circle && this.numbers!.has(tail)) {
        this.out += ' . ';
        yield tail;
        this.out += ')';
        return;
      }
      if (i !== 0) this.out += ' ';
      if (printLength <= i) {
        this.out += '...)';
        return;
      }
      i++;
      yield tail.car;
      tail = tail.cdr;
      if (--q !== 0) {
        if (tail === tortoise && !this.circle) {
          this.out += ' . #' + (i >> 1) + ')';
          return;
        }
      } else {
        max *= 2;
        q = max;
        tortoise = tail;
      }
    }
    if (tail !== NIL) {
      this.out += ' . ';
      yield tail;
    }
    this.out += ')';
  }

  private *sequenceFrame(open: string, items: readonly LispObject[], from: number, close: string): Frame {
    this.out += open;
    const size = Math.min(items.length, this.printLength);
    for (let i = from; i < size; i++) {
      if (i !== from) this.out += ' ';
      yield items[i];
    }
    if (size < items.length) this.out += ' ...';
    this.out += close;
  }

  private *hashFrame(h: LispHashTable): Frame {
    this.out += '#s(hash-table size ' + h.size + ' test ';
    this.printSymbol(h.test.name);
    if (h.weakness !== NIL) {
      this.out += ' weakness ';
      yield h.weakness === T ? Qkey_and_value : h.weakness;
    }
    this.out += ' rehash-size ' + hashParameterText(h.rehashSize, true);
    this.out += ' rehash-threshold ' + hashParameterText(h.rehashThreshold, false);
    this.out += ' data (';
    // A print-length of 0 does not limit the data (Emacs 28 quirk).
    const limit = this.printLength === 0 ? Infinity : this.printLength;
    const keys = h.keys as unknown[];
    let printed = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === undefined || typeof k === 'symbol') continue;
      if (printed === limit) {
        this.out += ' ...';
        break;
      }
      if (printed !== 0) this.out += ' ';
      printed++;
      yield k as LispObject;
      this.out += ' ';
      yield h.vals[i];
    }
    this.out += '))';
  }

  private *charTableFrame(ct: CharTable): Frame {
    this.out += '#^[';
    // Emacs's layout: default, parent, purpose, the ASCII sub-table, 64 blocks of 65536 characters, extra slots.
    const byBlock = new Map<number, number[]>();
    for (const c of ct.entries.keys()) {
      const b = c >> 16;
      const l = byBlock.get(b);
      if (l) l.push(c);
      else byBlock.set(b, [c]);
    }
    const slots: (LispObject | SubCharTable)[] = [ct.defalt, ct.parent, ct.subtype];
    const ascii = byBlock.has(0) && [...ct.entries.keys()].some((c) => c < 128);
    slots.push(ascii ? new SubCharTable(ct, 3, 0) : ct.defalt);
    for (let b = 0; b < 64; b++) slots.push(byBlock.has(b) ? new SubCharTable(ct, 1, b << 16) : ct.defalt);
    slots.push(...ct.extras);
    const size = Math.min(slots.length, this.printLength);
    for (let i = 0; i < size; i++) {
      if (i !== 0) this.out += ' ';
      const s = slots[i];
      if (s instanceof SubCharTable) this.printSubCharTable(s);
      else yield s;
    }
    if (size < slots.length) this.out += ' ...';
    this.out += ']';
  }

  private printSubCharTable(sub: SubCharTable): void {
    const { table, depth, min } = sub;
    const span = depth === 1 ? 4096 : depth === 2 ? 128 : 1;
    const count = depth === 1 ? 16 : depth === 2 ? 32 : 128;
    this.out += (depth === 3 ? '\n' : '') + '#^^[' + depth + ' ' + min;
    for (let i = 0; i < count; i++) {
      this.out += ' ';
      const lo = min + i * span;
      if (depth === 3) {
        const v = table.entries.get(lo);
        this.printNested(v === undefined ? table.defalt : v);
        continue;
      }
      let any = false;
      for (const c of table.entries.keys()) if (c >= lo && c < lo + span) any = true;
      if (any) this.printSubCharTable(new SubCharTable(table, depth + 1, lo));
      else this.printNested(table.defalt);
    }
    this.out += ']';
  }

  /** Prints a value inside a sub-char-table (values there are usually atoms). */
  private printNested(v: LispObject): void {
    const inner = new Printer(this.escape, { rawBytes: this.rawBytes });
    inner.print(v);
    this.out += inner.out;
  }

  private printSymbol(sym: LispSymbol): void {
    const name = sym.name;
    if (this.gensym && !sym.interned) {
      this.out += '#:';
      if (name.length === 0) return;
    } else if (name.length === 0) {
      this.out += '##';
      return;
    }
    this.out += this.escape ? escapeSymbolName(name) : name;
  }

  private printString(str: LispString): void {
    const s = str.value;
    const multibyte = str.multibyte;
    if (!this.escape) {
      this.out += this.rawBytes || !needsByteEscapes(s, multibyte) ? (multibyte ? s : unibyteAsRaw(s)) : octalBytes(s, multibyte);
      return;
    }
    let out = '"';
    let plainFrom = 0;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      let esc: string | null = null;
      if (c === 34 || c === 92) esc = c === 34 ? '\\"' : '\\\\';
      else if (c < 32 || c === 127) {
        if (this.escapeNewlines && c === 10) esc = '\\n';
        else if (this.escapeNewlines && c === 12) esc = '\\f';
        else if (this.escapeControl) esc = octalEscape(c, i + 1 < n ? s.charCodeAt(i + 1) : 0);
      } else if (c >= 128) {
        if (!multibyte) {
          if (this.escapeNonascii || !this.rawBytes) esc = octalEscape(c, 0);
          else esc = String.fromCharCode(0xdc00 + c);
        } else if (c >= 0xdc80 && c <= 0xdcff) {
          esc = octalEscape(c - 0xdc00, 0);
        } else if (this.escapeMultibyte) {
          let code = c;
          let width = 1;
          if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
            const d = s.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff) {
              code = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
              width = 2;
            }
          }
          const next = i + width < n ? s.charCodeAt(i + width) : 0;
          esc = '\\x' + code.toString(16).padStart(4, '0') + (isHexDigit(next) ? '\\ ' : '');
          out += s.slice(plainFrom, i) + esc;
          i += width - 1;
          plainFrom = i + 1;
          continue;
        }
      }
      if (esc !== null) {
        out += s.slice(plainFrom, i) + esc;
        plainFrom = i + 1;
      }
    }
    this.out += out + s.slice(plainFrom) + '"';
  }

  private printBoolVector(bv: BoolVector): void {
    const nbits = bv.bits.length;
    const nbytes = (nbits + 7) >> 3;
    const shown = Math.min(nbytes, this.printLength);
    const bytes = new Uint8Array(shown);
    for (let i = 0; i < shown * 8 && i < nbits; i++) if (bv.bits[i]) bytes[i >> 3] |= 1 << (i & 7);
    let out = '#&' + nbits + '"';
    for (let i = 0; i < shown; i++) {
      const c = bytes[i];
      if (c === 10 && this.escapeNewlines) out += '\\n';
      else if (c === 12 && this.escapeNewlines) out += '\\f';
      else if (c > 127 || (this.escapeControl && (c < 32 || c === 127))) out += octalEscape(c, i + 1 < shown ? bytes[i + 1] : 0);
      else out += (c === 34 || c === 92 ? '\\' : '') + String.fromCharCode(c);
    }
    if (shown < nbytes) out += ' ...';
    this.out += out + '"';
  }
}

/** A view of part of a char-table, printed as Emacs prints its sub-char-tables. */
class SubCharTable {
  constructor(
    readonly table: CharTable,
    readonly depth: number,
    readonly min: number,
  ) {}
}

function hashParameterText(v: number, integerAllowed: boolean): string {
  // The model keeps a JS number: an integral rehash-size was given as an integer.
  return integerAllowed && Number.isInteger(v) ? String(v) : floatToString(v);
}

function needsByteEscapes(s: string, multibyte: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (multibyte ? c >= 0xdc80 && c <= 0xdcff : c >= 128) return true;
  }
  return false;
}

/** Unibyte text for a byte destination: bytes ≥ 128 as raw-byte characters. */
function unibyteAsRaw(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      out += s.slice(from, i) + String.fromCharCode(0xdc00 + c);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** princ into a string or buffer: raw bytes become octal escapes, as Emacs does. */
function octalBytes(s: string, multibyte: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const byte = multibyte ? (c >= 0xdc80 && c <= 0xdcff ? c - 0xdc00 : -1) : c >= 128 ? c : -1;
    if (byte >= 0) {
      out += s.slice(from, i) + '\\' + byte.toString(8);
      from = i + 1;
    }
  }
  return out + s.slice(from);
}

/** The printed representation: escape=true is prin1, false is princ. */
export function printToString(obj: LispObject, escape: boolean, options?: PrintOptions): string {
  // Fast paths for the commonest atoms.
  if (typeof obj === 'number') return String(obj);
  if (obj instanceof LispSymbol && !escape && obj.interned && obj.name.length > 0) return obj.name;
  const p = new Printer(escape, options);
  p.print(obj);
  return p.out;
}
