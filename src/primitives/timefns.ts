// Time: Emacs's timefns.c and the time parts of editfns.c. A Lisp time is
// decoded to an exact rational TICKS/HZ (bigints) and re-encoded in the
// form Emacs 28 returns: an integer, (TICKS . HZ), or (HIGH LOW USEC PSEC).
// Time zones are computed here from the TZif files under /usr/share/zoneinfo
// and POSIX TZ strings, the way glibc does, so that names like "CET" and
// the historical offsets come out exactly as Emacs prints them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type LispObject, LispString, LispFloat, Cons, NIL, T, Q, intern, signal, list, error, wrongType,
  normalizeBig, makeFloat,
} from '../lisp/index.js';
import { defun, defunRest, declareModule, optional, any } from '../lisp/defun.js';

declareModule('timefns');

const Qlist = intern('list');
const Qinteger = intern('integer');
const Qwall = intern('wall');
const Qfixnump = intern('fixnump');

// ---- exact times ------------------------------------------------------------

/** How a Lisp time was written; decides the form of arithmetic results. */
export const enum TimeForm {
  Nil,
  Integer,
  Float,
  TicksHz,
  List,
}

/** An exact time: ticks / hz seconds since the epoch (hz > 0). */
export interface LispTime {
  ticks: bigint;
  hz: bigint;
}

const TRILLION = 1000000000000n;
const MILLION = 1000000n;
const BILLION = 1000000000n;

function invalidTime(): never {
  return error('Invalid time specification');
}

function notRepresentable(): never {
  return error('Specified time is not representable');
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function isInt(x: LispObject): x is number | bigint {
  return typeof x === 'number' || typeof x === 'bigint';
}

const floatView = new DataView(new ArrayBuffer(8));

/**
 * A finite double as an exact TICKS/HZ, HZ being the double's precision
 * (2^(52 - exponent)), as Emacs decodes floats: 1.5 is 1.5·2^52 / 2^52.
 */
function floatTime(d: number): LispTime {
  if (d === 0) return { ticks: 0n, hz: 1n };
  floatView.setFloat64(0, d);
  const hi = floatView.getUint32(0);
  const lo = floatView.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mantissa |= 1n << 52n;
    exp = biased - 1075;
  }
  // d = ±mantissa · 2^exp; ilogb(d) is the position of the top bit.
  const ilogb = Math.max(exp + mantissa.toString(2).length - 1, -1023);
  let scale = 52 - ilogb;
  if (scale < 0) scale = 0;
  const shift = exp + scale;
  let ticks = shift >= 0 ? mantissa << BigInt(shift) : mantissa >> BigInt(-shift);
  if (d < 0) ticks = -ticks;
  return { ticks, hz: 1n << BigInt(scale) };
}

/** The current time in nanoseconds: the wall clock, refined by the monotonic clock. */
let wallBase = BigInt(Date.now()) * MILLION;
let hrBase = process.hrtime.bigint();
function nowNanoseconds(): bigint {
  const candidate = wallBase + (process.hrtime.bigint() - hrBase);
  const wall = BigInt(Date.now()) * MILLION;
  const drift = candidate - wall;
  if (drift > 2000000n || drift < -2000000n) {
    wallBase = wall;
    hrBase = process.hrtime.bigint();
    return wall;
  }
  return candidate;
}

/** nowNanoseconds's refinement in milliseconds, as doubles: no bigint on the way. */
let wallBaseMs = Date.now();
let hrBaseMs = performance.now();

/**
 * The current time in seconds. A server loop asks for it after every wait,
 * so it is computed with doubles (a double holds today's time to about a
 * quarter of a microsecond), the wall clock refined by the monotonic one as
 * in nowNanoseconds.
 */
function nowSeconds(): number {
  const candidate = wallBaseMs + (performance.now() - hrBaseMs);
  const wall = Date.now();
  if (candidate - wall > 2 || wall - candidate > 2) {
    wallBaseMs = wall;
    hrBaseMs = performance.now();
    return wall / 1000;
  }
  return candidate / 1000;
}

/** The current time as Emacs sees it (nanosecond resolution). */
export function currentTime(): LispTime {
  return { ticks: nowNanoseconds(), hz: BILLION };
}

let lastForm: TimeForm = TimeForm.Nil;

/** Decodes any Lisp time value; the form it was written in is left in lastForm. */
export function decodeTime(x: LispObject): LispTime {
  if (x === NIL) {
    lastForm = TimeForm.Nil;
    return currentTime();
  }
  if (isInt(x)) {
    lastForm = TimeForm.Integer;
    return { ticks: BigInt(x), hz: 1n };
  }
  if (x instanceof LispFloat) {
    lastForm = TimeForm.Float;
    if (Number.isNaN(x.value)) invalidTime();
    if (!Number.isFinite(x.value)) notRepresentable();
    return floatTime(x.value);
  }
  if (x instanceof Cons) {
    const high = x.car;
    const rest = x.cdr;
    if (isInt(rest)) {
      // (TICKS . HZ)
      if (!isInt(high) || rest <= 0) invalidTime();
      lastForm = TimeForm.TicksHz;
      return { ticks: BigInt(high), hz: BigInt(rest) };
    }
    if (!(rest instanceof Cons) || !isInt(high) || !isInt(rest.car)) invalidTime();
    let usec: LispObject = 0;
    let psec: LispObject = 0;
    let hz = 1n;
    const r2 = rest.cdr;
    if (r2 instanceof Cons) {
      usec = r2.car;
      hz = MILLION;
      if (r2.cdr instanceof Cons) {
        psec = r2.cdr.car;
        hz = TRILLION;
      }
    } else if (isInt(r2)) {
      // The old (HIGH LOW . USEC) form.
      usec = r2;
      hz = MILLION;
    }
    if (!isInt(usec) || !isInt(psec)) invalidTime();
    const seconds = BigInt(high) * 65536n + BigInt(rest.car);
    lastForm = TimeForm.List;
    let ticks: bigint;
    if (hz === 1n) ticks = seconds;
    else if (hz === MILLION) ticks = seconds * MILLION + BigInt(usec);
    else ticks = seconds * TRILLION + BigInt(usec) * MILLION + BigInt(psec);
    return { ticks, hz };
  }
  return invalidTime();
}

