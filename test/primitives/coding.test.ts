import { describe, it, expect } from 'vitest';
import '../../src/primitives/coding.js';
import { run, call, str, bytes, sym } from './lisp-helpers.js';
import { list, NIL, T } from '../../src/lisp/index.js';

const lst = (x: any) => run('string-to-list', x);
import '../../src/primitives/strings.js';

describe('encode-coding-string', () => {
  it('encodes UTF-8 into a unibyte string', () => {
    expect(lst(call('encode-coding-string', str('é日😀'), sym('utf-8')))).toBe('(195 169 230 151 165 240 159 152 128)');
    expect(run('multibyte-string-p', call('encode-coding-string', str('é'), sym('utf-8')))).toBe('nil');
    expect(lst(call('encode-coding-string', str('\udce9a'), sym('utf-8')))).toBe('(233 97)');
    expect(lst(call('encode-coding-string', str('é'), sym('undecided')))).toBe('(195 169)');
  });
  it('encodes Latin-1 and ASCII, replacing what the charset lacks', () => {
    expect(run('encode-coding-string', str('é'), sym('latin-1'))).toBe('"\\351"');
    expect(run('encode-coding-string', str('日'), sym('iso-latin-1'))).toBe('" "');
    expect(run('encode-coding-string', str('é'), sym('us-ascii'))).toBe('"?"');
    expect(lst(call('encode-coding-string', str('é'), sym('binary')))).toBe('(195 169)');
  });
  it('converts end-of-line for -dos and -mac', () => {
    expect(lst(call('encode-coding-string', str('a\nb'), sym('utf-8-dos')))).toBe('(97 13 10 98)');
    expect(lst(call('encode-coding-string', str('a\nb'), sym('utf-8-mac')))).toBe('(97 13 98)');
  });
  it('returns the string itself for ASCII text with NOCOPY', () => {
    const s = str('abc');
    expect(call('encode-coding-string', s, sym('utf-8'), T)).toBe(s);
    expect(call('encode-coding-string', s, sym('utf-8'))).not.toBe(s);
  });
  it('signals for unknown coding systems and bad arguments', () => {
    expect(run('encode-coding-string', str('é'), sym('foo'))).toBe('(ERR coding-system-error foo)');
    expect(run('encode-coding-string', 1, sym('utf-8'))).toBe('(ERR wrong-type-argument stringp 1)');
    expect(run('decode-coding-string', str('a'), 1)).toBe('(ERR wrong-type-argument symbolp 1)');
  });
});

describe('decode-coding-string', () => {
  it('decodes UTF-8, keeping invalid bytes as raw bytes', () => {
    expect(run('decode-coding-string', bytes(0xc3, 0xa9), sym('utf-8'))).toBe('"é"');
    expect(lst(call('decode-coding-string', bytes(0xc3, 0x61, 0xff), sym('utf-8')))).toBe('(4194243 97 4194303)');
    expect(lst(call('decode-coding-string', bytes(0xed, 0xa0, 0x80), sym('utf-8')))).toBe('(4194285 4194208 4194176)');
    expect(lst(call('decode-coding-string', bytes(0xc0, 0x80), sym('utf-8')))).toBe('(4194240 4194176)');
    expect(lst(call('decode-coding-string', bytes(0xe2, 0x80), sym('utf-8')))).toBe('(4194274 4194176)');
  });
  it('detects end-of-line conventions unless the coding system fixes one', () => {
    expect(lst(call('decode-coding-string', str('a\r\nb'), sym('utf-8')))).toBe('(97 10 98)');
    expect(lst(call('decode-coding-string', str('a\r\nb'), sym('utf-8-unix')))).toBe('(97 13 10 98)');
    expect(lst(call('decode-coding-string', str('a\rb'), sym('utf-8')))).toBe('(97 10 98)');
    expect(lst(call('decode-coding-string', str('a\r\nb\n'), sym('undecided')))).toBe('(97 13 10 98 10)');
    expect(lst(call('decode-coding-string', str('a\r\nb\rc'), sym('utf-8')))).toBe('(97 10 98 13 99)');
    expect(lst(call('decode-coding-string', str('a\r\nb'), sym('binary')))).toBe('(97 13 10 98)');
  });
  it('makes raw-text and binary results unibyte unless the text is plain ASCII', () => {
    expect(run('multibyte-string-p', call('decode-coding-string', str('abc'), sym('binary')))).toBe('t');
    expect(run('multibyte-string-p', call('decode-coding-string', bytes(0xe9), sym('binary')))).toBe('nil');
    expect(run('multibyte-string-p', call('decode-coding-string', str('a\r\nb'), sym('raw-text')))).toBe('nil');
    expect(run('multibyte-string-p', call('decode-coding-string', str('a\r\nb'), sym('raw-text-unix')))).toBe('t');
  });
  it('decodes Latin-1, ASCII and undecided text', () => {
    expect(run('decode-coding-string', bytes(0xe9), sym('latin-1'))).toBe('"é"');
    expect(lst(call('decode-coding-string', bytes(0xe9), sym('us-ascii')))).toBe('(4194281)');
    expect(run('decode-coding-string', bytes(0xc3, 0xa9), sym('undecided'))).toBe('"é"');
    expect(run('decode-coding-string', bytes(0xe9), sym('undecided'))).toBe('"é"');
    expect(lst(call('decode-coding-string', call('string-to-multibyte', bytes(0xc3, 0xa9)), sym('utf-8')))).toBe('(233)');
  });
  it('handles byte-order marks', () => {
    expect(lst(call('decode-coding-string', bytes(0xef, 0xbb, 0xbf, 0x61), sym('utf-8')))).toBe('(65279 97)');
    expect(run('decode-coding-string', bytes(0xef, 0xbb, 0xbf, 0x61), sym('utf-8-with-signature'))).toBe('"a"');
    expect(lst(call('encode-coding-string', str('é'), sym('utf-16')))).toBe('(254 255 0 233)');
    expect(lst(call('encode-coding-string', str('é'), sym('utf-16le')))).toBe('(233 0)');
  });
});

