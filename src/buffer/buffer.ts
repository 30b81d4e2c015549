// Buffers and markers: what Emacs's buffer.c, insdel.c and marker.c keep.
// Positions are 1-based character positions, as in Lisp. A buffer's point
// is a plain number; markers are objects registered on their buffer and
// moved by every insertion and deletion. The accessible region (narrowing)
// is [begv, zv].
import {
  type LispObject, type LispOpaque, type ValueCell, LispSymbol, LispString, NIL, T, UNBOUND, Q,
  intern, signal, list, error, type CharTable, type TextProps,
} from '../lisp/index.js';
import { TextStore } from './text.js';
import type { OverlayLists } from './overlays.js';

const Qbuffer = intern('buffer');
const Qmarker = intern('marker');

// ---- markers -----------------------------------------------------------------

export class Marker implements LispOpaque {
  buffer: Buffer | null = null;
  /** 1-based character position; meaningless while buffer is null. */
  charpos = 0;
  /** Advances when text is inserted exactly at the marker (`marker-insertion-type`). */
  insertionType = false;
  /** Index in buffer.markers, for O(1) removal. */
  slot = -1;

  get lispType(): LispSymbol {
    return Qmarker;
  }

  printRepr(): string {
    const b = this.buffer;
    if (b === null) return '#<marker in no buffer>';
    const kind = this.insertionType ? '(moves after insertion) ' : '';
    return `#<marker ${kind}at ${this.charpos} in ${b.name}>`;
  }

  /** Points the marker at pos in buf (clamped to the whole buffer), or nowhere. */
  set(buf: Buffer | null, pos: number): this {
    if (buf === null || !buf.live) {
      this.detach();
      return this;
    }
    if (this.buffer !== buf) {
      this.detach();
      buf.attachMarker(this);
    }
    const z = buf.z;
    this.charpos = pos < 1 ? 1 : pos > z ? z : pos;
    return this;
  }

  detach(): void {
    if (this.buffer !== null) this.buffer.detachMarker(this);
  }
}

export function isMarker(x: LispObject): x is Marker & LispObject {
  return x instanceof Marker;
}

// ---- buffers -------------------------------------------------------------------

export class Buffer implements LispOpaque {
  readonly text = new TextStore();
  /** Point, 1-based. */
  pt = 1;
  /** Start and end of the accessible region. */
  begv = 1;
  zv = 1;
  readonly markers: Marker[] = [];
  /** `mark-marker`: the same object for the buffer's whole life. */
  readonly mark = new Marker();
  /** Buffer-local bindings: symbol → value (UNBOUND for a void local). */
  readonly locals = new Map<LispSymbol, ValueCell>();
  modiff = 1;
  charsModiff = 1;
  saveModiff = 1;
  autosaveModiff = 0;
  live = true;
  /** Created with INHIBIT-BUFFER-HOOKS: kill-buffer hooks do not run. */
  inhibitHooks = false;
  /** The buffer's syntax table; null for the standard one (not made until Lisp asks for it). */
  syntaxTable: CharTable | null = null;
  /** Text properties over the whole text (offset = position - 1); null while there are none. */
  props: TextProps | null = null;
  /** The overlays (src/buffer/overlays.ts); null until the first is made. */
  overlays: OverlayLists | null = null;
  /**
   * Emacs's overlay centre, kept through every edit even before the first
   * overlay: it decides which list a new overlay goes to, and so the order
   * Lisp sees overlays in.
   */
  overlayCenter = 1;
  private nameString: LispString | null = null;

  constructor(public name: string) {}

  get lispType(): LispSymbol {
    return Qbuffer;
  }

  printRepr(): string {
    return this.live ? `#<buffer ${this.name}>` : '#<killed buffer>';
  }

  /** The name as a Lisp string; the same object until the buffer is renamed. */
  get nameObject(): LispString {
    if (this.nameString === null || this.nameString.value !== this.name) this.nameString = new LispString(this.name, true);
    return this.nameString;
  }

