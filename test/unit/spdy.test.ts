import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SPDY_DICTIONARY } from '../../src/spdy/dictionary.js';
import {
  FLAG_FIN,
  FrameParser,
  FrameType,
  dataFrame,
  decodeControl,
  goAwayFrame,
  pingFrame,
  rstStreamFrame,
  synReplyFrame,
  synStreamFrame,
} from '../../src/spdy/frames.js';
import { HeaderCompressor, HeaderDecompressor, decodeNameValues, encodeNameValues } from '../../src/spdy/headers.js';
import { SpdySession, type SpdyStream, type Transport } from '../../src/spdy/session.js';

function adler32(b: Buffer): number {
  let a = 1;
  let s = 0;
  for (const x of b) {
    a = (a + x) % 65521;
    s = (s + a) % 65521;
  }
  return ((s << 16) | a) >>> 0;
}

describe('SPDY dictionary', () => {
  it('is the 1423-byte SPDY/3 dictionary (Adler-32 0xe3c6a7c2)', () => {
    expect(SPDY_DICTIONARY.length).toBe(1423);
    expect(adler32(SPDY_DICTIONARY).toString(16)).toBe('e3c6a7c2');
  });
});

describe('SPDY frames', () => {
  it('encodes a SYN_STREAM as the draft lays it out', () => {
    const f = synStreamFrame(3, Buffer.from('hb'), FLAG_FIN);
    expect(f.subarray(0, 8).toString('hex')).toBe('80030001' + '01' + '00000c');
    expect(f.readUInt32BE(8)).toBe(3);
    expect(f.subarray(18).toString()).toBe('hb');
  });

  it('parses frames split at any byte and joined in one chunk', () => {
    const bytes = Buffer.concat([
      synStreamFrame(1, Buffer.from('abc')),
      dataFrame(1, Buffer.from('hello')),
      dataFrame(1, Buffer.alloc(0), true),
      pingFrame(7),
      rstStreamFrame(5, 5),
      goAwayFrame(9, 0),
      synReplyFrame(2, Buffer.from('x')),
    ]);
    for (const step of [1, 3, 7, bytes.length]) {
      const p = new FrameParser();
      const frames = [];
      for (let o = 0; o < bytes.length; o += step) frames.push(...p.push(bytes.subarray(o, o + step)));
      expect(p.pending).toBe(0);
      expect(frames.map((f) => (f.type === 'data' ? `data:${f.streamId}:${f.data}:${f.flags}` : `ctl:${f.kind}`))).toEqual([
        `ctl:${FrameType.SYN_STREAM}`,
        'data:1:hello:0',
        'data:1::1',
        `ctl:${FrameType.PING}`,
        `ctl:${FrameType.RST_STREAM}`,
        `ctl:${FrameType.GOAWAY}`,
        `ctl:${FrameType.SYN_REPLY}`,
      ]);
      const decoded = frames.filter((f) => f.type === 'control').map((f) => decodeControl(f as Extract<typeof f, { type: 'control' }>));
      expect(decoded[0]).toMatchObject({ kind: 'syn_stream', streamId: 1, associatedId: 0 });
      expect(decoded[0]!.kind === 'syn_stream' && decoded[0]!.headerBlock.toString()).toBe('abc');
      expect(decoded[1]).toEqual({ kind: 'ping', id: 7 });
      expect(decoded[2]).toEqual({ kind: 'rst_stream', streamId: 5, status: 5 });
      expect(decoded[3]).toEqual({ kind: 'goaway', lastGoodStreamId: 9, status: 0 });
      expect(decoded[4]).toMatchObject({ kind: 'syn_reply', streamId: 2 });
    }
  });

  it('rejects a control frame too short for its type', () => {
    const p = new FrameParser();
    const [f] = p.push(Buffer.from('8003000600000002abcd', 'hex'));
    expect(() => decodeControl(f as never)).toThrow(/need 4/);
  });
});

