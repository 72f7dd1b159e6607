// Shell completion's answers (what `kbx __complete WORDS… PARTIAL` prints, as cobra's __complete does):
// verbs, subcommands, flags, flag values, resource types and — asked of the API through `Lookup` —
// resource names, namespaces, containers and contexts. Pure but for the lookups.
import type { FlagSpec } from './flags.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import type { CommandSpec, VerbSpec } from './verb-spec.js';

/** cobra's ShellCompDirective values the scripts understand. */
export const DEFAULT = 0;
export const NO_FILE_COMP = 4;

export interface Lookup {
  resourceTypes(): string[];
  names(type: string, namespace: string | undefined): Promise<string[]>;
  containers(pod: string, namespace: string | undefined): Promise<string[]>;
  contexts(): Promise<string[]>;
}

export interface Completion {
  candidates: string[];
  directive: number;
}

/** Verbs whose first positional argument is a resource type (then names of it, or TYPE/NAME). */
const TYPED = new Set(['get', 'describe', 'delete', 'edit', 'patch', 'label', 'annotate', 'scale', 'wait', 'expose', 'explain', 'set', 'rollout', 'autoscale', 'taint']);
/** Verbs whose first positional argument is a pod. */
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp', 'debug']);
const OUTPUTS = ['json', 'yaml', 'name', 'wide', 'jsonpath=', 'custom-columns=', 'go-template='];

function flagsOf(spec: CommandSpec): FlagSpec[] {
  return [...spec.flags, ...GLOBAL_FLAGS].filter((f) => !f.hidden);
}

function findFlag(spec: CommandSpec, word: string): FlagSpec | undefined {
  const m = /^(--?)([^=]+)$/.exec(word);
  if (!m) return undefined;
  return flagsOf(spec).find((f) => (m[1] === '--' ? f.long === m[2] : f.short === m[2]));
}

const prefixed = (list: string[], partial: string) => list.filter((c) => c.startsWith(partial));