function lispInt(b: bigint): number | bigint {
  return normalizeBig(b);
}

/** (HIGH LOW USEC PSEC), rounding down to a picosecond. */
export function timeToList(t: LispTime): LispObject {
  const ps = t.hz === TRILLION ? t.ticks : floorDiv(t.ticks * TRILLION, t.hz);
  const sec = floorDiv(ps, TRILLION);
  const sub = ps - sec * TRILLION;
  return list(lispInt(floorDiv(sec, 65536n)), Number(floorMod(sec, 65536n)), Number(sub / MILLION), Number(sub % MILLION));
}

/** (HIGH LOW), the form encode-time returns for whole seconds. */
function secondsToList2(sec: bigint): LispObject {
  return list(lispInt(floorDiv(sec, 65536n)), Number(floorMod(sec, 65536n)));
}

function ticksHz(t: LispTime): Cons {
  return new Cons(lispInt(t.ticks), lispInt(t.hz));
}

/** The nearest double to ticks/hz. */
export function timeToFloat(t: LispTime): number {
  const { ticks, hz } = t;
  const limit = 1n << 53n;
  if (hz === 1n) return Number(ticks);
  if ((ticks < limit && ticks > -limit) && hz < limit) return Number(ticks) / Number(hz);
  return ratioToDouble(ticks, hz);
}

/** Correctly rounded n/d for bigints (d > 0). */
function ratioToDouble(n: bigint, d: bigint): number {
  const neg = n < 0n;
  if (neg) n = -n;
  if (n === 0n) return 0;
  // Scale so the quotient has 64+ significant bits, then round once.
  const shift = 66 - (n.toString(2).length - d.toString(2).length);
  const num = shift >= 0 ? n << BigInt(shift) : n;
  const den = shift >= 0 ? d : d << BigInt(-shift);
  let q = num / den;
  const sticky = num % den !== 0n;
  // q has 66 or 67 bits; keep 53 significant bits with round-half-even.
  const bits = q.toString(2).length;
  let e = -shift;
  let drop = bits - 53;
  // Subnormal results keep fewer bits.
  const topExp = bits - 1 + e;
  if (topExp < -1022) drop += -1022 - topExp;
  if (drop > 0) {
    const dropped = q & ((1n << BigInt(drop)) - 1n);
    q >>= BigInt(drop);
    e += drop;
    const half = 1n << BigInt(drop - 1);
    if (dropped > half || (dropped === half && (sticky || (q & 1n) === 1n))) q += 1n;
  }
  const v = Number(q) * Math.pow(2, e);
  return neg ? -v : v;
}

/** The form Emacs 28 gives a result of time arithmetic. */
function arithResult(t: LispTime, aForm: TimeForm, bForm: TimeForm): LispObject {
  if (t.hz === 1n) return lispInt(t.ticks);
  if (aForm === TimeForm.TicksHz || bForm === TimeForm.TicksHz || TRILLION % t.hz !== 0n) return ticksHz(t);
  return timeToList(t);
}

function timeArith(a: LispObject, b: LispObject, subtract: boolean): LispObject {
  if (a instanceof LispFloat && !Number.isFinite(a.value)) {
    const db = timeToFloat(decodeTime(b));
    return makeFloat(subtract ? a.value - db : a.value + db);
  }
  if (b instanceof LispFloat && !Number.isFinite(b.value)) return subtract ? makeFloat(-b.value) : b;
  const ta = decodeTime(a);
  const aForm = lastForm;
  const tb = decodeTime(b);
  const bForm = lastForm;
  let ticks: bigint;
  let hz: bigint;
  if (ta.hz === tb.hz) {
    hz = ta.hz;
    ticks = subtract ? ta.ticks - tb.ticks : ta.ticks + tb.ticks;
  } else {
    const hzMin = ta.hz < tb.hz ? ta.hz : tb.hz;
    const g = gcd(ta.hz, tb.hz);
    const fa = ta.hz / g;
    const fb = tb.hz / g;
    hz = fa * tb.hz;
    ticks = subtract ? fb * ta.ticks - fa * tb.ticks : fb * ta.ticks + fa * tb.ticks;
    // Reduce the fraction, but never below the coarser input's resolution.
    const r = gcd(ticks, hz);
    if (r > 1n) {
      ticks /= r;
      hz /= r;
      if (hz < hzMin) {
        const rescale = (hzMin + hz - 1n) / hz;
        ticks *= rescale;
        hz *= rescale;
      }
    }
  }
  return arithResult({ ticks, hz }, aForm, bForm);
}

