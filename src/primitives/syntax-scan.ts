// syntax.c's scanners over the current buffer: scan-lists and scan-sexps
// (balanced expressions by the syntax table), forward-comment and
// backward-prefix-chars. lisp.el's movement commands (forward-sexp and
// friends) are built on them in lisp/subr.el.
import { type LispObject, Cons, NIL, T, Q, intern, signal, list, makeString, error, wrongType, TailCheck } from '../lisp/index.js';
import { declareModule, defun, defvar, fixnum, any, optional } from '../lisp/defun.js';
import { fixPosition, validateRegion } from '../buffer/positions.js';
import { symbolValue } from '../eval/state.js';
import { Syn } from '../regex/index.js';
import { currentBuffer, findBuffer, type Buffer } from '../buffer/buffer.js';
import { localizedInfo } from '../buffer/locals.js';
import { syntaxCode, FLAG_BITS } from './syntax.js';

declareModule('syntax-scan');

const Qparse_sexp_ignore_comments = intern('parse-sexp-ignore-comments');
defvar('parse-sexp-ignore-comments', NIL);
{
  // lisp-interaction-mode sets it in *scratch*, as in emacs -Q --batch.
  const scratch = findBuffer('*scratch*');
  if (scratch !== undefined) {
    localizedInfo(Qparse_sexp_ignore_comments);
    scratch.locals.set(Qparse_sexp_ignore_comments, T);
  }
}

const COMSTART_FIRST = FLAG_BITS['1'];
const COMSTART_SECOND = FLAG_BITS['2'];
const COMEND_FIRST = FLAG_BITS['3'];
const COMEND_SECOND = FLAG_BITS['4'];
const PREFIX = FLAG_BITS.p;
const STYLE_B = FLAG_BITS.b;
const NESTED = FLAG_BITS.n;
const STYLE_C = FLAG_BITS.c;
/** The style of a comment opened by a comment fence: only another fence closes it. */
const FENCE_STYLE = 256;

const classOf = (code: number): number => code & 0xffff;
const styleOf = (code: number): number => ((code & STYLE_B) !== 0 ? 1 : 0) | ((code & STYLE_C) !== 0 ? 2 : 0);

function scanError(message: string, a: number, b: number): never {
  return signal(Q.scan_error, list(makeString(message), a, b));
}

/** Is the character at POS escaped: preceded by an odd number of escape or char-quote characters? */
function charQuoted(buf: Buffer, pos: number): boolean {
  let quoted = false;
  for (let p = pos - 1; p >= buf.begv; p--) {
    const cls = classOf(syntaxCode(buf.charAt(p)));
    if (cls !== Syn.Escape && cls !== Syn.Charquote) break;
    quoted = !quoted;
  }
  return quoted;
}

/**
 * Skips forward over the body of a comment of STYLE (nested when NESTED)
 * starting at FROM. Returns the position after its end, or -1 when STOP
 * comes first (the scan then stands at STOP).
 */
function forwardCommentBody(buf: Buffer, from: number, stop: number, style: number, nested: boolean): number {
  let depth = 1;
  while (from < stop) {
    const code = syntaxCode(buf.charAt(from));
    const cls = classOf(code);
    from++;
    if (style === FENCE_STYLE) {
      if (cls === Syn.CommentFence) return from;
      continue;
    }
    if (cls === Syn.Endcomment && styleOf(code) === style && (!nested || (code & NESTED) !== 0)) {
      if (--depth === 0) return from;
      continue;
    }
    if (nested && cls === Syn.Comment && styleOf(code) === style && (code & NESTED) !== 0) {
      depth++;
      continue;
    }
    // A two-character ender's style is its first character's.
    if (from < stop && (code & COMEND_FIRST) !== 0 && styleOf(code) === style) {
      const next = syntaxCode(buf.charAt(from));
      if ((next & COMEND_SECOND) !== 0) {
        from++;
        if (--depth === 0) return from;
        continue;
      }
    }
    if (nested && from < stop && (code & COMSTART_FIRST) !== 0) {
      const next = syntaxCode(buf.charAt(from));
      if ((next & COMSTART_SECOND) !== 0 && styleOf(next) === style && (next & NESTED) !== 0) {
        from++;
        depth++;
      }
    }
  }
  return -1;
}

