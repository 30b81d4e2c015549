// The reader: builds Lisp objects from the lexer's tokens with an explicit
// stack (never recursing, so nesting depth is bounded only by memory), with
// the read syntax and the errors of Emacs 28's lread.c.
import type { IToken } from 'chevrotain';
import {
  type LispObject,
  LispSymbol,
  Cons,
  LispString,
  LispFloat,
  LispRecord,
  LispHashTable,
  type HashTableTest,
  eqTest,
  eqlTest,
  equalTest,
  NIL,
  T,
  Q,
  intern,
  makeSymbol,
  makeString,
  normalizeBig,
  list,
  signal,
  wrongType,
  argsOutOfRange,
  Subr, linkCdr, setCar, setCdr,
} from '../lisp/index.js';
import { TOKEN, HashKind, type HashPayload, LexError, TokenStream, type TokenChunk } from './lexer.js';
import { SourceText, recordPosition, copyPosition } from './positions.js';

export { formPosition, type SourcePosition } from './positions.js';

/** What SourceReader.next returns when only whitespace and comments remain. */
export const END_OF_INPUT: unique symbol = Symbol('end-of-input');

const Qbackquote = intern('`');
const Qcomma = intern(',');
const Qcomma_at = intern(',@');
const Qload_file_name = intern('load-file-name');
const Qload_true_file_name = intern('load-true-file-name');
const Qwholenump = intern('wholenump');
const Qinteger_or_marker_p = intern('integer-or-marker-p');
const Qpurecopy = intern('purecopy');
const Qkey = intern('key');
const Qvalue = intern('value');
const Qkey_or_value = intern('key-or-value');
const Qkey_and_value = intern('key-and-value');

// ---- hooks for the layers above -----------------------------------------------------

/**
 * Applies the properties of `#("text" START END PLIST ...)'. The textprop
 * layer installs the real one; until then they are checked and dropped.
 */
let applyStringProperties = (s: LispString, start: LispObject, end: LispObject, plist: LispObject): void => {
  void plist;
  if (typeof start !== 'number') wrongType(Qinteger_or_marker_p, start);
  if (typeof end !== 'number') wrongType(Qinteger_or_marker_p, end);
  const len = s.length;
  if (!(0 <= start && start <= len && 0 <= end && end <= len)) argsOutOfRange(start, end);
};

export function setStringPropertiesHook(
  fn: (s: LispString, start: LispObject, end: LispObject, plist: LispObject) => void,
): void {
  applyStringProperties = fn;
}

// ---- numbers ---------------------------------------------------------------------

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** A NaN whose significand holds `payload', as Emacs reads `N.0e+NaN'. */
function nanWithPayload(negative: boolean, payload: number): number {
  u64[0] = (negative ? 0xfff8000000000000n : 0x7ff8000000000000n) | (BigInt(payload) & 0x7ffffffffffffn);
  return f64[0];
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The number an atom's text denotes (Emacs's string_to_number with base 10), or undefined. */
export function parseNumber(s: string): number | bigint | LispFloat | undefined {
  const n = s.length;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) i++;
  const leadStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const leadDigits = i - leadStart;
  let dot = false;
  if (i < n && s.charCodeAt(i) === 46) {
    dot = true;
    i++;
  }
  const trailStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const trailDigits = i - trailStart;
  if (i === n) {
    if (leadDigits > 0 && trailDigits === 0) return parseInteger(s, leadStart, leadStart + leadDigits, c0 === 45);
    if (dot && trailDigits > 0) return new LispFloat(Number(s));
    return undefined;
  }
  const e = s.charCodeAt(i);
  if ((e !== 101 && e !== 69) || (leadDigits === 0 && trailDigits === 0)) return undefined;
  const expAt = i++;
  if (s.charCodeAt(i) === 43 && n - i === 4) {
    const special = s.slice(i + 1);
    if (special === 'INF') return new LispFloat(c0 === 45 ? -Infinity : Infinity);
    if (special === 'NaN') return new LispFloat(nanWithPayload(c0 === 45, Math.trunc(Math.abs(Number(s.slice(0, expAt))))));
  }
  if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
  const expDigits = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  if (i !== n || i === expDigits) return undefined;
  return new LispFloat(Number(s));
}

function parseInteger(s: string, from: number, to: number, negative: boolean): number | bigint {
  if (to - from <= 15) {
    const v = parseInt(s.slice(from, to), 10);
    return negative && v !== 0 ? -v : v;
  }
  const big = BigInt(s.slice(from, to));
  return normalizeBig(negative ? -big : big);
}

