// Emacs regexp syntax compiled to a program for the backtracking matcher
// in match.ts. The parser follows regex-emacs.c's context rules: `^` is an
// anchor only at the start or after `\(`, `\(?:`, `\|`; `$` only at the end
// or before `\)`, `\|`; a repetition operator with nothing before it is an
// ordinary character; a repetition applies to everything since the last
// "start" (which `\b`, `\B`, `\``, `\'` and `^` do not move, so `x\b*`
// repeats `x\b`).
import { signal, intern, list, makeString } from '../lisp/index.js';
import { CharSet } from './charset.js';
import { charClassByName, syntaxClassFromDesignator, Syn } from './syntax.js';
import { upcaseChar, downcaseChar } from '../primitives/casefiddle.js';
import { Op, REP_GREEDY, REP_POSSESSIVE, REP_HINT, REP_HINT_FOLD } from './match.js';

export { Op };

const Qinvalid_regexp = intern('invalid-regexp');

export function invalidRegexp(message: string): never {
  return signal(Qinvalid_regexp, list(makeString(message)));
}

export const REP_INFINITE = 0x7fffffff;

// ---- the parse tree ------------------------------------------------------------

const enum N {
  Char,
  Any,
  Set,
  Syntax,
  Category,
  Assert,
  Backref,
  Group,
  Seq,
  Alt,
  Repeat,
}

type Node =
  | { k: N.Char; c: number }
  | { k: N.Any }
  | { k: N.Set; set: CharSet }
  | { k: N.Syntax; cls: number; neg: boolean }
  | { k: N.Category; cat: number; neg: boolean }
  | { k: N.Assert; op: Op }
  | { k: N.Backref; n: number }
  | { k: N.Group; n: number; body: Node }
  | { k: N.Seq; items: Node[] }
  | { k: N.Alt; alts: Node[] }
  | { k: N.Repeat; body: Node; min: number; max: number; greedy: boolean };

const BACKSLASH = 92;
const RE_DUP_MAX = 0xffff;

interface Frame {
  seq: Node[];
  lastStart: number;
  alts: Node[];
  /** Group number, or 0 for a shy group. */
  group: number;
}

function seqNode(items: Node[]): Node {
  return items.length === 1 ? items[0] : { k: N.Seq, items };
}

function altNode(alts: Node[], last: Node[]): Node {
  if (alts.length === 0) return seqNode(last);
  return { k: N.Alt, alts: [...alts, seqNode(last)] };
}

/** Emacs's at_begline_loc_p: does `^` at index i-1 follow `\(`, `\(?:`, `\(?N:` or `\|`? */
function atBeglineLoc(p: ArrayLike<number>, caretIndex: number): boolean {
  let prev = caretIndex - 1;
  if (prev < 0) return false;
  const c = p[prev];
  if (c === 40 /* ( */ || c === 124 /* | */) {
    // prev is the char after the backslash
  } else if (c === 58 /* : */) {
    while (prev > 0 && p[prev - 1] >= 48 && p[prev - 1] <= 57) prev--;
    if (!(prev > 1 && p[prev - 1] === 63 && p[prev - 2] === 40)) return false;
    prev -= 2;
  } else return false;
  // Count the backslashes before prev: an odd number makes it an operator.
  let q = prev;
  while (q > 0 && p[q - 1] === BACKSLASH) q--;
  return ((prev - q) & 1) === 1;
}

export interface Parsed {
  root: Node;
  /** Highest group number. */
  groups: number;
}