export async function complete(words: string[], verbs: readonly VerbSpec[], lookup: Lookup): Promise<Completion> {
  const partial = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  // Walk the words: the verb, its subcommands, flags (with their values) and positional arguments.
  let verb: VerbSpec | undefined;
  let spec: CommandSpec | undefined;
  let namespace: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const w = before[i]!;
    if (w.startsWith('-')) {
      const f = spec ? findFlag(spec, w.split('=')[0]!) : GLOBAL_FLAGS.find((g) => `--${g.long}` === w || `-${g.short}` === w);
      if (f && f.type !== 'bool' && !w.includes('=')) {
        const value = before[++i];
        if (f.long === 'namespace') namespace = value;
      } else if (f?.long === 'namespace') namespace = w.split('=')[1];
      continue;
    }
    if (!verb) {
      verb = verbs.find((v) => v.name === w || v.aliases?.includes(w));
      spec = verb;
      if (!verb) return { candidates: [], directive: NO_FILE_COMP };
      continue;
    }
    const sub = !positional.length ? spec!.subcommands?.find((s) => s.name === w || s.aliases?.includes(w)) : undefined;
    if (sub) spec = sub;
    else positional.push(w);
  }
  // A flag's value.
  const last = before[before.length - 1];
  const valueOf = last?.startsWith('-') && !last.includes('=') ? (spec ? findFlag(spec, last) : GLOBAL_FLAGS.find((g) => `--${g.long}` === last || `-${g.short}` === last)) : undefined;
  if (valueOf && valueOf.type !== 'bool') {
    switch (valueOf.long) {
      case 'namespace':
        return { candidates: prefixed(await lookup.names('namespaces', undefined), partial), directive: NO_FILE_COMP };
      case 'context':
        return { candidates: prefixed(await lookup.contexts(), partial), directive: NO_FILE_COMP };
      case 'output':
        return { candidates: prefixed(OUTPUTS, partial), directive: NO_FILE_COMP };
      case 'container': {
        const pod = positional[0];
        return { candidates: pod ? prefixed(await lookup.containers(pod.replace(/^(pods?|po)\//, ''), namespace), partial) : [], directive: NO_FILE_COMP };
      }
      default:
        return { candidates: [], directive: DEFAULT };
    }
  }
  if (partial.startsWith('-')) {
    const all = spec ? flagsOf(spec).flatMap((f) => [`--${f.long}`]) : GLOBAL_FLAGS.map((f) => `--${f.long}`);
    return { candidates: prefixed(all, partial), directive: NO_FILE_COMP };
  }
  if (!verb) return { candidates: verbs.filter((v) => v.group && v.name.startsWith(partial)).map((v) => `${v.name}\t${v.short}`), directive: NO_FILE_COMP };
  if (spec!.subcommands?.length && !positional.length && spec === verb) {
    return { candidates: spec!.subcommands.filter((s) => s.name.startsWith(partial)).map((s) => `${s.name}\t${s.short}`), directive: NO_FILE_COMP };
  }
  if (verb.name === 'config' && spec!.name === 'use-context') return { candidates: prefixed(await lookup.contexts(), partial), directive: NO_FILE_COMP };
  if (verb.name === 'completion') return { candidates: prefixed(['bash', 'zsh'], partial), directive: NO_FILE_COMP };
  if (POD_VERBS.has(verb.name) && !positional.length) return { candidates: prefixed(await lookup.names('pods', namespace), partial), directive: NO_FILE_COMP };
  if (TYPED.has(verb.name)) {
    if (!positional.length) {
      const slash = partial.indexOf('/');
      if (slash < 0) return { candidates: prefixed(lookup.resourceTypes(), partial), directive: NO_FILE_COMP };
      const type = partial.slice(0, slash);
      return { candidates: prefixed((await lookup.names(type, namespace)).map((n) => `${type}/${n}`), partial), directive: NO_FILE_COMP };
    }
    if (!positional[0]!.includes('/')) return { candidates: prefixed(await lookup.names(positional[0]!.split(',')[0]!, namespace), partial), directive: NO_FILE_COMP };
  }
  return { candidates: [], directive: NO_FILE_COMP };
}

export function bashScript(): string {
  return `# bash completion for kbx (kbx completion bash)
# Load it in this shell with: source <(kbx completion bash)
_kbx() {
  local cur words cword out directive
  cur="\${COMP_WORDS[COMP_CWORD]}"
  out=$(kbx __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  directive=$(printf '%s\\n' "$out" | tail -n 1)
  directive=\${directive#:}
  out=$(printf '%s\\n' "$out" | sed '$d' | cut -f1)
  COMPREPLY=()
  if [ -n "$out" ]; then
    local IFS=$'\\n'
    COMPREPLY=($(compgen -W "$out" -- "$cur"))
  elif [ "$directive" != "4" ]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o default -F _kbx kbx
`;
}

export function zshScript(): string {
  return `#compdef kbx
# zsh completion for kbx (kbx completion zsh)
# Load it in this shell with: source <(kbx completion zsh)
_kbx() {
  local -a lines candidates
  local directive
  lines=("\${(@f)$(kbx __complete "\${words[@]:1:$((CURRENT-1))}" 2>/dev/null)}")
  directive=\${lines[-1]#:}
  lines=("\${(@)lines[1,-2]}")
  local l
  for l in $lines; do
    if [[ $l == *$'\\t'* ]]; then candidates+=("\${l%%$'\\t'*}:\${l#*$'\\t'}"); else candidates+=("$l"); fi
  done
  if (( \${#candidates} )); then
    _describe 'kbx' candidates
  elif [[ $directive != 4 ]]; then
    _files
  fi
}
if [ "$funcstack[1]" = "_kbx" ]; then _kbx "$@"; else compdef _kbx kbx; fi
`;
}
