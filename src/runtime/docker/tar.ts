// A minimal ustar writer, to send small build contexts to Docker without a tar dependency.

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mode: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write(octal(mode, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(Math.floor(Date.now() / 1000), 12), 136);
  h.write('        ', 148); // checksum is computed with this field as spaces
  h.write('0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148);
  return h;
}

/** Files (path → content) as a tar archive. Paths ending in `*` get mode 0755. */
export function tarFiles(files: Record<string, Buffer | string>): Buffer {
  const parts: Buffer[] = [];
  for (const [rawName, content] of Object.entries(files)) {
    const exec = rawName.endsWith('*');
    const name = exec ? rawName.slice(0, -1) : rawName;
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    parts.push(header(name, data.length, exec ? 0o755 : 0o644), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}
