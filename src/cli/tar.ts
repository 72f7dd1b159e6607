// The tar archives `kbx cp` sends to and reads from `tar` in a container, pure and in memory: ustar
// headers (names up to 255 bytes through the prefix field) when writing; ustar, GNU long names and pax
// `path` records when reading (busybox and GNU tar write those).

export interface TarEntry {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'other';
  mode: number;
  mtime: number;
  data: Buffer;
  linkname?: string;
}

const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function splitName(name: string): { name: string; prefix: string } {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: '' };
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { name: rest, prefix };
  }
  throw new Error(`file name too long for tar: ${name}`);
}

function header(e: Omit<TarEntry, 'data'> & { size: number }): Buffer {
  const h = Buffer.alloc(BLOCK);
  const { name, prefix } = splitName(e.type === 'dir' && !e.name.endsWith('/') ? e.name + '/' : e.name);
  h.write(name, 0, 100);
  h.write(octal(e.mode & 0o7777, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(e.size, 12), 124);
  h.write(octal(Math.floor(e.mtime), 12), 136);
  h.write('        ', 148);
  h.write(e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0', 156);
  if (e.linkname) h.write(e.linkname, 157, 100);
  h.write('ustar\0', 257);
  h.write('00', 263);
  h.write(prefix, 345, 155);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148);
  return h;
}

/** A tar archive of the entries (directories before what they contain, as given). */
export function packTar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = e.type === 'file' ? e.data : Buffer.alloc(0);
    parts.push(header({ ...e, size: data.length }), data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

const str = (b: Buffer, start: number, len: number) => {
  const s = b.subarray(start, start + len);
  const nul = s.indexOf(0);
  return s.subarray(0, nul < 0 ? s.length : nul).toString('utf8');
};
const num = (b: Buffer, start: number, len: number) => parseInt(str(b, start, len).trim() || '0', 8);

/** The entries of a tar archive (pax and GNU long-name records applied to the entry they precede). */
export function unpackTar(buf: Buffer): TarEntry[] {
  const out: TarEntry[] = [];
  let longName: string | undefined;
  let longLink: string | undefined;
  let paxPath: string | undefined;
  for (let off = 0; off + BLOCK <= buf.length; ) {
    const h = buf.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    const size = num(h, 124, 12);
    const flag = String.fromCharCode(h[156]!);
    const data = buf.subarray(off + BLOCK, off + BLOCK + size);
    off += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'L') {
      longName = str(data, 0, data.length);
      continue;
    }
    if (flag === 'K') {
      longLink = str(data, 0, data.length);
      continue;
    }
    if (flag === 'x') {
      for (const rec of data.toString('utf8').split('\n')) {
        const m = /^\d+ path=(.*)$/.exec(rec);
        if (m) paxPath = m[1];
      }
      continue;
    }
    if (flag === 'g') continue;
    const prefix = str(h, 345, 155);
    const name = paxPath ?? longName ?? (prefix ? `${prefix}/${str(h, 0, 100)}` : str(h, 0, 100));
    const linkname = longLink ?? str(h, 157, 100);
    longName = longLink = paxPath = undefined;
    const type = flag === '5' ? 'dir' : flag === '0' || flag === '\0' || flag === '7' ? 'file' : flag === '2' ? 'symlink' : 'other';
    out.push({ name: name.replace(/\/$/, ''), type, mode: num(h, 100, 8), mtime: num(h, 136, 12), data: Buffer.from(data), ...(linkname ? { linkname } : {}) });
  }
  return out;
}
