// fns.c's list and sequence half, with the list functions of subr.el that
// sit beside it: length and its variants, nth/nthcdr, append/nconc,
// reverse, member/assoc and friends, delete, the mapping functions, sort,
// and the subr.el helpers (last, butlast, number-sequence, copy-tree ...).
//
// Walks over lists that can be circular use the cycle check Emacs's
// FOR_EACH_TAIL uses (Brent's: the tortoise jumps to the hare after 2, 4,
// 8 ... steps), so `circular-list` errors carry the same tail as in Emacs.
import {
  type LispObject, LispSymbol, Cons, arrayToList, NIL, T, Q, LispString, LispFloat, BoolVector, CharTable, LispRecord,
  LispHashTable, equalTest, eql, equal, signal, wrongType, argsOutOfRange, error, list as makeList,
  normalizeBig, toBig, lispCharToJs, MAX_CHAR, RAW_BYTE_BASE, intern, Subr, sameStringText, MAX_ELEMENTS, memoryExhausted, TailCheck, UNCHECKED_STEPS, INDEX_AFTER_STEPS, IndexKind, indexedLookup, samePropertiesThroughout, concatProps, unibyteToMultibyteText, linkCdr, setCar, setCdr,
} from '../lisp/index.js';
import {
  declareModule, defun, defunRest, any, integer, fixnum, optional, bool,
} from '../lisp/defun.js';
import { funcall1, funcall2 } from '../eval/index.js';
import { maybeQuit } from '../eval/state.js';
import { CompiledClosure } from '../eval/closure.js';
import { upcaseChar } from './casefiddle.js';
import { charTableRef, copyCharTable } from './data.js';

declareModule('fns');

const Qlist_or_vector_p = intern('list-or-vector-p');

// ---- errors and small helpers ----------------------------------------------

export function circularList(tail: LispObject): never {
  return signal(Q.circular_list, makeList(tail));
}



const call1 = funcall1;
const call2 = funcall2;

/** Is X a sequence as `concat` accepts one (char-tables are not)? */
export function isConcatSequence(x: LispObject): boolean {
  return x === NIL || x instanceof Cons || Array.isArray(x) || x instanceof LispString || x instanceof BoolVector;
}

// ---- numbers (for the subr.el functions that do arithmetic) -------------------

export type Num = number | bigint | LispFloat;

export function checkNumber(x: LispObject): Num {
  if (typeof x === 'number' || typeof x === 'bigint' || x instanceof LispFloat) return x;
  return wrongType(Q.number_or_marker_p, x);
}

