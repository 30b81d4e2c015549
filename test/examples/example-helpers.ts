// Starting an example server (examples/NAME.el) on a free loopback port and
// talking to it with plain Node clients, always bounded in time.
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as dgram from 'node:dgram';
import * as path from 'node:path';
import { repoRoot, elispBin } from '../cli/cli-helpers.js';

export interface RunningExample {
  port: number;
  child: ChildProcess;
  stderr(): string;
  /** Stops the server (SIGKILL) and resolves once it is gone. */
  stop(): Promise<void>;
}

/** Runs `elisp examples/NAME.el` (port chosen by the system) and waits for its "Listening on PORT" line. */
export function startExample(name: string, extraArgs: string[] = [], timeoutMs = 15_000): Promise<RunningExample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [elispBin, ...extraArgs, path.join(repoRoot, 'examples', `${name}.el`)], {
      cwd: repoRoot,
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start; stderr: ${err}`));
    }, timeoutMs);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /Listening on (\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          port: Number(m[1]),
          child,
          stderr: () => err,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGKILL');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}; stderr: ${err}`));
    });
  });
}

/** A TCP client that collects what it receives. */
export class Client {
  readonly socket: net.Socket;
  received = Buffer.alloc(0);
  closed = false;
  private waiters: (() => void)[] = [];

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (d: Buffer) => {
      this.received = Buffer.concat([this.received, d]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static connect(port: number): Promise<Client> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => resolve(new Client(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  get text(): string {
    return this.received.toString('utf8');
  }

  /** Resolves once pred holds (checked on every arrival), rejects after timeoutMs. */
  until(pred: (c: Client) => boolean, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; received so far: ${JSON.stringify(this.text.slice(-300))}`)), timeoutMs);
      const check = (): void => {
        if (pred(this)) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      check();
    });
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve) => this.socket.write(data, () => resolve()));
  }
}

/** Sends one datagram and waits for one answer. */
export function udpRoundTrip(socket: dgram.Socket, port: number, payload: Buffer, timeoutMs = 5000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no UDP answer')), timeoutMs);
    socket.once('message', (msg) => {
      clearTimeout(timer);
      resolve(msg);
    });
    socket.send(payload, port, '127.0.0.1');
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
