// callproc.c: running a program and waiting for it (call-process,
// call-process-region), the variables that say how programs are found and
// started (exec-path, shell-file-name, process-environment is in fileio.ts),
// and executable-find. The child runs under child_process.spawnSync, which
// blocks this thread as Emacs blocks; DESTINATION 0 hands the child to the
// main thread and does not wait. The Lisp-level helpers (process-lines,
// shell-command-to-string, start-process...) are in lisp/callproc.el.
import * as fs from 'node:fs';
import * as os from 'node:os';
import {
  type LispObject, LispString, Cons, NIL, T, Q, intern, list, arrayToList, wrongType, makeString, UNBOUND,
} from '../lisp/index.js';
import { declareModule, defun, defunRest, defvar, optional, any, string } from '../lisp/defun.js';
import { symbolValue } from '../eval/state.js';
import { childProcessModule } from '../host/lazy-builtins.js';
import { type Buffer, currentBuffer, setCurrentBuffer, isBuffer, checkLive } from '../buffer/buffer.js';
import { insertAtPoint, deleteText, bufferSubstring } from '../buffer/insdel.js';
import { getBufferCreate } from './buffer.js';
import { decodeUtf8, decodeCodingString, bytesToUnibyte, encodeToBytes } from './coding.js';
import { expandFileName, reportFileError, lispString, applyDefaultFileModes, defaultFileModesSet } from './fileio.js';
import { host } from '../host/host.js';
import type { ChildReplyValue, ChildSpawn } from '../host/protocol.js';
import { childDirectory, childEnvironment, findExecutable, resolveProgram, signalText } from '../process/child.js';
import { validateRegion } from '../buffer/positions.js';

declareModule('callproc');

const Kfile = intern(':file');
const Qcoding_system_for_read = intern('coding-system-for-read');
const Qcoding_system_for_write = intern('coding-system-for-write');

function defvarIfUnbound(name: string, value: () => LispObject): void {
  if (intern(name).value === UNBOUND) defvar(name, value());
  else intern(name).special = true;
}

defvarIfUnbound('shell-file-name', () => makeString(process.env.SHELL || '/bin/sh'));
defvarIfUnbound('shell-command-switch', () => makeString('-c'));
defvarIfUnbound('exec-path', () =>
  arrayToList((process.env.PATH ?? '').split(':').map((d) => (d === '' ? NIL : makeString(d)))),
);
defvarIfUnbound('exec-suffixes', () => list(makeString('')));
defvarIfUnbound('coding-system-for-read', () => NIL);
defvarIfUnbound('coding-system-for-write', () => NIL);

/** The MERGE_STDERR line of child-server.ts: "$0" "$@" with stderr on stdout. */
const MERGE_STDERR = 'exec "$0" "$@" 2>&1';

function symbolName(x: LispObject): string {
  return x instanceof Object && 'name' in x && typeof (x as { name: unknown }).name === 'string' ? (x as { name: string }).name : '';
}

/** The child's output as buffer text: raw bytes for binary codings, else UTF-8 (or the coding asked for) with its line ends detected. */
function decodeOutput(bytes: Uint8Array): string {
  const v = Qcoding_system_for_read.value === UNBOUND ? NIL : symbolValue(Qcoding_system_for_read);
  const name = v === NIL ? 'undecided' : symbolName(v);
  const base = name.replace(/-(unix|dos|mac)$/, '');
  const eol = /-(unix|dos|mac)$/.exec(name)?.[1];
  let text: string;
  if (base === 'binary' || base === 'no-conversion' || base === 'raw-text') {
    text = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      text += b < 0x80 ? String.fromCharCode(b) : String.fromCharCode(0xdc80 + b - 0x80);
    }
    if (base !== 'raw-text' || eol === 'unix') return text;
  } else if (base === 'utf-8' || base === 'undecided' || base === 'prefer-utf-8' || base === 'utf-8-emacs') {
    text = decodeUtf8(bytes).text;
  } else {
    return decodeCodingString(bytesToUnibyte(bytes), v).value;
  }
  if (eol === 'dos' || (eol === undefined && /\r\n/.test(text) && !/(^|[^\r])\n/.test(text))) return text.replace(/\r\n/g, '\n');
  if (eol === 'mac') return text.replace(/\r/g, '\n');
  return text;
}

function encodeInput(s: LispString): Uint8Array {
  const v = Qcoding_system_for_write.value === UNBOUND ? NIL : symbolValue(Qcoding_system_for_write);
  return encodeToBytes(s, v === NIL ? intern('utf-8-unix') : v);
}

type Output = { kind: 'buffer'; buffer: Buffer } | { kind: 'discard' } | { kind: 'nowait' } | { kind: 'file'; file: string };
type ErrorOutput = { kind: 'merge' } | { kind: 'discard' } | { kind: 'file'; file: string };

function outputFile(x: LispObject): string {
  if (!(x instanceof LispString)) wrongType(Q.stringp, x);
  return expandFileName(x.value);
}

/** DESTINATION of call-process: where stdout and stderr go. */
function parseDestination(destination: LispObject): { out: Output; err: ErrorOutput } {
  let real = destination;
  let err: ErrorOutput = { kind: 'merge' };
  if (destination instanceof Cons) {
    if (destination.car === Kfile) {
      return { out: { kind: 'file', file: outputFile(destination.cdr instanceof Cons ? destination.cdr.car : NIL) }, err };
    }
    real = destination.car;
    const e = destination.cdr instanceof Cons ? destination.cdr.car : NIL;
    if (e === NIL) err = { kind: 'discard' };
    else if (e === T) err = { kind: 'merge' };
    else err = { kind: 'file', file: outputFile(e) };
  }
  let out: Output;
  if (real === T) out = { kind: 'buffer', buffer: currentBuffer() };
  else if (real === NIL) out = { kind: 'discard' };
  else if (real === 0) out = { kind: 'nowait' };
  else if (real instanceof Cons && real.car === Kfile) out = { kind: 'file', file: outputFile(real.cdr instanceof Cons ? real.cdr.car : NIL) };
  else if (isBuffer(real)) out = { kind: 'buffer', buffer: checkLive(real as Buffer) };
  else out = { kind: 'buffer', buffer: getBufferCreate(real, false) };
  return { out, err };
}

