// The wire between the main thread (I/O server) and the interpreter worker.
//
// One ordered channel each way, as design/threading.md recommends:
//   main → worker: a MessagePort drained synchronously by the worker with
//     receiveMessageOnPort; each message is a batch of events, coalesced per
//     main event-loop turn, each event after its stamp (see PortBatch). The
//     bytes of connection reads take a lane of shared memory beside it
//     (event-ring.ts), which the stamps keep in order with the port. After
//     either, main increments the SEQ word and notifies it, so a worker
//     sleeping in Atomics.wait wakes up.
//   worker → main: ordinary postMessage on the same port; main listens.
// Never split one kind of traffic over two channels: that would reorder it.
//
// Network processes: socket events join ToWorker (net-accept, net-data,
// net-eof, net-connect results, net-reply to blocking requests); commands join
// FromWorker (`net` batches of fire-and-forget NetOps, `net-request` for the
// blocking ones: listen, connect, lookup). Main owns the sockets and knows
// them by number only (NetId); the worker owns everything Lisp. One
// exception: the worker writes a connection's bytes to its descriptor itself
// while main lets it (DirectWrite below, src/host/write-slots.ts); a write
// that cannot finish there goes on as a `write` op, and so does every later
// write to that socket.

import type { MessagePort } from 'node:worker_threads';

/** Indexes of the Int32 words of the shared control block. */
export const SEQ = 0;
/** 1 while the worker sleeps in Atomics.wait on SEQ (main may skip notify otherwise). */
export const ASLEEP = 1;
/** Non-zero when the user asked to quit (C-g); the evaluator polls it. */
export const QUIT = 2;
/** Non-zero when main wants the worker to exit with (KILL - 1) as soon as it can (a fatal signal in batch mode). */
export const KILL = 3;
export const SHARED_WORDS = 4;

export function makeSharedBlock(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(SHARED_WORDS * 4));
}

/** What the worker does once started. */
export type WorkerMode = 'batch' | 'session';

/** workerData of the interpreter worker. */
export interface WorkerStart {
  shared: SharedArrayBuffer;
  port: MessagePort;
  /** 'fd': write stdout/stderr to fds 1/2; 'relay': send them to main as `output` messages. */
  output: 'fd' | 'relay';
  /** The write-slot table of direct socket writes (see DirectWrite); absent: every write goes through main. */
  writeSlots?: SharedArrayBuffer;
  /** The ring of connection reads (event-ring.ts); absent: reads travel as port events. */
  ring?: SharedArrayBuffer;
}

/** Where the worker's standard input comes from: fd 0 itself (batch), main (the REPL owns stdin), or nowhere (embedding). */
export type InputMode = 'fd' | 'relay' | 'none';

/**
 * One step of a batch run, in command-line order; argsLeft is the value of
 * `command-line-args-left` while it runs (the arguments after it).
 */
export type BatchAction =
  | { kind: 'load'; file: string; argsLeft: string[] }
  | { kind: 'eval'; source: string; argsLeft: string[] };

export interface BatchPlan {
  actions: BatchAction[];
  /** The value of `command-line-args` (program name first). */
  commandLineArgs: string[];
  invocationName: string;
  /** With a trailing slash, as Emacs has it. */
  invocationDirectory: string;
  /**
   * What happens after the last action while live processes remain (see
   * src/process/serve.ts): 'serve' (--keep-serving) delivers their events
   * until the last process with its query-on-exit flag set is gone; 'exit'
   * (--batch) ends the run as `emacs --batch` does; 'auto' serves only a
   * script that was written to be served (it never waited for output itself).
   * While serving, errors in filters and sentinels are reported (as
   * interactive Emacs does) instead of ending the run.
   */
  afterScript?: AfterScript;
}

export type AfterScript = 'auto' | 'serve' | 'exit';

export type ToWorker =
  /** Run a batch plan, then exit. */
  | { type: 'batch'; plan: BatchPlan }
  /** Serve eval requests until `close` (REPL, embedding). */
  | { type: 'session'; input: InputMode; commandLineArgs: string[]; invocationName: string; invocationDirectory: string }
  /**
   * Evaluate source. kind 'repl': read as many complete forms as there are;
   * an unfinished last form answers `incomplete` and evaluates nothing.
   * kind 'embed': evaluate all forms, answer the last value printed.
   */
  | { type: 'eval'; id: number; kind: 'repl' | 'embed'; source: string }
  /** The answer to a worker `request`. */
  | { type: 'reply'; id: number; value: string | null }
  | { type: 'close' }
  | NetEvent
  | ChildEvent;

export type EvalStatus = 'ok' | 'error' | 'incomplete';

