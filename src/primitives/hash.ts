// The hash-table builtins of Emacs's fns.c. The table itself (slots reused
// in Emacs's order, `size` growing as Emacs grows it) is src/lisp/hashtable.ts.
import {
  type LispObject, type HashTableTest, LispHashTable, LispSymbol, LispFloat, Cons, NIL, T, Q,
  eqTest, eqlTest, equalTest, DEFAULT_HASH_SIZE, sxhashEq, sxhashEql, sxhashEqual,
  intern, list, makeFloat, makeString, signal, wrongType,
} from '../lisp/index.js';
import { defun, defunRest, declareModule, any, optional, symbol, hashTable, bool } from '../lisp/defun.js';
import { funcall1, funcall2 } from '../eval/index.js';
import { get, put } from './data.js';

declareModule('fns');

const Qhash_table_test = intern('hash-table-test');
const Qkey = intern('key');
const Qvalue = intern('value');
const Qkey_and_value = intern('key-and-value');
const Qkey_or_value = intern('key-or-value');
const QCpurecopy = intern(':purecopy');

const DEFAULT_REHASH_SIZE = 1.5;
const DEFAULT_REHASH_THRESHOLD = 0.8125;

/**
 * Tables whose :rehash-size was an integer N grow by N entries instead of by
 * a factor; the object model only knows factors, so the growth happens here.
 */
const rehashIncrements = new WeakMap<LispHashTable, number>();

function isProperList(x: LispObject): boolean {
  let slow = x;
  for (let n = 0; x instanceof Cons; n++) {
    x = x.cdr;
    if (n & 1) {
      slow = (slow as Cons).cdr;
      if (x === slow) return false;
    }
  }
  return x === NIL;
}

/** Emacs's signal_error: (error MESSAGE . ARG) when ARG is a proper list, else (error MESSAGE ARG). */
function signalError(message: string, arg: LispObject): never {
  const data = isProperList(arg) ? arg : list(arg);
  return signal(Q.error, new Cons(makeString(message), data));
}

/** A test defined with `define-hash-table-test`: its functions are called through Lisp. */
function userTest(name: LispSymbol, cmpFn: LispObject, hashFn: LispObject): HashTableTest {
  return {
    name,
    cmp: (a, b) => funcall2(cmpFn, a, b) !== NIL,
    hash: (x) => {
      const h = funcall1(hashFn, x);
      return typeof h === 'number' ? h : sxhashEqual(h);
    },
    directKey: () => undefined,
  };
}

function hashTableTest(name: LispObject): HashTableTest {
  if (name === Q.eql) return eqlTest;
  if (name === Q.eq) return eqTest;
  if (name === Q.equal) return equalTest;
  if (!(name instanceof LispSymbol)) return wrongType(Q.symbolp, name);
  const spec = get(name, Qhash_table_test);
  if (!(spec instanceof Cons) || !(spec.cdr instanceof Cons)) signalError('Invalid hash table test', name);
  return userTest(name, spec.car, spec.cdr.car);
}

defunRest('make-hash-table', 0, (args) => {
  // Each keyword is looked for once, leftmost first; anything left unused is an error.
  const used = new Uint8Array(args.length);
  const keyArg = (key: LispSymbol): number => {
    for (let i = 1; i < args.length; i++) {
      if (!used[i - 1] && args[i - 1] === key) {
        used[i - 1] = 1;
        used[i] = 1;
        return i;
      }
    }
    return 0;
  };

  let i = keyArg(Q.kw_test);
  const test = hashTableTest(i ? args[i] : Q.eql);

  keyArg(QCpurecopy);

  i = keyArg(Q.kw_size);
  const sizeArg = i ? args[i] : NIL;
  let size = DEFAULT_HASH_SIZE;
  if (sizeArg !== NIL) {
    if (typeof sizeArg !== 'number' || sizeArg < 0) signalError('Invalid hash table size', sizeArg);
    size = Math.max(sizeArg, 1);
  }

  i = keyArg(Q.kw_rehash_size);
  const rehashArg = i ? args[i] : NIL;
  let rehashSize = DEFAULT_REHASH_SIZE;
  let increment = 0;
  // A given :rehash-size must be valid, nil included (Emacs signals for nil too).
  if (i) {
    if (typeof rehashArg === 'number' && rehashArg > 0) {
      increment = rehashArg;
      rehashSize = rehashArg;
    } else if (rehashArg instanceof LispFloat && rehashArg.value > 1) {
      // Emacs keeps the growth factor minus one in a C float.
      rehashSize = Math.fround(rehashArg.value - 1) + 1;
    } else {
      signalError('Invalid hash table rehash size', rehashArg);
    }
  }

  i = keyArg(Q.kw_rehash_threshold);
  let threshold = DEFAULT_REHASH_THRESHOLD;
  if (i) {
    const arg = args[i];
    threshold = arg instanceof LispFloat ? Math.fround(arg.value) : 0;
    if (!(threshold > 0 && threshold <= 1)) signalError('Invalid hash table rehash threshold', arg);
  }

  i = keyArg(Q.kw_weakness);
  let weakness = i ? args[i] : NIL;
  if (weakness === T) weakness = Qkey_and_value;
  if (weakness !== NIL && weakness !== Qkey && weakness !== Qvalue && weakness !== Qkey_or_value && weakness !== Qkey_and_value) {
    signalError('Invalid hash table weakness', weakness);
  }

  for (let k = 0; k < args.length; k++) if (!used[k]) signalError('Invalid argument list', args[k]);

  const h = new LispHashTable(test, size, weakness, rehashSize, threshold);
  if (increment) rehashIncrements.set(h, increment);
  return h;
});