// ---- the reader proper -----------------------------------------------------------------

const enum Frame {
  List,
  Record,
  PropertizedString,
  Vector,
  ByteCode,
  Wrap,
  Label,
}

/** One open construct on the reader's stack. */
class OpenForm {
  head: Cons | null = null;
  tail: Cons | null = null;
  /** 0: reading elements; 1: after `.', expecting the cdr; 2: cdr read, expecting `)'. */
  dotState = 0;
  dotValue: LispObject = NIL;
  items: LispObject[] | null = null;
  /** For Wrap, the quoting symbol; for Label, the placeholder cons. */
  wrapper: LispSymbol | Cons | null = null;
  label = 0;
  constructor(
    public kind: Frame,
    public offset: number,
  ) {}
}

export interface FormReaderOptions {
  /** Record the start of every list read, for formPosition. */
  source?: SourceText | null;
  /**
   * Extra data after the message of invalid-read-syntax: `load` reports
   * (MESSAGE 1 0), a buffer reports the line and column of point.
   */
  syntaxErrorPosition?: ((offset: number) => LispObject[]) | null;
}

/** Reads forms from a token stream, one at a time. */
export class FormReader {
  /** Index of the next token in the current chunk. */
  index: number;
  /** UTF-16 offset (in the full text) just after the last token consumed. */
  endOffset: number;
  private chunkIndex: number;
  private tokens: IToken[];
  /** Where the current chunk starts in the full text. */
  private base: number;
  private labels: Map<number, LispObject> | null = null;
  private readonly stack: OpenForm[] = [];
  private readonly pool: OpenForm[] = [];
  private readonly source: SourceText | null;
  private readonly syntaxErrorPosition: ((offset: number) => LispObject[]) | null;

  constructor(
    private readonly stream: TokenStream,
    chunkIndex = 0,
    index = 0,
    options: FormReaderOptions = {},
  ) {
    if (stream.chunks.length === 0) stream.more();
    const chunk = stream.chunks[chunkIndex];
    this.chunkIndex = chunkIndex;
    this.tokens = chunk.tokens;
    this.base = chunk.base;
    this.index = index;
    this.endOffset = index > 0 ? chunk.base + tokenEnd(chunk.tokens[index - 1]) : chunk.base;
    this.source = options.source ?? null;
    this.syntaxErrorPosition = options.syntaxErrorPosition ?? null;
  }

  /** Moves on to the next chunk of tokens; false at the end of the text. */
  private nextChunk(): boolean {
    let chunk: TokenChunk | null;
    if (this.chunkIndex + 1 < this.stream.chunks.length) chunk = this.stream.chunks[++this.chunkIndex];
    else {
      chunk = this.stream.more();
      if (chunk === null) return false;
      this.chunkIndex = this.stream.chunks.length - 1;
    }
    this.tokens = chunk.tokens;
    this.base = chunk.base;
    this.index = 0;
    return true;
  }