  /** One past the last position of the whole buffer. */
  get z(): number {
    return this.text.length + 1;
  }

  get narrowed(): boolean {
    return this.begv !== 1 || this.zv !== this.text.length + 1;
  }

  attachMarker(m: Marker): void {
    m.buffer = this;
    m.slot = this.markers.length;
    this.markers.push(m);
  }

  detachMarker(m: Marker): void {
    const last = this.markers.pop()!;
    if (last !== m) {
      this.markers[m.slot] = last;
      last.slot = m.slot;
    }
    m.buffer = null;
    m.slot = -1;
  }

  /** A marker of this buffer at pos, for internal save/restore; free it with detach(). */
  makeMarker(pos: number, insertionType = false): Marker {
    const m = new Marker();
    m.insertionType = insertionType;
    return m.set(this, pos);
  }

  /** The character at pos (begv-independent; caller checks 1 <= pos < z). */
  charAt(pos: number): number {
    return this.text.charAt(pos - 1);
  }

  /** The text of [from, to) as a JS string (caller checks the range). */
  substring(from: number, to: number): string {
    return this.text.slice(from - 1, to - 1);
  }

  /**
   * Inserts s at pos with no checks or hooks; returns the characters
   * inserted. Markers at pos advance when their insertion type is t or
   * beforeMarkers is set; point behaves as a marker of type nil.
   */
  insertAt(pos: number, s: string, beforeMarkers = false): number {
    const n = this.text.insert(pos - 1, s);
    if (n === 0) return 0;
    // Inserted text has no properties, whatever surrounds it (only insert-and-inherit would inherit).
    if (this.props !== null) this.props.insertGap(pos - 1, n);
    const ms = this.markers;
    // Whether a marker that advances on insertion was at POS: overlays may then need reordering.
    let advanced = false;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (m.charpos > pos) m.charpos += n;
      else if (m.charpos === pos && (beforeMarkers || m.insertionType)) {
        m.charpos += n;
        if (m.insertionType) advanced = true;
      }
    }
    if (this.pt > pos || (beforeMarkers && this.pt === pos)) this.pt += n;
    if (this.begv > pos) this.begv += n;
    if (this.zv >= pos) this.zv += n;
    if (this.overlayCenter >= pos) this.overlayCenter += n;
    if (this.overlays !== null && advanced) overlayHooks.afterInsert!(this, pos, n);
    this.modiff++;
    this.charsModiff = this.modiff;
    return n;
  }

  /** Deletes [from, to) with no checks or hooks. */
  deleteRange(from: number, to: number): void {
    if (from >= to) return;
    const n = to - from;
    this.text.delete(from - 1, to - 1);
    if (this.props !== null) {
      this.props.delete(from - 1, to - 1);
      if (this.props.runs.length === 0) this.props = null;
    }
    const ms = this.markers;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (m.charpos > to) m.charpos -= n;
      else if (m.charpos > from) m.charpos = from;
    }
    this.pt = adjustForDelete(this.pt, from, to);
    this.begv = adjustForDelete(this.begv, from, to);
    this.zv = adjustForDelete(this.zv, from, to);
    if (this.overlays !== null) overlayHooks.afterDelete!(this, from, n);
    else if (this.overlayCenter >= from) this.overlayCenter = this.overlayCenter - from > n ? this.overlayCenter - n : from;
    this.modiff++;
    this.charsModiff = this.modiff;
  }

  /** Replaces the character at pos (same or different width) with no checks or hooks. */
  replaceCharAt(pos: number, s: string): void {
    this.text.replaceChar(pos - 1, s);
    this.modiff++;
    this.charsModiff = this.modiff;
  }

  /** Sets point, clamped to the accessible region. */
  goto(pos: number): void {
    this.pt = pos < this.begv ? this.begv : pos > this.zv ? this.zv : pos;
  }

  widen(): void {
    this.begv = 1;
    this.zv = this.z;
  }

  /** Narrows to [start, end] (already checked and ordered), clamping point. */
  narrow(start: number, end: number): void {
    this.begv = start;
    this.zv = end;
    this.goto(this.pt);
  }
}

