// The write-ahead log under faults: short writes, ENOSPC, EIO, torn and bit-flipped records, damaged
// snapshots, old-format files; and group commit. Faults come from a file layer that wraps the real one.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store, StorageError, type StoreEvent } from '../../src/store/store.js';
import { nodeFileOps, type FileOps } from '../../src/store/file-ops.js';
import { encodeRecord, scanLog } from '../../src/store/wal-format.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-wal-'));
const obj = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name, namespace: 'default' }, ...extra });
const names = (s: Store) => s.list('/pods/').map((o) => o.metadata.name);
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** The real file layer with faults switched on and off by the test. */
function faulty() {
  const f = {
    /** Next write(2) calls: 'enospc' fails, a number writes only that many bytes (0: then ENOSPC). */
    writes: [] as ('enospc' | number)[],
    datasyncFails: 0,
    datasyncs: 0,
    /** While set, fdatasync waits for release(): lets a test pile writes up behind one in flight. */
    hold: false,
    held: [] as (() => void)[],
    release() {
      for (const r of f.held.splice(0)) r();
    },
    ops: {
      ...nodeFileOps,
      write(fd, buf, offset, length, position) {
        const fault = f.writes.shift();
        if (fault === 'enospc') throw errno('ENOSPC');
        if (typeof fault === 'number') {
          const n = Math.min(fault, length);
          if (n === 0) throw errno('ENOSPC');
          const wrote = nodeFileOps.write(fd, buf, offset, n, position);
          f.writes.unshift('enospc'); // the disk is full after the partial write
          return wrote;
        }
        return nodeFileOps.write(fd, buf, offset, length, position);
      },
      async datasync(fd) {
        f.datasyncs++;
        if (f.hold) await new Promise<void>((r) => f.held.push(r));
        if (f.datasyncFails > 0) {
          f.datasyncFails--;
          throw errno('EIO');
        }
        return nodeFileOps.datasync(fd);
      },
    } as FileOps,
  };
  return f;
}

const walBytes = (dir: string) => fs.readFileSync(path.join(dir, 'wal.log'));
const setAsideFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.set-aside-'));

