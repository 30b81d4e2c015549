// JSON: json.el's json-encode and json-read-from-string (driven by the
// json-* variables), and json.c's json-serialize and json-parse-string
// (driven by keyword arguments, with jansson's error messages).
import { floatToString } from '../reader/printer.js';
import {
  type LispObject, LispString, LispSymbol, Cons, LispFloat, LispHashTable, NIL, T, Q, intern, signal, list,
  arrayToList, wrongType, argsOutOfRange, isKeyword, BoolVector, RAW_BYTE_BASE, TailCheck, makeString,
  isAsciiText,
} from '../lisp/index.js';
import { equalTest } from '../lisp/hashtable.js';
import { declareModule, defun, defunRest, defvar, any, string } from '../lisp/defun.js';
import { symbolValue } from '../eval/state.js';
import { funcall } from '../eval/index.js';
import { onBuiltinFeature, provideBuiltin } from './load.js';
import { currentBuffer } from '../buffer/buffer.js';
import { insertAtPoint } from '../buffer/insdel.js';
import { defineErrorSymbol } from './errors.js';

declareModule('json');

const Qjson_false = intern(':json-false');
const Qjson_object_type = defvar('json-object-type', intern('alist'));
const Qjson_array_type = defvar('json-array-type', intern('vector'));
const Qjson_key_type = defvar('json-key-type', NIL);
const Qjson_false_var = defvar('json-false', Qjson_false);
const Qjson_null_var = defvar('json-null', NIL);
defvar('json-encoding-pretty-print', NIL);

const Qalist = intern('alist');
const Qplist = intern('plist');
const Qhash_table = intern('hash-table');
const Qlist = intern('list');
const Qarray = intern('array');
const Qstring = intern('string');
const Qsymbol = intern('symbol');
const Qkeyword = intern('keyword');
const Qkw_null = intern(':null');
const Qkw_false = intern(':false');
const Qkw_object_type = intern(':object-type');
const Qkw_array_type = intern(':array-type');
const Qkw_null_object = intern(':null-object');
const Qkw_false_object = intern(':false-object');

const Qjson_key_format = intern('json-key-format');
const Qjson_end_of_file = intern('json-end-of-file');
const Qjson_readtable_error = intern('json-readtable-error');
const Qjson_unknown_keyword = intern('json-unknown-keyword');
const Qjson_array_format = intern('json-array-format');
const Qjson_object_format = intern('json-object-format');
const Qjson_number_format = intern('json-number-format');
const Qjson_string_format = intern('json-string-format');
const Qjson_parse_error = intern('json-parse-error');
const Qjson_trailing_content = intern('json-trailing-content');
const Qjson_out_of_memory = intern('json-out-of-memory');
const Qjson_value_p = intern('json-value-p');
const Qutf_8_string_p = intern('utf-8-string-p');
const Qplistp = intern('plistp');
const Qstring_without_embedded_nulls_p = intern('string-without-embedded-nulls-p');

// ---- float printing ----------------------------------------------------------

/** C's %.{prec}g. */
export function formatG(v: number, prec: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, expText] = v.toExponential(prec - 1).split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= prec) {
    let m = mant;
    if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
    const e = Math.abs(exp);
    return `${m}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  let f = v.toFixed(Math.max(0, prec - 1 - exp));
  if (f.includes('.')) f = f.replace(/0+$/, '').replace(/\.$/, '');
  return f;
}

/** A float as Emacs prints it: the shortest %g from 15 digits up that reads back, with ".0" when integral. */
/** json.el prints floats as `format' %s does: the printer's float form. */
export const emacsFloatString = floatToString;

// ---- json.el: encoding -------------------------------------------------------

function jsonElString(s: string, out: string[]): void {
  let r = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) r += '\\"';
    else if (c === 92) r += '\\\\';
    else if (c >= 0x20) r += s[i];
    else if (c === 8) r += '\\b';
    else if (c === 12) r += '\\f';
    else if (c === 10) r += '\\n';
    else if (c === 13) r += '\\r';
    else if (c === 9) r += '\\t';
    else r += '\\u' + c.toString(16).padStart(4, '0');
  }
  out.push(r + '"');
}

function isAlist(l: LispObject): boolean {
  while (l instanceof Cons && l.car instanceof Cons && !(l.car.car instanceof Cons)) l = l.cdr;
  return l === NIL;
}

