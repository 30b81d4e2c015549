/**
 * Text properties: the runs of a string's or a buffer's text that share one
 * property list (Emacs's interval tree, kept here as a sorted array of runs).
 *
 * Runs cover the text from 0 to its length without gaps; a run's plist may
 * be nil. As in Emacs, neighbouring runs with equal plists are not merged
 * (what `prin1` shows depends on it), and no two runs share plist conses, so
 * a property's value can be changed in place. Offsets are 0-based character
 * indexes for strings and buffers alike; buffers add 1 at their surface.
 *
 * Emacs 28 copies a run's plist in two ways, and the difference shows: a
 * run split in two keeps the order of its properties (copyPlist), while text
 * copied into a new string or another buffer, and the copy `prin1` prints,
 * gets its property pairs in reverse order (reversedPlist).
 */
import type { LispObject } from './types.js';
import { LispString } from './string.js';
import { Cons, linkCdr, setCar } from './cons.js';
import { NIL } from './symbol.js';

export class Interval {
  constructor(
    public start: number,
    public end: number,
    public plist: LispObject,
  ) {}
}

/** A fresh copy of a plist's spine (values shared), as Emacs's copy_properties. */
export function copyPlist(plist: LispObject): LispObject {
  if (!(plist instanceof Cons)) return NIL;
  const head = new Cons(plist.car, NIL);
  let last = head;
  for (let p = plist.cdr; p instanceof Cons; p = p.cdr) {
    const c = new Cons(p.car, NIL);
    linkCdr(last, c);
    last = c;
  }
  return head;
}

/**
 * The plist a copy of text gets: each pair added in turn to an empty plist,
 * a new property in front and a repeated one taking the later value (so the
 * pairs come out reversed, and duplicates merged).
 */
export function reversedPlist(plist: LispObject): LispObject {
  let out: LispObject = NIL;
  for (let p = plist; p instanceof Cons; ) {
    const next = p.cdr;
    if (!(next instanceof Cons)) break;
    let found = false;
    for (let q: LispObject = out; q instanceof Cons; q = (q.cdr as Cons).cdr) {
      if (q.car === p.car) {
        setCar(q.cdr as Cons, next.car);
        found = true;
        break;
      }
    }
    if (!found) out = new Cons(p.car, new Cons(next.car, out));
    p = next.cdr;
  }
  return out;
}

export class TextProps {
  constructor(public runs: Interval[]) {}

  static whole(length: number, plist: LispObject): TextProps {
    return new TextProps([new Interval(0, length, plist)]);
  }

  get length(): number {
    const runs = this.runs;
    return runs.length === 0 ? 0 : runs[runs.length - 1].end;
  }

  /** True when no run has properties (Emacs then prints and compares the text as plain). */
  get empty(): boolean {
    for (const r of this.runs) if (r.plist !== NIL) return false;
    return true;
  }

