// Hash tables, laid out as Emacs 28 lays them out: entries live in numbered
// slots, a freed slot is reused first, and iteration goes by slot number, so
// `maphash` order matches Emacs (insertion order until something is removed).
import type { LispObject } from './types.js';
import { NIL, LispSymbol, intern } from './symbol.js';
import { LispFloat } from './number.js';
import { LispString, needsMultibyte } from './string.js';
import { eq, eql, equal, sxhashEqual } from './equality.js';

export interface HashTableTest {
  readonly name: LispSymbol;
  cmp(a: LispObject, b: LispObject): boolean;
  hash(x: LispObject): number;
  /** A primitive key that is equal iff the objects are equal under the test, or undefined to use the hash. */
  directKey(x: LispObject): unknown;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
function floatKey(v: number): string {
  f64[0] = v;
  return `\0f${u32[0]}:${u32[1]}`;
}

export const eqTest: HashTableTest = {
  name: intern('eq'),
  cmp: eq,
  hash: () => 0,
  directKey: (x) => x,
};

export const eqlTest: HashTableTest = {
  name: intern('eql'),
  cmp: eql,
  hash: () => 0,
  directKey: (x) => (x instanceof LispFloat ? floatKey(x.value) : x),
};

export const equalTest: HashTableTest = {
  name: intern('equal'),
  cmp: (a, b) => equal(a, b),
  hash: (x) => sxhashEqual(x),
  directKey: (x) => {
    // A string is its own text (no copy to make a key), unless that text starts with the
    // NUL that marks the other keys made of strings: floats, and unibyte strings with bytes
    // above 127, which are never `equal' to a multibyte string (see sameStringText).
    if (x instanceof LispString) {
      const text = x.value;
      if (!x.multibyte && needsMultibyte(text)) return `\0u${text}`;
      return text.charCodeAt(0) === 0 ? `\0s${text}` : text;
    }
    if (x instanceof LispFloat) return floatKey(x.value);
    if (typeof x === 'object' && x !== null && !(x instanceof LispSymbol) && !(typeof x === 'bigint')) return undefined;
    return x;
  },
};

const EMPTY: unique symbol = Symbol('empty-slot');
type Slot = LispObject | typeof EMPTY;

export const DEFAULT_HASH_SIZE = 65;

export class LispHashTable {
  keys: Slot[] = [];
  vals: LispObject[] = [];
  /** Free slots, most recently freed last (it is reused first). */
  private free: number[] = [];
  /** Slots never used yet start at this index. */
  private fresh = 0;
  count = 0;
  private direct = new Map<unknown, number>();
  private buckets = new Map<number, number[]>();

  constructor(
    readonly test: HashTableTest,
    public size: number = DEFAULT_HASH_SIZE,
    readonly weakness: LispObject = NIL,
    readonly rehashSize = 1.5,
    readonly rehashThreshold = 0.8125,
  ) {}

  private findSlot(key: LispObject): number {
    return this.slotFor(key, this.test.directKey(key));
  }

  /** The slot of key, whose direct key (or undefined) the caller has computed already. */
  private slotFor(key: LispObject, dk: unknown): number {
    if (dk !== undefined) {
      const s = this.direct.get(dk);
      return s === undefined ? -1 : s;
    }
    return this.bucketSlot(key);
  }

  private bucketSlot(key: LispObject): number {
    const bucket = this.buckets.get(this.test.hash(key));
    if (bucket) for (const s of bucket) if (this.test.cmp(key, this.keys[s] as LispObject)) return s;
    return -1;
  }

  get(key: LispObject): LispObject | undefined {
    const s = this.findSlot(key);
    return s < 0 ? undefined : this.vals[s];
  }

  put(key: LispObject, value: LispObject): void {
    // The direct key once: for a string it can be a new string each time.
    const dk = this.test.directKey(key);
    const s = this.slotFor(key, dk);
    if (s >= 0) {
      this.vals[s] = value;
      return;
    }
    let slot: number;
    if (this.free.length > 0) slot = this.free.pop()!;
    else {
      slot = this.fresh++;
      if (slot >= this.size) this.size = grownSize(this.size, this.rehashSize);
    }
    this.keys[slot] = key;
    this.vals[slot] = value;
    this.count++;
    if (dk !== undefined) this.direct.set(dk, slot);
    else {
      const h = this.test.hash(key);
      const bucket = this.buckets.get(h);
      if (bucket) bucket.push(slot);
      else this.buckets.set(h, [slot]);
    }
  }

  remove(key: LispObject): void {
    const dk = this.test.directKey(key);
    const s = this.slotFor(key, dk);
    if (s < 0) return;
    if (dk !== undefined) this.direct.delete(dk);
    else {
      const h = this.test.hash(this.keys[s] as LispObject);
      const bucket = this.buckets.get(h)!;
      bucket.splice(bucket.indexOf(s), 1);
      if (bucket.length === 0) this.buckets.delete(h);
    }
    this.keys[s] = EMPTY;
    this.vals[s] = NIL;
    this.free.push(s);
    this.count--;
  }

  clear(): void {
    this.keys = [];
    this.vals = [];
    this.free = [];
    this.fresh = 0;
    this.count = 0;
    this.direct.clear();
    this.buckets.clear();
  }

  /** Calls fn on each entry in slot order; entries added during the walk may be skipped. */
  forEach(fn: (key: LispObject, value: LispObject) => void): void {
    const n = this.fresh;
    for (let i = 0; i < n; i++) {
      const k = this.keys[i];
      if (k !== EMPTY && k !== undefined) fn(k, this.vals[i]);
    }
  }

  entries(): [LispObject, LispObject][] {
    const out: [LispObject, LispObject][] = [];
    this.forEach((k, v) => out.push([k, v]));
    return out;
  }

  copy(): LispHashTable {
    const h = new LispHashTable(this.test, this.size, this.weakness, this.rehashSize, this.rehashThreshold);
    this.forEach((k, v) => h.put(k, v));
    return h;
  }
}

function grownSize(size: number, rehashSize: number): number {
  return Math.max(size + 1, Math.floor(size * rehashSize));
}