function isPlist(l: LispObject): boolean {
  while (l instanceof Cons && l.car instanceof LispSymbol && isKeyword(l.car) && l.cdr instanceof Cons) l = l.cdr.cdr;
  return l === NIL;
}

function jsonElKey(key: LispObject, out: string[]): void {
  if (key instanceof LispString) return jsonElString(key.value, out);
  if (key instanceof LispSymbol && key !== NIL && key !== T && key !== symbolValue(Qjson_false_var) && key !== symbolValue(Qjson_null_var)) {
    return jsonElString(isKeyword(key) ? key.name.slice(1) : key.name, out);
  }
  signal(Qjson_key_format, list(key));
}

/** How json-encode lays out objects and arrays: json-encoding-pretty-print and the sort predicate. */
interface JsonElLayout {
  pretty: boolean;
  indent: string;
  sort: LispObject;
}

function jsonElEncode(x: LispObject, out: string[], layout: JsonElLayout, depth: number): void {
  if (x === T) out.push('true');
  // json-encode-keyword tests json-false before json-null.
  else if (x === symbolValue(Qjson_false_var)) out.push('false');
  else if (x === symbolValue(Qjson_null_var)) out.push('null');
  // nil, when it does not stand for null, is the empty alist.
  else if (x === NIL) jsonElObject([], out, layout, depth);
  else if (x instanceof LispString) jsonElString(x.value, out);
  else if (x instanceof LispSymbol) jsonElString(isKeyword(x) ? x.name.slice(1) : x.name, out);
  else if (x instanceof Cons) {
    if (isAlist(x)) {
      const entries: [LispObject, LispObject][] = [];
      const check = new TailCheck(x);
      for (let l: LispObject = x; l instanceof Cons; l = l.cdr, check.step(l)) {
        const pair = l.car as Cons;
        entries.push([pair.car, pair.cdr]);
      }
      jsonElObject(entries, out, layout, depth);
    } else if (isPlist(x)) {
      const entries: [LispObject, LispObject][] = [];
      for (let l: LispObject = x; l instanceof Cons; l = (l.cdr as Cons).cdr) entries.push([l.car, (l.cdr as Cons).car]);
      jsonElObject(entries, out, layout, depth);
    } else {
      const items: LispObject[] = [];
      let l: LispObject = x;
      const check = new TailCheck(x);
      for (; l instanceof Cons; l = l.cdr, check.step(l)) items.push(l.car);
      if (l !== NIL) signal(Q.json_error, list(x));
      jsonElArray(items, out, layout, depth);
    }
  } else if (typeof x === 'number' || typeof x === 'bigint') out.push(String(x));
  else if (x instanceof LispFloat) out.push(emacsFloatString(x.value));
  else if (Array.isArray(x)) jsonElArray(x, out, layout, depth);
  else if (x instanceof BoolVector) jsonElArray(Array.from(x.bits, (b) => (b ? T : NIL)), out, layout, depth);
  else if (x instanceof LispHashTable) {
    const entries: [LispObject, LispObject][] = [];
    x.forEach((k, v) => entries.push([k, v]));
    jsonElObject(entries, out, layout, depth);
  } else signal(Q.json_error, list(x));
}

/** The line break and indentation before an element at DEPTH, when pretty-printing. */
function jsonElBreak(layout: JsonElLayout, depth: number): string {
  return layout.pretty ? '\n' + layout.indent.repeat(depth) : '';
}

function jsonElObject(entries: [LispObject, LispObject][], out: string[], layout: JsonElLayout, depth: number): void {
  if (layout.sort !== NIL) {
    const pred = layout.sort;
    entries = entries.slice().sort((a, b) => (funcall(pred, [a[0], b[0]]) !== NIL ? -1 : funcall(pred, [b[0], a[0]]) !== NIL ? 1 : 0));
  }
  if (entries.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) out.push(',');
    out.push(jsonElBreak(layout, depth + 1));
    jsonElKey(entries[i][0], out);
    out.push(layout.pretty ? ': ' : ':');
    jsonElEncode(entries[i][1], out, layout, depth + 1);
  }
  out.push(jsonElBreak(layout, depth), '}');
}

function jsonElArray(items: readonly LispObject[], out: string[], layout: JsonElLayout, depth: number): void {
  if (items.length === 0) {
    out.push('[]');
    return;
  }
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    out.push(jsonElBreak(layout, depth + 1));
    jsonElEncode(items[i], out, layout, depth + 1);
  }
  out.push(jsonElBreak(layout, depth), ']');
}

