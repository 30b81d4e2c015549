// seq.el's sequence functions, written in TypeScript. In Emacs they are
// cl-generic functions with methods for lists and for `sequence`; these
// follow the behaviour of those built-in methods (result types, argument
// order of TESTFN, which errors come from which underlying primitive).
// The macros (seq-doseq, seq-let, seq-setq) belong to the Lisp library.
import {
  type LispObject, Cons, NIL, T, Q, LispString, LispFloat, BoolVector, CharTable,
  LispHashTable, equalTest, equal, signal, wrongType, list as makeList, makeString, intern, MAX_ELEMENTS, memoryExhausted, setCdr,
} from '../lisp/index.js';
import { declareModule, defun, defunRest, any, optional, bool } from '../lisp/defun.js';
import { funcall, funcall1, funcall2 } from '../eval/index.js';
import { maybeQuit } from '../eval/state.js';
import {
  seqLength, elt, nthcdr, car, cdr, copySequence, append, vconcat, concatToString, reverse, nreverse,
  mapcar, mapc, forEachElement, sortList, lispLessThan, checkNumber, compareNum, assoc, isConcatSequence,
  type Num, sequenceElements,
} from './fns.js';

declareModule('seq');

const Qvector = Q.vector;
const Qstring = Q.string;
const Qlist = intern('list');
const Qformat = intern('format');
const Qsubstring = intern('substring');
const Qmin = intern('min');
const Qmax = intern('max');
const Qrandom = intern('random');

/** (error FORMAT ARGS...), formatted by Lisp's `format`. */
function lispError(format: string, ...args: LispObject[]): never {
  return signal(Q.error, makeList(funcall(Qformat, [makeString(format), ...args])));
}

function listFrom(items: LispObject[]): LispObject {
  let r: LispObject = NIL;
  for (let i = items.length - 1; i >= 0; i--) r = new Cons(items[i], r);
  return r;
}

function isSequence(x: LispObject): boolean {
  return isConcatSequence(x) || x instanceof CharTable;
}

/** The default TESTFN of seq.el is `equal`; a given one is called (TESTFN A B). */
function tester(testfn: LispObject): (a: LispObject, b: LispObject) => boolean {
  if (testfn === NIL || testfn === Q.equal) return equal;
  return (a, b) => funcall2(testfn, a, b) !== NIL;
}

// ---- basic access -------------------------------------------------------------------

defun('seq-elt', [any, any], (seq, n) => elt(seq, n));
defun('seq-length', [any], seqLength);
defun('seq-first', [any], (seq) => elt(seq, 0));
defun('seq-rest', [any], (seq) => seqDrop(seq, 1));
defun('seqp', [any], (x) => bool(isSequence(x)));
defun('seq-copy', [any], copySequence);
defun('seq-empty-p', [any], (seq) => bool(seqEmpty(seq)));
defun('seq-into-sequence', [any], (seq) => {
  if (!isSequence(seq)) lispError('Cannot convert %S into a sequence', seq);
  return seq;
});

function seqEmpty(seq: LispObject): boolean {
  if (seq === NIL || seq instanceof Cons) return seq === NIL;
  return seqLength(seq) === 0;
}

// ---- iteration ------------------------------------------------------------------------

defun('seq-do', [any, any], (fn, seq) => mapc(fn, seq));
intern('seq-each').fn = intern('seq-do');
defun('seq-map', [any, any], (fn, seq) => mapcar(fn, seq));

defun('seq-do-indexed', [any, any], (fn, seq) => {
  let index = 0;
  forEachElement(seq, (x) => {
    funcall2(fn, x, index);
    index++;
  });
  return NIL;
});

defun('seq-map-indexed', [any, any], (fn, seq) => {
  let index = 0;
  const out: LispObject[] = [];
  forEachElement(seq, (x) => {
    out.push(funcall2(fn, x, index));
    index++;
  });
  return listFrom(out);
});

defunRest('seq-mapn', 2, (args) => {
  const fn = args[0];
  const seqs: LispObject[] = [];
  for (let i = 1; i < args.length; i++) seqs.push(intoList(args[i]));
  const out: LispObject[] = [];
  for (;;) {
    for (const s of seqs) if (s === NIL) return listFrom(out);
    const cars = seqs.map(car);
    out.push(funcall(fn, cars));
    for (let i = 0; i < seqs.length; i++) seqs[i] = cdr(seqs[i]);
  }
});