/** If a comment starts at FROM, where it starts its body and its style; null otherwise. */
function commentStartAt(buf: Buffer, from: number, stop: number): { body: number; style: number; nested: boolean } | null {
  const code = syntaxCode(buf.charAt(from));
  const cls = classOf(code);
  if (cls === Syn.Comment) return { body: from + 1, style: styleOf(code), nested: (code & NESTED) !== 0 };
  if (cls === Syn.CommentFence) return { body: from + 1, style: FENCE_STYLE, nested: false };
  if ((code & COMSTART_FIRST) !== 0 && from + 1 < stop) {
    const next = syntaxCode(buf.charAt(from + 1));
    if ((next & COMSTART_SECOND) !== 0) return { body: from + 2, style: styleOf(next), nested: (next & NESTED) !== 0 };
  }
  return null;
}

/**
 * Where the comment of STYLE that the ender from ENDER to ENDER_END (one
 * character, or the two of a pair such as * /) closes begins, or -1 when it
 * closes no comment. Found by parsing forward (strings, escapes, comments)
 * from the start of the line for a newline, else from the start of the
 * accessible region.
 */
function backwardCommentStart(buf: Buffer, ender: number, enderEnd: number, style: number, stop: number): number {
  let pos = stop;
  if (buf.charAt(ender) === 10) {
    pos = ender;
    while (pos > stop && buf.charAt(pos - 1) !== 10) pos--;
  }
  while (pos < ender) {
    const c = buf.charAt(pos);
    const cls = classOf(syntaxCode(c));
    if (cls === Syn.Escape || cls === Syn.Charquote) {
      pos += 2;
      continue;
    }
    if (cls === Syn.String || cls === Syn.StringFence) {
      pos++;
      for (;;) {
        if (pos >= ender) return -1;
        const k = classOf(syntaxCode(buf.charAt(pos)));
        pos++;
        if (cls === Syn.String ? buf.charAt(pos - 1) === c && k === Syn.String : k === Syn.StringFence) break;
        if (k === Syn.Escape || k === Syn.Charquote) pos++;
      }
      continue;
    }
    const start = commentStartAt(buf, pos, enderEnd);
    // A starter that overlaps the ender (the / of /*/) starts nothing here.
    if (start === null || start.body > ender) {
      pos++;
      continue;
    }
    const end = forwardCommentBody(buf, start.body, enderEnd, start.style, start.nested);
    if (end === enderEnd) return start.style === style ? pos : -1;
    if (end < 0) return -1;
    pos = end;
  }
  return -1;
}

