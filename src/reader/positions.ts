// Where each list read from a source starts, for error messages and
// backtraces. Only the offset is stored; line and column are computed from
// the source text when someone asks.
import type { Cons } from '../lisp/index.js';

export interface SourcePosition {
  /** The file the form was read from, or null for text that is not a file. */
  file: string | null;
  /** 1-based line. */
  line: number;
  /** 0-based column, in characters (as Emacs counts columns of plain text). */
  col: number;
}

/** A text whose forms carry positions. */
export class SourceText {
  private lineStarts: number[] | null = null;

  constructor(
    readonly text: string,
    readonly file: string | null,
  ) {}

  /** Line and column of a UTF-16 offset into the text. */
  positionOf(offset: number): SourcePosition {
    if (this.lineStarts === null) {
      const starts = [0];
      const t = this.text;
      for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    let col = 0;
    for (let i = starts[lo]; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff && i > starts[lo] && isHighSurrogate(this.text.charCodeAt(i - 1)))) col++;
    }
    return { file: this.file, line: lo + 1, col };
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** A form's source and offset; the source text lives as long as some form read from it. */
class Start {
  constructor(
    readonly source: SourceText,
    readonly offset: number,
  ) {}
}

const starts = new WeakMap<Cons, Start>();

export function recordPosition(form: Cons, source: SourceText, offset: number): void {
  starts.set(form, new Start(source, offset));
}

/** Gives `to` the position recorded for `from` (a `#N=' label reuses its placeholder cons). */
export function copyPosition(from: Cons, to: Cons): void {
  const p = starts.get(from);
  if (p !== undefined) starts.set(to, p);
}

/** Where a list read from a source starts, or undefined if it was not read from one. */
export function formPosition(form: Cons): SourcePosition | undefined {
  const p = starts.get(form);
  return p === undefined ? undefined : p.source.positionOf(p.offset);
}
