// process.c for network processes: the process accessors, make-network-process
// and friends, and the wait points accept-process-output, sleep-for and
// sit-for. The machinery lives in src/process; this module declares the
// builtins with Emacs's argument checks and error data.
import * as os from 'node:os';
import {
  type LispObject, LispString, LispFloat, Cons, NIL, T, Q, intern, list, arrayToList, error, wrongType, makeString,
  signal as signalError, TailCheck,
} from '../lisp/index.js';
import { declareModule, defun, defunRest, defvar, optional, any, string, bool, argType } from '../lisp/defun.js';
import { type Buffer, currentBuffer, isBuffer, findBuffer } from '../buffer/buffer.js';
import { bufferSubstring } from '../buffer/insdel.js';
import { bufferKilledHooks } from './buffer.js';
import { host } from '../host/host.js';
import { writeStdout } from './print.js';
import { validateRegion } from '../buffer/positions.js';
import { checkCodingSystem } from './coding.js';
import { getBufferCreate } from './buffer.js';
import {
  LispProcess, isProcess, processList, findProcess, bufferProcess, allProcesses, plistGet, plistPut, Qnetwork,
  Qinternal_default_process_filter, Qinternal_default_process_sentinel, Qopen, Qlisten, Qconnect, Qstop, Qrun,
} from '../process/process.js';
import {
  makeNetworkProcess, deleteProcess, stopProcess, continueProcess, sendBytes, sendEof, setSocketOption,
  defaultFilter, defaultSentinel, netHost,
} from '../process/net.js';
import { acceptProcessOutput, sleepFor } from '../process/wait.js';
import {
  startChild, makePipeProcess, stderrArg, processCoding, resolveProgram, sendToChild, sendEofToChild, signalChild, signalCode,
  killPid, Qreal, Qpipe, Qpty,
} from '../process/child.js';
import { waitPoints } from '../process/serve.js';
import { formatNetworkAddress, lispToAddress, addressToLisp, numericFamily, parseIPv4, parseIPv6 } from '../process/addresses.js';

declareModule('process');

defvar('read-process-output-max', 4096);
defvar('delete-exited-processes', T);
defvar('process-connection-type', T);
defvar('process-adaptive-read-buffering', T);

const Kremote = intern(':remote');
const Khost = intern(':host');
const Kservice = intern(':service');
const Kfilter = intern(':filter');
const Ksentinel = intern(':sentinel');
const Kbuffer = intern(':buffer');
const Qplain = intern('plain');
const Qipv4 = intern('ipv4');
const Qipv6 = intern('ipv6');

const processType = argType<LispProcess & LispObject>('processp', isProcess);

function noProcess(name: string): never {
  return error(`Process ${name} does not exist`);
}

/** Emacs's get_process: a process, a process name, or nil for the current buffer's process. */
function getProcess(x: LispObject): LispProcess {
  if (isProcess(x)) return x;
  if (x instanceof LispString) return findProcess(x.value) ?? noProcess(x.value);
  if (x === NIL) {
    const buf = currentBuffer();
    return bufferProcess(buf) ?? error(`Buffer ${buf.name} has no process`);
  }
  return wrongType(Q.processp, x);
}

defun('processp', [any], (x) => bool(isProcess(x)));
defun('process-list', [], () => processList());
defun('get-process', [any], (name) => {
  if (isProcess(name)) return name;
  if (!(name instanceof LispString)) wrongType(Q.stringp, name);
  return findProcess(name.value) ?? NIL;
});
defun('get-buffer-process', [any], (b) => {
  const buf = isBuffer(b) ? (b as Buffer) : b instanceof LispString ? findBuffer(b.value) : undefined;
  if (b !== NIL && !isBuffer(b) && !(b instanceof LispString)) wrongType(Q.stringp, b);
  if (buf === undefined) return NIL;
  return bufferProcess(buf) ?? NIL;
});