describe('unibyte and multibyte conversions', () => {
  it('string-to-multibyte turns high bytes into raw bytes', () => {
    expect(lst(call('string-to-multibyte', bytes(0xe9, 0x61)))).toBe('(4194281 97)');
    expect(run('multibyte-string-p', call('string-to-multibyte', str('a')))).toBe('t');
  });
  it('string-to-unibyte refuses characters that are not bytes', () => {
    expect(lst(call('string-to-unibyte', str('\udce9a')))).toBe('(233 97)');
    expect(run('string-to-unibyte', str('é'))).toBe('(ERR error "Can’t convert the 0th character to unibyte")');
    expect(run('string-to-unibyte', str('aéb'))).toBe('(ERR error "Can’t convert the 1th character to unibyte")');
    expect(run('string-to-unibyte', sym('a'))).toBe('(ERR wrong-type-argument stringp a)');
  });
  it('string-as-unibyte and string-as-multibyte reinterpret the bytes', () => {
    expect(lst(call('string-as-unibyte', str('é\udce9')))).toBe('(195 169 233)');
    expect(lst(call('string-as-multibyte', bytes(0xc3, 0xa9, 0xe9)))).toBe('(233 4194281)');
    expect(lst(call('string-as-multibyte', bytes(0xc0, 0x80)))).toBe('(4194240 4194176)');
    expect(run('multibyte-string-p', call('string-as-multibyte', str('abc')))).toBe('t');
  });
  it('string-make-unibyte keeps the low byte; string-make-multibyte leaves ASCII unibyte', () => {
    expect(lst(call('string-make-unibyte', str('é日')))).toBe('(233 229)');
    expect(lst(call('string-make-multibyte', bytes(0xe9)))).toBe('(4194281)');
    expect(run('multibyte-string-p', call('string-make-multibyte', str('a')))).toBe('nil');
  });
});

describe('base64', () => {
  it('encodes bytes with line breaks every 76 characters', () => {
    expect(run('base64-encode-string', str('hello'))).toBe('"aGVsbG8="');
    expect(run('base64-encode-string', str(''))).toBe('""');
    expect(run('base64-encode-string', str('a'.repeat(60)))).toBe('"' + 'YWFh'.repeat(19) + '\nYWFh"');
    expect(run('base64-encode-string', str('a'.repeat(60)), T)).toBe('"' + 'YWFh'.repeat(20) + '"');
  });
  it('treats characters up to 255 as bytes and refuses wider ones', () => {
    expect(run('base64-encode-string', str('é'))).toBe('"6Q=="');
    expect(run('base64-encode-string', str('\udce9'))).toBe('"6Q=="');
    expect(run('base64-encode-string', str('日'))).toBe('(ERR error "Multibyte character in data for base64 encoding")');
    expect(run('base64url-encode-string', str('日'))).toBe('(ERR error "Multibyte character in data for base64 encoding")');
    expect(run('base64-encode-string', 1)).toBe('(ERR wrong-type-argument stringp 1)');
  });
  it('base64url uses - and _ and can drop the padding', () => {
    expect(run('base64url-encode-string', str('hi?>'))).toBe('"aGk_Pg=="');
    expect(run('base64url-encode-string', str('hi?>'), T)).toBe('"aGk_Pg"');
  });
  it('decodes, skipping whitespace, and signals on bad data', () => {
    expect(run('base64-decode-string', str('aGVsbG8='))).toBe('"hello"');
    expect(run('base64-decode-string', str('aGV sbG8='))).toBe('"hello"');
    expect(run('base64-decode-string', str('aGVs\nbG8='))).toBe('"hello"');
    expect(run('base64-decode-string', str('YQ==YQ=='))).toBe('"aa"');
    expect(run('base64-decode-string', str('YR=='))).toBe('"a"');
    expect(run('base64-decode-string', str('w6k='))).toBe('"\\303\\251"');
    expect(run('base64-decode-string', str('aGk_Pg'), T)).toBe('"hi?>"');
    for (const bad of ['aGVsbG8', 'aGk_Pg', '!!', 'é', 'YQ=', 'Y', 'YQ=x', 'YQ===']) {
      expect(run('base64-decode-string', str(bad))).toBe('(ERR error "Invalid base64 data")');
    }
  });
});

