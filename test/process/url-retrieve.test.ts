// url-retrieve-synchronously and url-retrieve (lisp/url-http.el) against a
// real Node HTTP server on a loopback port: what Emacs's url.el sends, and
// how the response buffer looks for a JSON body, a gzip body compressed by
// zlib, a chunked body written in pieces, a POST and a refused connection.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { runScript } from '../cli/cli-helpers.js';

beforeAll(ensureBuilt);

const requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('latin1');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/json') {
        const text = JSON.stringify({ name: 'h\u00e9', n: [1, 2] });
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
      } else if (req.url === '/gzip') {
        const packed = zlib.gzipSync(Buffer.from('x'.repeat(5000) + 'end'));
        res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': packed.length });
        res.end(packed);
      } else if (req.url === '/chunked') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write('first ');
        setTimeout(() => res.end('second'), 30);
      } else {
        res.writeHead(201, { 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function script(body: string): string {
  return `;;; -*- lexical-binding: t -*-\n(require 'url)\n(defvar base "http://127.0.0.1:${port}")\n${body}\n`;
}

describe('url-retrieve-synchronously with a Node HTTP server', () => {
  it('sends url.el\'s headers and gives the response in a unibyte buffer', async () => {
    const r = await runScript(
      script(`(with-current-buffer (url-retrieve-synchronously (concat base "/json") t nil 10)
  (goto-char url-http-end-of-headers)
  (princ (format "%s %s %S %s\\n" url-http-response-status enable-multibyte-characters url-http-content-type
                 (let ((json (json-parse-buffer :object-type 'alist))) (decode-coding-string (alist-get 'name json) 'utf-8)))))`),
      [],
      { timeoutMs: 20_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('200 nil "application/json; charset=utf-8" h\u00e9\n');
    const sent = requests.find((q) => q.url === '/json')!;
    expect(sent.method).toBe('GET');
    expect(sent.headers['user-agent']).toMatch(/^URL\/Emacs Emacs\/28\.2 \(TTY; /);
    expect(sent.headers['accept-encoding']).toBe('gzip');
    expect(sent.headers.host).toBe(`127.0.0.1:${port}`);
  });

  it('decompresses gzip bodies and decodes chunked ones', async () => {
    const r = await runScript(
      script(`(dolist (path '("/gzip" "/chunked"))
  (with-current-buffer (url-retrieve-synchronously (concat base path) t nil 10)
    (let ((body (buffer-substring (1+ url-http-end-of-headers) (point-max))))
      (princ (format "%s %d %s\\n" path (length body) (substring body -6))))))`),
      [],
      { timeoutMs: 20_000 },
    );
    expect(r.stdout).toBe('/gzip 5003 xxxend\n/chunked 12 second\n');
  });

  it('posts url-request-data with the extra headers, and reports the status to url-retrieve\'s callback', async () => {
    const r = await runScript(
      script(`(let ((url-request-method "POST") (url-request-data "a=1&b=2")
      (url-request-extra-headers '(("Content-Type" . "application/x-www-form-urlencoded"))))
  (with-current-buffer (url-retrieve-synchronously (concat base "/post") t nil 10)
    (princ (format "%s %s\\n" url-http-response-status (buffer-substring (1+ url-http-end-of-headers) (point-max))))))
(defvar result nil)
(url-retrieve (concat base "/other") (lambda (status x) (setq result (list status x url-http-response-status))) '(arg) t)
(let ((n 0)) (while (and (not result) (< (setq n (1+ n)) 200)) (accept-process-output nil 0.05)))
(princ (format "%S\\n" result))`),
      [],
      { timeoutMs: 20_000 },
    );
    expect(r.stdout).toBe('201 a=1&b=2\n(nil arg 201)\n');
    const post = requests.find((q) => q.url === '/post')!;
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post.headers['content-length']).toBe('7');
  });

  it('signals file-error when the connection is refused', async () => {
    const r = await runScript(
      script(`(princ (format "%S\\n" (condition-case e (url-retrieve-synchronously "http://127.0.0.1:1/" t) (file-error (list (car e) (cadr e) (caddr e))))))`),
    );
    expect(r.stdout).toBe('(file-error "make client process failed" "Connection refused")\n');
  });
});
