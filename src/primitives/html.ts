// libxml-parse-html-region: the tree libxml2's HTML parser gives Emacs 28.2
// for HTML as it is found, as probed in Emacs. The structure is implied
// (html, head for title/meta/link/script/style/base, body for the rest,
// bare text wrapped in p); a start tag closes the current elements its
// entry in START_CLOSE names; an end tag closes through elements of no
// higher priority and is ignored otherwise; whitespace is dropped where
// libxml2 calls it blank (see `blank`); names are lower-cased; only HTML 4's
// void elements are empty; HTML 4 entities are expanded, unknown ones kept.
import { type LispObject, Cons, NIL, intern, list, arrayToList, makeString } from '../lisp/index.js';
import { defun, declareModule, optional, any } from '../lisp/defun.js';
import { currentBuffer } from '../buffer/buffer.js';
import { validateRegion } from '../buffer/positions.js';
import { htmlEntity } from './html-entities.js';

declareModule('xml');

const words = (s: string): Set<string> => new Set(s.split(' '));

const VOID = words('area base basefont br col frame hr img input isindex link meta param');
const RAW_TEXT = words('script style');
const HEAD_CONTENT = words('script style meta link title base');
const BOOLEAN_ATTRIBUTES = words('checked compact declare defer disabled ismap multiple nohref noresize noshade nowrap readonly selected');
/** Elements in which libxml2 keeps whitespace (its allowPCData list). */
const PCDATA = words(
  'a abbr acronym address applet b bdo big blockquote body button caption center cite code dd del dfn div dt em font form ' +
    'h1 h2 h3 h4 h5 h6 i iframe ins kbd label legend li map menu object p pre q s samp small span strike strong td th tt u var',
);
const HEADINGS = 'h1 h2 h3 h4 h5 h6';

/**
 * For a start tag, the elements it closes while they are the current one,
 * written as "OLD is closed by NEW..." from what libxml2 did in Emacs (a
 * head is closed by any tag that does not belong in it: see autoClose).
 */
const START_CLOSE = new Map<string, Set<string>>();
function closedBy(old: string, byTags: string): void {
  for (const o of old.split(' ')) {
    for (const t of byTags.split(' ')) {
      if (!START_CLOSE.has(t)) START_CLOSE.set(t, new Set());
      START_CLOSE.get(t)!.add(o);
    }
  }
}
closedBy(
  'p',
  `p div ul ol li table ${HEADINGS} pre form hr dl dt dd blockquote address center title td th tr caption col colgroup tbody tfoot fieldset menu dir xmp listing frameset`,
);
closedBy('li', 'li');
closedBy('b i', 'p center td th');
closedBy('u', 'p td th');
closedBy('s strike big small tt', 'p');
closedBy('a', 'table a td th fieldset');
closedBy('span', 'td th');
closedBy('font', 'center td th');
closedBy('dt', 'dl dd');
closedBy('dd', 'dt');
closedBy('option', 'option optgroup');
closedBy('td th', 'td th tr tbody tfoot');
closedBy('tr', 'tr tbody tfoot');
closedBy(HEADINGS, 'p li table form fieldset');
closedBy('ul', 'ol pre form address menu');
closedBy('ol', 'ul form');
closedBy('form', 'form');
closedBy('dl', 'li form');
closedBy('menu dir address', 'ul form dl dt dd');
closedBy('address', 'li');
closedBy('pre xmp listing', 'ul li table form dl dt dd fieldset');
closedBy('caption', 'tr col colgroup tbody thead tfoot');
closedBy('colgroup', 'tr colgroup tbody thead tfoot');
closedBy('thead', 'tbody tfoot');
closedBy('tbody', 'tbody tfoot');
closedBy('tfoot', 'tbody');
closedBy('legend', 'fieldset');

const END_PRIORITY = new Map<string, number>([
  ['div', 150], ['td', 160], ['th', 160], ['tr', 170], ['thead', 180], ['tbody', 180], ['tfoot', 180], ['table', 190],
  ['head', 200], ['body', 200], ['html', 220],
]);
const priority = (tag: string): number => END_PRIORITY.get(tag) ?? 100;

class Element {
  readonly children: (Element | string | LispObject)[] = [];
  constructor(
    readonly tag: string,
    readonly attributes: [string, string][],
  ) {}

  toLisp(): LispObject {
    const attributes = arrayToList(this.attributes.map(([k, v]) => new Cons(intern(k), makeString(v))));
    const children = this.children.map((c) => (c instanceof Element ? c.toLisp() : typeof c === 'string' ? makeString(c) : c));
    return new Cons(intern(this.tag), new Cons(attributes, arrayToList(children)));
  }
}