/** scan_lists: COUNT balanced expressions (SEXPFLAG) or lists from FROM, starting at paren depth DEPTH. */
function scanLists(from: number, count: number, depth: number, sexpflag: boolean): LispObject {
  const buf = currentBuffer();
  const ignoreComments = symbolValue(Qparse_sexp_ignore_comments) !== NIL;
  const minDepth = depth > 0 ? 0 : depth;
  from = Math.max(buf.begv, Math.min(from, buf.zv));
  let lastGood = from;
  const lose = (): never => scanError('Unbalanced parentheses', lastGood, from);

  while (count > 0) {
    const stop = buf.zv;
    let done = false;
    while (from < stop && !done) {
      const c = buf.charAt(from);
      let code = syntaxCode(c);
      let cls = classOf(code);
      if (depth === minDepth) lastGood = from;
      from++;
      let commentStyle = styleOf(code);
      let commentNested = (code & NESTED) !== 0;
      if (from < stop && (code & COMSTART_FIRST) !== 0 && ignoreComments) {
        const next = syntaxCode(buf.charAt(from));
        if ((next & COMSTART_SECOND) !== 0) {
          cls = Syn.Comment;
          commentStyle = styleOf(next);
          commentNested = (next & NESTED) !== 0;
          code = next;
          from++;
        }
      }
      if ((code & PREFIX) !== 0 && cls !== Syn.Comment) continue;
      switch (cls) {
        case Syn.Escape:
        case Syn.Charquote:
        case Syn.Word:
        case Syn.Symbol: {
          if (cls === Syn.Escape || cls === Syn.Charquote) {
            if (from === stop) lose();
            from++;
          }
          if (depth !== 0 || !sexpflag) break;
          // A symbol: it ends where a character that cannot continue it comes.
          while (from < stop) {
            const k = classOf(syntaxCode(buf.charAt(from)));
            if (k === Syn.Escape || k === Syn.Charquote) {
              from++;
              if (from === stop) lose();
            } else if (k !== Syn.Word && k !== Syn.Symbol && k !== Syn.Quote) break;
            from++;
          }
          done = true;
          break;
        }
        case Syn.CommentFence:
        case Syn.Comment: {
          if (!ignoreComments) break;
          const end = forwardCommentBody(buf, from, stop, cls === Syn.CommentFence ? FENCE_STYLE : commentStyle, commentNested);
          if (end < 0) {
            from = stop;
            if (depth === 0) done = true;
            else lose();
          } else from = end;
          break;
        }
        case Syn.Open:
          if (++depth === 0) done = true;
          break;
        case Syn.Close:
          if (--depth === 0) done = true;
          else if (depth < minDepth) scanError('Containing expression ends prematurely', lastGood, from);
          break;
        case Syn.String:
        case Syn.StringFence: {
          const term = c;
          for (;;) {
            if (from >= stop) lose();
            const k = syntaxCode(buf.charAt(from));
            const kc = classOf(k);
            if (cls === Syn.String ? buf.charAt(from) === term && kc === Syn.String : kc === Syn.StringFence) break;
            if (kc === Syn.Escape || kc === Syn.Charquote) from++;
            from++;
          }
          from++;
          if (depth === 0 && sexpflag) done = true;
          break;
        }
        default:
          break;
      }
    }
    if (!done) {
      if (depth !== 0) lose();
      return NIL;
    }
    count--;
  }

  while (count < 0) {
    const stop = buf.begv;
    let done = false;
    while (from > stop && !done) {
      from--;
      const c = buf.charAt(from);
      let code = syntaxCode(c);
      let cls = classOf(code);
      if (depth === minDepth) lastGood = from;
      let commentStyle = styleOf(code);
      const enderEnd = from + 1;
      if (from > stop && (code & COMEND_SECOND) !== 0 && ignoreComments && !charQuoted(buf, from - 1)) {
        const prev = syntaxCode(buf.charAt(from - 1));
        if ((prev & COMEND_FIRST) !== 0) {
          cls = Syn.Endcomment;
          commentStyle = styleOf(prev);
          from--;
        }
      }
      if (cls !== Syn.Endcomment && charQuoted(buf, from)) {
        from--;
        cls = Syn.Word;
      } else if ((code & PREFIX) !== 0) continue;
      switch (cls) {
        case Syn.Word:
        case Syn.Symbol:
        case Syn.Escape:
        case Syn.Charquote: {
          if (depth !== 0 || !sexpflag) break;
          while (from > stop) {
            let p = from - 1;
            const k = classOf(syntaxCode(buf.charAt(p)));
            // A comment ender cannot be quoted into a symbol.
            if (k === Syn.Endcomment) break;
            const quoted = charQuoted(buf, p);
            if (quoted) p--;
            if (!quoted && k !== Syn.Word && k !== Syn.Symbol && k !== Syn.Quote) break;
            from = p;
          }
          done = true;
          break;
        }
        case Syn.Close:
          if (++depth === 0) done = true;
          break;
        case Syn.Open:
          if (--depth === 0) done = true;
          else if (depth < minDepth) scanError('Containing expression ends prematurely', lastGood, from);
          break;
        case Syn.Endcomment: {
          if (!ignoreComments) break;
          const start = backwardCommentStart(buf, from, enderEnd, commentStyle, stop);
          if (start >= 0) from = start;
          break;
        }
        case Syn.CommentFence:
        case Syn.StringFence: {
          for (;;) {
            if (from === stop) lose();
            from--;
            if (!charQuoted(buf, from) && classOf(syntaxCode(buf.charAt(from))) === cls) break;
          }
          if (cls === Syn.StringFence && depth === 0 && sexpflag) done = true;
          break;
        }
        case Syn.String: {
          const term = c;
          for (;;) {
            if (from === stop) lose();
            from--;
            if (!charQuoted(buf, from) && buf.charAt(from) === term && classOf(syntaxCode(term)) === Syn.String) break;
          }
          if (depth === 0 && sexpflag) done = true;
          break;
        }
        default:
          break;
      }
    }
    if (!done) {
      if (depth !== 0) lose();
      return NIL;
    }
    count++;
  }
  return from;
}