const Qjson_encoding_pretty_print = defvar('json-encoding-pretty-print', NIL);
const Qjson_encoding_default_indentation = defvar('json-encoding-default-indentation', new LispString('  ', false));
const Qjson_encoding_object_sort_predicate = defvar('json-encoding-object-sort-predicate', NIL);

/** json.el's `json-encode`. */
export function jsonEncode(x: LispObject): LispString {
  const out: string[] = [];
  const indent = symbolValue(Qjson_encoding_default_indentation);
  jsonElEncode(x, out, {
    pretty: symbolValue(Qjson_encoding_pretty_print) !== NIL,
    indent: indent instanceof LispString ? indent.value : '  ',
    sort: symbolValue(Qjson_encoding_object_sort_predicate),
  }, 0);
  const text = out.join('');
  return new LispString(text, !isAsciiText(text));
}

// ---- json.el's autoload ---------------------------------------------------------

/**
 * json.el's errors, as (require 'json) or the first call of one of its
 * functions (an autoload in Emacs) defines them. Emacs -Q knows only json.c's
 * errors before that; json.el then also redefines json-error's message and
 * json-end-of-file's conditions. Checked against GNU Emacs 28.2.
 */
const JSON_EL_ERRORS: readonly [string, string, string][] = [
  ['json-error', 'error', 'Unknown JSON error'],
  ['json-readtable-error', 'json-error error', 'JSON readtable error'],
  ['json-unknown-keyword', 'json-error error', 'Unrecognized keyword'],
  ['json-number-format', 'json-error error', 'Invalid number format'],
  ['json-string-escape', 'json-error error', 'Bad Unicode escape'],
  ['json-string-format', 'json-error error', 'Bad string format'],
  ['json-key-format', 'json-error error', 'Bad JSON object key'],
  ['json-object-format', 'json-error error', 'Bad JSON object'],
  ['json-array-format', 'json-error error', 'Bad JSON array'],
  ['json-end-of-file', 'end-of-file error json-error', 'End of file while parsing JSON'],
];

onBuiltinFeature('json', () => {
  for (const [name, parents, message] of JSON_EL_ERRORS) defineErrorSymbol(name, parents, message);
});

const Qjson = intern('json');
let jsonElLoaded = false;

function loadJsonEl(): void {
  if (jsonElLoaded) return;
  jsonElLoaded = true;
  provideBuiltin(Qjson);
}

defun('json-encode', [any], (x) => (loadJsonEl(), jsonEncode(x)));
defun('json-encode-string', [string], (s) => {
  loadJsonEl();
  const out: string[] = [];
  jsonElString(s.value, out);
  return new LispString(out[0], s.multibyte);
});
defun('json-alist-p', [any], (x) => (loadJsonEl(), isAlist(x) ? T : NIL));
defun('json-plist-p', [any], (x) => (loadJsonEl(), isPlist(x) ? T : NIL));

// ---- json.el: reading --------------------------------------------------------

class JsonElReader {
  pos = 0;
  /** BASE: added to the positions errors report (a buffer reader's point minus one). */
  constructor(
    readonly text: string,
    readonly base = 0,
  ) {}

