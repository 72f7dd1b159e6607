// Durable state on disk: a snapshot plus a write-ahead log of framed, checksummed records
// (formats in wal-format.ts).
//
// Files in the store directory:
//   snapshot.json        the state at some resourceVersion R
//   wal.log              records after R
//   snapshot.prev.json   the snapshot before it, and wal.prev.log the records between the two: the way
//   wal.prev.log         back when snapshot.json is damaged
//   *.set-aside-<time>   bytes that failed their checks at a start, kept for a human (never deleted)
//   set-aside.log        one line per thing set aside: what, why, where
//
// A write is acknowledged only after its whole record is written (byte counts checked) and
// fdatasync'd. A write that fails (short write, ENOSPC, EIO) leaves the log marked dirty and the next
// append first truncates it back to the last good byte, so the log never holds a partial record
// followed by good ones. At start, replay stops at the first bad record: an incomplete last record (a
// write cut short by a crash, never acknowledged) is dropped; anything else from there on is moved to
// a set-aside file before the log is truncated, and reported.
import fs from 'node:fs';
import path from 'node:path';
import { nodeFileOps, syncDir, writeAll, type FileOps } from './file-ops.js';
import { countLines, decodeSnapshot, encodeSnapshot, LazyObject, scanLog, type Snapshot, type WalRecord } from './wal-format.js';

export type { WalRecord, Snapshot } from './wal-format.js';

export const SNAPSHOT = 'snapshot.json';
export const SNAPSHOT_PREV = 'snapshot.prev.json';
export const WAL = 'wal.log';
export const WAL_PREV = 'wal.prev.log';
export const SET_ASIDE_LOG = 'set-aside.log';

export interface SetAside {
  /** The file the bytes came from (wal.log, snapshot.json, …). */
  from: string;
  /** Where they are now, in the store directory. */
  file: string;
  bytes: number;
  /** Records (lines) in what was set aside; 0 for a snapshot. */
  records: number;
  reason: string;
}

export interface Recovery {
  /** What the state was built on: snapshot.json, snapshot.prev.json or nothing. */
  base: string;
  /** Log records applied on top of it. */
  replayed: number;
  rv: number;
  objects: number;
  setAside: SetAside[];
  /** Things done that lost nothing acknowledged (an incomplete last record dropped, …). */
  notes: string[];
}

export function describeSetAside(s: SetAside): string {
  const what = s.records ? `${s.bytes} bytes (${s.records} record${s.records === 1 ? '' : 's'})` : `${s.bytes} bytes`;
  return `set aside ${what} of ${s.from} in ${s.file}: ${s.reason}`;
}

/** One line for the log, `kbx cluster status` and the CLI when a start had to set something aside. */
export function recoverySummary(r: Recovery): string | undefined {
  if (!r.setAside.length) return undefined;
  return `the store ${r.setAside.map(describeSetAside).join('; ')}; started from ${r.base} and ${r.replayed} log record(s) (${r.objects} objects, resourceVersion ${r.rv})`;
}

export class Wal {
  private fd: number;
  /** Bytes of good records in wal.log; a failed append may have left more, truncated before the next. */
  private size: number;
  private dirty = false;
  private snapBytes: number;
  /** The start had to rebuild from something other than snapshot.json: write a fresh snapshot soon. */
  readonly wantsCompaction: boolean;

  private constructor(
    private readonly dir: string,
    private readonly ops: FileOps,
    snapBytes: number,
    wantsCompaction: boolean,
  ) {
    this.fd = ops.openRw(path.join(dir, WAL));
    this.size = fs.fstatSync(this.fd).size;
    this.snapBytes = snapBytes;
    this.wantsCompaction = wantsCompaction;
  }

  /** Reads the snapshot and replays the log; returns the state, what recovery did, and a log ready for appends. */
  static open(dir: string, ops: FileOps = nodeFileOps, now: () => number = Date.now): { wal: Wal; rv: number; objects: Map<string, unknown>; recovery: Recovery } {
    // The fast way parses only each key's last record; should one of those not be an object after
    // all, the strict way replays again, record by record, and stops at it.
    return Wal.openWith(dir, ops, now, true) ?? Wal.openWith(dir, ops, now, false)!;
  }