const NAME = /[A-Za-z][A-Za-z0-9_:.-]*/y;

function decodeEntities(text: string): string {
  return text.replace(/&(#[xX]?)?([A-Za-z0-9]*);?/g, (all: string, hash: string | undefined, body: string) => {
    if (hash !== undefined) {
      const hex = hash.length === 2;
      const digits = hex ? /^[0-9a-fA-F]+/.exec(body) : /^[0-9]+/.exec(body);
      // A reference without digits loses its "&#" (and "x"), as libxml2 drops them.
      if (digits === null) return all.slice(hash.length + 1);
      const code = parseInt(digits[0], hex ? 16 : 10);
      const rest = all.slice(1 + hash.length + digits[0].length);
      return (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '') + rest.replace(/^;/, '');
    }
    if (!all.endsWith(';')) return all;
    const code = htmlEntity(body);
    return code === undefined ? all : String.fromCodePoint(code);
  });
}

class HtmlParser {
  private pos = 0;
  private readonly stack: Element[] = [];
  private readonly top: (Element | LispObject)[] = [];
  private html: Element | null = null;
  private headSeen = false;
  private bodySeen = false;

  constructor(private readonly text: string) {}

  private get current(): Element | null {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
  }

  private append(node: Element | string | LispObject): void {
    const parent = this.current;
    if (parent !== null) {
      const last = parent.children[parent.children.length - 1];
      // Adjacent text becomes one string.
      if (typeof node === 'string' && typeof last === 'string') parent.children[parent.children.length - 1] = last + node;
      else parent.children.push(node);
    } else if (node instanceof Element || typeof node !== 'string') this.top.push(node as Element | LispObject);
  }

  private push(tag: string, attributes: [string, string][] = []): Element {
    const element = new Element(tag, attributes);
    this.append(element);
    this.stack.push(element);
    if (tag === 'html') this.html = element;
    if (tag === 'head') this.headSeen = true;
    if (tag === 'body') this.bodySeen = true;
    return element;
  }

  private autoClose(tag: string): void {
    const closed = START_CLOSE.get(tag);
    // A (perhaps misplaced) html, head or body tag closes everything below the document's structure.
    const structure = tag === 'html' || tag === 'body' ? ['html', 'body'] : tag === 'head' ? ['html', 'body', 'head'] : null;
    for (;;) {
      const current = this.current;
      if (current === null) return;
      const closes =
        structure !== null
          ? !structure.includes(current.tag)
          : current.tag === 'head'
            ? !HEAD_CONTENT.has(tag)
            : closed?.has(current.tag) === true;
      if (!closes) return;
      this.stack.pop();
    }
  }

  private checkImplied(tag: string): void {
    if (this.stack.length === 0) {
      if (tag === 'html') return;
      this.push('html');
    }
    if (tag === 'body' || tag === 'head') return;
    if (this.stack.length <= 1 && HEAD_CONTENT.has(tag)) {
      if (this.headSeen) return;
      this.push('head');
    } else if (tag !== 'noframes' && tag !== 'frame' && tag !== 'frameset') {
      if (this.bodySeen) return;
      if (this.stack.some((e) => e.tag === 'body' || e.tag === 'head')) return;
      this.push('body');
    }
  }

  private startTag(tag: string, attributes: [string, string][]): void {
    this.autoClose(tag);
    // A second html, head or body is dropped, after closing what it closes.
    if (tag === 'html' && this.html !== null) return;
    if ((tag === 'head' && this.headSeen) || (tag === 'body' && this.bodySeen)) return;
    this.checkImplied(tag);
    const element = this.push(tag, attributes);
    if (VOID.has(tag)) this.stack.pop();
    else if (RAW_TEXT.has(tag)) {
      const end = this.text.slice(this.pos).search(new RegExp(`</${tag}[\\s>]`, 'i'));
      const stop = end < 0 ? this.text.length : this.pos + end;
      if (stop > this.pos) element.children.push(this.text.slice(this.pos, stop));
      this.pos = stop;
    }
  }

  private endTag(tag: string): void {
    if (tag === 'html') return;
    let i = this.stack.length - 1;
    while (i >= 0 && this.stack[i].tag !== tag) i--;
    if (i < 0) return;
    const p = priority(tag);
    for (let j = this.stack.length - 1; j > i; j--) if (priority(this.stack[j].tag) > p) return;
    this.stack.length = i;
  }