defun('process-name', [processType], (p) => makeString(p.name));
defun('process-status', [any], (x) => {
  if (x instanceof LispString) {
    const p = findProcess(x.value);
    return p === undefined ? NIL : p.status;
  }
  return getProcess(x).status;
});
defun('process-live-p', [any], (x) => {
  if (!isProcess(x)) return NIL;
  const order = [Qrun, Qopen, Qlisten, Qconnect, Qstop];
  const i = order.indexOf(x.status);
  return i < 0 ? NIL : arrayToList(order.slice(i));
});
defun('process-type', [any], (x) => {
  const p = getProcess(x);
  return p.kind === 'child' ? Qreal : p.kind === 'pipe' ? Qpipe : Qnetwork;
});
defun('process-id', [processType], (p) => (p.kind === 'child' && p.pid !== null ? p.pid : NIL));
defun('process-command', [processType], (p) => (p.kind === 'child' ? p.command : p.kind === 'pipe' ? NIL : bool(p.stopped)));
defun('process-tty-name', [processType, optional(any)], () => NIL);
defun('process-exit-status', [processType], (p) => p.exitStatus);
defun('process-buffer', [processType], (p) => p.buffer);
defun('process-mark', [processType], (p) => p.mark as unknown as LispObject);
defun('set-process-buffer', [processType, any], (p, b) => {
  if (b !== NIL && !isBuffer(b)) wrongType(Q.bufferp, b);
  p.buffer = b;
  p.contact = plistPut(p.contact, Kbuffer, b);
  return b;
});
defun('process-filter', [processType], (p) => p.filter);
defun('set-process-filter', [processType, any], (p, f) => {
  const filter = f === NIL ? Qinternal_default_process_filter : f;
  p.filter = filter;
  p.contact = plistPut(p.contact, Kfilter, filter);
  return filter;
});
defun('process-sentinel', [processType], (p) => p.sentinel);
defun('set-process-sentinel', [processType, any], (p, s) => {
  const sentinel = s === NIL ? Qinternal_default_process_sentinel : s;
  p.sentinel = sentinel;
  p.contact = plistPut(p.contact, Ksentinel, sentinel);
  return sentinel;
});
defun('process-plist', [processType], (p) => p.plist);
defun('set-process-plist', [processType, any], (p, plist) => {
  if (plist !== NIL && !(plist instanceof Cons)) wrongType(Q.listp, plist);
  p.plist = plist;
  return plist;
});
defun('process-get', [processType, any], (p, prop) => plistGet(p.plist, prop));
defun('process-put', [processType, any, any], (p, prop, value) => {
  p.plist = plistPut(p.plist, prop, value);
  return p.plist;
});
defun('process-query-on-exit-flag', [processType], (p) => bool(p.queryOnExit));
defun('set-process-query-on-exit-flag', [processType, any], (p, flag) => {
  p.queryOnExit = flag !== NIL;
  return flag;
});

defun('process-contact', [processType, optional(any), optional(any)], (p, key) => {
  // A subprocess has no contact: Emacs answers t whatever the key.
  if (p.kind === 'child') return T;
  if (p.kind === 'datagram' && (key === T || key === Kremote)) p.contact = plistPut(p.contact, Kremote, p.datagramAddress);
  if (key === NIL) return list(plistGet(p.contact, Khost), plistGet(p.contact, Kservice));
  if (key === T) return p.contact;
  return plistGet(p.contact, key);
});

defun('process-coding-system', [processType], (p) => new Cons(p.decoding, p.encoding));
defun('set-process-coding-system', [processType, optional(any), optional(any)], (p, decoding, encoding) => {
  checkCodingSystem(decoding);
  checkCodingSystem(encoding);
  p.decoding = decoding as typeof p.decoding;
  p.encoding = encoding as typeof p.encoding;
  p.carry = null;
  return NIL;
});
const UNIBYTE_CODINGS = /^(binary|no-conversion|raw-text)(-unix|-dos|-mac)?$/;
defun('process-filter-multibyte-p', [processType], (p) => bool((p.netId >= 0 || p.kind === 'child' || p.kind === 'pipe') && !UNIBYTE_CODINGS.test(p.decoding.name)));
defun('set-process-filter-multibyte', [processType, any], () => NIL);
defun('process-inherit-coding-system-flag', [processType], () => NIL);

defun('process-datagram-address', [processType], (p) => (p.kind === 'datagram' ? p.datagramAddress : NIL));
defun('set-process-datagram-address', [processType, any], (p, address) => {
  if (p.kind !== 'datagram') return NIL;
  const a = lispToAddress(address);
  if (a === null || a.family === 'local') return NIL;
  p.datagramAddress = address;
  return address;
});
defun('format-network-address', [any, optional(any)], (address, omitPort) => formatNetworkAddress(address, omitPort !== NIL));

