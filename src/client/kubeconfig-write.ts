// Changing kubeconfig files as kubectl does: read the whole file, change entries, write it back atomically
// (a temp file in the same directory, renamed over it) with the file's mode kept (0600 for a new file, its
// directory made 0700). Used by `kbx config use-context|set-context` and for the user's kubeconfig, where the
// default cluster writes its context `kbx` at start and removes it at `kbx cluster reset`.
import fs from 'node:fs';
import path from 'node:path';
import { emitYaml } from '../compat/yaml-emit.js';
import { readKubeconfigFile, type Kubeconfig, type KubeCluster, type KubeUser, type KubeContext } from './kubeconfig.js';

/** Writes `config` to `file` atomically, keeping the mode and owner of the file it replaces. */
export function writeKubeconfigFile(file: string, config: Kubeconfig): void {
  let target = file;
  try {
    target = fs.realpathSync(file); // a symlinked config is written where it lives
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  }
  let mode = 0o600;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = fs.statSync(target);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
  } catch {
    /* a new file */
  }
  // kubectl keeps entries in maps: it writes them sorted by name.
  const byName = <T extends { name: string }>(l: T[] | null | undefined): T[] => [...(l ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ordered: Kubeconfig = {
    apiVersion: config.apiVersion ?? 'v1',
    kind: config.kind ?? 'Config',
    ...config,
    clusters: byName(config.clusters),
    contexts: byName(config.contexts),
    'current-context': config['current-context'] ?? '',
    users: byName(config.users),
  };
  if (!ordered.preferences || !Object.keys(ordered.preferences).length) delete ordered.preferences;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w', mode);
  try {
    fs.writeSync(fd, emitYaml(ordered));
    fs.fchmodSync(fd, mode);
    if (owner && process.getuid?.() === 0) fs.fchownSync(fd, owner.uid, owner.gid);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, target);
}

function upsert<T>(list: { name: string }[] | null | undefined, name: string, key: string, value: T): { name: string }[] {
  const out = [...(list ?? [])];
  const i = out.findIndex((e) => e.name === name);
  const entry = { name, [key]: value } as { name: string };
  if (i >= 0) out[i] = entry;
  else out.push(entry);
  return out;
}

export interface KubeconfigEntry {
  name: string;
  cluster: KubeCluster;
  user: KubeUser;
  context: KubeContext;
}

/**
 * Adds (or refreshes) cluster, user and context `name` in `file`, keeping every other entry. The context becomes
 * current when it is new or nothing is current. Returns whether it was new.
 */
export function mergeEntry(file: string, e: KubeconfigEntry): boolean {
  const config = readKubeconfigFile(file) ?? {};
  const isNew = !(config.contexts ?? []).some((c) => c.name === e.name);
  config.clusters = upsert(config.clusters, e.name, 'cluster', e.cluster) as Kubeconfig['clusters'];
  config.users = upsert(config.users, e.name, 'user', e.user) as Kubeconfig['users'];
  config.contexts = upsert(config.contexts, e.name, 'context', e.context) as Kubeconfig['contexts'];
  if (isNew || !config['current-context']) config['current-context'] = e.name;
  writeKubeconfigFile(file, config);
  return isNew;
}

/** Removes cluster, user and context `name` from `file` (current-context too, when it was that). */
export function removeEntry(file: string, name: string): boolean {
  const config = readKubeconfigFile(file);
  if (!config) return false;
  const before = JSON.stringify(config);
  config.clusters = (config.clusters ?? []).filter((c) => c.name !== name);
  config.users = (config.users ?? []).filter((c) => c.name !== name);
  config.contexts = (config.contexts ?? []).filter((c) => c.name !== name);
  if (config['current-context'] === name) config['current-context'] = '';
  if (JSON.stringify(config) === before) return false;
  writeKubeconfigFile(file, config);
  return true;
}