  skipWhitespace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) this.pos++;
      else break;
    }
  }

  peek(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }

  read(): LispObject {
    this.skipWhitespace();
    const c = this.peek();
    if (c < 0) signal(Qjson_end_of_file, NIL);
    if (c === 123) return this.readObject();
    if (c === 91) return this.readArray();
    if (c === 34) return this.readString();
    if (c === 45 || (c >= 48 && c <= 57)) return this.readNumber();
    // json-readtable-dispatch: each keyword is expected from its first letter.
    if (c === 116) return this.readKeyword('true');
    if (c === 102) return this.readKeyword('false');
    if (c === 110) return this.readKeyword('null');
    return signal(Qjson_readtable_error, list(c));
  }

  /** json-read-keyword: the keyword, then a value's end (whitespace , ] } or the end); else the word at point is unknown. */
  readKeyword(keyword: 'true' | 'false' | 'null'): LispObject {
    if (!this.text.startsWith(keyword, this.pos)) return signal(Qjson_unknown_keyword, list(this.wordAtPoint()));
    this.pos += keyword.length;
    const c = this.peek();
    if (!(c < 0 || c === 9 || c === 10 || c === 13 || c === 32 || c === 44 || c === 93 || c === 125)) {
      signal(Qjson_unknown_keyword, list(this.wordAtPoint()));
    }
    this.skipWhitespace();
    return keyword === 'true' ? T : keyword === 'false' ? symbolValue(Qjson_false_var) : symbolValue(Qjson_null_var);
  }

  /** (thing-at-point 'word): the word around point, or the one that ends at point; nil if none. */
  private wordAtPoint(): LispObject {
    const word = /[\p{L}\p{N}]/u;
    let start = this.pos;
    let end = this.pos;
    if (!(end < this.text.length && word.test(this.text[end]))) {
      if (!(start > 0 && word.test(this.text[start - 1]))) return NIL;
    } else {
      while (end < this.text.length && word.test(this.text[end])) end++;
    }
    while (start > 0 && word.test(this.text[start - 1])) start--;
    return makeString(this.text.slice(start, end));
  }

  readNumber(): LispObject {
    const m = /^[-+0-9.eE]*/.exec(this.text.slice(this.pos))![0];
    const start = this.pos;
    this.pos += m.length;
    if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(m)) signal(Qjson_number_format, list(this.base + start + m.length));
    if (/[.eE]/.test(m)) return new LispFloat(Number(m));
    const n = Number(m);
    return Number.isSafeInteger(n) ? (Object.is(n, -0) ? 0 : n) : BigInt(m);
  }

  readString(): LispString {
    const t = this.text;
    this.pos++;
    let out = '';
    for (;;) {
      if (this.pos >= t.length) signal(Qjson_end_of_file, NIL);
      const c = t[this.pos++];
      if (c === '"') break;
      if (c !== '\\') {
        out += c;
        continue;
      }
      if (this.pos >= t.length) signal(Qjson_end_of_file, NIL);
      const e = t[this.pos++];
      switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = t.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) signal(Qjson_string_format, list(new LispString(hex, false)));
          this.pos += 4;
          out += String.fromCharCode(parseInt(hex, 16));
          break;
        }
        default:
          out += e;
      }
    }
    return new LispString(out, !isAsciiText(out));
  }

  readArray(): LispObject {
    this.pos++;
    const items: LispObject[] = [];
    this.skipWhitespace();
    if (this.peek() === 93) this.pos++;
    else
      for (;;) {
        items.push(this.read());
        this.skipWhitespace();
        const c = this.peek();
        if (c === 93) {
          this.pos++;
          break;
        }
        if (c < 0) signal(Qjson_end_of_file, NIL);
        if (c !== 44) signal(Qjson_array_format, list(new LispString(',', false), c));
        this.pos++;
      }
    return symbolValue(Qjson_array_type) === Qlist ? arrayToList(items) : items;
  }

  readObject(): LispObject {
    this.pos++;
    const type = symbolValue(Qjson_object_type);
    const keyType = symbolValue(Qjson_key_type);
    const pairs: [LispObject, LispObject][] = [];
    this.skipWhitespace();
    if (this.peek() === 125) this.pos++;
    else
      for (;;) {
        this.skipWhitespace();
        const k = this.peek();
        if (k < 0) signal(Qjson_end_of_file, NIL);
        if (k !== 34) signal(Qjson_string_format, list(k));
        const keyText = this.readString().value;
        this.skipWhitespace();
        const colon = this.peek();
        if (colon < 0) signal(Qjson_end_of_file, NIL);
        if (colon !== 58) signal(Qjson_object_format, list(new LispString(':', false), colon));
        this.pos++;
        const value = this.read();
        const effectiveKeyType = keyType !== NIL ? keyType : type === Qplist ? Qkeyword : type === Qhash_table ? Qstring : Qsymbol;
        let key: LispObject;
        if (effectiveKeyType === Qstring) key = new LispString(keyText, !isAsciiText(keyText));
        else if (effectiveKeyType === Qkeyword) key = intern(':' + keyText);
        else key = intern(keyText);
        pairs.push([key, value]);
        this.skipWhitespace();
        const c = this.peek();
        if (c === 125) {
          this.pos++;
          break;
        }
        if (c < 0) signal(Qjson_end_of_file, NIL);
        if (c !== 44) signal(Qjson_object_format, list(new LispString(',', false), c));
        this.pos++;
      }
    if (type === Qhash_table) {
      const h = new LispHashTable(equalTest);
      for (const [k, v] of pairs) h.put(k, v);
      return h;
    }
    if (type === Qplist) return arrayToList(pairs.flat());
    return arrayToList(pairs.map(([k, v]) => new Cons(k, v)));
  }
}

