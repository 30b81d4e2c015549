// Subprocesses on the worker side: make-process, make-pipe-process, input,
// signals, deletion, and the end of a child (status, exit code, sentinel).
// Main spawns and pipes (src/host/child-server.ts); output and ends join
// the per-process queues of net.ts and reach Lisp only at wait points, as
// in Emacs. Program lookup, the environment and the working directory are
// worked out here, synchronously, so that their errors are Emacs's.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type LispObject, LispString, Cons, NIL, Q, intern, list, error, wrongType, signal, makeString, UNBOUND, listToArray,
} from '../lisp/index.js';
import { symbolValue } from '../eval/state.js';
import { type Buffer, isBuffer } from '../buffer/buffer.js';
import { getBufferCreate } from '../primitives/buffer.js';
import { checkCodingSystem } from '../primitives/coding.js';
import { defaultDirectory, expandFileName, reportFileError } from '../primitives/fileio.js';
import { host } from '../host/host.js';
import type { ChildEvent, ChildId, ChildOp, ChildReplyValue, ChildSpawn } from '../host/protocol.js';
import {
  LispProcess, type QueuedEvent, addProcess, removeProcess, uniqueProcessName, notRunning, Qrun, Qexit, Qclosed, Qopen,
} from './process.js';
import { childHooks, enqueue, encodeInput, forget, netHost, runSentinel, Vdelete_exited_processes } from './net.js';

export const Qsignal = intern('signal');
const Qreal = intern('real');
const Qpipe = intern('pipe');
const Qpty = intern('pty');
const Qutf_8_unix = intern('utf-8-unix');
const Qcoding_system_for_read = intern('coding-system-for-read');
const Qcoding_system_for_write = intern('coding-system-for-write');
const Qprocess_environment = intern('process-environment');
const Qexec_path = intern('exec-path');
export { Qreal, Qpipe };

// ---- the host side --------------------------------------------------------------

interface ChildHost {
  childSink: ((event: ChildEvent) => void) | null;
  postChild(ops: ChildOp[]): void;
  childRequest(request: ChildSpawn): ChildReplyValue;
}

let installedFor: unknown = null;
let childHostCache: ChildHost | null = null;

function childHost(): ChildHost | null {
  const h = host() as unknown as Partial<ChildHost>;
  if (installedFor === h) return childHostCache;
  installedFor = h;
  if (typeof h.childRequest !== 'function') {
    childHostCache = null;
    return null;
  }
  // The socket side installs the wait-point dispatch and the flush before waits.
  netHost();
  const ch = h as ChildHost;
  ch.childSink = sink;
  childHostCache = ch;
  return ch;
}

function requireChildHost(): ChildHost {
  const ch = childHost();
  if (ch === null) error('Subprocesses are not available here');
  return ch;
}

let ops: ChildOp[] = [];
let opBytes = 0;
const FLUSH_BYTES = 256 * 1024;

function queueOp(op: ChildOp, bytes = 0): void {
  ops.push(op);
  opBytes += bytes;
  if (opBytes >= FLUSH_BYTES) flushChildOps();
}

function flushChildOps(): void {
  if (ops.length === 0) return;
  const batch = ops;
  ops = [];
  opBytes = 0;
  childHostCache?.postChild(batch);
}

// ---- events from main ---------------------------------------------------------------

let nextChildId = 1;
const byChildId = new Map<ChildId, LispProcess>();

function sink(e: ChildEvent): void {
  const p = byChildId.get(e.id);
  if (p === undefined) return;
  if (e.type === 'child-data') {
    const to = e.stream === 2 && p.stderrProc !== null ? p.stderrProc : p;
    enqueue(to, { kind: 'data', data: e.data });
    return;
  }
  if (e.type === 'child-exit') {
    byChildId.delete(e.id);
    enqueue(p, { kind: 'exit', code: e.code, signal: e.signal });
    // The stderr pipe's writer is gone: it closes after the child's own end.
    if (p.stderrProc !== null) enqueue(p.stderrProc, { kind: 'pipe-eof' });
  }
}

// ---- signals and status messages ------------------------------------------------------

