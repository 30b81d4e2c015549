// Address forms of network processes, as Emacs 28.2 shows them.
import { describe, it, expect } from 'vitest';
import { lisp } from '../helpers.js';
import {
  parseIPv6, addressToLisp, lispToAddress, peerHostText, connSuffix, unspecifiedAddress,
} from '../../src/process/addresses.js';
import { printToString } from '../../src/reader/printer.js';

describe('format-network-address', () => {
  it('prints IPv4 vectors as a.b.c.d:port, or without the port when asked', () => {
    expect(lisp('(format-network-address [127 0 0 1 80])')).toBe('"127.0.0.1:80"');
    expect(lisp('(format-network-address [127 0 0 1 80] t)')).toBe('"127.0.0.1"');
  });

  it('prints IPv6 vectors in brackets with the port, hex groups without leading zeros', () => {
    expect(lisp('(format-network-address [0 0 0 0 0 0 0 1 8080])')).toBe('"[0:0:0:0:0:0:0:1]:8080"');
    expect(lisp('(format-network-address [65152 0 0 0 0 0 0 1 80] t)')).toBe('"fe80:0:0:0:0:0:0:1"');
  });

  it('returns strings unchanged and nil for other shapes', () => {
    expect(lisp('(format-network-address "/tmp/sock")')).toBe('"/tmp/sock"');
    expect(lisp('(format-network-address [1 2 3])')).toBe('nil');
  });
});

describe('addresses', () => {
  it('parses IPv6 text with :: and a dotted IPv4 tail', () => {
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIPv6('fe80::1:2')).toEqual([0xfe80, 0, 0, 0, 0, 0, 1, 2]);
    expect(parseIPv6('1:2')).toBe(null);
  });

  it('turns socket addresses into Emacs vectors and back', () => {
    expect(printToString(addressToLisp({ family: 'ipv4', address: '127.0.0.1', port: 5000 }), true)).toBe('[127 0 0 1 5000]');
    expect(printToString(addressToLisp({ family: 'ipv6', address: '::ffff:127.0.0.1', port: 7 }), true)).toBe('[0 0 0 0 0 65535 32512 1 7]');
    expect(lispToAddress([127, 0, 0, 1, 9])).toEqual({ family: 'ipv4', address: '127.0.0.1', port: 9 });
    expect(lispToAddress([1, 2])).toBe(null);
  });

  it('names IPv6 peers with byte-swapped groups, as Emacs 28 does on little-endian machines', () => {
    expect(peerHostText({ family: 'ipv6', address: '::1', port: 1 })).toBe('0:0:0:0:0:0:0:100');
    expect(peerHostText({ family: 'ipv6', address: '::ffff:127.0.0.1', port: 1 })).toBe('0:0:0:0:0:ffff:7f:100');
    expect(connSuffix({ family: 'ipv6', address: '::1', port: 4242 }, 1)).toBe('<[0:0:0:0:0:0:0:100]:4242>');
    expect(connSuffix({ family: 'ipv4', address: '127.0.0.1', port: 4242 }, 1)).toBe('<127.0.0.1:4242>');
    expect(connSuffix({ family: 'local', address: '', port: 0 }, 3)).toBe('<3>');
  });

  it('gives a datagram server without a peer the all-zero cons address', () => {
    expect(printToString(unspecifiedAddress('ipv4'), true)).toBe('(0 . [0 0 0 0 0 0 0 0 0 0 0 0 0 0])');
  });
});