  /** libxml2's areBlanks: whitespace before a tag, the end, or a comment that it drops. */
  private blank(): boolean {
    if (this.pos >= this.text.length) return true;
    const current = this.current;
    if (current === null || current.tag === 'html' || current.tag === 'head') return true;
    let k = current.children.length - 1;
    while (k >= 0 && !(current.children[k] instanceof Element) && typeof current.children[k] !== 'string') k--;
    if (k < 0) return !PCDATA.has(current.tag);
    const last = current.children[k];
    if (typeof last === 'string') return false;
    return !PCDATA.has((last as Element).tag);
  }

  private characters(raw: string): void {
    const text = decodeEntities(raw);
    if (/^[ \t\n\r]*$/.test(raw)) {
      if (this.blank()) return;
    } else {
      const current = this.current;
      if (current === null || current.tag === 'html' || current.tag === 'head') {
        this.autoClose('p');
        this.checkImplied('p');
        this.push('p');
      }
    }
    this.append(text);
  }

  private attributes(): [string, string][] {
    const out: [string, string][] = [];
    const seen = new Set<string>();
    for (;;) {
      while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
      const c = this.text[this.pos];
      if (c === undefined || c === '>' || (c === '/' && this.text[this.pos + 1] === '>')) return out;
      const m = /[^\s"'>/=]+/y;
      m.lastIndex = this.pos;
      const name = m.exec(this.text);
      if (name === null) {
        this.pos++;
        continue;
      }
      this.pos = m.lastIndex;
      // Without a value: HTML 4's boolean attributes take their name; libxml2 drops any other.
      let value: string | null = BOOLEAN_ATTRIBUTES.has(name[0].toLowerCase()) ? name[0].toLowerCase() : null;
      let i = this.pos;
      while (/[ \t\n\r]/.test(this.text[i] ?? '')) i++;
      if (this.text[i] === '=') {
        i++;
        while (/[ \t\n\r]/.test(this.text[i] ?? '')) i++;
        const q = this.text[i];
        if (q === '"' || q === "'") {
          const close = this.text.indexOf(q, i + 1);
          const end = close < 0 ? this.text.length : close;
          value = decodeEntities(this.text.slice(i + 1, end));
          this.pos = end + 1;
        } else {
          const v = /[^\s>]*/y;
          v.lastIndex = i;
          value = decodeEntities(v.exec(this.text)![0]);
          this.pos = v.lastIndex;
        }
      }
      const key = name[0].toLowerCase();
      if (value !== null && !seen.has(key)) out.push([key, value]);
      seen.add(key);
    }
  }

  document(): LispObject {
    const t = this.text;
    while (this.pos < t.length) {
      const lt = t.indexOf('<', this.pos);
      if (lt !== this.pos) {
        const end = lt < 0 ? t.length : lt;
        const raw = t.slice(this.pos, end);
        this.pos = end;
        this.characters(raw);
        continue;
      }
      if (t.startsWith('<!--', lt)) {
        const close = t.indexOf('-->', lt + 4);
        const end = close < 0 ? t.length : close;
        this.append(list(intern('comment'), NIL, makeString(t.slice(lt + 4, end))));
        this.pos = close < 0 ? t.length : close + 3;
        continue;
      }
      if (t[lt + 1] === '!' || t[lt + 1] === '?') {
        const close = t.indexOf('>', lt);
        this.pos = close < 0 ? t.length : close + 1;
        continue;
      }
      const closing = t[lt + 1] === '/';
      NAME.lastIndex = lt + (closing ? 2 : 1);
      const m = NAME.exec(t);
      if (m === null) {
        // A "<" that starts no tag is text.
        this.pos = lt + 1;
        this.characters('<');
        continue;
      }
      this.pos = NAME.lastIndex;
      const tag = m[0].toLowerCase();
      if (closing) {
        const close = t.indexOf('>', this.pos);
        this.pos = close < 0 ? t.length : close + 1;
        this.endTag(tag);
        continue;
      }
      const attributes = this.attributes();
      if (t[this.pos] === '/') this.pos++;
      if (t[this.pos] === '>') this.pos++;
      this.startTag(tag, attributes);
    }
    if (this.html === null) return this.top.length === 0 ? NIL : new Cons(intern('top'), new Cons(NIL, arrayToList(this.top.map(toLispNode))));
    const nodes = this.top.map(toLispNode);
    return nodes.length === 1 ? nodes[0] : new Cons(intern('top'), new Cons(NIL, arrayToList(nodes)));
  }
}

function toLispNode(node: Element | LispObject): LispObject {
  return node instanceof Element ? node.toLisp() : node;
}

defun('libxml-parse-html-region', [optional(any), optional(any), optional(any), optional(any)], (start, end) => {
  const buf = currentBuffer();
  const [s, e] = validateRegion(start === NIL ? buf.begv : start, end === NIL ? buf.zv : end);
  return new HtmlParser(buf.substring(s, e)).document();
});
