// The host layer on one thread: InlineHost, the quit flag, exit statuses,
// and the batch runner driven through an InlineHost (no worker).
import { describe, it, expect, afterEach, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InlineHost } from '../../src/host/inline-host.js';
import { HostExit, exitStatus } from '../../src/host/exit.js';
import { quitRequested, clearQuit, requestQuit, killRequested } from '../../src/host/quit.js';
import { runBatch } from '../../src/cli/batch.js';
import type { BatchPlan } from '../../src/host/protocol.js';

afterEach(() => clearQuit());

describe('InlineHost', () => {
  it('captures stdout and stderr as strings', () => {
    const h = new InlineHost();
    h.writeStdout('a');
    h.writeStdout(Buffer.from('é', 'utf8'));
    h.writeStderr('err');
    expect(h.takeOutput()).toEqual({ stdout: 'aé', stderr: 'err' });
    expect(h.stdout).toBe('');
  });

  it('serves standard input line by line, then end of input', () => {
    const h = new InlineHost({ stdin: 'one\ntwo\n' });
    expect([h.readStdinLine(), h.readStdinLine(), h.readStdinLine()]).toEqual(['one', 'two', null]);
  });

  it('returns queued events from waitEvents, in order', () => {
    const h = new InlineHost();
    h.pushEvent({ type: 'close' });
    h.pushEvent({ type: 'reply', id: 1, value: 'x' });
    expect(h.waitEvents(0)).toEqual([{ type: 'close' }, { type: 'reply', id: 1, value: 'x' }]);
    expect(h.waitEvents(0)).toEqual([]);
  });

  it('sleeps out a finite wait and returns at once when a quit is requested', () => {
    const h = new InlineHost();
    let t = Date.now();
    h.waitEvents(50);
    expect(Date.now() - t).toBeGreaterThanOrEqual(45);
    requestQuit();
    t = Date.now();
    h.waitEvents(5000);
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('exit throws HostExit, since one thread cannot end itself', () => {
    expect(() => new InlineHost().exit(3)).toThrow(HostExit);
  });
});

describe('the quit flag', () => {
  it('is set by requestQuit and cleared by clearQuit', () => {
    expect(quitRequested()).toBe(false);
    requestQuit();
    expect(quitRequested()).toBe(true);
    clearQuit();
    expect(quitRequested()).toBe(false);
    expect(killRequested()).toBe(null);
  });
});

describe('exitStatus', () => {
  it('keeps the low 8 bits of an integer and maps everything else to 0, as (kill-emacs ARG) does', () => {
    expect([exitStatus(3), exitStatus(-1), exitStatus(256), exitStatus(2n ** 70n + 5n)]).toEqual([3, 255, 0, 5]);
  });
});

describe('runBatch on an InlineHost', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-batch-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  function plan(text: string, args: string[] = []): BatchPlan {
    const file = path.join(dir, `p${Math.random().toString(36).slice(2, 8)}.el`);
    fs.writeFileSync(file, ';;; -*- lexical-binding: t -*-\n' + text);
    return {
      actions: [{ kind: 'load', file, argsLeft: args }],
      commandLineArgs: ['elisp', file, ...args],
      invocationName: 'elisp',
      invocationDirectory: '/',
    };
  }

  it('returns 0 after a script that ends normally', () => {
    const h = new InlineHost();
    expect(runBatch(h, plan('(princ (format "%s-%d" (car command-line-args-left) 7))', ['x']))).toBe(0);
    expect(h.stdout).toBe('x-7');
  });

  it('returns the kill-emacs status', () => {
    expect(runBatch(new InlineHost(), plan('(kill-emacs 9)'))).toBe(9);
  });

  it('returns 255 and writes the error message for an uncaught error', () => {
    const h = new InlineHost();
    expect(runBatch(h, plan('(setq backtrace-on-error-noninteractive nil)\n(signal (quote arith-error) nil)'))).toBe(255);
    expect(h.stderr).toBe('Arithmetic error\n');
  });
});

describe('asLispSignal', () => {
  it('turns a JavaScript exception into (error "internal error: ...")', async () => {
    const { asLispSignal, prin1ToString } = await import('../../src/cli/report.js');
    expect(prin1ToString(asLispSignal(new TypeError('boom')).errorObject)).toBe('(error "internal error: boom")');
  });

  it('turns an escaping throw into no-catch', async () => {
    const { asLispSignal, prin1ToString } = await import('../../src/cli/report.js');
    const { LispThrow, intern } = await import('../../src/lisp/index.js');
    expect(prin1ToString(asLispSignal(new LispThrow(intern('tag'), 1)).errorObject)).toBe('(no-catch tag 1)');
  });
});
