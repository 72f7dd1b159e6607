// Docker multiplexes stdout and stderr of a container without a TTY into frames:
// [stream type (1 = stdout, 2 = stderr), 0, 0, 0, size (uint32 big-endian)] + payload.

export function demuxInto(src: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void {
  let buf: Buffer = Buffer.alloc(0);
  src.on('data', (chunk: Buffer) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    while (buf.length >= 8) {
      const size = buf.readUInt32BE(4);
      if (buf.length < 8 + size) break;
      const payload = buf.subarray(8, 8 + size);
      (buf[0] === 2 ? stderr : stdout).write(payload);
      buf = buf.subarray(8 + size);
    }
  });
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    stdout.end();
    if (stderr !== stdout) stderr.end();
  };
  src.on('end', end);
  src.on('close', end);
  src.on('error', end);
}
