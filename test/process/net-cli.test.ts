// Network processes through the CLI, against Node peers in this test
// process: delivery guarantees, faults, and serving after the script.
import { describe, it, expect, beforeAll } from 'vitest';
import * as net from 'node:net';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { runElisp, runScript, script, elispBin, JS_STACK } from '../cli/cli-helpers.js';

beforeAll(ensureBuilt);

const LEX = ';;; -*- lexical-binding: t -*-\n';

/** A Node TCP server on a free loopback port; onSocket handles each connection. */
function nodeServer(onSocket: (s: net.Socket) => void): Promise<{ port: number; close(): void }> {
  return new Promise((resolve) => {
    const server = net.createServer((s) => {
      s.on('error', () => {});
      onSocket(s);
    });
    server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as net.AddressInfo).port, close: () => server.close() }));
  });
}

describe('a Lisp client talking to a Node server', () => {
  it('sends, receives through its filter, and sees the close', async () => {
    const srv = await nodeServer((s) => s.on('data', (d) => s.end(`echo:${d}`)));
    const r = await runScript(
      LEX +
        `(setq got nil)
(setq p (make-network-process :name "c" :host "127.0.0.1" :service (string-to-number (car command-line-args-left))
          :filter (lambda (_p s) (push s got)) :sentinel (lambda (_p e) (push e got))))
(process-send-string p "ping")
(while (process-live-p p) (accept-process-output p 1))
(prin1 (reverse got))`,
      [String(srv.port)],
    );
    srv.close();
    expect(r.stdout).toBe('("echo:ping" "connection broken by remote peer\n")');
    expect(r.code).toBe(0);
  });

  it('delivers everything sent just before delete-process, then closes', async () => {
    let received = '';
    const closed = new Promise<void>((resolve) => {
      void nodeServer((s) => {
        s.setEncoding('utf8');
        s.on('data', (d: string) => (received += d));
        s.on('close', () => resolve());
      }).then((srv) => {
        void runScript(
          LEX +
            `(setq p (make-network-process :name "c" :host "127.0.0.1" :service ${srv.port}))
(dotimes (i 1000) (process-send-string p (format "%04d;" i)))
(delete-process p)
(princ "done")`,
        ).then((r) => {
          expect(r.stdout).toBe('done');
          srv.close();
        });
      });
    });
    await closed;
    expect(received.length).toBe(5000);
    expect(received.endsWith('0999;')).toBe(true);
  });

  // The thread's exit can reach the main thread before its last messages: those writes must still go out.
  it('delivers everything sent just before the script ends, in many runs at once', async () => {
    const file = script(
      'send-then-end.el',
      LEX +
        `(setq p (make-network-process :name "c" :host "127.0.0.1" :service (string-to-number (car command-line-args-left))))
(dotimes (i 1000) (process-send-string p (format "%04d;" i)))
(delete-process p)`,
    );
    const one = async (): Promise<number> => {
      let received = '';
      let port = 0;
      const closed = new Promise<void>((resolve) => {
        void nodeServer((s) => {
          s.setEncoding('utf8');
          s.on('data', (d: string) => (received += d));
          s.on('close', () => resolve());
        }).then((srv) => {
          port = srv.port;
          void runElisp([file, String(port)]).then(() => srv.close());
        });
      });
      await closed;
      return received.length;
    };
    for (let round = 0; round < 3; round++) {
      const lengths = await Promise.all(Array.from({ length: 8 }, one));
      expect(lengths).toEqual(Array(8).fill(5000));
    }
  }, 60_000);

  it('survives a peer that resets the connection in the middle of a large write', async () => {
    const srv = await nodeServer((s) => s.once('data', () => s.resetAndDestroy()));
    const r = await runScript(
      LEX +
        `(setq p (make-network-process :name "c" :host "127.0.0.1" :service ${srv.port} :sentinel (lambda (_p e) (princ e))))
(let ((chunk (make-string 65536 ?x)) (i 0))
  (while (and (< i 200) (process-live-p p))
    (condition-case nil (process-send-string p chunk) (error nil))
    (accept-process-output nil 0.001)
    (setq i (1+ i))))
(while (process-live-p p) (accept-process-output p 0.1))
(princ (format "alive %S" (process-status p)))`,
    );
    srv.close();
    expect(r.stdout).toBe('connection broken by remote peer\nalive closed');
    expect(r.stderr).not.toMatch(JS_STACK);
    expect(r.code).toBe(0);
  });
});

