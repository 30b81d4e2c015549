// The two buffer/file primitives of Emacs's fileio.c that buffers need:
// `insert-file-contents` and `write-region`, for UTF-8 text. Decoding
// follows what Emacs's detection gives for plain files: UTF-8 when the bytes
// are valid UTF-8 (CRLF line ends converted when every line has one),
// Latin-1 otherwise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import {
  LispString, NIL, T, UNBOUND, Q, intern, signal, list, error, wrongType,
} from '../lisp/index.js';
import { defun, declareModule, optional, any } from '../lisp/defun.js';
import { currentBuffer } from '../buffer/buffer.js';
import { countPairs } from '../buffer/text.js';
import { insertAtPoint, deleteText } from '../buffer/insdel.js';
import { Qdefault_directory } from '../buffer/locals.js';
import { fixPosition, validateRegion } from '../buffer/positions.js';

declareModule('fileio');

const Qbuffer_file_name = intern('buffer-file-name');
const Qbuffer_file_truename = intern('buffer-file-truename');

/** An absolute file name for name, relative to the current buffer's default-directory. */
export function absoluteFileName(name: string): string {
  if (name === '~' || name.startsWith('~/')) name = os.homedir() + name.slice(1);
  if (path.isAbsolute(name)) return path.resolve(name) + (name.endsWith('/') && name.length > 1 ? '/' : '');
  const dir = currentBuffer().locals.get(Qdefault_directory);
  const base = dir instanceof LispString ? dir.value : process.cwd();
  const abs = path.resolve(base.startsWith('~') ? os.homedir() + base.slice(1) : base, name);
  return abs;
}

function lispString(s: string): LispString {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return new LispString(s, true);
  return new LispString(s, false);
}

/** Signals the file error Emacs gives for a failed system call. */
function fileError(e: unknown, action: string, file: string): never {
  const code = (e as { code?: string }).code;
  const f = lispString(file);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return signal(Q.file_missing, list(lispString(action), lispString('No such file or directory'), f));
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return signal(Q.permission_denied, list(lispString(action), lispString('Permission denied'), f));
  }
  if (code === 'EISDIR') {
    const what = action === 'Opening input file' ? 'Read error' : action;
    return signal(Q.file_error, list(lispString(what), lispString('Is a directory'), f));
  }
  if (code === 'EEXIST') return signal(Q.file_already_exists, list(lispString('File exists'), f));
  return signal(Q.file_error, list(lispString(action), lispString(String((e as Error).message ?? e)), f));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes as Emacs would detect them: UTF-8 (maybe DOS line ends), else Latin-1. */
export function decodeFileBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } catch {
    text = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
    }
  }
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) {
    // DOS line ends only when every line feed has its carriage return.
    const lone = /(^|[^\r])\n/.test(text);
    if (!lone) text = text.replace(/\r\n/g, '\n');
  }
  return text;
}

/** Encodes buffer text as UTF-8; raw-byte characters become their bytes. */
export function encodeText(s: string): NodeBuffer {
  let raw = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) {
      raw = true;
      break;
    }
  }
  if (!raw) return globalThis.Buffer.from(s, 'utf8');
  const parts: NodeBuffer[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const prevHigh = i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff;
    if (c >= 0xdc80 && c <= 0xdcff && !prevHigh) {
      parts.push(globalThis.Buffer.from(s.slice(start, i), 'utf8'), globalThis.Buffer.from([c - 0xdc80 + 0x80]));
      start = i + 1;
    }
  }
  parts.push(globalThis.Buffer.from(s.slice(start), 'utf8'));
  return globalThis.Buffer.concat(parts);
}

type NodeBuffer = globalThis.Buffer;

defun('insert-file-contents', [any, optional(any), optional(any), optional(any), optional(any)], (filename, visit, beg, end, replace) => {
  if (!(filename instanceof LispString)) wrongType(Q.stringp, filename);
  const file = absoluteFileName(filename.value);
  const buf = currentBuffer();
  if (visit !== NIL && (buf.begv !== buf.zv || buf.narrowed) && replace === NIL) error('Cannot do file visiting in a non-empty buffer');
  let bytes: Uint8Array;
  try {
    if (fs.statSync(file).isDirectory()) fileError({ code: 'EISDIR' }, 'Opening input file', file);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof Error || (e as { code?: string }).code) fileError(e, 'Opening input file', file);
    throw e;
  }
  if (beg !== NIL || end !== NIL) {
    const from = beg === NIL ? 0 : fixPosition(beg);
    const to = end === NIL ? bytes.length : fixPosition(end);
    bytes = bytes.subarray(Math.max(0, from), Math.max(0, Math.min(bytes.length, to)));
  }
  const text = decodeFileBytes(bytes);
  if (replace !== NIL) {
    const pt = buf.pt;
    deleteText(buf.begv, buf.zv);
    buf.pt = buf.begv;
    insertAtPoint(text);
    buf.goto(pt);
  } else {
    const pt = buf.pt;
    insertAtPoint(text);
    buf.pt = pt;
  }
  const inserted = text.length - countPairs(text);
  if (visit !== NIL) {
    buf.locals.set(Qbuffer_file_name, lispString(file));
    buf.locals.set(Qbuffer_file_truename, lispString(file));
    buf.saveModiff = buf.modiff;
  }
  return list(lispString(file), inserted);
});

defun('write-region', [any, any, any, optional(any), optional(any), optional(any), optional(any)],
  (start, end, filename, append, visit, _lockname, mustbenew) => {
    if (!(filename instanceof LispString)) wrongType(Q.stringp, filename);
    const file = absoluteFileName(filename.value);
    const buf = currentBuffer();
    let text: string;
    if (start instanceof LispString) text = start.value;
    else if (start === NIL) text = buf.substring(1, buf.z);
    else {
      const [s, e] = validateRegion(start, end);
      text = buf.substring(s, e);
    }
    const data = encodeText(text);
    try {
      if (mustbenew === intern('excl') && fs.existsSync(file)) fileError({ code: 'EEXIST' }, 'Opening output file', file);
      if (typeof append === 'number') {
        const fd = fs.openSync(file, fs.existsSync(file) ? 'r+' : 'w');
        try {
          fs.writeSync(fd, data, 0, data.length, append);
        } finally {
          fs.closeSync(fd);
        }
      } else if (append !== NIL) fs.appendFileSync(file, data);
      else fs.writeFileSync(file, data);
    } catch (e) {
      if ((e as { code?: string }).code) fileError(e, 'Opening output file', file);
      throw e;
    }
    if (visit === T || visit instanceof LispString) {
      const visited = visit instanceof LispString ? absoluteFileName(visit.value) : file;
      buf.locals.set(Qbuffer_file_name, lispString(visited));
      buf.saveModiff = buf.modiff;
    }
    return NIL;
  });

void UNBOUND;