/** Compares two times: negative, zero or positive; NaN when a float NaN is involved. */
function timeCompare(a: LispObject, b: LispObject): number {
  if ((a instanceof LispFloat && !Number.isFinite(a.value)) || (b instanceof LispFloat && !Number.isFinite(b.value))) {
    const fa = a instanceof LispFloat ? a.value : timeToFloat(decodeTime(a));
    const fb = b instanceof LispFloat ? b.value : timeToFloat(decodeTime(b));
    return fa < fb ? -1 : fa > fb ? 1 : fa === fb ? 0 : NaN;
  }
  const ta = decodeTime(a);
  const tb = decodeTime(b);
  const l = ta.ticks * tb.hz;
  const r = tb.ticks * ta.hz;
  return l < r ? -1 : l > r ? 1 : 0;
}

// ---- time zones --------------------------------------------------------------

/** The rule in effect at one instant. */
export interface ZoneState {
  /** Seconds east of UTC. */
  offset: number;
  abbr: string;
  isDst: boolean;
}

export interface Zone {
  at(seconds: number): ZoneState;
}

class FixedZone implements Zone {
  private readonly state: ZoneState;
  /**
   * named: the zone came from a TZ string, so glibc's mktime reads a request
   * for daylight saving time as std+1h; zones Emacs builds from numbers don't.
   */
  constructor(offset: number, abbr: string, readonly named = false) {
    this.state = { offset, abbr, isDst: false };
  }
  at(): ZoneState {
    return this.state;
  }
}

/** The abbreviation Emacs gives a numeric offset: "+01", "+0130", "+002034". */
function numericAbbr(offset: number): string {
  const a = Math.abs(offset);
  const hh = Math.floor(a / 3600);
  const mm = Math.floor(a / 60) % 60;
  const ss = a % 60;
  let s = (offset < 0 ? '-' : '+') + pad2(hh);
  if (mm !== 0 || ss !== 0) s += pad2(mm);
  if (ss !== 0) s += pad2(ss);
  return s;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** One transition date of a POSIX TZ rule. */
interface RuleDate {
  kind: 'J' | 'n' | 'M';
  day: number;
  week: number;
  month: number;
  /** Seconds after local midnight (may be negative or past 24h). */
  time: number;
}

class PosixZone implements Zone {
  private readonly stdState: ZoneState;
  private readonly dstState: ZoneState | null;
  constructor(
    std: string,
    stdOffset: number,
    dst: string | null,
    dstOffset: number,
    private readonly start: RuleDate | null,
    private readonly end: RuleDate | null,
  ) {
    this.stdState = { offset: stdOffset, abbr: std, isDst: false };
    this.dstState = dst === null ? null : { offset: dstOffset, abbr: dst, isDst: true };
  }

  at(seconds: number): ZoneState {
    const dst = this.dstState;
    if (dst === null || this.start === null || this.end === null) return this.stdState;
    const std = this.stdState;
    const year = civilFromDays(Math.floor((seconds + std.offset) / 86400))[0];
    const startUtc = ruleDay(year, this.start) * 86400 + this.start.time - std.offset;
    const endUtc = ruleDay(year, this.end) * 86400 + this.end.time - dst.offset;
    const inDst = startUtc < endUtc ? seconds >= startUtc && seconds < endUtc : !(seconds >= endUtc && seconds < startUtc);
    return inDst ? dst : std;
  }
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthLength(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1];
}

/** Days since the epoch of a rule's date in year y. */
function ruleDay(y: number, r: RuleDate): number {
  const jan1 = daysFromCivil(y, 1, 1);
  if (r.kind === 'J') return jan1 + r.day - 1 + (isLeap(y) && r.day >= 60 ? 1 : 0);
  if (r.kind === 'n') return jan1 + r.day;
  const first = daysFromCivil(y, r.month, 1);
  const firstDow = mod(first + 4, 7);
  let d = 1 + mod(r.day - firstDow, 7) + (r.week - 1) * 7;
  const len = monthLength(y, r.month);
  while (d > len) d -= 7;
  return first + d - 1;
}

function mod(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + b : r;
}

/** Parses a POSIX TZ string (glibc's rules); null when it has no usable name. */
function parsePosixTz(spec: string): Zone | null {
  let i = 0;
  const parseName = (): string | null => {
    if (spec[i] === '<') {
      const close = spec.indexOf('>', i);
      if (close < 0) return null;
      const name = spec.slice(i + 1, close);
      i = close + 1;
      return name.length >= 3 ? name : null;
    }
    const start = i;
    while (i < spec.length && /[A-Za-z]/.test(spec[i])) i++;
    return i - start >= 3 ? spec.slice(start, i) : null;
  };
  const parseHms = (allowSign: boolean): number | null => {
    let sign = 1;
    if (allowSign && (spec[i] === '+' || spec[i] === '-')) {
      if (spec[i] === '-') sign = -1;
      i++;
    }
    const m = /^(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(spec.slice(i));
    if (!m) return null;
    i += m[0].length;
    return sign * (Number(m[1]) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0));
  };
  const parseRule = (): RuleDate | null => {
    let r: RuleDate;
    let m: RegExpExecArray | null;
    const rest = spec.slice(i);
    if ((m = /^J(\d{1,3})/.exec(rest))) r = { kind: 'J', day: Number(m[1]), week: 0, month: 0, time: 7200 };
    else if ((m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(rest))) r = { kind: 'M', day: Number(m[3]), week: Number(m[2]), month: Number(m[1]), time: 7200 };
    else if ((m = /^(\d{1,3})/.exec(rest))) r = { kind: 'n', day: Number(m[1]), week: 0, month: 0, time: 7200 };
    else return null;
    i += m[0].length;
    if (spec[i] === '/') {
      i++;
      const t = parseHms(true);
      if (t === null) return null;
      r.time = t;
    }
    return r;
  };
  const std = parseName();
  if (std === null) return null;
  const stdWest = parseHms(true);
  if (stdWest === null) return new FixedZone(0, std, true);
  if (i >= spec.length) return new FixedZone(-stdWest, std, true);
  const dst = parseName();
  if (dst === null) return new FixedZone(-stdWest, std, true);
  let dstOffset = -stdWest + 3600;
  if (i < spec.length && spec[i] !== ',') {
    const w = parseHms(true);
    if (w !== null) dstOffset = -w;
  }
  let start: RuleDate | null;
  let end: RuleDate | null;
  if (spec[i] === ',') {
    i++;
    start = parseRule();
    if (spec[i] !== ',') return new FixedZone(-stdWest, std, true);
    i++;
    end = parseRule();
  } else {
    // glibc's default rules when a DST name has none: the US rules.
    start = { kind: 'M', day: 0, week: 2, month: 3, time: 7200 };
    end = { kind: 'M', day: 0, week: 1, month: 11, time: 7200 };
  }
  return new PosixZone(std, -stdWest, dst, dstOffset, start, end);
}

class TzifZone implements Zone {
  constructor(
    private readonly transitions: Float64Array,
    private readonly typeIndex: Uint8Array,
    private readonly types: ZoneState[],
    private readonly footer: Zone | null,
  ) {}

  at(seconds: number): ZoneState {
    const tr = this.transitions;
    const n = tr.length;
    if (n === 0 || seconds < tr[0]) {
      if (n === 0 && this.footer) return this.footer.at(seconds);
      return this.types[0];
    }
    if (seconds >= tr[n - 1] && this.footer) return this.footer.at(seconds);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tr[mid] <= seconds) lo = mid;
      else hi = mid - 1;
    }
    return this.types[this.typeIndex[lo]];
  }
}

