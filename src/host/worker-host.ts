// The Host of the interpreter worker: synchronous writes to fds 1/2, stdin
// read in the worker or relayed from main, and the event channel from main
// (see protocol.ts) drained with receiveMessageOnPort and slept on with
// Atomics.wait. Runs only inside the worker thread; never awaits.
import * as fs from 'node:fs';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Host, HostEvent } from './host.js';
import {
  SEQ, ASLEEP, NET_STRING_BYTES, packedNetId, packedNetBytes, type PortBatch, type ToWorkerItem, type WorkerStart, type FromWorker, type InputMode, type NetEvent, type NetOp,
  type NetRequest, type NetReplyValue, type ChildEvent, type ChildOp, type ChildSpawn, type ChildReplyValue,
} from './protocol.js';
import { quitRequested } from './quit.js';
import { RingReader } from './event-ring.js';

/** Exit status of a process killed by SIGPIPE, as a shell reports it. */
const BROKEN_PIPE_STATUS = 141;

export class WorkerHost implements Host {
  private readonly words: Int32Array;
  private readonly port: MessagePort;
  private readonly output: WorkerStart['output'];
  /** Batch mode reads fd 0; a session says otherwise. */
  input: InputMode = 'fd';
  private readonly pending: HostEvent[] = [];
  private readonly napCell = new Int32Array(new SharedArrayBuffer(4));
  private nextRequestId = 1;
  private stdinBytes: Buffer = Buffer.alloc(0);
  private stdinEnded = false;
  private brokenPipe = false;
  /** Network events go here as they are drained (the process layer queues them per process). */
  netSink: ((event: NetEvent) => void) | null = null;
  /** Connection bytes from the ring go here, with no event object around them (see netSink). */
  netDataSink: ((id: number, data: string | Uint8Array) => void) | null = null;
  /** Runs the process layer's dispatch when network events arrive while the session idles in waitEvents. */
  onIdleNetEvents: (() => void) | null = null;
  /** Runs the due timers while the session idles in waitEvents; returns the ms until the next one is due. */
  onIdleTimers: (() => number) | null = null;
  /** Called before the worker sleeps or exits: the process layer flushes its batched socket writes. */
  beforeWait: (() => void) | null = null;
  /** Subprocess output and ends go here as they are drained (the process layer queues them per process). */
  childSink: ((event: ChildEvent) => void) | null = null;
  private netActivity = 0;
  private readonly netReplies = new Map<number, NetReplyValue>();
  private readonly childReplies = new Map<number, ChildReplyValue>();

  /** The table of direct socket writes (see write-slots.ts). */
  readonly writeSlots: Int32Array | null;
  private readonly ring: RingReader | null;

  constructor(start: WorkerStart) {
    this.words = new Int32Array(start.shared);
    this.writeSlots = start.writeSlots ? new Int32Array(start.writeSlots) : null;
    this.port = start.port;
    this.ring = start.ring ? new RingReader(start.ring, NET_STRING_BYTES) : null;
    this.output = start.output;
  }

  writeStdout(data: string | Uint8Array): void {
    this.write(1, data);
  }

  writeStderr(data: string | Uint8Array): void {
    this.write(2, data);
  }

  /** Sends a message to the main thread. */
  post(message: FromWorker): void {
    this.port.postMessage(message);
  }

