// The kubelet's AtomicWriter (pkg/volume/util/atomic_writer.go): a volume's files are written
// into a fresh timestamped directory, `..data` is swapped to it by one rename, and each top-level
// name is a symlink through `..data`, so a reader in the container sees either the old or the new
// set of files, never a mix. A payload equal to what is there is not rewritten.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';

export interface FileProjection {
  data: Buffer;
  /** Permission bits (e.g. 0o644). */
  mode: number;
}

export type Payload = Map<string, FileProjection>;

const DATA_DIR = '..data';
const DATA_TMP = '..data_tmp';

/** validatePayload: relative, no `..` element, not starting with `..`, nothing empty. */
export function validatePayloadPath(p: string): string | null {
  if (!p) return 'invalid path: must not be empty';
  if (path.isAbsolute(p)) return `invalid path: must be relative path: ${p}`;
  if (p.length > 4096) return `invalid path: must be less than or equal to 4096 characters`;
  const parts = p.split('/');
  if (parts.some((x) => x.length > 255)) return `invalid path: path elements must be less than or equal to 255 characters`;
  if (parts.includes('..')) return `invalid path: must not contain '..': ${p}`;
  if (p.startsWith('..')) return `invalid path: must not start with '..': ${p}`;
  return null;
}

/** `..2006_01_02_15_04_05.<random>` in UTC, as os.MkdirTemp names the kubelet's payload directories. */
export function timestampedDirName(now: number): string {
  const d = new Date(now);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `..${d.getUTCFullYear()}_${p2(d.getUTCMonth() + 1)}_${p2(d.getUTCDate())}_${p2(d.getUTCHours())}_${p2(d.getUTCMinutes())}_${p2(d.getUTCSeconds())}.${randomInt(1e9, 1e10 - 1)}`;
}

function readCurrent(dir: string): { tsDir?: string } {
  try {
    return { tsDir: fs.readlinkSync(path.join(dir, DATA_DIR)) };
  } catch {
    return {};
  }
}

/** True when the files under `..data` are exactly the payload (contents and modes). */
function samePayload(dir: string, tsDir: string, payload: Payload): boolean {
  const base = path.join(dir, tsDir);
  const existing = listFiles(base);
  if (existing.length !== payload.size) return false;
  for (const rel of existing) {
    const want = payload.get(rel);
    if (!want) return false;
    const file = path.join(base, rel);
    const st = fs.statSync(file);
    if ((st.mode & 0o7777) !== want.mode) return false;
    if (!fs.readFileSync(file).equals(want.data)) return false;
  }
  return true;
}

function listFiles(base: string, prefix = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(base, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(base, rel));
    else out.push(rel);
  }
  return out;
}

function topLevel(p: string): string {
  return p.split('/')[0]!;
}

/**
 * Writes `payload` into `dir` with the atomic-writer layout. Returns false when nothing changed.
 * Throws on an invalid path (before touching the directory).
 */
export function writeAtomic(dir: string, payload: Payload, now = Date.now()): boolean {
  for (const p of payload.keys()) {
    const err = validatePayloadPath(p);
    if (err) throw new Error(err);
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const { tsDir: oldTs } = readCurrent(dir);
  const wanted = new Set([...payload.keys()].map(topLevel));
  const visible = fs.readdirSync(dir).filter((n) => !n.startsWith('..'));
  const toRemove = visible.filter((n) => !wanted.has(n));
  if (oldTs && !toRemove.length && samePayload(dir, oldTs, payload) && [...wanted].every((n) => visible.includes(n))) return false;

  // 1. The new payload in its own directory.
  const tsName = timestampedDirName(now);
  const tsPath = path.join(dir, tsName);
  fs.mkdirSync(tsPath, { mode: 0o755 });
  for (const [rel, f] of payload) {
    const file = path.join(tsPath, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, f.data, { mode: f.mode });
    fs.chmodSync(file, f.mode);
  }
  // 2. `..data` → the new directory, by one rename of a fresh symlink.
  const tmp = path.join(dir, DATA_TMP);
  fs.rmSync(tmp, { force: true });
  fs.symlinkSync(tsName, tmp);
  fs.renameSync(tmp, path.join(dir, DATA_DIR));
  // 3. The names users see, each through `..data`.
  for (const name of wanted) {
    const link = path.join(dir, name);
    let ok = false;
    try {
      ok = fs.readlinkSync(link) === path.join(DATA_DIR, name);
    } catch {
      /* missing */
    }
    if (!ok) {
      fs.rmSync(link, { force: true, recursive: true });
      fs.symlinkSync(path.join(DATA_DIR, name), link);
    }
  }
  // 4. What the payload no longer has, and the old directory.
  for (const name of toRemove) fs.rmSync(path.join(dir, name), { force: true, recursive: true });
  if (oldTs && oldTs !== tsName) fs.rmSync(path.join(dir, oldTs), { force: true, recursive: true });
  return true;
}
