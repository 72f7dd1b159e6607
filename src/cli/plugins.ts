// kubectl's plugin rules (kubectl/pkg/cmd/plugin.go, cmd.go, plugin/plugin.go), for `kbx-*` and
// `kubectl-*` executables on PATH: which executable a command line names, what it receives, and
// what `kbx plugin list` shows. The lookups take the file system as a parameter (pure, table-tested).
import fs from 'node:fs';
import path from 'node:path';
import type { CommandSpec } from './verb-spec.js';

/** The file-name prefixes of a plugin, in lookup order: kbx's own first, then kubectl's (so kubectl plugins run too). */
export const PLUGIN_PREFIXES = ['kbx', 'kubectl'];

/** What the lookups ask of the file system. */
export interface PluginFs {
  /** The entries of a directory (undefined: unreadable). */
  list(dir: string): { name: string; dir: boolean }[] | undefined;
  /** undefined: missing; else whether it is an executable regular file. */
  executable(file: string): boolean | undefined;
}

export const realFs: PluginFs = {
  list(dir) {
    try {
      return fs.readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
    } catch {
      return undefined;
    }
  },
  executable(file) {
    try {
      const st = fs.statSync(file);
      return !st.isDirectory() && (st.mode & 0o111) !== 0;
    } catch {
      return undefined;
    }
  },
};

/** PATH's directories, each once, in order (kubectl's uniquePathsList), empty ones dropped. */
export function pathDirs(pathEnv: string | undefined): string[] {
  const seen = new Set<string>();
  return (pathEnv ?? '').split(path.delimiter).filter((d) => d.trim() !== '' && !seen.has(d) && !!seen.add(d));
}

/** exec.LookPath of `prefix-name` over PATH: the first executable file of that name, prefixes in order. */
export function lookupPlugin(name: string, dirs: string[], pfs: PluginFs): string | undefined {
  for (const prefix of PLUGIN_PREFIXES) {
    for (const dir of dirs) {
      const file = path.join(dir, `${prefix}-${name}`);
      if (pfs.executable(file)) return file;
    }
  }
  return undefined;
}

export type PluginMatch = { path: string; args: string[] } | { error: string } | undefined;

/**
 * HandlePluginCommand: the words before the first flag, `-` in them read as `_`, joined by `-`,
 * longest first and no shorter than `minArgs` words; the plugin receives the words after its name.
 */
export function findPlugin(cmdArgs: string[], minArgs: number, dirs: string[], pfs: PluginFs): PluginMatch {
  const words: string[] = [];
  for (const a of cmdArgs) {
    if (a.startsWith('-')) break;
    words.push(a.replaceAll('-', '_'));
  }
  if (!words.length) return { error: `flags cannot be placed before plugin name: ${cmdArgs[0]}` };
  while (words.length >= minArgs && words.length > 0) {
    const found = lookupPlugin(words.join('-'), dirs, pfs);
    if (found) return { path: found, args: cmdArgs.slice(words.length) };
    words.pop();
  }
  return undefined;
}

/** Every file on PATH whose name starts with a plugin prefix (kubectl's ListPlugins), with the unreadable directories. */
export function listPlugins(dirs: string[], pfs: PluginFs): { plugins: string[]; unreadable: string[] } {
  const plugins: string[] = [];
  const unreadable: string[] = [];
  for (const dir of dirs) {
    const entries = pfs.list(dir);
    if (!entries) {
      unreadable.push(dir);
      continue;
    }
    for (const e of entries) {
      if (!e.dir && PLUGIN_PREFIXES.some((p) => e.name.startsWith(`${p}-`))) plugins.push(path.join(dir, e.name));
    }
  }
  return { plugins, unreadable };
}

/** A plugin file's command words: `kbx-foo_bar-baz` → ['foo-bar', 'baz']. */
export function pluginWords(file: string): string[] {
  return path.basename(file).split('-').slice(1).map((w) => w.replaceAll('_', '-'));
}

/**
 * CommandOverrideVerifier: the warnings `plugin list` prints under a plugin — not executable,
 * overshadowed by an earlier one of the same name, or overwriting a built-in command.
 */
export function verifyPlugin(file: string, seen: Map<string, string>, pfs: PluginFs, isCommand: (words: string[]) => string | undefined): string[] {
  const out: string[] = [];
  const base = path.basename(file);
  const exec = pfs.executable(file);
  if (exec === false) out.push(`warning: ${file} identified as a kubectl plugin, but it is not executable`);
  else if (exec === undefined) out.push(`error: unable to identify ${file} as an executable file: stat ${file}: no such file or directory`);
  const key = base.replace(/^[^-]*-/, '');
  const earlier = seen.get(key);
  if (earlier) out.push(`warning: ${file} is overshadowed by a similarly named plugin: ${earlier}`);
  else seen.set(key, file);
  const cmd = isCommand(base.split('-').slice(1));
  if (cmd) out.push(`warning: ${base} overwrites existing command: "${cmd}"`);
  return out;
}

/** The command path a plugin's words would overwrite (`kbx get`), as cobra's Find resolves them; undefined when the first is no verb. */
export function builtinCommandPath(verbs: readonly CommandSpec[], words: string[]): string | undefined {
  let list = verbs;
  const found: string[] = [];
  for (const w of words) {
    const c = list.find((s) => s.name === w || s.aliases?.includes(w));
    if (!c) break;
    found.push(c.name);
    list = c.subcommands ?? [];
  }
  return found.length ? `kbx ${found.join(' ')}` : undefined;
}
