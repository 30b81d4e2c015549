// Main's side of direct socket writes. The worker writes a connection's
// bytes to the socket's descriptor itself, one write(2) per
// process-send-string as Emacs does, instead of posting them here: on a busy
// echo or HTTP server, receiving and replaying those messages was over half
// of main's time (perf, 10 connections of 64-byte messages).
//
// The danger is a descriptor that main closes, and the kernel hands to the
// next connection, while the worker writes to it. So each connection gets a
// word in a shared table: the worker writes only while it holds the word at
// SLOT_WRITING, and main closes the socket only after moving the word from
// SLOT_OPEN to SLOT_CLOSED. Every close of a Node socket goes through its
// _destroy (the stream hook for exactly that), which is where main takes the
// word. A word also carries the slot's generation, so a worker still holding
// a closed connection never matches the one that got the slot next.
import type * as net from 'node:net';
import { SLOT_CLOSED, SLOT_OPEN, SLOT_WRITING, slotWord, type DirectWrite } from './protocol.js';

type Destroy = (error: Error | null, callback: (error?: Error | null) => void) => void;

interface SocketInternals {
  _handle?: { fd?: unknown } | null;
  _destroy: Destroy;
}

export class WriteSlots {
  private readonly words: Int32Array;
  private readonly generations: number[] = [];
  private readonly free: number[] = [];
  private fresh = 0;

  constructor(buffer: SharedArrayBuffer) {
    this.words = new Int32Array(buffer);
  }

  /** Gives socket a slot, if it has a descriptor and a slot is free; null keeps its writes on main. */
  open(socket: net.Socket): DirectWrite | null {
    const internals = socket as unknown as SocketInternals;
    const fd = internals._handle?.fd;
    if (typeof fd !== 'number' || fd < 0 || socket.destroyed) return null;
    const slot = this.free.length > 0 ? this.free.pop()! : this.fresh < this.words.length ? this.fresh++ : -1;
    if (slot < 0) return null;
    const generation = (this.generations[slot] ?? 0) + 1;
    this.generations[slot] = generation;
    Atomics.store(this.words, slot, slotWord(generation, SLOT_OPEN));
    const destroy = internals._destroy;
    let closed = false;
    internals._destroy = (error, callback) => {
      if (!closed) {
        closed = true;
        this.close(slot, generation);
      }
      destroy.call(socket, error, callback);
    };
    return { fd, slot, generation };
  }

  /** Takes the slot back before the descriptor closes, waiting out a write the worker is in. */
  private close(slot: number, generation: number): void {
    const open = slotWord(generation, SLOT_OPEN);
    const writing = slotWord(generation, SLOT_WRITING);
    for (;;) {
      const seen = Atomics.compareExchange(this.words, slot, open, slotWord(generation, SLOT_CLOSED));
      if (seen !== writing) break;
      // One write(2) on a non-blocking socket: the worker lets go within microseconds.
      Atomics.wait(this.words, slot, writing, 0.05);
    }
    this.free.push(slot);
  }
}