/** Parses a TZif file (RFC 8536), using the 64-bit data when present. */
function parseTzif(data: Uint8Array): Zone | null {
  if (data.length < 44 || String.fromCharCode(data[0], data[1], data[2], data[3]) !== 'TZif') return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = data[4];
  const counts = (at: number) => ({
    isut: view.getUint32(at + 20),
    isstd: view.getUint32(at + 24),
    leap: view.getUint32(at + 28),
    time: view.getUint32(at + 32),
    type: view.getUint32(at + 36),
    char: view.getUint32(at + 40),
  });
  let c = counts(0);
  let at = 44;
  let wide = false;
  if (version >= 0x32) {
    at += c.time * 4 + c.time + c.type * 6 + c.char + c.leap * 8 + c.isstd + c.isut;
    c = counts(at);
    at += 44;
    wide = true;
  }
  const tsize = wide ? 8 : 4;
  const transitions = new Float64Array(c.time);
  for (let k = 0; k < c.time; k++) {
    transitions[k] = wide ? Number(view.getBigInt64(at + k * 8)) : view.getInt32(at + k * 4);
  }
  at += c.time * tsize;
  const typeIndex = data.slice(at, at + c.time);
  at += c.time;
  const rawTypes: [number, boolean, number][] = [];
  for (let k = 0; k < c.type; k++) {
    rawTypes.push([view.getInt32(at), data[at + 4] !== 0, data[at + 5]]);
    at += 6;
  }
  const chars = data.slice(at, at + c.char);
  at += c.char + c.leap * (tsize + 4) + c.isstd + c.isut;
  const abbrAt = (idx: number) => {
    let end = idx;
    while (end < chars.length && chars[end] !== 0) end++;
    return String.fromCharCode(...chars.subarray(idx, end));
  };
  const types = rawTypes.map(([offset, isDst, idx]) => ({ offset, isDst, abbr: abbrAt(idx) }));
  if (types.length === 0) return null;
  let footer: Zone | null = null;
  if (wide && data[at] === 10) {
    const end = data.indexOf(10, at + 1);
    if (end > at + 1) footer = parsePosixTz(String.fromCharCode(...data.subarray(at + 1, end)));
  }
  return new TzifZone(transitions, typeIndex, types, footer);
}

const UTC_ZONE = new FixedZone(0, 'UTC', true);
const GMT_ZONE = new FixedZone(0, 'GMT');
const zoneCache = new Map<string, Zone>();

function zoneinfoDirectory(): string {
  return process.env.TZDIR || '/usr/share/zoneinfo';
}

function readTzifFile(file: string): Zone | null {
  try {
    return parseTzif(fs.readFileSync(file));
  } catch {
    return null;
  }
}

/** The zone a TZ string names, as glibc resolves it: a zoneinfo file, else a POSIX rule. */
export function zoneFromTzString(spec: string): Zone {
  const cached = zoneCache.get(spec);
  if (cached) return cached;
  let zone: Zone | null = null;
  let s = spec;
  if (s.startsWith(':')) s = s.slice(1);
  if (s === '') zone = UTC_ZONE;
  else {
    if (!s.includes('..')) zone = readTzifFile(path.isAbsolute(s) ? s : path.join(zoneinfoDirectory(), s));
    if (zone === null) zone = parsePosixTz(s) ?? UTC_ZONE;
  }
  zoneCache.set(spec, zone);
  return zone;
}

