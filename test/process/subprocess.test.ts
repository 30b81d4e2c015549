// Subprocesses through the CLI: delivery guarantees under faults (a child
// that floods, dies early, closes its output or leaves a grandchild behind),
// the end of a run, and serving after a script. Emacs-visible behaviour is
// in test/conformance/local/subprocess-basics.el; only POSIX tools are used.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { runScript, JS_STACK } from '../cli/cli-helpers.js';

beforeAll(ensureBuilt);

const LEX = ';;; -*- lexical-binding: t -*-\n';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-subproc-test-'));
// The flood files are large: leave nothing behind.
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A file of numbered lines, about `bytes` long. */
function numberedFile(name: string, bytes: number): { file: string; text: string } {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const line = `${String(i).padStart(8, '0')} ${'x'.repeat(40)}\n`;
    parts.push(line);
    n += line.length;
  }
  const text = parts.join('');
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return { file, text };
}

async function sleepUntil(pred: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe('output of a child', () => {
  it('loses and reorders no byte of a flood, and comes entirely before the sentinel', async () => {
    const { file, text } = numberedFile('flood.txt', 12 * 1024 * 1024);
    const out = path.join(tmp, 'flood.out');
    const r = await runScript(
      LEX +
        `(setq chunks nil events nil)
(setq p (make-process :name "flood" :command (list "cat" ${JSON.stringify(file)}) :coding 'binary
          :filter (lambda (_p s) (when events (error "output after the sentinel")) (push s chunks))
          :sentinel (lambda (_p e) (push e events))))
(while (not events) (accept-process-output nil 1))
(let ((coding-system-for-write 'binary))
  (with-temp-file ${JSON.stringify(out)} (set-buffer-multibyte nil) (apply #'insert (nreverse chunks))))
(prin1 events)`,
      [],
      { timeoutMs: 60_000 },
    );
    expect(r.stderr).not.toMatch(JS_STACK);
    expect(r.stdout).toBe('("finished\n")');
    const got = fs.readFileSync(out, 'latin1');
    expect(got.length).toBe(text.length);
    expect(got === text).toBe(true);
  }, 70_000);

  it('call-process takes more output than a pipe holds, and splits UTF-8 nowhere', async () => {
    const { file, text } = numberedFile('big.txt', 3 * 1024 * 1024);
    const r = await runScript(
      LEX +
        `(with-temp-buffer
  (list (call-process "cat" nil t nil ${JSON.stringify(file)}) (princ (buffer-size))))
(terpri)
(prin1 (with-temp-buffer (call-process "sh" nil t nil "-c" "printf 'caf\\\\303'; sleep 0.1; printf '\\\\251\\\\n'") (buffer-string)))`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${text.length}\n"café\n"`);
  });

  it('a child that closes its output early, or dies while being written to, ends normally', async () => {
    const r = await runScript(
      LEX +
        `(setq events nil)
(defun note (p e) (push (list (process-name p) e) events))
(setq a (make-process :name "closer" :command '("sh" "-c" "exec >&-; sleep 0.2; exit 7") :sentinel #'note))
(setq b (make-process :name "true" :command '("true") :sentinel #'note))
(condition-case e
    (dotimes (_ 50) (process-send-string b (make-string 65536 ?x)))
  (error (push (list 'send-error (cadr e)) events)))
(while (< (length (seq-filter (lambda (e) (stringp (car e))) events)) 2) (accept-process-output nil 1))
(prin1 (sort (mapcar #'prin1-to-string events) #'string<))`,
    );
    expect(r.stderr).not.toMatch(JS_STACK);
    expect(r.code).toBe(0);
    // Writes to a child that is gone are dropped (EPIPE), or refused once its end was delivered.
    expect(r.stdout).toContain('(\\"closer\\" \\"exited abnormally with code 7\n\\")');
    expect(r.stdout).toContain('(\\"true\\" \\"finished\n\\")');
  });

  it('a grandchild holding the output pipe open does not hide the exit', async () => {
    const r = await runScript(
      LEX +
        `(setq events nil)
(setq start (float-time))
(setq p (make-process :name "bg" :command '("sh" "-c" "echo parent; sleep 3 & exit 2")
          :filter (lambda (_p s) (push s events)) :sentinel (lambda (_p e) (push e events))))
(while (not (member "exited abnormally with code 2\\n" events)) (accept-process-output nil 1))
(prin1 (list (reverse events) (< (- (float-time) start) 2)))`,
    );
    expect(r.stdout).toBe('(("parent\n" "exited abnormally with code 2\n") t)');
  });
});

describe('the end of a run', () => {
  it('sends SIGHUP to children still running when a batch script ends, as Emacs does', async () => {
    const mark = path.join(tmp, 'hup.txt');
    const r = await runScript(
      LEX +
        `(make-process :name "live" :command (list "sh" "-c" ${JSON.stringify(`trap 'echo HUP > ${mark}; exit 0' HUP; sleep 30 & wait`)}))
(sleep-for 0.3)
(princ "end")`,
    );
    expect(r.stdout).toBe('end');
    expect(r.code).toBe(0);
    expect(await sleepUntil(() => fs.existsSync(mark) && fs.readFileSync(mark, 'utf8') === 'HUP\n')).toBe(true);
  });

  it('serves a script that never waited until its child has ended and the sentinel ran', async () => {
    const r = await runScript(
      LEX +
        `(make-process :name "later" :command '("sh" "-c" "sleep 0.3; echo done")
  :filter (lambda (_p s) (princ s))
  :sentinel (lambda (_p e) (princ e)))
(princ "script over\\n")`,
    );
    expect(r.stdout).toBe('script over\ndone\nfinished\n');
    expect(r.code).toBe(0);
  });

  it('a child started with DESTINATION 0 is not waited for and outlives nothing', async () => {
    const mark = path.join(tmp, 'nowait.txt');
    const r = await runScript(
      LEX + `(prin1 (list (call-process "sh" nil 0 nil "-c" ${JSON.stringify(`sleep 0.2; echo ran > ${mark}`)}) (float-time)))`,
    );
    expect(r.stdout).toMatch(/^\(nil [\d.]+\)$/);
    expect(await sleepUntil(() => fs.existsSync(mark))).toBe(true);
  });
});
