import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../src/store/store.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-store-'));
const obj = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name, namespace: 'default' }, ...extra });

describe('Store', () => {
  it('assigns increasing resourceVersions and returns copies', () => {
    const s = Store.memory();
    const a = s.put('/pods/default/a', obj('a'));
    const b = s.put('/pods/default/b', obj('b'));
    expect(Number(b.metadata.resourceVersion)).toBe(Number(a.metadata.resourceVersion) + 1);
    const got = s.get('/pods/default/a')!;
    got.metadata.name = 'changed';
    expect(s.get('/pods/default/a')!.metadata.name).toBe('a');
  });

  it('lists by prefix and counts', () => {
    const s = Store.memory();
    s.put('/pods/default/a', obj('a'));
    s.put('/pods/other/b', obj('b'));
    expect(s.list('/pods/default/').map((o) => o.metadata.name)).toEqual(['a']);
    expect(s.count('/pods/')).toBe(2);
  });

  it('survives a reopen: acknowledged writes are on disk', async () => {
    const dir = tmp();
    const s = Store.open(dir);
    s.put('/pods/default/a', obj('a', { spec: { x: 1 } }));
    s.put('/pods/default/b', obj('b'));
    s.delete('/pods/default/b');
    await s.durable(); // the acknowledgement: the API server answers after it
    // No close(): as after kill -9.
    const s2 = Store.open(dir);
    expect(s2.get('/pods/default/a')!.spec).toEqual({ x: 1 });
    expect(s2.get('/pods/default/b')).toBeUndefined();
    expect(s2.resourceVersion).toBe(3);
  });

  it('ignores a torn last line left by a crash mid-write', async () => {
    const dir = tmp();
    const s = Store.open(dir);
    s.put('/pods/default/a', obj('a'));
    s.put('/pods/default/b', obj('b'));
    await s.durable();
    fs.appendFileSync(path.join(dir, 'wal.log'), '{"rv":99,"op":"put","k":"/pods/default/c","o":{"meta');
    const s2 = Store.open(dir);
    expect(s2.list('/pods/').map((o) => o.metadata.name)).toEqual(['a', 'b']);
    // And the store is writable again after the repair.
    s2.put('/pods/default/c', obj('c'));
    await s2.durable();
    expect(Store.open(dir).list('/pods/').length).toBe(3);
  });

  it('replays watch history from a resourceVersion and reports 410 for too old ones', () => {
    const s = Store.memory();
    s.put('/pods/default/a', obj('a'));
    const rv = s.resourceVersion;
    s.put('/pods/default/a', obj('a', { spec: 1 }));
    s.delete('/pods/default/a');
    const seen: string[] = [];
    const stop = s.watch('/pods/', rv, (e) => seen.push(e.type));
    s.put('/pods/default/z', obj('z'));
    stop();
    s.put('/pods/default/y', obj('y'));
    expect(seen).toEqual(['MODIFIED', 'DELETED', 'ADDED']);
  });

  it('writes 1000 durable objects quickly and reopens them fast', async () => {
    const dir = tmp();
    const s = Store.open(dir);
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) s.put(`/pods/default/p${i}`, obj(`p${i}`, { spec: { containers: [{ name: 'c', image: 'busybox' }] } }));
    await s.durable();
    const writeMs = performance.now() - t0;
    const t1 = performance.now();
    const s2 = Store.open(dir);
    const openMs = performance.now() - t1;
    expect(s2.count('/pods/')).toBe(1000);
    // Reported, not asserted tightly: timing belongs to `npm run bench`.
    expect(writeMs).toBeGreaterThan(0);
    expect(openMs).toBeGreaterThan(0);
  });
});