/** strsignal texts (glibc), by signal number. */
const SIGNAL_TEXT: Record<number, string> = {
  1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap', 6: 'Aborted', 7: 'Bus error',
  8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1', 11: 'Segmentation fault', 12: 'User defined signal 2',
  13: 'Broken pipe', 14: 'Alarm clock', 15: 'Terminated', 16: 'Stack fault', 17: 'Child exited', 18: 'Continued',
  19: 'Stopped (signal)', 20: 'Stopped', 21: 'Stopped (tty input)', 22: 'Stopped (tty output)', 23: 'Urgent I/O condition',
  24: 'CPU time limit exceeded', 25: 'File size limit exceeded', 26: 'Virtual timer expired', 27: 'Profiling timer expired',
  28: 'Window changed', 29: 'I/O possible', 30: 'Power failure', 31: 'Bad system call',
};

export function signalText(n: number): string {
  if (SIGNAL_TEXT[n] !== undefined) return SIGNAL_TEXT[n];
  if (n >= 34 && n <= 64) return `Real-time signal ${n - 34}`;
  return `Unknown signal ${n}`;
}

/** The event text a sentinel gets, as Emacs's status_message makes it. */
function statusMessage(p: LispProcess): string {
  if (p.status === Qsignal) {
    const t = signalText(p.exitStatus);
    return `${t.charAt(0).toLowerCase()}${t.slice(1)}\n`;
  }
  if (p.status === Qexit) return p.exitStatus === 0 ? 'finished\n' : `exited abnormally with code ${p.exitStatus}\n`;
  return `${p.status instanceof Object && 'name' in p.status ? (p.status as { name: string }).name : ''}\n`;
}

/** A signal number from a Lisp SIGCODE: an integer, or a name like SIGTERM, TERM or sigterm. */
export function signalCode(x: LispObject): number {
  if (typeof x === 'number') return x;
  if (!(x instanceof Object && 'name' in x && typeof (x as { name: unknown }).name === 'string') || x instanceof LispString) {
    return wrongType(Q.symbolp, x);
  }
  const name = (x as { name: string }).name.toUpperCase();
  const full = name.startsWith('SIG') ? name : `SIG${name}`;
  const n = (os.constants.signals as Record<string, number>)[full];
  if (n === undefined) error(`Undefined signal name ${(x as { name: string }).name}`);
  return n;
}

/** kill(2): 0, or -1 when it failed (no such process, not allowed). */
export function killPid(pid: number, sig: number): number {
  try {
    process.kill(pid, sig);
    return 0;
  } catch {
    return -1;
  }
}

/** Emacs's process_send_signal: the signal goes to the child's whole process group. */
export function signalChild(p: LispProcess, sig: number): void {
  if (p.kind !== 'child') error(`Process ${p.name} is not a subprocess`);
  if (p.pid === null || p.childId < 0) error(`Process ${p.name} is not active`);
  if (killPid(-p.pid, sig) < 0) killPid(p.pid, sig);
}

// ---- ends ---------------------------------------------------------------------------

function deliverExit(p: LispProcess, e: Extract<QueuedEvent, { kind: 'exit' }>): void {
  if (p.status !== Qrun) return;
  p.childId = -1;
  if (e.signal !== null) {
    p.status = Qsignal;
    p.exitStatus = e.signal;
  } else {
    p.status = Qexit;
    p.exitStatus = e.code ?? 0;
  }
  // Out of the list before the sentinel runs, as in Emacs's status_notify.
  if (Vdelete_exited_processes.value !== NIL) removeProcess(p);
  runSentinel(p, statusMessage(p));
}

function pipeClosed(p: LispProcess): void {
  if (p.status !== Qopen) return;
  p.status = Qclosed;
  p.exitStatus = 0;
  if (Vdelete_exited_processes.value !== NIL) removeProcess(p);
  runSentinel(p, 'finished\n');
}

/**
 * delete-process on a subprocess: a live one is killed (SIGKILL to its
 * group) and its sentinel gets "killed\n" before delete-process returns;
 * one whose end is queued gets that end's event instead. Output still
 * queued is dropped, as Emacs reads none while deleting.
 */
