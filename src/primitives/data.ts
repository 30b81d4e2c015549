// What Emacs's data.c holds, minus arithmetic: type predicates, cons cells,
// `type-of`, `aref`/`aset`, symbol cells and variable aliases, bool-vector
// operations. Also the symbol/plist functions of fns.c and lread.c (`get`,
// `put`, `plist-get`, `intern`, `mapatoms` ...) and `eql`.
import {
  type LispObject, LispSymbol, Cons, LispFloat, LispString, LispRecord, BoolVector, CharTable,
  LispHashTable, Subr, LispClosure, NIL, T, UNBOUND, Q, Redirect, Constancy, MANY, UNEVALLED,
  obarray as globalObarrayMap, intern, makeSymbol, makeString, isFixnum, MAX_CHAR,
  signal, wrongType, argsOutOfRange, error, list, eql as eqlObjects, equal, TailCheck, UNCHECKED_STEPS, INDEX_AFTER_STEPS, IndexKind, indexedLookup,
  runIndex, setCar, setCdr,
} from '../lisp/index.js';
import {
  defun, declareModule, defvar, argType, bool, any, optional, symbol, string, boolVector,
} from '../lisp/defun.js';
import {
  symbolValue, symbolValueCell, setSymbolValue, setDefaultValue, indirectVariable, outermostBinding, setOutermostBinding,
} from '../eval/state.js';
import { funcall } from '../eval/index.js';

declareModule('data');

const Qvariable_documentation = intern('variable-documentation');
const Qdisplay_warning = intern('display-warning');
const Qdefvaralias = intern('defvaralias');
const Qlosing_value = intern('losing-value');
const Qobarray = intern('obarray');
const Qgensym_counter = intern('gensym-counter');
const Qnull = intern('null');

// ---- argument types particular to this file ----------------------------------

const wholenum = argType<number>('wholenump', (x) => typeof x === 'number' && x >= 0);

// ---- conses ------------------------------------------------------------------------

/** `car` for other modules: signals (wrong-type-argument listp X) on a non-list. */
export function car(x: LispObject): LispObject {
  if (x instanceof Cons) return x.car;
  if (x === NIL) return NIL;
  return wrongType(Q.listp, x);
}

/** `cdr` for other modules: signals (wrong-type-argument listp X) on a non-list. */
export function cdr(x: LispObject): LispObject {
  if (x instanceof Cons) return x.cdr;
  if (x === NIL) return NIL;
  return wrongType(Q.listp, x);
}

// car and cdr are the hottest builtins: declared without generated checks.
defun('car', [any], car);
defun('cdr', [any], cdr);
defun('car-safe', [any], (x) => (x instanceof Cons ? x.car : NIL));
defun('cdr-safe', [any], (x) => (x instanceof Cons ? x.cdr : NIL));
defun('setcar', [any, any], (cell, value) => {
  if (!(cell instanceof Cons)) wrongType(Q.consp, cell);
  setCar(cell, value);
  return value;
});
defun('setcdr', [any, any], (cell, value) => {
  if (!(cell instanceof Cons)) wrongType(Q.consp, cell);
  setCdr(cell, value);
  return value;
});

// ---- type predicates -------------------------------------------------------------

/** Emacs's `keywordp`: a symbol whose name starts with `:`, interned in the initial obarray. */
export function isKeywordSymbol(x: LispObject): boolean {
  return x instanceof LispSymbol && x.name.charCodeAt(0) === 58 && globalObarrayMap.get(x.name) === x;
}

export function isCharacter(x: LispObject): x is number {
  return typeof x === 'number' && x >= 0 && x <= MAX_CHAR;
}

export function isArray(x: LispObject): boolean {
  return Array.isArray(x) || x instanceof LispString || x instanceof BoolVector || x instanceof CharTable;
}

