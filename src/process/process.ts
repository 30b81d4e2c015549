// Process objects and the process list, as Emacs's process.c keeps them:
// network processes (net.ts), subprocesses and pipe processes (child.ts).
// The fields follow what Emacs shows through the process accessors
// (spec/network-processes.md).
import {
  type LispObject, type LispOpaque, LispSymbol, Cons, NIL, intern, list, error, setCar, setCdr,
} from '../lisp/index.js';
import { Marker, type Buffer } from '../buffer/buffer.js';
import type { DirectWrite, NetBytes, NetFamily, NetId } from '../host/protocol.js';

const Qprocess = intern('process');
export const Qinternal_default_process_filter = intern('internal-default-process-filter');
export const Qinternal_default_process_sentinel = intern('internal-default-process-sentinel');
export const Qnetwork = intern('network');
export const Qlisten = intern('listen');
export const Qopen = intern('open');
export const Qconnect = intern('connect');
export const Qstop = intern('stop');
export const Qclosed = intern('closed');
export const Qfailed = intern('failed');
export const Qrun = intern('run');
export const Qexit = intern('exit');
/** The statuses of `process-live-p`. A Set, not a chain of ===: each === would be a branch V8 meets late, after optimising. */
const LIVE_STATUSES: ReadonlySet<LispSymbol> = new Set([Qopen, Qlisten, Qconnect, Qstop, Qrun]);

export type NetKind = 'server' | 'client' | 'conn' | 'datagram';
/** 'child': a subprocess (process-type real); 'pipe': make-pipe-process, e.g. a :stderr pipe. */
export type ProcessKind = NetKind | 'child' | 'pipe';

/** An event waiting in a process's queue until a wait point delivers it. */
export type QueuedEvent =
  | { kind: 'data'; data: NetBytes; from?: { family: NetFamily; address: string; port: number } }
  | { kind: 'eof' }
  | { kind: 'accept'; id: NetId; local: { family: NetFamily; address: string; port: number }; remote: { family: NetFamily; address: string; port: number }; direct?: DirectWrite }
  | { kind: 'connect'; ok: true; local: { family: NetFamily; address: string; port: number }; remote: { family: NetFamily; address: string; port: number }; direct?: DirectWrite }
  | { kind: 'connect'; ok: false; errno: number }
  /** A subprocess ended (all its output came before). */
  | { kind: 'exit'; code: number | null; signal: number | null }
  /** The writer of a pipe process is gone. */
  | { kind: 'pipe-eof' };

export class LispProcess implements LispOpaque {
  name: string;
  /** The main thread's socket number, or -1 once closed. */
  netId: NetId = -1;
  kind: ProcessKind;
  /** The main thread's child number (subprocesses), or -1 once it is gone. */
  childId = -1;
  /** The subprocess's pid. */
  pid: number | null = null;
  /** process-command: the program and its arguments. */
  command: LispObject = NIL;
  /** The pipe process that gets this subprocess's stderr (make-process :stderr). */
  stderrProc: LispProcess | null = null;
  family: NetFamily = 'ipv4';
  status: LispSymbol = Qopen;
  /** Status before stop-process, restored by continue-process. */
  stoppedFrom: LispSymbol | null = null;
  exitStatus = 0;
  buffer: LispObject = NIL;
  readonly mark = new Marker();
  filter: LispObject = Qinternal_default_process_filter;
  sentinel: LispObject = Qinternal_default_process_sentinel;
  plist: LispObject = NIL;
  /** The contact plist: the make-network-process arguments, updated in place. */
  contact: LispObject = NIL;
  logFn: LispObject = NIL;
  queryOnExit = true;
  decoding: LispSymbol;
  encoding: LispSymbol;
  /** Bytes of an unfinished UTF-8 sequence left from the last read. */
  carry: Uint8Array | null = null;
  /** The current datagram peer: a vector, or the (FAMILY . BYTES) cons of "no peer yet". */
  datagramAddress: LispObject = NIL;
  /** process-send-eof was called: later sends are dropped. */
  eofSent = false;
  /** In process-list (deleted and closed-and-reaped processes are not). */
  listed = false;
  /** Events that arrived and wait for a wait point. */
  readonly queue: QueuedEvent[] = [];
  /** Bytes delivered since main was last told how much was consumed (backpressure). */
  unreported = 0;
  /** Reads delivered to the filter or buffer so far (accept-process-output waits for it to move). */
  outputCount = 0;
  /** The socket this thread writes to itself, until a write cannot finish there (see write-slots.ts). */
  directWrite: DirectWrite | null = null;

  constructor(name: string, kind: ProcessKind, coding: { decode: LispSymbol; encode: LispSymbol }) {
    this.name = name;
    this.kind = kind;
    this.decoding = coding.decode;
    this.encoding = coding.encode;
  }

  get lispType(): LispSymbol {
    return Qprocess;
  }

  printRepr(): string {
    return `#<process ${this.name}>`;
  }

  get stopped(): boolean {
    return this.status === Qstop;
  }

  /** run, open, listen, connect or stop: `process-live-p`. */
  get live(): boolean {
    return LIVE_STATUSES.has(this.status);
  }
}

export function isProcess(x: LispObject): x is LispProcess & LispObject {
  return x instanceof LispProcess;
}

// ---- the process list ------------------------------------------------------------

/** Processes in creation order; process-list shows them newest first. */
const processes: LispProcess[] = [];
const byName = new Map<string, LispProcess>();

export function allProcesses(): readonly LispProcess[] {
  return processes;
}

export function processList(): LispObject {
  let out: LispObject = NIL;
  for (let i = 0; i < processes.length; i++) out = new Cons(processes[i], out);
  return out;
}

export function findProcess(name: string): LispProcess | undefined {
  return byName.get(name);
}

/** NAME, or NAME<1>, NAME<2>... whichever is free first. */
export function uniqueProcessName(name: string): string {
  if (!byName.has(name)) return name;
  for (let i = 1; ; i++) {
    const candidate = `${name}<${i}>`;
    if (!byName.has(candidate)) return candidate;
  }
}

export function addProcess(p: LispProcess): void {
  p.listed = true;
  processes.push(p);
  byName.set(p.name, p);
}

export function removeProcess(p: LispProcess): void {
  if (!p.listed) return;
  p.listed = false;
  const i = processes.indexOf(p);
  if (i >= 0) processes.splice(i, 1);
  if (byName.get(p.name) === p) byName.delete(p.name);
}

/** The live process whose buffer is buf, as get-buffer-process finds it. */
export function bufferProcess(buf: Buffer): LispProcess | null {
  for (let i = processes.length - 1; i >= 0; i--) if (processes[i].buffer === (buf as unknown as LispObject)) return processes[i];
  return null;
}

// ---- plist helpers for the contact list ---------------------------------------------

export function plistGet(plist: LispObject, key: LispObject): LispObject {
  for (let p = plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) if (p.car === key) return p.cdr.car;
  return NIL;
}

export function plistMember(plist: LispObject, key: LispObject): boolean {
  for (let p = plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) if (p.car === key) return true;
  return false;
}

/** Replaces the value of key in place, or appends key and value at the end; returns the plist. */
export function plistPut(plist: LispObject, key: LispObject, value: LispObject): LispObject {
  let last: Cons | null = null;
  for (let p = plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) {
    if (p.car === key) {
      setCar(p.cdr, value);
      return plist;
    }
    last = p.cdr;
  }
  const tail = list(key, value);
  if (last === null) return tail;
  setCdr(last, tail);
  return plist;
}

export function notRunning(p: LispProcess): never {
  return error(`Process ${p.name} not running`);
}