defun('json-read-from-string', [string], (s) => (loadJsonEl(), new JsonElReader(s.value).read()));

// json.el's json-read: the value after point (and whitespace), leaving point just after it.
defun('json-read', [], () => {
  loadJsonEl();
  const buf = currentBuffer();
  const start = buf.pt;
  const text = buf.substring(start, buf.zv);
  const reader = new JsonElReader(text, start - 1);
  try {
    return reader.read();
  } finally {
    buf.goto(start + charCount(text.slice(0, reader.pos)));
  }
});


// ---- json.c: serializing -----------------------------------------------------

interface SerializeConfig {
  nullObject: LispObject;
  falseObject: LispObject;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** jansson's %.17g, with its exponent trimmed ("1e20") and ".0" when integral. */
function janssonReal(v: number): string {
  let s = formatG(v, 17);
  s = s.replace(/e([-+])0*(\d)/, (_m, sign: string, d: string) => `e${sign === '-' ? '-' : ''}${d}`);
  return /[.e]/.test(s) ? s : s + '.0';
}

function serializeString(s: LispString, out: string[]): void {
  if ((!s.multibyte && /[\x80-\xff]/.test(s.value)) || (s.multibyte && /[\udc80-\udcff]/.test(s.value) && hasRawByte(s))) {
    wrongType(Qutf_8_string_p, s);
  }
  jsonElString(s.value, out);
}

function hasRawByte(s: LispString): boolean {
  for (const c of s.codes()) if (c >= RAW_BYTE_BASE) return true;
  return false;
}

function serializeKey(name: string, out: string[]): void {
  jsonElString(name, out);
}

function serialize(x: LispObject, cfg: SerializeConfig, out: string[]): void {
  if (x === cfg.nullObject) out.push('null');
  else if (x === cfg.falseObject) out.push('false');
  else if (x === T) out.push('true');
  else if (typeof x === 'number' || typeof x === 'bigint') {
    if (typeof x === 'bigint' && (x < INT64_MIN || x > INT64_MAX)) argsOutOfRange(x, INT64_MIN, INT64_MAX);
    out.push(String(x));
  } else if (x instanceof LispFloat) {
    if (!Number.isFinite(x.value)) signal(Qjson_out_of_memory, NIL);
    out.push(janssonReal(x.value));
  } else if (x instanceof LispString) serializeString(x, out);
  else if (Array.isArray(x)) {
    out.push('[');
    for (let i = 0; i < x.length; i++) {
      if (i > 0) out.push(',');
      serialize(x[i], cfg, out);
    }
    out.push(']');
  } else if (x instanceof LispHashTable) {
    const entries: [string, LispObject][] = [];
    x.forEach((k, v) => {
      if (!(k instanceof LispString)) wrongType(Q.stringp, k);
      entries.push([k.value, v]);
    });
    serializeObject(entries, cfg, out);
  } else if (x === NIL || x instanceof Cons) {
    const entries: [string, LispObject][] = [];
    const seen = new Set<string>();
    if (x instanceof Cons && x.car instanceof Cons) {
      let l: LispObject = x;
      for (; l instanceof Cons; l = l.cdr) {
        const pair = l.car;
        if (!(pair instanceof Cons)) wrongType(Q.consp, pair);
        if (!(pair.car instanceof LispSymbol)) wrongType(Q.symbolp, pair.car);
        const name = pair.car.name;
        if (!seen.has(name)) {
          seen.add(name);
          entries.push([name, pair.cdr]);
        }
      }
      if (l !== NIL) wrongType(Q.listp, x);
    } else {
      let l: LispObject = x;
      for (; l instanceof Cons; ) {
        const key = l.car;
        if (!(key instanceof LispSymbol)) wrongType(Q.symbolp, key);
        const rest: LispObject = l.cdr;
        if (!(rest instanceof Cons)) wrongType(Q.consp, rest);
        const name = isKeyword(key) ? key.name.slice(1) : key.name;
        if (!seen.has(name)) {
          seen.add(name);
          entries.push([name, rest.car]);
        }
        l = rest.cdr;
      }
      if (l !== NIL) wrongType(Q.listp, x);
    }
    serializeObject(entries, cfg, out);
  } else wrongType(Qjson_value_p, x);
}

function serializeObject(entries: [string, LispObject][], cfg: SerializeConfig, out: string[]): void {
  out.push('{');
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) out.push(',');
    serializeKey(entries[i][0], out);
    out.push(':');
    serialize(entries[i][1], cfg, out);
  }
  out.push('}');
}

