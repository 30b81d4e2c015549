// The backtracking matcher: runs a compiled Program over a Subject. Like
// Emacs's re_match_2_internal it keeps an explicit stack of failure points
// (and of register values to restore), so it never recurses, and it
// signals (error "Stack overflow in regexp matcher") where Emacs's stack
// limit (re_max_failures) would be hit. A budget of backtracking steps
// stops a pathological pattern with the same error instead of hanging.
import { error } from '../lisp/index.js';
import { type Program, type LiteralPrefix, canon, FOLD_ASCII } from './compile.js';
import { syntaxClass, hasCategory, Syn } from './syntax.js';

// The instruction set lives here, beside the loop that runs it, so the
// switch below sees literal case values in every build.
/** Opcodes. Every one-character instruction is two words: opcode and argument. */
export const enum Op {
  Match = 0,
  Char = 1,
  CharFold = 2,
  Any = 3,
  Set = 4,
  Syntax = 5,
  NotSyntax = 6,
  Category = 7,
  NotCategory = 8,
  /** Split x y guard: continue at x; on failure, at y. Guard >= 0 indexes Program.guardJump: where the next character leaves no choice. */
  Split = 9,
  Jmp = 10,
  /** Save slot: register slot = position. */
  Save = 11,
  /** LoopInit r: forget loop r's last iteration start. */
  LoopInit = 12,
  /** LoopGreedy r exit: iterate (body follows) unless the last iteration started here. */
  LoopGreedy = 13,
  /** LoopLazy r body exit: go to exit, on failure iterate, unless the last iteration started here. */
  LoopLazy = 14,
  /** RepOne min max flags next hint: a run of the one-character instruction at pc+6 (hint: see REP_HINT, else -1). */
  RepOne = 15,
  Bol = 16,
  Eol = 17,
  Bos = 18,
  Eos = 19,
  Point = 20,
  WordBound = 21,
  NotWordBound = 22,
  WordBeg = 23,
  WordEnd = 24,
  SymBeg = 25,
  SymEnd = 26,
  Backref = 27,
}

/** RepOne flags. */
export const REP_GREEDY = 1;
/** No later failure can be cured by giving characters back (Emacs's on_failure_keep_string_jump). */
export const REP_POSSESSIVE = 2;
/** After giving back a character, only positions holding the hint character are worth resuming at. */
export const REP_HINT = 4;
/** The hint character is compared after case folding. */
export const REP_HINT_FOLD = 8;

/** Text to match: characters at positions [begin, end). */
export interface Subject {
  charAt(pos: number): number;
  /** The first position in [from, to) holding the character code (below 256), or -1; -2 when the subject cannot say quickly. */
  indexOf(code: number, from: number, to: number): number;
  /** The first position in [from, to) whose character passes the fastmap (below 256) or is 256 or above when high; or -1. */
  scan(map: Uint8Array, high: boolean, from: number, to: number): number;
  /** The first position p with [p, p + length) inside [from, to) holding the prefix; -1 if none, -2 when the subject cannot say quickly. */
  findPrefix(prefix: LiteralPrefix, from: number, to: number): number;
}

// Failure stack entry kinds; every entry is 4 words: kind, a, b, c.
const K_FAIL = 0; // a: pc, b: position
const K_RESTORE = 1; // a: register, b: old value
const K_REP_GREEDY = 2; // a: pc of the RepOne, b: lowest position to resume at, c: position last resumed at
const K_REP_LAZY = 3; // a: pc of the RepOne, b: position, c: count so far

/** Emacs allows about 40000 * 20 stack words at 3 words a failure point. */
const MAX_ENTRIES = 266_000;
/**
 * Backtracking steps allowed in one attempt (one starting position) before
 * giving up as Emacs would on its stack (about a second or two).
 */
let maxSteps = 100_000_000;
/**
 * A whole search may take this many attempts' worth of steps. Emacs has no
 * such limit: a search whose every attempt backtracks a little, over a long
 * text, takes long and then succeeds or fails there (seconds, as in Emacs);
 * only a search that would take far longer ends with the overflow error.
 */