function deleteChild(p: LispProcess): void {
  const wasListed = p.listed;
  const queuedExit = p.queue.find((e) => e.kind === 'exit') as Extract<QueuedEvent, { kind: 'exit' }> | undefined;
  forget(p);
  let event: string | null = null;
  if (p.kind === 'pipe') {
    if (p.status === Qopen) {
      p.status = Qclosed;
      event = 'deleted\n';
    }
  } else if (p.status === Qrun) {
    if (queuedExit !== undefined) {
      p.status = queuedExit.signal !== null ? Qsignal : Qexit;
      p.exitStatus = queuedExit.signal ?? queuedExit.code ?? 0;
    } else {
      if (p.pid !== null && killPid(-p.pid, 9) < 0) killPid(p.pid, 9);
      p.status = Qsignal;
      p.exitStatus = 9;
    }
    event = statusMessage(p);
  }
  if (p.childId >= 0) {
    byChildId.delete(p.childId);
    queueOp({ op: 'child-close', id: p.childId });
    p.childId = -1;
  }
  if (p.stderrProc !== null && p.stderrProc.status === Qopen) enqueue(p.stderrProc, { kind: 'pipe-eof' });
  removeProcess(p);
  if (wasListed && event !== null) runSentinel(p, event);
}

childHooks.flush = flushChildOps;
childHooks.exited = deliverExit;
childHooks.pipeClosed = pipeClosed;
childHooks.deleteChild = deleteChild;
childHooks.consumed = (p, bytes) => {
  if (p.childId >= 0) queueOp({ op: 'child-consumed', id: p.childId, bytes });
};

// ---- input --------------------------------------------------------------------------

export function sendToChild(p: LispProcess, s: LispString): void {
  if (p.kind !== 'child' || p.status !== Qrun || p.childId < 0) notRunning(p);
  if (p.eofSent || s.length === 0) return;
  const data = encodeInput(p, s);
  queueOp({ op: 'child-write', id: p.childId, data }, data.length);
}

export function sendEofToChild(p: LispProcess): void {
  if (p.kind !== 'child' || p.status !== Qrun || p.childId < 0) notRunning(p);
  if (p.eofSent) return;
  p.eofSent = true;
  queueOp({ op: 'child-eof', id: p.childId });
}

// ---- what a child is started with ---------------------------------------------------

/** The child's environment: process-environment, first entry of a name wins, a bare NAME unsets it. */
export function childEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  const seen = new Set<string>();
  const value = symbolValue(Qprocess_environment);
  for (let l: LispObject = value; l instanceof Cons; l = l.cdr) {
    const e = l.car;
    if (!(e instanceof LispString)) continue;
    const eq = e.value.indexOf('=');
    const name = eq < 0 ? e.value : e.value.slice(0, eq);
    if (seen.has(name)) continue;
    seen.add(name);
    if (eq >= 0) env[name] = e.value.slice(eq + 1);
  }
  return env;
}

