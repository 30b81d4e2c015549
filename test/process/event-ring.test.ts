// The shared-memory lane of connection reads (src/host/event-ring.ts): every
// record comes out once, whole and in order, across the wrap at the end of
// the ring; a full ring refuses a record instead of overwriting one; stamps
// stop the reader exactly where main was when it queued a port event. (A
// full ring in a running server is fast-read.test.ts's backpressure case.)
import { describe, it, expect } from 'vitest';
import { makeEventRing, RingReader, RingWriter } from '../../src/host/event-ring.js';

function pattern(length: number, seed: number): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = (i * 7 + seed) & 255;
  return b;
}

function bytesOf(data: string | Uint8Array): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
}

describe('event ring', () => {
  it('passes records whole and in order through many wraps of a small ring', () => {
    const shared = makeEventRing(100);
    const writer = new RingWriter(shared);
    const reader = new RingReader(shared, 16);
    const sent: [number, Buffer][] = [];
    const got: [number, Buffer][] = [];
    const deliver = (id: number, data: string | Uint8Array): void => void got.push([id, bytesOf(data)]);
    let refused = 0;
    // Lengths from 1 to 41 put record ends at every offset of the 100 bytes, headers split by the end included.
    for (let i = 0; i < 2000; i++) {
      const data = pattern(1 + ((i * 13) % 41), i);
      // A read buffer is bigger than its read: the writer takes only `length` bytes.
      const readBuffer = Buffer.concat([data, Buffer.from('garbage')]);
      if (writer.write(i + 1, readBuffer, data.length)) sent.push([i + 1, data]);
      else {
        refused++;
        reader.readUpTo(reader.written(), deliver);
        expect(writer.write(i + 1, readBuffer, data.length)).toBe(true);
        sent.push([i + 1, data]);
      }
      if (i % 3 === 2) reader.readUpTo(reader.written(), deliver);
    }
    reader.readUpTo(reader.written(), deliver);
    expect(refused).toBeGreaterThan(0);
    expect(got.length).toBe(sent.length);
    for (let i = 0; i < sent.length; i++) {
      expect(got[i][0]).toBe(sent[i][0]);
      expect(got[i][1].equals(sent[i][1])).toBe(true);
    }
  });

  it('refuses a record when the ring is full, and one bigger than the ring', () => {
    const shared = makeEventRing(64);
    const writer = new RingWriter(shared);
    const reader = new RingReader(shared, 1024);
    // Records take 8 bytes of header: two of 20 bytes fill 56 of the 64.
    expect(writer.write(1, pattern(20, 1), 20)).toBe(true);
    expect(writer.write(2, pattern(20, 2), 20)).toBe(true);
    expect(writer.write(3, pattern(20, 3), 20)).toBe(false);
    expect(writer.write(4, pattern(100, 4), 100)).toBe(false);
    const got: string[] = [];
    const deliver = (id: number, data: string | Uint8Array): void => void got.push(`${id}:${bytesOf(data).equals(pattern(20, id))}`);
    reader.readUpTo(reader.written(), deliver);
    expect(got).toEqual(['1:true', '2:true']);
    // Read, the space is free again; this record wraps to the start.
    expect(writer.write(3, pattern(20, 3), 20)).toBe(true);
    reader.readUpTo(reader.written(), deliver);
    expect(got).toEqual(['1:true', '2:true', '3:true']);
  });

  it('reads up to a stamp and no further', () => {
    const shared = makeEventRing(1024);
    const writer = new RingWriter(shared);
    const reader = new RingReader(shared, 1024);
    const got: number[] = [];
    const deliver = (id: number): void => void got.push(id);
    writer.write(1, pattern(5, 1), 5);
    writer.write(2, pattern(5, 2), 5);
    const stamp = writer.records;
    writer.write(3, pattern(5, 3), 5);
    reader.readUpTo(stamp, deliver);
    expect(got).toEqual([1, 2]);
    // An older stamp reads nothing again.
    reader.readUpTo(1, deliver);
    expect(got).toEqual([1, 2]);
    reader.readUpTo(reader.written(), deliver);
    expect(got).toEqual([1, 2, 3]);
  });

  it('gives strings up to the string size and copies above it', () => {
    const shared = makeEventRing(1024);
    const writer = new RingWriter(shared);
    const reader = new RingReader(shared, 8);
    const got: (string | Uint8Array)[] = [];
    writer.write(1, Buffer.from('\x00\xffabcde', 'latin1'), 7);
    writer.write(2, pattern(300, 9), 300);
    reader.readUpTo(reader.written(), (_id, data) => got.push(data));
    expect(got[0]).toBe('\x00\xffabcde');
    expect(Buffer.isBuffer(got[1])).toBe(true);
    expect((got[1] as Buffer).equals(pattern(300, 9))).toBe(true);
    // The copy is the reader's own: the ring's bytes can be reused under it.
    writer.write(3, Buffer.alloc(300), 300);
    expect((got[1] as Buffer).equals(pattern(300, 9))).toBe(true);
  });

  it('says whether a port message may be waiting', () => {
    const shared = makeEventRing(64);
    const writer = new RingWriter(shared);
    const reader = new RingReader(shared, 8);
    expect(reader.portPending()).toBe(false);
    writer.posted();
    writer.posted();
    expect(reader.portPending()).toBe(true);
    reader.portReceived();
    expect(reader.portPending()).toBe(true);
    reader.portReceived();
    expect(reader.portPending()).toBe(false);
  });
});
