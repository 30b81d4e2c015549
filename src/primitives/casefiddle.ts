// casefiddle.c: upcase, downcase, capitalize, upcase-initials on characters
// and strings. Character mappings follow Emacs 28.2's standard case table;
// strings also get Unicode's unconditional special casing (ß → SS) and the
// Greek final sigma, as Emacs does. Word boundaries for capitalization come
// from word syntax in the current buffer's syntax table.
import { type LispObject, LispString, wrongType, Q, RAW_BYTE_BASE, isAsciiText } from '../lisp/index.js';
import { declareModule, defun, any } from '../lisp/defun.js';
import { syntaxClass, Syn } from '../regex/syntax.js';

declareModule('casefiddle');

// Tables generated from Emacs 28.2's behaviour, all numbers base 36.
/** Case pairs: "delta-from-previous-start.count.stride.upDelta.downDelta". */
const CASE_RUNS = '1t.q.1.0.w w.q.1.-w.0 2c.1.1.kn.0 b.n.1.0.w o.7.1.0.w 7.1.1.5vj.0 1.n.1.-w.0 o.7.1.-w.0 7.1.1.3d.0 1.o.2.0.1 1.o.2.-1.0 1d.3.2.0.1 1.3.2.-1.0 6.8.2.0.1 1.8.2.-1.0 g.n.2.0.1 1.n.2.-1.0 19.1.1.0.-3d 1.3.2.0.1 1.3.2.-1.0 6.1.1.5f.0 1.1.1.0.5u 1.2.2.0.1 1.2.2.-1.0 3.1.1.0.5q 1.1.1.0.1 1.1.1.-1.0 1.2.1.0.5p 2.1.1.0.1 1.1.1.-1.0 2.1.1.0.27 1.1.1.0.5m 1.1.1.0.5n 1.1.1.0.1 1.1.1.-1.0 1.1.1.0.5p 1.1.1.0.5r 1.1.1.2p.0 1.1.1.0.5v 1.1.1.0.5t 1.1.1.0.1 1.1.1.-1.0 1.1.1.4j.0 2.1.1.0.5v 1.1.1.0.5x 1.1.1.3m.0 1.1.1.0.5y 1.3.2.0.1 1.3.2.-1.0 5.1.1.0.62 1.1.1.0.1 1.1.1.-1.0 1.1.1.0.62 3.1.1.0.1 1.1.1.-1.0 1.1.1.0.62 1.1.1.0.1 1.1.1.-1.0 1.2.1.0.61 2.2.2.0.1 1.2.2.-1.0 3.1.1.0.63 1.1.1.0.1 1.1.1.-1.0 3.1.1.0.1 1.1.1.-1.0 2.1.1.1k.0 5.1.1.0.2 1.1.1.-1.1 1.1.1.-2.0 1.1.1.0.2 1.1.1.-1.1 1.1.1.-2.0 1.1.1.0.2 1.1.1.-1.1 1.1.1.-2.0 1.8.2.0.1 1.8.2.-1.0 f.1.1.-27.0 1.9.2.0.1 1.9.2.-1.0 i.1.1.0.2 1.1.1.-1.1 1.1.1.-2.0 1.1.1.0.1 1.1.1.-1.0 1.1.1.0.-2p 1.1.1.0.-1k 1.k.2.0.1 1.k.2.-1.0 13.1.1.0.-3m 2.9.2.0.1 1.9.2.-1.0 n.1.1.0.8bv 1.1.1.0.1 1.1.1.-1.0 1.1.1.0.-4j 1.1.1.0.8bs 1.2.1.8cf.0 2.1.1.0.1 1.1.1.-1.0 1.1.1.0.-5f 1.1.1.0.1x 1.1.1.0.1z 1.5.2.0.1 1.5.2.-1.0 9.1.1.8bj.0 1.1.1.8bg.0 1.1.1.8bi.0 1.1.1.-5u.0 1.1.1.-5q.0 2.2.1.-5p.0 3.1.1.-5m.0 2.1.1.-5n.0 1.1.1.wnj.0 4.1.1.-5p.0 1.1.1.wnf.0 2.1.1.-5r.0 2.1.1.wmg.0 1.1.1.wn8.0 2.1.1.-5t.0 1.1.1.-5v.0 1.1.1.wn8.0 1.1.1.8af.0 1.1.1.wn5.0 3.1.1.-5v.0 2.1.1.8al.0 1.1.1.-5x.0 3.1.1.-5y.0 8.1.1.89z.0 3.1.1.-62.0 2.1.1.wn7.0 1.1.1.-62.0 4.1.1.wmi.0 1.1.1.-62.0 1.1.1.-1x.0 1.2.1.-61.0 2.1.1.-1z.0 6.1.1.-63.0 b.1.1.wlx.0 1.1.1.wlu.0 4n.1.1.2c.0 17.2.2.0.1 1.2.2.-1.0 5.1.1.0.1 1.1.1.-1.0 4.3.1.3m.0 4.1.1.0.38 7.1.1.0.12 2.3.1.0.11 4.1.1.0.1s 2.2.1.0.1r 3.h.1.0.w i.9.1.0.w 9.1.1.-12.0 1.3.1.-11.0 4.h.1.-w.0 h.1.1.-v.0 1.9.1.-w.0 9.1.1.-1s.0 1.2.1.-1r.0 2.1.1.0.8 1.1.1.-1q.0 1.1.1.-1l.0 4.1.1.-1b.0 1.1.1.-1i.0 1.1.1.-8.0 1.c.2.0.1 1.c.2.-1.0 n.1.1.-2e.0 1.1.1.-28.0 1.1.1.7.0 1.1.1.-38.0 1.1.1.0.-1o 1.1.1.-2o.0 2.1.1.0.1 1.1.1.-1.0 1.1.1.0.-7 1.1.1.0.1 1.1.1.-1.0 2.3.1.0.-3m 3.g.1.0.28 g.w.1.0.w w.w.1.-w.0 w.g.1.-28.0 g.h.2.0.1 1.h.2.-1.0 15.r.2.0.1 1.r.2.-1.0 1h.1.1.0.f 1.7.2.0.1 1.7.2.-1.0 d.1.1.-f.0 1.1c.2.0.1 1.1c.2.-1.0 2o.12.1.0.1c 1c.12.1.-1c.0 27z.12.1.0.5ls 13.1.1.0.5ls 6.1.1.0.5ls 3.17.1.2bk.0 19.3.1.2bk.0 ir.28.1.0.tzk 28.6.1.0.8 8.6.1.-8.0 1oo.1.1.-4tq.0 1.1.1.-4tp.0 1.1.1.-4tg.0 1.2.1.-4te.0 2.1.1.-4tf.0 1.1.1.-4t8.0 1.1.1.-4rp.0 1.1.1.r7m.0 8.17.1.0.-2bk 19.3.1.0.-2bk 58.1.1.r9g.0 4.1.1.2xy.0 h.1.1.raw.0 36.23.2.0.1 1.23.2.-1.0 4a.1.1.-1n.0 3.1.1.0.-5vj 2.1c.2.0.1 1.1c.2.-1.0 2n.8.1.8.0 8.8.1.0.-8 8.6.1.8.0 8.6.1.0.-8 8.8.1.8.0 8.8.1.0.-8 8.8.1.8.0 8.8.1.0.-8 8.6.1.8.0 8.6.1.0.-8 9.4.2.8.0 8.4.2.0.-8 7.8.1.8.0 8.8.1.0.-8 8.2.1.22.0 2.4.1.2e.0 4.2.1.2s.0 2.2.1.3k.0 2.2.1.34.0 2.2.1.3i.0 4.8.1.8.0 8.8.1.0.-8 8.8.1.8.0 8.8.1.0.-8 8.8.1.8.0 8.8.1.0.-8 8.2.1.8.0 3.1.1.9.0 5.2.1.0.-8 2.2.1.0.-22 2.1.1.0.-9 2.1.1.-5k5.0 5.1.1.9.0 5.4.1.0.-2e 4.1.1.0.-9 4.2.1.8.0 8.2.1.0.-8 2.2.1.0.-2s 6.2.1.8.0 5.1.1.7.0 3.2.1.0.-8 2.2.1.0.-34 2.1.1.0.-7 7.1.1.9.0 5.2.1.0.-3k 2.2.1.0.-3i 2.1.1.0.-9 8a.1.1.0.-5st 5.1.1.0.-6di 7.1.1.0.s s.1.1.-s.0 i.g.1.0.g g.g.1.-g.0 j.1.1.0.1 1.1.1.-1.0 mq.q.1.0.q q.q.1.-q.0 1f4.1c.1.0.1c 1c.1c.1.-1c.0 1c.1.1.0.1 1.1.1.-1.0 1.1.1.0.-8af 1.1.1.0.-2xy 1.1.1.0.-89z 1.1.1.-8bv.0 1.1.1.-8bs.0 1.3.2.0.1 1.3.2.-1.0 5.1.1.0.-8bg 1.1.1.0.-8al 1.1.1.0.-8bj 1.1.1.0.-8bi 2.1.1.0.1 1.1.1.-1.0 2.1.1.0.1 1.1.1.-1.0 8.2.1.0.-8cf 2.1e.2.0.1 1.1e.2.-1.0 2y.2.2.0.1 1.2.2.-1.0 6.1.1.0.1 1.1.1.-1.0 d.12.1.-5ls.0 13.1.1.-5ls.0 6.1.1.-5ls.0 nwz.n.2.0.1 1.n.2.-1.0 1r.e.2.0.1 1.e.2.-1.0 4h.7.2.0.1 1.7.2.-1.0 f.v.2.0.1 1.v.2.-1.0 1y.2.2.0.1 1.2.2.-1.0 3.1.1.0.-r9g 1.5.2.0.1 1.5.2.-1.0 c.1.1.0.1 1.1.1.-1.0 1.1.1.0.-wmg 3.2.2.0.1 1.2.2.-1.0 3.1.1.1c.0 2.a.2.0.1 1.a.2.-1.0 j.1.1.0.-wn8 1.1.1.0.-wnj 1.1.1.0.-wnf 1.1.1.0.-wn5 1.1.1.0.-wn8 2.1.1.0.-wlu 1.1.1.0.-wmi 1.1.1.0.-wlx 1.1.1.0.ps 1.8.2.0.1 1.8.2.-1.0 f.1.1.0.-1c 1.1.1.0.-wn7 1.1.1.0.-raw 1.2.2.0.1 1.2.2.-1.0 8.1.1.0.1 1.1.1.-1.0 5.2.2.0.1 1.2.2.-1.0 u.1.1.0.1 1.1.1.-1.0 nx.1.1.-ps.0 t.28.1.-tzk.0 gj5.q.1.0.w w.q.1.-w.0 xr.14.1.0.14 14.14.1.-14.0 3s.10.1.0.14 14.10.1.-14.0 48.j.2.0.13 1.5.2.0.13 c.7.2.0.13 g.3.2.0.13 8.1.1.0.13 2.j.2.-13.0 1.5.2.-13.0 c.7.2.-13.0 g.3.2.-13.0 8.1.1.-13.0 1c4.1f.1.0.1s 1s.1f.1.-1s.0 2cg.w.1.0.w w.w.1.-w.0 gw0.w.1.0.w w.w.1.-w.0 o80.y.1.0.y y.y.1.-y.0';
/** Titlecase where it differs from upcase: "char.title". */
const TITLE_CHARS = '8h.21 an.2b ck.cl cl.cl cm.cl cn.co co.co cp.co cq.cr cr.cr cs.cr dt.du du.du dv.du 3bk.3bk 3bl.3bl 3bm.3bm 3bn.3bn 3bo.3bo 3bp.3bp 3bq.3bq 3br.3br 3bs.3bs 3bt.3bt 3bu.3bu 3bv.3bv 3bw.3bw 3bx.3bx 3by.3by 3bz.3bz 3c0.3c0 3c1.3c1 3c2.3c2 3c3.3c3 3c4.3c4 3c5.3c5 3c6.3c6 3c7.3c7 3c8.3c8 3c9.3c9 3ca.3ca 3cb.3cb 3cc.3cc 3cd.3cd 3ce.3ce 3cf.3cf 3cg.3cg 3ch.3ch 3ci.3ci 3cj.3cj 3ck.3ck 3cl.3cl 3cm.3cm 3cn.3cn 3co.3co 3cp.3cp 3cq.3cq 3ct.3ct 3cu.3cu 3cv.3cv';
/** Special casing of strings: "char:upper:lower:title", codes comma-separated, empty when the simple mapping applies. */
const SPECIAL_CASING = '67:2b,2b::2b,37 8g::2x,lj: 95:jg,26::jg,26 ds:22,lo::22,lo pc:pl,lk,ld::pl,lk,ld q8:px,lk,ld::px,lk,ld 13b:111,11u::111,136 61i:20,mp::20,mp 61j:2c,lk::2c,lk 61k:2f,lm::2f,lm 61l:2h,lm::2h,lm 61m:1t,ji::1t,ji 66o:px,lv::px,lv 66q:px,lv,lc::px,lv,lc 66s:px,lv,ld::px,lv,ld 66u:px,lv,n6::px,lv,n6 680:64o,pl:: 681:64p,pl:: 682:64q,pl:: 683:64r,pl:: 684:64s,pl:: 685:64t,pl:: 686:64u,pl:: 687:64v,pl:: 688:64o,pl:: 689:64p,pl:: 68a:64q,pl:: 68b:64r,pl:: 68c:64s,pl:: 68d:64t,pl:: 68e:64u,pl:: 68f:64v,pl:: 68g:65k,pl:: 68h:65l,pl:: 68i:65m,pl:: 68j:65n,pl:: 68k:65o,pl:: 68l:65p,pl:: 68m:65q,pl:: 68n:65r,pl:: 68o:65k,pl:: 68p:65l,pl:: 68q:65m,pl:: 68r:65n,pl:: 68s:65o,pl:: 68t:65p,pl:: 68u:65q,pl:: 68v:65r,pl:: 68w:67c,pl:: 68x:67d,pl:: 68y:67e,pl:: 68z:67f,pl:: 690:67g,pl:: 691:67h,pl:: 692:67i,pl:: 693:67j,pl:: 694:67c,pl:: 695:67d,pl:: 696:67e,pl:: 697:67f,pl:: 698:67g,pl:: 699:67h,pl:: 69a:67i,pl:: 69b:67j,pl:: 69e:69m,pl::69m,n9 69f:pd,pl:: 69g:p2,pl::p2,n9 69i:pd,n6::pd,n6 69j:pd,n6,pl::pd,n6,n9 69o:pd,pl:: 69u:6a2,pl::6a2,n9 69v:pj,pl:: 69w:p5,pl::p5,n9 69y:pj,n6::pj,n6 69z:pj,n6,pl::pj,n6,n9 6a4:pj,pl:: 6aa:pl,lk,lc::pl,lk,lc 6ab:pl,lk,ld::pl,lk,ld 6ae:pl,n6::pl,n6 6af:pl,lk,n6::pl,lk,n6 6aq:px,lk,lc::px,lk,lc 6ar:px,lk,ld::px,lk,ld 6as:pt,lv::pt,lv 6au:px,n6::px,n6 6av:px,lk,n6::px,lk,n6 6b6:6be,pl::6be,n9 6b7:q1,pl:: 6b8:pb,pl::pb,n9 6ba:q1,n6::q1,n6 6bb:q1,n6,pl::q1,n6,n9 6bg:q1,pl:: 1dkw:1y,1y::1y,2u 1dkx:1y,21::1y,2x 1dky:1y,24::1y,30 1dkz:1y,1y,21::1y,2u,2x 1dl0:1y,1y,24::1y,2u,30 1dl1:2b,2c::2b,38 1dl2:2b,2c::2b,38 1dlf:11g,11i::11g,12u 1dlg:11g,111::11g,12d 1dlh:11g,117::11g,12j 1dli:11q,11i::11q,12u 1dlj:11g,119::11g,12l';