/** The system's own zone (/etc/localtime), what Emacs calls `wall'. */
let systemZone: Zone | null = null;
function wallZone(): Zone {
  if (systemZone === null) systemZone = readTzifFile('/etc/localtime') ?? UTC_ZONE;
  return systemZone;
}

/** Null until local time is first asked for: reading /etc/localtime costs ~1 ms a script may not need. */
let localZone: Zone | null = null;

function initialLocalZone(): Zone {
  const tz = process.env.TZ;
  return tz === undefined ? wallZone() : zoneFromTzString(tz);
}

/** Sets the zone used for local time (set-time-zone-rule, setenv "TZ"). */
export function setLocalZone(rule: LispObject): void {
  if (rule === NIL || rule === Qwall) localZone = wallZone();
  else localZone = lispZone(rule);
}

/** The zone a Lisp ZONE argument stands for. */
export function lispZone(z: LispObject): Zone {
  if (z === NIL) return (localZone ??= initialLocalZone());
  if (z === T) return GMT_ZONE;
  if (z === Qwall) return wallZone();
  if (typeof z === 'number') return new FixedZone(z, numericAbbr(z));
  if (z instanceof LispString) return zoneFromTzString(z.value);
  if (z instanceof Cons && typeof z.car === 'number') {
    const abbr = z.cdr instanceof Cons ? z.cdr.car : NIL;
    // Emacs passes the abbreviation to the C library in a TZ string, which
    // rejects names shorter than three bytes: the zone becomes UTC.
    if (abbr instanceof LispString) {
      return Buffer.byteLength(abbr.value, 'utf8') < 3 ? new FixedZone(0, '') : new FixedZone(z.car, abbr.value);
    }
    if (abbr === NIL) return new FixedZone(z.car, numericAbbr(z.car));
  }
  return signal(Q.error, list(new LispString('Invalid time zone specification', false), z));
}

// ---- calendar arithmetic -----------------------------------------------------

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day count since 1970-01-01. */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** A broken-down local time, as struct tm holds it (full year, month 1-12). */
export interface BrokenTime {
  sec: number;
  min: number;
  hour: number;
  day: number;
  month: number;
  year: number;
  /** 0 = Sunday. */
  dow: number;
  /** 0-based day of the year. */
  yday: number;
  zone: ZoneState;
}

/** The local time in zone at whole second `seconds` since the epoch. */
export function breakDown(seconds: number, zone: Zone): BrokenTime {
  const state = zone.at(seconds);
  const local = seconds + state.offset;
  const days = Math.floor(local / 86400);
  let rem = local - days * 86400;
  const hour = Math.floor(rem / 3600);
  rem -= hour * 3600;
  const min = Math.floor(rem / 60);
  const [year, month, day] = civilFromDays(days);
  return {
    sec: rem - min * 60,
    min,
    hour,
    day,
    month,
    year,
    dow: mod(days + 4, 7),
    yday: days - daysFromCivil(year, 1, 1),
    zone: state,
  };
}

/** Whole seconds as a safe JS number, or the Emacs overflow error. */
function safeSeconds(b: bigint): number {
  if (b > 8640000000000000n || b < -8640000000000000n) notRepresentable();
  return Number(b);
}

/**
 * mktime: the instant whose local time in zone is the given (possibly
 * out-of-range) fields. isDst is 1, 0 or -1 (unknown), as in struct tm.
 */
export function makeTime(year: number, month: number, day: number, hour: number, min: number, sec: number, isDst: number, zone: Zone): number {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = mod(m0, 12) + 1;
  const t0 = (daysFromCivil(y, m, 1) + day - 1) * 86400 + hour * 3600 + min * 60 + sec;
  if (zone instanceof FixedZone && !(zone.named && isDst > 0)) return t0 - zone.at().offset;
  const before = zone.at(t0 - 86400);
  const after = zone.at(t0 + 86400);
  const offsets = new Set([before.offset, zone.at(t0).offset, after.offset]);
  const solutions: { t: number; dst: boolean }[] = [];
  for (const o of offsets) {
    const st = zone.at(t0 - o);
    if (st.offset === o) solutions.push({ t: t0 - o, dst: st.isDst });
  }
  if (solutions.length === 0) {
    // A local time skipped by a transition: read it with the offset before,
    // or with the one whose DST flag was asked for.
    if (isDst >= 0 && after.isDst === (isDst > 0) && before.isDst !== (isDst > 0)) return t0 - after.offset;
    return t0 - before.offset;
  }
  if (solutions.length > 1) {
    const wanted = isDst > 0;
    const match = solutions.find((s) => s.dst === wanted);
    return (match ?? solutions[solutions.length - 1]).t;
  }
  const only = solutions[0];
  if (isDst >= 0 && only.dst !== (isDst > 0)) {
    // glibc looks for a nearby instant with the requested DST flag and uses its offset.
    const stride = 601200;
    for (let delta = stride; delta < 536454000; delta += stride) {
      for (const probe of [only.t - delta, only.t + delta]) {
        const st = zone.at(probe);
        if (st.isDst === (isDst > 0)) return t0 - st.offset;
      }
    }
    if (isDst > 0) return t0 - (zone.at(only.t).offset + 3600);
  }
  return only.t;
}