  /** Reads one form; END_OF_INPUT if no token remains. */
  read(): LispObject | typeof END_OF_INPUT {
    const stack = this.stack;
    stack.length = 0;
    this.labels = null;
    let value: LispObject;
    let tok: IToken | undefined;
    try {
      for (;;) {
        if (this.index >= this.tokens.length) {
          if (this.nextChunk()) continue;
          if (stack.length === 0) return END_OF_INPUT;
          this.endOfFile();
        }
        tok = this.tokens[this.index++];
        const type = tok.tokenTypeIdx;
        if (type === TOKEN.Atom) {
          value = this.atom(tok);
        } else if (type === TOKEN.LParen) {
          stack.push(this.open(Frame.List, this.base + tok.startOffset));
          continue;
        } else if (type === TOKEN.RParen) {
          const top = stack[stack.length - 1];
          if (top === undefined || top.kind > Frame.ByteCode) this.syntax(')', tok);
          if (top.kind >= Frame.Vector) this.syntax(') or . in a vector', tok);
          if (top.dotState === 1) this.syntax(')', tok);
          stack.pop();
          value = this.closeList(top, tok);
          this.pool.push(top);
        } else if (type === TOKEN.StringLiteral || type === TOKEN.CharLiteral) {
          const p = tok.payload as LispObject | LexError;
          if (p instanceof LexError) this.lexError(p, tok);
          value = p;
        } else if (type === TOKEN.LBracket) {
          const f = this.open(Frame.Vector, this.base + tok.startOffset);
          f.items = [];
          stack.push(f);
          continue;
        } else if (type === TOKEN.RBracket) {
          const top = stack[stack.length - 1];
          if (top === undefined || top.kind > Frame.ByteCode) this.syntax(']', tok);
          if (top.kind < Frame.Vector) {
            if (top.dotState === 1) this.syntax(']', tok);
            if (top.dotState === 2) this.syntax('. in wrong context', tok);
            this.syntax('] in a list', tok);
          }
          stack.pop();
          value = top.items!;
          if (top.kind === Frame.ByteCode) checkByteCode(value as LispObject[], this, tok);
          this.pool.push(top);
        } else if (type === TOKEN.Quote) {
          this.pushWrap(Q.quote, tok);
          continue;
        } else if (type === TOKEN.Dot) {
          const top = stack[stack.length - 1];
          if (top === undefined || top.kind > Frame.ByteCode) this.syntax('.', tok);
          if (top.kind >= Frame.Vector) this.syntax(') or . in a vector', tok);
          if (top.dotState === 1) this.syntax('.', tok);
          if (top.dotState === 2) this.syntax('. in wrong context', tok);
          top.dotState = 1;
          continue;
        } else if (type === TOKEN.Hash) {
          const p = tok.payload as HashPayload | LexError;
          if (p instanceof LexError) this.lexError(p, tok);
          const v = this.hash(p, tok);
          if (v === undefined) continue;
          value = v;
        } else if (type === TOKEN.Backquote) {
          this.pushWrap(Qbackquote, tok);
          continue;
        } else if (type === TOKEN.Comma) {
          this.pushWrap(Qcomma, tok);
          continue;
        } else {
          this.pushWrap(Qcomma_at, tok);
          continue;
        }

        // Deliver the completed object to the innermost open construct.
        for (;;) {
          const top = stack[stack.length - 1];
          if (top === undefined) {
            this.endOffset = this.base + tokenEnd(tok);
            return value;
          }
          if (top.kind <= Frame.PropertizedString) {
            if (top.dotState === 0) {
              const cell = new Cons(value, NIL);
              if (top.tail === null) top.head = cell;
              else linkCdr(top.tail, cell);
              top.tail = cell;
            } else if (top.dotState === 1) {
              top.dotValue = value;
              top.dotState = 2;
            } else {
              this.syntax('. in wrong context', tok);
            }
            break;
          }
          if (top.kind <= Frame.ByteCode) {
            top.items!.push(value);
            break;
          }
          stack.pop();
          if (top.kind === Frame.Wrap) {
            const form = new Cons(top.wrapper as LispSymbol, new Cons(value, NIL));
            if (this.source !== null) recordPosition(form, this.source, top.offset);
            value = form;
          } else {
            value = this.closeLabel(top, value);
          }
          this.pool.push(top);
        }
      }
    } finally {
      stack.length = 0;
    }
  }

  /** A cleared frame, reused from earlier lists: lists are the commonest thing read. */
  private open(kind: Frame, offset: number): OpenForm {
    const f = this.pool.pop();
    if (f === undefined) return new OpenForm(kind, offset);
    f.kind = kind;
    f.offset = offset;
    f.head = f.tail = null;
    f.dotState = 0;
    f.dotValue = NIL;
    f.items = null;
    f.wrapper = null;
    return f;
  }

  private pushWrap(symbol: LispSymbol, tok: IToken): void {
    const f = this.open(Frame.Wrap, this.base + tok.startOffset);
    f.wrapper = symbol;
    this.stack.push(f);
  }

