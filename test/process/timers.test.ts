// Timers outside batch waits: between requests of an embedded interpreter
// (as in an interactive Emacs), and while elisp serves after a script.
// Batch behaviour is covered by test/conformance/local/timers-wait-points.el.
import { describe, it, expect, beforeAll } from 'vitest';
import * as net from 'node:net';
import { spawn } from 'node:child_process';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { createInterpreter } from '../../src/index.js';
import { script, elispBin } from '../cli/cli-helpers.js';

beforeAll(ensureBuilt);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(pred: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await sleep(10);
  }
}

describe('timers in an embedded interpreter', () => {
  it('run while it idles between requests, repeating until cancelled', async () => {
    let out = '';
    let err = '';
    const emacs = createInterpreter({ onStdout: (t) => (out += t), onStderr: (t) => (err += t) });
    try {
      await emacs.eval('(setq ticks 0)');
      await emacs.eval('(setq tm (run-with-timer 0.01 0.01 (lambda () (setq ticks (1+ ticks)))))');
      await until(async () => Number(await emacs.eval('ticks')) >= 3);
      await emacs.eval('(cancel-timer tm)');
      const stopped = Number(await emacs.eval('ticks'));
      await sleep(60);
      expect(Number(await emacs.eval('ticks'))).toBe(stopped);
      await emacs.eval('(run-at-time 0.01 nil (lambda () (princ "once")))');
      await until(() => out.includes('once'));
      await emacs.eval('(run-at-time 0 nil (lambda () (error "Timer trouble")))');
      await until(() => err.includes('Error running timer: (error "Timer trouble")'));
      await emacs.eval('(run-at-time 0 nil (lambda () (throw (quote nowhere) 1)))');
      await until(() => err.includes('Error running timer: (no-catch nowhere 1)'));
      expect(await emacs.eval('(+ 1 2)')).toBe('3');
    } finally {
      await emacs.close();
    }
  });
});

describe('timers while elisp serves after the script', () => {
  it('run between connections, and can end the run by deleting the server', async () => {
    const file = script(
      'timer-serve.el',
      `;;; -*- lexical-binding: t -*-
(setq srv (make-network-process :name "t" :server t :host "127.0.0.1" :service t
            :filter (lambda (c s) (process-send-string c (format "%d:%s" ticks s)))))
(setq ticks 0)
(run-with-timer 0.02 0.02 (lambda () (setq ticks (1+ ticks)) (when (= ticks 10) (delete-process srv))))
(princ (format "Listening on %d\\n" (process-contact srv :service)))`,
    );
    const child = spawn(process.execPath, [elispBin, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    await until(() => /Listening on \d+/.test(out));
    const port = Number(/Listening on (\d+)/.exec(out)![1]);
    const reply = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => s.write('x'));
      s.on('data', (d) => {
        resolve(String(d));
        s.destroy();
      });
      s.on('error', reject);
    });
    expect(reply).toMatch(/^\d+:x$/);
    // The tenth tick deletes the server: nothing is left to serve, so the run ends.
    expect(await exited).toBe(0);
  });
});