defun('network-interface-list', [optional(any), optional(any)], (_full, family) => {
  const out: LispObject[] = [];
  const ifaces = os.networkInterfaces();
  for (const name of Object.keys(ifaces).reverse()) {
    for (const a of ifaces[name] ?? []) {
      const fam = a.family === 'IPv6' ? 'ipv6' : 'ipv4';
      if ((family === Qipv4 && fam !== 'ipv4') || (family === Qipv6 && fam !== 'ipv6')) continue;
      out.push(new Cons(makeString(name), addressToLisp({ family: fam, address: a.address, port: 0 })));
    }
  }
  return arrayToList(out);
});

defun('network-lookup-address-info', [string, optional(any), optional(any)], (name, family) => {
  const fam = family === Qipv4 ? 'ipv4' : family === Qipv6 ? 'ipv6' : null;
  if (family !== NIL && fam === null) error('Unsupported address family');
  const numeric = numericFamily(name.value);
  if (numeric !== null) {
    if (fam !== null && fam !== numeric) return NIL;
    const address = numeric === 'ipv4' ? parseIPv4(name.value)!.join('.') : parseIPv6(name.value)!.map((g) => g.toString(16)).join(':');
    return list(addressToLisp({ family: numeric, address, port: 0 }));
  }
  const nh = netHost();
  if (nh === null) return NIL;
  const reply = nh.netRequest({ kind: 'lookup', host: name.value, family: fam });
  if (!reply.ok || reply.addresses === undefined) return NIL;
  return arrayToList(reply.addresses.map((a) => addressToLisp(a)));
});

defun('delete-process', [any], (x) => {
  if (x instanceof LispString) {
    const p = findProcess(x.value);
    if (p === undefined) noProcess(x.value);
    deleteProcess(p);
    return NIL;
  }
  deleteProcess(getProcess(x));
  return NIL;
});
defun('stop-process', [optional(any), optional(any)], (x) => {
  const p = getProcess(x);
  // A stopped subprocess still shows status run: Emacs does not ask waitpid about stops.
  if (p.kind === 'child') signalChild(p, SIGTSTP);
  else stopProcess(p);
  return p;
});
defun('continue-process', [optional(any), optional(any)], (x) => {
  const p = getProcess(x);
  if (p.kind === 'child') signalChild(p, SIGCONT);
  else continueProcess(p);
  return p;
});

// ---- signals to subprocesses ------------------------------------------------------

const SIGHUP = 1;
const SIGINT = 2;
const SIGQUIT = 3;
const SIGKILL = 9;
const SIGCONT = 18;
const SIGTSTP = 20;

/** kill-process and friends: the signal goes to the process group; a child whose end is not yet delivered is still signalled (harmlessly). */
function sendSignal(x: LispObject, sig: number): LispObject {
  const p = getProcess(x);
  signalChild(p, sig);
  return p;
}

defun('kill-process', [optional(any), optional(any)], (x) => sendSignal(x, SIGKILL));
defun('interrupt-process', [optional(any), optional(any)], (x) => sendSignal(x, SIGINT));
defun('quit-process', [optional(any), optional(any)], (x) => sendSignal(x, SIGQUIT));
defun('hangup-process', [optional(any), optional(any)], (x) => sendSignal(x, SIGHUP));

defun('signal-process', [any, any, optional(any)], (x, sigcode) => {
  let target: LispObject = x;
  if (x instanceof LispString) {
    const p = findProcess(x.value);
    if (p !== undefined) target = p;
    else if (/^[-+]?\d+$/.test(x.value)) target = Number(x.value);
    // Neither a process name nor a whole number: nothing to signal.
    else return NIL;
  } else if (typeof x !== 'number' && !(x instanceof LispFloat)) target = getProcess(x);
  let pid: number;
  if (typeof target === 'number') pid = target;
  else if (target instanceof LispFloat) {
    if (!Number.isInteger(target.value)) error('Not an in-range integer, integral float, or cons of integers');
    pid = target.value;
  } else {
    const p = target as LispProcess;
    if (p.pid === null || p.pid <= 0) error(`Cannot signal process ${p.name}`);
    pid = p.pid;
  }
  return killPid(pid, signalCode(sigcode));
});

// ---- make-process ----------------------------------------------------------------

const Kname = intern(':name');
const Kcommand = intern(':command');
const Kstop = intern(':stop');
const Knoquery = intern(':noquery');
const Kconnection_type = intern(':connection-type');
const Kstderr = intern(':stderr');
const Kcoding_ = intern(':coding');