defun('seq-filter', [any, any], (pred, seq) => {
  const out: LispObject[] = [];
  forEachElement(seq, (x) => {
    if (funcall1(pred, x) !== NIL) out.push(x);
  });
  return listFrom(out);
});

defun('seq-remove', [any, any], (pred, seq) => {
  const out: LispObject[] = [];
  forEachElement(seq, (x) => {
    if (funcall1(pred, x) === NIL) out.push(x);
  });
  return listFrom(out);
});

function seqReduce(fn: (acc: LispObject, x: LispObject) => LispObject, seq: LispObject, initial: LispObject): LispObject {
  if (seqEmpty(seq)) return initial;
  let acc = initial;
  forEachElement(seq, (x) => {
    acc = fn(acc, x);
  });
  return acc;
}

defun('seq-reduce', [any, any, any], (fn, seq, initial) =>
  seqReduce((acc, x) => funcall2(fn, acc, x), seq, initial));

defun('seq-some', [any, any], (pred, seq) => {
  let result: LispObject = NIL;
  forEachElement(seq, (x) => {
    result = funcall1(pred, x);
    return result === NIL;
  });
  return result;
});

defun('seq-every-p', [any, any], (pred, seq) => {
  let all = true;
  forEachElement(seq, (x) => {
    if (funcall1(pred, x) === NIL) all = false;
    return all;
  });
  return bool(all);
});

defun('seq-find', [any, any, optional(any)], (pred, seq, dflt) => {
  let found: LispObject = dflt;
  forEachElement(seq, (x) => {
    if (funcall1(pred, x) === NIL) return true;
    found = x;
    return false;
  });
  return found;
});

defun('seq-count', [any, any], (pred, seq) => {
  let count = 0;
  forEachElement(seq, (x) => {
    if (funcall1(pred, x) !== NIL) count++;
  });
  return count;
});

// ---- membership ------------------------------------------------------------------------

/** seq-contains-p: some element E of SEQ with (TEST E ELT). */
function containsP(seq: LispObject, x: LispObject, test: (a: LispObject, b: LispObject) => boolean): boolean {
  let found = false;
  forEachElement(seq, (e) => {
    if (test(e, x)) found = true;
    return !found;
  });
  return found;
}

defun('seq-contains-p', [any, any, optional(any)], (seq, x, testfn) => bool(containsP(seq, x, tester(testfn))));

// Obsolete since 27.1 but still used: returns the element, testing (TESTFN ELT E).
defun('seq-contains', [any, any, optional(any)], (seq, x, testfn) => {
  const test = tester(testfn);
  let result: LispObject = NIL;
  forEachElement(seq, (e) => {
    if (test(x, e)) result = e;
    return result === NIL;
  });
  return result;
});

defun('seq-position', [any, any, optional(any)], (seq, x, testfn) => {
  const test = tester(testfn);
  let index = 0;
  let found = -1;
  forEachElement(seq, (e) => {
    if (test(e, x)) {
      found = index;
      return false;
    }
    index++;
    return true;
  });
  return found < 0 ? NIL : found;
});

defun('seq-set-equal-p', [any, any, optional(any)], (seq1, seq2, testfn) => {
  const test = tester(testfn);
  let all = true;
  forEachElement(seq1, (x) => (all = containsP(seq2, x, test)));
  if (!all) return NIL;
  forEachElement(seq2, (x) => (all = containsP(seq1, x, test)));
  return bool(all);
});

defun('seq-uniq', [any, optional(any)], (seq, testfn) => {
  const out: LispObject[] = [];
  if (testfn === NIL || testfn === Q.equal) {
    const seen = new LispHashTable(equalTest);
    forEachElement(seq, (x) => {
      if (seen.get(x) === undefined) {
        seen.put(x, T);
        out.push(x);
      }
    });
    return listFrom(out);
  }
  // seq-contains-p on the result so far, newest element first.
  forEachElement(seq, (x) => {
    for (let i = out.length - 1; i >= 0; i--) if (funcall(testfn, [out[i], x]) !== NIL) return;
    out.push(x);
  });
  return listFrom(out);
});

defun('seq-difference', [any, any, optional(any)], (seq1, seq2, testfn) => {
  const test = tester(testfn);
  return seqReduce((acc, x) => (containsP(seq2, x, test) ? acc : new Cons(x, acc)), reverse(seq1), NIL);
});

defun('seq-intersection', [any, any, optional(any)], (seq1, seq2, testfn) => {
  const test = tester(testfn);
  return seqReduce((acc, x) => (containsP(seq2, x, test) ? new Cons(x, acc) : acc), reverse(seq1), NIL);
});