defun('consp', [any], (x) => bool(x instanceof Cons));
defun('atom', [any], (x) => bool(!(x instanceof Cons)));
defun('listp', [any], (x) => bool(x === NIL || x instanceof Cons));
defun('nlistp', [any], (x) => bool(!(x === NIL || x instanceof Cons)));
defun('symbolp', [any], (x) => bool(x instanceof LispSymbol));
defun('keywordp', [any], (x) => bool(isKeywordSymbol(x)));
defun('stringp', [any], (x) => bool(x instanceof LispString));
defun('vectorp', [any], (x) => bool(Array.isArray(x)));
defun('arrayp', [any], (x) => bool(isArray(x)));
defun('sequencep', [any], (x) => bool(x === NIL || x instanceof Cons || isArray(x)));
defun('char-or-string-p', [any], (x) => bool(isCharacter(x) || x instanceof LispString));
defun('booleanp', [any], (x) => bool(x === NIL || x === T));
defun('null', [any], (x) => bool(x === NIL));
// Emacs 28 defines `not` in subr.el as an alias: (symbol-function 'not) is `null`.
intern('not').fn = Qnull;
defun('eq', [any, any], (a, b) => bool(a === b));
defun('eql', [any, any], (a, b) => bool(eqlObjects(a, b)));
defun('hash-table-p', [any], (x) => bool(x instanceof LispHashTable));
defun('recordp', [any], (x) => bool(x instanceof LispRecord));
defun('bool-vector-p', [any], (x) => bool(x instanceof BoolVector));
defun('char-table-p', [any], (x) => bool(x instanceof CharTable));
defun('subrp', [any], (x) => bool(x instanceof Subr));
// There is no byte compiler: no object is ever byte-code.
defun('byte-code-function-p', [any], () => NIL);

const subrArg = argType<Subr>('subrp', (x) => x instanceof Subr);

defun('subr-arity', [subrArg], (s) =>
  new Cons(s.min, s.max === MANY ? Q.many : s.max === UNEVALLED ? Q.unevalled : s.max),
);
defun('subr-name', [subrArg], (s) => makeString(s.name));

/** What `type-of` returns for any object. */
export function typeOf(x: LispObject): LispObject {
  if (typeof x === 'number' || typeof x === 'bigint') return Q.integer;
  if (x instanceof LispSymbol) return Q.symbol;
  if (x instanceof Cons) return Q.cons;
  if (x instanceof LispString) return Q.string;
  if (x instanceof LispFloat) return Q.float;
  if (Array.isArray(x)) return Q.vector;
  if (x instanceof LispRecord) {
    // A record whose type slot is itself a record (an EIEIO/cl class) names its class.
    const type = x.slots[0];
    if (type instanceof LispRecord && type.slots.length > 1) return type.slots[1];
    return type;
  }
  if (x instanceof LispHashTable) return Q.hash_table;
  if (x instanceof BoolVector) return Q.bool_vector;
  if (x instanceof CharTable) return Q.char_table;
  if (x instanceof Subr) return Q.subr;
  // Interpreted closures are lists in Emacs 28.
  if (x instanceof LispClosure) return Q.cons;
  return x.lispType;
}

defun('type-of', [any], typeOf);

// ---- char-table storage ------------------------------------------------------------------
// The object model's CharTable keeps per-character entries. What it lacks is
// kept here: the initial content of characters never set (distinct from the
// default slot, as in Emacs) and large ranges, which would not fit as entries.

interface CharRange {
  readonly from: number;
  readonly to: number;
  readonly value: LispObject;
}

/**
 * Disjoint ranges in order, covering characters 0 to ends[ends.length - 1]:
 * range i ends at ends[i] and holds values[i]. Never changed once made, so
 * copies share it.
 */
export interface CharTableBase {
  readonly ends: Int32Array;
  readonly values: readonly LispObject[];
}

interface CharTableStore {
  init: LispObject;
  /** The contents a table was made with (the standard syntax table's), under `ranges`. */
  base: CharTableBase | null;
  /** Oldest first; every entry in `entries` is newer than the ranges covering it. */
  ranges: CharRange[];
}

const charTableStores = new WeakMap<CharTable, CharTableStore>();
/** Ranges up to this size become plain entries. */
const MAX_MATERIALIZED_RANGE = 4096;

function charTableStore(ct: CharTable): CharTableStore {
  let store = charTableStores.get(ct);
  if (store === undefined) {
    store = { init: NIL, base: null, ranges: [] };
    charTableStores.set(ct, store);
  }
  return store;
}

/** A new char-table as `make-char-table` makes it: every slot, extra slots included, holds INIT. */
export function makeCharTable(purpose: LispObject, init: LispObject, extraSlots: number): CharTable {
  const ct = new CharTable(purpose, init, extraSlots);
  ct.extras.fill(init);
  if (init !== NIL) charTableStore(ct).init = init;
  return ct;
}

/** A char-table holding BASE (and INIT in its default slot), as Emacs's standard syntax table is made. */
export function makeCharTableFromBase(purpose: LispObject, init: LispObject, base: CharTableBase): CharTable {
  const ct = makeCharTable(purpose, init, 0);
  charTableStore(ct).base = base;
  return ct;
}

