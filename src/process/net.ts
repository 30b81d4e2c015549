// Network processes on the worker side: make-network-process, sending,
// deleting, stopping, and the delivery of socket events to filters,
// sentinels and :log functions. Events reach this module as soon as the
// worker drains its channel (netSink), but run Lisp only at wait points
// (dispatchEvents, called from the waits in wait.ts), as in Emacs.
import * as fs from 'node:fs';
import {
  type LispObject, LispSymbol, LispString, LispSignal, LispThrow, Cons, NIL, T, Q, intern, list, arrayToList,
  signal, error, wrongType, makeString,
  isAsciiText,
} from '../lisp/index.js';
import { funcall } from '../eval/index.js';
import { dropExitFrame } from '../eval/funcall.js';
import { handlerStack, callState, truncate } from '../eval/state.js';
import { type Buffer, currentBuffer, setCurrentBuffer, isBuffer } from '../buffer/buffer.js';
import { insertAtPosition } from '../buffer/insdel.js';
import { getBufferCreate } from '../primitives/buffer.js';
import { checkCodingSystem, encodeToBytes, bytesToUnibyte, decodeCodingString, decodeUtf8 } from '../primitives/coding.js';
import { Buffer as NodeBuffer } from 'node:buffer';
import { copySequence } from '../primitives/fns.js';
import { errorMessageString } from '../primitives/errors.js';
import { messageToStderr } from '../primitives/print.js';
import { host } from '../host/host.js';
import { clearQuit } from '../host/quit.js';
import { writeDirect } from './direct-write.js';
import {
  NET_STRING_BYTES, type DirectWrite, type NetBytes, type NetAddress, type NetEvent, type NetFamily, type NetId, type NetOp, type NetReplyValue,
  type NetRequest,
} from '../host/protocol.js';
import {
  LispProcess, type QueuedEvent, addProcess, removeProcess, uniqueProcessName, plistGet, plistPut, notRunning,
  Qinternal_default_process_filter, Qinternal_default_process_sentinel, Qlisten, Qopen, Qconnect, Qstop, Qclosed,
  Qfailed, Qrun,
} from './process.js';
import {
  addressToLisp, lispToAddress, numericFamily, parseIPv4, parseIPv6, peerHostText, connSuffix, unspecifiedAddress,
} from './addresses.js';

const K = (name: string): LispSymbol => intern(name);
const Kname = K(':name');
const Kbuffer = K(':buffer');
const Khost = K(':host');
const Kservice = K(':service');
const Ktype = K(':type');
const Kfamily = K(':family');
const Klocal = K(':local');
const Kremote = K(':remote');
const Kcoding = K(':coding');
const Knowait = K(':nowait');
const Ktls_parameters = K(':tls-parameters');
const Khostname = K(':hostname');
const Knoquery = K(':noquery');
const Kstop = K(':stop');
const Kfilter = K(':filter');
const Ksentinel = K(':sentinel');
const Klog = K(':log');
const Kplist = K(':plist');
const Kserver = K(':server');
const Kuse_external_socket = K(':use-external-socket');
const Qdatagram = intern('datagram');
const Qseqpacket = intern('seqpacket');
const Qipv4 = intern('ipv4');
const Qipv6 = intern('ipv6');
const Qlocal = intern('local');
const Qfile_error = intern('file-error');
const Qfile_missing = intern('file-missing');
const Qutf_8_unix = intern('utf-8-unix');
export const Vread_process_output_max = intern('read-process-output-max');
export const Vdelete_exited_processes = intern('delete-exited-processes');

// ---- the host side --------------------------------------------------------------

/** What a Host offers for sockets (the worker's WorkerHost does; InlineHost does not). */
export interface NetHost {
  netSink: ((event: NetEvent) => void) | null;
  netDataSink?: ((id: NetId, data: NetBytes) => void) | null;
  beforeWait: (() => void) | null;
  onIdleNetEvents: (() => void) | null;
  postNet(ops: NetOp[]): void;
  /** The table of direct socket writes, when this host has one. */
  readonly writeSlots?: Int32Array | null;
  waitNet(timeoutMs: number): void;
  netRequest(request: NetRequest): NetReplyValue;
}

let installedFor: unknown = null;
let netHostCache: NetHost | null = null;

/** The current host's socket interface, wiring this module into it the first time; null without sockets. */
export function netHost(): NetHost | null {
  const h = host() as unknown as Partial<NetHost>;
  if (installedFor === h) return netHostCache;
  installedFor = h;
  if (typeof h.netRequest !== 'function') {
    netHostCache = null;
    return null;
  }
  const nh = h as NetHost;
  nh.netSink = sink;
  nh.netDataSink = sinkData;
  nh.beforeWait = flushOps;
  nh.onIdleNetEvents = idleDispatch;
  netHostCache = nh;
  return nh;
}

function requireNetHost(): NetHost {
  const nh = netHost();
  if (nh === null) error('Network processes are not available here');
  return nh;
}

// ---- outgoing commands, batched until the next wait --------------------------------

