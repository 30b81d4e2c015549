// xml-parse-region: Emacs 28.2's xml.el parser, as it behaves, over the text
// of a region. Elements become (NAME ATTRIBUTES . CHILDREN) with NAME and
// the attribute names interned, character data becomes strings with entity
// and character references expanded (an unknown one as "?", a named one's
// expansion read again, so &amp;lt; gives "&lt;"), CR LF and lone CR become
// LF, and comments, processing instructions and the DOCTYPE are skipped
// (its <!ENTITY> declarations are used). Quirks kept: text after a comment
// starts a new string, text after a CDATA section joins it, and a
// processing instruction inside an element is an error. With PARSE-NS,
// names carry their namespaces as xml.el's xml-maybe-do-ns gives them.
import {
  type LispObject, LispString, Cons, NIL, T, Q, intern, list, arrayToList, signal, makeString, wrongType,
} from '../lisp/index.js';
import { defun, defvar, declareModule, optional, any } from '../lisp/defun.js';
import { currentBuffer, setCurrentBuffer, isBuffer, type Buffer } from '../buffer/buffer.js';
import { validateRegion } from '../buffer/positions.js';
import { symbolValue } from '../eval/state.js';
import { formatString } from './format.js';

declareModule('xml');

// Bound from the start, as the parser is: lisp/xml.el's defvars then keep these values.
const Qxml_entity_alist = defvar(
  'xml-entity-alist',
  arrayToList([['lt', '&#60;'], ['gt', '>'], ['apos', "'"], ['quot', '"'], ['amp', '&#38;']].map(([k, v]) => new Cons(makeString(k), makeString(v)))),
);
const Qxml_undefined_entity = defvar('xml-undefined-entity', makeString('?'));

