// Direct socket writes (src/host/write-slots.ts, src/process/direct-write.ts):
// the slot protocol that keeps the worker off a descriptor main has closed,
// and, through the CLI, ordering and isolation when writes fall back to main
// or connections come and go quickly.
import { describe, it, expect, beforeAll } from 'vitest';
import * as net from 'node:net';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { WriteSlots } from '../../src/host/write-slots.js';
import { writeDirect, DIRECT_CLOSED, DIRECT_RESET, DIRECT_BROKEN_PIPE } from '../../src/process/direct-write.js';
import { makeWriteSlots, slotWord, SLOT_CLOSED, SLOT_WRITING, type DirectWrite } from '../../src/host/protocol.js';
import { elispBin, script } from '../cli/cli-helpers.js';

beforeAll(ensureBuilt);

const LEX = ';;; -*- lexical-binding: t -*-\n';

interface Pair {
  server: net.Socket;
  client: net.Socket;
  received: () => string;
  close(): void;
}

/** A connected loopback pair: server is the accepted socket, whose bytes the client collects. */
function socketPair(): Promise<Pair> {
  return new Promise((resolve) => {
    let got = '';
    const listener = net.createServer({ pauseOnConnect: true }, (server) => {
      server.on('error', () => {});
      resolve({ server, client, received: () => got, close: () => listener.close() });
    });
    let client: net.Socket;
    listener.listen(0, '127.0.0.1', () => {
      client = net.connect((listener.address() as net.AddressInfo).port, '127.0.0.1');
      client.on('error', () => {});
      client.setEncoding('latin1');
      client.on('data', (d: string) => (got += d));
    });
  });
}