/** -1, 0 or 1 as `<`/`=` would see A against B (NaN compares as unordered: 2). */
export function compareNum(a: Num, b: Num): number {
  if (a instanceof LispFloat || b instanceof LispFloat) {
    const x = a instanceof LispFloat ? a.value : Number(a);
    const y = b instanceof LispFloat ? b.value : Number(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : 2;
  }
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = toBig(a), y = toBig(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function addNum(a: Num, b: Num): Num {
  if (a instanceof LispFloat || b instanceof LispFloat) {
    return new LispFloat((a instanceof LispFloat ? a.value : Number(a)) + (b instanceof LispFloat ? b.value : Number(b)));
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalizeBig(toBig(a) + toBig(b));
}

function mulNum(a: Num, b: Num): Num {
  if (a instanceof LispFloat || b instanceof LispFloat) {
    return new LispFloat((a instanceof LispFloat ? a.value : Number(a)) * (b instanceof LispFloat ? b.value : Number(b)));
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalizeBig(toBig(a) * toBig(b));
}

// equal is fns.c's; its algorithm lives with the object model.
defun('equal', [any, any], (a, b) => bool(equal(a, b)));
// Strings carry no text properties here, so this is `equal'.
defun('equal-including-properties', [any, any], (a, b) =>
  bool(equal(a, b, 0, (x, y) => sameStringText(x, y) && samePropertiesThroughout(x, y))),
);

// ---- length ------------------------------------------------------------------

/**
 * The length of a list as Emacs's `length` counts it: signals
 * (wrong-type-argument listp TAIL) for a dotted list and (circular-list
 * TAIL) for a circular one.
 */

export function listLength(list: LispObject): number {
  let n = 0;
  let tail = list;
  let tortoise = list;
  let lap = 2;
  let left = 2;
  while (tail.constructor === Cons) {
    n++;
    tail = tail.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) circularList(tail);
  }
  if (tail !== NIL) wrongType(Q.listp, tail);
  return n;
}

/** `length` of any sequence. */
export function seqLength(seq: LispObject): number {
  if (seq instanceof Cons) return listLength(seq);
  if (seq === NIL) return 0;
  if (seq instanceof LispString) return seq.length;
  if (Array.isArray(seq)) return seq.length;
  if (seq instanceof BoolVector) return seq.bits.length;
  if (seq instanceof CharTable) return MAX_CHAR;
  // Records are vector-like: Emacs 28's `length' counts their slots.
  if (seq instanceof LispRecord) return seq.slots.length;
  return wrongType(Q.sequencep, seq);
}

defun('length', [any], seqLength);

/** Where the last walkConses stopped: the final cdr, or null when the list is circular. */
let walkedTail: LispObject | null = null;

/** Counts the conses of a list up to its end or its first repeated cons (Brent), never signalling. */
function walkConses(list: LispObject): number {
  let n = 0;
  let tail = list;
  let tortoise = list;
  let lap = 2;
  let left = 2;
  while (tail instanceof Cons) {
    n++;
    tail = tail.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) {
      walkedTail = null;
      return n;
    }
  }
  walkedTail = tail;
  return n;
}

/** Counts conses up to the end or the first repeated one, never signalling. */
export function safeLength(list: LispObject): number {
  return walkConses(list);
}

defun('safe-length', [any], safeLength);

/** The length of a proper list, or -1 for anything else (dotted, circular, not a list). */
export function properListLength(object: LispObject): number {
  const n = walkConses(object);
  return walkedTail === NIL ? n : -1;
}

defun('proper-list-p', [any], (object) => {
  const n = properListLength(object);
  return n < 0 ? NIL : n;
});

// What is left of LEN after walking SEQ's conses, or -1 once LEN reaches 0.
// Short limits need no cycle check: the count itself ends the walk.
function lengthInternal(seq: LispObject, len: number): number {
  if (len < 0xffff) {
    while (seq instanceof Cons) {
      if (--len <= 0) return -1;
      seq = seq.cdr;
    }
    return len;
  }
  let tortoise = seq;
  let lap = 2;
  let left = 2;
  while (seq instanceof Cons) {
    if (--len <= 0) return -1;
    seq = seq.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = seq;
    } else if (seq === tortoise) circularList(seq);
  }
  return len;
}

defun('length<', [any, fixnum], (seq, n) => {
  if (seq instanceof Cons) return bool(lengthInternal(seq, n) !== -1);
  return bool(seqLength(seq) < n);
});

defun('length>', [any, fixnum], (seq, n) => {
  if (seq instanceof Cons) return bool(lengthInternal(seq, n + 1) === -1);
  return bool(seqLength(seq) > n);
});

defun('length=', [any, fixnum], (seq, n) => {
  if (n < 0) return NIL;
  if (seq instanceof Cons) return bool(lengthInternal(seq, n + 1) === 1);
  return bool(seqLength(seq) === n);
});

// ---- nth, nthcdr, elt -----------------------------------------------------------

/**
 * `nthcdr`: N cdrs down LIST. A circular list is walked only until its
 * cycle is found, then N is taken modulo the cycle's length, as Emacs does.
 */
export function nthcdr(n: number | bigint, list: LispObject): LispObject {
  if (n <= 0) return list;
  let tail = list;
  let tortoise = list;
  let lap = 2;
  let left = 2;
  let steps = 0;
  // A bigint count can only be reached by going round a cycle.
  let remaining = typeof n === 'number' ? n : Number.MAX_SAFE_INTEGER;
  while (remaining > 0) {
    if (!(tail instanceof Cons)) {
      if (tail !== NIL) wrongType(Q.listp, list);
      return NIL;
    }
    tail = tail.cdr;
    remaining--;
    steps++;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) {
      const cycle = lap - left;
      remaining = typeof n === 'number' ? remaining % cycle : Number((n - BigInt(steps)) % BigInt(cycle));
      for (; remaining > 0; remaining--) tail = (tail as Cons).cdr;
      return tail;
    }
  }
  return tail;
}

export function car(x: LispObject): LispObject {
  if (x instanceof Cons) return x.car;
  if (x === NIL) return NIL;
  return wrongType(Q.listp, x);
}

export function cdr(x: LispObject): LispObject {
  if (x instanceof Cons) return x.cdr;
  if (x === NIL) return NIL;
  return wrongType(Q.listp, x);
}

defun('nthcdr', [integer, any], nthcdr);
defun('nth', [integer, any], (n, list) => car(nthcdr(n, list)));

/** `aref` on an array, for `elt`: fixnum index, args-out-of-range (ARRAY INDEX) past the end. */
function arrayRef(array: LispObject, index: LispObject): LispObject {
  if (array instanceof CharTable) {
    if (typeof index !== 'number' || index < 0 || index > MAX_CHAR) return wrongType(Q.characterp, index);
    return charTableRef(array, index);
  }
  let size: number;
  if (Array.isArray(array)) size = array.length;
  else if (array instanceof LispString) size = array.length;
  else if (array instanceof BoolVector) size = array.bits.length;
  else return wrongType(Q.sequencep, array);
  if (typeof index !== 'number') return wrongType(Q.fixnump, index);
  if (index < 0 || index >= size) argsOutOfRange(array, index);
  if (Array.isArray(array)) return array[index];
  if (array instanceof LispString) return array.charAt(index);
  return (array as BoolVector).bits[index] ? T : NIL;
}

export function elt(seq: LispObject, n: LispObject): LispObject {
  if (seq instanceof Cons || seq === NIL) {
    if (typeof n !== 'number' && typeof n !== 'bigint') return wrongType(Q.integerp, n);
    return car(nthcdr(n, seq));
  }
  return arrayRef(seq, n);
}

defun('elt', [any, any], elt);

// ---- the c[ad]r combinations of subr.el ---------------------------------------

// Each letter after the c is applied right to left, as in (cadr x) = (car (cdr x)).
for (const path of ['aa', 'ad', 'da', 'dd']) defineCxr(path);
for (const a of 'ad') for (const b of ['aa', 'ad', 'da', 'dd']) defineCxr(a + b);
for (const a of ['aa', 'ad', 'da', 'dd']) for (const b of ['aa', 'ad', 'da', 'dd']) defineCxr(a + b);

function defineCxr(path: string): void {
  const ops: ((x: LispObject) => LispObject)[] = [];
  for (let i = path.length - 1; i >= 0; i--) ops.push(path[i] === 'a' ? car : cdr);
  const [f0, f1, f2, f3] = ops;
  if (ops.length === 2) defun(`c${path}r`, [any], (x) => f1(f0(x)));
  else if (ops.length === 3) defun(`c${path}r`, [any], (x) => f2(f1(f0(x))));
  else defun(`c${path}r`, [any], (x) => f3(f2(f1(f0(x)))));
}

// ---- last, butlast ------------------------------------------------------------------

defun('last', [any, optional(any)], (list, n) => {
  if (n === NIL) return list === NIL ? NIL : nthcdr(safeLength(list) - 1, list);
  const count = checkNumber(n);
  if (compareNum(count, 0) < 0 || compareNum(count, 0) === 2) return NIL;
  const m = safeLength(list);
  if (compareNum(count, m) !== -1) return list;
  if (count instanceof LispFloat) return wrongType(Q.integerp, new LispFloat(m - count.value));
  return nthcdr(m - (count as number), list);
});

export function nbutlast(list: LispObject, n: LispObject): LispObject {
  const m = seqLength(list);
  const count: Num = n === NIL ? 1 : checkNumber(n);
  if (compareNum(count, m) !== -1) return NIL;
  if (compareNum(count, 0) === 1) {
    if (count instanceof LispFloat) return wrongType(Q.integerp, new LispFloat(m - 1 - count.value));
    const cell = nthcdr(m - 1 - (count as number), list);
    if (!(cell instanceof Cons)) return wrongType(Q.consp, cell);
    setCdr(cell, NIL);
  }
  return list;
}

defun('nbutlast', [any, optional(any)], nbutlast);

defun('butlast', [any, optional(any)], (list, n) => {
  if (n !== NIL) {
    const c = compareNum(checkNumber(n), 0);
    if (c === -1 || c === 0) return list;
  }
  return nbutlast(copySequence(list), n);
});

/** `take` (Emacs 29): a fresh list of LIST's first N elements. */
export function take(n: number | bigint, list: LispObject): LispObject {
  if (n <= 0) return NIL;
  let m = typeof n === 'number' ? n : Number.MAX_SAFE_INTEGER;
  if (list === NIL) return NIL;
  if (!(list instanceof Cons)) return wrongType(Q.listp, list);
  const head = new Cons(list.car, NIL);
  let prev = head;
  let tail = list.cdr;
  m--;
  while (m > 0 && tail instanceof Cons) {
    const c = new Cons(tail.car, NIL);
    linkCdr(prev, c);
    prev = c;
    tail = tail.cdr;
    m--;
  }
  if (m > 0 && tail !== NIL) wrongType(Q.listp, tail);
  return head;
}

defun('take', [integer, any], take);

defun('ntake', [integer, any], (n, list) => {
  if (n <= 0) return NIL;
  if (list !== NIL && !(list instanceof Cons)) return wrongType(Q.listp, list);
  if (typeof n === 'bigint') return list;
  const tail = nthcdr(n - 1, list);
  if (tail instanceof Cons) setCdr(tail, NIL);
  return list;
});

// ---- sequences as element arrays --------------------------------------------------

/** The elements of a sequence as `concat` sees them (the list's length is checked first). */
export function sequenceElements(seq: LispObject): LispObject[] {
  if (seq === NIL) return [];
  if (seq instanceof Cons) {
    const n = listLength(seq);
    const out = new Array<LispObject>(n);
    let tail: LispObject = seq;
    for (let i = 0; i < n; i++) {
      out[i] = (tail as Cons).car;
      tail = (tail as Cons).cdr;
    }
    return out;
  }
  if (Array.isArray(seq)) return seq.slice();
  if (seq instanceof LispString) return seq.codes();
  if (seq instanceof BoolVector) {
    const out = new Array<LispObject>(seq.bits.length);
    for (let i = 0; i < out.length; i++) out[i] = seq.bits[i] ? T : NIL;
    return out;
  }
  return wrongType(Q.sequencep, seq);
}

// ---- copy-sequence, append, vconcat, concatenating to strings ----------------------

export function copySequence(seq: LispObject): LispObject {
  if (seq === NIL) return NIL;
  if (seq instanceof Cons) {
    const n = listLength(seq);
    const head = new Cons(seq.car, NIL);
    let prev = head;
    let tail = seq.cdr;
    for (let i = 1; i < n; i++) {
      const c = new Cons((tail as Cons).car, NIL);
      linkCdr(prev, c);
      prev = c;
      tail = (tail as Cons).cdr;
    }
    return head;
  }
  if (Array.isArray(seq)) return seq.slice();
  if (seq instanceof LispString) {
    const copy = new LispString(seq.value, seq.multibyte);
    if (seq.intervals !== null) copy.intervals = seq.intervals.slice(0, seq.length);
    return copy;
  }
  if (seq instanceof BoolVector) return new BoolVector(seq.bits.slice());
  if (seq instanceof LispRecord) return new LispRecord(seq.slots.slice());
  if (seq instanceof CharTable) return copyCharTable(seq);
  return wrongType(Q.sequencep, seq);
}

defun('copy-sequence', [any], copySequence);

/** `append`: every argument but the last is copied; the last becomes the tail. */
export function append(args: readonly LispObject[]): LispObject {
  const n = args.length;
  if (n === 0) return NIL;
  for (let i = 0; i < n - 1; i++) if (!isConcatSequence(args[i])) wrongType(Q.sequencep, args[i]);
  const parts: LispObject[][] = new Array(n - 1);
  for (let i = 0; i < n - 1; i++) parts[i] = sequenceElements(args[i]);
  let result = args[n - 1];
  for (let i = n - 2; i >= 0; i--) {
    const p = parts[i];
    for (let k = p.length - 1; k >= 0; k--) result = new Cons(p[k], result);
  }
  return result;
}

defunRest('append', 0, append);

export function vconcat(args: readonly LispObject[]): LispObject[] {
  for (const a of args) if (!isConcatSequence(a)) wrongType(Q.sequencep, a);
  const parts = args.map(sequenceElements);
  const out: LispObject[] = [];
  for (const p of parts) for (const x of p) out.push(x);
  return out;
}

defunRest('vconcat', 0, vconcat);

/**
 * Concatenates sequences into a new string as `concat` does: the result
 * is multibyte when any string argument is, or any character from a list
 * or vector is neither ASCII nor a raw byte.
 */
export function concatToString(args: readonly LispObject[]): LispString {
  for (const a of args) if (!isConcatSequence(a)) wrongType(Q.sequencep, a);
  let multibyte = false;
  const parts: (LispString | LispObject[])[] = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a instanceof LispString) {
      parts[i] = a;
      if (a.multibyte) multibyte = true;
      continue;
    }
    if (a instanceof BoolVector && a.bits.length > 0) wrongType(Q.integerp, a.bits[0] ? T : NIL);
    const elems = sequenceElements(a);
    for (const c of elems) {
      if (typeof c !== 'number' || c < 0 || c > MAX_CHAR) wrongType(Q.characterp, c);
      if (c > 127 && c < RAW_BYTE_BASE) multibyte = true;
    }
    parts[i] = elems;
  }
  let text = '';
  let props = false;
  for (const p of parts) {
    if (p instanceof LispString) {
      if (!multibyte || p.multibyte) text += p.value;
      else text += unibyteToMultibyteText(p.value);
      if (p.intervals !== null) props = true;
      continue;
    }
    for (const c of p as number[]) {
      if (multibyte) text += lispCharToJs(c);
      else text += String.fromCharCode(c >= RAW_BYTE_BASE ? c - RAW_BYTE_BASE + 0x80 : c);
    }
  }
  const result = new LispString(text, multibyte);
  if (props) result.intervals = concatProps(parts.map((p) => (p instanceof LispString ? { props: p.intervals, length: p.length } : { props: null, length: p.length })));
  return result;
}