/** copy-sequence of a char-table: contents, default, parent and extra slots. */
export function copyCharTable(ct: CharTable): CharTable {
  const copy = new CharTable(ct.subtype, ct.defalt, ct.extras.length);
  for (const [k, v] of ct.entries) copy.entries.set(k, v);
  copy.parent = ct.parent;
  for (let i = 0; i < ct.extras.length; i++) copy.extras[i] = ct.extras[i];
  const store = charTableStores.get(ct);
  if (store !== undefined) charTableStores.set(copy, { init: store.init, base: store.base, ranges: store.ranges.slice() });
  return copy;
}

function baseValue(base: CharTableBase, c: number): LispObject {
  return c > base.ends[base.ends.length - 1] ? NIL : base.values[runIndex(base.ends, c)];
}

/** The value stored for character C, before the default and the parent are consulted. */
export function charTableContent(ct: CharTable, c: number): LispObject {
  const v = ct.entries.get(c);
  if (v !== undefined) return v;
  const store = charTableStores.get(ct);
  if (store === undefined) return NIL;
  const ranges = store.ranges;
  for (let i = ranges.length - 1; i >= 0; i--) {
    const r = ranges[i];
    if (c >= r.from && c <= r.to) return r.value;
  }
  return store.base === null ? store.init : baseValue(store.base, c);
}

/** `(aref CHAR-TABLE C)`: the content, else the default slot, else the parent's value. */
export function charTableRef(ct: CharTable, c: number): LispObject {
  for (;;) {
    const v = charTableContent(ct, c);
    if (v !== NIL) return v;
    if (ct.defalt !== NIL) return ct.defalt;
    if (!(ct.parent instanceof CharTable)) return NIL;
    ct = ct.parent;
  }
}

/**
 * Calls visit(from, to, value) for each maximal run of characters whose
 * values (aref: content, default, parents) are the same object, in order.
 */
export function charTableRuns(ct: CharTable, visit: (from: number, to: number, value: LispObject) => void): void {
  // A value can change only where some table on the parent chain has an entry, a range or a base run edge.
  const edges = new Set<number>([0]);
  for (let t: LispObject = ct; t instanceof CharTable; t = t.parent) {
    for (const c of t.entries.keys()) edges.add(c).add(c + 1);
    const store = charTableStores.get(t);
    if (store === undefined) continue;
    for (const r of store.ranges) edges.add(r.from).add(r.to + 1);
    if (store.base !== null) for (const end of store.base.ends) edges.add(end + 1);
  }
  const starts = [...edges].filter((c) => c <= MAX_CHAR).sort((a, b) => a - b);
  let runFrom = 0;
  let runValue = charTableRef(ct, 0);
  for (let i = 1; i < starts.length; i++) {
    const value = charTableRef(ct, starts[i]);
    if (value === runValue) continue;
    visit(runFrom, starts[i] - 1, runValue);
    runFrom = starts[i];
    runValue = value;
  }
  visit(runFrom, MAX_CHAR, runValue);
}

/** Notes a change to CT (see CharTable.modiff and CharTable.epoch). */
export function charTableChanged(ct: CharTable): void {
  ct.modiff++;
  CharTable.epoch++;
}

export function charTableSet(ct: CharTable, c: number, value: LispObject): void {
  charTableChanged(ct);
  ct.entries.set(c, value);
}

/** Sets characters FROM..TO (inclusive; nothing when FROM > TO). */
export function charTableSetRange(ct: CharTable, from: number, to: number, value: LispObject): void {
  if (from > to) return;
  charTableChanged(ct);
  if (to - from < MAX_MATERIALIZED_RANGE) {
    for (let c = from; c <= to; c++) ct.entries.set(c, value);
    return;
  }
  for (const c of ct.entries.keys()) if (c >= from && c <= to) ct.entries.delete(c);
  const store = charTableStore(ct);
  store.ranges = store.ranges.filter((r) => r.from < from || r.to > to);
  store.ranges.push({ from, to, value });
}

/** Sets every character (not the default slot), as `(set-char-table-range CT t VALUE)`. */
export function charTableSetAll(ct: CharTable, value: LispObject): void {
  charTableChanged(ct);
  ct.entries.clear();
  const store = charTableStore(ct);
  store.base = null;
  store.ranges = [];
  store.init = value;
}

/**
 * `fillarray` on a char-table sets every character and the default, except
 * that ASCII characters keep their contents: Emacs 28 leaves its ASCII cache
 * alone there.
 */
export function charTableFill(ct: CharTable, item: LispObject): void {
  const ascii: LispObject[] = [];
  for (let c = 0; c < 128; c++) ascii.push(charTableContent(ct, c));
  charTableSetAll(ct, item);
  ct.defalt = item;
  for (let c = 0; c < 128; c++) if (ascii[c] !== item) ct.entries.set(c, ascii[c]);
}