export type FromWorker =
  /** The worker loaded the interpreter and waits for its first event. */
  | { type: 'ready' }
  | {
      type: 'result';
      id: number;
      status: EvalStatus;
      /** ok: the printed value; error: the error message as Emacs shows it. */
      text: string;
      /** error: the error symbol and the printed error object. */
      errorSymbol?: string;
      errorObject?: string;
    }
  /** A blocking request; the worker waits for the `reply` with the same id. */
  | { type: 'request'; id: number; op: 'read-line'; prompt: string }
  /** Output in 'relay' mode. */
  | { type: 'output'; fd: 1 | 2; data: Uint8Array }
  /** The worker is done; main exits with code (batch) or resolves close(). */
  | { type: 'exit'; code: number }
  /** Socket commands, in order, batched per worker dispatch pass. */
  | { type: 'net'; ops: NetOp[] }
  /** A blocking socket request; main answers with a `net-reply` of the same id. */
  | { type: 'net-request'; id: number; request: NetRequest }
  /** Subprocess commands, in order, batched like `net`. */
  | { type: 'child'; ops: ChildOp[] }
  /** Start a subprocess; main answers with a `child-reply` of the same id. */
  | { type: 'child-request'; id: number; request: ChildSpawn };

// ---- network processes --------------------------------------------------------

/**
 * A socket's number. The worker numbers the sockets it asks for (from 1);
 * main numbers the connections its servers accept (from ACCEPTED_ID_BASE).
 * Below 2^30 both stay small integers in V8 (Smis): from 2^30 on every id
 * read from the ring was a new heap number, a slower Map key, and a reason
 * for the optimised read path to deoptimise ("not a Smi").
 */
export type NetId = number;
export const ACCEPTED_ID_BASE = 0x20000000;

export type NetFamily = 'ipv4' | 'ipv6' | 'local';

/** A socket address: an IP address and port, or a Unix socket path ('' when unnamed). */
export interface NetAddress {
  family: NetFamily;
  /** Numeric IP address text (ipv4/ipv6), or the socket path (local). */
  address: string;
  port: number;
}

/**
 * Socket bytes on the wire: small amounts as a latin1 string (one char per
 * byte: cheaper to post than a typed array, and already the text of a
 * unibyte Lisp string), larger ones as a Uint8Array (transferred).
 */
export type NetBytes = Uint8Array | string;

/** Up to this many bytes travel as a latin1 string. */
export const NET_STRING_BYTES = 2048;

/**
 * A stream socket's bytes read (at most NET_STRING_BYTES), as one latin1
 * string: the socket's NetId in its first 4 chars (base 256), then the
 * bytes. It stands for a `net-data` event in main's batches: a string is
 * posted and received much more cheaply than an object with three fields,
 * and most of a busy server's events are these.
 */
export type PackedNetData = string;

export function packNetData(id: NetId, data: string): PackedNetData {
  return String.fromCharCode(id >>> 24, (id >>> 16) & 255, (id >>> 8) & 255, id & 255) + data;
}

export function packedNetId(packed: PackedNetData): NetId {
  return ((packed.charCodeAt(0) << 24) | (packed.charCodeAt(1) << 16) | (packed.charCodeAt(2) << 8) | packed.charCodeAt(3)) >>> 0;
}

export function packedNetBytes(packed: PackedNetData): string {
  return packed.slice(4);
}

/** What main queues for the worker. */
export type ToWorkerItem = ToWorker | PackedNetData;

/**
 * One port message from main: stamp, event, stamp, event... An event's stamp
 * is the number of ring records main had written when it queued the event;
 * the worker reads those records first.
 */
export type PortBatch = (number | ToWorkerItem)[];

/** A failed socket call: Node's error code (ECONNREFUSED...) and the errno number. */
export interface NetFailure {
  code: string;
  errno: number;
}

export type NetRequest =
  /** Bind and listen (stream) or bind (datagram). */
  | { kind: 'listen'; id: NetId; type: 'stream' | 'datagram'; family: NetFamily; address: string; port: number; backlog: number; paused: boolean }
  /** Connect a stream socket; with nowait the answer is a `net-connect` event instead of a reply. */
  | {
      kind: 'connect'; id: NetId; family: NetFamily; address: string; port: number; localAddress?: string; localPort?: number; paused: boolean;
      /** A TLS client (make-network-process's :tls-parameters): the name its certificate must carry, if not the address. */
      tls?: { servername: string | null };
    }
  /** Resolve a host name (getaddrinfo): the reply's addresses, or a failure. */
  | { kind: 'lookup'; host: string; family: NetFamily | null };

export type NetReplyValue =
  | { ok: true; local?: NetAddress; remote?: NetAddress; addresses?: NetAddress[]; direct?: DirectWrite }
  | { ok: false; failure: NetFailure };