  private write(fd: 1 | 2, data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (bytes.length === 0) return;
    if (this.output === 'relay') {
      this.post({ type: 'output', fd, data: bytes });
      return;
    }
    if (this.brokenPipe) return;
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          // A non-blocking pipe is full (main may have made it non-blocking): wait a little.
          this.nap(1);
          continue;
        }
        if (code === 'EPIPE') {
          // Emacs dies of SIGPIPE here; the reader is gone, so nothing visible is lost.
          this.brokenPipe = true;
          this.post({ type: 'exit', code: BROKEN_PIPE_STATUS });
          return;
        }
        throw e;
      }
    }
  }

  exit(status: number): never {
    try {
      this.beforeWait?.();
    } catch {
      // exiting anyway
    }
    this.post({ type: 'exit', code: status });
    // Ends the worker thread at once; JS finally blocks do not run, like C exit().
    process.exit(status);
  }

  private nap(ms: number): void {
    Atomics.wait(this.napCell, 0, 0, ms);
  }

  readStdinLine(): string | null {
    if (this.input === 'none') return null;
    if (this.input === 'relay') return this.request('read-line', '');
    for (;;) {
      const nl = this.stdinBytes.indexOf(10);
      if (nl >= 0) {
        const line = this.stdinBytes.subarray(0, nl).toString('utf8');
        this.stdinBytes = this.stdinBytes.subarray(nl + 1);
        return line;
      }
      if (this.stdinEnded) {
        if (this.stdinBytes.length === 0) return null;
        const rest = this.stdinBytes.toString('utf8');
        this.stdinBytes = Buffer.alloc(0);
        return rest;
      }
      this.fillStdin();
    }
  }

  private fillStdin(): void {
    const chunk = Buffer.alloc(65536);
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(0, chunk, 0, chunk.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          this.nap(5);
          continue;
        }
        if (code === 'EOF' || code === 'EBADF' || code === 'ENXIO') {
          this.stdinEnded = true;
          return;
        }
        throw e;
      }
      if (n === 0) this.stdinEnded = true;
      else this.stdinBytes = Buffer.concat([this.stdinBytes, chunk.subarray(0, n)]);
      return;
    }
  }

  /** A blocking request to main; events that arrive meanwhile are kept for the next waitEvents. */
  request(op: 'read-line', prompt: string): string | null {
    const id = this.nextRequestId++;
    this.post({ type: 'request', id, op, prompt });
    for (;;) {
      const seen = Atomics.load(this.words, SEQ);
      const reply = this.takeReply(id);
      if (reply !== undefined) return reply;
      this.sleep(seen, Infinity);
    }
  }

  private takeReply(id: number): string | null | undefined {
    this.drain();
    for (let i = 0; i < this.pending.length; i++) {
      const e = this.pending[i];
      if (e.type === 'reply' && e.id === id) {
        this.pending.splice(i, 1);
        return e.value;
      }
    }
    return undefined;
  }

  waitEvents(timeoutMs: number): HostEvent[] {
    const deadline = timeoutMs === Infinity ? Infinity : Date.now() + Math.max(0, timeoutMs);
    // Network events queued while Lisp ran (but after its last wait) are due now.
    this.onIdleNetEvents?.();
    for (;;) {
      this.beforeWait?.();
      const seen = Atomics.load(this.words, SEQ);
      const activity = this.netActivity;
      this.drain();
      // Idle with network processes: this is a wait point, so their filters run here.
      if (this.netActivity !== activity && this.onIdleNetEvents !== null) {
        this.onIdleNetEvents();
        continue;
      }
      if (this.pending.length > 0) return this.pending.splice(0, this.pending.length);
      if (quitRequested()) return [];
      const nextTimer = this.onIdleTimers?.() ?? Infinity;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return [];
      this.sleep(seen, Math.min(remaining, nextTimer));
    }
  }

  /** Puts events back at the head of the queue, for the next waitEvents. */
  unread(events: HostEvent[]): void {
    this.pending.unshift(...events);
  }

  private sleep(seen: number, ms: number): void {
    Atomics.store(this.words, ASLEEP, 1);
    Atomics.wait(this.words, SEQ, seen, ms);
    Atomics.store(this.words, ASLEEP, 0);
  }

  /**
   * Takes what main has sent: port events and ring records, in main's order.
   * The ring's count is read first, so that every event queued before those
   * records is already in the port (see event-ring.ts).
   */
  private drain(): void {
    const ring = this.ring;
    const written = ring !== null ? ring.written() : 0;
    if (ring === null || ring.portPending()) {
      for (;;) {
        const m = receiveMessageOnPort(this.port);
        if (m === undefined) break;
        const batch = m.message as PortBatch;
        ring?.portReceived();
        for (let i = 0; i < batch.length; i += 2) {
          ring?.readUpTo(batch[i] as number, this.deliverRead);
          this.take(batch[i + 1] as ToWorkerItem);
        }
      }
    }
    ring?.readUpTo(written, this.deliverRead);
  }

  private readonly deliverRead = (id: number, data: string | Uint8Array): void => {
    if (this.netDataSink !== null) {
      this.netDataSink(id, data);
      this.netActivity++;
    } else this.takeNet({ type: 'net-data', id, data });
  };

  private takeNet(event: NetEvent): void {
    if (this.netSink !== null) {
      this.netSink(event);
      this.netActivity++;
    } else this.pending.push(event);
  }

  private take(e: ToWorkerItem): void {
    if (typeof e === 'string') this.takeNet({ type: 'net-data', id: packedNetId(e), data: packedNetBytes(e) });
    else if (e.type === 'net-reply') this.netReplies.set(e.id, e.value);
    else if (e.type === 'child-reply') this.childReplies.set(e.id, e.value);
    else if (this.childSink !== null && (e.type === 'child-data' || e.type === 'child-exit')) {
      this.childSink(e);
      this.netActivity++;
    } else if (this.netSink !== null && e.type.startsWith('net-')) this.takeNet(e as NetEvent);
    else this.pending.push(e);
  }

  // ---- network processes (see src/process) ----

  /** Sends socket commands to main, in order. */
  postNet(ops: NetOp[]): void {
    this.post({ type: 'net', ops });
  }

  /**
   * Waits until network events arrive (they go to netSink) or timeoutMs
   * passes or a quit is requested. Other events stay queued for waitEvents.
   */
  waitNet(timeoutMs: number): void {
    if (timeoutMs <= 0) {
      this.drain();
      return;
    }
    const deadline = timeoutMs === Infinity ? Infinity : Date.now() + Math.max(0, timeoutMs);
    const activity = this.netActivity;
    for (;;) {
      const seen = Atomics.load(this.words, SEQ);
      this.drain();
      if (this.netActivity !== activity || quitRequested()) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return;
      if (this.spin(seen)) continue;
      this.sleep(seen, remaining);
    }
  }

  /** Microseconds waitNet polls before it sleeps: 0, since measured on 2 cores with a local client spinning costs more than the wake-up it saves. */
  netSpinMicros = Number(process.env.ELISP_NET_SPIN_US ?? 0);

  /** Polls SEQ for a short while; true when it moved (events came) before the spin ran out. */
  private spin(seen: number): boolean {
    if (this.netSpinMicros <= 0) return false;
    const until = performance.now() + this.netSpinMicros / 1000;
    do {
      if (Atomics.load(this.words, SEQ) !== seen) return true;
    } while (performance.now() < until);
    return false;
  }

  /** A blocking socket request; network events that arrive meanwhile are queued, not dispatched. */
  netRequest(request: NetRequest): NetReplyValue {
    const id = this.nextRequestId++;
    this.beforeWait?.();
    this.post({ type: 'net-request', id, request });
    for (;;) {
      const seen = Atomics.load(this.words, SEQ);
      this.drain();
      const value = this.netReplies.get(id);
      if (value !== undefined) {
        this.netReplies.delete(id);
        return value;
      }
      this.sleep(seen, Infinity);
    }
  }

  // ---- subprocesses (see src/process/child.ts) ----

  /** Sends subprocess commands to main, in order. */
  postChild(ops: ChildOp[]): void {
    this.post({ type: 'child', ops });
  }

  /** Asks main to start a child and waits for the answer; other events that arrive meanwhile are queued, not dispatched. */
  childRequest(request: ChildSpawn): ChildReplyValue {
    const id = this.nextRequestId++;
    this.beforeWait?.();
    this.post({ type: 'child-request', id, request });
    for (;;) {
      const seen = Atomics.load(this.words, SEQ);
      this.drain();
      const value = this.childReplies.get(id);
      if (value !== undefined) {
        this.childReplies.delete(id);
        return value;
      }
      this.sleep(seen, Infinity);
    }
  }
}