// ---- arrays --------------------------------------------------------------------------

function arefSlow(array: LispObject, idx: LispObject): LispObject {
  if (!isFixnum(idx)) wrongType(Q.fixnump, idx);
  if (typeof idx === 'bigint') {
    if (!(array instanceof LispRecord || isArray(array))) wrongType(Q.arrayp, array);
    if (array instanceof CharTable) wrongType(Q.characterp, idx);
    return argsOutOfRange(array, idx);
  }
  const i = idx as number;
  if (Array.isArray(array)) return i >= 0 && i < array.length ? array[i] : argsOutOfRange(array, idx);
  if (array instanceof LispString) return i >= 0 && i < array.length ? array.charAt(i) : argsOutOfRange(array, idx);
  if (array instanceof LispRecord) {
    return i >= 0 && i < array.slots.length ? array.slots[i] : argsOutOfRange(array, idx);
  }
  if (array instanceof BoolVector) {
    return i >= 0 && i < array.bits.length ? bool(array.bits[i] !== 0) : argsOutOfRange(array, idx);
  }
  if (array instanceof CharTable) {
    if (!isCharacter(i)) wrongType(Q.characterp, idx);
    return charTableRef(array, i);
  }
  return wrongType(Q.arrayp, array);
}

/** `aref` on any array or record. */
export function aref(array: LispObject, idx: LispObject): LispObject {
  if (Array.isArray(array) && typeof idx === 'number' && idx >= 0 && idx < array.length) return array[idx];
  return arefSlow(array, idx);
}

/** The number of bytes Emacs's internal (UTF-8 based) encoding uses for a character. */
export function charByteLength(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c < 0x10000) return 3;
  if (c < 0x200000) return 4;
  if (c < 0x3fff80) return 5;
  return 2; // raw bytes
}

function isAsciiOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function asetString(s: LispString, idx: LispObject, i: number, value: LispObject): void {
  if (i < 0 || i >= s.length) argsOutOfRange(s, idx);
  if (!isCharacter(value)) wrongType(Q.characterp, value);
  if (!s.multibyte && value >= 0x100) {
    // A unibyte string becomes multibyte only if it holds nothing but ASCII.
    if (!isAsciiOnly(s.value)) argsOutOfRange(s, value);
    s.multibyte = true;
  }
  s.setCharAt(i, value);
}

/** `aset` on any array or record; returns VALUE. */
export function aset(array: LispObject, idx: LispObject, value: LispObject): LispObject {
  if (Array.isArray(array) && typeof idx === 'number' && idx >= 0 && idx < array.length) {
    array[idx] = value;
    return value;
  }
  if (!isFixnum(idx)) wrongType(Q.fixnump, idx);
  if (!(array instanceof LispRecord || isArray(array))) wrongType(Q.arrayp, array);
  if (typeof idx === 'bigint') {
    if (array instanceof CharTable) wrongType(Q.characterp, idx);
    return argsOutOfRange(array, idx);
  }
  const i = idx as number;
  if (Array.isArray(array)) return argsOutOfRange(array, idx);
  if (array instanceof BoolVector) {
    if (i < 0 || i >= array.bits.length) argsOutOfRange(array, idx);
    array.bits[i] = value === NIL ? 0 : 1;
  } else if (array instanceof CharTable) {
    if (!isCharacter(i)) wrongType(Q.characterp, idx);
    charTableSet(array, i, value);
  } else if (array instanceof LispRecord) {
    if (i < 0 || i >= array.slots.length) argsOutOfRange(array, idx);
    array.slots[i] = value;
  } else {
    asetString(array as LispString, idx, i, value);
  }
  return value;
}

defun('aref', [any, any], aref);
defun('aset', [any, any, any], aset);

function fillString(s: LispString, item: LispObject): void {
  if (!isCharacter(item)) wrongType(Q.characterp, item);
  const n = s.length;
  if (n === 0) return;
  if (!s.multibyte) {
    // A unibyte string stores only the low byte of the character.
    s.value = String.fromCharCode(item & 0xff).repeat(n);
    return;
  }
  let bytes = 0;
  for (const c of s.codes()) bytes += charByteLength(c);
  if (bytes !== n * charByteLength(item)) error('Attempt to change byte length of a string');
  const text = String.fromCodePoint(item >= 0x3fff80 ? 0xdc80 + (item - 0x3fff80) : item);
  s.value = text.repeat(n);
}