interface SpecialCase {
  up: number[] | null;
  down: number[] | null;
  title: number[] | null;
}

/** The run-length tables decoded for characters beyond ASCII. */
interface CaseTables {
  up: Map<number, number>;
  down: Map<number, number>;
  title: Map<number, number>;
  special: Map<number, SpecialCase>;
}

/** Calls visit for each space-separated field of TABLE, each split at dots and read base 36, until visit returns false. */
function eachRun(table: string, visit: (fields: number[]) => boolean): void {
  for (let at = 0; at < table.length; ) {
    let end = table.indexOf(' ', at);
    if (end < 0) end = table.length;
    if (!visit(table.slice(at, end).split('.').map((x) => parseInt(x, 36)))) return;
    at = end + 1;
  }
}

/** Calls visit(char, upDelta, downDelta) for each cased character below limit. */
function eachCasePair(limit: number, visit: (ch: number, du: number, dd: number) => void): void {
  let c = 0;
  eachRun(CASE_RUNS, ([delta, count, stride, du, dd]) => {
    c += delta;
    if (c >= limit) return false;
    for (let k = 0, ch = c; k < count && ch < limit; k++, ch += stride) visit(ch, du, dd);
    return true;
  });
}

// Decoding every table costs ~1 ms, which only scripts that case or scan non-ASCII text need.
let tables: CaseTables | null = null;