// ---- builtins: arithmetic and conversion -----------------------------------------

defun('current-time', [], () => timeToList(currentTime()));

// The processor time this process used (user and system), as a Lisp time.
defun('get-internal-run-time', [], () => {
  const used = process.cpuUsage();
  return timeToList({ ticks: BigInt(used.user + used.system) * 1000n, hz: BILLION });
});

// A batch session is never idle.
defun('current-idle-time', [], () => NIL);

defun('float-time', [optional(any)], (time) => makeFloat(
  time === NIL ? nowSeconds() : time instanceof LispFloat ? time.value : timeToFloat(decodeTime(time)),
));
// time-date.el makes time-to-seconds an alias of float-time.
intern('time-to-seconds').fn = intern('float-time');

defun('time-add', [any, any], (a, b) => timeArith(a, b, false));
defun('time-subtract', [any, any], (a, b) => timeArith(a, b, true));
defun('time-less-p', [any, any], (a, b) => (timeCompare(a, b) < 0 ? T : NIL));
defun('time-equal-p', [any, any], (a, b) => {
  if (a === b && !(a instanceof LispFloat)) return T;
  return timeCompare(a, b) === 0 ? T : NIL;
});

function invalidFrequency(form: LispObject): never {
  return signal(Q.error, list(new LispString('Invalid time frequency', false), form));
}

defun('time-convert', [any, optional(any)], (time, form) => {
  if (form === T || form === Qinteger || form === Qlist || form === NIL) {
    // fall through to conversion
  } else if (!isInt(form) || form <= 0) invalidFrequency(form);
  const t = decodeTime(time);
  if (form === NIL || form === Qlist) return timeToList(t);
  if (form === Qinteger) return lispInt(floorDiv(t.ticks, t.hz));
  if (form === T) return ticksHz(t);
  const hz = BigInt(form as number | bigint);
  return new Cons(lispInt(floorDiv(t.ticks * hz, t.hz)), form);
});

// ---- decode-time and encode-time ------------------------------------------------

defun('decode-time', [optional(any), optional(any), optional(any)], (time, zone, form) => {
  const t = decodeTime(time);
  const z = lispZone(zone);
  const whole = floorDiv(t.ticks, t.hz);
  const tm = breakDown(safeSeconds(whole), z);
  let sec: LispObject = tm.sec;
  if (form === T && t.hz !== 1n) {
    sec = new Cons(lispInt(BigInt(tm.sec) * t.hz + (t.ticks - whole * t.hz)), lispInt(t.hz));
  }
  return list(sec, tm.min, tm.hour, tm.day, tm.month, tm.year, tm.dow, tm.zone.isDst ? T : NIL, tm.zone.offset);
});

function fixnumField(x: LispObject): number {
  if (typeof x !== 'number') wrongType(Qfixnump, x);
  return x;
}

function consCell(x: LispObject): Cons {
  if (!(x instanceof Cons)) wrongType(Q.consp, x);
  return x;
}

defunRest('encode-time', 1, (args) => {
  let secArg: LispObject;
  let fields: LispObject[];
  let dstFlag: LispObject = NIL;
  let zone: LispObject = NIL;
  if (args.length === 1) {
    // (encode-time (SEC MINUTE HOUR DAY MONTH YEAR IGNORED DST ZONE))
    let a: LispObject = args[0];
    fields = [];
    for (let k = 0; k < 9; k++) {
      const c = consCell(a);
      fields.push(c.car);
      a = c.cdr;
    }
    dstFlag = fields[7];
    zone = fields[8];
    secArg = fields[0];
  } else {
    if (args.length < 6) signal(Q.wrong_number_of_arguments, list(intern('encode-time'), args.length));
    // The obsolete (encode-time SEC MINUTE HOUR DAY MONTH YEAR &rest ... ZONE).
    fields = args.slice(0, 6);
    secArg = fields[0];
    dstFlag = -1;
    if (args.length > 6) zone = args[args.length - 1];
  }
  const min = fixnumField(fields[1]);
  const hour = fixnumField(fields[2]);
  const day = fixnumField(fields[3]);
  const month = fixnumField(fields[4]);
  const year = fixnumField(fields[5]);
  const z = lispZone(zone);
  const sec = decodeTime(secArg);
  const wholeSec = floorDiv(sec.ticks, sec.hz);
  const frac = sec.ticks - wholeSec * sec.hz;
  const isDst = dstFlag === NIL ? 0 : dstFlag === -1 ? -1 : 1;
  const t = makeTime(year, month, day, hour, min, safeSeconds(wholeSec), isDst, z);
  if (!Number.isSafeInteger(t)) notRepresentable();
  if (sec.hz === 1n) return secondsToList2(BigInt(t));
  return new Cons(lispInt(BigInt(t) * sec.hz + frac), lispInt(sec.hz));
});

// ---- format-time-string -----------------------------------------------------------

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** ISO 8601 week-based year and week number. */
function isoWeek(tm: BrokenTime): [number, number] {
  const wdayMon = mod(tm.dow - 1, 7);
  let year = tm.year;
  // Day of year of this week's Thursday decides the ISO year.
  let yday = tm.yday - wdayMon + 3;
  if (yday < 0) {
    year--;
    yday += isLeap(year) ? 366 : 365;
  } else {
    const len = isLeap(year) ? 366 : 365;
    if (yday >= len) {
      yday -= len;
      year++;
    }
  }
  return [year, Math.floor(yday / 7) + 1];
}