defun('fillarray', [any, any], (array, item) => {
  if (Array.isArray(array)) array.fill(item);
  else if (array instanceof LispString) fillString(array, item);
  else if (array instanceof BoolVector) array.bits.fill(item === NIL ? 0 : 1);
  else if (array instanceof CharTable) charTableFill(array, item);
  else wrongType(Q.arrayp, array);
  return array;
});

// ---- bool-vectors ---------------------------------------------------------------------

function wrongLength(a: BoolVector, b: BoolVector, dest: LispObject): never {
  const data: LispObject[] = [a.length, b.length];
  if (dest instanceof BoolVector) data.push(dest.length);
  return signal(Q.wrong_length_argument, list(...data));
}

type BitOp = (a: number, b: number) => number;

/**
 * The shared shape of the binary bool-vector operations: with DEST, store
 * into it and return it only if it changed (nil otherwise).
 */
function boolVectorBinop(a: LispObject, b: LispObject, dest: LispObject, op: BitOp): LispObject {
  if (!(a instanceof BoolVector)) wrongType(Q.bool_vector_p, a);
  if (!(b instanceof BoolVector)) wrongType(Q.bool_vector_p, b);
  const n = a.length;
  if (b.length !== n) wrongLength(a, b, dest);
  let out: BoolVector;
  let changed = false;
  if (dest === NIL) {
    out = new BoolVector(new Uint8Array(n));
    changed = true;
  } else {
    if (!(dest instanceof BoolVector)) wrongType(Q.bool_vector_p, dest);
    if (dest.length !== n) wrongLength(a, b, dest);
    out = dest;
  }
  const ab = a.bits, bb = b.bits, ob = out.bits;
  for (let i = 0; i < n; i++) {
    const v = op(ab[i], bb[i]);
    if (ob[i] !== v) {
      ob[i] = v;
      changed = true;
    }
  }
  return changed ? out : NIL;
}

const opUnion: BitOp = (a, b) => a | b;
const opIntersection: BitOp = (a, b) => a & b;
const opDifference: BitOp = (a, b) => a & (b ^ 1);
const opXor: BitOp = (a, b) => a ^ b;

defun('bool-vector-union', [any, any, optional(any)], (a, b, c) => boolVectorBinop(a, b, c, opUnion));
defun('bool-vector-intersection', [any, any, optional(any)], (a, b, c) => boolVectorBinop(a, b, c, opIntersection));
defun('bool-vector-set-difference', [any, any, optional(any)], (a, b, c) => boolVectorBinop(a, b, c, opDifference));
defun('bool-vector-exclusive-or', [any, any, optional(any)], (a, b, c) => boolVectorBinop(a, b, c, opXor));

defun('bool-vector-subsetp', [any, any], (a, b) => {
  if (!(a instanceof BoolVector)) wrongType(Q.bool_vector_p, a);
  if (!(b instanceof BoolVector)) wrongType(Q.bool_vector_p, b);
  // Emacs passes B as the destination too, hence three lengths in the error.
  if (a.length !== b.length) wrongLength(a, b, b);
  for (let i = 0; i < a.length; i++) if (a.bits[i] && !b.bits[i]) return NIL;
  return T;
});

defun('bool-vector-not', [boolVector, optional(any)], (a, b) => {
  let out: BoolVector;
  if (b === NIL) out = new BoolVector(new Uint8Array(a.length));
  else {
    if (!(b instanceof BoolVector)) wrongType(Q.bool_vector_p, b);
    if (b.length !== a.length) wrongLength(a, b, NIL);
    out = b;
  }
  for (let i = 0; i < a.length; i++) out.bits[i] = a.bits[i] ^ 1;
  return out;
});

defun('bool-vector-count-population', [boolVector], (a) => {
  let n = 0;
  for (let i = 0; i < a.bits.length; i++) n += a.bits[i];
  return n;
});

defun('bool-vector-count-consecutive', [boolVector, any, wholenum], (a, b, start) => {
  if (start > a.length) argsOutOfRange(a, start);
  const want = b === NIL ? 0 : 1;
  let i = start;
  while (i < a.length && a.bits[i] === want) i++;
  return i - start;
});

// ---- symbols: cells ---------------------------------------------------------------------

const symbolNames = new WeakMap<LispSymbol, LispString>();

/** The name of a symbol as a Lisp string; the same object on every call, as in Emacs. */
export function symbolName(s: LispSymbol): LispString {
  let name = symbolNames.get(s);
  if (name === undefined) {
    name = makeString(s.name);
    symbolNames.set(s, name);
  }
  return name;
}

defun('symbol-name', [symbol], symbolName);

