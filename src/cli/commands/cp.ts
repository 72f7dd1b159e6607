// kbx cp SRC DEST, one of them [NAMESPACE/]POD:PATH: kubectl's cp — `tar cf - PATH` run in the container
// and unpacked here, or a tar of the local file or directory fed to `tar -xmf - -C DIR` there (after
// `test -d DEST` decides whether DEST is a directory to copy into).
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { defaultContainer, PODS } from '../pods.js';
import { streamSession } from '../stream-session.js';
import { packTar, unpackTar, type TarEntry } from '../tar.js';
import type { Pod } from '../../api/types.js';

interface CpOptions {
  namespace?: string;
  container?: string;
  noPreserve?: boolean;
}

export interface FileSpec {
  pod?: string;
  namespace?: string;
  file: string;
}

/** kubectl's extractFileSpec: `[ns/]pod:path` is remote, anything else local. */
export function fileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i < 0) return { file: arg };
  const podPart = arg.slice(0, i);
  const file = arg.slice(i + 1);
  const slash = podPart.indexOf('/');
  if (slash < 0) return { pod: podPart, file };
  if (podPart.indexOf('/', slash + 1) >= 0) throw new CliError(`unexpected fileSpec format: ${arg}`);
  return { namespace: podPart.slice(0, slash), pod: podPart.slice(slash + 1), file };
}

/** The local file or directory as tar entries named under `base` (what lands in the destination directory). */
export function localEntries(src: string, base: string): TarEntry[] {
  const out: TarEntry[] = [];
  const walk = (p: string, name: string) => {
    const st = fs.lstatSync(p);
    if (st.isDirectory()) {
      out.push({ name, type: 'dir', mode: st.mode, mtime: st.mtimeMs / 1000, data: Buffer.alloc(0) });
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e), `${name}/${e}`);
    } else if (st.isSymbolicLink()) {
      out.push({ name, type: 'symlink', mode: st.mode, mtime: st.mtimeMs / 1000, data: Buffer.alloc(0), linkname: fs.readlinkSync(p) });
    } else if (st.isFile()) {
      out.push({ name, type: 'file', mode: st.mode, mtime: st.mtimeMs / 1000, data: fs.readFileSync(p) });
    }
  };
  walk(src, base);
  return out;
}

/**
 * Where each entry of `tar cf - SRC` goes under DEST (kubectl's untarAll): names lose SRC's prefix (tar
 * drops the leading `/`); entries outside it, or that would land outside DEST, are skipped.
 */
export function untarTargets(entries: TarEntry[], src: string, dest: string): { entry: TarEntry; target: string }[] {
  const prefix = path.posix.normalize(src.replace(/^\/+/, '')).replace(/\/$/, '');
  const out: { entry: TarEntry; target: string }[] = [];
  for (const entry of entries) {
    if (!entry.name.startsWith(prefix)) continue;
    const rest = entry.name.slice(prefix.length);
    const target = path.join(dest, rest);
    const rel = path.relative(dest, target);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    out.push({ entry, target });
  }
  return out;
}

export async function run(ctx: Ctx, args: string[], o: CpOptions): Promise<void> {
  if (args.length !== 2) throw new CliError("source and destination are required\nSee 'kbx cp -h' for help and examples", 1, true);
  const src = fileSpec(args[0]!);
  const dest = fileSpec(args[1]!);
  if (src.pod && dest.pod) throw new CliError('one of src or dest must be a local file specification');
  if (!src.pod && !dest.pod) throw new CliError('one of src or dest must be a remote file specification');
  if (!src.file && src.pod) throw new CliError('remote path can not be empty');
  if (dest.pod) return copyToPod(ctx, src.file, dest, o);
  return copyFromPod(ctx, src, dest.file, o);
}

async function target(ctx: Ctx, spec: FileSpec, o: CpOptions) {
  const client = await ctx.client();
  const namespace = spec.namespace ?? (await ctx.namespace(o));
  const pod = await client.get<Pod>(PODS, namespace, spec.pod!);
  const container = defaultContainer(ctx, pod, o.container);
  return { client, namespace, pod: spec.pod!, container };
}

async function copyToPod(ctx: Ctx, local: string, dest: FileSpec, o: CpOptions): Promise<void> {
  if (!fs.existsSync(local)) throw new CliError(`${local} doesn't exist in local filesystem`);
  const t = await target(ctx, dest, o);
  let destFile = dest.file || '.';
  if (destFile.endsWith('/')) destFile = path.posix.join(destFile, path.basename(local));
  else {
    // A destination that is a directory in the container receives the source inside it.
    const isDir = await streamSession(ctx, t.client, { subresource: 'exec', namespace: t.namespace, pod: t.pod, container: t.container, command: ['test', '-d', destFile], stdin: false, tty: false, output: () => {}, quiet: true }).catch(() => 1);
    if (isDir === 0) destFile = path.posix.join(destFile, path.basename(local));
  }
  const archive = packTar(localEntries(local, path.posix.basename(destFile)));
  const dir = path.posix.dirname(destFile);
  const command = o.noPreserve ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-'] : ['tar', '-xmf', '-'];
  if (dir) command.push('-C', dir);
  ctx.exitCode = await streamSession(ctx, t.client, { subresource: 'exec', namespace: t.namespace, pod: t.pod, container: t.container, command, stdin: true, tty: false, input: archive });
}

async function copyFromPod(ctx: Ctx, src: FileSpec, local: string, o: CpOptions): Promise<void> {
  const t = await target(ctx, src, o);
  const chunks: Buffer[] = [];
  await streamSession(ctx, t.client, { subresource: 'exec', namespace: t.namespace, pod: t.pod, container: t.container, command: ['tar', 'cf', '-', src.file], stdin: false, tty: false, output: (b) => chunks.push(b), quiet: true });
  // As kubectl: tar's own complaints (a missing file) were shown; what arrived is unpacked.
  for (const { entry, target: to } of untarTargets(unpackTar(Buffer.concat(chunks)), src.file, local)) {
    if (entry.type === 'dir') fs.mkdirSync(to, { recursive: true });
    else if (entry.type === 'file') {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.writeFileSync(to, entry.data, { mode: o.noPreserve ? undefined : entry.mode & 0o777 });
    } else if (entry.type === 'symlink') ctx.err(`warning: skipping symlink: "${to}" -> "${entry.linkname}"`);
  }
}
