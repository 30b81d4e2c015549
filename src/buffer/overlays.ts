// Overlays: ranges of a buffer with their own properties. Their ends are
// markers (the start advances on insertion when the overlay is
// front-advance, the end when it is rear-advance), so edits move them as
// they move any marker.
//
// Lisp sees overlays in the order Emacs 28 keeps them (overlays-in,
// overlays-at, overlay-lists all walk these lists): a buffer has an overlay
// centre; overlays ending at or before it are in `before`, by decreasing
// end; the others are in `after`, by increasing start. A new or moved
// overlay is first put at the head of the list it does not belong to, and
// recentering then moves it into place, so that among equals the newest
// comes first.
import { type LispObject, type LispOpaque, LispSymbol, Cons, NIL, intern } from '../lisp/index.js';
import { type Buffer, Marker, overlayHooks } from './buffer.js';

const Qoverlay = intern('overlay');

let overlaysMade = 0;

export class Overlay implements LispOpaque {
  /** Creation order: Emacs breaks the last tie between overlays by address, which mostly follows it. */
  readonly serial = overlaysMade++;
  readonly start = new Marker();
  readonly end = new Marker();
  plist: LispObject = NIL;

  constructor(frontAdvance: boolean, rearAdvance: boolean) {
    this.start.insertionType = frontAdvance;
    this.end.insertionType = rearAdvance;
  }

  get lispType(): LispSymbol {
    return Qoverlay;
  }

  /** The buffer, or null once deleted. */
  get buffer(): Buffer | null {
    return this.start.buffer;
  }

  printRepr(): string {
    const b = this.buffer;
    return b === null ? '#<overlay in no buffer>' : `#<overlay from ${this.start.charpos} to ${this.end.charpos} in ${b.name}>`;
  }
}

/** The overlay lists of a buffer (its centre is buf.overlayCenter). */
export interface OverlayLists {
  before: Overlay[];
  after: Overlay[];
}

function listsOf(buf: Buffer): OverlayLists {
  return (buf.overlays ??= { before: [], after: [] });
}

/** Every overlay of BUF, in Emacs's order: the before list, then the after list. */
export function bufferOverlays(buf: Buffer): Overlay[] {
  const l = buf.overlays;
  return l === null ? [] : l.before.length === 0 ? l.after : l.after.length === 0 ? l.before : [...l.before, ...l.after];
}

/** Moves overlays between the lists so that those ending at or before POS are in `before`. */
export function recenter(buf: Buffer, pos: number): void {
  const l = listsOf(buf);
  // Overlays of `before` that end after POS: the list is by decreasing end, so they lead it.
  while (l.before.length > 0 && l.before[0].end.charpos > pos) {
    const o = l.before.shift()!;
    const where = o.start.charpos;
    let i = 0;
    while (i < l.after.length && l.after[i].start.charpos < where) i++;
    l.after.splice(i, 0, o);
  }
  // Overlays of `after` that end at or before POS; none further on can, once one starts after POS.
  for (let k = 0; k < l.after.length; k++) {
    const o = l.after[k];
    if (o.start.charpos > pos) break;
    if (o.end.charpos > pos) continue;
    l.after.splice(k--, 1);
    const where = o.end.charpos;
    let i = 0;
    while (i < l.before.length && l.before[i].end.charpos > where) i++;
    l.before.splice(i, 0, o);
  }
  buf.overlayCenter = pos;
}

/** Puts OV (positioned in BUF) into BUF's lists as make-overlay and move-overlay do. */
export function addOverlay(buf: Buffer, ov: Overlay): void {
  const l = listsOf(buf);
  if (ov.end.charpos < buf.overlayCenter) l.after.unshift(ov);
  else l.before.unshift(ov);
  recenter(buf, buf.overlayCenter);
}

/** Takes OV out of its buffer's lists (its markers stay). */
export function unchainOverlay(buf: Buffer, ov: Overlay): void {
  const l = buf.overlays;
  if (l === null) return;
  let i = l.before.indexOf(ov);
  if (i >= 0) l.before.splice(i, 1);
  else if ((i = l.after.indexOf(ov)) >= 0) l.after.splice(i, 1);
}

/** Deletes OV from its buffer: it keeps its properties and can be moved back. */
export function detachOverlay(ov: Overlay): void {
  const buf = ov.buffer;
  if (buf === null) return;
  unchainOverlay(buf, ov);
  ov.start.detach();
  ov.end.detach();
}

/** An overlay's property, looking in its category symbol's plist after its own (overlay-get). */
export function overlayGet(ov: Overlay, prop: LispObject): LispObject {
  let category: LispObject = NIL;
  for (let p = ov.plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) {
    if (p.car === prop) return p.cdr.car;
    if (p.car === Qcategory) category = p.cdr.car;
  }
  if (category instanceof LispSymbol && category !== NIL) {
    for (let p = category.plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) {
      if (p.car === prop) return p.cdr.car;
    }
  }
  return NIL;
}

const Qcategory = intern('category');
const Qevaporate = intern('evaporate');
const Qpriority = intern('priority');

/** An overlay's priority for sorting: its `priority` property when an integer, else 0. */
export function overlayPriority(ov: Overlay): number {
  const p = overlayGet(ov, Qpriority);
  return typeof p === 'number' ? p : 0;
}

/**
 * OVERLAYS sorted as Emacs's sort_overlays leaves them, lowest first:
 * by priority, then the one starting earlier, then the one ending later,
 * then the older.
 */
export function sortOverlays(overlays: Overlay[]): Overlay[] {
  return overlays
    .map((ov) => ({ ov, p: overlayPriority(ov) }))
    .sort((a, b) => a.p - b.p || a.ov.start.charpos - b.ov.start.charpos || b.ov.end.charpos - a.ov.end.charpos || a.ov.serial - b.ov.serial)
    .map((e) => e.ov);
}