  private atom(tok: IToken): LispObject {
    const p = tok.payload as string | LexError | null | undefined;
    if (p != null) {
      if (p instanceof LexError) this.lexError(p, tok);
      return intern(p);
    }
    const s = tok.image;
    const c = s.charCodeAt(0);
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
      const n = parseNumber(s);
      if (n !== undefined) return n;
    }
    return intern(s);
  }

  /** The object a `#' token stands for, or undefined for an opening token. */
  private hash(p: HashPayload, tok: IToken): LispObject | undefined {
    switch (p.kind) {
      case HashKind.FunctionQuote:
        this.pushWrap(Q.function, tok);
        return undefined;
      case HashKind.Uninterned:
        return makeSymbol(p.value as string);
      case HashKind.Interned:
        return intern(p.value as string);
      case HashKind.RecordStart:
        this.stack.push(this.open(Frame.Record, this.base + tok.startOffset));
        return undefined;
      case HashKind.PropertizedStringStart:
        this.stack.push(this.open(Frame.PropertizedString, this.base + tok.startOffset));
        return undefined;
      case HashKind.ByteCodeStart: {
        const f = this.open(Frame.ByteCode, this.base + tok.startOffset);
        f.items = [];
        this.stack.push(f);
        return undefined;
      }
      case HashKind.LabelDefinition: {
        const f = this.open(Frame.Label, this.base + tok.startOffset);
        const placeholder = new Cons(NIL, NIL);
        f.wrapper = placeholder;
        f.label = p.value as number;
        (this.labels ??= new Map()).set(f.label, placeholder);
        this.stack.push(f);
        return undefined;
      }
      case HashKind.LabelReference: {
        const v = this.labels?.get(p.value as number);
        if (v === undefined) this.syntax('#', tok);
        return v;
      }
      case HashKind.Integer:
      case HashKind.BoolVector:
        return p.value as LispObject;
      case HashKind.SkipRest:
        return this.endOfFile();
      case HashKind.SkipRestAsNil:
        return NIL;
      case HashKind.LoadFileName: {
        const v = Qload_file_name.value;
        return typeof v === 'symbol' ? NIL : v;
      }
    }
  }

  private closeList(f: OpenForm, tok: IToken): LispObject {
    let value: LispObject;
    if (f.head === null) {
      // Emacs reads `(. X)' as X.
      value = f.dotState === 2 ? f.dotValue : NIL;
    } else {
      if (f.dotState === 2) linkCdr(f.tail!, f.dotValue);
      value = f.head;
      if (this.source !== null && f.kind === Frame.List) recordPosition(f.head, this.source, f.offset);
    }
    if (f.kind === Frame.Record) return readRecord(value);
    if (f.kind === Frame.PropertizedString) return this.propertizedString(value, tok);
    return value;
  }

  private closeLabel(f: OpenForm, value: LispObject): LispObject {
    const placeholder = f.wrapper as Cons;
    if (value === placeholder) return placeholder;
    if (value instanceof Cons) {
      // As Emacs does, the placeholder becomes the cons, so references to it need no patching.
      setCar(placeholder, value.car);
      setCdr(placeholder, value.cdr);
      copyPosition(value, placeholder);
      return placeholder;
    }
    this.labels!.set(f.label, value);
    substitute(value, placeholder, value);
    return value;
  }

  private propertizedString(l: LispObject, tok: IToken): LispObject {
    if (!(l instanceof Cons) || !(l.car instanceof LispString)) this.syntax('#', tok);
    const s = l.car;
    let rest = l.cdr;
    const triples: LispObject[] = [];
    while (rest instanceof Cons) {
      triples.push(rest.car);
      rest = rest.cdr;
    }
    if (rest !== NIL || triples.length % 3 !== 0) this.syntax('Invalid string property list', tok);
    for (let i = 0; i < triples.length; i += 3) applyStringProperties(s, triples[i], triples[i + 1], triples[i + 2]);
    return s;
  }

  syntax(message: string, tok: IToken | undefined): never {
    const data: LispObject[] = [makeString(message)];
    if (this.syntaxErrorPosition !== null) data.push(...this.syntaxErrorPosition(this.base + (tok ? tokenEnd(tok) : 0)));
    signal(Q.invalid_read_syntax, list(...data));
  }

  endOfFile(): never {
    return signalEndOfFile();
  }

  private lexError(e: LexError, tok: IToken): never {
    if (e.data === null) this.endOfFile();
    if (e.symbol === Q.invalid_read_syntax) this.syntax((e.data as LispString).value, tok);
    signal(e.symbol, e.data);
  }
}

function tokenEnd(tok: IToken): number {
  return tok.startOffset + tok.image.length;
}

/** Signals end-of-file; while loading, the data names the file, as in Emacs. */
export function signalEndOfFile(): never {
  const file = Qload_true_file_name.value;
  signal(Q.end_of_file, file instanceof LispString ? list(file) : NIL);
}