interface ParseConfig extends SerializeConfig {
  objectType: LispSymbol;
  arrayType: LispSymbol;
}

function parseArgs(args: readonly LispObject[], start: number): ParseConfig {
  const cfg: ParseConfig = { nullObject: Qkw_null, falseObject: Qkw_false, objectType: Qhash_table, arrayType: Qarray };
  if ((args.length - start) % 2 !== 0) wrongType(Qplistp, arrayToList(args.slice(start)));
  for (let i = start; i < args.length; i += 2) {
    const key = args[i];
    const value = args[i + 1];
    if (key === Qkw_object_type) {
      if (value !== Qhash_table && value !== Qalist && value !== Qplist) {
        signal(Q.error, list(new LispString('One of hash-table, alist or plist should be specified', false), value));
      }
      cfg.objectType = value as LispSymbol;
    } else if (key === Qkw_array_type) {
      if (value !== Qarray && value !== Qlist) signal(Q.error, list(new LispString('One of array or list should be specified', false), value));
      cfg.arrayType = value as LispSymbol;
    } else if (key === Qkw_null_object) cfg.nullObject = value;
    else if (key === Qkw_false_object) cfg.falseObject = value;
    else {
      signal(Q.error, list(new LispString('One of :object-type, :array-type, :null-object or :false-object should be specified', false), value));
    }
  }
  return cfg;
}

defunRest('json-serialize', 1, (args) => {
  const cfg = parseArgs(args, 1);
  const out: string[] = [];
  serialize(args[0], cfg, out);
  return new LispString(out.join(''), true);
});

// ---- json.c: parsing (jansson's lexer and messages) ---------------------------

class JsonParseFailure {
  constructor(readonly kind: LispSymbol, readonly message: string) {}
}

class JanssonParser {
  pos = 0;
  /** Text of the token being lexed, for "near '...'" messages. */
  tokenText = '';
  token: string | number | LispObject = '';
  tokenKind: 'eof' | 'punct' | 'string' | 'int' | 'real' | 'true' | 'false' | 'null' = 'eof';

  constructor(readonly text: string, readonly cfg: ParseConfig) {}

  fail(message: string, atEof = false): never {
    const near = atEof || this.tokenKind === 'eof' && this.tokenText === '' ? 'near end of file' : `near '${this.tokenText}'`;
    throw new JsonParseFailure(atEof || (this.tokenKind === 'eof' && this.tokenText === '') ? Qjson_end_of_file : Qjson_parse_error, `${message} ${near}`);
  }

  next(): void {
    const t = this.text;
    while (this.pos < t.length && ' \t\n\r'.includes(t[this.pos])) this.pos++;
    this.tokenText = '';
    if (this.pos >= t.length) {
      this.tokenKind = 'eof';
      return;
    }
    const c = t[this.pos];
    if ('{}[]:,'.includes(c)) {
      this.pos++;
      this.tokenText = c;
      this.tokenKind = 'punct';
      this.token = c;
      return;
    }
    if (c === '"') return this.lexString();
    if (c === '-' || (c >= '0' && c <= '9')) return this.lexNumber();
    if (/[a-zA-Z]/.test(c)) {
      const m = /^[a-zA-Z]+/.exec(t.slice(this.pos))![0];
      this.pos += m.length;
      this.tokenText = m;
      if (m === 'true' || m === 'false' || m === 'null') {
        this.tokenKind = m;
        return;
      }
      this.tokenKind = 'punct';
      this.token = '';
      this.fail('invalid token');
    }
    this.pos++;
    this.tokenText = c;
    this.tokenKind = 'punct';
    this.token = '';
    this.fail('invalid token');
  }