function caseTables(): CaseTables {
  if (tables !== null) return tables;
  const t: CaseTables = { up: new Map(), down: new Map(), title: new Map(), special: new Map() };
  eachCasePair(Infinity, (ch, du, dd) => {
    if (du !== 0) t.up.set(ch, ch + du);
    if (dd !== 0) t.down.set(ch, ch + dd);
  });
  for (const pair of TITLE_CHARS.split(' ')) {
    const [ch, title] = pair.split('.').map((x) => parseInt(x, 36));
    t.title.set(ch, title);
  }
  const codes = (field: string): number[] | null => (field === '' ? null : field.split(',').map((x) => parseInt(x, 36)));
  for (const entry of SPECIAL_CASING.split(' ')) {
    const [ch, up, down, title] = entry.split(':');
    t.special.set(parseInt(ch, 36), { up: codes(up), down: codes(down), title: codes(title) });
  }
  return (tables = t);
}

/** ASCII fast paths, decoded from the same tables at load. */
const asciiUp = new Uint8Array(128);
const asciiDown = new Uint8Array(128);
for (let i = 0; i < 128; i++) asciiUp[i] = asciiDown[i] = i;
eachCasePair(128, (ch, du, dd) => {
  asciiUp[ch] = ch + du;
  asciiDown[ch] = ch + dd;
});

