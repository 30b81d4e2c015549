// The gap-buffer text store: character positions over UTF-16 code units.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TextStore } from '../../src/buffer/text.js';

/** The model: an array of code points, edited by character index. */
function chars(s: string): string[] {
  return Array.from(s);
}

describe('TextStore', () => {
  it('inserts and deletes by character index in BMP text', () => {
    const t = new TextStore(4);
    t.insert(0, 'hello');
    t.insert(5, ' world');
    t.insert(0, '>');
    t.delete(1, 3);
    expect(t.slice(0, t.length)).toBe('>llo world');
    expect(t.length).toBe(10);
    expect(t.allBmp).toBe(true);
    expect(t.charAt(0)).toBe(62);
  });

  it('counts a surrogate pair as one character', () => {
    const t = new TextStore();
    t.insert(0, 'x\u{1F600}y\u00e9');
    expect(t.length).toBe(4);
    expect(t.charAt(1)).toBe(0x1f600);
    expect(t.charAt(2)).toBe(0x79);
    expect(t.slice(1, 2)).toBe('\u{1F600}');
    t.insert(2, '\u{1F389}');
    expect(t.slice(0, t.length)).toBe('x\u{1F600}\u{1F389}y\u00e9');
    t.delete(1, 3);
    expect(t.slice(0, t.length)).toBe('xy\u00e9');
    expect(t.length).toBe(3);
  });

  it('reads lone low surrogates as raw bytes', () => {
    const t = new TextStore();
    t.insert(0, 'a\udcffb');
    expect(t.length).toBe(3);
    expect(t.charAt(1)).toBe(0x3fffff);
    expect(t.bytesBefore(3)).toBe(4);
  });

  it('counts bytes in Emacs internal encoding', () => {
    const t = new TextStore();
    t.insert(0, 'x\u{1F600}y\u00e9');
    expect([0, 1, 2, 3, 4].map((c) => t.bytesBefore(c))).toEqual([0, 1, 5, 6, 8]);
    expect(t.charAtByte(5)).toBe(2);
    expect(t.charAtByte(3)).toBe(1);
  });

  it('finds newlines on both sides of the gap', () => {
    const t = new TextStore();
    t.insert(0, 'ab\ncd\nef');
    t.insert(4, 'X'); // gap now inside the text
    expect(t.indexOfUnit(10, 0, t.unitLength)).toBe(2);
    expect(t.indexOfUnit(10, 3, t.unitLength)).toBe(6);
    expect(t.lastIndexOfUnit(10, 0, t.unitLength)).toBe(6);
    expect(t.lastIndexOfUnit(10, 0, 6)).toBe(2);
    expect(t.countUnit(10, 0, t.unitLength)).toBe(2);
  });

  it('keeps a long run of appends intact', () => {
    const t = new TextStore();
    const chunk = 'abcdefghij'.repeat(400) + '\n';
    for (let i = 0; i < 2000; i++) t.insert(t.length, chunk);
    expect(t.length).toBe(chunk.length * 2000);
    expect(t.countUnit(10, 0, t.unitLength)).toBe(2000);
    expect(t.slice(t.length - 3, t.length)).toBe('ij\n');
  });

  it('agrees with a string model under random edits', () => {
    const piece = fc.constantFrom('a', 'bc', '\u00e9', '\u{1F600}', 'x\u{1F389}y', '\n', '');
    const op = fc.record({ insert: fc.boolean(), at: fc.nat(), len: fc.nat(5), text: piece });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const t = new TextStore(2);
        let model: string[] = [];
        for (const o of ops) {
          const at = model.length === 0 ? 0 : o.at % (model.length + 1);
          if (o.insert) {
            t.insert(at, o.text);
            model = [...model.slice(0, at), ...chars(o.text), ...model.slice(at)];
          } else {
            const end = Math.min(model.length, at + o.len);
            t.delete(at, end);
            model = [...model.slice(0, at), ...model.slice(end)];
          }
          // Random reads between edits exercise the conversion cache.
          if (model.length > 0) {
            const i = o.at % model.length;
            expect(t.charAt(i)).toBe(model[i].codePointAt(0));
            expect(t.unitToChar(t.charToUnit(i))).toBe(i);
          }
        }
        expect(t.length).toBe(model.length);
        expect(t.slice(0, t.length)).toBe(model.join(''));
      }),
      { numRuns: 300 },
    );
  });
});