let ops: NetOp[] = [];
let opBytes = 0;
/** ops.length, kept apart: the array's map changes with its first element, and a test of ops.length would make V8 throw flushOps's optimised code away then. */
let opCount = 0;
const FLUSH_BYTES = 256 * 1024;

function queueOp(op: NetOp, bytes = 0): void {
  ops.push(op);
  opCount++;
  opBytes += bytes;
  if (opBytes >= FLUSH_BYTES) flushOps();
}

/** What subprocesses (child.ts) plug into the shared queue and dispatch; child.ts fills it in. */
export const childHooks = {
  /** Sends the batched subprocess commands. */
  flush: (): void => {},
  exited: (p: LispProcess, e: Extract<QueuedEvent, { kind: 'exit' }>): void => void [p, e],
  pipeClosed: (p: LispProcess): void => void p,
  consumed: (p: LispProcess, bytes: number): void => void [p, bytes],
  deleteChild: (p: LispProcess): void => void p,
};

export function flushOps(): void {
  childHooks.flush();
  if (opCount === 0) return;
  const batch = ops;
  ops = [];
  opCount = 0;
  opBytes = 0;
  netHostCache?.postNet(batch);
}

// ---- incoming events: queued per process ---------------------------------------------

let nextNetId = 1;
const byNetId = new Map<NetId, LispProcess>();
/** Events of accepted connections whose accept is still queued (the conn does not exist yet). */
const unborn = new Map<NetId, QueuedEvent[]>();
/** Processes with queued events, in the order they got them. */
const ready = new Set<LispProcess>();

/** Counts additions to ready, so that dispatchEvents sees work made during its pass. */
let readyAdded = 0;

export function enqueue(p: LispProcess, e: QueuedEvent): void {
  p.queue.push(e);
  ready.add(p);
  readyAdded++;
}

function sink(e: NetEvent): void {
  switch (e.type) {
    case 'net-accept': {
      const server = byNetId.get(e.server);
      if (server === undefined) {
        queueOp({ op: 'close', id: e.id });
        return;
      }
      unborn.set(e.id, []);
      enqueue(server, { kind: 'accept', id: e.id, local: e.local, remote: e.remote, direct: e.direct });
      return;
    }
    case 'net-data':
    case 'net-eof': {
      const ev: QueuedEvent = e.type === 'net-data' ? { kind: 'data', data: e.data, from: e.from } : { kind: 'eof' };
      const p = byNetId.get(e.id);
      if (p !== undefined) enqueue(p, ev);
      else unborn.get(e.id)?.push(ev);
      return;
    }
    case 'net-connect': {
      const p = byNetId.get(e.id);
      if (p === undefined) return;
      if (e.value.ok) enqueue(p, { kind: 'connect', ok: true, local: e.value.local!, remote: e.value.remote!, direct: e.value.direct });
      else enqueue(p, { kind: 'connect', ok: false, errno: e.value.failure.errno });
      return;
    }
    default:
      return;
  }
}

/** A connection's bytes from the ring, as sink would queue them, without the NetEvent. */
function sinkData(id: NetId, data: NetBytes): void {
  const ev: QueuedEvent = { kind: 'data', data, from: undefined };
  const p = byNetId.get(id);
  if (p !== undefined) enqueue(p, ev);
  else unborn.get(id)?.push(ev);
}

// ---- callbacks: filters, sentinels, their errors ---------------------------------------

/** How an error in a filter or sentinel ends: batch Emacs exits (fatal), interactive Emacs reports it. */
export const processCallbacks = {
  /** Set by the batch runner: report the error and exit 255. Null: report and go on. */
  fatal: null as ((sig: LispSignal) => never) | null,
};

const Qerror = Q.error;
const ERROR_HANDLER: readonly (readonly LispSymbol[] | true)[] = [[Qerror]];

/** Puts back the handlers a callback hid (see callProtected). */
function restoreHandlers(saved: (readonly (readonly LispSymbol[] | true)[])[] | null): void {
  truncate(handlerStack, 0);
  if (saved !== null) for (const h of saved) handlerStack.push(h);
}

function callProtected(fn: LispObject, args: LispObject[], what: 'filter' | 'sentinel'): void {
  // A server loop waits outside any condition-case: then there is nothing to hide.
  const saved = handlerStack.length === 0 ? null : handlerStack.splice(0, handlerStack.length);
  // The callback is a barrier: condition-cases around the wait do not see its errors.
  if (processCallbacks.fatal === null) handlerStack.push(ERROR_HANDLER);
  const buffer = currentBuffer();
  const depth = callState.depth;
  try {
    funcall(fn, args);
  } catch (e) {
    // A quit (C-g, or a fatal signal asking the worker to stop) interrupts the wait, as Emacs handles it once inhibit-quit is over.
    if (!(e instanceof LispSignal) || e.symbol === Q.quit) throw e;
    // The error ends here: the call depth goes back to the callback's caller.
    callState.depth = depth;
    restoreHandlers(saved);
    if (processCallbacks.fatal !== null) processCallbacks.fatal(e);
    let text: string;
    try {
      text = errorMessageString(e.errorObject);
    } catch {
      text = e.symbol.name;
    }
    messageToStderr(`error in process ${what}: ${text}`);
    return;
  } finally {
    restoreHandlers(saved);
    // Filters and sentinels run in whatever buffer was current; a set-buffer inside does not leak out.
    if (buffer.live) setCurrentBuffer(buffer);
  }
}