const SEARCH_STEPS_IN_ATTEMPTS = 20;

/** Changes the backtracking budget of one attempt (for tests); returns the old one. */
export function setMatcherStepLimit(n: number): number {
  const old = maxSteps;
  maxSteps = n;
  return old;
}

function overflow(): never {
  return error('Stack overflow in regexp matcher');
}

function isWordAt(c: number): boolean {
  return syntaxClass(c) === Syn.Word;
}

function isSymOrWord(c: number): boolean {
  const s = syntaxClass(c);
  return s === Syn.Word || s === Syn.Symbol;
}

export class Matcher {
  private stack: Int32Array = new Int32Array(4 * 1024);
  private sp = 0;
  regs = new Int32Array(64);
  private steps = 0;

  // The context of the current search.
  prog!: Program;
  subj!: Subject;
  /** Start and end of the text, for anchors and word boundaries. */
  begin = 0;
  end = 0;
  /** No character at or after this position may be consumed. */
  stop = 0;
  /** Position of point, for `\=` (-1: never matches). */
  point = -1;

  /** Prepares for matching prog: registers unset, step budget renewed. */
  reset(prog: Program): void {
    this.prog = prog;
    if (this.regs.length < prog.nregs) this.regs = new Int32Array(prog.nregs * 2);
    // A plain loop: TypedArray.prototype.fill costs more than a few stores.
    const regs = this.regs;
    for (let r = prog.nregs - 1; r >= 0; r--) regs[r] = -1;
    this.steps = 0;
    // A search abandoned by a signal may have left entries behind.
    this.sp = 0;
  }

  /** A bigger failure stack holding the first sp words of the old one; signals at Emacs's limit. */
  private grow(sp: number): Int32Array {
    if (sp >= MAX_ENTRIES * 4) overflow();
    const bigger = new Int32Array(this.stack.length * 2);
    bigger.set(this.stack);
    this.stack = bigger;
    return bigger;
  }

  /** Does the one-character instruction at pc accept c? */
  private one(pc: number, c: number): boolean {
    const code = this.prog.code;
    const arg = code[pc + 1];
    switch (code[pc]) {
      case Op.Char:
        return c === arg;
      case Op.CharFold:
        return canon(c) === arg;
      case Op.Any:
        return c !== 10;
      case Op.Set:
        return this.prog.sets[arg].test(c);
      case Op.Syntax:
        return syntaxClass(c) === arg;
      case Op.NotSyntax:
        return syntaxClass(c) !== arg;
      case Op.Category:
        return hasCategory(arg, c);
      case Op.NotCategory:
        return !hasCategory(arg, c);
    }
    return false;
  }