  /** Index of the run holding character pos (0 <= pos < length). */
  find(pos: number): number {
    const runs = this.runs;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Splits run i at pos (inside it); the right part gets a copy of the plist. Returns the right part's index. */
  split(i: number, pos: number): number {
    const r = this.runs[i];
    const right = new Interval(pos, r.end, copyPlist(r.plist));
    r.end = pos;
    this.runs.splice(i + 1, 0, right);
    return i + 1;
  }

  /**
   * The runs of [from, to) as new props starting at 0, or null when none has
   * properties. A copy into a string reverses each plist's pairs as Emacs's
   * string copies do; a buffer's text copied out keeps them (keepOrder).
   */
  slice(from: number, to: number, keepOrder = false): TextProps | null {
    if (from >= to) return null;
    if (keepOrder) {
      // Emacs's copy_intervals: every run as it is, plain ones included.
      const runs: Interval[] = [];
      let any = false;
      for (let i = this.find(from); i < this.runs.length && this.runs[i].start < to; i++) {
        const r = this.runs[i];
        if (r.plist !== NIL) any = true;
        runs.push(new Interval(Math.max(r.start, from) - from, Math.min(r.end, to) - from, copyPlist(r.plist)));
      }
      return any ? new TextProps(runs) : null;
    }
    const out = new RunBuilder();
    for (let i = this.find(from); i < this.runs.length && this.runs[i].start < to; i++) {
      const r = this.runs[i];
      out.add(Math.max(r.start, from) - from, Math.min(r.end, to) - from, r.plist);
    }
    return out.finish(to - from);
  }

  /** Makes room for n characters at pos; they get a run of their own with a nil plist. */
  insertGap(pos: number, n: number): void {
    if (n <= 0) return;
    const runs = this.runs;
    if (pos >= this.length) {
      runs.push(new Interval(pos, pos + n, NIL));
      return;
    }
    let i = this.find(pos);
    if (runs[i].start < pos) i = this.split(i, pos);
    for (let j = i; j < runs.length; j++) {
      runs[j].start += n;
      runs[j].end += n;
    }
    runs.splice(i, 0, new Interval(pos, pos + n, NIL));
  }

  /** Removes characters [from, to): runs inside go, runs across shrink. */
  delete(from: number, to: number): void {
    if (from >= to) return;
    const n = to - from;
    const kept: Interval[] = [];
    for (const r of this.runs) {
      if (r.end <= from) kept.push(r);
      else if (r.start >= to) {
        r.start -= n;
        r.end -= n;
        kept.push(r);
      } else {
        const start = Math.min(r.start, from);
        const end = r.end <= to ? from : r.end - n;
        if (end > start) {
          r.start = start;
          r.end = end;
          kept.push(r);
        }
      }
    }
    this.runs = kept;
  }

  /** Replaces the runs over [at, at + props.length) by a copy of props' runs (the text there is props' text). */
  graft(at: number, props: TextProps): void {
    const end = at + props.length;
    if (at >= end) return;
    const runs = this.runs;
    let i = this.find(at);
    if (runs[i].start < at) i = this.split(i, at);
    let j = i;
    while (j < runs.length && runs[j].end <= end) j++;
    if (j < runs.length && runs[j].start < end) {
      this.split(j, end);
      j++;
    }
    // Text inserted into a buffer keeps its runs as they are, plists in their order.
    const fresh = props.runs.map((r) => new Interval(r.start + at, r.end + at, copyPlist(r.plist)));
    runs.splice(i, j - i, ...fresh);
  }
}

/**
 * Builds the runs of copied text as Emacs 28 makes them: each run with
 * properties is added to fresh text (its pairs reversed, see
 * reversedPlist), so whatever lies between such runs is one run with none.
 */
class RunBuilder {
  private readonly runs: Interval[] = [];
  private covered = 0;

  add(start: number, end: number, plist: LispObject): void {
    if (plist === NIL || start >= end) return;
    if (start > this.covered) this.runs.push(new Interval(this.covered, start, NIL));
    this.runs.push(new Interval(start, end, reversedPlist(plist)));
    this.covered = end;
  }