export function runSentinel(p: LispProcess, event: string): void {
  const s = p.sentinel;
  if (s === Qinternal_default_process_sentinel || s === NIL) {
    defaultSentinel(p, event);
    return;
  }
  callProtected(s, [p, makeString(event)], 'sentinel');
}

function runFilter(p: LispProcess, text: LispString): void {
  const f = p.filter;
  if (f === Qinternal_default_process_filter || f === NIL || f === T) {
    defaultFilter(p, text);
    return;
  }
  callProtected(f, [p, text], 'filter');
}

/** Inserts text at pos of the process buffer, moving the mark after it and point along if it was at or after pos. */
function insertForProcess(p: LispProcess, text: string): void {
  const b = p.buffer;
  if (!isBuffer(b)) return;
  const buf = b as Buffer;
  if (!buf.live) return;
  const m = p.mark;
  let pos = m.buffer === buf ? m.charpos : buf.zv;
  if (pos < buf.begv) pos = buf.begv;
  if (pos > buf.zv) pos = buf.zv;
  const oldPt = buf.pt;
  const saved = currentBuffer();
  setCurrentBuffer(buf);
  try {
    const n = insertAtPosition(buf, pos, text, false);
    m.set(buf, pos + n);
    buf.pt = oldPt >= pos ? oldPt + n : oldPt;
  } finally {
    if (saved.live) setCurrentBuffer(saved);
  }
}

export function defaultFilter(p: LispProcess, text: LispString): void {
  insertForProcess(p, text.value);
}

export function defaultSentinel(p: LispProcess, event: string): void {
  if (p.status === Qopen || p.status === Qrun) return;
  insertForProcess(p, `\nProcess ${p.name} ${event}`);
}

// ---- decoding --------------------------------------------------------------------

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** Length of an unfinished UTF-8 sequence at the end of bytes (to carry to the next read). */
function unfinishedTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

const eolSuffix = /-(unix|dos|mac)$/;
interface CodingParts {
  base: string;
  eol: string | undefined;
}
const codingParts = new Map<string, CodingParts>();

/** A coding system's name split from its EOL suffix, remembered: decodeOutput runs for every read. */
function partsOf(name: string): CodingParts {
  let parts = codingParts.get(name);
  if (parts === undefined) {
    parts = { base: name.replace(eolSuffix, ''), eol: eolSuffix.exec(name)?.[1] };
    codingParts.set(name, parts);
  }
  return parts;
}

const NON_ASCII = /[\x80-\xff]/;

