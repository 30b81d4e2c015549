// The process builtins on a host without sockets (InlineHost): type checks
// and waits behave as in Emacs; creating a network process is an error.
import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

describe('process builtins without a network', () => {
  it('check their arguments as Emacs does', () => {
    expect(lispError('(process-plist 5)')).toBe('(wrong-type-argument processp 5)');
    expect(lispError('(process-name "srv")')).toBe('(wrong-type-argument processp "srv")');
    expect(lispError('(get-process 5)')).toBe('(wrong-type-argument stringp 5)');
    expect(lispError('(delete-process "nope")')).toBe('(error "Process nope does not exist")');
    expect(lispError('(process-status nil)')).toBe('(error "Buffer *scratch* has no process")');
    expect(lispError('(accept-process-output 5)')).toBe('(wrong-type-argument processp 5)');
    expect(lispError('(accept-process-output nil "1")')).toBe('(wrong-type-argument numberp "1")');
    expect(lispError('(accept-process-output nil 1 1.5)')).toBe('(wrong-type-argument fixnump 1.5)');
    expect(lispError('(make-network-process :name "x" :type (quote foo) :service 1)')).toBe('(error "Unsupported connection type")');
    expect(lispError('(make-network-process :name (quote sym) :service 1)')).toBe('(wrong-type-argument stringp sym)');
  });

  it('answer the simple questions', () => {
    expect(lisp('(list (processp 5) (process-live-p "x") (process-list) (get-process "x") (make-network-process))')).toBe('(nil nil nil nil nil)');
    expect(lisp('(list read-process-output-max delete-exited-processes)')).toBe('(4096 t)');
  });

  it('sleep for the time asked and return what Emacs returns', () => {
    const t0 = Date.now();
    expect(lisp('(list (sleep-for 0.05) (sit-for 0) (accept-process-output nil 0.01))')).toBe('(nil t nil)');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
  });
});
