// examples/echo-server.el driven by real Node TCP clients over loopback.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as crypto from 'node:crypto';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { startExample, Client, sleep, type RunningExample } from './example-helpers.js';

let server: RunningExample;

beforeAll(async () => {
  await ensureBuilt();
  server = await startExample('echo-server');
});

afterAll(async () => {
  await server?.stop();
});

describe('the echo server example', () => {
  it('echoes what one client sends, in pieces, byte for byte', async () => {
    const c = await Client.connect(server.port);
    await c.write('hello ');
    await sleep(20);
    await c.write('world\n');
    await c.until((x) => x.text === 'hello world\n');
    c.socket.destroy();
  });

  it('serves many concurrent clients without losing or reordering a byte', async () => {
    const clients = await Promise.all(Array.from({ length: 25 }, () => Client.connect(server.port)));
    const payloads = clients.map(() => crypto.randomBytes(20_000 + Math.floor(Math.random() * 20_000)));
    await Promise.all(
      clients.map(async (c, i) => {
        const p = payloads[i];
        // Split at random places, so the server sees arbitrary packet boundaries.
        for (let off = 0; off < p.length; ) {
          const n = 1 + Math.floor(Math.random() * 5000);
          await c.write(p.subarray(off, off + n));
          off += n;
        }
      }),
    );
    await Promise.all(clients.map((c, i) => c.until((x) => x.received.length >= payloads[i].length, 15_000)));
    clients.forEach((c, i) => expect(c.received.equals(payloads[i])).toBe(true));
    for (const c of clients) c.socket.destroy();
  });

  it('survives clients that vanish in the middle of a transfer', async () => {
    for (let round = 0; round < 5; round++) {
      const c = await Client.connect(server.port);
      c.socket.write(crypto.randomBytes(200_000));
      await sleep(5);
      c.socket.resetAndDestroy();
    }
    const c = await Client.connect(server.port);
    await c.write('still alive');
    await c.until((x) => x.text === 'still alive');
    c.socket.destroy();
    expect(server.child.exitCode).toBe(null);
  });

  it('echoes a megabyte intact', async () => {
    const c = await Client.connect(server.port);
    const big = crypto.randomBytes(1 << 20);
    await c.write(big);
    await c.until((x) => x.received.length >= big.length, 15_000);
    expect(c.received.equals(big)).toBe(true);
    c.socket.destroy();
  });
});