defun('scan-lists', [fixnum, fixnum, fixnum], (from, count, depth) => scanLists(from, count, depth, false));
defun('scan-sexps', [fixnum, fixnum], (from, count) => scanLists(from, count, 0, true));

/** backward-prefix-chars: back over expression prefix characters (class ' or flag p) before point. */
defun('backward-prefix-chars', [], () => {
  const buf = currentBuffer();
  let pos = buf.pt;
  while (pos > buf.begv && !charQuoted(buf, pos - 1)) {
    const code = syntaxCode(buf.charAt(pos - 1));
    if (classOf(code) !== Syn.Quote && (code & PREFIX) === 0) break;
    pos--;
  }
  buf.pt = pos;
  return NIL;
});

/** forward-comment: over COUNT comments (backward when negative) and the whitespace around them. */
defun('forward-comment', [fixnum], (countArg) => {
  const buf = currentBuffer();
  let count = countArg;
  let from = buf.pt;
  while (count > 0) {
    const stop = buf.zv;
    let found = false;
    while (from < stop) {
      const code = syntaxCode(buf.charAt(from));
      const cls = classOf(code);
      const start = commentStartAt(buf, from, stop);
      if (start !== null) {
        const end = forwardCommentBody(buf, start.body, stop, start.style, start.nested);
        if (end < 0) {
          buf.pt = stop;
          return NIL;
        }
        from = end;
        found = true;
        break;
      }
      // A newline that ends no comment is whitespace; another comment ender is not.
      if (cls !== Syn.Whitespace && !(cls === Syn.Endcomment && buf.charAt(from) === 10)) {
        buf.pt = from;
        return NIL;
      }
      from++;
    }
    if (!found) {
      buf.pt = from;
      return NIL;
    }
    count--;
  }
  while (count < 0) {
    const stop = buf.begv;
    let found = false;
    while (from > stop) {
      const c = buf.charAt(from - 1);
      const code = syntaxCode(c);
      const cls = classOf(code);
      const quoted = charQuoted(buf, from - 1);
      // The ender of the comment before FROM: one character, or the two of a pair such as */.
      let ender = -1;
      let style = styleOf(code);
      if (cls === Syn.Endcomment) ender = from - 1;
      else if ((code & COMEND_SECOND) !== 0 && from - 1 > stop && !quoted) {
        const prev = syntaxCode(buf.charAt(from - 2));
        if ((prev & COMEND_FIRST) !== 0) {
          ender = from - 2;
          style = styleOf(prev);
        }
      }
      if (ender >= 0) {
        const start = backwardCommentStart(buf, ender, from, style, stop);
        if (start >= 0) {
          from = start;
          found = true;
          break;
        }
      }
      if (cls === Syn.CommentFence) {
        // A fence closes the comment a fence opened before it.
        const start = backwardCommentStart(buf, from - 1, from, FENCE_STYLE, stop);
        if (start >= 0) {
          from = start;
          found = true;
          break;
        }
      }
      if ((cls !== Syn.Whitespace || quoted) && !(cls === Syn.Endcomment && c === 10)) break;
      from--;
    }
    if (!found) {
      buf.pt = from;
      return NIL;
    }
    count++;
  }
  buf.pt = from;
  return T;
});


// ---- parse-partial-sexp ----------------------------------------------------------------

/** One level of parens being parsed: where its last expression started, and where the one before it did. */
interface Level {
  last: number;
  prev: number;
}

/** The parser's state, as the list parse-partial-sexp returns (see stateList). */
interface ParseState {
  depth: number;
  minDepth: number;
  /** The character that ends the string we are in, -1 outside strings, FENCE_STYLE in a fenced string. */
  inString: number;
  /** 0 outside comments; the nesting depth inside a nestable comment; 1 inside another. */
  inComment: number;
  commentNested: boolean;
  commentStyle: number;
  /** Where the string or comment we are in started, or -1. */
  start: number;
  quoted: boolean;
  /** Positions of the open parens, outermost first. */
  openParens: number[];
  levels: Level[];
  /** The syntax code of the last character when it may begin a two-character comment delimiter, or -1. */
  twoCharFirst: number;
  /** Where the last two-character comment delimiter scanned ends (its second character begins nothing). */
  pairEnd: number;
}