  lexNumber(): void {
    const t = this.text;
    const start = this.pos;
    const m = /^-?(0|[1-9][0-9]*)?(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(t.slice(start))![0];
    this.pos += m.length;
    this.tokenText = m;
    const intPart = /^-?(0|[1-9][0-9]*)/.exec(m);
    if (!intPart || (intPart[1] === '0' && /[0-9]/.test(t[this.pos] ?? ''))) {
      if (m === '' || m === '-') {
        this.tokenText = t.slice(start, start + 1);
        this.pos = start + 1;
      }
      this.tokenKind = 'punct';
      this.fail('invalid token');
    }
    if (/[.eE]/.test(m)) {
      const v = Number(m);
      if (!Number.isFinite(v)) {
        this.tokenKind = 'real';
        this.fail('real number overflow');
      }
      this.tokenKind = 'real';
      this.token = new LispFloat(v);
      return;
    }
    const big = BigInt(m);
    if (big < INT64_MIN || big > INT64_MAX) {
      this.tokenKind = 'int';
      this.fail('too big integer');
    }
    this.tokenKind = 'int';
    const n = Number(big);
    this.token = Number.isSafeInteger(n) ? n : big;
  }

  lexString(): void {
    const t = this.text;
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      if (this.pos >= t.length) {
        this.tokenText = t.slice(start, this.pos);
        this.tokenKind = 'punct';
        throw new JsonParseFailure(Qjson_end_of_file, `premature end of input near '${this.tokenText}'`);
      }
      const c = t[this.pos];
      const code = c.charCodeAt(0);
      if (c === '"') {
        this.pos++;
        break;
      }
      if (code < 0x20) {
        this.tokenText = t.slice(start, this.pos);
        this.tokenKind = 'punct';
        this.fail(code === 10 ? 'unexpected newline' : `control character 0x${code.toString(16)}`);
      }
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      const e = t[this.pos + 1];
      if (e === undefined) {
        this.pos++;
        continue;
      }
      this.pos += 2;
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) {
        out += simple[e];
        continue;
      }
      if (e !== 'u') {
        this.tokenText = t.slice(start, this.pos);
        this.tokenKind = 'punct';
        this.fail('invalid escape');
      }
      const hex = t.slice(this.pos, this.pos + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.tokenText = t.slice(start, this.pos);
        this.tokenKind = 'punct';
        this.fail('invalid escape');
      }
      this.pos += 4;
      let u = parseInt(hex, 16);
      if (u >= 0xd800 && u <= 0xdbff) {
        const low = /^\\u([0-9a-fA-F]{4})/.exec(t.slice(this.pos));
        const lo = low ? parseInt(low[1], 16) : -1;
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          this.pos += 6;
          u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
        } else this.invalidUnicode(start, hex);
      } else if (u >= 0xdc00 && u <= 0xdfff) this.invalidUnicode(start, hex);
      else if (u === 0) {
        this.scanToStringEnd(start);
        this.fail('\\u0000 is not allowed without JSON_ALLOW_NUL');
      }
      out += String.fromCodePoint(u);
    }
    this.tokenText = t.slice(start, this.pos);
    this.tokenKind = 'string';
    this.token = new LispString(out, !isAsciiText(out));
  }

  // jansson reports a bad escape after reading the whole string token.
  scanToStringEnd(start: number): void {
    const t = this.text;
    while (this.pos < t.length && t[this.pos] !== '"') this.pos += t[this.pos] === '\\' ? 2 : 1;
    if (this.pos < t.length) this.pos++;
    this.tokenText = t.slice(start, this.pos);
    this.tokenKind = 'punct';
  }

  invalidUnicode(start: number, hex: string): never {
    this.scanToStringEnd(start);
    return this.fail(`invalid Unicode '\\u${hex.toUpperCase()}'`);
  }

  isPunct(p: string): boolean {
    return this.tokenKind === 'punct' && this.token === p;
  }

  isString(): boolean {
    return this.tokenKind === 'string';
  }

  parseValue(): LispObject {
    switch (this.tokenKind) {
      case 'string':
      case 'int':
      case 'real':
        return this.token as LispObject;
      case 'true':
        return T;
      case 'false':
        return this.cfg.falseObject;
      case 'null':
        return this.cfg.nullObject;
      case 'eof':
        return this.fail('unexpected token');
    }
    if (this.token === '{') return this.parseObject();
    if (this.token === '[') return this.parseArray();
    return this.fail('unexpected token');
  }

  parseArray(): LispObject {
    const items: LispObject[] = [];
    this.next();
    if (!(this.isPunct(']'))) {
      while (this.tokenKind !== 'eof') {
        items.push(this.parseValue());
        this.next();
        if (!(this.isPunct(','))) break;
        this.next();
      }
      if (!(this.isPunct(']'))) this.fail("']' expected");
    }
    return this.cfg.arrayType === Qlist ? arrayToList(items) : items;
  }

  parseObject(): LispObject {
    const keys: string[] = [];
    const values = new Map<string, LispObject>();
    this.next();
    if (!(this.isPunct('}'))) {
      for (;;) {
        if (!this.isString()) this.fail("string or '}' expected");
        const key = (this.token as LispString).value;
        this.next();
        if (!(this.isPunct(':'))) this.fail("':' expected");
        this.next();
        const value = this.parseValue();
        // Duplicate keys: the last value, at the first key's place.
        if (!values.has(key)) keys.push(key);
        values.set(key, value);
        this.next();
        if (!(this.isPunct(','))) break;
        this.next();
      }
      if (!(this.isPunct('}'))) this.fail("'}' expected");
    }
    const keyString = (k: string) => new LispString(k, !isAsciiText(k));
    if (this.cfg.objectType === Qalist) return arrayToList(keys.map((k) => new Cons(intern(k), values.get(k)!)));
    if (this.cfg.objectType === Qplist) return arrayToList(keys.flatMap((k) => [intern(':' + k), values.get(k)!]));
    const h = new LispHashTable(equalTest, Math.max(1, keys.length));
    for (const k of keys) h.put(keyString(k), values.get(k)!);
    return h;
  }

  parseTop(): LispObject {
    this.next();
    const v = this.parseValue();
    this.next();
    if (this.tokenKind !== 'eof') throw new JsonParseFailure(Qjson_trailing_content, `end of file expected near '${this.tokenText}'`);
    return v;
  }

  /** One value at the start of the text, whatever follows it (json-parse-buffer); pos ends after it. */
  parseLeading(): LispObject {
    this.next();
    return this.parseValue();
  }
}