defunRest('make-process', 0, (args) => {
  const plist = arrayToList(args);
  const get = (k: LispObject): LispObject => plistGet(plist, k);
  const buffer = get(Kbuffer) === NIL ? NIL : getBufferCreate(get(Kbuffer), false);
  const name = get(Kname);
  if (!(name instanceof LispString)) wrongType(Q.stringp, name);
  const command = get(Kcommand);
  if (command !== NIL && !(command instanceof Cons)) wrongType(Q.listp, command);
  const coding = processCoding(get(Kcoding_));
  const words: string[] = [];
  const check = new TailCheck(command);
  for (let l: LispObject = command; l instanceof Cons; l = l.cdr, check.step(l)) {
    if (!(l.car instanceof LispString)) wrongType(Q.stringp, l.car);
    words.push(l.car.value);
  }
  if (get(Kstop) !== NIL) wrongType(intern('null'), T);
  const ctype = get(Kconnection_type);
  // A pty is asked for often (process-connection-type is t); a pipe serves.
  if (ctype !== NIL && ctype !== Qpipe && ctype !== Qpty) {
    signalError(Q.file_missing, list(makeString('Unknown connection type'), makeString('No such file or directory'), ctype));
  }
  const stderr = stderrArg(get(Kstderr), name.value, coding);
  const program = words.length > 0 ? resolveProgram(words[0], false) : null;
  return startChild({
    name: name.value, command: command === NIL ? NIL : arrayToList(words.map((w) => makeString(w))),
    program, args: words.slice(1), buffer, coding, filter: get(Kfilter), sentinel: get(Ksentinel), noquery: get(Knoquery) !== NIL, stderr,
  });
});

defunRest('make-pipe-process', 0, (args) => {
  const plist = arrayToList(args);
  const get = (k: LispObject): LispObject => plistGet(plist, k);
  const name = get(Kname);
  if (!(name instanceof LispString)) wrongType(Q.stringp, name);
  const buffer = get(Kbuffer) === NIL ? NIL : getBufferCreate(get(Kbuffer), false);
  const p = makePipeProcess(name.value, buffer, processCoding(get(Kcoding_)), get(Kfilter), get(Ksentinel), get(Knoquery) !== NIL);
  p.contact = plist;
  return p;
});

function send(p: LispProcess, s: LispString): void {
  if (p.kind === 'child' || p.kind === 'pipe') sendToChild(p, s);
  else sendBytes(p, s);
}
defun('process-send-string', [any, any], (x, s) => {
  const p = getProcess(x);
  if (!(s instanceof LispString)) wrongType(Q.stringp, s);
  send(p, s);
  return NIL;
});
defun('process-send-region', [any, any, any], (x, start, end) => {
  const p = getProcess(x);
  const [from, to] = validateRegion(start, end);
  send(p, bufferSubstring(currentBuffer(), from, to, false));
  return NIL;
});
defun('process-send-eof', [optional(any)], (x) => {
  const p = getProcess(x);
  if (p.kind === 'child' || p.kind === 'pipe') sendEofToChild(p);
  else sendEof(p);
  return p;
});

defunRest('make-network-process', 0, (args) => makeNetworkProcess(args));

const NETWORK_OPTIONS = new Set([':broadcast', ':dontroute', ':keepalive', ':linger', ':oobinline', ':priority', ':reuseaddr', ':bindtodevice']);
defun('set-network-process-option', [processType, any, any, optional(any)], (p, option, value, noError) => {
  const name = option instanceof Object && 'name' in option ? (option as { name: string }).name : '';
  if (!NETWORK_OPTIONS.has(name)) {
    if (noError !== NIL) return NIL;
    error('Unknown or unsupported option');
  }
  setSocketOption(p, name.slice(1), value);
  p.contact = plistPut(p.contact, option, value);
  return T;
});

const Ktype = intern(':type');
const Knowait = intern(':nowait');
const Ktls_parameters = intern(':tls-parameters');
const Kcoding = intern(':coding');
const Khostname = intern(':hostname');
const Qtls = intern('tls');
const Qssl = intern('ssl');
const Qgnutls_x509pki = intern('gnutls-x509pki');

defunRest('open-network-stream', 4, (args) => openNetworkStream(args));