  /**
   * Tries to match at pos. Returns the end of the match, or -1; on success
   * regs hold the groups' bounds (group 0 excluded).
   */
  run(startPc: number, pos: number): number {
    const prog = this.prog;
    const code = prog.code;
    const subj = this.subj;
    const regs = this.regs;
    const stop = this.stop;
    const begin = this.begin;
    const end = this.end;
    const base = this.sp;
    const stepLimit = Math.min(this.steps + maxSteps, maxSteps * SEARCH_STEPS_IN_ATTEMPTS);
    // The failure stack lives in locals while matching; this.stack/this.sp are synced on exit.
    let st: Int32Array = this.stack;
    let sp = base;
    let pc = startPc;
    for (;;) {
      let ok = true;
      switch (code[pc]) {
        case Op.Match:
          this.sp = base;
          return pos;
        case Op.Char:
          if (pos < stop && subj.charAt(pos) === code[pc + 1]) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case Op.CharFold:
          if (pos < stop) {
            const c = subj.charAt(pos);
            if ((c < 128 ? FOLD_ASCII[c] : canon(c)) === code[pc + 1]) {
              pos++;
              pc += 2;
              break;
            }
          }
          ok = false;
          break;
        case Op.Any:
          if (pos < stop && subj.charAt(pos) !== 10) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case Op.Set:
          if (pos < stop && prog.sets[code[pc + 1]].test(subj.charAt(pos))) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case Op.Syntax:
        case Op.NotSyntax:
        case Op.Category:
        case Op.NotCategory:
          if (pos < stop && this.one(pc, subj.charAt(pos))) {
            pos++;
            pc += 2;
          } else ok = false;
          break;
        case Op.Split: {
          const guard = code[pc + 3];
          if (guard >= 0) {
            // A branch needs a character it cannot have here: go straight to the other
            // (down a chain of such Splits) with no failure point.
            let target: number;
            if (pos >= stop) target = prog.guardStopJump[guard];
            else {
              const c = subj.charAt(pos);
              target = c < 256 ? prog.guardJump[guard][c] : prog.guardHighJump[guard];
            }
            if (target !== pc) {
              pc = target;
              break;
            }
          }
          if (sp + 4 > st.length) st = this.grow(sp);
          st[sp] = K_FAIL;
          st[sp + 1] = code[pc + 2];
          st[sp + 2] = pos;
          sp += 4;
          pc = code[pc + 1];
          break;
        }
        case Op.Jmp:
          pc = code[pc + 1];
          break;
        case Op.Save: {
          const r = code[pc + 1];
          // Only a failure point needs the old value back (none: a failed attempt clears all registers).
          if (sp !== base) {
            if (sp + 4 > st.length) st = this.grow(sp);
            st[sp] = K_RESTORE;
            st[sp + 1] = r;
            st[sp + 2] = regs[r];
            sp += 4;
          }
          regs[r] = pos;
          pc += 2;
          break;
        }
        case Op.LoopInit: {
          const r = code[pc + 1];
          if (regs[r] !== -1) {
            if (sp !== base) {
              if (sp + 4 > st.length) st = this.grow(sp);
              st[sp] = K_RESTORE;
              st[sp + 1] = r;
              st[sp + 2] = regs[r];
              sp += 4;
            }
            regs[r] = -1;
          }
          pc += 2;
          break;
        }
        case Op.LoopGreedy: {
          const r = code[pc + 1];
          if (regs[r] === pos) pc = code[pc + 2];
          else {
            if (sp !== base) {
              if (sp + 4 > st.length) st = this.grow(sp);
              st[sp] = K_RESTORE;
              st[sp + 1] = r;
              st[sp + 2] = regs[r];
              sp += 4;
            }
            if (sp + 4 > st.length) st = this.grow(sp);
            st[sp] = K_FAIL;
            st[sp + 1] = code[pc + 2];
            st[sp + 2] = pos;
            sp += 4;
            regs[r] = pos;
            pc += 3;
          }
          break;
        }
        case Op.LoopLazy: {
          const r = code[pc + 1];
          if (regs[r] !== pos) {
            if (sp !== base) {
              if (sp + 4 > st.length) st = this.grow(sp);
              st[sp] = K_RESTORE;
              st[sp + 1] = r;
              st[sp + 2] = regs[r];
              sp += 4;
            }
            if (sp + 4 > st.length) st = this.grow(sp);
            st[sp] = K_FAIL;
            st[sp + 1] = code[pc + 2];
            st[sp + 2] = pos;
            sp += 4;
            regs[r] = pos;
          }
          pc = code[pc + 3];
          break;
        }
        case Op.RepOne: {
          const min = code[pc + 1];
          const max = code[pc + 2];
          const flags = code[pc + 3];
          const one = pc + 6;
          let count = 0;
          if (flags & REP_GREEDY) {
            count = this.longestRun(one, pos, max < stop - pos ? pos + max : stop) - pos;
            if (count < min) {
              ok = false;
              break;
            }
            if (count > min && !(flags & REP_POSSESSIVE)) {
              if (sp + 4 > st.length) st = this.grow(sp);
              st[sp] = K_REP_GREEDY;
              st[sp + 1] = pc;
              st[sp + 2] = pos + min;
              st[sp + 3] = pos + count;
              sp += 4;
            }
            pos += count;
          } else {
            while (count < min && pos + count < stop && this.oneFast(one, subj.charAt(pos + count))) count++;
            if (count < min) {
              ok = false;
              break;
            }
            pos += count;
            if (count < max) {
              if (sp + 4 > st.length) st = this.grow(sp);
              st[sp] = K_REP_LAZY;
              st[sp + 1] = pc;
              st[sp + 2] = pos;
              st[sp + 3] = count;
              sp += 4;
            }
          }
          pc = code[pc + 4];
          break;
        }
        case Op.Bol:
          if (pos === begin || subj.charAt(pos - 1) === 10) pc += 1;
          else ok = false;
          break;
        case Op.Eol:
          if (pos === end || subj.charAt(pos) === 10) pc += 1;
          else ok = false;
          break;
        case Op.Bos:
          if (pos === begin) pc += 1;
          else ok = false;
          break;
        case Op.Eos:
          if (pos === end) pc += 1;
          else ok = false;
          break;
        case Op.Point:
          if (pos === this.point) pc += 1;
          else ok = false;
          break;
        case Op.WordBound:
          if (pos === begin || pos === end || isWordAt(subj.charAt(pos - 1)) !== isWordAt(subj.charAt(pos))) pc += 1;
          else ok = false;
          break;
        case Op.NotWordBound:
          if (pos !== begin && pos !== end && isWordAt(subj.charAt(pos - 1)) === isWordAt(subj.charAt(pos))) pc += 1;
          else ok = false;
          break;
        case Op.WordBeg:
          if (pos !== end && isWordAt(subj.charAt(pos)) && (pos === begin || !isWordAt(subj.charAt(pos - 1)))) pc += 1;
          else ok = false;
          break;
        case Op.WordEnd:
          if (pos !== begin && isWordAt(subj.charAt(pos - 1)) && (pos === end || !isWordAt(subj.charAt(pos)))) pc += 1;
          else ok = false;
          break;
        case Op.SymBeg:
          if (pos !== end && isSymOrWord(subj.charAt(pos)) && (pos === begin || !isSymOrWord(subj.charAt(pos - 1)))) pc += 1;
          else ok = false;
          break;
        case Op.SymEnd:
          if (pos !== begin && isSymOrWord(subj.charAt(pos - 1)) && (pos === end || !isSymOrWord(subj.charAt(pos)))) pc += 1;
          else ok = false;
          break;
        case Op.Backref: {
          const g = code[pc + 1];
          const s = regs[2 * g];
          const e = regs[2 * g + 1];
          if (s < 0 || e < 0) {
            ok = false;
            break;
          }
          const len = e - s;
          if (pos + len > stop) {
            ok = false;
            break;
          }
          const fold = prog.fold;
          for (let k = 0; k < len; k++) {
            const a = subj.charAt(s + k);
            const b = subj.charAt(pos + k);
            if (a !== b && !(fold && canon(a) === canon(b))) {
              ok = false;
              break;
            }
          }
          if (ok) {
            pos += len;
            pc += 2;
          }
          break;
        }
        default:
          throw new Error(`bad regexp opcode ${code[pc]}`);
      }
      if (ok) continue;

      // Backtrack: undo register changes down to the newest failure point and resume there.
      for (;;) {
        if (sp === base) {
          this.sp = base;
          // Registers set with no failure point to restore them are left over: clear them for the next attempt.
          for (let r = prog.nregs - 1; r >= 0; r--) regs[r] = -1;
          return -1;
        }
        if (++this.steps > stepLimit) {
          this.sp = base;
          overflow();
        }
        sp -= 4;
        const kind = st[sp];
        if (kind === K_RESTORE) {
          regs[st[sp + 1]] = st[sp + 2];
          continue;
        }
        if (kind === K_FAIL) {
          pc = st[sp + 1];
          pos = st[sp + 2];
          break;
        }
        if (kind === K_REP_GREEDY) {
          const rep = st[sp + 1];
          const lowest = st[sp + 2];
          let p = st[sp + 3] - 1;
          const flags = code[rep + 3];
          if (flags & REP_HINT) {
            const hint = code[rep + 5];
            if (flags & REP_HINT_FOLD) while (p >= lowest && canon(subj.charAt(p)) !== hint) p--;
            else while (p >= lowest && subj.charAt(p) !== hint) p--;
          }
          if (p < lowest) continue;
          if (p !== lowest) {
            // Keep the entry for the next give-back.
            st[sp + 3] = p;
            sp += 4;
          }
          pos = p;
          pc = code[rep + 4];
          break;
        }
        // K_REP_LAZY: take one more character if it matches.
        const rep = st[sp + 1];
        const p = st[sp + 2];
        const count = st[sp + 3] + 1;
        if (p < stop && this.oneFast(rep + 6, subj.charAt(p))) {
          if (count < code[rep + 2]) {
            st[sp + 2] = p + 1;
            st[sp + 3] = count;
            sp += 4;
          }
          pos = p + 1;
          pc = code[rep + 4];
          break;
        }
      }
    }
  }