interface Spec {
  /** '-', '_', '0', '+' or '' (the default for the conversion). */
  pad: string;
  upcase: boolean;
  swapcase: boolean;
  /** -1 when none was given. */
  width: number;
}

function padNumber(value: number, digits: number, defaultPad: string, spec: Spec): string {
  const neg = value < 0;
  const body = String(Math.abs(value));
  return padSigned(neg ? '-' : '', body, digits, defaultPad, spec);
}

function padSigned(sign: string, body: string, digits: number, defaultPad: string, spec: Spec): string {
  const pad = spec.pad === '' ? defaultPad : spec.pad;
  const width = spec.width >= 0 ? spec.width : digits;
  if (spec.pad === '+' && sign === '' && body.length > width) sign = '+';
  if (pad === '-') return sign + body;
  if (pad === '_') return (sign + body).padStart(width, ' ');
  return sign + body.padStart(width - sign.length, '0');
}

function padString(s: string, spec: Spec, conversionCase: 'up' | 'down' | null): string {
  if (spec.upcase) s = s.toUpperCase();
  else if (spec.swapcase && conversionCase === 'up') s = s.toUpperCase();
  else if (spec.swapcase && conversionCase === 'down') s = s.toLowerCase();
  if (spec.width > s.length && spec.pad !== '-') s = s.padStart(spec.width, spec.pad === '0' || spec.pad === '+' ? '0' : ' ');
  return s;
}

function formatOffset(offset: number, colons: number, spec: Spec): string {
  const a = Math.abs(offset);
  const hh = Math.floor(a / 3600);
  const mm = Math.floor(a / 60) % 60;
  const ss = a % 60;
  if (colons === 3) colons = ss !== 0 ? 2 : mm !== 0 ? 1 : 3;
  let body: string;
  let digits: number;
  if (colons === 0) {
    body = String(hh * 100 + mm);
    digits = 5;
  } else if (colons === 1) {
    body = String(hh * 100 + mm).padStart(3, '0');
    body = body.slice(0, -2) + ':' + body.slice(-2);
    digits = 6;
  } else if (colons === 2) {
    body = String(hh * 10000 + mm * 100 + ss).padStart(5, '0');
    body = body.slice(0, -4) + ':' + body.slice(-4, -2) + ':' + body.slice(-2);
    digits = 9;
  } else {
    body = String(hh);
    digits = 3;
  }
  return padSigned(offset < 0 ? '-' : '+', body, digits, '0', spec);
}

