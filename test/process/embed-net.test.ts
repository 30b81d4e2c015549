// Network processes in the embedding API: a server started by eval keeps
// serving between requests, as processes do in an interactive Emacs.
import { describe, it, expect, beforeAll } from 'vitest';
import * as net from 'node:net';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { createInterpreter } from '../../src/index.js';

beforeAll(ensureBuilt);

function exchange(port: number, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => s.write(message));
    let got = '';
    s.on('data', (d) => {
      got += d;
      if (got.length >= message.length) {
        s.destroy();
        resolve(got);
      }
    });
    s.on('error', reject);
    setTimeout(() => reject(new Error(`no answer; got ${JSON.stringify(got)}`)), 10_000).unref();
  });
}

describe('network processes in an embedded interpreter', () => {
  it('serve connections while the interpreter idles between requests, and report filter errors', async () => {
    let err = '';
    const emacs = createInterpreter({ onStderr: (t) => (err += t) });
    try {
      const port = Number(
        await emacs.eval(`(setq srv (make-network-process :name "e" :server t :host "127.0.0.1" :service t
  :filter (lambda (c s) (if (string= s "bad") (error "Bad input") (process-send-string c (upcase s))))))
(process-contact srv :service)`),
      );
      expect(port).toBeGreaterThan(0);
      // No eval runs while these are answered: the idle wait delivers the events.
      expect(await exchange(port, 'hello')).toBe('HELLO');
      const s = net.connect({ host: '127.0.0.1', port }, () => s.write('bad'));
      s.on('error', () => {});
      for (let i = 0; i < 100 && !err.includes('Bad input'); i++) await new Promise((r) => setTimeout(r, 20));
      s.destroy();
      expect(err).toContain('error in process filter: Bad input');
      expect(await exchange(port, 'still')).toBe('STILL');
      expect(await emacs.eval('(process-status srv)')).toBe('listen');
    } finally {
      await emacs.close();
    }
  });
});
