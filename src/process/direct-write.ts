// The worker's side of direct socket writes (see src/host/write-slots.ts):
// one write(2) on the connection's descriptor while holding its slot word.
import * as fs from 'node:fs';
import { SLOT_OPEN, SLOT_WRITING, slotWord, type DirectWrite, type NetBytes } from '../host/protocol.js';

/** writeDirect wrote nothing: main has closed the socket. */
export const DIRECT_CLOSED = -1;
/** write(2) failed with EPIPE: the connection is gone and the kernel knows it. */
export const DIRECT_BROKEN_PIPE = -2;
/** write(2) failed with ECONNRESET: the peer reset the connection. */
export const DIRECT_RESET = -3;
/** Any other failure (EAGAIN: the kernel's buffer is full). */
export const DIRECT_BLOCKED = -4;

/**
 * Writes data to the socket of `to`; returns how many bytes went out (fewer
 * than data.length when the kernel's buffer filled up), or one of the
 * negative DIRECT_ codes when nothing did. Bytes that did not go out can
 * only go through main, and so must every later write to the socket, to
 * keep the bytes in order.
 */
export function writeDirect(slots: Int32Array, to: DirectWrite, data: NetBytes): number {
  const open = slotWord(to.generation, SLOT_OPEN);
  if (Atomics.compareExchange(slots, to.slot, open, slotWord(to.generation, SLOT_WRITING)) !== open) return DIRECT_CLOSED;
  try {
    return typeof data === 'string' ? fs.writeSync(to.fd, data, null, 'latin1') : fs.writeSync(to.fd, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EPIPE' ? DIRECT_BROKEN_PIPE : code === 'ECONNRESET' ? DIRECT_RESET : DIRECT_BLOCKED;
  } finally {
    Atomics.store(slots, to.slot, open);
  }
}
