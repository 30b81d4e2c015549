// The packed form of socket bytes on their way from main to the worker (protocol.ts).
import { describe, it, expect } from 'vitest';
import { ACCEPTED_ID_BASE, packNetData, packedNetId, packedNetBytes } from '../../src/host/protocol.js';

describe('packed net-data', () => {
  it('carries any socket number and every byte value unchanged, as a one-byte string', () => {
    let bytes = '';
    for (let b = 0; b < 256; b++) bytes += String.fromCharCode(b);
    for (const id of [1, 255, 256, 65535, 65536, ACCEPTED_ID_BASE, ACCEPTED_ID_BASE + 123456, 0xffffffff]) {
      const packed = packNetData(id, bytes);
      expect(packedNetId(packed)).toBe(id);
      expect(packedNetBytes(packed)).toBe(bytes);
      // Every char fits in a byte, so V8 keeps (and posts) it as a one-byte string.
      expect([...packed].every((c) => c.charCodeAt(0) < 256)).toBe(true);
    }
    expect(packedNetBytes(packNetData(7, ''))).toBe('');
  });
});