// ---- nconc ----------------------------------------------------------------------------

/** The last cons of a list, with the circularity check. */
function lastCons(list: Cons): Cons {
  let tail: Cons = list;
  let tortoise: LispObject = list;
  let lap = 2;
  let left = 2;
  for (;;) {
    const next = tail.cdr;
    if (!(next instanceof Cons)) return tail;
    tail = next;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) circularList(tail);
  }
}

export function nconc(args: readonly LispObject[]): LispObject {
  const n = args.length;
  let val: LispObject = NIL;
  // When an argument is nil, the previous argument's last cons stands in for it.
  let carry: LispObject = NIL;
  for (let i = 0; i < n; i++) {
    const tem = carry !== NIL ? carry : args[i];
    carry = NIL;
    if (tem === NIL) continue;
    if (val === NIL) val = tem;
    if (i + 1 === n) break;
    if (!(tem instanceof Cons)) wrongType(Q.consp, tem);
    const last = lastCons(tem as Cons);
    const next = args[i + 1];
    setCdr(last, next);
    if (next === NIL) carry = last;
  }
  return val;
}

defunRest('nconc', 0, nconc);

// ---- reverse, nreverse ----------------------------------------------------------------

export function reverse(seq: LispObject): LispObject {
  if (seq === NIL) return NIL;
  if (seq instanceof Cons) {
    let out: LispObject = NIL;
    let tail: LispObject = seq;
    let tortoise: LispObject = seq;
    let lap = 2;
    let left = 2;
    while (tail instanceof Cons) {
      out = new Cons(tail.car, out);
      tail = tail.cdr;
      // Emacs loops forever here; a circular-list error is the kinder end.
      if (--left === 0) {
        lap *= 2;
        left = lap;
        tortoise = tail;
      } else if (tail === tortoise) circularList(tail);
    }
    if (tail !== NIL) wrongType(Q.listp, tail);
    return out;
  }
  if (Array.isArray(seq)) return seq.slice().reverse();
  if (seq instanceof LispString) {
    const codes = seq.codes();
    let text = '';
    for (let i = codes.length - 1; i >= 0; i--) text += lispCharToJs(codes[i]);
    return new LispString(text, seq.multibyte);
  }
  if (seq instanceof BoolVector) return new BoolVector(seq.bits.slice().reverse());
  return wrongType(Q.sequencep, seq);
}

