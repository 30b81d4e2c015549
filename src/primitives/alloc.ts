// What Emacs's alloc.c holds: the constructors (`cons`, `list`, `vector`,
// `make-string`, `record` ...) and `garbage-collect`; also the char-table
// builtins of chartab.c, whose storage lives beside `aref` in data.ts.
import {
  type LispObject, Cons, LispRecord, BoolVector, CharTable, NIL, Q,
  arrayToList, makeSymbol, LispString, obarray, intern, makeFloat, list,
  wrongType, argsOutOfRange, error, MAX_CHAR, MAX_ELEMENTS, memoryExhausted,
} from '../lisp/index.js';
import {
  defun, defunRest, declareModule, defvar, argType, any, optional, symbol, string, charTable,
} from '../lisp/defun.js';
import { symbolValue, setSymbolValue } from '../eval/state.js';
import { funcall } from '../eval/index.js';
import {
  get, isCharacter, makeCharTable, charTableRef, charTableContent, charTableSet, charTableSetRange,
  charTableSetAll, charTableChanged, charTableRuns,
} from './data.js';

declareModule('alloc');

const Qchar_table_extra_slots = intern('char-table-extra-slots');
const Qgcs_done = intern('gcs-done');

/** Sizes and counts: Emacs checks `wholenump` (a non-negative fixnum). */
const wholenum = argType<number>('wholenump', (x) => typeof x === 'number' && x >= 0);
const characterArg = argType<number>('characterp', isCharacter);

// ---- conses, lists and vectors ------------------------------------------------------------

defun('cons', [any, any], (car, cdr) => new Cons(car, cdr));
defunRest('list', 0, (args) => arrayToList(args));
/** Conses make-list builds at most: some 2.7 GB, where the heap's 4 GB ends near 200 million (and with it the interpreter). */
const MAX_LIST_LENGTH = 2 ** 27;

defun('make-list', [wholenum, any], (n, init) => {
  if (n > MAX_LIST_LENGTH) memoryExhausted();
  let l: LispObject = NIL;
  for (let i = 0; i < n; i++) l = new Cons(init, l);
  return l;
});
// The argument array may belong to the caller: copy it.
defunRest('vector', 0, (args) => args.slice());
defun('make-vector', [wholenum, any], (n, init) => (n > MAX_ELEMENTS ? memoryExhausted() : new Array<LispObject>(n).fill(init)));

// ---- strings ----------------------------------------------------------------------------

/** The JS text of one character repeated n times (raw bytes as lone surrogates). */
function repeatChar(c: number, n: number): string {
  const text = c >= 0x3fff80 ? String.fromCharCode(0xdc80 + (c - 0x3fff80)) : String.fromCodePoint(c);
  if (text.length * n > MAX_STRING_LENGTH) memoryExhausted();
  return text.repeat(n);
}

/** V8's longest string (buffer.constants.MAX_STRING_LENGTH on 64-bit): Emacs could go on, we cannot. */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

defun('make-string', [wholenum, characterArg, optional(any)], (n, c, multibyte) => {
  // ASCII without MULTIBYTE gives a unibyte string; anything else is multibyte.
  return new LispString(repeatChar(c, n), !(c < 0x80 && multibyte === NIL));
});

// ---- bool-vectors and records ---------------------------------------------------------------

defun('make-bool-vector', [wholenum, any], (n, init) => new BoolVector(new Uint8Array(n).fill(init === NIL ? 0 : 1)));
defunRest('bool-vector', 0, (args) => {
  const bits = new Uint8Array(args.length);
  for (let i = 0; i < args.length; i++) bits[i] = args[i] === NIL ? 0 : 1;
  return new BoolVector(bits);
});

defunRest('record', 1, (args) => new LispRecord(args.slice()));
defun('make-record', [any, wholenum, any], (type, n, init) => {
  const slots = new Array<LispObject>(n + 1).fill(init);
  slots[0] = type;
  return new LispRecord(slots);
});

defun('make-symbol', [string], (name) => makeSymbol(name.value));

// Nothing is ever pure here.
defun('purecopy', [any], (x) => x);

// ---- garbage collection -----------------------------------------------------------------------

defvar('gc-cons-threshold', 800000);
defvar('gc-cons-percentage', makeFloat(0.1));
defvar('gcs-done', 0);
defvar('gc-elapsed', makeFloat(0));
defvar('garbage-collection-messages', NIL);
defvar('memory-full', NIL);
defvar('purify-flag', NIL);
defvar('post-gc-hook', NIL);

