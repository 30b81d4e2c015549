// The two buffer/file primitives of Emacs's fileio.c that buffers need:
// `insert-file-contents` and `write-region`, for UTF-8 text. Decoding
// follows what Emacs's detection gives for plain files: UTF-8 when the bytes
// are valid UTF-8 (CRLF line ends converted when every line has one),
// Latin-1 otherwise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import {
  type LispObject, LispString, LispSymbol, NIL, T, UNBOUND, Q, intern, signal, list, error, wrongType,
} from '../lisp/index.js';
import { defun, declareModule, optional, any } from '../lisp/defun.js';
import { currentBuffer } from '../buffer/buffer.js';
import { countPairs } from '../buffer/text.js';
import { insertAtPoint, deleteText } from '../buffer/insdel.js';
import { Qdefault_directory, Qbuffer_file_coding_system, Qenable_multibyte_characters } from '../buffer/locals.js';
import { decodeFileText, mergeEol, encodeFileText } from './coding.js';
import { symbolValue } from '../eval/state.js';
import { fixPosition, validateRegion } from '../buffer/positions.js';
import { applyDefaultFileModes, defaultFileModesSet } from './fileio.js';

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


const Qcoding_system_for_read = intern('coding-system-for-read');
const Qcoding_system_for_write = intern('coding-system-for-write');
const Qlast_coding_system_used = intern('last-coding-system-used');
if (Qlast_coding_system_used.value === UNBOUND) Qlast_coding_system_used.value = NIL;
Qlast_coding_system_used.special = true;

/** What write-region encodes with: coding-system-for-write, else the buffer's own coding system. */
function writeCoding(buf: ReturnType<typeof currentBuffer>): LispObject {
  const forWrite = symbolValue(Qcoding_system_for_write);
  if (forWrite !== NIL) return forWrite;
  return (buf.locals.get(Qbuffer_file_coding_system) ?? Qbuffer_file_coding_system.value) as LispObject;
}

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
  const multibyte = buf.locals.get(Qenable_multibyte_characters) !== NIL;
  const { text, coding, used } = decodeFileText(bytes, symbolValue(Qcoding_system_for_read), multibyte);
  // The detected coding system becomes the buffer's, unless it has its own: then only its EOL type is settled.
  const own = buf.locals.get(Qbuffer_file_coding_system);
  buf.locals.set(Qbuffer_file_coding_system, own instanceof LispSymbol && own !== NIL ? mergeEol(own as LispSymbol, coding) : coding);
  Qlast_coding_system_used.value = used;
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
    const coding = writeCoding(buf);
    const data =
      start instanceof LispString && !start.multibyte
        ? globalThis.Buffer.from(text, 'latin1')
        : buf.locals.get(Qenable_multibyte_characters) === NIL && !(start instanceof LispString)
          ? globalThis.Buffer.from(text, 'latin1')
          : encodeFileText(text, coding);
    Qlast_coding_system_used.value = coding;
    try {
      if (mustbenew === intern('excl') && fs.existsSync(file)) fileError({ code: 'EEXIST' }, 'Opening output file', file);
      const created = defaultFileModesSet() && !fs.existsSync(file);
      if (typeof append === 'number') {
        const fd = fs.openSync(file, fs.existsSync(file) ? 'r+' : 'w');
        try {
          fs.writeSync(fd, data, 0, data.length, append);
        } finally {
          fs.closeSync(fd);
        }
      } else if (append !== NIL) fs.appendFileSync(file, data);
      else fs.writeFileSync(file, data);
      if (created) applyDefaultFileModes(file, 0o666);
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