function checkByteCode(v: LispObject[], reader: FormReader, tok: IToken): void {
  const ok =
    v.length >= 4 &&
    (v[0] === NIL || v[0] instanceof Cons || typeof v[0] === 'number') &&
    v[1] instanceof LispString &&
    Array.isArray(v[2]) &&
    typeof v[3] === 'number' &&
    v[3] >= 0;
  // Byte-code objects are vectors until the evaluator gives them a type of their own.
  if (!ok) reader.syntax('Invalid byte-code object', tok);
}

/** Replaces `placeholder' by `replacement' everywhere inside `root' (not inside hash tables, as in Emacs). */
function substitute(root: LispObject, placeholder: Cons, replacement: LispObject): void {
  const seen = new Set<object>();
  const work: LispObject[] = [root];
  while (work.length > 0) {
    const x = work.pop()!;
    if (typeof x !== 'object' || seen.has(x)) continue;
    if (x instanceof Cons) {
      seen.add(x);
      if (x.car === placeholder) setCar(x, replacement);
      else work.push(x.car);
      if (x.cdr === placeholder) setCdr(x, replacement);
      else work.push(x.cdr);
    } else if (Array.isArray(x) || x instanceof LispRecord) {
      seen.add(x);
      const slots = Array.isArray(x) ? x : x.slots;
      for (let i = 0; i < slots.length; i++) {
        if (slots[i] === placeholder) slots[i] = replacement;
        else work.push(slots[i]);
      }
    }
  }
}

// ---- #s(...) -----------------------------------------------------------------------

function plistGet(plist: LispObject, key: LispSymbol): LispObject {
  while (plist instanceof Cons && plist.cdr instanceof Cons) {
    if (plist.car === key) return plist.cdr.car;
    plist = plist.cdr.cdr;
  }
  return NIL;
}

function readRecord(l: LispObject): LispObject {
  if (l instanceof Cons && l.car === Q.hash_table) return readHashTable(l.cdr);
  const slots: LispObject[] = [];
  let rest = l;
  while (rest instanceof Cons) {
    slots.push(rest.car);
    rest = rest.cdr;
  }
  if (rest !== NIL) wrongType(Q.listp, rest);
  if (slots.length === 0) wrongType(Qwholenump, -1);
  return new LispRecord(slots);
}

function hashError(message: string, value: LispObject): never {
  signal(Q.error, list(makeString(message), value));
}

const Qmake_hash_table = intern('make-hash-table');
const HASH_TABLE_PARAMETERS: [LispSymbol, LispSymbol][] = [
  [Q.size, Q.kw_size],
  [Q.test, Q.kw_test],
  [Q.weakness, Q.kw_weakness],
  [Q.rehash_size, Q.kw_rehash_size],
  [Q.rehash_threshold, Q.kw_rehash_threshold],
  [Qpurecopy, intern(':purecopy')],
];

/** `#s(hash-table ...)': as Emacs does, calls make-hash-table with the parameters given. */
function readHashTable(plist: LispObject): LispHashTable {
  const make = Qmake_hash_table.fn;
  let table: LispObject;
  if (make instanceof Subr) {
    const args: LispObject[] = [];
    for (const [name, keyword] of HASH_TABLE_PARAMETERS) {
      const v = plistGet(plist, name);
      if (v !== NIL) args.push(keyword, v);
    }
    table = make.fn(args);
  } else {
    table = makeHashTableFallback(plist);
  }
  const data = plistGet(plist, Q.data);
  let rest = data;
  while (rest instanceof Cons && rest.cdr instanceof Cons) {
    (table as LispHashTable).put(rest.car, rest.cdr.car);
    rest = rest.cdr.cdr;
  }
  if (rest !== NIL) signal(Q.error, list(makeString('Hash table data is not a list of even length')));
  return table as LispHashTable;
}