export type NetOp =
  | { op: 'write'; id: NetId; data: NetBytes }
  /** One datagram to address:port. */
  | { op: 'send'; id: NetId; data: NetBytes; family: NetFamily; address: string; port: number }
  /** An unbound datagram socket for a datagram client. */
  | { op: 'dgram-open'; id: NetId; family: NetFamily; paused: boolean }
  /** A connect whose result comes back as a `net-connect` event (:nowait). */
  | { op: 'connect'; request: Extract<NetRequest, { kind: 'connect' }> }
  /** Shut down the write side. */
  | { op: 'eof'; id: NetId }
  /** Close: a socket after its pending writes, a listening server at once (its connections stay). */
  | { op: 'close'; id: NetId }
  /** Stop / resume reading (stop-process, continue-process, backpressure). */
  | { op: 'pause'; id: NetId }
  | { op: 'resume'; id: NetId }
  | { op: 'option'; id: NetId; name: string; value: number | boolean }
  /** The worker consumed this many bytes of id's input (main resumes reading below its high-water mark). */
  | { op: 'consumed'; id: NetId; bytes: number };

export type NetEvent =
  | { type: 'net-reply'; id: number; value: NetReplyValue }
  /** A server accepted a connection, now known as id. */
  | { type: 'net-accept'; server: NetId; id: NetId; local: NetAddress; remote: NetAddress; direct?: DirectWrite }
  /** Bytes read; for datagrams, one datagram and its sender. */
  | { type: 'net-data'; id: NetId; data: NetBytes; from?: NetAddress }
  /** The peer closed (end of file) or the connection broke. */
  | { type: 'net-eof'; id: NetId }
  /** The result of a :nowait connect. */
  | { type: 'net-connect'; id: NetId; value: NetReplyValue };

// ---- direct socket writes -----------------------------------------------------

/**
 * A connection whose bytes the worker writes to the socket itself, with one
 * write(2) on main's descriptor, instead of posting them to main (see
 * src/host/write-slots.ts). slot is the connection's word in the shared
 * write-slot table, which says who may use the descriptor; generation tells
 * this connection from later users of the same slot.
 */
export interface DirectWrite {
  fd: number;
  slot: number;
  generation: number;
}

/** The states of a write-slot word: its low two bits (the others hold the generation). */
export const SLOT_OPEN = 0;
/** The worker is inside a write on the descriptor: main must not close it yet. */
export const SLOT_WRITING = 1;
/** Main closed (or is closing) the descriptor: the worker must not touch it. */
export const SLOT_CLOSED = 2;
export const WRITE_SLOT_COUNT = 4096;

export function slotWord(generation: number, state: number): number {
  return ((generation & 0x1fffffff) << 2) | state;
}

export function makeWriteSlots(): SharedArrayBuffer {
  return new SharedArrayBuffer(WRITE_SLOT_COUNT * 4);
}

// ---- subprocesses -------------------------------------------------------------

/**
 * Subprocesses, like sockets, belong to main: a child's pipes live on main's
 * event loop, which runs while Lisp waits. The worker numbers its children
 * (ChildId, from 1), resolves the program and builds the environment itself;
 * main only spawns, pipes bytes and reports how the child ended. Signals are
 * sent by the worker directly (process.kill is a plain system call).
 */
export type ChildId = number;

export interface ChildSpawn {
  id: ChildId;
  /** The program's absolute file name, already found on exec-path. */
  file: string;
  /** argv[1...]. */
  args: string[];
  cwd: string;
  /** The whole environment of the child (from process-environment). */
  env: Record<string, string>;
  /**
   * What becomes of the child's stderr: 'merge' into stdout (one pipe, so the
   * two keep their relative order), 'pipe' as separate child-data events
   * with stream 2, or 'ignore'.
   */
  stderr: 'merge' | 'pipe' | 'ignore';
  /** No stdio at all and no events: call-process with DESTINATION 0. */
  detachedDiscard?: boolean;
}

export type ChildReplyValue = { ok: true; pid: number } | { ok: false; failure: NetFailure };

export type ChildOp =
  | { op: 'child-write'; id: ChildId; data: NetBytes }
  /** Close the child's stdin (process-send-eof). */
  | { op: 'child-eof'; id: ChildId }
  /** Forget the child: its later output is dropped; no exit event comes. */
  | { op: 'child-close'; id: ChildId }
  /** The worker consumed this many bytes of the child's output (backpressure). */
  | { op: 'child-consumed'; id: ChildId; bytes: number };

export type ChildEvent =
  | { type: 'child-reply'; id: number; value: ChildReplyValue }
  /** Bytes the child wrote to stdout (1) or, with stderr 'pipe', stderr (2). */
  | { type: 'child-data'; id: ChildId; stream: 1 | 2; data: NetBytes }
  /**
   * The child ended and both its output pipes are closed (so every byte it
   * wrote came before this): its exit code, or the signal that killed it.
   */
  | { type: 'child-exit'; id: ChildId; code: number | null; signal: number | null };
