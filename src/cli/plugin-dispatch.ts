// Which command lines run a plugin instead of a verb (kubectl's NewDefaultKubectlCommandWithArgs):
// a first word that is no verb, or `create <something create does not have>`; and running it, as
// kubectl's exec does: same arguments after its name, same environment, its exit status.
import { spawn } from 'node:child_process';
import { GLOBAL_FLAGS } from './global-flags.js';
import { builtinCommandPath, findPlugin, listPlugins, pathDirs, pluginWords, realFs, type PluginFs, type PluginMatch } from './plugins.js';
import { VERBS } from './verbs.js';

/** Global flags that take a value (`-n x`): their value is no command word. */
const VALUED = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]));

/** The plugin a command line (everything after `kbx`) names, an error in kubectl's words, or undefined: no plugin. */
export function pluginFor(argv: string[], dirs: string[], pfs: PluginFs): PluginMatch {
  // The positional words as cobra's Find sees them: global flags and their values left out.
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (VALUED.has(a)) i++;
      continue;
    }
    words.push(a);
  }
  if (!words.length) return undefined;
  const verb = VERBS.find((v) => v.name === words[0] || v.aliases?.includes(words[0]!));
  if (!verb) {
    const first = argv.find((a) => !a.startsWith('-'));
    if (first === 'help' || first === '__complete' || first === '__completeNoDesc') return undefined;
    return findPlugin(argv, 1, dirs, pfs);
  }
  // Only `create` may be extended: `kbx create foo` runs kbx-create-foo when create has no `foo`.
  if (verb.name !== 'create') return undefined;
  const at = argv.indexOf(words[0]!);
  const rest = argv.slice(at + 1);
  if (!rest.length || rest[0]!.startsWith('-') || (verb.subcommands ?? []).some((s) => s.name === rest[0] || s.aliases?.includes(rest[0]!))) return undefined;
  return findPlugin(argv, at + 2, dirs, pfs);
}

/** The plugin names `kbx --help` lists ("Subcommands provided by plugins"): each first word once, built-in verbs left out. */
export function pluginCommandNames(dirs = pathDirs(process.env.PATH), pfs: PluginFs = realFs): string[] {
  const names: string[] = [];
  for (const p of listPlugins(dirs, pfs).plugins) {
    const w = pluginWords(p)[0];
    if (w && !builtinCommandPath(VERBS, [w]) && !names.includes(w)) names.push(w);
  }
  return names;
}

/** Runs the plugin with the terminal, relays the signals a user sends kbx, and ends kbx with its status. */
export function execPlugin(file: string, args: string[]): Promise<never> {
  return new Promise(() => {
    const child = spawn(file, args, { stdio: 'inherit', env: process.env });
    // Ctrl-C reaches the plugin from the terminal itself; kbx waits for it to end.
    const relay = (sig: NodeJS.Signals) => () => {
      if (sig !== 'SIGINT') child.kill(sig);
    };
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, relay(s));
    child.on('error', (e) => {
      process.stderr.write(`Error: fork/exec ${file}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : e.message}\n`);
      process.exit(1);
    });
    child.on('exit', (code, signal) => {
      const signum = signal ? ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGPIPE: 13, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1 : 0;
      process.exit(signal ? 128 + signum : (code ?? 1));
    });
  });
}