/** Does C have word syntax in the current buffer's syntax table? (Emacs's casify_object asks it.) */
export function isWordChar(c: number): boolean {
  return syntaxClass(c) === Syn.Word;
}

export function upcaseChar(c: number): number {
  return c < 128 ? asciiUp[c] : (caseTables().up.get(c) ?? c);
}

export function downcaseChar(c: number): number {
  return c < 128 ? asciiDown[c] : (caseTables().down.get(c) ?? c);
}

export function titlecaseChar(c: number): number {
  if (c < 128) return asciiUp[c];
  const t = caseTables();
  return t.title.get(c) ?? t.up.get(c) ?? c;
}

/** Upper-case letters (Emacs 29's char-uppercase-p test): C changes when downcased. */
export function isUpperCaseChar(c: number): boolean {
  return downcaseChar(c) !== c;
}

export const enum CaseMode {
  Up,
  Down,
  Capitalize,
  UpcaseInitials,
}

const MODIFIER_SPAN = 0x400000;

/** Case conversion of an integer character, modifier bits kept. */
export function casifyChar(x: number, mode: CaseMode): number {
  const base = x % MODIFIER_SPAN;
  const flags = x - base;
  switch (mode) {
    case CaseMode.Up:
      return upcaseChar(base) + flags;
    case CaseMode.Down:
      return downcaseChar(base) + flags;
    default:
      return titlecaseChar(base) + flags;
  }
}