/** What overlays.ts does after an edit of a buffer that has overlays (set there, to keep this file free of them). */
export const overlayHooks: {
  afterInsert: ((buf: Buffer, pos: number, n: number) => void) | null;
  afterDelete: ((buf: Buffer, from: number, n: number) => void) | null;
} = { afterInsert: null, afterDelete: null };

function adjustForDelete(p: number, from: number, to: number): number {
  return p > to ? p - (to - from) : p > from ? from : p;
}

export function isBuffer(x: LispObject): x is Buffer & LispObject {
  return x instanceof Buffer;
}

// ---- the buffer list and the current buffer ----------------------------------

/** Live buffers in `buffer-list` order. */
export const bufferList: Buffer[] = [];
const byName = new Map<string, Buffer>();
let current: Buffer;

export function currentBuffer(): Buffer {
  return current;
}

/** Makes buf current (it must be live). */
export function setCurrentBuffer(buf: Buffer): void {
  current = buf;
}

export function findBuffer(name: string): Buffer | undefined {
  return byName.get(name);
}

/** Hooks filled in by the locals module: new buffers get their always-local variables. */
export const bufferHooks = {
  initLocals: (buf: Buffer, from: Buffer | null): void => {
    void buf;
    void from;
  },
};

/** Creates a live buffer named name (which must be free) at the end of the buffer list. */
export function createBuffer(name: string, inhibitHooks = false): Buffer {
  const buf = new Buffer(name);
  buf.inhibitHooks = inhibitHooks;
  bufferList.push(buf);
  byName.set(name, buf);
  bufferHooks.initLocals(buf, current ?? null);
  return buf;
}

export function renameBufferTo(buf: Buffer, name: string): void {
  if (byName.get(buf.name) === buf) byName.delete(buf.name);
  buf.name = name;
  byName.set(name, buf);
}

/** Removes buf from the world: markers point nowhere, the name is freed. */
export function retireBuffer(buf: Buffer): void {
  if (!buf.live) return;
  buf.live = false;
  if (byName.get(buf.name) === buf) byName.delete(buf.name);
  const i = bufferList.indexOf(buf);
  if (i >= 0) bufferList.splice(i, 1);
  for (const m of buf.markers) {
    m.buffer = null;
    m.slot = -1;
  }
  buf.markers.length = 0;
  buf.overlays = null;
  buf.mark.buffer = null;
  buf.locals.clear();
}

/** The buffer the first window shows in batch Emacs; `other-buffer` avoids it. */
export let displayedBuffer: Buffer | null = null;

export function setDisplayedBuffer(buf: Buffer): void {
  displayedBuffer = buf;
}

/** What becomes current when the current buffer is killed (Emacs's other_buffer). */
export function otherBuffer(avoid: Buffer): Buffer {
  let visible: Buffer | null = null;
  for (const b of bufferList) {
    if (b === avoid || !b.live || b.name.charCodeAt(0) === 32) continue;
    if (b === displayedBuffer) {
      visible ??= b;
      continue;
    }
    return b;
  }
  if (visible) return visible;
  return findBuffer('*scratch*') ?? createBuffer('*scratch*');
}

/** Creates *scratch*, " *Minibuf-0*" and *Messages* as batch Emacs has them. */
export function initialBuffers(): void {
  if (bufferList.length > 0) return;
  const scratch = createBuffer('*scratch*');
  current = scratch;
  displayedBuffer = scratch;
  createBuffer(' *Minibuf-0*');
  createBuffer('*Messages*');
}

// ---- the accessible region and argument checks ------------------------------

const Qerror = Q.error;

export function checkLive(buf: Buffer): Buffer {
  if (!buf.live) signal(Qerror, list(new LispString('Selecting deleted buffer', false)));
  return buf;
}

/** Signals (error "Marker does not point anywhere"). */
export function markerNowhere(): never {
  return error('Marker does not point anywhere');
}

export { NIL, T, UNBOUND };
