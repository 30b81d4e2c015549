// syntax.c's scanners over the current buffer: scan-lists and scan-sexps
// (balanced expressions by the syntax table), forward-comment and
// backward-prefix-chars. lisp.el's movement commands (forward-sexp and
// friends) are built on them in lisp/subr.el.
import { type LispObject, NIL, T, Q, intern, signal, list, makeString } from '../lisp/index.js';
import { declareModule, defun, defvar, fixnum } from '../lisp/defun.js';
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