/**
 * The JS engine collects on its own; `garbage-collect` only returns a report
 * shaped like Emacs's: ((conses 16 USED FREE) (symbols 48 USED FREE) ...).
 */
defun('garbage-collect', [], () => {
  const done = symbolValue(Qgcs_done);
  if (typeof done === 'number') setSymbolValue(Qgcs_done, done + 1);
  const entry = (name: string, size: number, ...counts: number[]): LispObject => list(intern(name), size, ...counts);
  return list(
    entry('conses', 16, 0, 0),
    entry('symbols', 48, obarray.size, 0),
    entry('strings', 32, 0, 0),
    entry('string-bytes', 1, 0),
    entry('vectors', 16, 0),
    entry('vector-slots', 8, 0, 0),
    entry('floats', 8, 0, 0),
    entry('intervals', 56, 0, 0),
    entry('buffers', 992, 0),
  );
});

// ---- char-tables (chartab.c) -------------------------------------------------------------------

/** Emacs allows at most 10 extra slots. */
const MAX_EXTRA_SLOTS = 10;

defun('make-char-table', [symbol, optional(any)], (purpose, init) => {
  const n = get(purpose, Qchar_table_extra_slots);
  let extras = 0;
  if (n !== NIL) {
    if (typeof n !== 'number' || n < 0) wrongType(Q.wholenump, n);
    if (n > MAX_EXTRA_SLOTS) argsOutOfRange(n, NIL);
    extras = n;
  }
  return makeCharTable(purpose, init, extras);
});

defun('char-table-subtype', [charTable], (ct) => ct.subtype);
defun('char-table-parent', [charTable], (ct) => ct.parent);
defun('set-char-table-parent', [charTable, any], (ct, parent) => {
  if (parent !== NIL) {
    if (!(parent instanceof CharTable)) wrongType(Q.char_table_p, parent);
    for (let p: LispObject = parent; p instanceof CharTable; p = p.parent) {
      if (p === ct) error('Attempt to make a chartable be its own parent');
    }
  }
  ct.parent = parent;
  charTableChanged(ct);
  return parent;
});

function extraSlotIndex(ct: CharTable, n: LispObject): number {
  if (typeof n !== 'number') {
    if (typeof n === 'bigint') argsOutOfRange(ct, n);
    wrongType(Q.fixnump, n);
  }
  if (n < 0 || n >= ct.extras.length) argsOutOfRange(ct, n);
  return n;
}

defun('char-table-extra-slot', [charTable, any], (ct, n) => ct.extras[extraSlotIndex(ct, n)]);
defun('set-char-table-extra-slot', [charTable, any, any], (ct, n, value) => (ct.extras[extraSlotIndex(ct, n)] = value));

function rangeBound(x: LispObject): number {
  if (!isCharacter(x)) wrongType(Q.characterp, x);
  return x;
}

defun('char-table-range', [charTable, any], (ct, range) => {
  if (range === NIL) return ct.defalt;
  if (typeof range === 'number' && range >= 0 && range <= MAX_CHAR) return charTableRef(ct, range);
  if (range instanceof Cons) {
    // The value at the start of the range (the rest is not looked at, as in Emacs).
    const from = rangeBound(range.car);
    rangeBound(range.cdr);
    const v = charTableContent(ct, from);
    return v === NIL ? ct.defalt : v;
  }
  return error('Invalid RANGE argument to \u2018char-table-range\u2019');
});

// FUNCTION gets (FROM . TO), or the character alone, for each run of one value; nil values are skipped.
defun('map-char-table', [any, charTable], (fn, ct) => {
  charTableRuns(ct, (from, to, value) => {
    if (value !== NIL) funcall(fn, [from === to ? from : new Cons(from, to), value]);
  });
  return NIL;
});

defun('set-char-table-range', [charTable, any, any], (ct, range, value) => {
  if (range === Q.t) charTableSetAll(ct, value);
  else if (range === NIL) {
    ct.defalt = value;
    charTableChanged(ct);
  }
  else if (typeof range === 'number' && range >= 0 && range <= MAX_CHAR) charTableSet(ct, range, value);
  else if (range instanceof Cons) charTableSetRange(ct, rangeBound(range.car), rangeBound(range.cdr), value);
  else error('Invalid RANGE argument to \u2018set-char-table-range\u2019');
  return value;
});