const NAME = /[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*/y;
const REFERENCE = /&(?:#(x)?([0-9a-fA-F]+)|([A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*));/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Signals (error MESSAGE) with ARGS formatted in as format-message does (curved quotes). */
function xmlError(message: string, ...args: string[]): never {
  signal(Q.error, list(formatString(makeString(message), args.map((a) => makeString(a)), true)));
}

/** The entities in force: xml-entity-alist's, then the document's own. */
function entityTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (let p: LispObject = symbolValue(Qxml_entity_alist); p instanceof Cons; p = p.cdr) {
    const entry = p.car;
    if (entry instanceof Cons && entry.car instanceof LispString && entry.cdr instanceof LispString && !table.has(entry.car.value)) {
      table.set(entry.car.value, entry.cdr.value);
    }
  }
  return table;
}

function undefinedEntity(): string {
  const v = symbolValue(Qxml_undefined_entity);
  return v instanceof LispString ? v.value : '?';
}

/**
 * TEXT with its references expanded: a character reference once, a named
 * one's expansion read again from its start.
 */
function expandReferences(text: string, entities: Map<string, string>, strict: boolean): string {
  let s = text;
  let i = 0;
  for (;;) {
    const amp = s.indexOf('&', i);
    if (amp < 0) return s;
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(s);
    if (m === null) {
      if (strict) xmlError('XML: (Not Well-Formed) Invalid entity reference');
      i = amp + 1;
      continue;
    }
    if (m[2] !== undefined) {
      const code = parseInt(m[2], m[1] !== undefined ? 16 : 10);
      const replacement = code <= 0x10ffff ? String.fromCodePoint(code) : undefinedEntity();
      s = s.slice(0, amp) + replacement + s.slice(amp + m[0].length);
      i = amp + replacement.length;
    } else {
      s = s.slice(0, amp) + (entities.get(m[3]) ?? undefinedEntity()) + s.slice(amp + m[0].length);
      i = amp;
    }
  }
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

/** Namespace processing (PARSE-NS): the prefix bindings in scope, innermost first. */
interface Namespaces {
  /** 'symbol-qnames: names become symbols URI+LOCAL instead of (URI . LOCAL). */
  symbols: boolean;
  bindings: [prefix: string | null, uri: LispObject][];
}

const DEFAULT_NAMESPACES: [string, string][] = [['', ''], ['xml', 'http://www.w3.org/XML/1998/namespace'], ['xmlns', XMLNS_URI]];

function namespacesOf(parseNs: LispObject): Namespaces | null {
  if (parseNs === NIL) return null;
  const fromAlist = (alist: LispObject): [string | null, LispObject][] => {
    const out: [string | null, LispObject][] = [];
    for (let p = alist; p instanceof Cons; p = p.cdr) {
      const e = p.car;
      if (e instanceof Cons) out.push([e.car instanceof LispString ? e.car.value : null, e.cdr]);
    }
    return out;
  };
  const defaults = (): [string | null, LispObject][] => DEFAULT_NAMESPACES.map(([k, v]) => [k, makeString(v)]);
  if (parseNs === intern('symbol-qnames')) return { symbols: true, bindings: defaults() };
  if (parseNs instanceof Cons && parseNs.car === intern('symbol-qnames')) return { symbols: true, bindings: fromAlist(parseNs.cdr) };
  if (parseNs instanceof Cons && parseNs.car instanceof Cons) return { symbols: false, bindings: fromAlist(parseNs) };
  return { symbols: false, bindings: defaults() };
}

/** NAME as xml.el names it: a symbol, or with namespaces (URI . LOCAL) or the symbol URI+LOCAL. */
function qualifiedName(name: string, defaultPrefix: string | null, ns: Namespaces | null): LispObject {
  if (ns === null) return intern(name);
  const colon = name.indexOf(':');
  const local = colon >= 0 ? name.slice(colon + 1) : name;
  const prefix = colon >= 0 ? name.slice(0, colon) : defaultPrefix;
  const special = local === 'xmlns' && prefix === null;
  const key = special ? 'xmlns' : prefix;
  const found = ns.bindings.find(([p]) => p === key);
  const uri = found !== undefined && found[1] !== NIL ? found[1] : makeString('');
  const uriText = uri instanceof LispString ? uri.value : '';
  if (ns.symbols && !special && prefix !== 'xmlns') return intern(uriText + local);
  return new Cons(uri, makeString(special ? '' : local));
}

class XmlParser {
  pos = 0;
  private readonly entities = entityTable();

  constructor(
    private readonly text: string,
    private readonly rootNamespaces: Namespaces | null = null,
  ) {}

  private lookingAt(prefix: string): boolean {
    return this.text.startsWith(prefix, this.pos);
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  private skipPast(marker: string, what: string): void {
    const at = this.text.indexOf(marker, this.pos);
    if (at < 0) signal(Q.search_failed, list(makeString(what)));
    this.pos = at + marker.length;
  }

  /** Character data up to the next `<`, references expanded, line ends made LF. */
  parseString(): string {
    const lt = this.text.indexOf('<', this.pos);
    const end = lt < 0 ? this.text.length : lt;
    const raw = this.text.slice(this.pos, end);
    this.pos = end;
    return expandReferences(raw, this.entities, true).replace(/\r\n?/g, '\n');
  }

  /** A DOCTYPE declaration, keeping the internal subset's general entities. */
  private skipDoctype(): void {
    let depth = 0;
    let i = this.pos;
    const declaration = /<!ENTITY\s+([^\s%]+)\s+("([^"]*)"|'([^']*)')\s*>/y;
    for (; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '"' || c === "'") {
        const close = this.text.indexOf(c, i + 1);
        if (close < 0) break;
        i = close;
      } else if (c === '<' && depth > 0) {
        declaration.lastIndex = i;
        const m = declaration.exec(this.text);
        if (m !== null) {
          if (!this.entities.has(m[1])) this.entities.set(m[1], m[3] ?? m[4]);
          i = declaration.lastIndex - 1;
        }
      } else if (c === '>' && depth <= 0) break;
    }
    this.pos = Math.min(i + 1, this.text.length);
  }

  private attributes(ns: Namespaces | null): LispObject {
    const seen = new Set<string>();
    const pairs: LispObject[] = [];
    this.skipWhitespace();
    for (;;) {
      NAME.lastIndex = this.pos;
      const m = NAME.exec(this.text);
      if (m === null) break;
      let i = NAME.lastIndex;
      while (/[ \t\n\r]/.test(this.text[i] ?? '')) i++;
      if (this.text[i] !== '=') break;
      i++;
      while (/[ \t\n\r]/.test(this.text[i] ?? '')) i++;
      const quote = this.text[i];
      const close = quote === '"' || quote === "'" ? this.text.indexOf(quote, i + 1) : -1;
      if (close < 0) xmlError('XML: (Not Well-Formed) Attribute values must be given between quotes');
      if (seen.has(m[0])) xmlError('XML: (Not Well-Formed) Each attribute must be unique within an element');
      seen.add(m[0]);
      const value = expandReferences(this.text.slice(i + 1, close), this.entities, false);
      pairs.push(new Cons(qualifiedName(m[0], null, ns), makeString(value)));
      this.pos = close + 1;
      this.skipWhitespace();
    }
    return arrayToList(pairs);
  }

  /**
   * What follows point: an element, a string (CDATA, or text after a comment
   * when subParser), or NIL at an end tag.
   */
  parseTag(subParser: boolean, ns: Namespaces | null = this.rootNamespaces): LispObject {
    if (this.lookingAt('<?')) {
      this.skipPast('?>', '?>');
      this.skipWhitespace();
      return this.parseTag(subParser, ns);
    }
    if (this.lookingAt('<![CDATA[')) {
      const start = this.pos + 9;
      const end = this.text.indexOf(']]>', start);
      if (end < 0) xmlError('XML: (Not Well Formed) CDATA section does not end anywhere in the document');
      this.pos = end + 3;
      return makeString(this.text.slice(start, end) + this.parseString());
    }
    if (/^<!DOCTYPE[ \t\n\r]/.test(this.text.slice(this.pos, this.pos + 10))) {
      this.skipDoctype();
      this.skipWhitespace();
      return this.parseTag(false, ns);
    }
    if (this.lookingAt('<!--')) {
      this.skipPast('-->', '-->');
      this.skipWhitespace();
      return this.pos >= this.text.length ? NIL : this.parseTag(true, ns);
    }
    if (this.lookingAt('</')) return NIL;
    NAME.lastIndex = this.pos + 1;
    const m = this.text[this.pos] === '<' ? NAME.exec(this.text) : null;
    if (m !== null) return this.element(m[0], ns);
    if (!subParser) xmlError('XML: (Well-Formed) Invalid character');
    const s = this.parseString();
    if (s === '') xmlError('XML: (Not Well-Formed) Could not parse: %s', this.text.slice(this.pos, this.pos + 10));
    return makeString(s);
  }

  private element(name: string, outer: Namespaces | null): LispObject {
    this.pos += 1 + name.length;
    const attributes = this.attributes(outer);
    // The element's xmlns attributes bind prefixes for it and what it contains.
    let ns = outer;
    if (outer !== null) {
      let inner: Namespaces | null = null;
      for (let p: LispObject = attributes; p instanceof Cons; p = p.cdr) {
        const key = (p.car as Cons).car;
        if (key instanceof Cons && key.car instanceof LispString && key.car.value === XMLNS_URI && key.cdr instanceof LispString) {
          inner ??= { symbols: outer.symbols, bindings: [...outer.bindings] };
          inner.bindings.unshift([key.cdr.value, (p.car as Cons).cdr]);
        }
      }
      if (inner !== null) ns = inner;
    }
    const tag = qualifiedName(name, '', ns);
    const children: LispObject[] = [];
    if (this.lookingAt('/>')) {
      this.pos += 2;
      return new Cons(tag, new Cons(attributes, NIL));
    }
    if (this.text[this.pos] !== '>') {
      xmlError("XML: (Well-Formed) Couldn't parse tag: %s", this.text.slice(Math.max(0, this.pos - 10), this.pos + 1));
    }
    this.pos++;
    const endTag = new RegExp(`</${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t\\n\\r]*>`, 'y');
    for (;;) {
      endTag.lastIndex = this.pos;
      if (endTag.test(this.text)) {
        this.pos = endTag.lastIndex;
        break;
      }
      if (this.pos >= this.text.length) xmlError('XML: (Not Well-Formed) End of document while reading element `%s\'', name);
      if (this.lookingAt('</')) {
        const rest = this.text.slice(this.pos + 2);
        const close = /[ \t\n\r]*>/.exec(rest);
        xmlError("XML: (Not Well-Formed) Invalid end tag `%s' (expecting `%s')", close === null ? rest : rest.slice(0, close.index), name);
      }
      if (this.text[this.pos] === '<') {
        const child = this.parseTag(false, ns);
        if (child !== NIL) children.push(child);
      } else {
        const s = this.parseString();
        // Text right after a string (CDATA, say) joins it.
        const last = children[children.length - 1];
        if (last instanceof LispString) children[children.length - 1] = makeString(last.value + s);
        else children.push(makeString(s));
      }
    }
    return new Cons(tag, new Cons(attributes, arrayToList(children)));
  }

  document(): LispObject {
    const nodes: LispObject[] = [];
    while (this.pos < this.text.length) {
      const lt = this.text.indexOf('<', this.pos);
      if (lt < 0) break;
      this.pos = lt;
      const node = this.parseTag(false);
      if (node === NIL) {
        if (this.pos < this.text.length) this.pos++;
      } else if (nodes.length > 0) xmlError('XML: (Not Well-Formed) Only one root tag allowed');
      else if (node instanceof LispString) wrongType(Q.listp, node);
      else nodes.push(node);
    }
    return arrayToList(nodes);
  }
}

defun('xml-parse-region', [optional(any), optional(any), optional(any), optional(any), optional(any)], (beg, end, buffer, _parseDtd, parseNs) => {
  const saved = currentBuffer();
  try {
    if (buffer !== NIL) {
      if (!isBuffer(buffer)) wrongType(Q.bufferp, buffer);
      setCurrentBuffer(buffer as unknown as Buffer);
    }
    const buf = currentBuffer();
    const [s, e] = validateRegion(beg === NIL ? buf.begv : beg, end === NIL ? buf.zv : end);
    return new XmlParser(buf.substring(s, e), namespacesOf(parseNs)).document();
  } finally {
    setCurrentBuffer(saved);
  }
});

defun('xml-substitute-special', [any], (string) => {
  if (!(string instanceof LispString)) return wrongType(Q.stringp, string);
  return makeString(expandReferences(string.value, entityTable(), false));
});

// ---- libxml-parse-xml-region ------------------------------------------------------------
//
// The tree libxml2 gives Emacs: whitespace-only text dropped, CDATA and
// text as separate strings, comments as (comment nil TEXT), processing
// instructions as nil, namespace prefixes and xmlns attributes left out;
// several top-level nodes (comments, say) come as (top nil ...). A document
// that is not well-formed gives nil.

class NotWellFormed {}

const Qcomment = intern('comment');
const Qtop = intern('top');
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

class LibxmlParser {
  pos = 0;
  constructor(private readonly text: string) {}

  private fail(): never {
    throw new NotWellFormed();
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  private expand(raw: string): string {
    return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[^;&\s]+);|&/g, (all, ref: string | undefined) => {
      if (ref === undefined) this.fail();
      if (ref[0] === '#') {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!(code > 0 && code <= 0x10ffff)) this.fail();
        return String.fromCodePoint(code);
      }
      const v = PREDEFINED[ref];
      if (v === undefined) this.fail();
      return v;
    });
  }

  private until(marker: string): string {
    const end = this.text.indexOf(marker, this.pos);
    if (end < 0) this.fail();
    const s = this.text.slice(this.pos, end);
    this.pos = end + marker.length;
    return s;
  }

  private localName(name: string): string {
    const colon = name.indexOf(':');
    return colon >= 0 ? name.slice(colon + 1) : name;
  }

  /** A comment, processing instruction or CDATA at point as a node (NIL for a PI), or undefined. */
  private special(): LispObject | undefined {
    if (this.text.startsWith('<!--', this.pos)) {
      this.pos += 4;
      return list(Qcomment, NIL, makeString(this.until('-->')));
    }
    if (this.text.startsWith('<?', this.pos)) {
      this.pos += 2;
      this.until('?>');
      return NIL;
    }
    if (this.text.startsWith('<![CDATA[', this.pos)) {
      this.pos += 9;
      return makeString(this.until(']]>'));
    }
    return undefined;
  }

  private element(): LispObject {
    this.pos++;
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.text);
    if (m === null) this.fail();
    this.pos = NAME.lastIndex;
    const attributes: LispObject[] = [];
    const seen = new Set<string>();
    for (;;) {
      const before = this.pos;
      this.skipWhitespace();
      if (this.text.startsWith('/>', this.pos)) {
        this.pos += 2;
        return new Cons(intern(this.localName(m[0])), new Cons(arrayToList(attributes), NIL));
      }
      if (this.text[this.pos] === '>') {
        this.pos++;
        break;
      }
      NAME.lastIndex = this.pos;
      const a = NAME.exec(this.text);
      if (a === null || this.pos === before) this.fail();
      this.pos = NAME.lastIndex;
      this.skipWhitespace();
      if (this.text[this.pos] !== '=') this.fail();
      this.pos++;
      this.skipWhitespace();
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'") this.fail();
      this.pos++;
      const value = this.expand(this.until(quote));
      if (seen.has(a[0])) this.fail();
      seen.add(a[0]);
      if (a[0] !== 'xmlns' && !a[0].startsWith('xmlns:')) attributes.push(new Cons(intern(this.localName(a[0])), makeString(value)));
    }
    const children: LispObject[] = [];
    for (;;) {
      if (this.pos >= this.text.length) this.fail();
      if (this.text.startsWith('</', this.pos)) {
        this.pos += 2;
        const close = this.until('>').trimEnd();
        if (close !== m[0]) this.fail();
        return new Cons(intern(this.localName(m[0])), new Cons(arrayToList(attributes), arrayToList(children)));
      }
      if (this.text[this.pos] === '<') {
        const node = this.special();
        children.push(node === undefined ? this.element() : node);
        continue;
      }
      const lt = this.text.indexOf('<', this.pos);
      const raw = this.text.slice(this.pos, lt < 0 ? this.text.length : lt);
      this.pos = lt < 0 ? this.text.length : lt;
      if (!/^[ \t\n\r]*$/.test(raw)) children.push(makeString(this.expand(raw).replace(/\r\n?/g, '\n')));
    }
  }

  document(): LispObject {
    const nodes: LispObject[] = [];
    let root = false;
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.text.length) break;
      if (this.text[this.pos] !== '<') this.fail();
      if (/^<!DOCTYPE[ \t\n\r>]/.test(this.text.slice(this.pos, this.pos + 10))) {
        // The declaration, internal subset and all.
        let depth = 0;
        for (; this.pos < this.text.length; this.pos++) {
          const c = this.text[this.pos];
          if (c === '[') depth++;
          else if (c === ']') depth--;
          else if (c === '>' && depth <= 0) break;
        }
        this.pos++;
        continue;
      }
      const node = this.special();
      if (node === NIL) continue;
      if (node !== undefined) {
        if (node instanceof LispString) this.fail();
        nodes.push(node);
        continue;
      }
      if (root) this.fail();
      root = true;
      nodes.push(this.element());
    }
    if (nodes.length === 0) return NIL;
    return nodes.length === 1 ? nodes[0] : new Cons(Qtop, new Cons(NIL, arrayToList(nodes)));
  }
}

defun('libxml-parse-xml-region', [optional(any), optional(any), optional(any), optional(any)], (start, end) => {
  const buf = currentBuffer();
  const [s, e] = validateRegion(start === NIL ? buf.begv : start, end === NIL ? buf.zv : end);
  try {
    return new LibxmlParser(buf.substring(s, e)).document();
  } catch (err) {
    if (err instanceof NotWellFormed) return NIL;
    throw err;
  }
});

// Both of libxml's parsers are here: this one and html.ts.
defun('libxml-available-p', [], () => T);