// The global value under any let bindings: what the outermost one will restore.
defun('default-toplevel-value', [symbol], (sym) => {
  const s = indirectVariable(sym);
  const saved = outermostBinding(s);
  const v = saved !== undefined ? saved : s.value;
  if (v === UNBOUND) signal(Q.void_variable, list(sym));
  return v;
});
defun('set-default-toplevel-value', [symbol, any], (sym, value) => {
  const s = indirectVariable(sym);
  if (!setOutermostBinding(s, value)) setDefaultValue(s, value);
  return NIL;
});
defun('symbol-value', [symbol], symbolValue);
defun('set', [symbol, any], setSymbolValue);
defun('boundp', [symbol], (s) => bool(symbolValueCell(s) !== UNBOUND));
defun('makunbound', [symbol], (s) => {
  if (s.constancy !== Constancy.Mutable) signal(Q.setting_constant, list(s));
  const target = indirectVariable(s);
  if (target.constancy !== Constancy.Mutable) signal(Q.setting_constant, list(s));
  target.value = UNBOUND;
  return s;
});
defun('default-value', [symbol], (s) => {
  const v = indirectVariable(s).value;
  if (v === UNBOUND) signal(Q.void_variable, list(s));
  return v;
});
defun('set-default', [symbol, any], setDefaultValue);
defun('default-boundp', [symbol], (s) => bool(indirectVariable(s).value !== UNBOUND));
defun('indirect-variable', [any], (x) => (x instanceof LispSymbol ? indirectVariable(x) : x));

defun('symbol-function', [symbol], (s) => s.fn);
defun('fboundp', [symbol], (s) => bool(s.fn !== NIL));
defun('fmakunbound', [symbol], (s) => {
  if (s === NIL || s === T) signal(Q.setting_constant, list(s));
  s.fn = NIL;
  return s;
});

defun('defvaralias', [symbol, symbol, optional(any)], (alias, base, doc) => {
  if (alias.constancy !== Constancy.Mutable) error('Cannot make a constant an alias');
  if (alias.redirect === Redirect.Localized) error('Don\u2019t know how to make a localized variable an alias');
  // A value given to the alias before it became one is kept, on the base.
  const aliasValue = symbolValueCell(alias);
  if (symbolValueCell(base) === UNBOUND) {
    if (aliasValue !== UNBOUND) setSymbolValue(base, aliasValue);
  } else if (aliasValue !== UNBOUND && aliasValue !== symbolValueCell(base) && Qdisplay_warning.fn !== NIL) {
    funcall(Qdisplay_warning, [
      list(Qdefvaralias, Qlosing_value, alias),
      makeString(`Overwriting value of \u2018${alias.name}\u2019 by aliasing to \u2018${base.name}\u2019`),
    ]);
  }
  if (outermostBinding(alias) !== undefined) error('Don\u2019t know how to make a let-bound variable an alias');
  alias.special = true;
  base.special = true;
  alias.redirect = Redirect.Alias;
  alias.alias = base;
  alias.plist = plistPut(alias.plist, Qvariable_documentation, doc);
  return base;
});

// ---- property lists ---------------------------------------------------------------------

/**
 * `plist-get`: lenient, stops quietly at a malformed or circular tail. The
 * walk is Emacs's FOR_EACH_TAIL_SAFE (Brent's cycle check: a tortoise that
 * jumps ahead at powers of two), so a circular plist yields what Emacs's
 * does. Written out rather than with TailCheck: `get' calls it, and the
 * check here stops quietly instead of signalling.
 */
export function plistGet(plist: LispObject, prop: LispObject): LispObject {
  let tail = plist;
  for (let n = INDEX_AFTER_STEPS; n > 0 && tail.constructor === Cons; n--) {
    const next = (tail as Cons).cdr;
    if (next.constructor !== Cons) return NIL;
    if ((tail as Cons).car === prop) return (next as Cons).car;
    tail = (next as Cons).cdr;
  }
  return tail.constructor === Cons ? plistGetLong(plist as Cons, prop, tail as Cons) : NIL;
}

// plist-get past its first INDEX_AFTER_STEPS properties: from an index when there is one, else on from TAIL.
function plistGetLong(plist: Cons, prop: LispObject, tail: LispObject): LispObject {
  const hit = indexedLookup(IndexKind.Plist, plist, prop);
  if (hit !== undefined) return hit === NIL ? NIL : ((hit as Cons).cdr as Cons).car;
  for (let n = UNCHECKED_STEPS; n > 0 && tail.constructor === Cons; n--) {
    const next = (tail as Cons).cdr;
    if (next.constructor !== Cons) return NIL;
    if ((tail as Cons).car === prop) return (next as Cons).car;
    tail = (next as Cons).cdr;
  }
  return tail instanceof Cons ? plistGetChecked(plist, prop) : NIL;
}