const settle = (ms = 50): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('the write-slot protocol', () => {
  it('lets the writer reach its own connection until main closes it', async () => {
    const slots = makeWriteSlots();
    const table = new WriteSlots(slots);
    const words = new Int32Array(slots);
    const a = await socketPair();
    const direct = table.open(a.server)!;
    expect(direct).not.toBeNull();
    expect(writeDirect(words, direct, 'hello ')).toBe(6);
    expect(writeDirect(words, direct, new TextEncoder().encode('world'))).toBe(5);
    await settle();
    expect(a.received()).toBe('hello world');
    a.server.destroy();
    expect(words[direct.slot]).toBe(slotWord(direct.generation, SLOT_CLOSED));
    // Closed: nothing is written; the bytes are main's to deal with.
    expect(writeDirect(words, direct, 'late')).toBe(DIRECT_CLOSED);
    a.close();
  });

  it('never writes a closed connection\'s bytes to the one that got its slot and descriptor next', async () => {
    const slots = makeWriteSlots();
    const table = new WriteSlots(slots);
    const words = new Int32Array(slots);
    const a = await socketPair();
    const stale = table.open(a.server)!;
    a.server.destroy();
    await settle();
    const b = await socketPair();
    const fresh = table.open(b.server)!;
    expect(fresh.slot).toBe(stale.slot);
    expect(fresh.generation).toBe(stale.generation + 1);
    // The same slot, perhaps the same descriptor number: the stale holder must not get through.
    const sameFd: DirectWrite = { ...stale, fd: fresh.fd };
    expect(writeDirect(words, sameFd, 'not yours')).toBe(DIRECT_CLOSED);
    expect(writeDirect(words, fresh, 'yours')).toBe(5);
    await settle();
    expect(b.received()).toBe('yours');
    b.server.destroy();
    a.close();
    b.close();
  });

  it('tells a reset connection, then a broken pipe, as write(2) reports them (Emacs turns them into errors)', async () => {
    const slots = makeWriteSlots();
    const table = new WriteSlots(slots);
    const words = new Int32Array(slots);
    const a = await socketPair();
    const direct = table.open(a.server)!;
    // The peer resets; main has not read anything yet, so the descriptor is still open.
    a.client.resetAndDestroy();
    await settle(100);
    expect(writeDirect(words, direct, 'after the reset')).toBe(DIRECT_RESET);
    expect(writeDirect(words, direct, 'and again')).toBe(DIRECT_BROKEN_PIPE);
    a.server.destroy();
    a.close();
  });

  it('makes main wait for a write in progress before the descriptor closes', async () => {
    const slots = makeWriteSlots();
    const table = new WriteSlots(slots);
    const words = new Int32Array(slots);
    const a = await socketPair();
    const direct = table.open(a.server)!;
    // A writer thread holds the word for 100 ms, as if inside a long write, and notes when it lets go.
    const released = new Int32Array(new SharedArrayBuffer(4));
    const holder = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const w = new Int32Array(workerData.slots);
       Atomics.store(w, workerData.slot, workerData.writing);
       parentPort.postMessage('held');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
       Atomics.store(new Int32Array(workerData.released), 0, 1);
       Atomics.store(w, workerData.slot, workerData.open);`,
      {
        eval: true,
        workerData: {
          slots, slot: direct.slot, released: released.buffer,
          writing: slotWord(direct.generation, SLOT_WRITING), open: slotWord(direct.generation, 0),
        },
      },
    );
    await new Promise((r) => holder.once('message', r));
    a.server.destroy();
    // destroy returned only after the writer let go, and the slot is main's now.
    expect(Atomics.load(released, 0)).toBe(1);
    expect(words[direct.slot]).toBe(slotWord(direct.generation, SLOT_CLOSED));
    await holder.terminate();
    a.close();
  });
});

/** Starts a Lisp server script under --keep-serving; resolves with its port once it listens. */
function startServer(text: string): Promise<{ port: number; stop(): void }> {
  const file = script(`dw${Math.random().toString(36).slice(2, 8)}.el`, text);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [elispBin, '--keep-serving', path.basename(file)], {
      cwd: path.dirname(file),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Listening on (\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), stop: () => child.kill('SIGKILL') });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

describe('direct writes through the CLI', () => {
  it('keep every byte in order for a slow reader, across the fall back to main and after it', async () => {
    // 4 MB in one filter call fills the kernel's buffer: the rest, and every later write, goes through main.
    const srv = await startServer(
      LEX +
        `(setq srv (make-network-process :name "big" :server t :host "127.0.0.1" :service t :coding 'binary
  :filter (lambda (c s)
            (if (string= s "go")
                (dotimes (i 1024) (process-send-string c (concat (format "%06d" i) (make-string 4090 ?.))))
              (process-send-string c (concat "after:" s))))))
(princ (format "Listening on %d\\n" (process-contact srv :service)))`,
    );
    try {
      const client = net.connect(srv.port, '127.0.0.1');
      client.setEncoding('latin1');
      let got = '';
      const total = 1024 * 4096;
      const done = new Promise<void>((resolve) => {
        client.on('data', (d: string) => {
          got += d;
          // Read slowly at first, so that the server's writes meet a full buffer.
          if (got.length < total / 2) {
            client.pause();
            setTimeout(() => client.resume(), 2);
          }
          if (got.length === total) client.write('tail');
          if (got.length === total + 'after:tail'.length) resolve();
        });
      });
      client.write('go');
      await done;
      client.destroy();
      for (let i = 0; i < 1024; i++) {
        const at = i * 4096;
        expect(got.slice(at, at + 6)).toBe(String(i).padStart(6, '0'));
      }
      expect(got.slice(total)).toBe('after:tail');
    } finally {
      srv.stop();
    }
  }, 60_000);

  it('never lets connections that come and go see each other\'s bytes', async () => {
    const srv = await startServer(
      LEX +
        `(setq srv (make-network-process :name "churn" :server t :host "127.0.0.1" :service t :coding 'binary
  :filter (lambda (c s)
            (dotimes (_ 20) (process-send-string c (concat s ";")))
            (delete-process c))))
(princ (format "Listening on %d\\n" (process-contact srv :service)))`,
    );
    try {
      const one = (id: string, rude: boolean): Promise<string> =>
        new Promise((resolve) => {
          const s = net.connect(srv.port, '127.0.0.1');
          let got = '';
          s.setEncoding('latin1');
          s.on('error', () => resolve(got));
          s.on('data', (d: string) => (got += d));
          s.on('close', () => resolve(got));
          s.on('connect', () => {
            s.write(id);
            // Some peers reset at once: their descriptors are freed while the server may be writing.
            if (rude) s.resetAndDestroy();
          });
        });
      for (let wave = 0; wave < 8; wave++) {
        const ids = Array.from({ length: 40 }, (_, i) => `w${wave}c${i}`);
        const results = await Promise.all(ids.map((id, i) => one(id, i % 4 === 0)));
        results.forEach((got, i) => {
          const polite = i % 4 !== 0;
          if (polite) expect(got).toBe(`${ids[i]};`.repeat(20));
          else expect(got.replace(new RegExp(`${ids[i]};`, 'g'), '')).toBe('');
        });
      }
    } finally {
      srv.stop();
    }
  }, 60_000);
});
