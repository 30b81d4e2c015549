// Main's socket reads into its own buffer (src/host/fast-read.ts): every
// byte arrives once and in order through the callback, never as a 'data'
// event; stopping and resuming loses nothing; end of input still ends the
// socket the Node way.
import { describe, it, expect, beforeAll } from 'vitest';
import * as net from 'node:net';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { elispBin, script } from '../cli/cli-helpers.js';
import { readFast, stopReading, resumeReading } from '../../src/host/fast-read.js';

interface Accepted {
  /** The accepted socket, paused as main gets it (pauseOnConnect). */
  server: net.Socket;
  client: net.Socket;
  close(): void;
}

function accept(): Promise<Accepted> {
  return new Promise((resolve) => {
    let client: net.Socket;
    const listener = net.createServer({ pauseOnConnect: true }, (server) => {
      server.on('error', () => {});
      resolve({ server, client, close: () => listener.close() });
    });
    listener.listen(0, '127.0.0.1', () => {
      client = net.connect((listener.address() as net.AddressInfo).port, '127.0.0.1');
      client.on('error', () => {});
    });
  });
}

function pattern(length: number, seed: number): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = (i * 31 + seed) & 255;
  return b;
}

const waitFor = async (test: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('fast socket reads', () => {
  it('delivers 4 MB through the callback, in order, and no data event', async () => {
    const { server, client, close } = await accept();
    const chunks: Buffer[] = [];
    let dataEvents = 0;
    let ended = false;
    server.on('data', () => dataEvents++);
    server.on('end', () => (ended = true));
    expect(readFast(server, (buffer, length) => chunks.push(Buffer.from(buffer.subarray(0, length))))).toBe(true);
    server.resume();
    const sent = pattern(4 * 1024 * 1024, 7);
    client.end(sent);
    await waitFor(() => ended);
    expect(Buffer.concat(chunks).equals(sent)).toBe(true);
    expect(dataEvents).toBe(0);
    server.destroy();
    close();
  });

  it('reads nothing while stopped and everything after resume', async () => {
    const { server, client, close } = await accept();
    let got = '';
    readFast(server, (buffer, length) => (got += buffer.toString('latin1', 0, length)));
    server.resume();
    client.write('first;');
    await waitFor(() => got === 'first;');
    stopReading(server);
    client.write('second;');
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toBe('first;');
    resumeReading(server);
    await waitFor(() => got === 'first;second;');
    client.destroy();
    server.destroy();
    close();
  });

  it('keeps two connections apart although they share one read buffer', async () => {
    const a = await accept();
    const b = await accept();
    const got = { a: [] as Buffer[], b: [] as Buffer[] };
    readFast(a.server, (buffer, length) => got.a.push(Buffer.from(buffer.subarray(0, length))));
    readFast(b.server, (buffer, length) => got.b.push(Buffer.from(buffer.subarray(0, length))));
    a.server.resume();
    b.server.resume();
    const sentA = pattern(300_000, 1);
    const sentB = pattern(300_000, 2);
    a.client.end(sentA);
    b.client.end(sentB);
    await waitFor(() => Buffer.concat(got.a).length === sentA.length && Buffer.concat(got.b).length === sentB.length);
    expect(Buffer.concat(got.a).equals(sentA)).toBe(true);
    expect(Buffer.concat(got.b).equals(sentB)).toBe(true);
    for (const p of [a, b]) {
      p.server.destroy();
      p.close();
    }
  });

  it('reports a reset connection as Node does (error, then close)', async () => {
    const { server, client, close } = await accept();
    const events: string[] = [];
    readFast(server, () => events.push('data'));
    server.on('error', () => events.push('error'));
    server.on('close', () => events.push('close'));
    server.resume();
    client.resetAndDestroy();
    await waitFor(() => events.includes('close'));
    expect(events.filter((e) => e !== 'data')).toEqual(['error', 'close']);
    close();
  });
});

describe('fast reads through the CLI', () => {
  beforeAll(ensureBuilt);

  it('stop reading above the high-water mark while Lisp is busy, and lose nothing when they go on', async () => {
    // The :log function keeps the interpreter busy for 0.4 s while the client sends 12 MB:
    // main reads 4 MB, stops, and reads the rest as the filter consumes it.
    const file = script(
      'fast-read-backpressure.el',
      `;;; -*- lexical-binding: t -*-
(defvar chunks nil)
(setq srv (make-network-process :name "sink" :server t :host "127.0.0.1" :service t :coding 'binary
  :log (lambda (&rest _) (let ((end (+ (float-time) 0.4))) (while (< (float-time) end))))
  :filter (lambda (_c s) (push s chunks))
  :sentinel (lambda (_c event)
              (unless (string-prefix-p "open" event)
                (let ((all (apply #'concat (nreverse chunks))))
                  (princ (format "received %d %s\\n" (length all) (secure-hash 'sha1 all)))
                  (kill-emacs 0))))))
(princ (format "Listening on %d\\n" (process-contact srv :service)))
(while t (accept-process-output nil 1))
`,
    );
    const child = spawn(process.execPath, [elispBin, path.basename(file)], { cwd: path.dirname(file), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /Listening on (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
    try {
      const sent = pattern(12 * 1024 * 1024, 3);
      const client = net.connect(port, '127.0.0.1');
      client.on('error', () => {});
      client.end(sent);
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
      expect(out).toContain(`received ${sent.length} ${createHash('sha1').update(sent).digest('hex')}`);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});
