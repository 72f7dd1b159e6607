// Durable state on disk: a snapshot plus a write-ahead log of JSON lines.
//
// A write is acknowledged only after its line is written and fdatasync'd, so it survives `kill -9`.
// A crash in the middle of a write leaves at most one partial last line, which replay drops (it was
// never acknowledged). Snapshots are written to a temp file, fsync'd and renamed over the old one,
// so at every instant either the old or the new snapshot is complete.
import fs from 'node:fs';
import path from 'node:path';

export interface WalRecord {
  rv: number;
  op: 'put' | 'del';
  k: string;
  o?: unknown;
}

export interface Snapshot {
  rv: number;
  objects: [string, unknown][];
}

const SNAPSHOT = 'snapshot.json';
const WAL = 'wal.log';

export class Wal {
  private fd: number;
  private records = 0;

  private constructor(private readonly dir: string) {
    this.fd = fs.openSync(path.join(dir, WAL), 'a', 0o600);
  }

  /** Reads the snapshot and replays the log; returns the state and an open log ready for appends. */
  static open(dir: string): { wal: Wal; rv: number; objects: Map<string, unknown> } {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const objects = new Map<string, unknown>();
    let rv = 0;
    const snapPath = path.join(dir, SNAPSHOT);
    if (fs.existsSync(snapPath)) {
      const snap = JSON.parse(fs.readFileSync(snapPath, 'utf8')) as Snapshot;
      rv = snap.rv;
      for (const [k, o] of snap.objects) objects.set(k, o);
    }
    const walPath = path.join(dir, WAL);
    if (fs.existsSync(walPath)) {
      const text = fs.readFileSync(walPath, 'utf8');
      let goodEnd = 0;
      let pos = 0;
      while (pos < text.length) {
        const nl = text.indexOf('\n', pos);
        if (nl < 0) break; // partial last line: never acknowledged
        const line = text.slice(pos, nl);
        let rec: WalRecord;
        try {
          rec = JSON.parse(line) as WalRecord;
        } catch {
          break; // torn write; everything after it is unacknowledged too
        }
        if (rec.rv > rv || rec.rv === undefined) {
          if (rec.op === 'put') objects.set(rec.k, rec.o);
          else objects.delete(rec.k);
          rv = Math.max(rv, rec.rv);
        }
        pos = nl + 1;
        goodEnd = Buffer.byteLength(text.slice(0, pos));
      }
      if (goodEnd < Buffer.byteLength(text)) fs.truncateSync(walPath, goodEnd);
    }
    const wal = new Wal(dir);
    wal.compact(rv, objects);
    return { wal, rv, objects };
  }

  append(rec: WalRecord): void {
    fs.writeSync(this.fd, JSON.stringify(rec) + '\n');
    fs.fdatasyncSync(this.fd);
    this.records++;
  }

  get recordCount(): number {
    return this.records;
  }

  /** Writes a full snapshot and empties the log. */
  compact(rv: number, objects: Map<string, unknown>): void {
    const snap: Snapshot = { rv, objects: [...objects.entries()] };
    const tmp = path.join(this.dir, SNAPSHOT + '.tmp');
    const fd = fs.openSync(tmp, 'w', 0o600);
    fs.writeSync(fd, JSON.stringify(snap));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT));
    syncDir(this.dir);
    fs.ftruncateSync(this.fd, 0);
    fs.fsyncSync(this.fd);
    this.records = 0;
  }

  close(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  }
}
