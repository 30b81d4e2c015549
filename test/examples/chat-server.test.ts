// examples/chat-server.el driven by real Node TCP clients: per-connection
// state in the process plist, lines split across packets, vanishing clients.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ensureBuilt } from '../../scripts/build-if-stale.mjs';
import { startExample, Client, sleep, type RunningExample } from './example-helpers.js';

let server: RunningExample;

beforeAll(async () => {
  await ensureBuilt();
  server = await startExample('chat-server');
});

afterAll(async () => {
  await server?.stop();
});

async function join(name: string): Promise<Client> {
  const c = await Client.connect(server.port);
  await c.write(`${name}\n`);
  await c.until((x) => x.text.includes(`Welcome, ${name}!`));
  return c;
}

describe('the chat server example', () => {
  it('relays each line to the other members, in order, as NAME: LINE', async () => {
    const alice = await join('alice');
    const bob = await join('bob');
    await alice.until((x) => x.text.includes('* bob joined\n'));
    for (let i = 0; i < 50; i++) await alice.write(`line ${i}\n`);
    await bob.until((x) => x.text.includes('alice: line 49\n'));
    const lines = bob.text.split('\n').filter((l) => l.startsWith('alice: '));
    expect(lines).toEqual(Array.from({ length: 50 }, (_, i) => `alice: line ${i}`));
    expect(alice.text).not.toContain('alice: line');
    alice.socket.destroy();
    bob.socket.destroy();
  });

  it('puts together lines that arrive split across packets, and several lines in one packet', async () => {
    const carol = await join('carol');
    const dave = await join('dave');
    await carol.write('hel');
    await sleep(30);
    await carol.write('lo wo');
    await sleep(30);
    await carol.write('rld\nsecond\nthi');
    await sleep(30);
    await carol.write('rd\r\n');
    await dave.until((x) => x.text.includes('carol: third\n'));
    expect(dave.text).toContain('carol: hello world\ncarol: second\ncarol: third\n');
    carol.socket.destroy();
    dave.socket.destroy();
  });

  it('tells the others when a member quits or vanishes, and keeps serving', async () => {
    const erin = await join('erin');
    const frank = await join('frank');
    const gina = await join('gina');
    await frank.write('/quit\n');
    await frank.until((x) => x.text.includes('Bye!\n') && x.closed);
    await erin.until((x) => x.text.includes('* frank left\n'));
    // gina disappears halfway through a line.
    await gina.write('half a li');
    gina.socket.destroy();
    await erin.until((x) => x.text.includes('* gina left\n'));
    expect(erin.text).not.toContain('half a li');
    await erin.write('anyone?\n');
    const henry = await join('henry');
    await erin.write('hi henry\n');
    await henry.until((x) => x.text.includes('erin: hi henry\n'));
    erin.socket.destroy();
    henry.socket.destroy();
  });

  it('handles many members at once', async () => {
    const members = await Promise.all(Array.from({ length: 20 }, (_, i) => join(`m${i}`)));
    await members[0].write('to everyone\n');
    await Promise.all(members.slice(1).map((m) => m.until((x) => x.text.includes('m0: to everyone\n'))));
    for (const m of members) m.socket.destroy();
  });
});