describe('other socket kinds against Node peers', () => {
  it('talks to a Node server on a Unix socket', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-unix-'));
    const sock = path.join(dir, 's.sock');
    const server = net.createServer((s) => s.on('data', (d) => s.end(`unix:${d}`)));
    await new Promise<void>((r) => server.listen(sock, () => r()));
    const r = await runScript(
      LEX +
        `(setq got nil)
(setq p (make-network-process :name "u" :family 'local :service ${JSON.stringify(sock)} :filter (lambda (_p s) (push s got))))
(process-send-string p "hi")
(while (process-live-p p) (accept-process-output p 1))
(prin1 (list (reverse got) (process-contact p :local) (equal (process-contact p :remote) ${JSON.stringify(sock)})))`,
    );
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.stdout).toBe('(("unix:hi") "" t)');
  });

  it('sends datagrams to a Node UDP server and gets its answers', async () => {
    const server = dgram.createSocket('udp4');
    server.on('message', (msg, rinfo) => server.send(Buffer.from(`udp:${msg}`), rinfo.port, rinfo.address));
    await new Promise<void>((r) => server.bind(0, '127.0.0.1', () => r()));
    const port = server.address().port;
    const r = await runScript(
      LEX +
        `(setq got nil)
(setq p (make-network-process :name "d" :type 'datagram :host "127.0.0.1" :service ${port} :filter (lambda (_p s) (push s got))))
(process-send-string p "one")
(process-send-string p "two")
(let ((i 0)) (while (and (< i 100) (< (length got) 2)) (accept-process-output p 0.05) (setq i (1+ i))))
(prin1 (sort got #'string<))`,
    );
    server.close();
    expect(r.stdout).toBe('("udp:one" "udp:two")');
  });

  it('connects over IPv6 loopback', async () => {
    const server = net.createServer((s) => s.on('data', (d) => s.end(`v6:${d}`)));
    await new Promise<void>((r) => server.listen(0, '::1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    const r = await runScript(
      LEX +
        `(setq got nil)
(setq p (make-network-process :name "six" :host "::1" :service ${port} :filter (lambda (_p s) (push s got))))
(process-send-string p "x")
(while (process-live-p p) (accept-process-output p 1))
(prin1 (list got (equal (process-contact p :remote) [0 0 0 0 0 0 0 1 ${port}])))`,
    );
    server.close();
    expect(r.stdout).toBe('(("v6:x") t)');
  });
});

describe('errors in filters', () => {
  const FILTER_ERROR =
    LEX +
    `(setq srv (make-network-process :name "s" :server t :host "127.0.0.1" :service t
          :filter (lambda (_p s) (error "Boom %s" s))))
(setq c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service)))
(process-send-string c "1")
(condition-case nil (dotimes (_ 50) (accept-process-output nil 0.02)) (error (princ "caught")))
(princ "after")`;

  it('end a batch run with status 255, uncatchable, as in Emacs 28', async () => {
    const r = await runScript(FILTER_ERROR);
    expect(r.code).toBe(255);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('(error "Boom 1")');
  });

  it('are reported as interactive Emacs does under --keep-serving, and serving goes on', async () => {
    const file = script('filter-error.el', FILTER_ERROR + '\n(delete-process srv) (delete-process c)');
    const r = await new Promise<{ out: string; err: string; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, [elispBin, '--keep-serving', file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('exit', (code) => resolve({ out, err, code }));
    });
    expect(r.out).toBe('after');
    expect(r.err).toContain('error in process filter: Boom 1');
    expect(r.code).toBe(0);
  });
});

describe('serving after the script', () => {
  const SERVER =
    LEX +
    `(setq srv (make-network-process :name "ks" :server t :host "127.0.0.1" :service t
  :filter (lambda (c s)
            (if (string= s "quit")
                (progn (process-send-string c "bye") (delete-process c) (delete-process srv))
              (process-send-string c (upcase s))))
  :sentinel (lambda (p e) (princ (format "%s %s" (if (eq p srv) "server" "conn") e)))))
(princ (format "Listening on %d\\n" (process-contact srv :service)))`;

  function start(flags: string[] = []): Promise<{ port: number; child: ReturnType<typeof spawn>; out: () => string }> {
    const file = script(`ks${Math.random().toString(36).slice(2, 8)}.el`, SERVER);
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [elispBin, ...flags, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /Listening on (\d+)/.exec(out);
        if (m) resolve({ port: Number(m[1]), child, out: () => out });
      });
    });
  }

  async function talk(port: number, message: string): Promise<string> {
    const s = net.connect({ host: '127.0.0.1', port });
    await new Promise((r) => s.on('connect', r));
    s.write(message);
    return new Promise((resolve) => {
      let got = '';
      s.on('data', (d) => {
        got += d;
        if (got.length >= message.length) {
          s.destroy();
          resolve(got);
        }
      });
    });
  }

  it('keeps serving a script that never waits until the last process is deleted, then exits 0', async () => {
    const { port, child, out } = await start();
    expect(await talk(port, 'hello')).toBe('HELLO');
    expect(await talk(port, 'again')).toBe('AGAIN');
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const s = net.connect({ host: '127.0.0.1', port });
    s.on('connect', () => s.write('quit'));
    s.on('error', () => {});
    expect(await exited).toBe(0);
    expect(out()).toContain('conn deleted\nserver deleted\n');
  });

  it('serves under --keep-serving too', async () => {
    const { port, child } = await start(['--keep-serving']);
    expect(await talk(port, 'ks')).toBe('KS');
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits at the end of the script under --batch, as emacs --batch does', async () => {
    const { child, out } = await start(['--batch']);
    const code = await new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.on('exit', (c) => r(c))));
    expect(code).toBe(0);
    expect(out()).toMatch(/^Listening on \d+\n$/);
  });

  it('exits at the end of a script that waited for output, as Emacs does, even with a live server', async () => {
    const file = script(
      'waited.el',
      SERVER + `\n(accept-process-output nil 0.01)\n(princ (format "live=%S" (process-live-p srv)))`,
    );
    const r = await runElisp([file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/live=\(listen /);
  });

  it('exits at the end of a script whose live processes have no Lisp code to run', async () => {
    const r = await runScript(
      LEX + `(setq srv (make-network-process :name "plain" :server t :host "127.0.0.1" :service t))\n(princ (process-status srv))`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('listen');
  });

  it('gives the sentinels their events on SIGTERM, then exits 0', async () => {
    const { port, child, out } = await start();
    expect(await talk(port, 'x')).toBe('X');
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out()).toContain('server deleted\n');
  });
});
