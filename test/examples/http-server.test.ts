// examples/http-server.el driven by real Node clients: keep-alive,
// pipelining, requests split across packets, Connection: close.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as http from 'node:http';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { startExample, Client, sleep, type RunningExample } from './example-helpers.js';

let server: RunningExample;

beforeAll(async () => {
  await ensureBuilt();
  server = await startExample('http-server');
});

afterAll(async () => {
  await server?.stop();
});

function get(agent: http.Agent, path: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

const responseCount = (text: string): number => text.split('HTTP/1.1 200 OK').length - 1;

describe('the HTTP server example', () => {
  it('answers GET requests from Node http clients over kept-alive connections', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 20; i++) {
      const r = await get(agent, `/item/${i}`);
      expect(r.status).toBe(200);
      expect(r.body).toBe(`You asked for /item/${i}\n`);
    }
    agent.destroy();
  });

  it('serves many concurrent keep-alive clients', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => get(agent, `/c${i}`)));
    results.forEach((r, i) => expect(r.body).toBe(`You asked for /c${i}\n`));
    agent.destroy();
  });

  it('handles pipelined requests and requests split across packets', async () => {
    const c = await Client.connect(server.port);
    await c.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGE');
    await sleep(30);
    await c.write('T /c HTTP/1.1\r\nHo');
    await sleep(30);
    await c.write('st: x\r\n\r\n');
    await c.until((x) => responseCount(x.text) === 3);
    const bodies = c.text.split('\r\n\r\n').slice(1).map((b) => b.split('\n')[0]);
    expect(bodies).toEqual(['You asked for /a', 'You asked for /b', 'You asked for /c']);
    c.socket.destroy();
  });

  it('closes the connection after a response to Connection: close', async () => {
    const c = await Client.connect(server.port);
    await c.write('GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await c.until((x) => x.closed);
    expect(c.text).toContain('Connection: close\r\n');
    expect(c.text.endsWith('You asked for /bye\n')).toBe(true);
  });

  it('survives clients that vanish mid-request', async () => {
    for (let i = 0; i < 10; i++) {
      const c = await Client.connect(server.port);
      await c.write('GET /half');
      c.socket.resetAndDestroy();
    }
    const agent = new http.Agent({ keepAlive: false });
    const r = await get(agent, '/after');
    expect(r.body).toBe('You asked for /after\n');
  });
});