defun('reverse', [any], reverse);

export function nreverse(seq: LispObject): LispObject {
  if (seq === NIL) return NIL;
  if (seq instanceof LispString) return reverse(seq);
  if (seq instanceof Cons) {
    let prev: LispObject = NIL;
    let tail: LispObject = seq;
    while (tail instanceof Cons) {
      const next: LispObject = tail.cdr;
      if (next === seq) circularList(seq);
      setCdr(tail, prev);
      prev = tail;
      tail = next;
    }
    if (tail !== NIL) wrongType(Q.listp, seq);
    return prev;
  }
  if (Array.isArray(seq)) {
    seq.reverse();
    return seq;
  }
  if (seq instanceof BoolVector) {
    seq.bits.reverse();
    return seq;
  }
  return wrongType(Q.arrayp, seq);
}

defun('nreverse', [any], nreverse);

// ---- member, memq, memql, assq, assoc, rassq, rassoc ---------------------------------------


export function memq(elt: LispObject, list: LispObject): LispObject {
  let tail = list;
  for (let n = UNCHECKED_STEPS; n > 0 && tail.constructor === Cons; n--) {
    if (tail.car === elt) return tail;
    tail = tail.cdr;
  }
  if (tail.constructor === Cons) return memqChecked(elt, list);
  if (tail !== NIL) wrongType(Q.listp, list);
  return NIL;
}

function memqChecked(elt: LispObject, list: LispObject): LispObject {
  let tail = list;
  let tortoise = list;
  let lap = 2;
  let left = 2;
  while (tail.constructor === Cons) {
    if (tail.car === elt) return tail;
    tail = tail.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) circularList(tail);
  }
  if (tail !== NIL) wrongType(Q.listp, list);
  return NIL;
}