export function parse(p: ArrayLike<number>, fold: boolean): Parsed {
  const n = p.length;
  let i = 0;
  let seq: Node[] = [];
  let lastStart = -1;
  let alts: Node[] = [];
  const stack: Frame[] = [];
  let nsub = 0;

  const literal = (c: number): void => {
    lastStart = seq.length;
    seq.push({ k: N.Char, c });
  };
  const premature = (): never => invalidRegexp('Premature end of regular expression');
  const groupOpen = (g: number): boolean => {
    for (const f of stack) if (f.group === g) return true;
    return false;
  };
  const repeat = (min: number, max: number, greedy: boolean): void => {
    const body = seqNode(seq.slice(lastStart));
    seq.length = lastStart;
    seq.push({ k: N.Repeat, body, min, max, greedy });
  };

  while (i < n) {
    const c = p[i++];
    switch (c) {
      case 94 /* ^ */:
        if (i === 1 || atBeglineLoc(p, i - 1)) seq.push({ k: N.Assert, op: Op.Bol });
        else literal(c);
        break;
      case 36 /* $ */:
        if (i === n || (p[i] === BACKSLASH && i + 1 < n && (p[i + 1] === 41 || p[i + 1] === 124))) seq.push({ k: N.Assert, op: Op.Eol });
        else literal(c);
        break;
      case 42 /* * */:
      case 43 /* + */:
      case 63 /* ? */: {
        if (lastStart < 0) {
          literal(c);
          break;
        }
        let zeroOk = false;
        let manyOk = false;
        let greedy = true;
        let r = c;
        for (;;) {
          if (r === 63 && (zeroOk || manyOk)) greedy = false;
          else {
            zeroOk ||= r !== 43;
            manyOk ||= r !== 63;
          }
          if (i === n) break;
          const next = p[i];
          if (next !== 42 && next !== 43 && next !== 63) break;
          r = next;
          i++;
        }
        repeat(zeroOk ? 0 : 1, manyOk ? REP_INFINITE : 1, greedy);
        break;
      }
      case 46 /* . */:
        lastStart = seq.length;
        seq.push({ k: N.Any });
        break;
      case 91 /* [ */:
        lastStart = seq.length;
        i = parseBracket(p, i, fold, seq);
        break;
      case BACKSLASH: {
        if (i === n) invalidRegexp('Trailing backslash');
        const d = p[i++];
        switch (d) {
          case 40 /* ( */: {
            let group = -1;
            if (i + 1 < n && p[i] === 63 /* ? */) {
              i++;
              let regnum = 0;
              for (;;) {
                if (i === n) premature();
                const e = p[i++];
                if (e === 58 /* : */) break;
                if (e === 48 && regnum === 0) invalidRegexp('Invalid regular expression');
                if (e >= 48 && e <= 57) regnum = regnum * 10 + (e - 48);
                else invalidRegexp('Invalid regular expression');
              }
              if (regnum > 0) {
                group = regnum;
                if (regnum > nsub) nsub = regnum;
              } else group = 0;
            }
            if (group < 0) group = ++nsub;
            stack.push({ seq, lastStart, alts, group });
            seq = [];
            lastStart = -1;
            alts = [];
            break;
          }
          case 41 /* ) */: {
            const f = stack.pop();
            if (f === undefined) invalidRegexp('Unmatched ) or \\)');
            const body = altNode(alts, seq);
            seq = f.seq;
            alts = f.alts;
            lastStart = seq.length;
            seq.push({ k: N.Group, n: f.group, body });
            break;
          }
          case 124 /* | */:
            alts.push(seqNode(seq));
            seq = [];
            lastStart = -1;
            break;
          case 123 /* { */: {
            const beg = i;
            let lower = 0;
            let upper = -1;
            let e = 0;
            const count = (initial: number): number => {
              let num = initial;
              if (i === n) invalidRegexp('Unmatched \\{');
              e = p[i++];
              while (e >= 48 && e <= 57) {
                if (num < 0) num = 0;
                num = num * 10 + (e - 48);
                if (num > RE_DUP_MAX) invalidRegexp('Invalid content of \\{\\}');
                if (i === n) invalidRegexp('Unmatched \\{');
                e = p[i++];
              }
              return num;
            };
            lower = count(0);
            if (e === 44 /* , */) upper = count(-1);
            else upper = lower;
            if (lower < 0 || (upper >= 0 && upper < lower) || e !== BACKSLASH) invalidRegexp('Invalid content of \\{\\}');
            if (i === n) invalidRegexp('Trailing backslash');
            if (p[i++] !== 125 /* } */) invalidRegexp('Invalid content of \\{\\}');
            if (lastStart < 0) {
              // Nothing to repeat: `\{` stands for itself.
              i = beg;
              literal(123);
              break;
            }
            repeat(lower, upper < 0 ? REP_INFINITE : upper, true);
            break;
          }
          case 49: case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57: {
            const g = d - 48;
            if (g > nsub || groupOpen(g)) invalidRegexp('Invalid back reference');
            lastStart = seq.length;
            seq.push({ k: N.Backref, n: g });
            break;
          }
          case 119 /* w */:
          case 87 /* W */:
            lastStart = seq.length;
            seq.push({ k: N.Syntax, cls: Syn.Word, neg: d === 87 });
            break;
          case 115 /* s */:
          case 83 /* S */: {
            if (i === n) premature();
            const cls = syntaxClassFromDesignator(p[i++]);
            lastStart = seq.length;
            seq.push({ k: N.Syntax, cls: cls < 0 ? 255 : cls, neg: d === 83 });
            break;
          }
          case 99 /* c */:
          case 67 /* C */: {
            if (i === n) premature();
            lastStart = seq.length;
            seq.push({ k: N.Category, cat: p[i++], neg: d === 67 });
            break;
          }
          case 96 /* ` */:
            seq.push({ k: N.Assert, op: Op.Bos });
            break;
          case 39 /* ' */:
            seq.push({ k: N.Assert, op: Op.Eos });
            break;
          case 98 /* b */:
            seq.push({ k: N.Assert, op: Op.WordBound });
            break;
          case 66 /* B */:
            seq.push({ k: N.Assert, op: Op.NotWordBound });
            break;
          case 61 /* = */:
            lastStart = seq.length;
            seq.push({ k: N.Assert, op: Op.Point });
            break;
          case 60 /* < */:
            lastStart = seq.length;
            seq.push({ k: N.Assert, op: Op.WordBeg });
            break;
          case 62 /* > */:
            lastStart = seq.length;
            seq.push({ k: N.Assert, op: Op.WordEnd });
            break;
          case 95 /* _ */: {
            if (i === n) premature();
            const e = p[i++];
            if (e !== 60 && e !== 62) invalidRegexp('Invalid regular expression');
            lastStart = seq.length;
            seq.push({ k: N.Assert, op: e === 60 ? Op.SymBeg : Op.SymEnd });
            break;
          }
          default:
            literal(d);
        }
        break;
      }
      default:
        literal(c);
    }
  }
  if (stack.length > 0) invalidRegexp('Unmatched ( or \\(');
  return { root: altNode(alts, seq), groups: nsub };
}