defun('gethash', [any, hashTable, optional(any)], (key, h, dflt) => {
  const v = h.get(key);
  return v === undefined ? dflt : v;
});

defun('puthash', [any, any, hashTable], (key, value, h) => {
  if (h.count >= h.size) {
    const increment = rehashIncrements.get(h);
    if (increment !== undefined && h.get(key) === undefined) h.size += increment;
  }
  h.put(key, value);
  return value;
});

defun('remhash', [any, hashTable], (key, h) => {
  h.remove(key);
  return NIL;
});

defun('clrhash', [hashTable], (h) => {
  h.clear();
  return h;
});

/**
 * Calls fn on each entry in slot order. Like Emacs, the walk re-reads the
 * table at every step, so entries added or removed by fn are seen (or not)
 * exactly as Emacs would see them.
 */
export function mapHash(h: LispHashTable, fn: (key: LispObject, value: LispObject) => void): void {
  for (let i = 0; i < h.keys.length; i++) {
    const k = h.keys[i];
    if (typeof k === 'symbol' || k === undefined) continue;
    fn(k, h.vals[i]);
  }
}

defun('maphash', [any, hashTable], (fn, h) => {
  mapHash(h, (k, v) => funcall2(fn, k, v));
  return NIL;
});

defun('copy-hash-table', [hashTable], (h) => {
  const copy = h.copy();
  const increment = rehashIncrements.get(h);
  if (increment !== undefined) rehashIncrements.set(copy, increment);
  return copy;
});

defun('hash-table-count', [hashTable], (h) => h.count);
// subr-x.el's.
defun('hash-table-empty-p', [hashTable], (h) => bool(h.count === 0));
defun('hash-table-test', [hashTable], (h) => h.test.name);
defun('hash-table-weakness', [hashTable], (h) => h.weakness);
defun('hash-table-size', [hashTable], (h) => h.size);
defun('hash-table-rehash-size', [hashTable], (h) => rehashIncrements.get(h) ?? makeFloat(h.rehashSize));
defun('hash-table-rehash-threshold', [hashTable], (h) => makeFloat(h.rehashThreshold));

function collect(h: LispHashTable, values: boolean): LispObject {
  const out: LispObject[] = [];
  mapHash(h, (k, v) => out.push(values ? v : k));
  return list(...out);
}

// subr-x's, in Emacs 28: in slot order, like maphash.
defun('hash-table-keys', [hashTable], (h) => collect(h, false));
defun('hash-table-values', [hashTable], (h) => collect(h, true));

defun('sxhash-eq', [any], (x) => sxhashEq(x));
defun('sxhash-eql', [any], (x) => sxhashEql(x));
defun('sxhash-equal', [any], (x) => sxhashEqual(x));
// Equal objects with different properties may share a hash; that is all a hash promises.
defun('sxhash-equal-including-properties', [any], (x) => sxhashEqual(x));

defun('define-hash-table-test', [symbol, any, any], (name, test, hash) => {
  const spec = list(test, hash);
  put(name, Qhash_table_test, spec);
  return spec;
});