/** make-hash-table's checks for the built-in tests, when the fns layer is not loaded (unit tests). */
function makeHashTableFallback(plist: LispObject): LispHashTable {
  const testName = plistGet(plist, Q.test);
  const sizeArg = plistGet(plist, Q.size);
  const weaknessArg = plistGet(plist, Q.weakness);
  const rehashSizeArg = plistGet(plist, Q.rehash_size);
  const rehashThresholdArg = plistGet(plist, Q.rehash_threshold);

  let test: HashTableTest | undefined;
  if (testName === NIL || testName === Q.eql) test = eqlTest;
  else if (testName === Q.eq) test = eqTest;
  else if (testName === Q.equal) test = equalTest;
  if (test === undefined) hashError('Invalid hash table test', testName);

  let size = 65;
  if (sizeArg !== NIL) {
    if (typeof sizeArg !== 'number' || sizeArg < 0) hashError('Invalid hash table size', sizeArg);
    size = Math.max(sizeArg, 1);
  }

  let weakness: LispObject = NIL;
  if (weaknessArg === T) weakness = Qkey_and_value;
  else if (weaknessArg === Qkey || weaknessArg === Qvalue || weaknessArg === Qkey_or_value || weaknessArg === Qkey_and_value)
    weakness = weaknessArg;
  else if (weaknessArg !== NIL) hashError('Invalid hash table weakness', weaknessArg);

  let rehashSize = 1.5;
  if (rehashSizeArg !== NIL) {
    const v = rehashSizeArg instanceof LispFloat ? rehashSizeArg.value : rehashSizeArg;
    if (!(typeof v === 'number' && (rehashSizeArg instanceof LispFloat ? v > 1 : v > 0)))
      hashError('Invalid hash table rehash size', rehashSizeArg);
    rehashSize = Math.fround(v);
  }
  let rehashThreshold = 0.8125;
  if (rehashThresholdArg !== NIL) {
    const v = rehashThresholdArg instanceof LispFloat ? rehashThresholdArg.value : NaN;
    if (!(v > 0 && v <= 1)) hashError('Invalid hash table rehash threshold', rehashThresholdArg);
    rehashThreshold = Math.fround(v);
  }

  return new LispHashTable(test, size, weakness, rehashSize, rehashThreshold);
}

// ---- reading strings ------------------------------------------------------------------

interface LexCache {
  text: string;
  end: number;
  stream: TokenStream;
}
let lexCache: LexCache | null = null;

/**
 * A reader positioned at `start16' of text[.., end16), reusing the tokens of
 * the previous call on the same text when `start16' is a token boundary in
 * them, so that reading a long string form by form (read-from-string in a
 * loop) lexes it once.
 */
function readerAt(text: string, start16: number, end16: number): FormReader {
  const c = lexCache;
  if (c !== null && c.text === text && c.end === end16 && start16 >= c.stream.start) {
    const stream = c.stream;
    while (stream.lexedEnd <= start16 && stream.lexedEnd < end16) stream.more();
    const chunks = stream.chunks;
    let k = chunks.length - 1;
    while (k > 0 && chunks[k].base > start16) k--;
    const chunk = chunks[k];
    const rel = start16 - chunk.base;
    const toks = chunk.tokens;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].startOffset < rel) lo = mid + 1;
      else hi = mid;
    }
    const prevEnd = chunk.base + (lo > 0 ? tokenEnd(toks[lo - 1]) : 0);
    if ((lo < toks.length && toks[lo].startOffset === rel) || onlyWhitespaceBetween(text, prevEnd, start16)) {
      return new FormReader(stream, k, lo);
    }
  }
  const stream = new TokenStream(text, start16, end16, true);
  lexCache = { text, end: end16, stream };
  return new FormReader(stream);
}

function onlyWhitespaceBetween(text: string, from: number, to: number): boolean {
  if (from > to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0) return false;
  }
  return true;
}

/** Last conversion between character and UTF-16 indices, so forward scans stay linear. */
let indexMemo = { text: '', chars: 0, units: 0, astral: false };

function memoFor(text: string): typeof indexMemo {
  if (indexMemo.text !== text) indexMemo = { text, chars: 0, units: 0, astral: /[\ud800-\udbff][\udc00-\udfff]/.test(text) };
  return indexMemo;
}