defun('seq-union', [any, any, optional(any)], (seq1, seq2, testfn) => {
  const test = tester(testfn);
  const accum = (acc: LispObject, x: LispObject): LispObject => (containsP(acc, x, test) ? acc : new Cons(x, acc));
  return nreverse(seqReduce(accum, seq2, seqReduce(accum, seq1, NIL)));
});

defun('seq-group-by', [any, any], (fn, seq) =>
  seqReduce(
    (acc, x) => {
      const key = funcall1(fn, x);
      const cell = assoc(key, acc);
      if (cell instanceof Cons) {
        setCdr(cell, new Cons(x, cell.cdr));
        return acc;
      }
      return new Cons(makeList(key, x), acc);
    },
    reverse(seq),
    NIL,
  ));

// ---- subsequences ------------------------------------------------------------------------

function formatBound(x: LispObject): string {
  if (x === NIL) return 'nil';
  if (x instanceof LispFloat) return Number.isInteger(x.value) ? x.value.toFixed(1) : String(x.value);
  return String(x);
}

/** seq-subseq: `substring` for arrays; for lists, seq.el's own walk and messages. */
export function seqSubseq(seq: LispObject, start: LispObject, end: LispObject): LispObject {
  if (seq instanceof LispString || Array.isArray(seq)) return funcall(Qsubstring, [seq, start, end]);
  if (seq !== NIL && !(seq instanceof Cons)) return lispError('Unsupported sequence: %s', seq);
  const errtext = `Bad bounding indices: ${formatBound(start)}, ${formatBound(end)}`;
  let len = -1;
  let e: Num | null = null;
  if (end !== NIL) {
    e = checkNumber(end);
    if (compareNum(e, 0) === -1) {
      len = seqLength(seq);
      e = addInt(e, len);
    }
  }
  let s = checkNumber(start);
  if (compareNum(s, 0) === -1) {
    if (len < 0) len = seqLength(seq);
    s = addInt(s, len);
  }
  if (compareNum(s, 0) === -1) lispError('%s', makeString(errtext));
  let rest: LispObject = seq;
  if (compareNum(s, 0) === 1) {
    const before = addInt(s, -1);
    if (before instanceof LispFloat) return wrongType(Q.integerp, before);
    rest = nthcdr(before, rest);
    if (rest === NIL) lispError('%s', makeString(errtext));
    rest = cdr(rest);
  }
  if (e === null) return copySequence(rest);
  const out: LispObject[] = [];
  for (;;) {
    e = addInt(e, -1);
    if (compareNum(e, s) === -1 || rest === NIL) break;
    out.push(car(rest));
    rest = cdr(rest);
  }
  if (compareNum(addInt(e, 1), s) !== 0) lispError('%s', makeString(errtext));
  return listFrom(out);
}

function addInt(a: Num, b: number): Num {
  if (a instanceof LispFloat) return new LispFloat(a.value + b);
  if (typeof a === 'number' && Number.isSafeInteger(a + b)) return a + b;
  return BigInt(a) + BigInt(b);
}

defun('seq-subseq', [any, any, optional(any)], seqSubseq);

/** (min (max N 0) LIMIT) as Lisp's min/max pick among their arguments. */
function clamp(n: Num, limit: number): Num {
  const lower = compareNum(n, 0) === -1 ? 0 : n;
  return compareNum(lower, limit) === 1 ? limit : lower;
}

export function seqTake(seq: LispObject, n: LispObject): LispObject {
  if (seq === NIL || seq instanceof Cons) {
    const out: LispObject[] = [];
    let count: Num = n as Num;
    while (seq !== NIL) {
      count = checkNumber(count);
      if (compareNum(count, 0) !== 1) break;
      count = addInt(count, -1);
      out.push(car(seq));
      seq = cdr(seq);
    }
    return listFrom(out);
  }
  const limit = clamp(checkNumber(n), seqLength(seq));
  return seqSubseq(seq, 0, limit);
}

export function seqDrop(seq: LispObject, n: LispObject): LispObject {
  if (seq === NIL || seq instanceof Cons) {
    if (typeof n !== 'number' && typeof n !== 'bigint') return wrongType(Q.integerp, n);
    return nthcdr(n, seq);
  }
  const count = checkNumber(n);
  const c = compareNum(count, 0);
  if (c === -1 || c === 0) return seq;
  const length = seqLength(seq);
  return seqSubseq(seq, compareNum(count, length) === 1 ? length : count, length);
}