  /** The end of the longest run of characters from pos (before lim) that the one-character instruction at pc accepts. */
  private longestRun(pc: number, pos: number, lim: number): number {
    const subj = this.subj;
    const code = this.prog.code;
    const arg = code[pc + 1];
    let p = pos;
    switch (code[pc]) {
      case Op.Set: {
        const set = this.prog.sets[arg];
        if (set.syntaxClasses.length > 0) break;
        // The bitmap answers below 256 (membership before negation).
        const low = set.low;
        const negated = set.negated;
        while (p < lim) {
          const c = subj.charAt(p);
          if (c < 256 ? (low[c] === 1) === negated : !set.test(c)) return p;
          p++;
        }
        return p;
      }
      case Op.Char:
        while (p < lim && subj.charAt(p) === arg) p++;
        return p;
      case Op.Any:
        while (p < lim && subj.charAt(p) !== 10) p++;
        return p;
    }
    while (p < lim && this.oneFast(pc, subj.charAt(p))) p++;
    return p;
  }

  private oneFast(pc: number, c: number): boolean {
    const code = this.prog.code;
    switch (code[pc]) {
      case Op.Char:
        return c === code[pc + 1];
      case Op.Any:
        return c !== 10;
      case Op.Set:
        return this.prog.sets[code[pc + 1]].test(c);
      default:
        return this.one(pc, c);
    }
  }

