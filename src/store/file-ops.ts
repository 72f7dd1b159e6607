// The few file operations the write-ahead log needs, behind one interface so unit tests can inject
// faults (short writes, ENOSPC, EIO) where a real disk would produce them.
import fs from 'node:fs';

export interface FileOps {
  /** Opens (creating it, mode 0600) a file for positional reads and writes. */
  openRw(file: string): number;
  /**
   * One write(2) at `position`; returns the bytes written (may be fewer than asked). Synchronous: a
   * write into the page cache costs microseconds, less than a hop to the thread pool and back.
   */
  write(fd: number, buf: Buffer, offset: number, length: number, position: number): number;
  /** fdatasync(2) in the thread pool: the event loop keeps serving (and queueing writes) meanwhile. */
  datasync(fd: number): Promise<void>;
  ftruncate(fd: number, length: number): Promise<void>;
  /** Writes a whole file durably (write, fsync); throws on a short write. */
  writeFileDurable(file: string, data: Buffer): Promise<void>;
  close(fd: number): void;
}

function promisify<T>(fn: (cb: (e: NodeJS.ErrnoException | null, v: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((e, v) => (e ? reject(e) : resolve(v))));
}

export const nodeFileOps: FileOps = {
  openRw: (file) => fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600),
  write: (fd, buf, offset, length, position) => fs.writeSync(fd, buf, offset, length, position),
  datasync: (fd) => promisify<void>((cb) => fs.fdatasync(fd, (e) => cb(e, undefined))),
  ftruncate: (fd, length) => promisify<void>((cb) => fs.ftruncate(fd, length, (e) => cb(e, undefined))),
  async writeFileDurable(file, data) {
    const fd = await promisify<number>((cb) => fs.open(file, 'w', 0o600, cb));
    try {
      writeAll(nodeFileOps, fd, data, 0);
      await promisify<void>((cb) => fs.fsync(fd, (e) => cb(e, undefined)));
    } finally {
      fs.closeSync(fd);
    }
  },
  close: (fd) => fs.closeSync(fd),
};

/** Writes all of `data` at `position`, retrying short writes; a write that makes no progress fails. */
export function writeAll(ops: FileOps, fd: number, data: Buffer, position: number): void {
  let off = 0;
  while (off < data.length) {
    const n = ops.write(fd, data, off, data.length - off, position + off);
    if (!(n > 0)) {
      const e = new Error(`short write: ${off} of ${data.length} bytes written`) as NodeJS.ErrnoException;
      e.code = 'ESHORTWRITE';
      throw e;
    }
    off += n;
  }
}

/** fsync of a directory, so a rename in it is durable (not possible everywhere; the rename stays atomic). */
export function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* some platforms cannot fsync a directory */
  }
}
