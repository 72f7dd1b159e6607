// Help texts printed from the verb table (verbs.ts), laid out as kubectl's templates lay them out:
// the description, Aliases, Examples, Available Commands, Options, Usage, and the closing lines.
import { shownDefault, type FlagSpec } from './flags.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import { compareGoStrings } from '../compat/go-format.js';
import { HELP_GROUPS, type CommandSpec, type VerbSpec } from './verb-spec.js';

const OPTIONS_LINE = 'Use "kbx options" for a list of global command-line options (applies to all commands).';

/** kubectl pads command names to the longest one (at least 11 characters), plus three spaces. */
function commandList(cmds: readonly { name: string; short: string }[], all = cmds): string {
  const width = Math.max(11, ...all.map((c) => c.name.length)) + 3;
  return cmds.map((c) => `  ${c.name.padEnd(width)}${c.short}`).join('\n');
}

/** `    -f, --filename=[]:\n\tThe files…` for each listed flag, sorted by name as pflag sorts them. */
export function flagList(flags: readonly FlagSpec[]): string {
  return [...flags]
    .filter((f) => !f.hidden)
    .sort((a, b) => compareGoStrings(a.long, b.long))
    .map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.long}=${shownDefault(f)}:\n\t${f.help}\n`)
    .join('\n');
}

/** `kubectl --help`'s order of the verbs within their sections (kbx-only ones after them). */
const KUBECTL_ORDER = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec',
  'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize',
  'label', 'annotate', 'completion', 'alpha', 'api-resources', 'api-versions', 'config', 'plugin', 'version',
];
const rank = (name: string) => (KUBECTL_ORDER.includes(name) ? KUBECTL_ORDER.indexOf(name) : KUBECTL_ORDER.length);

/** The root help; `plugins` are the commands plugins on PATH add (kubectl's "Subcommands provided by plugins"). */
export function rootHelp(verbs: readonly VerbSpec[], plugins: readonly string[] = []): string {
  const listed = verbs.filter((v) => v.group);
  const sections = HELP_GROUPS.map((g) => {
    const members = listed.filter((v) => v.group === g).sort((a, b) => rank(a.name) - rank(b.name));
    // kubectl's plugin group comes before "Other Commands", listed even when empty; its names pad to 11.
    const pluginGroup = g === 'Other Commands'
      ? `Subcommands provided by plugins:\n${plugins.map((p) => `${commandList([{ name: p, short: `The command ${p} is a plugin installed by the user` }])}\n`).join('')}\n`
      : '';
    return pluginGroup + (members.length ? `${g}:\n${commandList(members, listed)}\n` : '');
  }).filter(Boolean);
  return `kbx controls Kubernetes workloads on this machine's Docker engine, the kubectl way.

 kbx runs a small local control plane (API server, store, controllers, kubelet) beside Docker.
 Manifests are plain Kubernetes YAML; commands, flags and output follow kubectl.

${sections.join('\n')}
Usage:
  kbx [flags] [options]

Use "kbx <command> --help" for more information about a given command.
${OPTIONS_LINE}
`;
}

/** The help of a command; `path` is its full name (`create service clusterip`). */
export function commandHelp(spec: CommandSpec, path: string): string {
  const parts: string[] = [];
  if (spec.long) parts.push(`${spec.long}\n`);
  if (spec.aliases?.length) parts.push(`Aliases:\n${[spec.name, ...spec.aliases].join(', ')}\n`);
  if (spec.examples) parts.push(`Examples:\n${spec.examples}\n`);
  if (spec.subcommands?.length) parts.push(`Available Commands:\n${commandList(spec.subcommands)}\n`);
  const flags = flagList(spec.flags);
  if (flags) parts.push(`Options:\n${flags}`);
  parts.push(`Usage:\n  ${spec.usage}\n`);
  const closing = spec.subcommands?.length ? `Use "kbx ${path} <command> --help" for more information about a given command.\n` : '';
  return `${parts.join('\n')}\n${closing}${OPTIONS_LINE}\n`;
}

/** `kbx options`: the global flags. */
export function optionsHelp(): string {
  return `The following options can be passed to any command:\n\n${flagList(GLOBAL_FLAGS)}\n`;
}