// One walk for member/memql: TEST compares ELT with each element.
function memberWith(elt: LispObject, list: LispObject, test: (a: LispObject, b: LispObject) => boolean): LispObject {
  let tail = list;
  let tortoise = list;
  let lap = 2;
  let left = 2;
  while (tail.constructor === Cons) {
    if (test(elt, tail.car)) return tail;
    tail = tail.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) circularList(tail);
  }
  if (tail !== NIL) wrongType(Q.listp, list);
  return NIL;
}

/** equal for a string ELT: strings with different text are never equal, so most elements need no full comparison. */
function equalToString(elt: LispObject, x: LispObject): boolean {
  if (x instanceof LispString && x.value !== (elt as LispString).value) return false;
  return equal(elt, x);
}

export const member = (elt: LispObject, list: LispObject): LispObject =>
  memberWith(elt, list, elt instanceof LispString ? equalToString : equal);
export const memql = (elt: LispObject, list: LispObject): LispObject =>
  elt instanceof LispFloat ? memberWith(elt, list, eql) : memq(elt, list);

defun('memq', [any, any], memq);
defun('memql', [any, any], memql);
defun('member', [any, any], member);

export function assq(key: LispObject, alist: LispObject): LispObject {
  let tail = alist;
  for (let n = INDEX_AFTER_STEPS; n > 0 && tail.constructor === Cons; n--) {
    const e = (tail as Cons).car;
    if (e.constructor === Cons && (e as Cons).car === key) return e;
    tail = (tail as Cons).cdr;
  }
  if (tail.constructor === Cons) return assqLong(key, alist as Cons, tail as Cons);
  if (tail !== NIL) wrongType(Q.listp, alist);
  return NIL;
}

// assq past its first INDEX_AFTER_STEPS elements: from an index when there is one, else on from TAIL.
function assqLong(key: LispObject, alist: Cons, tail: LispObject): LispObject {
  const hit = indexedLookup(IndexKind.Assq, alist, key);
  if (hit !== undefined) return hit;
  for (let n = UNCHECKED_STEPS; n > 0 && tail.constructor === Cons; n--) {
    const e = (tail as Cons).car;
    if (e.constructor === Cons && (e as Cons).car === key) return e;
    tail = (tail as Cons).cdr;
  }
  if (tail.constructor === Cons) return assqChecked(key, alist);
  if (tail !== NIL) wrongType(Q.listp, alist);
  return NIL;
}

function assqChecked(key: LispObject, alist: LispObject): LispObject {
  let tail = alist;
  let tortoise = alist;
  let lap = 2;
  let left = 2;
  while (tail.constructor === Cons) {
    const e = tail.car;
    if (e.constructor === Cons && e.car === key) return e;
    tail = tail.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) circularList(tail);
  }
  if (tail !== NIL) wrongType(Q.listp, alist);
  return NIL;
}

// The walk shared by assoc/rassoc: MATCH gets each cons element.
function assocWith(alist: LispObject, match: (e: Cons) => boolean): LispObject {
  let tail = alist;
  let tortoise = alist;
  let lap = 2;
  let left = 2;
  while (tail.constructor === Cons) {
    const e = tail.car;
    if (e.constructor === Cons && match(e)) return e;
    tail = tail.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) circularList(tail);
  }
  if (tail !== NIL) wrongType(Q.listp, alist);
  return NIL;
}

/** `assoc` with an optional TESTFN, called as (TESTFN ELEMENT-KEY KEY). */
export function assoc(key: LispObject, alist: LispObject, testfn: LispObject = NIL): LispObject {
  if (testfn === NIL || testfn === Q.equal) {
    // Hot case: string keys compare by text without the generic `equal'.
    if (key instanceof LispString) return assocString(key, alist);
    if (typeof key === 'number' || key instanceof LispSymbol) return assq(key, alist);
    return assocWith(alist, (e) => equal(e.car, key));
  }
  if (testfn === Q.eq) return assq(key, alist);
  return assocWith(alist, (e) => call2(testfn, e.car, key) !== NIL);
}

// assoc of a string KEY: compares by text, without the generic `equal'.
function assocString(key: LispString, alist: LispObject): LispObject {
  let tail = alist;
  for (let n = INDEX_AFTER_STEPS; n > 0 && tail.constructor === Cons; n--) {
    if (isStringKeyOf(key, (tail as Cons).car)) return (tail as Cons).car;
    tail = (tail as Cons).cdr;
  }
  if (tail.constructor === Cons) {
    const hit = indexedLookup(IndexKind.AssocString, alist as Cons, key);
    if (hit !== undefined) return hit;
    for (let n = UNCHECKED_STEPS; n > 0 && tail.constructor === Cons; n--) {
      if (isStringKeyOf(key, (tail as Cons).car)) return (tail as Cons).car;
      tail = (tail as Cons).cdr;
    }
    if (tail.constructor === Cons) return assocWith(alist, (e) => e.car instanceof LispString && sameStringText(e.car, key));
  }
  if (tail !== NIL) wrongType(Q.listp, alist);
  return NIL;
}

/** Is E an alist element with KEY's text as its key? */
function isStringKeyOf(key: LispString, e: LispObject): boolean {
  if (e.constructor !== Cons) return false;
  const k = (e as Cons).car;
  return k instanceof LispString && k.value === key.value && sameStringText(k, key);
}

export function rassq(key: LispObject, alist: LispObject): LispObject {
  return assocWith(alist, (e) => e.cdr === key);
}

export function rassoc(key: LispObject, alist: LispObject): LispObject {
  return assocWith(alist, (e) => equal(e.cdr, key));
}

defun('assq', [any, any], assq);
defun('assoc', [any, any, optional(any)], assoc);
defun('rassq', [any, any], rassq);
defun('rassoc', [any, any], rassoc);

defun('alist-get', [any, any, optional(any), optional(any), optional(any)], (key, alist, dflt, _remove, testfn) => {
  const x = testfn === NIL ? assq(key, alist) : assoc(key, alist, testfn);
  return x instanceof Cons ? x.cdr : dflt;
});