describe('store: durability under write faults', () => {
  it('ENOSPC: nothing acknowledged, nothing visible, reads keep working, writes work again when space returns', async () => {
    const dir = tmp();
    const f = faulty();
    const logs: string[] = [];
    const s = Store.open(dir, { ops: f.ops, log: (m) => logs.push(m) });
    s.put('/pods/default/a', obj('a'));
    await s.durable();
    const seen: StoreEvent[] = [];
    s.watch('/pods/', undefined, (e) => seen.push(e));
    f.writes.push('enospc');
    s.put('/pods/default/b', obj('b'));
    await expect(s.durable()).rejects.toBeInstanceOf(StorageError);
    expect(names(s)).toEqual(['a']); // rolled back
    expect(s.resourceVersion).toBe(1);
    expect(seen).toEqual([]); // no watcher heard of it
    expect(s.health().writeError).toMatch(/ENOSPC/);
    expect(logs.join('\n')).toMatch(/1 write\(s\) failed and were not saved: ENOSPC/);
    // Space returns.
    s.put('/pods/default/c', obj('c'));
    await s.durable();
    expect(s.health().writeError).toBeUndefined();
    expect(seen.map((e) => [e.type, e.object.metadata.name, e.rv])).toEqual([['ADDED', 'c', 2]]);
    const s2 = Store.open(dir);
    expect(names(s2)).toEqual(['a', 'c']);
    expect(s2.recovery!.setAside).toEqual([]);
  });

  it('a short write then ENOSPC: the partial record is cut off before the next append', async () => {
    const dir = tmp();
    const f = faulty();
    const s = Store.open(dir, { ops: f.ops });
    s.put('/pods/default/a', obj('a'));
    await s.durable();
    const good = walBytes(dir).length;
    f.writes.push(20); // 20 bytes reach the file, then the disk is full
    s.put('/pods/default/b', obj('b', { spec: { big: 'x'.repeat(500) } }));
    await expect(s.durable()).rejects.toThrow(/could not write to disk \(ENOSPC/);
    expect(walBytes(dir).length).toBe(good + 20); // the half record is there…
    s.put('/pods/default/c', obj('c'));
    await s.durable();
    const bytes = walBytes(dir);
    expect(bytes.subarray(0, good)).toEqual(walBytes(dir).subarray(0, good));
    expect(scanLog(bytes, () => undefined)).toEqual({ records: 2, end: bytes.length }); // …and gone before c
    const s2 = Store.open(dir);
    expect(names(s2)).toEqual(['a', 'c']);
    expect(s2.recovery!.setAside).toEqual([]);
  });

  it('a write cut short by a crash (no later write) is an incomplete last record: dropped, not set aside', async () => {
    const dir = tmp();
    const f = faulty();
    const s = Store.open(dir, { ops: f.ops });
    s.put('/pods/default/a', obj('a'));
    await s.durable();
    f.writes.push(30);
    s.put('/pods/default/b', obj('b'));
    await expect(s.durable()).rejects.toBeInstanceOf(StorageError);
    // kill -9 now.
    const logs: string[] = [];
    const s2 = Store.open(dir, { log: (m) => logs.push(m) });
    expect(names(s2)).toEqual(['a']);
    expect(s2.recovery!.setAside).toEqual([]);
    expect(logs.join('\n')).toMatch(/dropped an incomplete last record \(30 bytes\) of wal\.log/);
    expect(setAsideFiles(dir)).toEqual([]);
  });

  it('EIO from fdatasync: not acknowledged, rolled back, and the store recovers', async () => {
    const dir = tmp();
    const f = faulty();
    const s = Store.open(dir, { ops: f.ops });
    f.datasyncFails = 1;
    s.put('/pods/default/a', obj('a'));
    await expect(s.durable()).rejects.toThrow(/EIO/);
    expect(names(s)).toEqual([]);
    s.put('/pods/default/b', obj('b'));
    await s.durable();
    expect(names(Store.open(dir))).toEqual(['b']);
  });

  it('a failed batch also rolls back the writes queued behind it, which built on it', async () => {
    const dir = tmp();
    const f = faulty();
    const s = Store.open(dir, { ops: f.ops });
    s.put('/pods/default/a', obj('a', { spec: { v: 1 } }));
    await s.durable();
    f.hold = true;
    f.datasyncFails = 1;
    s.put('/pods/default/a', obj('a', { spec: { v: 2 } })); // batch 1, its fdatasync will fail
    await new Promise((r) => setTimeout(r, 5));
    const first = s.durable();
    s.put('/pods/default/a', obj('a', { spec: { v: 3 } })); // batch 2, behind it
    s.delete('/pods/default/a');
    s.put('/pods/default/n', obj('n'));
    const second = s.durable();
    expect(second).not.toBe(first);
    f.hold = false;
    f.release();
    await expect(first).rejects.toBeInstanceOf(StorageError);
    await expect(second).rejects.toBeInstanceOf(StorageError);
    expect(s.get('/pods/default/a')!.spec).toEqual({ v: 1 });
    expect(s.get('/pods/default/n')).toBeUndefined();
    expect(s.resourceVersion).toBe(1);
  });
});

describe('store: group commit', () => {
  it('writes arriving while an fdatasync is in flight share the next one; events only after commit', async () => {
    const dir = tmp();
    const f = faulty();
    const s = Store.open(dir, { ops: f.ops });
    const seen: number[] = [];
    s.watch('/pods/', undefined, (e) => seen.push(e.rv));
    f.hold = true;
    s.put('/pods/default/p0', obj('p0'));
    const first = s.durable();
    await new Promise((r) => setTimeout(r, 5)); // its fdatasync is now in flight
    expect(f.datasyncs).toBe(1);
    for (let i = 1; i <= 50; i++) s.put(`/pods/default/p${i}`, obj(`p${i}`));
    const rest = s.durable();
    expect(seen).toEqual([]); // nothing is durable yet
    // A watch starting now sees the committed state only, then every commit.
    const initial = s.listCommitted('/pods/');
    expect(initial).toEqual([]);
    expect(s.list('/pods/').length).toBe(51);
    f.hold = false;
    f.release();
    await first;
    await rest;
    expect(f.datasyncs).toBe(2); // 51 writes, 2 fdatasyncs
    expect(seen).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(Store.open(dir).count('/pods/')).toBe(51);
  });

  it('listCommitted shows the value before an uncommitted update or delete', async () => {
    const dir = tmp();
    const f = faulty();
    const s = Store.open(dir, { ops: f.ops });
    s.put('/pods/default/a', obj('a', { spec: { v: 1 } }));
    s.put('/pods/default/b', obj('b'));
    await s.durable();
    f.hold = true;
    s.put('/pods/default/a', obj('a', { spec: { v: 2 } }));
    s.delete('/pods/default/b');
    s.put('/pods/default/c', obj('c'));
    expect(s.listCommitted('/pods/').map((o) => [o.metadata.name, o.spec])).toEqual([['a', { v: 1 }], ['b', undefined]]);
    await new Promise((r) => setTimeout(r, 5));
    f.hold = false;
    f.release();
    await s.durable();
    expect(s.listCommitted('/pods/').map((o) => o.metadata.name)).toEqual(['a', 'c']);
  });
});

describe('store: replay stops at the first bad record and keeps the rest aside', () => {
  async function storeWith(n: number, dir = tmp()): Promise<string> {
    const s = Store.open(dir);
    for (let i = 1; i <= n; i++) s.put(`/pods/default/p${String(i).padStart(2, '0')}`, obj(`p${i}`));
    await s.durable();
    return dir;
  }

  it('a flipped byte in record 10 of 35: 9 replayed, 26 set aside byte for byte, said in the log and in health', async () => {
    const dir = await storeWith(35);
    const before = walBytes(dir);
    const lines = before.toString().split('\n');
    const at = lines.slice(0, 9).join('\n').length + 1 + 40; // inside record 10
    const flipped = Buffer.from(before);
    flipped[at] = flipped[at]! ^ 0x01;
    fs.writeFileSync(path.join(dir, 'wal.log'), flipped);
    const logs: string[] = [];
    const s = Store.open(dir, { log: (m) => logs.push(m) });
    expect(s.count('/pods/')).toBe(9);
    const r = s.recovery!;
    expect(r.setAside).toHaveLength(1);
    expect(r.setAside[0]!.records).toBe(26);
    expect(r.setAside[0]!.reason).toBe(`record 10 (at byte ${lines.slice(0, 9).join('\n').length + 1}) is a record that fails its checksum`);
    const aside = fs.readFileSync(path.join(dir, r.setAside[0]!.file));
    expect(aside).toEqual(flipped.subarray(lines.slice(0, 9).join('\n').length + 1));
    expect(s.health().recovery).toMatch(/^the store set aside \d+ bytes \(26 records\) of wal\.log in wal\.log\.set-aside-.* started from nothing and 9 log record\(s\) \(9 objects, resourceVersion 9\)$/);
    expect(logs.some((l) => l.startsWith('store: the store set aside'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'set-aside.log'), 'utf8')).toMatch(/set aside .* of wal\.log in wal\.log\.set-aside-/);
    // Writable again; compaction at close never touches the set-aside file.
    s.put('/pods/default/new', obj('new'));
    await s.close();
    expect(fs.readFileSync(path.join(dir, r.setAside[0]!.file))).toEqual(aside);
    const s2 = Store.open(dir);
    expect(s2.count('/pods/')).toBe(10);
    expect(s2.recovery!.setAside).toEqual([]);
  });

  it('a torn record in the middle (more records after it) is set aside, not dropped', async () => {
    const dir = tmp();
    const good = [1, 2, 3].map((rv) => encodeRecord({ rv, op: 'put', k: `/pods/default/p${rv}`, o: obj(`p${rv}`) }));
    const torn = encodeRecord({ rv: 4, op: 'put', k: '/pods/default/p4', o: obj('p4') }).slice(0, 25) + '\n';
    const after = encodeRecord({ rv: 5, op: 'put', k: '/pods/default/p5', o: obj('p5') });
    fs.writeFileSync(path.join(dir, 'wal.log'), good.join('') + torn + after);
    const s = Store.open(dir);
    expect(s.count('/pods/')).toBe(3);
    expect(s.recovery!.setAside[0]!.reason).toMatch(/^record 4 .* is a record (whose length does not match its frame|longer than the rest of the log)$/);
    expect(s.recovery!.setAside[0]!.records).toBe(2);
  });

  it('records with "o":null, without rv, or with a gap in resourceVersions stop replay instead of crashing', () => {
    for (const [bad, reason] of [
      ['{"rv":3,"op":"put","k":"/pods/default/x","o":null}\n', 'a record with a put without an object ("o")'],
      ['{"op":"put","k":"/pods/default/x","o":{"metadata":{}}}\n', 'a record with no valid resourceVersion ("rv")'],
      [encodeRecord({ rv: 7, op: 'del', k: '/pods/default/p1' }), 'a gap in resourceVersions (2 is followed by 7)'],
      ['garbage\n', 'bytes that are not a record'],
    ]) {
      const dir = tmp();
      const good = [1, 2].map((rv) => JSON.stringify({ rv, op: 'put', k: `/pods/default/p${rv}`, o: obj(`p${rv}`) }) + '\n');
      const later = encodeRecord({ rv: 3, op: 'del', k: '/pods/default/p1' });
      fs.writeFileSync(path.join(dir, 'wal.log'), good.join('') + bad + later);
      const s = Store.open(dir);
      expect(names(s)).toEqual(['p1', 'p2']);
      expect(s.recovery!.setAside[0]!.reason).toBe(`record 3 (at byte ${good.join('').length}) is ${reason}`);
    }
  });
});

describe('store: the fast replay (only the last record of each key parsed)', () => {
  it('gives the same state as record-by-record replay, and falls back to it when a last record is not an object', () => {
    const dir = tmp();
    const recs = [
      encodeRecord({ rv: 1, op: 'put', k: '/pods/default/a', o: obj('a', { spec: { v: 1 } }) }),
      encodeRecord({ rv: 2, op: 'put', k: '/pods/default/b', o: obj('b') }),
      encodeRecord({ rv: 3, op: 'put', k: '/pods/default/a', o: obj('a', { spec: { v: 'ü' } }) }),
      encodeRecord({ rv: 4, op: 'del', k: '/pods/default/b' }),
    ];
    fs.writeFileSync(path.join(dir, 'wal.log'), recs.join(''));
    const s = Store.open(dir);
    expect(s.list('/pods/').map((o) => [o.metadata.name, o.spec])).toEqual([['a', { v: 'ü' }]]);
    // A well-framed record (right checksum) whose object is not one: the strict replay stops at it.
    const bad = encodeRecord({ rv: 5, op: 'put', k: '/pods/default/c', o: { notMetadata: true } } as never);
    fs.appendFileSync(path.join(dir, 'wal.log'), bad);
    const s2 = Store.open(dir);
    expect(names(s2)).toEqual(['a']);
    expect(s2.recovery!.setAside[0]!.reason).toBe(`record 5 (at byte ${Buffer.byteLength(recs.join(''))}) is a record with a put without an object ("o")`);
  });
});

describe('store: snapshots', () => {
  async function twoCompactions(): Promise<string> {
    const dir = tmp();
    let s = Store.open(dir);
    s.put('/pods/default/a', obj('a'));
    await s.close(); // snapshot 1 (a)
    s = Store.open(dir);
    s.put('/pods/default/b', obj('b'));
    await s.close(); // snapshot 2 (a, b); snapshot 1 kept as snapshot.prev.json with wal.prev.log
    s = Store.open(dir);
    s.put('/pods/default/c', obj('c'));
    await s.durable(); // in wal.log only
    return dir;
  }

  it('compaction on a clean stop: the next start reads the snapshot alone', async () => {
    const dir = tmp();
    const s = Store.open(dir);
    for (let i = 0; i < 10; i++) s.put(`/pods/default/p${i}`, obj(`p${i}`));
    await s.close();
    expect(walBytes(dir).length).toBe(0);
    const s2 = Store.open(dir);
    expect(s2.count('/pods/')).toBe(10);
    expect(s2.recovery!.replayed).toBe(0);
    expect(s2.resourceVersion).toBe(10);
  });

  it('compaction when the log outgrows the snapshot by the ratio', async () => {
    const dir = tmp();
    const logs: string[] = [];
    const s = Store.open(dir, { compactMinBytes: 2000, log: (m) => logs.push(m) });
    for (let i = 0; i < 40; i++) {
      s.put(`/pods/default/p${i % 5}`, obj(`p${i % 5}`, { spec: { i } }));
      await s.durable();
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(logs.some((l) => l.startsWith('store: compacted at resourceVersion'))).toBe(true);
    expect(walBytes(dir).length).toBeLessThan(2500);
    const s2 = Store.open(dir);
    expect(s2.list('/pods/').map((o) => o.spec)).toEqual([0, 1, 2, 3, 4].map((k) => ({ i: 35 + k })));
  });

  for (const [what, bytes] of [
    ['empty', Buffer.alloc(0)],
    ['garbage', Buffer.from('not a snapshot at all')],
    ['truncated', undefined],
  ] as const) {
    it(`a ${what} snapshot is set aside; the previous snapshot and both logs rebuild everything`, async () => {
      const dir = await twoCompactions();
      const snap = path.join(dir, 'snapshot.json');
      const original = fs.readFileSync(snap);
      fs.writeFileSync(snap, bytes ?? original.subarray(0, original.length - 7));
      const s = Store.open(dir);
      expect(names(s)).toEqual(['a', 'b', 'c']);
      expect(s.recovery!.base).toBe('snapshot.prev.json');
      expect(s.recovery!.setAside[0]!.from).toBe('snapshot.json');
      expect(s.recovery!.setAside[0]!.reason).toMatch(/^the snapshot cannot be read: /);
      expect(fs.existsSync(path.join(dir, s.recovery!.setAside[0]!.file))).toBe(true);
      // It writes a good snapshot soon, and the next start is clean.
      await new Promise((r) => setTimeout(r, 20));
      await s.close();
      const s2 = Store.open(dir);
      expect(names(s2)).toEqual(['a', 'b', 'c']);
      expect(s2.recovery!.base).toBe('snapshot.json');
    });
  }

  it('old-format files (plain JSON snapshot and log lines) still replay, then migrate', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'snapshot.json'), JSON.stringify({ rv: 2, objects: [['/pods/default/a', { ...obj('a'), metadata: { name: 'a', namespace: 'default', resourceVersion: '1' } }]] }));
    fs.writeFileSync(
      path.join(dir, 'wal.log'),
      [
        JSON.stringify({ rv: 2, op: 'put', k: '/pods/default/old', o: obj('old') }), // already in the snapshot
        JSON.stringify({ rv: 3, op: 'put', k: '/pods/default/b', o: obj('b') }),
        JSON.stringify({ rv: 4, op: 'del', k: '/pods/default/a' }),
      ].join('\n') + '\n',
    );
    const s = Store.open(dir);
    expect(names(s)).toEqual(['b']);
    expect(s.resourceVersion).toBe(4);
    s.put('/pods/default/c', obj('c'));
    await s.durable();
    expect(names(Store.open(dir))).toEqual(['b', 'c']); // mixed old and new records
    await s.close();
    expect(fs.readFileSync(path.join(dir, 'snapshot.json')).subarray(0, 9).toString()).toBe('KBXSNAP1 ');
    expect(names(Store.open(dir))).toEqual(['b', 'c']);
  });

  it('a compaction that fails (disk full) keeps the old snapshot and log, and nothing is lost', async () => {
    const dir = tmp();
    const f = faulty();
    const s = Store.open(dir, { ops: { ...f.ops, writeFileDurable: async () => Promise.reject(errno('ENOSPC')) }, log: () => {} });
    s.put('/pods/default/a', obj('a'));
    await s.durable();
    await s.close();
    expect(fs.existsSync(path.join(dir, 'snapshot.json'))).toBe(false);
    expect(names(Store.open(dir))).toEqual(['a']);
  });
});

describe('store: replay is linear in the log', () => {
  // Replay time against log length, as a ratio measured in the same run (not a time budget): 10 × the
  // records take about 10 × the time when replay is linear; the quadratic replay took ~100 ×.
  function replayMs(records: number): number {
    const parts: string[] = [];
    for (let rv = 1; rv <= records; rv++) parts.push(encodeRecord({ rv, op: 'put', k: `/pods/default/p${rv % 2000}`, o: obj(`p${rv % 2000}`, { spec: { rv } }) }));
    const log = parts.join('');
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const dir = tmp();
      fs.writeFileSync(path.join(dir, 'wal.log'), log);
      const t0 = performance.now();
      const s = Store.open(dir);
      best = Math.min(best, performance.now() - t0);
      expect(s.count('/pods/')).toBe(Math.min(records, 2000));
      expect(s.resourceVersion).toBe(records);
    }
    return best;
  }

  it('replays 10 times the records in well under 30 times the time', () => {
    const small = replayMs(4_000);
    const large = replayMs(40_000);
    expect(large / small).toBeLessThan(30);
  });
});