/** Line, column (characters) and byte position after the first END characters of TEXT, as jansson counts them. */
function janssonPosition(text: string, end: number): [number, number, number] {
  let line = 1;
  let column = 0;
  let bytes = 0;
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c === 10) {
      line++;
      column = 0;
    } else column++;
  }
  return [line, column, bytes];
}

/** Characters in the JS text s (a surrogate pair is one). */
function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/** Parses TEXT with PARSE, turning a parse failure into Emacs's json error with jansson's position data. */
function parseJson<T>(text: string, source: string, parser: JanssonParser, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof JsonParseFailure)) throw e;
    const [line, column, pos] = janssonPosition(text, parser.pos);
    return signal(e.kind, list(new LispString(e.message, !isAsciiText(e.message)), new LispString(source, false), line, column, pos));
  }
}

defunRest('json-parse-buffer', 0, (args) => {
  // The value that starts at point; point moves past it, and what follows may be anything.
  const cfg = parseArgs(args, 0);
  const buf = currentBuffer();
  const text = buf.substring(buf.pt, buf.zv);
  const parser = new JanssonParser(text, cfg);
  const value = parseJson(text, '<callback>', parser, () => parser.parseLeading());
  buf.pt += charCount(text.slice(0, parser.pos));
  return value;
});

defunRest('json-insert', 1, (args) => {
  const cfg = parseArgs(args, 1);
  const out: string[] = [];
  serialize(args[0], cfg, out);
  insertAtPoint(out.join(''));
  return NIL;
});

defunRest('json-parse-string', 1, (args) => {
  const s = args[0];
  if (!(s instanceof LispString)) return wrongType(Q.stringp, s);
  if (s.value.includes('\0')) wrongType(Qstring_without_embedded_nulls_p, s);
  const cfg = parseArgs(args, 1);
  if (!s.multibyte && /[\x80-\xff]/.test(s.value)) {
    const at = s.value.search(/[\x80-\xff]/);
    const byte = s.value.charCodeAt(at);
    const [line, column, pos] = janssonPosition(s.value, at);
    signal(Qjson_parse_error, list(new LispString(`unable to decode byte 0x${byte.toString(16)} near '${s.value.slice(Math.max(0, at - 1), at)}'`, false), new LispString('<string>', false), line, column, pos));
  }
  const parser = new JanssonParser(s.value, cfg);
  try {
    return parser.parseTop();
  } catch (e) {
    if (!(e instanceof JsonParseFailure)) throw e;
    const [line, column, pos] = janssonPosition(s.value, parser.pos);
    return signal(e.kind, list(new LispString(e.message, !isAsciiText(e.message)), new LispString('<string>', false), line, column, pos));
  }
});


