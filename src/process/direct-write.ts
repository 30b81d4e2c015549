// The worker's side of direct socket writes (see src/host/write-slots.ts):
// one write(2) on the connection's descriptor while holding its slot word.
import * as fs from 'node:fs';
import { SLOT_OPEN, SLOT_WRITING, slotWord, type DirectWrite, type NetBytes } from '../host/protocol.js';

/**
 * Writes data to the socket of `to`; returns what it could not write (all
 * of it when main has closed the socket or the kernel's buffer is full, or
 * the tail of a partial write), or null when everything went out. Whatever
 * is returned must go through main, and so must every later write to the
 * socket, to keep the bytes in order.
 */
export function writeDirect(slots: Int32Array, to: DirectWrite, data: NetBytes): NetBytes | null {
  const open = slotWord(to.generation, SLOT_OPEN);
  if (Atomics.compareExchange(slots, to.slot, open, slotWord(to.generation, SLOT_WRITING)) !== open) return data;
  let written = 0;
  try {
    written = typeof data === 'string' ? fs.writeSync(to.fd, data, null, 'latin1') : fs.writeSync(to.fd, data);
  } catch {
    // EAGAIN, or a connection the peer broke: main's write reports it as it always has.
    written = 0;
  } finally {
    Atomics.store(slots, to.slot, open);
  }
  if (written >= data.length) return null;
  return written === 0 ? data : typeof data === 'string' ? data.slice(written) : data.subarray(written);
}