function openNetworkStream(args: LispObject[]): LispObject {
  const [name, buffer, host, service] = args;
  const params = arrayToList(args.slice(4));
  if (!(host instanceof LispString)) wrongType(Q.stringp, host);
  const type = plistGet(params, Ktype);
  const secure = type === Qtls || type === Qssl;
  if (type !== NIL && type !== Qplain && type !== Qnetwork && !secure) error(`Unsupported connection type ${type instanceof Object ? String((type as { name?: string }).name ?? '') : ''}`.trim());
  // A TLS stream is made as open-gnutls-stream makes it: :tls-parameters say so, and name the host.
  const tlsParameters = secure ? list(Qgnutls_x509pki, Khostname, host) : plistGet(params, Ktls_parameters);
  return makeNetworkProcess([
    intern(':name'), name, Kbuffer, buffer, Khost, host, Kservice, service,
    Knowait, plistGet(params, Knowait), Ktls_parameters, tlsParameters, Kcoding, plistGet(params, Kcoding),
  ]);
}

const Qgnutls = intern('gnutls');

/** TLS clients are made with Node's tls module (OpenSSL), not GnuTLS: the capabilities scripts test for. */
defun('gnutls-available-p', [], () => list(Qgnutls, intern('gnutls3')));

defun('open-gnutls-stream', [any, any, any, any, optional(any)], (name, buffer, host, service, parameters) => {
  const nowait = parameters instanceof Cons ? plistGet(parameters, Knowait) : NIL;
  return openNetworkStream([name, buffer, host, service, Ktype, Qtls, Knowait, nowait]);
});

defun('internal-default-process-filter', [processType, string], (p, text) => {
  defaultFilter(p, text);
  return NIL;
});
defun('internal-default-process-sentinel', [processType, any], (p, event) => {
  if (event instanceof LispString) defaultSentinel(p, event.value);
  return NIL;
});

// ---- waits --------------------------------------------------------------------------

function seconds(x: LispObject): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (x instanceof LispFloat) return x.value;
  return wrongType(Q.numberp, x);
}

defun('accept-process-output', [optional(any), optional(any), optional(any), optional(any)], (proc, secs, millisec, justThisOne) => {
  if (proc !== NIL && !isProcess(proc)) wrongType(Q.processp, proc);
  if (millisec !== NIL && typeof millisec !== 'number') wrongType(Q.fixnump, millisec);
  let timeoutMs: number | null = null;
  if (secs !== NIL) timeoutMs = seconds(secs) * 1000 + (typeof millisec === 'number' ? millisec : 0);
  else if (typeof millisec === 'number') timeoutMs = millisec;
  if (timeoutMs !== null && !(timeoutMs > 0)) timeoutMs = 0;
  const p = proc === NIL ? null : (proc as LispProcess);
  waitPoints.reached = true;
  // JUST-THIS-ONE (and with an integer, no timers) only means something with a process.
  const onlyThis = p !== null && justThisOne !== NIL;
  return bool(acceptProcessOutput(p, timeoutMs, onlyThis, !(onlyThis && typeof justThisOne === 'number')));
});

defun('sleep-for', [any, optional(any)], (secs, millisec) => {
  const ms = seconds(secs) * 1000 + (typeof millisec === 'number' ? millisec : 0);
  waitPoints.reached = true;
  if (ms > 0) sleepFor(ms);
  return NIL;
});

defun('sit-for', [optional(any), optional(any)], (secs) => {
  const ms = secs === NIL ? 0 : seconds(secs) * 1000;
  waitPoints.reached = true;
  if (ms > 0) sleepFor(ms);
  return T;
});

// ---- killing a process's buffer -----------------------------------------------------


/**
 * Emacs's process-kill-buffer-query-function: asks before killing a buffer
 * whose live process has its query-on-exit flag set. In batch mode the
 * question goes to stdout and the answer is a line of stdin.
 */
defun('process-kill-buffer-query-function', [], () => {
  const p = bufferProcess(currentBuffer());
  if (p === null || !p.live || !p.queryOnExit) return T;
  let prompt = `Buffer "${currentBuffer().name}" has a running process; kill it? (yes or no) `;
  for (;;) {
    writeStdout(prompt);
    const answer = host().readStdinLine();
    if (answer === null) signalError(Q.end_of_file, list(makeString('Error reading from stdin')));
    if (answer === 'yes') return T;
    if (answer === 'no') return NIL;
    prompt = 'Please answer yes or no.\n' + prompt;
  }
});

intern('kill-buffer-query-functions').value = list(intern('process-kill-buffer-query-function'));

// Killing a buffer deletes the live processes that belong to it (their sentinels see "deleted\n").
bufferKilledHooks.push((buf) => {
  for (const p of [...allProcesses()]) if (p.live && p.buffer === (buf as unknown as LispObject)) deleteProcess(p);
});