/** Parses a bracket expression whose `[` ends before index i; returns the index after its `]`. */
function parseBracket(p: ArrayLike<number>, i: number, fold: boolean, seq: Node[]): number {
  const n = p.length;
  const unmatched = (): never => invalidRegexp('Unmatched [ or [^');
  if (i === n) unmatched();
  const negated = p[i] === 94;
  if (negated) i++;
  const set = new CharSet(negated, fold);
  const first = i;
  for (;;) {
    if (i === n) unmatched();
    // A character class [:NAME:]: Emacs looks for the closing `:]` anywhere ahead.
    if (p[i] === 91 && n - i >= 4 && p[i + 1] === 58) {
      let j = i + 2;
      while (j + 1 < n && !(p[j] === 58 && p[j + 1] === 93)) j++;
      if (j + 1 < n) {
        let name = '';
        for (let k = i + 2; k < j; k++) name += String.fromCodePoint(p[k] < 0x110000 ? p[k] : 0xfffd);
        const cls = charClassByName(name);
        if (cls === 0) invalidRegexp('Invalid character class name');
        set.classes.push(cls);
        i = j + 2;
        if (i === n) unmatched();
        continue;
      }
    }
    const start = i;
    const c = p[i++];
    if (c === 93 && start !== first) break;
    let hi = c;
    if (i < n && p[i] === 45 /* - */ && i + 1 < n && p[i + 1] !== 93) {
      hi = p[i + 1];
      i += 2;
    }
    if (c <= hi) set.ranges.push(c, hi);
  }
  set.finish();
  seq.push({ k: N.Set, set });
  return i;
}

// ---- code generation -------------------------------------------------------------