const Qsyntax_table = intern('syntax-table');

function initialState(old: LispObject): ParseState {
  const s: ParseState = {
    depth: 0, minDepth: 0, inString: -1, inComment: 0, commentNested: false, commentStyle: 0, start: -1,
    quoted: false, openParens: [], levels: [{ last: -1, prev: -1 }], twoCharFirst: -1, pairEnd: -1,
  };
  if (old === NIL) return s;
  const at = (i: number): LispObject => {
    let l = old;
    for (let k = 0; k < i && l instanceof Cons; k++) l = l.cdr;
    return l instanceof Cons ? l.car : NIL;
  };
  const depth = at(0);
  s.depth = s.minDepth = typeof depth === 'number' ? depth : 0;
  const str = at(3);
  s.inString = str === NIL ? -1 : typeof str === 'number' ? str : FENCE_STYLE;
  const com = at(4);
  s.inComment = com === NIL ? 0 : typeof com === 'number' ? com : 1;
  s.commentNested = typeof com === 'number';
  s.quoted = at(5) !== NIL;
  const style = at(7);
  s.commentStyle = style === NIL ? 0 : typeof style === 'number' ? style : FENCE_STYLE;
  const start = at(8);
  s.start = typeof start === 'number' ? start : -1;
  // Emacs loops forever on a circular list here; this signals circular-list.
  const parens = at(9);
  const check = new TailCheck(parens);
  for (let l = parens; l instanceof Cons; l = l.cdr) {
    if (typeof l.car === 'number') s.openParens.push(l.car);
    check.step(l.cdr);
  }
  // Each open paren is the last expression started at the level outside it.
  for (const open of s.openParens) {
    s.levels[s.levels.length - 1].last = open;
    s.levels.push({ last: -1, prev: -1 });
  }
  const two = at(10);
  s.twoCharFirst = typeof two === 'number' ? two : -1;
  return s;
}

function stateList(s: ParseState): LispObject {
  const level = s.levels[s.levels.length - 1];
  const style = s.inComment === 0 && s.inString < 0 ? NIL : s.commentStyle === FENCE_STYLE ? Qsyntax_table : s.commentStyle === 0 ? NIL : s.commentStyle;
  return list(
    s.depth,
    s.openParens.length > 0 ? s.openParens[s.openParens.length - 1] : NIL,
    level.prev >= 0 ? level.prev : NIL,
    s.inString < 0 ? NIL : s.inString === FENCE_STYLE ? T : s.inString,
    s.inComment === 0 ? NIL : s.commentNested ? s.inComment : T,
    s.quoted ? T : NIL,
    s.minDepth,
    s.inComment === 0 ? NIL : style,
    s.start >= 0 ? s.start : NIL,
    list(...s.openParens),
    s.twoCharFirst >= 0 ? s.twoCharFirst : NIL,
  );
}

const enum CommentStop {
  None,
  /** Stop after the start of a comment. */
  Comment,
  /** `syntax-table': stop after the start or end of a comment or a string. */
  SyntaxTable,
}

/**
 * scan_sexps_forward: parses from FROM towards END, updating S; returns the
 * position where it stopped (END, or earlier for TARGET_DEPTH, STOP_BEFORE
 * and COMMENT_STOP).
 */