/** Do the ASCII case tables map exactly a-z to A-Z and back, as String.prototype.toUpperCase/toLowerCase do on ASCII? */
const asciiCaseIsStandard = ((): boolean => {
  for (let c = 0; c < 128; c++) {
    const up = c >= 97 && c <= 122 ? c - 32 : c;
    const down = c >= 65 && c <= 90 ? c + 32 : c;
    if (asciiUp[c] !== up || asciiDown[c] !== down) return false;
  }
  return true;
})();

const SIGMA = 0x3a3;
const FINAL_SIGMA = 0x3c2;

/** Case conversion of a string into a new string of the same multibyteness. */
/** The case-converted copy of S, with its text properties when the length is unchanged (Emacs converts a copy in place). */
export function casifyString(s: LispString, mode: CaseMode): LispString {
  const r = casifyText(s, mode);
  if (s.intervals !== null && r.length === s.length) r.intervals = s.intervals.slice(0, s.length);
  return r;
}

function casifyText(s: LispString, mode: CaseMode): LispString {
  const text = s.value;
  // ASCII-only text under upcase/downcase: JS's own conversion is the same (checked at load).
  if ((mode === CaseMode.Up || mode === CaseMode.Down) && asciiCaseIsStandard && isAsciiText(text)) {
    return new LispString(mode === CaseMode.Up ? text.toUpperCase() : text.toLowerCase(), s.multibyte);
  }
  if (!s.multibyte) return new LispString(casifyUnibyte(text, mode), false);
  let out = '';
  let inword = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    let units = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        units = 2;
      }
    } else if (c >= 0xdc80 && c <= 0xdcff) {
      // A raw byte: word syntax, no case.
      out += text[i];
      inword = isWordChar(RAW_BYTE_BASE + c - 0xdc80);
      continue;
    }
    const wasInword = inword;
    inword = isWordChar(c);
    let which: CaseMode;
    if (mode === CaseMode.Up) which = CaseMode.Up;
    else if (mode === CaseMode.Down) which = CaseMode.Down;
    else if (!wasInword) which = CaseMode.Capitalize;
    else if (mode === CaseMode.Capitalize) which = CaseMode.Down;
    else {
      out += units === 2 ? text.slice(i, i + 2) : text[i];
      i += units - 1;
      continue;
    }
    i += units - 1;
    if (c < 128) {
      out += String.fromCharCode(which === CaseMode.Down ? asciiDown[c] : asciiUp[c]);
      continue;
    }
    const special = caseTables().special.get(c);
    let mapped: number[] | null = null;
    if (special) mapped = which === CaseMode.Up ? special.up : which === CaseMode.Down ? special.down : special.title;
    if (mapped) {
      for (const m of mapped) out += String.fromCodePoint(m);
      continue;
    }
    let r: number;
    if (which === CaseMode.Up) r = upcaseChar(c);
    else if (which === CaseMode.Down) {
      r = c === SIGMA && wasInword && !nextIsWord(text, i + 1) ? FINAL_SIGMA : downcaseChar(c);
    } else r = titlecaseChar(c);
    out += String.fromCodePoint(r);
  }
  return new LispString(out, true);
}