/** UTF-16 index of character index `chars' (Emacs counts characters). */
export function charToUnitIndex(text: string, chars: number): number {
  const m = memoFor(text);
  if (!m.astral) return chars;
  let c = m.chars;
  let u = m.units;
  if (chars < c) (c = 0), (u = 0);
  while (c < chars && u < text.length) {
    const x = text.charCodeAt(u);
    u += x >= 0xd800 && x <= 0xdbff && u + 1 < text.length && (text.charCodeAt(u + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    c++;
  }
  m.chars = c;
  m.units = u;
  return u;
}

/** Character index of UTF-16 index `units'. */
export function unitToCharIndex(text: string, units: number): number {
  const m = memoFor(text);
  if (!m.astral) return units;
  let c = m.chars;
  let u = m.units;
  if (units < u) (c = 0), (u = 0);
  while (u < units) {
    const x = text.charCodeAt(u);
    u += x >= 0xd800 && x <= 0xdbff && u + 1 < text.length && (text.charCodeAt(u + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    c++;
  }
  m.chars = c;
  m.units = u;
  return c;
}

/** Length of a text in characters. */
export function charLength(text: string): number {
  return unitToCharIndex(text, text.length);
}

/**
 * Reads one form from text[start, end) (character indices, as for
 * read-from-string, which checks the range). `end' of the result is the
 * character index just after the form. Signals end-of-file if no complete
 * form is there.
 */
export function readFromString(text: string, start = 0, end?: number): { value: LispObject; end: number } {
  const start16 = charToUnitIndex(text, start);
  const end16 = end === undefined ? text.length : charToUnitIndex(text, end);
  const reader = readerAt(text, start16, end16);
  const value = reader.read();
  if (value === END_OF_INPUT) signalEndOfFile();
  return { value, end: unitToCharIndex(text, reader.endOffset) };
}

// ---- reading files ---------------------------------------------------------------------

export interface SourceReaderOptions {
  /** Record list positions for formPosition (default true). */
  positions?: boolean;
  /**
   * invalid-read-syntax data as `load' reports it, (MESSAGE 1 0); default:
   * true when a file name is given.
   */
  loadErrors?: boolean;
}

const LOAD_ERROR_POSITION = (): LispObject[] => [1, 0];

/** The forms of a source text (a file being loaded, or text evaluated as a whole), one at a time. */
export class SourceReader {
  private readonly reader: FormReader;

  constructor(
    readonly text: string,
    readonly fileName: string | null,
    options: SourceReaderOptions = {},
  ) {
    const source = options.positions === false ? null : new SourceText(text, fileName);
    const loadErrors = options.loadErrors ?? fileName !== null;
    this.reader = new FormReader(new TokenStream(text, 0, text.length, false), 0, 0, {
      source,
      syntaxErrorPosition: loadErrors ? LOAD_ERROR_POSITION : null,
    });
  }

  /** The next form, or END_OF_INPUT when only whitespace and comments remain; signals end-of-file for an unfinished form. */
  next(): LispObject | typeof END_OF_INPUT {
    const value = this.reader.read();
    if (value === END_OF_INPUT && !onlyBlankRemains(this.text, this.reader.endOffset)) signalEndOfFile();
    return value;
  }

  /** UTF-16 offset just after the last form read. */
  get offset(): number {
    return this.reader.endOffset;
  }
}

/**
 * Emacs's load loop skips only spaces, tabs, newlines, formfeeds, returns,
 * NBSP and `;' comments between forms; anything else left at the end (a
 * control character, a `#!' line) makes it call `read', which then meets
 * the end of the file.
 */
function onlyBlankRemains(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 0xa0) continue;
    if (c !== 59) return false;
    const eol = text.indexOf('\n', i);
    if (eol < 0) return true;
    i = eol;
  }
  return true;
}

// ---- the lexical-binding cookie --------------------------------------------------------

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Whether the first line (the second, after a `#!' line) has a
 * `-*- ... lexical-binding: VALUE ... -*-' cookie with VALUE other than nil,
 * as Emacs decides when loading a file.
 */
export function lexicalBindingCookie(text: string): boolean {
  let pos = 0;
  if (text.startsWith('#!')) {
    const nl = text.indexOf('\n');
    if (nl < 0) return false;
    pos = nl + 1;
  }
  if (text.charCodeAt(pos) !== 59) return false;
  let lineEnd = text.indexOf('\n', pos);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(pos, lineEnd);
  let i = line.indexOf('-*-');
  if (i < 0) return false;
  i += 3;
  const n = line.length;
  for (;;) {
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    if (i >= n || line.startsWith('-*-', i)) return false;
    const nameStart = i;
    while (i < n && line.charCodeAt(i) !== 58 && !isBlank(line.charCodeAt(i))) i++;
    const name = line.slice(nameStart, i);
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    if (line.charCodeAt(i) !== 58) return false;
    i++;
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    const valueStart = i;
    while (i < n && line.charCodeAt(i) !== 59 && !isBlank(line.charCodeAt(i)) && !line.startsWith('-*-', i)) i++;
    if (name === 'lexical-binding') return line.slice(valueStart, i) !== 'nil';
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    if (line.charCodeAt(i) !== 59) return false;
    i++;
  }
}
