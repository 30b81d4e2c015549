// examples/udp-echo.el driven by real Node dgram sockets.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as dgram from 'node:dgram';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { startExample, udpRoundTrip, type RunningExample } from './example-helpers.js';

let server: RunningExample;

beforeAll(async () => {
  await ensureBuilt();
  server = await startExample('udp-echo');
});

afterAll(async () => {
  await server?.stop();
});

describe('the UDP echo example', () => {
  it('sends each datagram back to its sender, whole', async () => {
    const s = dgram.createSocket('udp4');
    for (const payload of ['ping', 'x'.repeat(1400), '\u00e9\u2713 binary \u0000 bytes']) {
      const reply = await udpRoundTrip(s, server.port, Buffer.from(payload, 'utf8'));
      expect(reply.toString('utf8')).toBe(payload);
    }
    s.close();
  });

  it('answers several clients, each its own datagrams', async () => {
    const sockets = Array.from({ length: 5 }, () => dgram.createSocket('udp4'));
    for (let round = 0; round < 10; round++) {
      // One at a time: the server answers whoever sent the last datagram.
      for (let i = 0; i < sockets.length; i++) {
        const reply = await udpRoundTrip(sockets[i], server.port, Buffer.from(`c${i} r${round}`));
        expect(reply.toString()).toBe(`c${i} r${round}`);
      }
    }
    for (const s of sockets) s.close();
  });
});