function decodeOutput(p: LispProcess, chunk: NetBytes): LispString {
  const name = p.decoding.name;
  const base = partsOf(name).base;
  if (base === 'binary' || base === 'no-conversion' || base === 'raw-text') {
    if (typeof chunk === 'string') return new LispString(chunk, false);
    return new LispString(NodeBuffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1'), false);
  }
  if (base !== 'utf-8' && base !== 'undecided' && base !== 'prefer-utf-8' && base !== 'utf-8-emacs') {
    return decodeCodingString(typeof chunk === 'string' ? new LispString(chunk, false) : bytesToUnibyte(chunk), p.decoding);
  }
  // ASCII text decodes to itself.
  if (typeof chunk === 'string' && p.carry === null && !NON_ASCII.test(chunk)) return withEol(p, name, base, chunk);
  let bytes = typeof chunk === 'string' ? NodeBuffer.from(chunk, 'latin1') : chunk;
  if (p.carry !== null) {
    const joined = new Uint8Array(p.carry.length + bytes.length);
    joined.set(p.carry);
    joined.set(bytes, p.carry.length);
    bytes = joined;
    p.carry = null;
  }
  const tail = unfinishedTail(bytes);
  if (tail > 0) {
    p.carry = bytes.slice(bytes.length - tail);
    bytes = bytes.subarray(0, bytes.length - tail);
  }
  let text: string;
  try {
    text = utf8Fatal.decode(bytes);
  } catch {
    text = decodeUtf8(bytes).text;
  }
  return withEol(p, name, base, text);
}

/** The decoded text with its end-of-line conversion (detected on first sight when the coding has no EOL variant). */
function withEol(p: LispProcess, name: string, base: string, decoded: string): LispString {
  let text = decoded;
  let eol = partsOf(name).eol;
  if (eol === undefined) {
    // No EOL variant: the first text with a line end decides it, as Emacs's detection does.
    const cr = text.indexOf('\r');
    const lf = text.indexOf('\n');
    if (cr >= 0 && text.charCodeAt(cr + 1) === 10) eol = 'dos';
    else if (lf >= 0) eol = 'unix';
    else if (cr >= 0) eol = 'mac';
    if (eol !== undefined) p.decoding = intern(`${base}-${eol}`);
  }
  if (eol === 'dos' && text.indexOf('\r\n') >= 0) text = text.replace(/\r\n/g, '\n');
  else if (eol === 'mac') text = text.replace(/\r/g, '\n');
  return new LispString(text, true);
}

const utf8Encoder = new TextEncoder();
/** A Set, not a regexp: process-send-string asks it at every send. */
const PLAIN_ENCODERS = new Set(['binary', 'no-conversion', 'raw-text-unix', 'utf-8', 'utf-8-unix', 'undecided-unix', 'prefer-utf-8-unix']);

export function encodeInput(p: LispProcess, s: LispString): NetBytes {
  // The common cases without conversion work, natively: bytes of a unibyte string, UTF-8 of plain text.
  // Each result owns an exact-size ArrayBuffer: posting a view of a pooled one would copy the whole pool.
  if (PLAIN_ENCODERS.has(p.encoding.name)) {
    // Small unibyte or ASCII text is its own latin1 byte string.
    if (s.value.length <= NET_STRING_BYTES && (!s.multibyte || isAsciiText(s.value))) return s.value;
    if (!s.multibyte) {
      const out = new Uint8Array(s.value.length);
      NodeBuffer.from(out.buffer).write(s.value, 'latin1');
      return out;
    }
    if (!/[\ud800-\udfff]/.test(s.value)) return utf8Encoder.encode(s.value);
  }
  const bytes = encodeToBytes(s, p.encoding);
  return bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

// ---- delivering queued events ------------------------------------------------------

/** Output seen by dispatchEvents from any process (each process counts its own in outputCount). */
export const outputSeen = { any: 0 };

function noteOutput(p: LispProcess): void {
  outputSeen.any++;
  p.outputCount++;
}

function readMax(): number {
  const v = Vread_process_output_max.value;
  return typeof v === 'number' && v > 0 ? v : 4096;
}

/**
 * Delivers the queued events of every process (only of `only` when
 * justThisOne): data to filters in pieces of at most
 * read-process-output-max bytes, accepts, connects and closes to
 * sentinels. A stopped process keeps its events.
 */
export function dispatchEvents(only: LispProcess | null, justThisOne: boolean): void {
  // A pass can make more work ready (an accept brings its connection's early data): go again then.
  for (let pass = 0; ready.size > 0 && pass < 8; pass++) {
    const added = readyAdded;
    for (const p of [...ready]) {
      if (justThisOne && only !== null && p !== only) continue;
      while (p.queue.length > 0) {
        const e = p.queue[0];
        if (p.stopped && e.kind !== 'connect') break;
        p.queue.shift();
        deliver(p, e);
      }
      if (p.queue.length === 0) ready.delete(p);
    }
    if (readyAdded === added) return;
  }
}

function deliver(p: LispProcess, e: QueuedEvent): void {
  switch (e.kind) {
    case 'data':
      deliverData(p, e.data, e.from);
      return;
    case 'eof':
      peerClosed(p);
      return;
    case 'accept':
      accept(p, e.id, e.local, e.remote, e.direct);
      return;
    case 'connect':
      connected(p, e);
      return;
    case 'exit':
      childHooks.exited(p, e);
      return;
    case 'pipe-eof':
      childHooks.pipeClosed(p);
      return;
  }
}

/** Bytes consumed since main was last told, per process: main pauses a socket far above this. */
const CONSUMED_REPORT = 256 * 1024;

function deliverData(p: LispProcess, data: NetBytes, from: NetAddress | undefined): void {
  p.unreported += data.length;
  if (p.unreported >= CONSUMED_REPORT) {
    if (p.netId >= 0) queueOp({ op: 'consumed', id: p.netId, bytes: p.unreported });
    else childHooks.consumed(p, p.unreported);
    p.unreported = 0;
  }
  if (!p.live) return;
  if (p.kind === 'datagram') {
    if (from !== undefined) {
      p.datagramAddress = addressToLisp(from);
      plistPut(p.contact, Kremote, p.datagramAddress);
    }
    noteOutput(p);
    runFilter(p, decodeOutput(p, data));
    return;
  }
  const max = readMax();
  for (let off = 0; off < data.length; off += max) {
    const piece = data.length <= max ? data : slice(data, off, Math.min(data.length, off + max));
    noteOutput(p);
    const text = decodeOutput(p, piece);
    if (text.length > 0 || piece.length > 0) runFilter(p, text);
    // The filter may have deleted or stopped its process: the rest stays for later or goes away.
    if (!p.live) return;
    if (p.stopped && off + max < data.length) {
      p.queue.unshift({ kind: 'data', data: slice(data, off + max, data.length) });
      return;
    }
  }
}

function slice(data: NetBytes, from: number, to: number): NetBytes {
  return typeof data === 'string' ? data.slice(from, to) : data.subarray(from, to);
}

function peerClosed(p: LispProcess): void {
  if (!p.live) return;
  forget(p);
  p.status = Qclosed;
  p.exitStatus = 256;
  // Out of the list before the sentinel runs, as in Emacs: a delete-process there then runs no second sentinel.
  if (Vdelete_exited_processes.value !== NIL) removeProcess(p);
  runSentinel(p, 'connection broken by remote peer\n');
}

function connected(p: LispProcess, e: Extract<QueuedEvent, { kind: 'connect' }>): void {
  if (p.status !== Qconnect && !(p.status === Qstop && p.stoppedFrom === Qconnect)) return;
  if (e.ok) {
    if (p.status === Qstop) p.stoppedFrom = Qopen;
    else p.status = Qopen;
    plistPut(p.contact, Kremote, addressToLisp(e.remote));
    plistPut(p.contact, Klocal, addressToLisp(e.local));
    p.directWrite = e.direct ?? null;
    runSentinel(p, 'open\n');
    return;
  }
  forget(p);
  p.status = Qfailed;
  p.stoppedFrom = null;
  p.exitStatus = e.errno;
  runSentinel(p, `failed with code ${e.errno}\n`);
}

/** Counter of accepted connections (all servers), for the "<N>" names of Unix-socket conns. */
let acceptCounter = 0;

function accept(server: LispProcess, id: NetId, local: NetAddress, remote: NetAddress, direct: DirectWrite | undefined): void {
  const early = unborn.get(id) ?? [];
  unborn.delete(id);
  if (!server.live) {
    queueOp({ op: 'close', id });
    return;
  }
  acceptCounter++;
  const suffix = connSuffix(remote, acceptCounter);
  const conn = new LispProcess(uniqueProcessName(`${server.name} ${suffix}`), 'conn', { decode: server.decoding, encode: server.encoding });
  conn.family = server.family;
  conn.netId = id;
  conn.directWrite = direct ?? null;
  conn.status = Qopen;
  conn.filter = server.filter;
  conn.sentinel = server.sentinel;
  conn.plist = server.plist === NIL ? NIL : copySequence(server.plist);
  if (server.filter === Qinternal_default_process_filter || server.filter === T) {
    const sb = server.buffer;
    const baseName = isBuffer(sb) && (sb as Buffer).live ? (sb as Buffer).name : server.name;
    conn.buffer = getBufferCreate(makeString(`${baseName} ${suffix}`), false);
  }
  // The contact: a copy of the server's, with this connection's host, port and addresses.
  const contact = copySequence(server.contact);
  const hostText = remote.family === 'local' ? T : makeString(peerHostText(remote));
  plistPut(contact, Kserver, NIL);
  plistPut(contact, Khost, hostText);
  if (remote.family !== 'local') plistPut(contact, Kservice, remote.port);
  plistPut(contact, Kremote, addressToLisp(remote));
  plistPut(contact, Klocal, addressToLisp(local));
  conn.contact = contact;
  byNetId.set(id, conn);
  for (const e of early) conn.queue.push(e);
  if (conn.queue.length > 0) {
    ready.add(conn);
    readyAdded++;
  }
  addProcess(conn);
  const hostMessage = peerHostText(remote);
  // :log runs unprotected: its error leaves accept-process-output, and the open sentinel call is skipped.
  if (server.logFn !== NIL) funcall(server.logFn, [server, conn, makeString(`accept from ${hostMessage}\n`)]);
  runSentinel(conn, `open from ${hostMessage}\n`);
}

/** The process no longer has a socket. */
export function forget(p: LispProcess): void {
  if (p.netId >= 0) {
    byNetId.delete(p.netId);
    queueOp({ op: 'close', id: p.netId });
    p.netId = -1;
  }
  p.directWrite = null;
  p.queue.length = 0;
  ready.delete(p);
  p.carry = null;
}

// ---- deleting, stopping, sending --------------------------------------------------

export function deleteProcess(p: LispProcess): void {
  if (p.kind === 'child' || p.kind === 'pipe') {
    childHooks.deleteChild(p);
    return;
  }
  if (p.kind === 'server') {
    // Connections accepted by main whose accept is still queued go away with the server.
    for (const e of p.queue) if (e.kind === 'accept') {
      unborn.delete(e.id);
      queueOp({ op: 'close', id: e.id });
    }
  }
  const wasListed = p.listed;
  forget(p);
  p.status = Qclosed;
  p.stoppedFrom = null;
  p.exitStatus = 0;
  removeProcess(p);
  if (wasListed) runSentinel(p, 'deleted\n');
}

export function stopProcess(p: LispProcess): void {
  if (!p.live || p.status === Qstop) return;
  p.stoppedFrom = p.status;
  p.status = Qstop;
  if (p.netId >= 0) queueOp({ op: 'pause', id: p.netId });
}

export function continueProcess(p: LispProcess): void {
  if (p.status !== Qstop) return;
  p.status = p.stoppedFrom ?? (p.kind === 'server' ? Qlisten : Qopen);
  p.stoppedFrom = null;
  if (p.netId >= 0) queueOp({ op: 'resume', id: p.netId });
  if (p.queue.length > 0) {
    ready.add(p);
    readyAdded++;
  }
}

/** Waits (running other processes' events) while p is still connecting. Set by wait.ts. */
export const connectWait = { waitWhileConnecting: (p: LispProcess): void => void p };

export function sendBytes(p: LispProcess, s: LispString): void {
  if (p.status === Qconnect || (p.status === Qstop && p.stoppedFrom === Qconnect)) connectWait.waitWhileConnecting(p);
  const writable = p.status === Qopen || (p.status === Qstop && p.stoppedFrom === Qopen);
  if (!writable || p.kind === 'server' || p.netId < 0) notRunning(p);
  if (p.kind === 'datagram') {
    const to = lispToAddress(p.datagramAddress);
    if (to === null || to.family === 'local') signal(Qfile_error, list(makeString('Writing to process'), makeString('Invalid argument'), p));
    const data = encodeInput(p, s);
    if (data.length === 0) return;
    queueOp({ op: 'send', id: p.netId, data, family: to.family, address: to.address, port: to.port }, data.length);
    return;
  }
  if (p.eofSent) return;
  if (s.length === 0) return;
  const data = encodeInput(p, s);
  const slots = netHostCache?.writeSlots;
  if (p.directWrite !== null && slots) {
    const written = writeDirect(slots, p.directWrite, data);
    if (written === data.length) return;
    // Whatever did not go out goes through main, which reports a broken connection as it always has
    // (a close or reset reaches the sentinel at the next wait point).
    p.directWrite = null;
    const rest = written <= 0 ? data : typeof data === 'string' ? data.slice(written) : data.subarray(written);
    queueOp({ op: 'write', id: p.netId, data: rest }, rest.length);
    return;
  }
  queueOp({ op: 'write', id: p.netId, data }, data.length);
}

export function sendEof(p: LispProcess): void {
  if (p.status === Qconnect) connectWait.waitWhileConnecting(p);
  const writable = p.status === Qopen || (p.status === Qstop && p.stoppedFrom === Qopen);
  if (!writable || p.kind === 'server' || p.netId < 0) notRunning(p);
  if (p.kind === 'datagram' || p.eofSent) return;
  p.eofSent = true;
  queueOp({ op: 'eof', id: p.netId });
}

export function setSocketOption(p: LispProcess, name: string, value: LispObject): void {
  if (p.netId < 0) return;
  if (name === 'keepalive' || name === 'nodelay') queueOp({ op: 'option', id: p.netId, name, value: value !== NIL });
}

// ---- make-network-process ------------------------------------------------------------

/** strerror texts for the errors sockets report. */
const STRERROR: Record<string, string> = {
  ECONNREFUSED: 'Connection refused',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  ETIMEDOUT: 'Connection timed out',
  ECONNRESET: 'Connection reset by peer',
  EAFNOSUPPORT: 'Address family not supported by protocol',
  ESOCKTNOSUPPORT: 'Socket type not supported',
  ENOTSOCK: 'Socket operation on non-socket',
  EINVAL: 'Invalid argument',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENAMETOOLONG: 'File name too long',
};

function fileError(fail: { code: string }, what: string, extra: LispObject): never {
  const sym = fail.code === 'ENOENT' ? Qfile_missing : Qfile_error;
  return signal(sym, new Cons(makeString(what), new Cons(makeString(STRERROR[fail.code] ?? fail.code), extra)));
}

let servicesTable: Map<string, number> | null = null;

/** A service name's port from /etc/services, as getaddrinfo finds it. */
function serviceNamed(name: string, datagram: boolean): number | null {
  if (servicesTable === null) {
    servicesTable = new Map();
    try {
      for (const line of fs.readFileSync('/etc/services', 'latin1').split('\n')) {
        const m = /^([^#\s]+)\s+(\d+)\/(tcp|udp)(.*)$/.exec(line);
        if (!m) continue;
        const names = [m[1], ...(m[4].split('#')[0].trim().split(/\s+/).filter((x) => x !== ''))];
        for (const n of names) {
          const key = `${n}/${m[3]}`;
          if (!servicesTable.has(key)) servicesTable.set(key, Number(m[2]));
        }
      }
    } catch {
      // no services database: only numeric services
    }
  }
  return servicesTable.get(`${name}/${datagram ? 'udp' : 'tcp'}`) ?? null;
}

interface Coding {
  decode: LispSymbol;
  encode: LispSymbol;
}

function codingArg(x: LispObject): Coding {
  if (x === NIL) return { decode: Qutf_8_unix, encode: Qutf_8_unix };
  if (x instanceof Cons) {
    const d = x.car === NIL ? Qutf_8_unix : x.car;
    const e = x.cdr === NIL ? Qutf_8_unix : x.cdr;
    checkCodingSystem(d);
    checkCodingSystem(e);
    return { decode: d as LispSymbol, encode: e as LispSymbol };
  }
  checkCodingSystem(x);
  return { decode: x as LispSymbol, encode: x as LispSymbol };
}

/** (make-network-process &rest ARGS). */
export function makeNetworkProcess(args: LispObject[]): LispObject {
  if (args.length === 0) return NIL;
  const contact = arrayToList(args);
  const given = arrayToList(args);
  const get = (k: LispSymbol): LispObject => plistGet(contact, k);

  const typeArg = get(Ktype);
  if (typeArg !== NIL && typeArg !== Qdatagram && typeArg !== Qseqpacket) error('Unsupported connection type');
  const datagram = typeArg === Qdatagram;
  const isServer = get(Kserver) !== NIL;
  const nowait = get(Knowait) !== NIL;
  if (isServer && nowait) error('\u2018:server\u2019 is incompatible with \u2018:nowait\u2019');
  const nameArg = get(Kname);
  if (!(nameArg instanceof LispString)) wrongType(Q.stringp, nameArg);
  if (get(Kuse_external_socket) !== NIL) error('Network processes cannot use an external socket here');

  let target: NetAddress | null = null;
  const addressArg = isServer ? get(Klocal) : get(Kremote);
  if (addressArg !== NIL) {
    target = lispToAddress(addressArg);
    if (target === null) error('Malformed :address');
  }

  const familyArg = get(Kfamily);
  let family: NetFamily | null;
  if (familyArg === NIL) family = null;
  else if (familyArg === Qipv4) family = 'ipv4';
  else if (familyArg === Qipv6) family = 'ipv6';
  else if (familyArg === Qlocal) family = 'local';
  else error('Unknown address family');

  const hostArg = get(Khost);
  if (hostArg !== NIL && hostArg !== Qlocal && !(hostArg instanceof LispString)) wrongType(Q.stringp, hostArg);
  const serviceArg = get(Kservice);

  if (target === null) {
    if (family === 'local') {
      if (hostArg !== NIL) {
        messageToStderr(':family local ignores the :host property');
        plistPut(contact, Khost, NIL);
      }
      if (!(serviceArg instanceof LispString)) wrongType(Q.stringp, serviceArg);
      target = { family: 'local', address: serviceArg.value, port: 0 };
    } else {
      target = resolve(hostArg, serviceArg, family, isServer, datagram);
    }
  }
  if (family === null) family = target.family;

  // Created while the process is made: plist, buffer, coding.
  const plistArg = get(Kplist);
  if (plistArg !== NIL && !(plistArg instanceof Cons) && !Array.isArray(plistArg) && !(plistArg instanceof LispString)) {
    wrongType(Q.sequencep, plistArg);
  }
  const bufferArg = get(Kbuffer);
  let buffer: LispObject = NIL;
  if (bufferArg !== NIL) buffer = getBufferCreate(bufferArg, false);
  const coding = codingArg(get(Kcoding));

  const nh = requireNetHost();
  const stop = get(Kstop) !== NIL;
  const id = nextNetId++;
  const kind = datagram ? 'datagram' : isServer ? 'server' : 'client';
  let status: LispSymbol = Qopen;
  let direct: DirectWrite | null = null;
  let datagramAddress: LispObject = NIL;

  if (typeArg === Qseqpacket) {
    fileError({ code: 'ESOCKTNOSUPPORT' }, isServer ? 'make server process failed' : 'make client process failed', given);
  }

  if (isServer) {
    const backlogArg = get(Kserver);
    const backlog = typeof backlogArg === 'number' ? backlogArg : 5;
    const reply = nh.netRequest({
      kind: 'listen', id, type: datagram ? 'datagram' : 'stream', family: target.family, address: target.address,
      port: target.port, backlog, paused: stop,
    });
    if (!reply.ok) {
      if (reply.failure.code === 'EADDRINUSE') fileError(reply.failure, 'Cannot bind server socket', NIL);
      fileError(reply.failure, datagram ? 'make server process failed' : 'Cannot bind server socket', datagram ? given : NIL);
    }
    const local = reply.local!;
    if (local.family !== 'local') plistPut(contact, Kservice, local.port);
    plistPut(contact, Klocal, addressToLisp(local));
    if (datagram) {
      // :remote of a datagram server: its first peer.
      const peer = get(Kremote);
      datagramAddress = lispToAddress(peer) !== null ? peer : unspecifiedAddress(local.family);
      plistPut(contact, Kremote, datagramAddress);
    } else status = Qlisten;
  } else if (datagram) {
    queueOp({ op: 'dgram-open', id, family: target.family, paused: stop });
    datagramAddress = addressToLisp(target);
    plistPut(contact, Kremote, datagramAddress);
    plistPut(contact, Klocal, target.family === 'ipv6' ? [0, 0, 0, 0, 0, 0, 0, 0, 0] : [0, 0, 0, 0, 0]);
  } else {
    const request: Extract<NetRequest, { kind: 'connect' }> = {
      kind: 'connect', id, family: target.family, address: target.address, port: target.port, paused: stop,
    };
    const tlsParameters = get(Ktls_parameters);
    if (tlsParameters !== NIL) {
      // gnutls-boot-parameters' (TYPE . PLIST), or a bare plist: its :hostname, else :host's name.
      const named = plistGet(tlsParameters instanceof Cons && tlsParameters.car instanceof LispSymbol && !tlsParameters.car.name.startsWith(':') ? tlsParameters.cdr : tlsParameters, Khostname);
      const servername = named instanceof LispString ? named.value : hostArg instanceof LispString ? hostArg.value : null;
      // TLS's server name indication takes host names, not addresses.
      request.tls = { servername: servername !== null && !/^[\d.]+$|:/.test(servername) ? servername : null };
    }
    // :local of a client: the address to bind before connecting.
    const bindTo = lispToAddress(get(Klocal));
    if (bindTo !== null && bindTo.family !== 'local') {
      request.localAddress = bindTo.address;
      request.localPort = bindTo.port;
    }
    if (nowait) {
      queueOp({ op: 'connect', request });
      status = Qconnect;
    } else {
      const reply = nh.netRequest(request);
      if (!reply.ok) fileError(reply.failure, 'make client process failed', given);
      plistPut(contact, Kremote, addressToLisp(reply.remote!));
      plistPut(contact, Klocal, addressToLisp(reply.local!));
      direct = reply.direct ?? null;
    }
  }

  const p = new LispProcess(uniqueProcessName(nameArg.value), kind, coding);
  p.netId = id;
  p.directWrite = direct;
  p.family = target.family;
  p.contact = contact;
  p.buffer = buffer;
  p.datagramAddress = datagramAddress;
  if (plistArg !== NIL) p.plist = copySequence(plistArg);
  const filterArg = get(Kfilter);
  const sentinelArg = get(Ksentinel);
  if (filterArg !== NIL) p.filter = filterArg;
  if (sentinelArg !== NIL) p.sentinel = sentinelArg;
  p.logFn = get(Klog);
  p.queryOnExit = get(Knoquery) === NIL;
  if (stop) {
    p.stoppedFrom = status;
    p.status = Qstop;
  } else p.status = status;
  if (isBuffer(buffer) && kind === 'client') p.mark.set(buffer as Buffer, (buffer as Buffer).z);
  byNetId.set(id, p);
  addProcess(p);
  return p;
}

function serviceText(serviceArg: LispObject): string {
  if (serviceArg === T) return '0';
  if (typeof serviceArg === 'number') return String(serviceArg);
  if (serviceArg instanceof LispString) return serviceArg.value;
  return '';
}

/** The address host/service name, as Emacs's getaddrinfo step does, with its error texts. */
function resolve(hostArg: LispObject, serviceArg: LispObject, family: NetFamily | null, isServer: boolean, datagram: boolean): NetAddress {
  let port: number;
  if (serviceArg === T) port = 0;
  else if (typeof serviceArg === 'number') port = serviceArg;
  else if (serviceArg instanceof LispString) {
    const text = serviceArg.value;
    if (/^\d+$/.test(text)) port = Number(text);
    else port = -2;
  } else return wrongType(Q.stringp, serviceArg);

  const defaultHost = family === 'ipv6' ? '::1' : '127.0.0.1';
  const hostText = hostArg instanceof LispString ? hostArg.value : defaultHost;
  const svc = serviceText(serviceArg);
  if (port === -2) {
    const named = serviceNamed(svc, datagram);
    if (named === null) error(`${hostText}/${svc} Servname not supported for ai_socktype`);
    port = named;
  }
  if (port < 0) error(`${hostText}/${svc} Servname not supported for ai_socktype`);
  if (hostText === '') error(`/${svc} Name or service not known`);
  const numeric = numericFamily(hostText);
  if (numeric !== null) {
    if (family !== null && family !== numeric) error(`${hostText}/${svc} Address family for hostname not supported`);
    return { family: numeric, address: canonicalAddress(hostText, numeric), port };
  }
  const reply = requireNetHost().netRequest({ kind: 'lookup', host: hostText, family });
  if (!reply.ok || reply.addresses === undefined || reply.addresses.length === 0) {
    const code = reply.ok ? 'ENOTFOUND' : reply.failure.code;
    const text = code === 'EAI_AGAIN' ? 'Temporary failure in name resolution' : 'Name or service not known';
    error(`${hostText}/${svc} ${text}`);
  }
  const a = reply.addresses[0];
  void isServer;
  return { family: a.family, address: a.address, port };
}

function canonicalAddress(text: string, family: NetFamily): string {
  if (family === 'ipv4') return (parseIPv4(text) ?? []).join('.');
  return (parseIPv6(text) ?? []).map((g) => g.toString(16)).join(':');
}

/** Runs the queued events while the session idles (a REPL or embedding wait point). */
function idleDispatch(): void {
  const depth = callState.depth;
  try {
    dispatchEvents(null, false);
  } catch (e) {
    callState.depth = depth;
    dropExitFrame();
    // Nothing outside can catch here: a quit (C-g while idle) just ends this pass; kill-emacs still exits.
    if (e instanceof LispSignal) {
      if (e.symbol !== Q.quit) messageToStderr(`error in process filter: ${errorMessageString(e.errorObject)}`);
      clearQuit();
    } else if (e instanceof LispThrow) {
      messageToStderr('error in process filter: No catch for tag');
    } else throw e;
  } finally {
    flushOps();
  }
}