export interface Program {
  code: Int32Array;
  sets: CharSet[];
  /** Highest group number. */
  groups: number;
  /** Registers: 2 per group (index 2g, 2g+1, group 0 unused) then one per checked loop. */
  nregs: number;
  /** Bitmap of characters below 256 that can begin a match, or null when the match may be empty or begin with anything. */
  fastmap: Uint8Array | null;
  /** With a fastmap: may a character of 256 or above begin a match? */
  fastHigh: boolean;
  /** The match can only begin at the start of the text (`\``). */
  anchored: boolean;
  /** The one character every match begins with, or -1. */
  firstChar: number;
  /** The ASCII text every match begins with (2 characters or more), for a skipping scan; or null. */
  prefix: LiteralPrefix | null;
  /** Compiled for case-fold-search. */
  fold: boolean;
  /**
   * Per guard, where its Split sends control for each character below 256
   * (the Split itself when both branches are possible, else the one branch
   * that is, followed down any chain of guarded Splits; see resolveSplit);
   * likewise for characters of 256 and above, and at the end of the text.
   */
  guardJump: Int32Array[];
  guardHighJump: number[];
  guardStopJump: number[];
}

function canBeEmpty(node: Node): boolean {
  switch (node.k) {
    case N.Char:
    case N.Any:
    case N.Set:
    case N.Syntax:
    case N.Category:
      return false;
    case N.Assert:
    case N.Backref:
      return true;
    case N.Group:
      return canBeEmpty(node.body);
    case N.Seq:
      return node.items.every(canBeEmpty);
    case N.Alt:
      return node.alts.some(canBeEmpty);
    case N.Repeat:
      return node.min === 0 || canBeEmpty(node.body);
  }
}

function isOneChar(node: Node): boolean {
  return node.k === N.Char || node.k === N.Any || node.k === N.Set || node.k === N.Syntax || node.k === N.Category;
}

/** The case-folded form Emacs compares under case-fold-search. */
export function canon(c: number): number {
  const d = downcaseChar(c);
  // A character folding onto ASCII from outside it (Kelvin sign, dotted I) keeps its identity, as Emacs's canon table does.
  if (d < 128 && c >= 128) return c;
  return d;
}

const MAX_PROGRAM = 1 << 22;

class Emitter {
  code: number[] = [];
  sets: CharSet[] = [];
  loops = 0;
  constructor(
    readonly fold: boolean,
    readonly groups: number,
  ) {}

  emit(...words: number[]): number {
    const at = this.code.length;
    for (const w of words) this.code.push(w);
    if (this.code.length > MAX_PROGRAM) invalidRegexp('Regular expression too big');
    return at;
  }

  oneChar(node: Node): void {
    switch (node.k) {
      case N.Char: {
        const c = node.c;
        if (this.fold && (upcaseChar(c) !== c || downcaseChar(c) !== c)) this.emit(Op.CharFold, canon(c));
        else this.emit(Op.Char, c);
        break;
      }
      case N.Any:
        this.emit(Op.Any, 0);
        break;
      case N.Set:
        this.sets.push(node.set);
        this.emit(Op.Set, this.sets.length - 1);
        break;
      case N.Syntax:
        this.emit(node.neg ? Op.NotSyntax : Op.Syntax, node.cls);
        break;
      case N.Category:
        this.emit(node.neg ? Op.NotCategory : Op.Category, node.cat);
        break;
      default:
        throw new Error('not a one-character node');
    }
  }

  gen(node: Node): void {
    switch (node.k) {
      case N.Char:
      case N.Any:
      case N.Set:
      case N.Syntax:
      case N.Category:
        this.oneChar(node);
        break;
      case N.Assert:
        this.emit(node.op);
        break;
      case N.Backref:
        this.emit(Op.Backref, node.n);
        break;
      case N.Group:
        if (node.n > 0) this.emit(Op.Save, 2 * node.n);
        this.gen(node.body);
        if (node.n > 0) this.emit(Op.Save, 2 * node.n + 1);
        break;
      case N.Seq:
        for (const item of node.items) this.gen(item);
        break;
      case N.Alt: {
        const jumps: number[] = [];
        const alts = node.alts;
        for (let a = 0; a < alts.length; a++) {
          if (a < alts.length - 1) {
            const split = this.emit(Op.Split, 0, 0, -1);
            this.code[split + 1] = this.code.length;
            this.gen(alts[a]);
            jumps.push(this.emit(Op.Jmp, 0));
            this.code[split + 2] = this.code.length;
          } else this.gen(alts[a]);
        }
        for (const j of jumps) this.code[j + 1] = this.code.length;
        break;
      }
      case N.Repeat:
        this.repeat(node.body, node.min, node.max, node.greedy);
        break;
    }
  }