/** default-directory as the child's working directory, or Emacs's error when it is unusable. */
export function childDirectory(): string {
  const dirText = defaultDirectory();
  const dir = expandFileName(dirText);
  try {
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (e) {
    reportFileError(e, 'Setting current directory', dirText);
  }
  return dir;
}

function executableFile(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** exec-path as directory names (nil: default-directory). */
function execPathDirs(): string[] {
  const out: string[] = [];
  const v = Qexec_path.value === UNBOUND ? NIL : symbolValue(Qexec_path);
  for (const d of listToArray(v)) {
    if (d instanceof LispString) out.push(expandFileName(d.value));
    else if (d === NIL) out.push(expandFileName(defaultDirectory()));
  }
  return out;
}

/** The first executable NAME on exec-path, as executable-find and call-process look it up; null if none. */
export function findExecutable(name: string): string | null {
  if (name.startsWith('/') || name.startsWith('~')) {
    const file = expandFileName(name);
    return executableFile(file) ? file : null;
  }
  for (const dir of execPathDirs()) {
    const file = path.join(dir, name);
    if (executableFile(file)) return file;
  }
  return null;
}

/**
 * The program to run, or the error Emacs gives: file-missing "Searching
 * for program" when it is nowhere, and for an absolute name that exists but
 * cannot run, the reason (call-process checks that; make-process only
 * refuses a directory).
 */
export function resolveProgram(name: string, strict: boolean): string {
  const found = findExecutable(name);
  if (found !== null) return found;
  if (name.startsWith('/') || name.startsWith('~')) {
    const file = expandFileName(name);
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(file);
    } catch {
      st = null;
    }
    if (st !== null) {
      if (!strict) {
        if (st.isDirectory()) error('Specified program for new process is a directory');
        return file;
      }
      const code = st.isDirectory() ? 'EISDIR' : 'EACCES';
      reportFileError({ code }, 'Searching for program', name);
    }
  }
  return signal(Q.file_missing, list(makeString('Searching for program'), makeString('No such file or directory'), makeString(name)));
}

// ---- make-process ----------------------------------------------------------------------

export interface ChildOptions {
  name: string;
  command: LispObject;
  program: string | null;
  args: string[];
  buffer: LispObject;
  coding: { decode: typeof Qutf_8_unix; encode: typeof Qutf_8_unix };
  filter: LispObject;
  sentinel: LispObject;
  noquery: boolean;
  stderr: LispProcess | null;
}

/** The coding systems of a new process: :coding, else coding-system-for-read/-write, else UTF-8. */
export function processCoding(arg: LispObject): { decode: typeof Qutf_8_unix; encode: typeof Qutf_8_unix } {
  const fallback = (sym: typeof Qutf_8_unix): typeof Qutf_8_unix => {
    const v = sym.value === UNBOUND ? NIL : symbolValue(sym);
    return v === NIL ? Qutf_8_unix : (v as typeof Qutf_8_unix);
  };
  if (arg === NIL) return { decode: fallback(Qcoding_system_for_read), encode: fallback(Qcoding_system_for_write) };
  if (arg instanceof Cons) {
    const d = arg.car === NIL ? Qutf_8_unix : arg.car;
    const e = arg.cdr === NIL ? Qutf_8_unix : arg.cdr;
    checkCodingSystem(d);
    checkCodingSystem(e);
    return { decode: d as typeof Qutf_8_unix, encode: e as typeof Qutf_8_unix };
  }
  checkCodingSystem(arg);
  return { decode: arg as typeof Qutf_8_unix, encode: arg as typeof Qutf_8_unix };
}

/** Starts a subprocess and returns its process object, status run. */
export function startChild(o: ChildOptions): LispProcess {
  const cwd = childDirectory();
  const p = new LispProcess(uniqueProcessName(o.name), 'child', o.coding);
  p.status = Qrun;
  p.command = o.command;
  p.buffer = o.buffer;
  if (o.filter !== NIL) p.filter = o.filter;
  if (o.sentinel !== NIL) p.sentinel = o.sentinel;
  p.queryOnExit = !o.noquery;
  p.stderrProc = o.stderr;
  if (isBuffer(o.buffer)) p.mark.set(o.buffer as Buffer, (o.buffer as Buffer).z);
  if (o.program !== null) {
    const ch = requireChildHost();
    const id = nextChildId++;
    // Known before the request: output and even the end can come in the same batch as the reply.
    p.childId = id;
    byChildId.set(id, p);
    const reply = ch.childRequest({
      id, file: o.program, args: o.args, cwd, env: childEnvironment(), stderr: o.stderr !== null ? 'pipe' : 'merge',
    });
    if (!reply.ok) {
      byChildId.delete(id);
      forget(p);
      reportFileError({ code: reply.failure.code }, 'Spawning child process', o.program);
    }
    p.pid = reply.pid;
  }
  addProcess(p);
  return p;
}

/** make-pipe-process: a process fed by another process's stderr (or nothing), status open. */
export function makePipeProcess(name: string, buffer: LispObject, coding: ChildOptions['coding'], filter: LispObject, sentinel: LispObject, noquery: boolean): LispProcess {
  const p = new LispProcess(uniqueProcessName(name), 'pipe', coding);
  p.status = Qopen;
  p.buffer = buffer;
  if (filter !== NIL) p.filter = filter;
  if (sentinel !== NIL) p.sentinel = sentinel;
  p.queryOnExit = !noquery;
  if (isBuffer(buffer)) p.mark.set(buffer as Buffer, (buffer as Buffer).z);
  addProcess(p);
  return p;
}

/** The :stderr argument of make-process: nil, a pipe process, or a buffer (or name) that gets a new "NAME stderr" pipe process. */
export function stderrArg(x: LispObject, name: string, coding: ChildOptions['coding']): LispProcess | null {
  if (x === NIL) return null;
  if (x instanceof LispProcess) {
    if (x.kind !== 'pipe') error('Process is not a pipe process');
    return x;
  }
  const buffer = getBufferCreate(x, false);
  return makePipeProcess(`${name} stderr`, buffer, coding, NIL, NIL, false);
}

export { Qpty };
