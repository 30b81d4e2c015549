// Killing a process's buffer (spec/network-processes.md §4.9): batch Emacs
// asks on stdout when the process's query-on-exit flag is set, then deletes
// the process, whose sentinel sees "deleted\n". Output checked against Emacs 28.2.
import { describe, it, expect, beforeAll } from 'vitest';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { runScript } from '../cli/cli-helpers.js';

beforeAll(ensureBuilt);

const SCRIPT = `;;; -*- lexical-binding: t -*-
(let* ((server (make-network-process :name "s" :server t :host "127.0.0.1" :service t :noquery t))
       (port (process-contact server :service))
       (buf (get-buffer-create "cb"))
       (client (make-network-process :name "c" :host "127.0.0.1" :service port :buffer buf)))
  (set-process-sentinel client (lambda (p e) (princ (format "sentinel %s %S\\n" (process-name p) e))))
  (accept-process-output nil 0.2)
  (princ (format "kill %S\\n" (kill-buffer buf)))
  (princ (format "status %S live %S\\n" (process-status client) (buffer-live-p (process-buffer client))))
  (princ (format "kill %S\\n" (kill-buffer buf)))
  (princ (format "status %S buffer-killed %S\\n" (process-status client) (buffer-live-p (process-buffer client)))))
`;

describe('kill-buffer of a buffer with a live network process', () => {
  it('asks first, keeps the process on "no", deletes it on "yes"', async () => {
    const r = await runScript(SCRIPT, [], { stdin: 'no\nyes\n' });
    expect(r.stdout).toBe(
      'Buffer "cb" has a running process; kill it? (yes or no) kill nil\n' +
        'status open live t\n' +
        'Buffer "cb" has a running process; kill it? (yes or no) sentinel c "deleted\n"\n' +
        'kill t\n' +
        'status closed buffer-killed nil\n',
    );
    expect(r.code).toBe(0);
  });

  it('signals end-of-file when stdin has no answer', async () => {
    const r = await runScript(SCRIPT.replace('(princ (format "kill %S\\n" (kill-buffer buf)))', '(princ (condition-case e (kill-buffer buf) (error e)))'), [], { stdin: '' });
    expect(r.stdout).toContain('(end-of-file Error reading from stdin)');
  });
});
