// A minimal ustar writer, to send small build contexts to Docker without a tar dependency.

/** Fixed modification time, so the same files give the same archive (and Docker's build cache hits). 2000-01-01. */
const MTIME = 946_684_800;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** ustar keeps names in a 100-byte field plus a 155-byte prefix (split at a '/'). */
function splitName(name: string): { name: string; prefix: string } {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: '' };
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { name: rest, prefix };
  }
  throw new Error(`tar: path too long for a build context: ${name}`);
}

function header(path: string, size: number, mode: number, type: '0' | '5'): Buffer {
  const { name, prefix } = splitName(path);
  const h = Buffer.alloc(512);
  h.write(name, 0, 'utf8');
  h.write(octal(mode, 8), 100);
  h.write(octal(0, 8), 108); // uid root
  h.write(octal(0, 8), 116); // gid root
  h.write(octal(size, 12), 124);
  h.write(octal(MTIME, 12), 136);
  h.write('        ', 148); // the checksum is computed with its own field as spaces
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  h.write(prefix, 345, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148);
  return h;
}

/**
 * Files (path → content) as a tar archive. A path ending in `*` is written without it, with mode 0755 (scripts);
 * a path ending in `/` is a directory (0755); other files are 0644.
 */
export function tarFiles(files: Record<string, Buffer | string>): Buffer {
  const parts: Buffer[] = [];
  for (const [rawName, content] of Object.entries(files)) {
    if (rawName.endsWith('/')) {
      parts.push(header(rawName, 0, 0o755, '5'));
      continue;
    }
    const exec = rawName.endsWith('*');
    const name = exec ? rawName.slice(0, -1) : rawName;
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    parts.push(header(name, data.length, exec ? 0o755 : 0o644, '0'), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024)); // two zero blocks end the archive
  return Buffer.concat(parts);
}