defun('assoc-default', [any, any, optional(any), optional(any)], (key, alist, test, dflt) => {
  let tail = alist;
  // subr.el's loop in Emacs: no cycle check, so a circular alist loops until quit.
  while (tail !== NIL) {
    maybeQuit();
    const e = car(tail);
    const k = e instanceof Cons ? e.car : e;
    const hit = test === NIL ? equal(k, key) : call2(test, k, key) !== NIL;
    if (hit) return e instanceof Cons ? e.cdr : dflt;
    tail = cdr(tail);
  }
  return NIL;
});

/** Are two strings equal as `compare-strings` sees them, optionally ignoring case? */
function stringsMatch(a: LispString, b: LispString, ignoreCase: boolean): boolean {
  if (!ignoreCase) return a.value === b.value || codesEqual(a.codes(), b.codes(), false);
  return codesEqual(a.codes(), b.codes(), true);
}

function codesEqual(x: number[], y: number[], fold: boolean): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (!fold || upcaseChar(x[i]) !== upcaseChar(y[i])) return false;
  }
  return true;
}

// assoc-string is declared in strings.ts.

defun('member-ignore-case', [any, any], (elt, list) => {
  while (list !== NIL) {
    const x = car(list);
    if (x instanceof LispString) {
      if (!(elt instanceof LispString)) return wrongType(Q.stringp, elt);
      if (stringsMatch(elt, x, true)) return list;
    }
    list = cdr(list);
  }
  return NIL;
});

// ---- delq, delete, remq, remove, delete-dups -----------------------------------------------

function deleteFromList(list: LispObject, matches: (x: LispObject) => boolean): LispObject {
  let prev: Cons | null = null;
  let tail = list;
  let tortoise = list;
  let lap = 2;
  let left = 2;
  while (tail instanceof Cons) {
    if (matches(tail.car)) {
      if (prev === null) list = tail.cdr;
      else setCdr(prev, tail.cdr);
    } else prev = tail;
    tail = tail.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) circularList(tail);
  }
  if (tail !== NIL) wrongType(Q.listp, list);
  return list;
}

export function delq(elt: LispObject, list: LispObject): LispObject {
  return deleteFromList(list, (x) => x === elt);
}

export function deleteElement(elt: LispObject, seq: LispObject): LispObject {
  if (Array.isArray(seq)) {
    let kept = 0;
    for (const x of seq) if (!equal(elt, x)) kept++;
    if (kept === seq.length) return seq;
    const out: LispObject[] = [];
    for (const x of seq) if (!equal(elt, x)) out.push(x);
    return out;
  }
  if (seq instanceof LispString) {
    if (typeof elt !== 'number' || elt < 0 || elt > MAX_CHAR) return seq;
    const codes = seq.codes();
    if (!codes.includes(elt)) return seq;
    let text = '';
    for (const c of codes) if (c !== elt) text += seq.multibyte ? lispCharToJs(c) : String.fromCharCode(c);
    return new LispString(text, seq.multibyte);
  }
  return deleteFromList(seq, (x) => equal(elt, x));
}

defun('delq', [any, any], delq);
defun('delete', [any, any], deleteElement);

defun('remq', [any, any], (elt, list) => {
  while (car(list) === elt) {
    list = cdr(list);
    if (list === NIL) break;
  }
  if (memq(elt, list) !== NIL) return delq(elt, copySequence(list));
  return list;
});

defun('remove', [any, any], (elt, seq) =>
  deleteElement(elt, seq instanceof Cons ? copySequence(seq) : seq));

export function deleteDups(list: LispObject): LispObject {
  seqLength(list);
  if (list === NIL) return NIL;
  if (!(list instanceof Cons)) return wrongType(Q.listp, list);
  const seen = new LispHashTable(equalTest);
  seen.put(list.car, T);
  let tail: Cons = list;
  while (tail.cdr instanceof Cons) {
    const next: Cons = tail.cdr;
    if (seen.get(next.car) !== undefined) setCdr(tail, next.cdr);
    else {
      seen.put(next.car, T);
      tail = next;
    }
  }
  return list;
}

defun('delete-dups', [any], deleteDups);

// ---- mapping ------------------------------------------------------------------------------

// Emacs's mapcar1: calls FN on each of the first LENI elements of SEQ,
// stopping early if the list was cut short meanwhile; OUT collects results.
function mapSequence(fn: LispObject, seq: LispObject, leni: number, out: LispObject[] | null): void {
  if (Array.isArray(seq)) {
    for (let i = 0; i < leni; i++) {
      const r = call1(fn, seq[i]);
      if (out) out.push(r);
    }
  } else if (seq instanceof LispString) {
    const codes = seq.codes();
    for (let i = 0; i < leni && i < codes.length; i++) {
      const r = call1(fn, codes[i]);
      if (out) out.push(r);
    }
  } else if (seq instanceof BoolVector) {
    for (let i = 0; i < leni; i++) {
      const r = call1(fn, seq.bits[i] ? T : NIL);
      if (out) out.push(r);
    }
  } else {
    let tail: LispObject = seq;
    for (let i = 0; i < leni; i++) {
      if (!(tail instanceof Cons)) return;
      // The cdr is read after the call, so a function that cuts the list ends the walk.
      const r = call1(fn, tail.car);
      if (out) out.push(r);
      tail = tail.cdr;
    }
  }
}

/**
 * Visits each element of SEQ as `mapc` would (length checked first, a list
 * cut short meanwhile ends the walk); VISIT returns false to stop early.
 */