describe('SPDY header blocks', () => {
  it('round-trips a name/value list, lowercasing names', () => {
    const raw = encodeNameValues({ StreamType: 'data', port: '80', requestid: '0' });
    expect(decodeNameValues(raw)).toEqual({ streamtype: 'data', port: '80', requestid: '0' });
  });

  it('decodes its own stored-block compression across several blocks', () => {
    const c = new HeaderCompressor();
    const d = new HeaderDecompressor();
    const b1 = c.compress({ streamtype: 'error', port: '80', requestid: '0' });
    const b2 = c.compress({ streamtype: 'data', port: '80', requestid: '0' });
    expect(b1.subarray(0, 2).toString('hex')).toBe('7801');
    expect(b1.subarray(-5).toString('hex')).toBe('000000ffff');
    expect(d.decompress(b1)).toEqual({ streamtype: 'error', port: '80', requestid: '0' });
    expect(d.decompress(b2)).toEqual({ streamtype: 'data', port: '80', requestid: '0' });
  });

  it('decodes what a real zlib sends: dictionary-primed, one context, a sync flush per block', async () => {
    const z = zlib.createDeflate({ dictionary: SPDY_DICTIONARY });
    const chunks: Buffer[] = [];
    z.on('data', (b: Buffer) => chunks.push(b));
    const block = async (h: Record<string, string>) => {
      chunks.length = 0;
      z.write(encodeNameValues(h));
      await new Promise<void>((r) => z.flush(zlib.constants.Z_SYNC_FLUSH, () => r()));
      return Buffer.concat(chunks);
    };
    const d = new HeaderDecompressor();
    const blocks = [];
    for (let i = 0; i < 50; i++) blocks.push(await block({ streamtype: i % 2 ? 'data' : 'error', port: '8080', requestid: String(i >> 1) }));
    expect(blocks[0]![1]! & 0x20).toBe(0x20); // FDICT set
    expect(blocks[10]!.length).toBeLessThan(20); // later blocks refer back to earlier ones
    blocks.forEach((b, i) => expect(d.decompress(b)).toEqual({ streamtype: i % 2 ? 'data' : 'error', port: '8080', requestid: String(i >> 1) }));
  });
});

/** Two sessions wired back to back in memory. */
function pair(): { client: SpdySession; server: SpdySession; wire: { c2s: number; s2c: number } } {
  const wire = { c2s: 0, s2c: 0 };
  let client!: SpdySession;
  let server!: SpdySession;
  const mk = (dir: 'c2s' | 's2c'): Transport => ({
    write: (buf, cb) => {
      wire[dir] += buf.length;
      setImmediate(() => {
        (dir === 'c2s' ? server : client).receive(buf);
        cb?.();
      });
    },
    pause: () => {},
    resume: () => {},
    close: () => setImmediate(() => (dir === 'c2s' ? server : client).transportClosed()),
  });
  client = new SpdySession(mk('c2s'), 'client');
  server = new SpdySession(mk('s2c'), 'server');
  return { client, server, wire };
}

function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    s.on('data', (d: Buffer) => parts.push(d));
    s.on('end', () => resolve(Buffer.concat(parts)));
    s.on('error', reject);
  });
}

describe('SPDY session', () => {
  it('opens streams, replies, carries data both ways and half-closes each side on its own', async () => {
    const { client, server } = pair();
    server.on('stream', (s: SpdyStream) => {
      s.reply();
      // Echo upper-cased, only after the client half-closed: the reply still gets through.
      readAll(s).then((b) => {
        s.write(b.toString().toUpperCase());
        s.end();
      });
    });
    const st = client.openStream({ streamtype: 'data', port: '80', requestid: '0' });
    await st.waitReply();
    st.write('hello ');
    st.end('world');
    expect((await readAll(st)).toString()).toBe('HELLO WORLD');
  });

  it('moves a large transfer intact and echoes pings', async () => {
    const { client, server } = pair();
    const big = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    server.on('stream', (s: SpdyStream) => {
      s.reply();
      s.pipe(s);
    });
    const pong = new Promise((r) => client.once('pong', r));
    client.ping();
    expect(await pong).toBe(1);
    const st = client.openStream({ streamtype: 'data' });
    const got = readAll(st);
    st.end(big);
    expect((await got).equals(big)).toBe(true);
  });

  it('tells the other side about a reset stream and a GOAWAY', async () => {
    const { client, server } = pair();
    const seen: SpdyStream[] = [];
    server.on('stream', (s: SpdyStream) => {
      s.reply();
      seen.push(s);
    });
    const st = client.openStream({ streamtype: 'data' });
    await st.waitReply();
    const closed = new Promise((r) => seen[0]!.on('close', r));
    st.reset();
    await closed;
    expect(server.streamCount).toBe(0);
    const st2 = client.openStream({ streamtype: 'data' });
    await st2.waitReply();
    const gone = new Promise((r) => client.once('close', r));
    server.goAway();
    await gone;
    expect(client.closed).toBe(true);
    expect(st2.destroyed).toBe(true);
  });
});