describe('secure hashes', () => {
  it('hash the UTF-8 encoding of multibyte text', () => {
    expect(run('md5', str('abc'))).toBe('"900150983cd24fb0d6963f7d28e17f72"');
    expect(run('md5', str('é'))).toBe('"66ddcd97cfdeabb2f6fb8a999b4bc76f"');
    expect(run('md5', str('é'), NIL, NIL, sym('latin-1'))).toBe('"3406877694691ddd1dfb0aca54681407"');
    expect(run('sha1', str('é'))).toBe('"bf15be717ac1b080b4f1c456692825891ff5073d"');
    expect(run('secure-hash', sym('sha1'), str('\udce9'))).toBe('"1599e9fa41ec68c80230491902786bee889f5bcb"');
  });
  it('supports the six algorithms, ranges and binary output', () => {
    expect(run('secure-hash', sym('sha256'), str('abc'))).toBe('"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"');
    expect(run('secure-hash', sym('sha224'), str(''))).toBe('"d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"');
    expect(run('secure-hash', sym('md5'), str('abcdef'), 1, 3)).toBe('"5360af35bde9ebd8f01f492dc059593c"');
    expect(lst(call('secure-hash', sym('md5'), str('abc'), NIL, NIL, T))).toBe('(144 1 80 152 60 210 79 176 214 150 63 125 40 225 127 114)');
    expect(run('secure-hash-algorithms')).toBe('(md5 sha1 sha224 sha256 sha384 sha512)');
  });
  it('signal Emacs errors for bad algorithms, objects and ranges', () => {
    expect(run('secure-hash', sym('foo'), str('abc'))).toBe('(ERR error "Invalid algorithm arg: foo")');
    expect(run('secure-hash', str('md5'), str('abc'))).toBe('(ERR wrong-type-argument symbolp "md5")');
    expect(run('secure-hash', sym('md5'), 1)).toBe('(ERR error "Invalid object argument" 1)');
    expect(run('md5', sym('a'))).toBe('(ERR error "Invalid object argument" a)');
    expect(run('secure-hash', sym('md5'), str('abc'), 0, 5)).toBe('(ERR args-out-of-range "abc" 0 5)');
  });
});

describe('url-util percent-encoding', () => {
  it('url-hexify-string keeps unreserved characters and encodes UTF-8 bytes', () => {
    expect(run('url-hexify-string', str("a b/c?d=é&~_.-!*'()"))).toBe('"a%20b%2Fc%3Fd%3D%C3%A9%26~_.-%21%2A%27%28%29"');
    expect(run('url-hexify-string', str('a b'), list(97))).toBe('"a%20%62"');
    expect(run('url-hexify-string', str('\udce9'))).toBe('"%E9"');
    expect(run('url-hexify-string', sym('a'))).toBe('(ERR wrong-type-argument sequencep a)');
  });
  it('url-unhex-string decodes to bytes, newlines only when allowed', () => {
    expect(lst(call('url-unhex-string', str('a%20b%C3%A9')))).toBe('(97 32 98 195 169)');
    expect(run('url-unhex-string', str('a%0Ab'))).toBe('"a b"');
    expect(run('url-unhex-string', str('a%0Ab'), T)).toBe('"a\nb"');
    expect(run('url-unhex-string', str('a%2'))).toBe('"a%2"');
    expect(run('url-unhex-string', str('%zz'))).toBe('"%zz"');
    expect(run('multibyte-string-p', call('url-unhex-string', str('%C3%A9')))).toBe('nil');
  });
});