  repeat(body: Node, min: number, max: number, greedy: boolean): void {
    if (max === 0) return;
    if (isOneChar(body)) {
      if (min === 1 && max === 1) {
        this.oneChar(body);
        return;
      }
      const at = this.emit(Op.RepOne, min, max, greedy ? REP_GREEDY : 0, 0, -1);
      this.oneChar(body);
      this.code[at + 4] = this.code.length;
      return;
    }
    for (let k = 0; k < min; k++) this.gen(body);
    if (max === REP_INFINITE) {
      if (canBeEmpty(body)) {
        const reg = 2 * (this.groups + 1) + this.loops++;
        this.emit(Op.LoopInit, reg);
        if (greedy) {
          const head = this.emit(Op.LoopGreedy, reg, 0);
          this.gen(body);
          this.emit(Op.Jmp, head);
          this.code[head + 2] = this.code.length;
        } else {
          const head = this.emit(Op.LoopLazy, reg, 0, 0);
          this.code[head + 2] = this.code.length;
          this.gen(body);
          this.emit(Op.Jmp, head);
          this.code[head + 3] = this.code.length;
        }
      } else {
        const head = this.emit(Op.Split, 0, 0, -1);
        const bodyAt = this.code.length;
        this.gen(body);
        this.emit(Op.Jmp, head);
        const exit = this.code.length;
        this.code[head + 1] = greedy ? bodyAt : exit;
        this.code[head + 2] = greedy ? exit : bodyAt;
      }
      return;
    }
    // Optional copies, nested: once one is skipped the rest are.
    const splits: number[] = [];
    for (let k = min; k < max; k++) {
      const split = this.emit(Op.Split, 0, 0, -1);
      splits.push(split);
      this.code[split + (greedy ? 1 : 2)] = this.code.length;
      this.gen(body);
    }
    const exit = this.code.length;
    for (const s of splits) this.code[s + (greedy ? 2 : 1)] = exit;
  }
}

/** The size in words of the instruction at pc. */
export function instrSize(op: number): number {
  switch (op) {
    case Op.Match:
    case Op.Bol:
    case Op.Eol:
    case Op.Bos:
    case Op.Eos:
    case Op.Point:
    case Op.WordBound:
    case Op.NotWordBound:
    case Op.WordBeg:
    case Op.WordEnd:
    case Op.SymBeg:
    case Op.SymEnd:
      return 1;
    case Op.LoopGreedy:
      return 3;
    case Op.Split:
    case Op.LoopLazy:
      return 4;
    case Op.RepOne:
      return 8;
    default:
      return 2;
  }
}

/** Does the one-character instruction at pc accept c? (For compile-time analysis only.) */
function oneCharMayMatch(code: Int32Array, sets: CharSet[], pc: number, c: number, fold: boolean): boolean {
  const arg = code[pc + 1];
  switch (code[pc]) {
    case Op.Char:
      return c === arg;
    case Op.CharFold:
      return canon(c) === arg || (fold && canon(c) === canon(arg));
    case Op.Any:
      return c !== 10;
    case Op.Set:
      // A set that consults the syntax table may answer differently when the program runs.
      return sets[arg].syntaxClasses.length > 0 || sets[arg].test(c);
    default:
      return true;
  }
}

/** Skips instructions that neither consume nor fail (register saves). */
function skipSaves(code: Int32Array, pc: number): number {
  while (code[pc] === Op.Save) pc += 2;
  return pc;
}

/**
 * Can the code from pc reach Match through register saves, jumps and
 * choices alone? Then it always succeeds there, and nothing pushed before
 * it is ever backtracked into.
 */
function reachesMatchFreely(code: Int32Array, pc: number): boolean {
  const seen = new Set<number>();
  const work = [pc];
  while (work.length > 0) {
    const p = work.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    switch (code[p]) {
      case Op.Match:
        return true;
      case Op.Save:
        work.push(p + 2);
        break;
      case Op.Jmp:
        work.push(code[p + 1]);
        break;
      case Op.Split:
        work.push(code[p + 1], code[p + 2]);
        break;
    }
  }
  return false;
}