export function forEachElement(seq: LispObject, visit: (x: LispObject) => boolean | void): void {
  const leni = seqLength(seq);
  if (seq instanceof CharTable) wrongType(Q.listp, seq);
  if (Array.isArray(seq)) {
    for (let i = 0; i < leni; i++) if (visit(seq[i]) === false) return;
  } else if (seq instanceof LispString) {
    const codes = seq.codes();
    for (let i = 0; i < leni && i < codes.length; i++) if (visit(codes[i]) === false) return;
  } else if (seq instanceof BoolVector) {
    for (let i = 0; i < leni; i++) if (visit(seq.bits[i] ? T : NIL) === false) return;
  } else {
    let tail: LispObject = seq;
    for (let i = 0; i < leni; i++) {
      if (!(tail instanceof Cons)) return;
      if (visit(tail.car) === false) return;
      tail = tail.cdr;
    }
  }
}

export function mapcar(fn: LispObject, seq: LispObject): LispObject {
  if (seq instanceof CharTable) wrongType(Q.listp, seq);
  const leni = seqLength(seq);
  const out: LispObject[] = [];
  mapSequence(fn, seq, leni, out);
  let result: LispObject = NIL;
  for (let i = out.length - 1; i >= 0; i--) result = new Cons(out[i], result);
  return result;
}

export function mapc(fn: LispObject, seq: LispObject): LispObject {
  const leni = seqLength(seq);
  if (seq instanceof CharTable) wrongType(Q.listp, seq);
  mapSequence(fn, seq, leni, null);
  return seq;
}

defun('mapcar', [any, any], mapcar);
defun('mapc', [any, any], mapc);

defun('mapcan', [any, any], (fn, seq) => {
  const leni = seqLength(seq);
  if (seq instanceof CharTable) wrongType(Q.listp, seq);
  const out: LispObject[] = [];
  mapSequence(fn, seq, leni, out);
  return nconc(out);
});

defun('mapconcat', [any, any, any], (fn, seq, separator) => {
  const leni = seqLength(seq);
  if (seq instanceof CharTable) wrongType(Q.listp, seq);
  if (leni === 0) return new LispString('', false);
  const mapped: LispObject[] = [];
  mapSequence(fn, seq, leni, mapped);
  // The usual case, strings joined by a string, all unibyte: a plain join.
  if (separator instanceof LispString && !separator.multibyte && separator.intervals === null) {
    let text = '';
    let i = 0;
    for (; i < mapped.length; i++) {
      const m = mapped[i];
      if (!(m instanceof LispString) || m.multibyte || m.intervals !== null) break;
      text += i > 0 ? separator.value + m.value : m.value;
    }
    if (i === mapped.length) return new LispString(text, false);
  }
  const parts: LispObject[] = [];
  for (let i = 0; i < mapped.length; i++) {
    if (i > 0) parts.push(separator);
    parts.push(mapped[i]);
  }
  return concatToString(parts);
});

// ---- sort -----------------------------------------------------------------------------------

/** The sort order: (LESS A B) says A must come before B. */
export type LessThan = (a: LispObject, b: LispObject) => boolean;

const Qlt = intern('<');
const Qgt = intern('>');

/** Is sym's function still the builtin of that name (not redefined with fset)? */
function isBuiltin(sym: LispSymbol): boolean {
  const fn = sym.fn;
  return fn instanceof Subr && fn.name === sym.name;
}

/**
 * A LessThan that calls the Lisp predicate PRED. Each call still goes
 * through PRED as funcall would, but `<` and `>` (while they are the
 * builtins) compare two fixnums directly, and an interpreted closure is
 * called without an argument array.
 */
export function lispLessThan(pred: LispObject): LessThan {
  if (pred === Qlt || pred === Qgt) {
    const sym = pred as LispSymbol;
    const less = pred === Qlt;
    return (a, b) => {
      if (typeof a === 'number' && typeof b === 'number' && isBuiltin(sym)) return less ? a < b : a > b;
      return call2(sym, a, b) !== NIL;
    };
  }
  if (pred instanceof CompiledClosure) return (a, b) => pred.call2(a, b) !== NIL;
  return (a, b) => call2(pred, a, b) !== NIL;
}

// Emacs's merge: takes from L2 only when (PRED L2-ELT L1-ELT), so equal
// elements keep their order; the conses are relinked, not copied.
function mergeLists(l1: LispObject, l2: LispObject, less: LessThan): LispObject {
  let value: LispObject = NIL;
  let tail: Cons | null = null;
  for (;;) {
    if (l1 === NIL) {
      if (tail === null) return l2;
      setCdr(tail, l2);
      return value;
    }
    if (l2 === NIL) {
      if (tail === null) return l1;
      setCdr(tail, l1);
      return value;
    }
    let taken: Cons;
    if (!less((l2 as Cons).car, (l1 as Cons).car)) {
      taken = l1 as Cons;
      l1 = taken.cdr;
    } else {
      taken = l2 as Cons;
      l2 = taken.cdr;
    }
    if (tail === null) value = taken;
    else setCdr(tail, taken);
    tail = taken;
  }
}

function sortListOfLength(list: LispObject, length: number, less: LessThan): LispObject {
  if (length < 2) return list;
  const frontLength = length >> 1;
  const lastOfFront = nthcdr(frontLength - 1, list) as Cons;
  const back = lastOfFront.cdr;
  setCdr(lastOfFront, NIL);
  // Emacs 28 sorts the back half first (the order its predicate calls show).
  const sortedBack = sortListOfLength(back, length - frontLength, less);
  const sortedFront = sortListOfLength(list, frontLength, less);
  return mergeLists(sortedFront, sortedBack, less);
}

/** Sorts a list destructively, stable, reusing its conses; returns the new head. */
export function sortList(list: LispObject, less: LessThan): LispObject {
  return sortListOfLength(list, listLength(list), less);
}