function parseForward(buf: Buffer, from: number, end: number, s: ParseState, targetDepth: number | null, stopBefore: boolean, commentStop: CommentStop): number {
  let pos = from;
  const level = (): Level => s.levels[s.levels.length - 1];
  // Stopping just after an escape character: the next one is quoted.
  const quotedAtEnd = (escapeCode: number): void => {
    s.quoted = true;
    s.twoCharFirst = escapeCode;
  };
  // The rest of a symbol from POS (a symbol that END cuts counts as complete); false when END falls after an escape.
  const symbolRest = (): boolean => {
    while (pos < end) {
      const code = syntaxCode(buf.charAt(pos));
      const k = classOf(code);
      if (k === Syn.Escape || k === Syn.Charquote) {
        if (pos + 1 >= end) {
          quotedAtEnd(code);
          pos = end;
          return false;
        }
        pos += 2;
      } else if (k === Syn.Word || k === Syn.Symbol || k === Syn.Quote) pos++;
      else return true;
    }
    return true;
  };
  // A two-character delimiter whose first character ended the previous parse.
  const pending = s.twoCharFirst;
  if (pending >= 0 && !s.quoted && pos < end) {
    const next = syntaxCode(buf.charAt(pos));
    if (s.inComment === 0 && s.inString < 0 && (pending & COMSTART_FIRST) !== 0 && (next & COMSTART_SECOND) !== 0) {
      s.inComment = 1;
      s.commentNested = (next & NESTED) !== 0;
      s.commentStyle = styleOf(next);
      s.start = pos - 1;
      pos++;
      s.pairEnd = pos;
      if (commentStop !== CommentStop.None) return pos;
    } else if (s.inComment > 0 && (pending & COMEND_FIRST) !== 0 && (next & COMEND_SECOND) !== 0 && styleOf(pending) === s.commentStyle) {
      pos++;
      s.pairEnd = pos;
      if (--s.inComment === 0) {
        s.commentNested = false;
        s.commentStyle = 0;
        s.start = -1;
        if (commentStop === CommentStop.SyntaxTable) return pos;
      }
    }
  }
  if (s.quoted && pos < end) {
    // The character at FROM is escaped.
    s.quoted = false;
    pos++;
    if (s.inString < 0 && s.inComment === 0) {
      if (!symbolRest()) return pos;
      level().prev = level().last;
    }
  }
  while (pos < end) {
    if (s.inComment > 0) {
      const style = s.commentStyle;
      let closed = false;
      while (pos < end) {
        const code = syntaxCode(buf.charAt(pos));
        const cls = classOf(code);
        pos++;
        if (style === FENCE_STYLE) {
          if (cls === Syn.CommentFence) closed = true;
        } else if (cls === Syn.Endcomment && styleOf(code) === style && (!s.commentNested || (code & NESTED) !== 0)) {
          closed = --s.inComment === 0;
        } else if (s.commentNested && cls === Syn.Comment && styleOf(code) === style && (code & NESTED) !== 0) {
          s.inComment++;
        } else if ((code & COMEND_FIRST) !== 0 && styleOf(code) === style) {
          if (pos >= end) {
            s.twoCharFirst = code;
            break;
          }
          if ((syntaxCode(buf.charAt(pos)) & COMEND_SECOND) !== 0) {
            pos++;
            s.pairEnd = pos;
            closed = --s.inComment === 0;
          }
        } else if (s.commentNested && (code & COMSTART_FIRST) !== 0) {
          if (pos >= end) {
            s.twoCharFirst = code;
            break;
          }
          const next = syntaxCode(buf.charAt(pos));
          if ((next & COMSTART_SECOND) !== 0 && styleOf(next) === style && (next & NESTED) !== 0) {
            pos++;
            s.pairEnd = pos;
            s.inComment++;
          }
        }
        if (closed) break;
      }
      if (!closed) return pos;
      s.inComment = 0;
      s.commentNested = false;
      s.commentStyle = 0;
      s.start = -1;
      if (commentStop === CommentStop.SyntaxTable) return pos;
      continue;
    }
    if (s.inString >= 0) {
      let closed = false;
      while (pos < end) {
        const c = buf.charAt(pos);
        const code = syntaxCode(c);
        const k = classOf(code);
        pos++;
        if (s.inString === FENCE_STYLE ? k === Syn.StringFence : c === s.inString && k === Syn.String) {
          closed = true;
          break;
        }
        if (k === Syn.Escape || k === Syn.Charquote) {
          if (pos >= end) {
            quotedAtEnd(code);
            break;
          }
          pos++;
        }
      }
      if (!closed) return pos;
      s.inString = -1;
      s.start = -1;
      level().prev = level().last;
      if (commentStop === CommentStop.SyntaxTable) return pos;
      continue;
    }
    const c = buf.charAt(pos);
    const code = syntaxCode(c);
    const cls = classOf(code);
    if ((code & COMSTART_FIRST) !== 0) {
      if (pos + 1 >= end) s.twoCharFirst = code;
      else {
        const next = syntaxCode(buf.charAt(pos + 1));
        if ((next & COMSTART_SECOND) !== 0) {
          s.inComment = 1;
          s.commentNested = (next & NESTED) !== 0;
          s.commentStyle = styleOf(next);
          s.start = pos;
          pos += 2;
          s.pairEnd = pos;
          if (commentStop !== CommentStop.None) return pos;
          continue;
        }
      }
    }
    if ((code & PREFIX) !== 0 && cls !== Syn.Comment && cls !== Syn.CommentFence) {
      pos++;
      continue;
    }
    const startsExpression = cls === Syn.Escape || cls === Syn.Charquote || cls === Syn.Word || cls === Syn.Symbol || cls === Syn.Open || cls === Syn.String || cls === Syn.StringFence;
    if (stopBefore && startsExpression) return pos;
    pos++;
    switch (cls) {
      case Syn.Escape:
      case Syn.Charquote:
      case Syn.Word:
      case Syn.Symbol:
        level().last = pos - 1;
        if (cls === Syn.Escape || cls === Syn.Charquote) {
          if (pos >= end) {
            quotedAtEnd(code);
            return pos;
          }
          pos++;
        }
        if (!symbolRest()) return pos;
        level().prev = level().last;
        break;
      case Syn.Comment:
      case Syn.CommentFence:
        s.inComment = 1;
        s.commentNested = cls === Syn.Comment && (code & NESTED) !== 0;
        s.commentStyle = cls === Syn.CommentFence ? FENCE_STYLE : styleOf(code);
        s.start = pos - 1;
        if (commentStop !== CommentStop.None) return pos;
        break;
      case Syn.Open:
        s.depth++;
        s.openParens.push(pos - 1);
        level().last = pos - 1;
        s.levels.push({ last: -1, prev: -1 });
        if (targetDepth !== null && s.depth === targetDepth) return pos;
        break;
      case Syn.Close:
        s.depth--;
        if (s.depth < s.minDepth) s.minDepth = s.depth;
        if (s.levels.length > 1) s.levels.pop();
        level().prev = level().last;
        s.openParens.pop();
        if (targetDepth !== null && s.depth === targetDepth) return pos;
        break;
      case Syn.String:
      case Syn.StringFence:
        level().last = pos - 1;
        s.inString = cls === Syn.String ? c : FENCE_STYLE;
        s.start = pos - 1;
        if (commentStop === CommentStop.SyntaxTable) return pos;
        break;
      default:
        break;
    }
  }
  return pos;
}