defun('seq-take', [any, any], seqTake);
defun('seq-drop', [any, any], seqDrop);

// How many leading elements satisfy PRED (seq--count-successive).
function countSuccessive(pred: LispObject, seq: LispObject): number {
  const len = seqLength(seq);
  let n = 0;
  while (n < len && funcall1(pred, elt(seq, n)) !== NIL) n++;
  return n;
}

defun('seq-take-while', [any, any], (pred, seq) => seqTake(seq, countSuccessive(pred, seq)));

defun('seq-drop-while', [any, any], (pred, seq) => {
  if (seq === NIL || seq instanceof Cons) {
    let l: LispObject = seq;
    while (l !== NIL && funcall1(pred, car(l)) !== NIL) l = cdr(l);
    return l;
  }
  return seqDrop(seq, countSuccessive(pred, seq));
});

defun('seq-partition', [any, any], (seq, n) => {
  if (compareNum(checkNumber(n), 1) === -1) return NIL;
  const out: LispObject[] = [];
  while (!seqEmpty(seq)) {
    // A circular list partitions forever (in Emacs too): let quit stop it, and memory run out as a Lisp error.
    maybeQuit();
    if (out.length === MAX_ELEMENTS) memoryExhausted();
    out.push(seqTake(seq, n));
    seq = seqDrop(seq, n);
  }
  return listFrom(out);
});

// ---- conversion and concatenation ------------------------------------------------------------

function intoList(seq: LispObject): LispObject {
  return seq === NIL || seq instanceof Cons ? seq : append([seq, NIL]);
}

export function seqInto(seq: LispObject, type: LispObject): LispObject {
  if (type === Qvector) return Array.isArray(seq) ? seq : vconcat([seq]);
  if (type === Qstring) return seq instanceof LispString ? seq : concatToString([seq]);
  if (type === Qlist) return intoList(seq);
  return lispError('Not a sequence type name: %S', type);
}

defun('seq-into', [any, any], seqInto);

function concatenate(type: LispObject, seqs: LispObject[]): LispObject {
  if (type === Qvector) return vconcat(seqs);
  if (type === Qstring) return concatToString(seqs);
  if (type === Qlist) return append([...seqs, NIL]);
  return lispError('Not a sequence type name: %S', type);
}

defunRest('seq-concatenate', 1, (args) => concatenate(args[0], args.slice(1)));

defun('seq-mapcat', [any, any, optional(any)], (fn, seq, type) => {
  const mapped: LispObject[] = [];
  let l = mapcar(fn, seq);
  while (l instanceof Cons) {
    mapped.push(l.car);
    l = l.cdr;
  }
  return concatenate(type === NIL ? Qlist : type, mapped);
});

defun('seq-reverse', [any], reverse);

// ---- sorting, extremes ----------------------------------------------------------------------

function typeName(seq: LispObject): LispObject {
  if (Array.isArray(seq)) return Qvector;
  if (seq instanceof LispString) return Qstring;
  if (seq instanceof BoolVector) return Q.bool_vector;
  if (seq instanceof CharTable) return Q.char_table;
  return Qlist;
}

function seqSortWith(less: (a: LispObject, b: LispObject) => boolean, seq: LispObject): LispObject {
  if (seq === NIL || seq instanceof Cons) return sortList(copySequence(seq), less);
  const sorted = sortList(append([seq, NIL]), less);
  return seqInto(sorted, typeName(seq));
}

defun('seq-sort', [any, any], (pred, seq) => seqSortWith(lispLessThan(pred), seq));

defun('seq-sort-by', [any, any, any], (fn, pred, seq) =>
  seqSortWith((a, b) => funcall2(pred, funcall1(fn, a), funcall1(fn, b)) !== NIL, seq));

/** A list's elements for (apply #'min ...): a dotted or circular list signals as `apply' does in Emacs. */
function listElements(l: LispObject): LispObject[] {
  return l === NIL ? [] : sequenceElements(l);
}

defun('seq-min', [any], (seq) => funcall(Qmin, listElements(seqInto(seq, Qlist))));
defun('seq-max', [any], (seq) => funcall(Qmax, listElements(seqInto(seq, Qlist))));

defun('seq-random-elt', [any], (seq) => {
  if (seqEmpty(seq)) lispError('Sequence cannot be empty');
  return elt(seq, funcall1(Qrandom, seqLength(seq)));
});