/** Formats one broken-down time with a strftime format (C locale), as Emacs's nstrftime does. */
export function formatTime(fmt: string, tm: BrokenTime, seconds: bigint, nanos: number): string {
  let out = '';
  const n = fmt.length;
  let i = 0;
  while (i < n) {
    const c = fmt.charCodeAt(i);
    if (c !== 37 /* % */) {
      const next = fmt.indexOf('%', i);
      const end = next < 0 ? n : next;
      out += fmt.slice(i, end);
      i = end;
      continue;
    }
    const start = i;
    i++;
    const spec: Spec = { pad: '', upcase: false, swapcase: false, width: -1 };
    for (; i < n; i++) {
      const f = fmt[i];
      if (f === '-' || f === '_' || f === '0' || f === '+') spec.pad = f;
      else if (f === '^') spec.upcase = true;
      else if (f === '#') spec.swapcase = true;
      else break;
    }
    if (i < n && fmt[i] >= '1' && fmt[i] <= '9') {
      let w = 0;
      while (i < n && fmt[i] >= '0' && fmt[i] <= '9') w = Math.min(w * 10 + (fmt.charCodeAt(i++) - 48), 1 << 20);
      spec.width = w;
    }
    if (fmt[i] === 'E' || fmt[i] === 'O') i++;
    let colons = 0;
    while (fmt[i] === ':' && colons < 4) {
      colons++;
      i++;
    }
    const conv = i < n ? fmt[i] : '';
    i++;
    const literal = (): string => padString(fmt.slice(start, Math.min(i, n)), { ...spec, upcase: false, swapcase: false }, null);
    if (colons > 0 && (conv !== 'z' || colons > 3)) {
      out += literal();
      continue;
    }
    switch (conv) {
      case '%':
        out += padString('%', spec, null);
        break;
      case 'a':
        out += padString(DAY_NAMES[tm.dow].slice(0, 3), spec, 'up');
        break;
      case 'A':
        out += padString(DAY_NAMES[tm.dow], spec, 'up');
        break;
      case 'b':
      case 'h':
        out += padString(MONTH_NAMES[tm.month - 1].slice(0, 3), spec, 'up');
        break;
      case 'B':
        out += padString(MONTH_NAMES[tm.month - 1], spec, 'up');
        break;
      case 'c':
        out += padString(formatTime('%a %b %e %H:%M:%S %Y', tm, seconds, nanos), spec, null);
        break;
      case 'C': {
        const body = String(Math.abs(Math.trunc(tm.year / 100)));
        out += padSigned(tm.year < 0 ? '-' : '', body, 2, '0', spec);
        break;
      }
      case 'd':
        out += padNumber(tm.day, 2, '0', spec);
        break;
      case 'D':
        out += padString(formatTime('%m/%d/%y', tm, seconds, nanos), spec, null);
        break;
      case 'e':
        out += padNumber(tm.day, 2, '_', spec);
        break;
      case 'F':
        out += padString(formatTime('%+4Y-%m-%d', tm, seconds, nanos), spec, null);
        break;
      case 'G':
        out += padNumber(isoWeek(tm)[0], 4, '0', spec);
        break;
      case 'g': {
        const y = isoWeek(tm)[0];
        out += padNumber(Math.abs(y % 100), 2, '0', spec);
        break;
      }
      case 'H':
        out += padNumber(tm.hour, 2, '0', spec);
        break;
      case 'I':
        out += padNumber(((tm.hour + 11) % 12) + 1, 2, '0', spec);
        break;
      case 'j':
        out += padNumber(tm.yday + 1, 3, '0', spec);
        break;
      case 'k':
        out += padNumber(tm.hour, 2, '_', spec);
        break;
      case 'l':
        out += padNumber(((tm.hour + 11) % 12) + 1, 2, '_', spec);
        break;
      case 'm':
        out += padNumber(tm.month, 2, '0', spec);
        break;
      case 'M':
        out += padNumber(tm.min, 2, '0', spec);
        break;
      case 'n':
        out += padString('\n', spec, null);
        break;
      case 'N': {
        const digits = spec.width > 0 ? spec.width : 9;
        let s = String(nanos).padStart(9, '0');
        s = digits <= 9 ? s.slice(0, digits) : s + '0'.repeat(digits - 9);
        if (spec.pad === '-' || spec.pad === '_') {
          let end = s.length;
          while (end > 1 && s[end - 1] === '0') end--;
          s = spec.pad === '-' ? s.slice(0, end) : s.slice(0, end).padEnd(s.length, ' ');
        }
        out += s;
        break;
      }
      case 'p':
        out += padString(tm.hour < 12 ? 'AM' : 'PM', spec, 'down');
        break;
      case 'P':
        out += padString(tm.hour < 12 ? 'am' : 'pm', { ...spec, upcase: false }, null);
        break;
      case 'q':
        out += padNumber(Math.floor((tm.month - 1) / 3) + 1, 1, '0', spec);
        break;
      case 'r':
        out += padString(formatTime('%I:%M:%S %p', tm, seconds, nanos), spec, null);
        break;
      case 'R':
        out += padString(formatTime('%H:%M', tm, seconds, nanos), spec, null);
        break;
      case 's':
        out += padSigned(seconds < 0n ? '-' : '', String(seconds < 0n ? -seconds : seconds), 1, '0', spec);
        break;
      case 'S':
        out += padNumber(tm.sec, 2, '0', spec);
        break;
      case 't':
        out += padString('\t', spec, null);
        break;
      case 'T':
        out += padString(formatTime('%H:%M:%S', tm, seconds, nanos), spec, null);
        break;
      case 'u':
        out += padNumber(tm.dow === 0 ? 7 : tm.dow, 1, '0', spec);
        break;
      case 'U':
        out += padNumber(Math.floor((tm.yday + 7 - tm.dow) / 7), 2, '0', spec);
        break;
      case 'V':
        out += padNumber(isoWeek(tm)[1], 2, '0', spec);
        break;
      case 'w':
        out += padNumber(tm.dow, 1, '0', spec);
        break;
      case 'W':
        out += padNumber(Math.floor((tm.yday + 7 - mod(tm.dow - 1, 7)) / 7), 2, '0', spec);
        break;
      case 'x':
        out += padString(formatTime('%m/%d/%y', tm, seconds, nanos), spec, null);
        break;
      case 'X':
        out += padString(formatTime('%H:%M:%S', tm, seconds, nanos), spec, null);
        break;
      case 'y': {
        let y = tm.year % 100;
        if (y < 0) y = -y;
        out += padNumber(y, 2, '0', spec);
        break;
      }
      case 'Y':
        out += padNumber(tm.year, 4, '0', spec);
        break;
      case 'z':
        out += formatOffset(tm.zone.offset, colons, spec);
        break;
      case 'Z':
        out += padString(tm.zone.abbr, spec, 'down');
        break;
      default:
        out += literal();
    }
  }
  return out;
}

// TIME is checked before FORMAT-STRING, and the zone after both, as Emacs does.
defun('format-time-string', [any, optional(any), optional(any)], (fmtArg, time, zone) => {
  const t = decodeTime(time);
  const fmt = fmtArg instanceof LispString ? fmtArg : wrongType(Q.stringp, fmtArg);
  const z = lispZone(zone);
  const whole = floorDiv(t.ticks, t.hz);
  const nanos = Number(((t.ticks - whole * t.hz) * BILLION) / t.hz);
  const tm = breakDown(safeSeconds(whole), z);
  return new LispString(formatTime(fmt.value, tm, whole, nanos), true);
});

defun('current-time-string', [optional(any), optional(any)], (time, zone) => {
  const t = decodeTime(time);
  const z = lispZone(zone);
  const whole = floorDiv(t.ticks, t.hz);
  const tm = breakDown(safeSeconds(whole), z);
  return new LispString(formatTime('%a %b %e %H:%M:%S %Y', tm, whole, 0), false);
});

defun('current-time-zone', [optional(any), optional(any)], (time, zone) => {
  const t = decodeTime(time);
  const z = lispZone(zone);
  const state = z.at(safeSeconds(floorDiv(t.ticks, t.hz)));
  return list(state.offset, new LispString(state.abbr, true));
});

defun('set-time-zone-rule', [any], (rule) => {
  setLocalZone(rule);
  return NIL;
});
