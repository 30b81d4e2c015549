// `format` and `format-message`, as Emacs 28.2's styled_format (editfns.c)
// does them: %s %S %d %o %x %X %c %e %f %g %%, flags - + space # 0, width,
// precision, field numbers (%N$). Floats are rounded on their exact binary
// value, half to even, as glibc's printf does.
import {
  type LispObject, LispSymbol, LispString, LispFloat, NIL, UNBOUND, Q, intern, signal, wrongType, list,
  makeString, lispCharToJs, MAX_CHAR,
  isAsciiText, TextProps, addRunProperties, pairs, anyWithProperties,
} from '../lisp/index.js';
import { declareModule, defun, defunRest, defvar, string, integer } from '../lisp/defun.js';
import { printToString, fixedDigits, expDigits, generalDigits } from '../reader/printer.js';
import { stringWidth, prefixFittingWidth } from './charwidth.js';

declareModule('editfns');

const Qtext_quoting_style = intern('text-quoting-style');
if (Qtext_quoting_style.value === UNBOUND) defvar('text-quoting-style', NIL);
// The style in effect: the variable's value, curve when it is nil.
defun('text-quoting-style', [], () => {
  const style = Qtext_quoting_style.value;
  return style === Qgrave || style === Qstraight ? style : intern('curve');
});
// Without message catalogs, the English forms: MSGID for exactly one, else MSGID-PLURAL.
defun('ngettext', [string, string, integer], (singular, plural, n) => (n === 1 ? singular : plural));
const Qstraight = intern('straight');
const Qgrave = intern('grave');

