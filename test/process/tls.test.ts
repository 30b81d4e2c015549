// TLS clients (open-network-stream :type 'tls, url-retrieve of https: URLs)
// against a Node https server on 127.0.0.1 with the self-signed certificate
// of test/fixtures/tls, which the elisp under test trusts through
// NODE_EXTRA_CA_CERTS, or does not.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as https from 'node:https';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { runScript, repoRoot } from '../cli/cli-helpers.js';

beforeAll(ensureBuilt);

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'tls');
const trusted = { NODE_EXTRA_CA_CERTS: path.join(fixtures, 'cert.pem') };
let server: https.Server;
let port = 0;

beforeAll(async () => {
  server = https.createServer({ key: fs.readFileSync(path.join(fixtures, 'key.pem')), cert: fs.readFileSync(path.join(fixtures, 'cert.pem')) }, (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
    req.on('end', () => {
      const text = `${req.method} ${req.url} ${body} ${req.headers.host}`;
      res.writeHead(200, { 'Content-Length': Buffer.byteLength(text), 'Content-Type': 'text/plain' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('TLS client connections', () => {
  it('url-retrieve-synchronously fetches an https: URL, a large POST body intact', async () => {
    const r = await runScript(
      `;;; -*- lexical-binding: t -*-
(require 'url)
(let ((url-request-method "POST") (url-request-data (make-string 100000 ?z)))
  (with-current-buffer (url-retrieve-synchronously "https://127.0.0.1:${port}/x?y=1" t nil 10)
    (let ((body (buffer-substring (1+ url-http-end-of-headers) (point-max))))
      (princ (format "%s %d %s\\n" url-http-response-status (length body) (substring body 0 12))))))`,
      [],
      { env: trusted, timeoutMs: 20_000 },
    );
    expect(r.stderr).toBe('');
    // "POST /x?y=1 " + the body + " " + the Host header.
    expect(r.stdout).toBe(`200 ${12 + 100000 + 1 + `127.0.0.1:${port}`.length} POST /x?y=1 \n`);
  });

  it('open-network-stream :type tls talks to the server through a filter', async () => {
    const r = await runScript(
      `;;; -*- lexical-binding: t -*-
(let* ((got "")
       (p (open-network-stream "tls" nil "127.0.0.1" ${port} :type 'tls)))
  (set-process-filter p (lambda (_ s) (setq got (concat got s))))
  (process-send-string p "GET /hi HTTP/1.1\\r\\nHost: h\\r\\nConnection: close\\r\\n\\r\\n")
  (let ((n 0)) (while (and (not (string-match-p "GET /hi" got)) (< (setq n (1+ n)) 200)) (accept-process-output p 0.05)))
  (princ (format "%s %S %s\\n" (process-status p) (car (split-string got "\\r\\n")) (and (string-match "GET /hi  h$" got) t)))
  (princ (format "%S\\n" (car (gnutls-available-p)))))`,
      [],
      { env: trusted, timeoutMs: 20_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^(open|closed) "HTTP\/1\.1 200 OK" t\ngnutls\n$/);
  });

  it('refuses a certificate it cannot verify, with a file-error', async () => {
    const r = await runScript(
      `(princ (format "%S\\n" (condition-case e (open-network-stream "tls" nil "127.0.0.1" ${port} :type 'tls) (file-error (list (car e) (cadr e) (caddr e))))))`,
      [],
      { env: { NODE_EXTRA_CA_CERTS: '' }, timeoutMs: 20_000 },
    );
    expect(r.stdout).toBe('(file-error "make client process failed" "self-signed certificate")\n');
  });
});
