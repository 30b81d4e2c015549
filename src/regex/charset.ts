// Bracket expressions: a bitmap answers for characters below 256, ranges
// and classes for the rest. Case folding is decided when the set is built:
// a character matches when it, its downcase or its upcase is a member, as
// Emacs's translation of both the set and the text through the case
// canon table comes to for ordinary case pairs.
import { type CharClass, classUsesSyntax, isCharClass } from './syntax.js';
import { upcaseChar, downcaseChar } from '../primitives/casefiddle.js';

export class CharSet {
  /** Membership (before negation) of characters 0-255, folding included, syntax classes excluded. */
  readonly low = new Uint8Array(256);
  /** Character ranges as [lo, hi] pairs (unfolded). */
  readonly ranges: number[] = [];
  /** Classes named in the set. */
  readonly classes: CharClass[] = [];
  /** Classes that consult the syntax table, tested at match time for every character. */
  syntaxClasses: CharClass[] = [];

  constructor(
    readonly negated: boolean,
    readonly fold: boolean,
  ) {}

  /** Fills the bitmap once every range and class is known. */
  finish(): void {
    this.syntaxClasses = this.classes.filter(classUsesSyntax);
    for (let c = 0; c < 256; c++) {
      let hit = this.rawStatic(c);
      if (!hit && this.fold) {
        const d = downcaseChar(c);
        const u = upcaseChar(c);
        hit = (d !== c && this.rawStatic(d)) || (u !== c && this.rawStatic(u));
      }
      this.low[c] = hit ? 1 : 0;
    }
  }

  /** Membership by ranges and the classes that do not need the syntax table. */
  private rawStatic(c: number): boolean {
    const r = this.ranges;
    for (let i = 0; i < r.length; i += 2) if (c >= r[i] && c <= r[i + 1]) return true;
    for (const k of this.classes) if (!classUsesSyntax(k) && isCharClass(k, c, upcaseChar, downcaseChar)) return true;
    return false;
  }

  private raw(c: number): boolean {
    const r = this.ranges;
    for (let i = 0; i < r.length; i += 2) if (c >= r[i] && c <= r[i + 1]) return true;
    for (const k of this.classes) if (isCharClass(k, c, upcaseChar, downcaseChar)) return true;
    return false;
  }

  private rawSyntax(c: number): boolean {
    for (const k of this.syntaxClasses) if (isCharClass(k, c, upcaseChar, downcaseChar)) return true;
    return false;
  }

  test(c: number): boolean {
    let hit: boolean;
    if (c < 256) {
      hit = this.low[c] === 1;
      if (!hit && this.syntaxClasses.length > 0) hit = this.rawSyntax(c) || (this.fold && this.foldedSyntax(c));
    } else {
      hit = this.raw(c);
      if (!hit && this.fold) {
        const d = downcaseChar(c);
        const u = upcaseChar(c);
        hit = (d !== c && this.raw(d)) || (u !== c && this.raw(u));
      }
    }
    return hit !== this.negated;
  }

  private foldedSyntax(c: number): boolean {
    const d = downcaseChar(c);
    const u = upcaseChar(c);
    return (d !== c && this.rawSyntax(d)) || (u !== c && this.rawSyntax(u));
  }

  /** Could some character of 256 or above match? (For the fastmap.) */
  matchesHigh(): boolean {
    if (this.negated) return true;
    if (this.classes.length > 0) return true;
    const r = this.ranges;
    for (let i = 0; i < r.length; i += 2) if (r[i + 1] >= 256) return true;
    // Folding can bring a high character onto a low member (e.g. Kelvin sign), rarely; stay safe.
    return this.fold;
  }
}