/** Sorts a vector in place, stable, with the comparisons Emacs 28 makes. */
export function sortVector(vec: LispObject[], less: LessThan): void {
  if (vec.length < 2) return;
  const tmp = new Array<LispObject>(vec.length >> 1);
  sortRange(vec, 0, vec.length, less, tmp);
}

function sortRange(vec: LispObject[], lo: number, len: number, less: LessThan, tmp: LispObject[]): void {
  if (len < 2) return;
  const half = len >> 1;
  sortRange(vec, lo, half, less, tmp);
  sortRange(vec, lo + half, len - half, less, tmp);
  for (let i = 0; i < half; i++) tmp[i] = vec[lo + i];
  let a = 0;
  let b = lo + half;
  const bEnd = lo + len;
  let dest = lo;
  while (a < half && b < bEnd) {
    if (!less(vec[b], tmp[a])) vec[dest++] = tmp[a++];
    else vec[dest++] = vec[b++];
  }
  while (a < half) vec[dest++] = tmp[a++];
}

defun('car-less-than-car', [any, any], (a, b) => bool(compareNum(checkNumber(car(a)), checkNumber(car(b))) === -1));

defun('sort', [any, any], (seq, pred) => {
  if (seq instanceof Cons) return sortList(seq, lispLessThan(pred));
  if (Array.isArray(seq)) {
    sortVector(seq, lispLessThan(pred));
    return seq;
  }
  if (seq !== NIL) wrongType(Qlist_or_vector_p, seq);
  return seq;
});

// ---- subr.el list helpers ----------------------------------------------------------------------

defun('number-sequence', [any, optional(any), optional(any)], (from, to, inc) => {
  if (to === NIL) return new Cons(from, NIL);
  const start = checkNumber(from);
  const end = checkNumber(to);
  if (compareNum(start, end) === 0) return new Cons(from, NIL);
  const step: Num = inc === NIL ? 1 : checkNumber(inc);
  if (compareNum(step, 0) === 0) error('The increment can not be zero');
  // What cannot fit in one array fails at once, not after filling memory.
  if (typeof start === 'number' && typeof end === 'number' && typeof step === 'number' && (end - start) / step + 1 > MAX_ELEMENTS) {
    memoryExhausted();
  }
  const out: LispObject[] = [];
  const ascending = compareNum(step, 0) === 1;
  let n = 0;
  let next: Num = start;
  for (;;) {
    const c = compareNum(next, end);
    if (ascending ? c !== -1 && c !== 0 : c !== 1 && c !== 0) break;
    if (n === MAX_ELEMENTS) memoryExhausted();
    out.push(next);
    n++;
    next = addNum(start, mulNum(n, step));
  }
  let result: LispObject = NIL;
  for (let i = out.length - 1; i >= 0; i--) result = new Cons(out[i], result);
  return result;
});

export function copyTree(tree: LispObject, vecp: boolean): LispObject {
  if (tree instanceof Cons) {
    const head = new Cons(NIL, NIL);
    let prev = head;
    let tail: LispObject = tree;
    // subr.el's loop in Emacs copies a circular list until memory runs out; ours signals circular-list.
    const check = new TailCheck(tree);
    while (tail instanceof Cons) {
      maybeQuit();
      const x = tail.car;
      const c = new Cons(x instanceof Cons || (vecp && Array.isArray(x)) ? copyTree(x, vecp) : x, NIL);
      linkCdr(prev, c);
      prev = c;
      tail = tail.cdr;
      check.step(tail);
    }
    linkCdr(prev, vecp && Array.isArray(tail) ? copyTree(tail, vecp) : tail);
    return head.cdr;
  }
  if (vecp && Array.isArray(tree)) {
    const copy = tree.slice();
    for (let i = copy.length - 1; i >= 0; i--) copy[i] = copyTree(copy[i], vecp);
    return copy;
  }
  return tree;
}

defun('copy-tree', [any, optional(any)], (tree, vecp) => copyTree(tree, vecp !== NIL));

defun('copy-alist', [any], (alist) => {
  if (!isConcatSequence(alist)) return wrongType(Q.sequencep, alist);
  const copy = append([alist, NIL]);
  for (let tail = copy; tail instanceof Cons; tail = tail.cdr) {
    const e = tail.car;
    if (e instanceof Cons) setCar(tail, new Cons(e.car, e.cdr));
  }
  return copy;
});

defun('flatten-tree', [any], (tree) => {
  const out: LispObject[] = [];
  // subr.el pushes each cdr back onto TREE; the pushed items live on STACK,
  // in front of what remains of the original list.
  const stack: LispObject[] = [];
  let base: LispObject = tree;
  while (stack.length > 0 || base instanceof Cons) {
    // A circular tree loops (as in Emacs) until quit, or until memory runs out.
    maybeQuit();
    if (out.length + stack.length > MAX_ELEMENTS) memoryExhausted();
    let elem: LispObject;
    if (stack.length > 0) elem = stack.pop()!;
    else {
      elem = (base as Cons).car;
      base = (base as Cons).cdr;
    }
    while (elem instanceof Cons) {
      stack.push(elem.cdr);
      elem = elem.car;
    }
    if (elem !== NIL) out.push(elem);
  }
  if (base !== NIL) out.push(base);
  let result: LispObject = NIL;
  for (let i = out.length - 1; i >= 0; i--) result = new Cons(out[i], result);
  return result;
});

defun('ensure-list', [any], (x) => (x === NIL || x instanceof Cons ? x : new Cons(x, NIL)));
defun('identity', [any], (x) => x);
defunRest('ignore', 0, () => NIL);
defunRest('always', 0, () => T);
defun('xor', [any, any], (a, b) => (a === NIL ? b : b === NIL ? a : NIL));


// cl-lib's cl-list*: the last argument is the tail of the new list.
defunRest('cl-list*', 1, (args) => arrayToList(args.slice(0, -1), args[args.length - 1]));