/**
 * The overlays containing the character at POS (start <= POS < end), found
 * as Emacs finds them: each list is walked in its order and left at the
 * first overlay that, were the list sorted, would rule out the rest.
 */
export function overlaysAt(buf: Buffer, pos: number): Overlay[] {
  const l = buf.overlays;
  if (l === null) return [];
  const found: Overlay[] = [];
  for (const o of l.before) {
    if (o.end.charpos < pos) break;
    if (o.start.charpos <= pos && pos < o.end.charpos) found.push(o);
  }
  for (const o of l.after) {
    if (o.start.charpos > pos) break;
    if (pos < o.end.charpos) found.push(o);
  }
  return found;
}

/** The overlays of BUF that overlays-in reports for [beg, end] (ordered), walked as overlaysAt walks them. */
export function overlaysIn(buf: Buffer, beg: number, end: number): Overlay[] {
  const l = buf.overlays;
  if (l === null) return [];
  const atEnd = end === buf.zv;
  const counts = (s: number, e: number): boolean => (beg < e && s < end) || (s === e && (beg === e || (atEnd && e === end)));
  const found: Overlay[] = [];
  for (const o of l.before) {
    if (o.end.charpos < beg) break;
    if (counts(o.start.charpos, o.end.charpos)) found.push(o);
  }
  for (const o of l.after) {
    if (o.start.charpos > end) break;
    if (counts(o.start.charpos, o.end.charpos)) found.push(o);
  }
  return found;
}

/** Where the next overlay of BUF starts or ends after P, or its accessible end. */
export function nextOverlayChange(buf: Buffer, p: number): number {
  let next = buf.zv;
  for (const o of bufferOverlays(buf)) {
    if (o.start.charpos > p && o.start.charpos < next) next = o.start.charpos;
    if (o.end.charpos > p && o.end.charpos < next) next = o.end.charpos;
  }
  return next;
}

export function previousOverlayChange(buf: Buffer, p: number): number {
  let prev = buf.begv;
  for (const o of bufferOverlays(buf)) {
    if (o.start.charpos < p && o.start.charpos > prev) prev = o.start.charpos;
    if (o.end.charpos < p && o.end.charpos > prev) prev = o.end.charpos;
  }
  return prev;
}

/** Deletes the overlays of BUF that are empty and have the `evaporate` property. */
export function evaporate(buf: Buffer): void {
  for (const ov of bufferOverlays(buf).slice()) {
    if (ov.start.charpos === ov.end.charpos && overlayGet(ov, Qevaporate) !== NIL) detachOverlay(ov);
  }
}

/**
 * After an insertion in [from, to) moved the start of some overlays (or the
 * end of others) past their other end or past their neighbours: an overlay
 * left backwards becomes empty, and every overlay with an end in the
 * inserted text is put back through recentering, as Emacs's
 * fix_start_end_in_overlays does.
 */
function fixStartEnd(buf: Buffer, from: number, to: number): void {
  const l = listsOf(buf);
  const center = buf.overlayCenter;
  const toBefore: Overlay[] = [];
  const toAfter: Overlay[] = [];
  const collect = (o: Overlay): void => {
    // Onto the list it does not belong to: recentering then files it.
    if (o.end.charpos < center) toAfter.push(o);
    else toBefore.push(o);
  };
  const unbackward = (o: Overlay): void => {
    if (o.end.charpos < o.start.charpos) o.start.charpos = o.end.charpos;
  };
  for (let i = 0; i < l.before.length; ) {
    const o = l.before[i];
    unbackward(o);
    const s = o.start.charpos;
    const e = o.end.charpos;
    if (e < from) break;
    if (e < to || (s >= from && s < to)) {
      collect(o);
      l.before.splice(i, 1);
    } else i++;
  }
  for (let i = 0; i < l.after.length; ) {
    const o = l.after[i];
    unbackward(o);
    const s = o.start.charpos;
    const e = o.end.charpos;
    if (s >= to) break;
    if (s >= from || (e >= from && e < to)) {
      collect(o);
      l.after.splice(i, 1);
    } else i++;
  }
  l.before.unshift(...toBefore);
  l.after.unshift(...toAfter);
  recenter(buf, center);
}

/**
 * After an insertion at PREV (now ending at POS): overlays whose end moved
 * to POS must precede in `before` those whose end stayed at PREV, as
 * Emacs's fix_overlays_before puts them.
 */
function fixOverlaysBefore(buf: Buffer, prev: number, pos: number): void {
  const before = listsOf(buf).before;
  let i = 0;
  while (i < before.length && before[i].end.charpos >= pos) i++;
  if (i >= before.length || before[i].end.charpos < prev || i === before.length - 1) return;
  // Each one found goes right after the last overlay ending at or after POS, ahead of those found earlier.
  for (let k = i + 1; k < before.length; ) {
    const e = before[k].end.charpos;
    if (e === pos) {
      const [found] = before.splice(k, 1);
      before.splice(i, 0, found);
      k++;
    } else if (e === prev) k++;
    else break;
  }
}

overlayHooks.afterInsert = (buf, pos, n) => {
  fixStartEnd(buf, pos, pos + n);
  fixOverlaysBefore(buf, pos, pos + n);
};

overlayHooks.afterDelete = (buf, from, n) => {
  const center = buf.overlayCenter;
  // After the centre the lists still hold; before it they hold with the centre moved;
  // across it, overlays may have to change lists.
  if (center >= from) {
    if (center - from > n) buf.overlayCenter = center - n;
    else recenter(buf, from);
  }
  evaporate(buf);
};