function plistGetChecked(plist: LispObject, prop: LispObject): LispObject {
  let tail = plist;
  let tortoise = plist;
  let lap = 2;
  let left = 2;
  while (tail instanceof Cons) {
    const next = tail.cdr;
    if (!(next instanceof Cons)) break;
    if (tail.car === prop) return next.car;
    tail = next.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) break;
  }
  return NIL;
}

type Same = (a: LispObject, b: LispObject) => boolean;
const same: Same = (a, b) => a === b;
const equalSame: Same = (a, b) => equal(a, b);

// plist-put, lax-plist-get and lax-plist-put walk as Emacs's FOR_EACH_TAIL (TailCheck),
// every other cons, signalling with the cons it saw again.

function plistPutWith(plist: LispObject, prop: LispObject, value: LispObject, test: Same): LispObject {
  let prev: Cons | null = null;
  let tail = plist;
  const check = new TailCheck(plist);
  while (tail instanceof Cons) {
    const next = tail.cdr;
    if (!(next instanceof Cons)) break;
    if (test(prop, tail.car)) {
      setCar(next, value);
      return plist;
    }
    prev = tail;
    tail = next.cdr;
    check.step(tail);
  }
  if (tail !== NIL) wrongType(Q.plistp, plist);
  const cell = new Cons(prop, new Cons(value, NIL));
  if (prev === null) return cell;
  setCdr(prev.cdr as Cons, cell);
  return plist;
}

/** `plist-put`: signals (wrong-type-argument plistp PLIST) on a malformed list. */
export function plistPut(plist: LispObject, prop: LispObject, value: LispObject): LispObject {
  return plistPutWith(plist, prop, value, same);
}

function laxPlistGet(plist: LispObject, prop: LispObject): LispObject {
  let tail = plist;
  const check = new TailCheck(plist);
  while (tail instanceof Cons) {
    const next = tail.cdr;
    if (!(next instanceof Cons)) break;
    if (equalSame(prop, tail.car)) return next.car;
    tail = next.cdr;
    check.step(tail);
  }
  if (tail !== NIL) wrongType(Q.plistp, plist);
  return NIL;
}

defun('plist-get', [any, any], plistGet);
defun('plist-put', [any, any, any], plistPut);
defun('lax-plist-get', [any, any], laxPlistGet);
defun('lax-plist-put', [any, any, any], (plist, prop, value) => plistPutWith(plist, prop, value, equalSame));
defun('plist-member', [any, any], (plist, prop) => {
  let tail = plist;
  for (let n = INDEX_AFTER_STEPS; n > 0 && tail.constructor === Cons; n--) {
    if ((tail as Cons).car === prop) return tail;
    tail = (tail as Cons).cdr;
    if (tail.constructor !== Cons) break;
    tail = (tail as Cons).cdr;
  }
  if (tail instanceof Cons) return plistMemberLong(plist as Cons, prop, tail);
  if (tail !== NIL) wrongType(Q.plistp, plist);
  return NIL;
});

// plist-member past its first INDEX_AFTER_STEPS properties: from an index when there is one, else on from TAIL.
function plistMemberLong(plist: Cons, prop: LispObject, tail: LispObject): LispObject {
  const hit = indexedLookup(IndexKind.Plist, plist, prop);
  if (hit !== undefined) return hit;
  for (let n = UNCHECKED_STEPS; n > 0 && tail.constructor === Cons; n--) {
    if ((tail as Cons).car === prop) return tail;
    tail = (tail as Cons).cdr;
    if (tail.constructor !== Cons) break;
    tail = (tail as Cons).cdr;
  }
  if (tail instanceof Cons) return plistMemberChecked(plist, prop);
  if (tail !== NIL) wrongType(Q.plistp, plist);
  return NIL;
}

// Emacs's FOR_EACH_TAIL (TailCheck) on every other cons; a cycle signals with the cons it was seen at.
function plistMemberChecked(plist: LispObject, prop: LispObject): LispObject {
  let tail = plist;
  const check = new TailCheck(plist);
  while (tail instanceof Cons) {
    if (tail.car === prop) return tail;
    tail = tail.cdr;
    if (!(tail instanceof Cons)) break;
    tail = tail.cdr;
    check.step(tail);
  }
  if (tail !== NIL) wrongType(Q.plistp, plist);
  return NIL;
}

/** `get`: a symbol's property. */
export function get(s: LispSymbol, prop: LispObject): LispObject {
  return plistGet(s.plist, prop);
}