  /**
   * Finds the first match starting in [from, last] going forward (or
   * backward when from > last). Returns its start, or -1; the end is in
   * this.matchEnd.
   */
  matchEnd = -1;

  search(from: number, last: number): number {
    const prog = this.prog;
    const subj = this.subj;
    const fastmap = prog.fastmap;
    const fastHigh = prog.fastHigh;
    const stop = this.stop;
    if (prog.anchored) {
      const b = this.begin;
      if (!(from <= last ? from <= b && b <= last : last <= b && b <= from)) return -1;
      from = last = b;
    }
    const step = from <= last ? 1 : -1;
    if (step > 0 && fastmap !== null) {
      // Jump from one possible beginning to the next; a match needs a character before stop.
      const to = Math.min(last + 1, stop);
      const firstChar = prog.firstChar;
      const prefix = prog.prefix;
      // With a literal prefix a match needs room for it all before stop.
      const prefixTo = prefix === null ? 0 : Math.min(last + prefix.keys.length, stop);
      let s = from;
      for (;;) {
        let at = prefix !== null ? subj.findPrefix(prefix, s, prefixTo) : firstChar >= 0 ? subj.indexOf(firstChar, s, to) : -2;
        if (at === -2) at = subj.scan(fastmap, fastHigh, s, to);
        if (at < 0) return -1;
        const e = this.run(0, at);
        if (e >= 0) {
          this.matchEnd = e;
          return at;
        }
        s = at + 1;
      }
    }
    for (let s = from; ; s += step) {
      if (step > 0 ? s > last : s < last) return -1;
      if (fastmap !== null) {
        if (s >= stop) {
          if (step > 0) return -1;
          continue;
        }
        const c = subj.charAt(s);
        if (c < 256 ? fastmap[c] === 0 : !fastHigh) continue;
      }
      const e = this.run(0, s);
      if (e >= 0) {
        this.matchEnd = e;
        return s;
      }
    }
  }
}