defun('parse-partial-sexp', [any, any, optional(any), optional(any), optional(any), optional(any)], (from, to, targetDepth, stopBefore, oldState, commentStop) => {
  if (fixPosition(to) < fixPosition(from)) error('End position is smaller than start position');
  const [start, end] = validateRegion(from, to);
  if (targetDepth !== NIL && typeof targetDepth !== 'number') wrongType(Q.fixnump, targetDepth);
  const buf = currentBuffer();
  const state = initialState(oldState);
  const stop = commentStop === NIL ? CommentStop.None : commentStop === Qsyntax_table ? CommentStop.SyntaxTable : CommentStop.Comment;
  const at = parseForward(buf, start, end, state, targetDepth === NIL ? null : (targetDepth as number), stopBefore !== NIL, stop);
  buf.pt = at;
  // Element 10: the syntax of the last character scanned when it may begin a two-character construct.
  if (at > start && at !== state.pairEnd && !state.quoted) {
    const code = syntaxCode(buf.charAt(at - 1));
    // In a comment only what can end it (or, nested, open another) counts.
    const begins = state.inComment === 0
      ? (code & (COMSTART_FIRST | COMEND_FIRST)) !== 0
      : ((code & COMEND_FIRST) !== 0 && styleOf(code) === state.commentStyle) || (state.commentNested && (code & COMSTART_FIRST) !== 0);
    state.twoCharFirst = begins ? code : -1;
  } else if (at > start && !state.quoted) state.twoCharFirst = -1;
  return stateList(state);
});