/** `put`: sets a symbol's property; returns VALUE. */
export function put(s: LispSymbol, prop: LispObject, value: LispObject): LispObject {
  s.plist = plistPut(s.plist, prop, value);
  return value;
}

defun('get', [symbol, any], get);
defun('put', [symbol, any, any], put);
// In TypeScript, not subr.el: the declarations of subr.el's own definitions call it while it loads.
defun('function-put', [symbol, any, any], put);
defun('symbol-plist', [symbol], (s) => s.plist);
defun('setplist', [symbol, any], (s, plist) => (s.plist = plist));

// ---- obarrays ---------------------------------------------------------------------------

// An obarray is a vector to Lisp (`obarray-make` makes one); the symbols it
// holds live in a map beside it. The initial obarray's map is the object model's.
const obarrayMaps = new WeakMap<LispObject[], Map<string, LispSymbol>>();
// Emacs 28's initial obarray has 15121 buckets.
const initialObarray: LispObject[] = new Array<LispObject>(15121).fill(0);
obarrayMaps.set(initialObarray, globalObarrayMap);
defvar('obarray', initialObarray);

/** The symbol table behind an obarray argument (nil: the value of `obarray`). */
export function obarrayTable(ob: LispObject): Map<string, LispSymbol> {
  if (ob === NIL) ob = symbolValue(Qobarray);
  if (!Array.isArray(ob) || ob.length === 0) return wrongType(Q.vectorp, ob);
  let table = obarrayMaps.get(ob);
  if (table === undefined) {
    table = new Map();
    obarrayMaps.set(ob, table);
  }
  return table;
}

/** `intern` into any obarray; only the initial one makes `:names` keywords. */
export function internIn(name: string, table: Map<string, LispSymbol>): LispSymbol {
  if (table === globalObarrayMap) return intern(name);
  let s = table.get(name);
  if (s === undefined) {
    s = new LispSymbol(name, true);
    table.set(name, s);
  }
  return s;
}

defun('intern', [string, optional(any)], (name, ob) => {
  const table = obarrayTable(ob);
  const known = table === globalObarrayMap ? globalObarrayMap.has(name.value) : table.has(name.value);
  const s = internIn(name.value, table);
  // A new symbol's name is the string itself, text properties and all, as in Emacs.
  if (!known) symbolNames.set(s, name);
  return s;
});
defun('intern-soft', [any, optional(any)], (name, ob) => {
  const key = name instanceof LispSymbol ? name.name : name instanceof LispString ? name.value : wrongType(Q.stringp, name);
  const found = obarrayTable(ob).get(key);
  if (found === undefined) return NIL;
  if (name instanceof LispSymbol && found !== name) return NIL;
  return found;
});
defun('unintern', [any, optional(any)], (name, ob) => {
  const key = name instanceof LispSymbol ? name.name : name instanceof LispString ? name.value : wrongType(Q.stringp, name);
  const table = obarrayTable(ob);
  const found = table.get(key);
  if (found === undefined) return NIL;
  if (name instanceof LispSymbol && found !== name) return NIL;
  table.delete(key);
  found.interned = false;
  return T;
});
defun('mapatoms', [any, optional(any)], (fn, ob) => {
  // A snapshot: FUNCTION may intern or unintern symbols.
  const symbols = [...obarrayTable(ob).values()];
  for (const s of symbols) funcall(fn, [s]);
  return NIL;
});

defvar('gensym-counter', 0);

/** The text `princ` gives for a gensym prefix (only simple objects are expected). */
function prefixText(x: LispObject): string {
  if (x instanceof LispString) return x.value;
  if (x instanceof LispSymbol) return x.name;
  if (typeof x === 'number' || typeof x === 'bigint') return String(x);
  if (x instanceof LispFloat) return Number.isInteger(x.value) ? `${x.value}.0` : String(x.value);
  return String(x);
}

defun('gensym', [optional(any)], (prefix) => {
  const n = symbolValue(Qgensym_counter);
  if (typeof n !== 'number' && typeof n !== 'bigint') wrongType(Q.number_or_marker_p, n);
  setSymbolValue(Qgensym_counter, typeof n === 'number' ? n + 1 : n + 1n);
  return makeSymbol(`${prefix === NIL ? 'g' : prefixText(prefix)}${n}`);
});

// Emacs 30's cl-type-of: type-of with the finer integer, nil and t types.
defun('cl-type-of', [any], (x) => {
  if (x === NIL) return intern('null');
  if (x === T) return intern('boolean');
  if (typeof x === 'number') return intern('fixnum');
  if (typeof x === 'bigint') return intern(isFixnum(x) ? 'fixnum' : 'bignum');
  return typeOf(x);
});