function nextIsWord(text: string, off: number): boolean {
  if (off >= text.length) return false;
  const c = text.codePointAt(off)!;
  return isWordChar(c >= 0xdc80 && c <= 0xdcff ? RAW_BYTE_BASE + c - 0xdc80 : c);
}

// Unibyte text: only ASCII letters have case; bytes 128-255 are raw bytes,
// which have word syntax.
function casifyUnibyte(text: string, mode: CaseMode): string {
  let out = '';
  let inword = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wasInword = inword;
    inword = c < 128 ? isWordChar(c) : isWordChar(RAW_BYTE_BASE + c - 0x80);
    if (c >= 128) {
      out += text[i];
      continue;
    }
    let r = c;
    if (mode === CaseMode.Up) r = asciiUp[c];
    else if (mode === CaseMode.Down) r = asciiDown[c];
    else if (!wasInword) r = asciiUp[c];
    else if (mode === CaseMode.Capitalize) r = asciiDown[c];
    out += String.fromCharCode(r);
  }
  return out;
}

function casify(x: LispObject, mode: CaseMode): LispObject {
  if (typeof x === 'number' && x >= 0) return casifyChar(x, mode);
  if (x instanceof LispString) return casifyString(x, mode);
  return wrongType(Q.char_or_string_p, x);
}

defun('upcase', [any], (x) => casify(x, CaseMode.Up));
defun('downcase', [any], (x) => casify(x, CaseMode.Down));
defun('capitalize', [any], (x) => casify(x, CaseMode.Capitalize));
defun('upcase-initials', [any], (x) => casify(x, CaseMode.UpcaseInitials));