/** Grave accent and apostrophe as text-quoting-style wants them (curve by default). */
export function substituteQuotes(text: string): string {
  if (text.indexOf('`') < 0 && text.indexOf("'") < 0) return text;
  const style = Qtext_quoting_style.value;
  if (style === Qgrave) return text;
  if (style === Qstraight) return text.replace(/`/g, "'");
  return text.replace(/`/g, '\u2018').replace(/'/g, '\u2019');
}

/** Signals (error MESSAGE) with the message's quotes styled, as Emacs's error() does. */
function formatError(message: string): never {
  signal(Q.error, list(makeString(substituteQuotes(message))));
}

const FLAG_MINUS = 1;
const FLAG_PLUS = 2;
const FLAG_SPACE = 4;
const FLAG_SHARP = 8;
const FLAG_ZERO = 16;

/** Pads text to WIDTH columns; an ASCII %c counts as one (Emacs formats it with C's sprintf, control characters too). */
function padText(text: string, width: number, flags: number, asciiChar = false): string {
  if (width <= 0) return text;
  const w = asciiChar ? 1 : stringWidth(text);
  if (w >= width) return text;
  const pad = ' '.repeat(width - w);
  return flags & FLAG_MINUS ? text + pad : pad + text;
}

/** Pads a number's text: SIGN/PREFIX then DIGITS, zero-filled after the prefix when asked. */
function padNumber(prefix: string, digits: string, width: number, flags: number, zeroFill: boolean): string {
  const len = prefix.length + digits.length;
  if (width <= len) return prefix + digits;
  if (flags & FLAG_MINUS) return prefix + digits + ' '.repeat(width - len);
  if (zeroFill) return prefix + '0'.repeat(width - len) + digits;
  return ' '.repeat(width - len) + prefix + digits;
}

function signPrefix(negative: boolean, flags: number): string {
  if (negative) return '-';
  if (flags & FLAG_PLUS) return '+';
  if (flags & FLAG_SPACE) return ' ';
  return '';
}

function formatInteger(arg: LispObject, conv: number, flags: number, width: number, prec: number): string {
  let negative: boolean;
  let zero: boolean;
  let digits: string;
  if (typeof arg === 'number' && arg <= Number.MAX_SAFE_INTEGER && arg >= -Number.MAX_SAFE_INTEGER) {
    // Fixnums within double precision print exactly without a BigInt.
    negative = arg < 0;
    const mag = negative ? -arg : arg;
    zero = mag === 0;
    digits = conv === 100 ? String(mag) : mag.toString(conv === 111 ? 8 : 16);
  } else {
    let value: bigint;
    if (typeof arg === 'number') value = BigInt(arg);
    else if (typeof arg === 'bigint') value = arg;
    else {
      const d = (arg as LispFloat).value;
      if (!Number.isFinite(d)) {
        // %d of an infinity or NaN prints like %f would; %o and %x cannot.
        if (conv !== 100) signal(Q.overflow_error, NIL);
        return padText(signPrefix(d < 0 || (d !== d && isNegativeNaN(d)), flags) + (d !== d ? 'nan' : 'inf'), width, flags);
      }
      value = BigInt(Math.trunc(d));
    }
    negative = value < 0n;
    const mag = negative ? -value : value;
    zero = mag === 0n;
    digits = conv === 100 ? mag.toString() : conv === 111 ? mag.toString(8) : mag.toString(16);
  }
  if (conv === 88) digits = digits.toUpperCase();
  if (prec >= 0) {
    if (prec === 0 && zero) digits = '';
    else if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
  }
  let prefix = signPrefix(negative, flags);
  if (flags & FLAG_SHARP) {
    if (conv === 111) {
      if (digits.charCodeAt(0) !== 48) digits = '0' + digits;
    } else if (conv !== 100 && !zero) prefix += conv === 88 ? '0X' : '0x';
  }
  if (prefix === '' && width <= digits.length) return digits;
  return padNumber(prefix, digits, width, flags, (flags & FLAG_ZERO) !== 0 && prec < 0);
}

const nanView = new Float64Array(1);
const nanBits = new BigUint64Array(nanView.buffer);
function isNegativeNaN(d: number): boolean {
  nanView[0] = d;
  return nanBits[0] >> 63n === 1n;
}

function formatFloat(arg: LispObject, conv: number, flags: number, width: number, prec: number): string {
  const d = typeof arg === 'number' ? arg : typeof arg === 'bigint' ? Number(arg) : (arg as LispFloat).value;
  const negative = d !== d ? isNegativeNaN(d) : d < 0 || Object.is(d, -0);
  const prefix = signPrefix(negative, flags);
  if (!Number.isFinite(d)) return padNumber(prefix, d !== d ? 'nan' : 'inf', width, flags, false);
  const p = prec < 0 ? 6 : prec;
  const alt = (flags & FLAG_SHARP) !== 0;
  const body = conv === 101 ? expDigits(d, p, alt) : conv === 102 ? fixedDigits(d, p, alt) : generalDigits(d, p, alt);
  return padNumber(prefix, body, width, flags, (flags & FLAG_ZERO) !== 0);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Formats as `format` does (message=false) or `format-message` (true: the
 * format string's ` and ' follow text-quoting-style).
 */
export function formatString(fmt: LispString, args: LispObject[], message: boolean): LispString {
  if (fmt.value === '%s' && fmt.intervals === null && args.length > 0 && args[0] instanceof LispString) {
    // Emacs returns the argument itself here.
    return args[0];
  }
  if (fmt.intervals !== null || anyWithProperties(args)) {
    return formatWithProperties(fmt, args, message);
  }
  // format-message differs from format only in the format string's quotes:
  // without any, the parsed template serves it too (`error' formats this way).
  if (!message || (fmt.value.indexOf('`') < 0 && fmt.value.indexOf("'") < 0)) {
    const template = templateFor(fmt.value);
    if (template !== null) return formatWithTemplate(fmt, template, args, 0);
  }
  return formatSlow(fmt, args, message);
}

// ---- parsed format strings -------------------------------------------------------
//
// A format string whose every specifier is plain (no field numbers, a known
// conversion, nothing cut off) is parsed once into a template; formatting
// then only converts the arguments. Anything else, and format-message
// (whose quotes depend on text-quoting-style), takes formatSlow, which
// signals its errors in the order Emacs does.

interface FormatSpec {
  /** Literal text before the specifier. */
  literal: string;
  conv: number;
  flags: number;
  width: number;
  prec: number;
}

interface FormatTemplate {
  specs: FormatSpec[];
  tail: string;
}

const TEMPLATE_CACHE_SIZE = 512;
const templates = new Map<string, FormatTemplate | null>();

function templateFor(f: string): FormatTemplate | null {
  let t = templates.get(f);
  if (t === undefined) {
    t = parseTemplate(f);
    if (templates.size >= TEMPLATE_CACHE_SIZE) templates.clear();
    templates.set(f, t);
  }
  return t;
}

/** Flags, width and precision of the spec read last by readSpec (one object, reused: format runs often). */
const spec = { flags: 0, width: 0, prec: -1 };

/** Reads the flags, width and .precision of a %-spec starting at i into `spec`; returns where they end. */
function readSpec(f: string, i: number, n: number): number {
  let flags = 0;
  for (; i < n; i++) {
    const c = f.charCodeAt(i);
    if (c === 45) flags |= FLAG_MINUS;
    else if (c === 43) flags |= FLAG_PLUS;
    else if (c === 32) flags |= FLAG_SPACE;
    else if (c === 35) flags |= FLAG_SHARP;
    else if (c === 48) flags |= FLAG_ZERO;
    else break;
  }
  let width = 0;
  while (i < n && isDigit(f.charCodeAt(i))) width = Math.min(width * 10 + f.charCodeAt(i++) - 48, 1e9);
  let prec = -1;
  if (i < n && f.charCodeAt(i) === 46) {
    i++;
    prec = 0;
    while (i < n && isDigit(f.charCodeAt(i))) prec = Math.min(prec * 10 + f.charCodeAt(i++) - 48, 1e9);
  }
  spec.flags = flags;
  spec.width = width;
  spec.prec = prec;
  return i;
}

function parseTemplate(f: string): FormatTemplate | null {
  const n = f.length;
  const specs: FormatSpec[] = [];
  let literal = '';
  let from = 0;
  let i = 0;
  while (i < n) {
    if (f.charCodeAt(i) !== 37) {
      i++;
      continue;
    }
    literal += f.slice(from, i);
    i++;
    let j = i;
    while (j < n && isDigit(f.charCodeAt(j))) j++;
    if (j > i && j < n && f.charCodeAt(j) === 36) return null;
    i = readSpec(f, i, n);
    const { flags, width, prec } = spec;
    if (i >= n) return null;
    const conv = f.charCodeAt(i);
    i++;
    from = i;
    if (conv === 37) {
      literal += '%';
      continue;
    }
    if (!'sSdoxXcefg'.includes(String.fromCharCode(conv))) return null;
    specs.push({ literal, conv, flags, width, prec });
    literal = '';
  }
  return { specs, tail: literal + f.slice(from) };
}

/** formatSlow's result for a plain format string, argument i of args being the first to format. */
function formatWithTemplate(fmt: LispString, template: FormatTemplate, args: LispObject[], first: number): LispString {
  const specs = template.specs;
  let out = '';
  let multibyte = fmt.multibyte;
  let unibyteHigh = false;
  let argIndex = first;
  for (let k = 0; k < specs.length; k++) {
    const spec = specs[k];
    out += spec.literal;
    if (argIndex >= args.length) formatError('Not enough arguments for format string');
    const arg = args[argIndex++];
    const conv = spec.conv;
    if (typeof arg === 'number' && (conv === 100 || conv === 120 || conv === 88 || conv === 111)) {
      out += formatInteger(arg, conv, spec.flags, spec.width, spec.prec);
    } else if (conv === 99 && typeof arg === 'number' && arg >= 0 && arg < 128 && spec.width === 0) {
      out += String.fromCharCode(arg);
    } else if (conv === 115 && arg instanceof LispString && spec.width === 0 && spec.prec < 0) {
      out += arg.value;
      if (arg.multibyte) multibyte = true;
      else if (!unibyteHigh && /[\x80-\xff]/.test(arg.value)) unibyteHigh = true;
    } else {
      // The general case: format this one specifier alone through formatSlow's code.
      const piece = formatPiece(fmt, arg, conv, spec.flags, spec.width, spec.prec);
      out += piece.text;
      if (piece.multibyte) multibyte = true;
      if (piece.unibyteHigh) unibyteHigh = true;
    }
  }
  out += template.tail;
  if (multibyte && unibyteHigh) {
    out = rawBytesFromUnibyteArgs(fmt, first === 0 ? args : args.slice(first), false);
  }
  return new LispString(out, multibyte);
}

const pieceResult = { text: '', multibyte: false, unibyteHigh: false };

/** One converted argument: its text, whether it makes the result multibyte, whether it is unibyte with bytes >= 128. */
function formatPiece(fmt: LispString, arg: LispObject, conv: number, flags: number, width: number, prec: number): typeof pieceResult {
  const r = pieceResult;
  r.multibyte = false;
  r.unibyteHigh = false;
  const isNumber = typeof arg === 'number' || typeof arg === 'bigint' || arg instanceof LispFloat;
  if (conv === 115 || conv === 83) {
    let text: string;
    if (conv === 115 && arg instanceof LispString) {
      text = arg.value;
      if (arg.multibyte) r.multibyte = true;
      else if (/[\x80-\xff]/.test(text)) r.unibyteHigh = true;
    } else if (conv === 115 && arg instanceof LispSymbol) {
      text = arg.name;
    } else {
      text = printToString(arg, conv === 83);
      if (!fmt.multibyte && !isAsciiText(text)) r.multibyte = true;
    }
    if (prec >= 0) text = text.slice(0, prefixFittingWidth(text, prec));
    r.text = padText(text, width, flags);
  } else if (conv === 99) {
    if (typeof arg !== 'number') formatError("Format specifier doesn't match argument type");
    if (arg < 0 || arg > MAX_CHAR) wrongType(Q.characterp, arg);
    r.text = padText(lispCharToJs(arg), width, flags, arg < 128);
    if (arg > 127) r.multibyte = true;
  } else if (!isNumber) {
    formatError("Format specifier doesn't match argument type");
  } else if (conv === 101 || conv === 102 || conv === 103) {
    r.text = formatFloat(arg, conv, flags, width, prec);
  } else {
    r.text = formatInteger(arg, conv, flags, width, prec);
  }
  return r;
}

/**
 * Where a piece of the format string (a literal run or a specifier, in
 * code units of the format) landed in the result (in its code units). For a
 * %s of a string, textStart is where the argument's text begins after any
 * padding on the left.
 */
interface Placed {
  fmtStart: number;
  fmtEnd: number;
  outStart: number;
  outEnd: number;
  literal: boolean;
  arg: LispString | null;
  textStart: number;
}

/** The general formatter: field numbers, format-message quoting, errors in Emacs's order. */
function formatSlow(fmt: LispString, args: LispObject[], message: boolean, layout: Placed[] | null = null): LispString {
  const f = fmt.value;
  const n = f.length;
  let out = '';
  let multibyte = fmt.multibyte;
  // Unibyte pieces with bytes ≥ 128 must become raw bytes if the result ends up multibyte.
  let unibyteHigh = false;
  let literalFrom = 0;
  // Index into [fmt, ...args] of the last argument used.
  let argIndex = 0;
  const flushLiteral = (end: number): void => {
    if (end > literalFrom) {
      const lit = f.slice(literalFrom, end);
      const styled = message ? substituteQuotes(lit) : lit;
      if (styled !== lit && styled.indexOf('\u2018') + styled.indexOf('\u2019') > -2) multibyte = true;
      layout?.push({ fmtStart: literalFrom, fmtEnd: end, outStart: out.length, outEnd: out.length + styled.length, literal: true, arg: null, textStart: 0 });
      out += styled;
    }
  };
  let i = 0;
  while (i < n) {
    const ch = f.charCodeAt(i);
    if (ch !== 37) {
      i++;
      continue;
    }
    flushLiteral(i);
    const specStart = i;
    i++;
    // Field number: digits followed by '$'.
    let j = i;
    let num = 0;
    while (j < n && isDigit(f.charCodeAt(j))) num = Math.min(num * 10 + f.charCodeAt(j++) - 48, 1e9);
    if (j > i && j < n && f.charCodeAt(j) === 36) {
      argIndex = num - 1;
      i = j + 1;
    }
    i = readSpec(f, i, n);
    const { flags, width, prec } = spec;
    if (i >= n) formatError('Format string ends in middle of format specifier');
    const conv = f.charCodeAt(i);
    i++;
    literalFrom = i;
    if (conv === 37) {
      // Emacs copies the second % as text: a property of the first one is lost.
      layout?.push({ fmtStart: specStart, fmtEnd: i - 1, outStart: out.length, outEnd: out.length, literal: false, arg: null, textStart: 0 });
      layout?.push({ fmtStart: i - 1, fmtEnd: i, outStart: out.length, outEnd: out.length + 1, literal: true, arg: null, textStart: 0 });
      out += '%';
      continue;
    }
    if (!'sSdoxXcefg'.includes(String.fromCharCode(conv))) {
      formatError('Invalid format operation %' + f.slice(i - 1, i));
    }
    argIndex++;
    if (argIndex > args.length) formatError('Not enough arguments for format string');
    const arg = argIndex === 0 ? fmt : args[argIndex - 1];
    const isNumber = typeof arg === 'number' || typeof arg === 'bigint' || arg instanceof LispFloat;
    let piece: string;
    if (conv === 115 || conv === 83) {
      let text: string;
      if (conv === 115 && arg instanceof LispString) {
        text = arg.value;
        if (arg.multibyte) multibyte = true;
        else if (/[\x80-\xff]/.test(text)) unibyteHigh = true;
      } else if (conv === 115 && arg instanceof LispSymbol) {
        text = arg.name;
      } else {
        text = printToString(arg, conv === 83);
        if (!multibyte && !isAsciiText(text)) multibyte = true;
      }
      if (prec >= 0) text = text.slice(0, prefixFittingWidth(text, prec));
      piece = padText(text, width, flags);
      if (layout !== null) {
        const left = flags & FLAG_MINUS ? 0 : piece.length - text.length;
        layout.push({
          fmtStart: specStart, fmtEnd: i, outStart: out.length, outEnd: out.length + piece.length, literal: false,
          arg: conv === 115 && arg instanceof LispString ? arg : null, textStart: out.length + left,
        });
      }
    } else if (conv === 99) {
      if (typeof arg !== 'number') formatError("Format specifier doesn't match argument type");
      if (arg < 0 || arg > MAX_CHAR) wrongType(Q.characterp, arg);
      piece = padText(lispCharToJs(arg), width, flags, arg < 128);
      if (arg > 127) multibyte = true;
    } else if (!isNumber) {
      formatError("Format specifier doesn't match argument type");
    } else if (conv === 101 || conv === 102 || conv === 103) {
      piece = formatFloat(arg, conv, flags, width, prec);
    } else {
      piece = formatInteger(arg, conv, flags, width, prec);
    }
    if (layout !== null && !(conv === 115 || conv === 83)) {
      layout.push({ fmtStart: specStart, fmtEnd: i, outStart: out.length, outEnd: out.length + piece.length, literal: false, arg: null, textStart: 0 });
    }
    out += piece;
  }
  flushLiteral(n);
  if (multibyte && unibyteHigh) out = rawBytesFromUnibyteArgs(fmt, args, message);
  return new LispString(out, multibyte);
}

/**
 * When a multibyte result takes text from unibyte string arguments, their
 * bytes ≥ 128 become raw-byte characters. Rare; done by re-running the
 * formatting with those arguments converted.
 */
function rawBytesFromUnibyteArgs(fmt: LispString, args: LispObject[], message: boolean): string {
  const converted = args.map((a) =>
    a instanceof LispString && !a.multibyte && /[\x80-\xff]/.test(a.value)
      ? new LispString(a.value.replace(/[\x80-\xff]/g, (c) => String.fromCharCode(0xdc00 + c.charCodeAt(0))), true)
      : a,
  );
  return formatString(fmt, converted, message).value;
}

// ---- text properties ----------------------------------------------------------------

/**
 * format with text properties, as Emacs's styled_format: the result gets the
 * format string's runs first (a run over a specifier's % covers all its
 * output, one that starts inside it none), then each %s argument's runs
 * where its text went (a run reaching the argument's end reaches the end of
 * a field padded on the right). Each is added as add-text-properties adds.
 */
function formatWithProperties(fmt: LispString, args: LispObject[], message: boolean): LispString {
  const layout: Placed[] = [];
  const result = formatSlow(fmt, args, message, layout);
  const out = result.value;
  if (layout.every((p) => p.literal) && fmt.intervals !== null && out === fmt.value) {
    // No specifier: the properties come over as they are, pairs in their order.
    result.intervals = fmt.intervals.slice(0, fmt.length, true);
    return result;
  }
  const f = fmt.value;
  let props: TextProps | null = null;
  const add = (startUnit: number, endUnit: number, plist: LispObject): void => {
    const s = unitToChar(out, startUnit);
    const e = unitToChar(out, endUnit);
    if (s >= e || plist === NIL) return;
    props ??= TextProps.whole(result.length, NIL);
    addRunProperties(props, s, e, pairs(plist), true);
  };
  if (fmt.intervals !== null) {
    const mapStart = (u: number): number => {
      for (const p of layout) {
        if (p.literal ? p.fmtStart <= u && u < p.fmtEnd : p.fmtStart <= u && u < p.fmtEnd) {
          return p.literal ? p.outStart + (u - p.fmtStart) : u === p.fmtStart ? p.outStart : p.outEnd;
        }
      }
      return out.length;
    };
    const mapEnd = (u: number): number => {
      for (const p of layout) {
        if (p.fmtStart < u && u <= p.fmtEnd) return p.literal ? p.outStart + (u - p.fmtStart) : p.outEnd;
      }
      return 0;
    };
    for (const run of fmt.intervals.runs) {
      if (run.plist !== NIL) add(mapStart(charToUnit(f, run.start)), mapEnd(charToUnit(f, run.end)), run.plist);
    }
  }
  for (const p of layout) {
    const arg = p.arg;
    if (arg === null || arg.intervals === null) continue;
    const origLength = arg.length;
    // Emacs 28 puts an argument's properties where its text begins, but at the
    // start of its padded field when the format string has properties too.
    const textStart = unitToChar(out, fmt.intervals !== null ? p.outStart : p.textStart);
    const newLength = unitToChar(out, p.outEnd) - textStart;
    for (const run of arg.intervals.runs) {
      if (run.plist === NIL || run.start >= newLength) continue;
      const end = run.end >= origLength || run.end > newLength ? newLength : run.end;
      add(charToUnit(out, textStart + run.start), charToUnit(out, textStart + end), run.plist);
    }
  }
  result.intervals = props;
  return result;
}

/** Character index of code unit u in text (they differ past a surrogate pair). */
function unitToChar(text: string, u: number): number {
  let c = u;
  for (let i = 0; i < u - 1; i++) {
    const x = text.charCodeAt(i);
    if (x >= 0xd800 && x <= 0xdbff) {
      const y = text.charCodeAt(i + 1);
      if (y >= 0xdc00 && y <= 0xdfff) {
        c--;
        i++;
      }
    }
  }
  return c;
}

/** Code unit index of character c in text. */
function charToUnit(text: string, c: number): number {
  let u = 0;
  for (let k = 0; k < c && u < text.length; k++) {
    const x = text.charCodeAt(u);
    u += x >= 0xd800 && x <= 0xdbff && u + 1 < text.length && (text.charCodeAt(u + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return u;
}

defunRest('format', 1, (args) => {
  const fmt = args[0];
  if (!(fmt instanceof LispString)) wrongType(Q.stringp, fmt);
  if (fmt.value === '%s' && fmt.intervals === null && args.length > 1 && args[1] instanceof LispString) return args[1];
  if (fmt.intervals !== null || anyWithProperties(args, 1)) {
    return formatWithProperties(fmt, args.slice(1), false);
  }
  const template = templateFor(fmt.value);
  if (template !== null) return formatWithTemplate(fmt, template, args, 1);
  return formatSlow(fmt, args.slice(1), false);
});

defunRest('format-message', 1, (args) => {
  const fmt = args[0];
  if (!(fmt instanceof LispString)) wrongType(Q.stringp, fmt);
  return formatString(fmt, args.slice(1), true);
});