  finish(length: number): TextProps | null {
    if (this.runs.length === 0) return null;
    if (this.covered < length) this.runs.push(new Interval(this.covered, length, NIL));
    return new TextProps(this.runs);
  }
}

/** Does any of args have text properties? (Most calls have none: a plain loop, no closure.) */
export function anyWithProperties(args: readonly LispObject[], from = 0): boolean {
  for (let i = from; i < args.length; i++) {
    const a = args[i];
    if (a instanceof LispString && a.intervals !== null) return true;
  }
  return false;
}

/** Props for a concatenation: each piece's runs copied to where its text lands; null when no piece has any. */
export function concatProps(pieces: readonly { props: TextProps | null; length: number }[]): TextProps | null {
  const out = new RunBuilder();
  let at = 0;
  for (const p of pieces) {
    if (p.props !== null) for (const r of p.props.runs) out.add(r.start + at, r.end + at, r.plist);
    at += p.length;
  }
  return out.finish(at);
}

// ---- property lists of runs ----------------------------------------------------------

/** The cons holding PROP's value in PLIST, or null. */
export function valueCell(plist: LispObject, prop: LispObject): Cons | null {
  for (let p = plist; p instanceof Cons; ) {
    const rest = p.cdr;
    if (!(rest instanceof Cons)) return null;
    if (p.car === prop) return rest;
    p = rest.cdr;
  }
  return null;
}

/** Each (PROP VALUE) pair of a property list argument; a dangling PROP counts with value nil. */
export function pairs(props: LispObject): [LispObject, LispObject][] {
  const out: [LispObject, LispObject][] = [];
  for (let p = props; p instanceof Cons; ) {
    const rest = p.cdr;
    out.push([p.car, rest instanceof Cons ? rest.car : NIL]);
    p = rest instanceof Cons ? rest.cdr : NIL;
  }
  return out;
}

/** Do two runs have the same properties with eq values (Emacs's intervals_equal)? */
export function sameProperties(a: LispObject, b: LispObject): boolean {
  const pa = pairs(a);
  const pb = pairs(b);
  if (pa.length !== pb.length) return false;
  for (const [prop, value] of pa) {
    const cell = valueCell(b, prop);
    if (cell === null || cell.car !== value) return false;
  }
  return true;
}

/** Do two strings' properties agree position by position (eq values), as Emacs 28's compare_string_intervals? */
export function samePropertiesThroughout(a: LispString, b: LispString): boolean {
  const pa = a.intervals;
  const pb = b.intervals;
  if (pa === null && pb === null) return true;
  const n = a.length;
  let pos = 0;
  while (pos < n) {
    const ra = pa === null ? null : pa.runs[pa.find(pos)];
    const rb = pb === null ? null : pb.runs[pb.find(pos)];
    if (!sameProperties(ra === null ? NIL : ra.plist, rb === null ? NIL : rb.plist)) return false;
    pos = Math.min(ra === null ? n : ra.end, rb === null ? n : rb.end);
  }
  return true;
}


function hasAll(props: [LispObject, LispObject][], run: Interval): boolean {
  for (const [prop, value] of props) {
    const cell = valueCell(run.plist, prop);
    if (cell === null || cell.car !== value) return false;
  }
  return true;
}

/** add_properties: changes values in place, puts new properties in front. */
function addToRun(props: [LispObject, LispObject][], run: Interval, replace: boolean): boolean {
  let changed = false;
  for (const [prop, value] of props) {
    const cell = valueCell(run.plist, prop);
    if (cell !== null) {
      if (replace && cell.car !== value) {
        setCar(cell, value);
        changed = true;
      }
    } else {
      run.plist = new Cons(prop, new Cons(value, run.plist));
      changed = true;
    }
  }
  return changed;
}

/**
 * Emacs's walk for add_text_properties and remove_text_properties over
 * [s, e): runs at the start that need nothing (done) are passed without a
 * split, and so is the run holding E when it needs nothing; otherwise the
 * first and last runs are split at S and E and each run in between edited.
 */
export function editRuns(tp: TextProps, s: number, e: number, done: (run: Interval) => boolean, edit: (run: Interval) => boolean): boolean {
  if (s >= e) return false;
  let i = tp.find(s);
  let len = e - s;
  let changed = false;
  const runs = tp.runs;
  if (done(runs[i])) {
    let got = runs[i].end - s;
    for (;;) {
      if (got >= len) return false;
      len -= got;
      i++;
      got = runs[i].end - runs[i].start;
      if (!done(runs[i])) break;
    }
  } else if (runs[i].start !== s) i = tp.split(i, s);
  for (;;) {
    const run = tp.runs[i];
    const runLength = run.end - run.start;
    if (runLength >= len) {
      if (done(run)) return changed;
      if (runLength > len) tp.split(i, run.start + len);
      edit(tp.runs[i]);
      return true;
    }
    len -= runLength;
    if (edit(run)) changed = true;
    i++;
  }
}

/** add_text_properties over [s, e): each property set (replace) or added if missing. */
export function addRunProperties(tp: TextProps, s: number, e: number, props: [LispObject, LispObject][], replace: boolean): boolean {
  return editRuns(tp, s, e, (run) => hasAll(props, run), (run) => addToRun(props, run, replace));
}
