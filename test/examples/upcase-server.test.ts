// examples/upcase-server.el: a script with no wait loop, served by elisp
// after its top level has finished, driven by real Node TCP clients.
import { describe, it, expect, beforeAll } from 'vitest';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { startExample, Client } from './example-helpers.js';

beforeAll(ensureBuilt);

describe('the upcase server example (served after the script ends)', () => {
  it('answers several concurrent clients in capitals, multibyte text included', async () => {
    const server = await startExample('upcase-server');
    try {
      const clients = await Promise.all(Array.from({ length: 10 }, () => Client.connect(server.port)));
      await Promise.all(clients.map((c, i) => c.write(`client ${i} sagt grüß gott\n`)));
      await Promise.all(clients.map((c, i) => c.until((x) => x.text === `CLIENT ${i} SAGT GRÜSS GOTT\n`)));
      for (const c of clients) c.socket.destroy();
    } finally {
      await server.stop();
    }
  });

  it('hangs up on "quit" and keeps serving the others', async () => {
    const server = await startExample('upcase-server');
    try {
      const a = await Client.connect(server.port);
      const b = await Client.connect(server.port);
      await a.write('quit\n');
      await a.until((x) => x.closed);
      await b.write('still here\n');
      await b.until((x) => x.text === 'STILL HERE\n');
      b.socket.destroy();
    } finally {
      await server.stop();
    }
  });

  it('on SIGTERM gives the sentinels their "deleted" events and exits 0', async () => {
    const server = await startExample('upcase-server');
    const c = await Client.connect(server.port);
    await c.write('x\n');
    await c.until((x) => x.text === 'X\n');
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.stderr()).toMatch(/#<process upcase <127\.0\.0\.1:\d+>>: deleted\n/);
    expect(server.stderr()).toMatch(/#<process upcase>: deleted\n/);
  });
});
