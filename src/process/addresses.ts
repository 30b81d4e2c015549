// Socket addresses as Emacs shows them: [A B C D PORT] vectors for IPv4,
// eight 16-bit groups plus the port for IPv6, the path string for Unix
// sockets; the conn names and host strings Emacs 28 derives from them
// (with its byte-swapped IPv6 quirk); and numeric address parsing.
import { type LispObject, LispString, Cons, NIL, makeString } from '../lisp/index.js';
import type { NetAddress, NetFamily } from '../host/protocol.js';

/** The 4 bytes of a dotted IPv4 address, or null. */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** The 8 groups of an IPv6 address (with :: and a trailing dotted IPv4 part allowed), or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length === 0 || !s.includes(':')) return null;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIPv4(last);
    if (v4 === null) return null;
    s = s.slice(0, lastColon + 1) + ((v4[0] << 8) | v4[1]).toString(16) + ':' + ((v4[2] << 8) | v4[3]).toString(16);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]);
  if (head === null) return null;
  let groups: number[];
  if (halves.length === 2) {
    const rest = parse(halves[1]);
    if (rest === null) return null;
    const fill = 8 - head.length - rest.length;
    if (fill < 0) return null;
    groups = [...head, ...new Array<number>(fill).fill(0), ...rest];
  } else {
    groups = head;
  }
  return groups.length === 8 ? groups : null;
}

export function numericFamily(host: string): NetFamily | null {
  if (parseIPv4(host) !== null) return 'ipv4';
  if (parseIPv6(host) !== null) return 'ipv6';
  return null;
}

/** The Lisp form of an address: a vector, or the path string of a Unix socket. */
export function addressToLisp(a: NetAddress): LispObject {
  if (a.family === 'local') return makeString(a.address);
  if (a.family === 'ipv4') {
    const b = parseIPv4(a.address) ?? [0, 0, 0, 0];
    return [b[0], b[1], b[2], b[3], a.port];
  }
  const g = parseIPv6(a.address) ?? [0, 0, 0, 0, 0, 0, 0, 0];
  return [...g, a.port];
}

/** A Lisp address (vector or string) as a NetAddress, or null when malformed. */
export function lispToAddress(x: LispObject): NetAddress | null {
  if (x instanceof LispString) return { family: 'local', address: x.value, port: 0 };
  if (!Array.isArray(x)) return null;
  if (!x.every((e) => typeof e === 'number')) return null;
  const v = x as number[];
  if (v.length === 5) return { family: 'ipv4', address: v.slice(0, 4).map((n) => n & 0xff).join('.'), port: v[4] & 0xffff };
  if (v.length === 9) return { family: 'ipv6', address: v.slice(0, 8).map((n) => (n & 0xffff).toString(16)).join(':'), port: v[8] & 0xffff };
  return null;
}

/** The "no peer yet" address of a datagram socket: (0 . [0 ...]) with 14 bytes (IP) or 108 (Unix). */
export function unspecifiedAddress(family: NetFamily): LispObject {
  const n = family === 'local' ? 108 : 14;
  return new Cons(0, new Array<LispObject>(n).fill(0));
}

/** Emacs 28 prints IPv6 groups without converting byte order: each group comes out byte-swapped. */
function swappedGroup(g: number): string {
  return (((g & 0xff) << 8) | (g >> 8)).toString(16);
}

/** The host text Emacs shows for an accepted peer: "127.0.0.1", or the byte-swapped IPv6 groups. */
export function peerHostText(a: NetAddress): string {
  if (a.family === 'ipv4') return a.address;
  if (a.family === 'ipv6') return (parseIPv6(a.address) ?? []).map(swappedGroup).join(':');
  return '-';
}

/** The suffix of an accepted connection's name: "<127.0.0.1:5000>", "<[0:..:100]:5000>", or "<N>". */
export function connSuffix(a: NetAddress, counter: number): string {
  if (a.family === 'ipv4') return `<${a.address}:${a.port}>`;
  if (a.family === 'ipv6') return `<[${peerHostText(a)}]:${a.port}>`;
  return `<${counter}>`;
}

/** format-network-address. */
export function formatNetworkAddress(x: LispObject, omitPort: boolean): LispObject {
  if (x instanceof LispString) return x;
  let v: LispObject = x;
  if (x instanceof Cons) v = x.cdr;
  if (!Array.isArray(v) || !v.every((e) => typeof e === 'number')) return NIL;
  const n = v as number[];
  if (n.length === 5 || n.length === 4) {
    const host = n.slice(0, 4).join('.');
    return makeString(omitPort || n.length === 4 ? host : `${host}:${n[4]}`);
  }
  if (n.length === 9 || n.length === 8) {
    const host = n.slice(0, 8).map((g) => g.toString(16)).join(':');
    return makeString(omitPort || n.length === 8 ? host : `[${host}]:${n[8]}`);
  }
  return NIL;
}