/**
 * Must whatever follows the greedy run at pc begin by consuming a character
 * the run's own instruction rejects? Then resuming inside the run (where
 * the next character is one it accepted) always fails.
 */
function followIsDisjoint(prog: Program, pc: number, fold: boolean): boolean {
  const code = prog.code;
  const follow = firstChars(prog, code[pc + 4]);
  if (follow === null) return false;
  const one = pc + 6;
  for (let c = 0; c < 256; c++) if (follow.map[c] !== 0 && oneCharMayMatch(code, prog.sets, one, c, fold)) return false;
  if (!follow.high) return true;
  switch (code[one]) {
    case Op.Char:
      return code[one + 1] < 256;
    case Op.CharFold:
      return code[one + 1] < 128;
    case Op.Set:
      return !prog.sets[code[one + 1]].matchesHigh();
    default:
      return false;
  }
}

/** Marks runs of one character whose backtracking can never help, and hints the rest. */
function optimizeRepeats(prog: Program, fold: boolean, inLoop: Uint8Array): void {
  const code = prog.code;
  for (let pc = 0; pc < code.length; pc += instrSize(code[pc])) {
    if (code[pc] !== Op.RepOne || !(code[pc + 3] & REP_GREEDY)) continue;
    if (code[pc + 1] === code[pc + 2]) {
      code[pc + 3] |= REP_POSSESSIVE;
      continue;
    }
    const next = skipSaves(code, code[pc + 4]);
    if (code[next] === Op.Match) {
      code[pc + 3] |= REP_POSSESSIVE;
    } else if (!inLoop[pc] && (reachesMatchFreely(code, next) || followIsDisjoint(prog, pc, fold))) {
      // Emacs would keep a failure point here, but outside a loop only one at a time:
      // too few to bring its stack limit any nearer.
      code[pc + 3] |= REP_POSSESSIVE;
    } else if (code[next] === Op.Char) {
      const c = code[next + 1];
      if (!oneCharMayMatch(code, prog.sets, pc + 6, c, fold)) code[pc + 3] |= REP_POSSESSIVE;
      else {
        code[pc + 3] |= REP_HINT;
        code[pc + 5] = c;
      }
    } else if (code[next] === Op.CharFold) {
      const a = code[next + 1];
      // Every character folding to a: a itself, its case variants, and (rarely) others below 256.
      const variants = new Set<number>([a, upcaseChar(a), downcaseChar(a)]);
      for (let c = 0; c < 256; c++) if (canon(c) === a) variants.add(c);
      let any = false;
      for (const v of variants) if (canon(v) === a && oneCharMayMatch(code, prog.sets, pc + 6, v, fold)) any = true;
      if (!any && a < 128) code[pc + 3] |= REP_POSSESSIVE;
      else {
        code[pc + 3] |= REP_HINT | REP_HINT_FOLD;
        code[pc + 5] = a;
      }
    }
  }
}

/** Characters below 256 that may come first (map), and whether any of 256 and above may (high). */
interface FirstChars {
  map: Uint8Array;
  high: boolean;
}

