/**
 * Lookup indexes for long lists searched again and again while nothing
 * changes: an alist of 300 symbols asked for each of them in a loop, a plist
 * of options read on every call. Emacs walks such a list every time, about
 * 1.5 ns a step in C; a walk in V8 costs about 2.8 ns a step, so we remember
 * where each key first occurs instead.
 *
 * An index answers exactly what the walk would (the first match from the
 * head) and is good only while listMutation.epoch stays what it was when the
 * index was built: setCar/setCdr and string mutation move the epoch on, and
 * the index is dropped. Walks shorter than INDEX_AFTER_STEPS never get here,
 * and a list is indexed only after WALKS_BEFORE_INDEX long walks in one
 * epoch, so code that changes its lists between lookups pays a slot scan per
 * long walk and nothing else. Dotted and circular lists are never indexed:
 * their walks signal, and the walkers do that themselves.
 */
import type { LispObject } from './types.js';
import { Cons, listMutation } from './cons.js';
import { NIL } from './symbol.js';
import { LispString, sameStringText } from './string.js';

/** Steps a walk takes before it asks for an index. */
export const INDEX_AFTER_STEPS = 16;
/** Building costs roughly ten walks of the list; this many walks make that small. */
const WALKS_BEFORE_INDEX = 32;
const SLOTS = 8;

export const enum IndexKind {
  /** assq and friends: the first element that is a cons with KEY as its car (eq). */
  Assq,
  /** assoc of a string: the first element whose car is a string with KEY's text. */
  AssocString,
  /** plist-get and plist-member: the first property position holding KEY. */
  Plist,
}

type IndexMap = Map<LispObject | string, Cons>;

// The slots, in parallel arrays: the list head, what kind of index, the epoch
// it is counted or built for, long walks seen, and the map (null: not built
// yet; false: the list cannot be indexed in this epoch).
const heads: LispObject[] = new Array(SLOTS).fill(NIL);
const kinds: IndexKind[] = new Array(SLOTS).fill(IndexKind.Assq);
const epochs: number[] = new Array(SLOTS).fill(-1);
const walks: number[] = new Array(SLOTS).fill(0);
const maps: (IndexMap | null | false)[] = new Array(SLOTS).fill(null);
let nextSlot = 0;

/** How often an index was built and how often one answered: for tests that must know the indexes were used. */
export const indexStats = { builds: 0, answers: 0 };

/**
 * What a full walk of HEAD for KEY finds: the element cons (Assq,
 * AssocString) or the property's cons (Plist), NIL when KEY is not there, or
 * undefined when there is no index to answer from and the caller must walk.
 */
export function indexedLookup(kind: IndexKind, head: Cons, key: LispObject): LispObject | undefined {
  const epoch = listMutation.epoch;
  let i = 0;
  while (i < SLOTS && !(heads[i] === head && kinds[i] === kind)) i++;
  if (i === SLOTS) {
    i = nextSlot;
    nextSlot = (nextSlot + 1) % SLOTS;
    heads[i] = head;
    kinds[i] = kind;
    epochs[i] = epoch;
    walks[i] = 0;
    maps[i] = null;
  } else if (epochs[i] !== epoch) {
    epochs[i] = epoch;
    walks[i] = 0;
    maps[i] = null;
  }
  let map = maps[i];
  if (map === null) {
    if (++walks[i] < WALKS_BEFORE_INDEX) return undefined;
    map = maps[i] = buildIndex(kind, head);
    if (map !== false) indexStats.builds++;
  }
  if (map === false) return undefined;
  indexStats.answers++;
  if (kind === IndexKind.AssocString) {
    const text = (key as LispString).value;
    const e = map.get(text);
    if (e === undefined) return NIL;
    // Same text but not the same string (raw bytes against characters): let the walk decide.
    return sameStringText(e.car as LispString, key as LispString) ? e : undefined;
  }
  const e = map.get(key);
  return e === undefined ? NIL : e;
}

function buildIndex(kind: IndexKind, head: Cons): IndexMap | false {
  const map: IndexMap = new Map();
  let tail: LispObject = head;
  let tortoise: LispObject = head;
  let lap = 2;
  let left = 2;
  while (tail instanceof Cons) {
    if (kind === IndexKind.Plist) {
      const next: LispObject = tail.cdr;
      if (!(next instanceof Cons)) return false;
      if (!map.has(tail.car)) map.set(tail.car, tail);
      tail = next.cdr;
    } else {
      const e = tail.car;
      if (e instanceof Cons) {
        const k = kind === IndexKind.Assq ? e.car : e.car instanceof LispString ? e.car.value : null;
        if (k !== null && !map.has(k)) map.set(k, e);
      }
      tail = tail.cdr;
    }
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = tail;
    } else if (tail === tortoise) return false;
  }
  return tail === NIL ? map : false;
}