function openFor(file: string, action: string, flags: string, shown: string = file): number {
  try {
    const created = defaultFileModesSet() && !fs.existsSync(file);
    const fd = fs.openSync(file, flags, 0o666);
    if (created) applyDefaultFileModes(file, 0o666);
    return fd;
  } catch (e) {
    return reportFileError(e, action, shown);
  }
}

/** How the child ended, as call-process returns it: the exit code, or the signal's description. */
function exitValue(status: number | null, sig: NodeJS.Signals | null): LispObject {
  if (sig !== null) {
    const n = (os.constants.signals as Record<string, number>)[sig];
    return makeString(n === undefined ? sig : signalText(n));
  }
  return status ?? 0;
}

/**
 * call-process after its arguments are read. input: bytes for the child's
 * stdin (call-process-region); otherwise INFILE, or /dev/null.
 */
function callProcess(programArg: LispObject, infile: LispObject, destination: LispObject, rest: LispObject[], input: Uint8Array | null): LispObject {
  if (!(programArg instanceof LispString)) wrongType(Q.stringp, programArg);
  const args: string[] = [];
  for (const a of rest) {
    if (!(a instanceof LispString)) wrongType(Q.stringp, a);
    args.push(a.value);
  }
  const { out, err } = parseDestination(destination);
  const cwd = childDirectory();
  const fds: number[] = [];
  try {
    let stdin: number | 'pipe' | 'ignore' = 'ignore';
    if (input !== null) stdin = 'pipe';
    else if (infile !== NIL) {
      if (!(infile instanceof LispString)) wrongType(Q.stringp, infile);
      const file = expandFileName(infile.value);
      stdin = openFor(file, 'Opening process input file', 'r');
      fds.push(stdin);
    }
    const program = resolveProgram(programArg.value, true);
    const env = childEnvironment();
    if (out.kind === 'nowait') {
      startDetached({ id: 0, file: program, args, cwd, env, stderr: 'ignore', detachedDiscard: true });
      return NIL;
    }
    let stdout: number | 'pipe' | 'ignore' = 'ignore';
    if (out.kind === 'buffer') stdout = 'pipe';
    else if (out.kind === 'file') {
      stdout = openFor(out.file, 'Opening process output file', 'w');
      fds.push(stdout);
    }
    let stderr: number | 'ignore' = 'ignore';
    let merge = false;
    if (err.kind === 'file') {
      stderr = openFor(err.file, 'Cannot redirect stderr', 'w');
      fds.push(stderr);
    } else if (err.kind === 'merge' && stdout !== 'ignore') merge = true;
    const file = merge ? '/bin/sh' : program;
    const argv = merge ? ['-c', MERGE_STDERR, program, ...args] : args;
    const r = childProcessModule().spawnSync(file, argv, {
      cwd, env, stdio: [stdin, stdout, stderr], input: input ?? undefined, maxBuffer: Infinity, argv0: merge ? 'sh' : program,
    });
    if (r.error !== undefined && r.status === null && r.signal === null) reportFileError(r.error, 'Spawning child process', program);
    if (out.kind === 'buffer' && r.stdout !== null && r.stdout.length > 0) {
      const text = decodeOutput(r.stdout);
      const saved = currentBuffer();
      setCurrentBuffer(out.buffer);
      try {
        insertAtPoint(text);
      } finally {
        if (saved.live) setCurrentBuffer(saved);
      }
    }
    return exitValue(r.status, r.signal);
  } finally {
    for (const fd of fds) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
  }
}

/** A child nobody waits for (DESTINATION 0): main owns it; without a main thread, a detached spawn. */
function startDetached(request: ChildSpawn): void {
  const h = host() as unknown as { childRequest?: (r: ChildSpawn) => ChildReplyValue };
  if (typeof h.childRequest === 'function') {
    const reply = h.childRequest(request);
    if (!reply.ok) reportFileError({ code: reply.failure.code }, 'Spawning child process', request.file);
    return;
  }
  try {
    const child = childProcessModule().spawn(request.file, request.args, { cwd: request.cwd, env: request.env, stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch (e) {
    reportFileError(e, 'Spawning child process', request.file);
  }
}

defunRest('call-process', 1, (a) => callProcess(a[0], a[1] ?? NIL, a[2] ?? NIL, a.slice(4), null));

defunRest('call-process-region', 3, (a) => {
  const [start, end, program] = a;
  const del = a[3] ?? NIL;
  const destination = a[4] ?? NIL;
  let input: LispString;
  const buf = currentBuffer();
  if (start instanceof LispString) input = start;
  else if (start === NIL) {
    input = bufferSubstring(buf, 1, buf.z, false);
    if (del !== NIL) {
      const [b, e] = [buf.begv, buf.zv];
      deleteText(b, e);
    }
  } else {
    const [from, to] = validateRegion(start, end);
    input = bufferSubstring(buf, from, to, false);
    if (del !== NIL) deleteText(from, to);
  }
  return callProcess(program, NIL, destination, a.slice(6), encodeInput(input));
});

defun('executable-find', [string, optional(any)], (command) => {
  const found = findExecutable(command.value);
  return found === null ? NIL : lispString(found);
});