  private static openWith(
    dir: string,
    ops: FileOps,
    now: () => number,
    lazy: boolean,
  ): { wal: Wal; rv: number; objects: Map<string, unknown>; recovery: Recovery } | undefined {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const at = (f: string) => path.join(dir, f);
    fs.rmSync(at(SNAPSHOT + '.tmp'), { force: true });
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const setAside: SetAside[] = [];
    const notes: string[] = [];
    const moveAside = (from: string, bytes: number, reason: string) => {
      const file = uniqueName(dir, `${from}.set-aside-${stamp}`);
      fs.renameSync(at(from), at(file));
      syncDir(dir);
      setAside.push({ from, file, bytes, records: 0, reason });
    };

    // The base: snapshot.json, or the one before it (a crash between compaction's renames, or damage).
    let base: Snapshot | undefined;
    let baseName = 'nothing';
    let baseBytes = 0;
    for (const name of [SNAPSHOT, SNAPSHOT_PREV]) {
      const buf = readIfExists(at(name));
      if (!buf) continue;
      const d = decodeSnapshot(buf);
      if ('snap' in d) {
        base = d.snap;
        baseName = name;
        baseBytes = buf.length;
        break;
      }
      if (lazy) return undefined; // recovery moves files: do it on the strict way only
      moveAside(name, buf.length, `the snapshot cannot be read: ${d.error}`);
    }
    const objects = new Map<string, unknown>();
    let rv = base?.rv ?? 0;
    for (const [k, o] of base?.objects ?? []) objects.set(k, o);

    // The log: after snapshot.json only wal.log is needed; from an older base, wal.prev.log first.
    const logs = baseName === SNAPSHOT ? [WAL] : [WAL_PREV, WAL];
    let replayed = 0;
    const apply = (rec: WalRecord): string | undefined => {
      if (rec.rv <= rv) return undefined; // already in the snapshot
      if (rec.rv !== rv + 1) return `a gap in resourceVersions (${rv} is followed by ${rec.rv})`;
      if (rec.op === 'put') objects.set(rec.k, rec.o);
      else objects.delete(rec.k);
      rv = rec.rv;
      replayed++;
      return undefined;
    };
    for (let i = 0; i < logs.length; i++) {
      const name = logs[i]!;
      const buf = readIfExists(at(name));
      if (!buf) continue;
      const r = scanLog(buf, apply, { lazy });
      if (!r.stop) continue;
      if (lazy) return undefined; // recovery moves files: do it on the strict way only
      const later = logs.slice(i + 1).map((n) => ({ n, b: readIfExists(at(n)) }));
      if (r.stop.torn && later.every((l) => !l.b?.length)) {
        notes.push(`dropped an incomplete last record (${buf.length - r.stop.offset} bytes) of ${name}: a write cut short by a crash, never acknowledged`);
      } else {
        const tail = Buffer.concat([buf.subarray(r.stop.offset), ...later.map((l) => l.b ?? Buffer.alloc(0))]);
        const file = uniqueName(dir, `${WAL}.set-aside-${stamp}`);
        writeFileDurableSync(at(file), tail);
        syncDir(dir);
        const alsoLater = later.filter((l) => l.b?.length).map((l) => ` and all of ${l.n}`).join('');
        setAside.push({ from: name + alsoLater, file, bytes: tail.length, records: countLines(tail), reason: `record ${r.stop.index} (at byte ${r.stop.offset}) is ${r.stop.reason}` });
        for (const l of later) if (l.b?.length) truncateDurableSync(at(l.n), 0);
      }
      truncateDurableSync(at(name), r.stop.offset);
      break;
    }
    if (lazy) {
      for (const [k, o] of objects) {
        if (!(o instanceof LazyObject)) continue;
        const parsed = o.parse();
        if (parsed === undefined) return undefined;
        objects.set(k, parsed);
      }
    }
    if (setAside.length) {
      const lines = setAside.map((s) => `${new Date(now()).toISOString()} ${describeSetAside(s)}\n`).join('');
      fs.appendFileSync(at(SET_ASIDE_LOG), lines, { mode: 0o600 });
    }
    const wal = new Wal(dir, ops, baseBytes, baseName !== SNAPSHOT && (replayed > 0 || objects.size > 0));
    return { wal, rv, objects, recovery: { base: baseName, replayed, rv, objects: objects.size, setAside, notes } };
  }

  /** Appends `data` (whole records) and waits until it is on disk; throws and acknowledges nothing otherwise. */
  async append(data: Buffer): Promise<void> {
    await this.repair();
    try {
      writeAll(this.ops, this.fd, data, this.size);
      await this.ops.datasync(this.fd);
    } catch (e) {
      this.dirty = true;
      throw e;
    }
    this.size += data.length;
  }

  /** Bytes of records in wal.log. */
  get logBytes(): number {
    return this.size;
  }

  /** Bytes of the last snapshot written or read. */
  get snapshotBytes(): number {
    return this.snapBytes;
  }

  /**
   * Writes `json` (a Snapshot of every record appended so far) as the new snapshot and starts an empty
   * log. The previous snapshot and log stay as snapshot.prev.json and wal.prev.log; until the new
   * snapshot is durable, nothing is renamed.
   */
  async compact(json: string): Promise<void> {
    await this.repair();
    const at = (f: string) => path.join(this.dir, f);
    const data = encodeSnapshot(json);
    await this.ops.writeFileDurable(at(SNAPSHOT + '.tmp'), data);
    if (fs.existsSync(at(SNAPSHOT))) fs.renameSync(at(SNAPSHOT), at(SNAPSHOT_PREV));
    fs.renameSync(at(SNAPSHOT + '.tmp'), at(SNAPSHOT));
    syncDir(this.dir);
    fs.rmSync(at(WAL_PREV), { force: true });
    this.ops.close(this.fd);
    fs.renameSync(at(WAL), at(WAL_PREV));
    this.fd = this.ops.openRw(at(WAL));
    syncDir(this.dir);
    this.size = 0;
    this.snapBytes = data.length;
  }

  close(): void {
    try {
      this.ops.close(this.fd);
    } catch {
      /* already closed */
    }
  }

  /** After a failed append: cut the log back to its last good record before writing again. */
  private async repair(): Promise<void> {
    if (!this.dirty) return;
    await this.ops.ftruncate(this.fd, this.size);
    await this.ops.datasync(this.fd);
    this.dirty = false;
  }
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function uniqueName(dir: string, name: string): string {
  let n = name;
  for (let i = 2; fs.existsSync(path.join(dir, n)); i++) n = `${name}-${i}`;
  return n;
}

function writeFileDurableSync(file: string, data: Buffer): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    let off = 0;
    while (off < data.length) {
      const n = fs.writeSync(fd, data, off, data.length - off, off);
      if (n <= 0) throw new Error(`short write to ${file}`);
      off += n;
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function truncateDurableSync(file: string, len: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.ftruncateSync(fd, len);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