/** The characters that can begin a match from pc on, or null when it may consume nothing first or anything. */
function firstChars(prog: Program, startPc: number): FirstChars | null {
  const code = prog.code;
  const map = new Uint8Array(256);
  let high = false;
  const seen = new Uint8Array(code.length);
  const work: number[] = [startPc];
  const addOneChar = (pc: number): boolean => {
    const op = code[pc];
    const arg = code[pc + 1];
    switch (op) {
      case Op.Char:
        if (arg < 256) map[arg] = 1;
        else high = true;
        return true;
      case Op.CharFold:
        for (let c = 0; c < 256; c++) if (canon(c) === arg) map[c] = 1;
        // canon keeps characters outside ASCII from folding onto it, so only a non-ASCII arg has high variants.
        if (arg >= 128) high = true;
        return true;
      case Op.Any:
        for (let c = 0; c < 256; c++) if (c !== 10) map[c] = 1;
        high = true;
        return true;
      case Op.Set: {
        const set = prog.sets[arg];
        // Sets that consult the syntax table could change under us: no bitmap.
        if (set.syntaxClasses.length > 0) return false;
        for (let c = 0; c < 256; c++) if (set.test(c)) map[c] = 1;
        if (set.matchesHigh()) high = true;
        return true;
      }
      default:
        return false;
    }
  };
  while (work.length > 0) {
    const pc = work.pop()!;
    if (seen[pc]) continue;
    seen[pc] = 1;
    const op = code[pc];
    switch (op) {
      case Op.Split:
        work.push(code[pc + 1], code[pc + 2]);
        break;
      case Op.Jmp:
        work.push(code[pc + 1]);
        break;
      case Op.LoopGreedy:
        work.push(pc + 3, code[pc + 2]);
        break;
      case Op.LoopLazy:
        work.push(code[pc + 2], code[pc + 3]);
        break;
      case Op.Save:
      case Op.LoopInit:
        work.push(pc + 2);
        break;
      case Op.Bol:
      case Op.Eol:
      case Op.Bos:
      case Op.Eos:
      case Op.Point:
      case Op.WordBound:
      case Op.NotWordBound:
      case Op.WordBeg:
      case Op.WordEnd:
      case Op.SymBeg:
      case Op.SymEnd:
        work.push(pc + 1);
        break;
      case Op.RepOne:
        if (!addOneChar(pc + 6)) return null;
        if (code[pc + 1] === 0) work.push(code[pc + 4]);
        break;
      default:
        if (!addOneChar(pc)) return null; // Match, Backref, syntax, category
    }
  }
  return { map, high };
}

function computeFastmap(prog: Program): void {
  const first = firstChars(prog, 0);
  if (first === null) return;
  prog.fastmap = first.map;
  prog.fastHigh = first.high;
  if (!first.high) {
    let only = -1;
    for (let c = 0; c < 256; c++) {
      if (first.map[c] === 0) continue;
      if (only >= 0) return;
      only = c;
    }
    prog.firstChar = only;
  }
}

/**
 * Gives each Split a guard when either branch must begin with a known
 * character: where that character rules a branch out, the Split needs no
 * choice (and no failure point).
 */
function computeGuards(prog: Program, inLoop: Uint8Array): void {
  const code = prog.code;
  // Per Split pc: its branches' first characters (null: unknown).
  const branches = new Map<number, { preferred: FirstChars | null; other: FirstChars | null }>();
  for (let pc = 0; pc < code.length; pc += instrSize(code[pc])) {
    if (code[pc] !== Op.Split) continue;
    const preferred = firstChars(prog, code[pc + 1]);
    const other = firstChars(prog, code[pc + 2]);
    if (preferred === null && other === null) continue;
    branches.set(pc, { preferred, other });
  }
  const lowPasses = (first: FirstChars | null, c: number): boolean => first === null || first.map[c] !== 0;
  for (const pc of branches.keys()) {
    const jump = new Int32Array(256);
    let useful = false;
    for (let c = 0; c < 256; c++) {
      jump[c] = resolveSplit(prog, branches, inLoop, pc, (f) => lowPasses(f, c));
      if (jump[c] !== pc) useful = true;
    }
    const high = resolveSplit(prog, branches, inLoop, pc, (f) => f === null || f.high);
    const atStop = resolveSplit(prog, branches, inLoop, pc, (f) => f === null);
    // A guard that never spares a failure point would only cost a lookup.
    if (!useful && high === pc && atStop === pc) continue;
    code[pc + 3] = prog.guardJump.length;
    prog.guardJump.push(jump);
    prog.guardHighJump.push(high);
    prog.guardStopJump.push(atStop);
  }
}

/**
 * Where control can go from the guarded Split at pc without a choice,
 * passes(firstChars) saying whether a branch can begin with the character
 * at hand: the Split itself when both branches can; the only possible
 * branch (resolved in turn when it is another guarded Split), except that
 * a Split in a loop always keeps its failure point; the other branch when
 * neither can (it fails there as well as anything would).
 */
function resolveSplit(
  prog: Program,
  branches: Map<number, { preferred: FirstChars | null; other: FirstChars | null }>,
  inLoop: Uint8Array,
  pc: number,
  passes: (first: FirstChars | null) => boolean,
): number {
  const code = prog.code;
  let p = pc;
  // A bound on the chain: Splits reached this way never loop back without consuming, but stay safe.
  for (let n = 0; n < 10_000; n++) {
    const b = branches.get(p);
    if (b === undefined || code[p] !== Op.Split) return p;
    const preferredOk = passes(b.preferred);
    const otherOk = passes(b.other);
    if (preferredOk && otherOk) return p;
    if (!preferredOk) {
      // Emacs would push a failure point and pop it at once.
      p = code[p + 2];
    } else {
      // Emacs would keep one on its stack: fine once, but a loop could pile up as many
      // as make its matcher overflow, which the failure stack here must show alike.
      if (inLoop[p]) return p;
      p = code[p + 1];
    }
  }
  return p;
}

/**
 * Marks the instructions that a loop may run again and again. Every jump
 * backward closes a loop whose body is the code from its target up to it
 * (loops compile to contiguous code; every other edge goes forward).
 */
function loopBodies(code: Int32Array): Uint8Array {
  const inLoop = new Uint8Array(code.length);
  for (let pc = 0; pc < code.length; pc += instrSize(code[pc])) {
    if (code[pc] === Op.Jmp && code[pc + 1] <= pc) inLoop.fill(1, code[pc + 1], pc + 2);
  }
  return inLoop;
}

/**
 * A literal start of every match, for Horspool's scan: a text character c
 * below 128 matches position i when keyOf[c] === keys[i] (keyOf folds case
 * under case-fold-search); no character of 128 and above can match an
 * ASCII one either way.
 */
export interface LiteralPrefix {
  keys: Int32Array;
  keyOf: Int32Array;
  /** For the key of the text character under the window's last position: how far the window may move. */
  shift: Int32Array;
}

const MAX_PREFIX = 64;

/** The ASCII characters the program must match first, when there are at least 2. */
function literalPrefix(code: Int32Array, fold: boolean): LiteralPrefix | null {
  const keys: number[] = [];
  let pc = skipSaves(code, 0);
  while (keys.length < MAX_PREFIX) {
    const op = code[pc];
    const arg = code[pc + 1];
    // Under folding a Char is a character without case variants, so FOLD_ASCII leaves it alone.
    if ((op === Op.Char || op === Op.CharFold) && arg < 128) keys.push(arg);
    else break;
    pc = skipSaves(code, pc + 2);
  }
  const m = keys.length;
  if (m < 2) return null;
  const shift = new Int32Array(128).fill(m);
  for (let i = 0; i < m - 1; i++) shift[keys[i]] = m - 1 - i;
  return { keys: Int32Array.from(keys), keyOf: fold ? FOLD_ASCII : ASCII_IDENTITY, shift };
}

/** canon() of the ASCII characters, for folded comparisons without a call. */
export const FOLD_ASCII = new Int32Array(128);
for (let c = 0; c < 128; c++) FOLD_ASCII[c] = canon(c);
const ASCII_IDENTITY = new Int32Array(128);
for (let c = 0; c < 128; c++) ASCII_IDENTITY[c] = c;

export function compile(pattern: ArrayLike<number>, fold: boolean): Program {
  const { root, groups } = parse(pattern, fold);
  const em = new Emitter(fold, groups);
  em.gen(root);
  em.emit(Op.Match);
  const prog: Program = {
    code: Int32Array.from(em.code),
    sets: em.sets,
    groups,
    nregs: 2 * (groups + 1) + em.loops,
    fastmap: null,
    fastHigh: true,
    anchored: false,
    firstChar: -1,
    prefix: null,
    fold,
    guardJump: [],
    guardHighJump: [],
    guardStopJump: [],
  };
  let first = 0;
  while (prog.code[first] === Op.Save) first += 2;
  prog.anchored = prog.code[first] === Op.Bos;
  const inLoop = loopBodies(prog.code);
  optimizeRepeats(prog, fold, inLoop);
  computeFastmap(prog);
  computeGuards(prog, inLoop);
  prog.prefix = literalPrefix(prog.code, fold);
  // A short prefix skips too little to beat indexOf of its first character.
  if (prog.prefix !== null && prog.prefix.keys.length < 3 && prog.firstChar >= 0) prog.prefix = null;
  return prog;
}
