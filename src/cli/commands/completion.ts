// kbx completion bash|zsh: the shell code that completes kbx's verbs, flags, resource types and names
// (by asking `kbx __complete`, see ../completion.ts); and `kbx __complete WORDS…` itself.
import type { Ctx } from '../context.js';
import type { VerbSpec } from '../verb-spec.js';
import { CliError } from '../errors.js';
import { bashScript, complete, zshScript, type Lookup } from '../completion.js';

export async function run(ctx: Ctx, args: string[]): Promise<void> {
  if (!args.length) throw new CliError("Shell not specified.\nSee 'kbx completion -h' for help and examples");
  if (args.length > 1) throw new CliError("Too many arguments. Expected only the shell type.\nSee 'kbx completion -h' for help and examples");
  const shell = args[0]!;
  if (shell === 'bash') ctx.stdout.write(bashScript());
  else if (shell === 'zsh') ctx.stdout.write(zshScript());
  else throw new CliError(`Unsupported shell type "${shell}".\nSee 'kbx completion -h' for help and examples`);
}

/** `kbx __complete WORDS… PARTIAL`: one candidate a line (`name\tdescription`), then `:DIRECTIVE`. */
export async function runComplete(ctx: Ctx, words: string[]): Promise<void> {
  const VERBS = ctx.verbs as readonly VerbSpec[];
  const { RESOURCES, resolveResource } = await import('../../api/registry.js');
  const nsOf = (words: string[]) => {
    const i = words.findIndex((w) => w === '-n' || w === '--namespace');
    return i >= 0 ? words[i + 1] : words.find((w) => w.startsWith('--namespace='))?.slice(12);
  };
  ctx.connection = { context: words.find((w) => w.startsWith('--context='))?.slice(10) };
  const lookup: Lookup = {
    resourceTypes: () => RESOURCES.map((r) => r.plural).sort(),
    names: async (type, namespace) => {
      const info = resolveResource(type);
      if (!info) return [];
      try {
        const client = await ctx.client();
        const ns = info.namespaced ? (namespace ?? nsOf(words) ?? (await ctx.namespace({}))) : undefined;
        return (await client.list(info, ns)).items.map((o) => o.metadata.name ?? '');
      } catch {
        return [];
      }
    },
    containers: async (pod, namespace) => {
      try {
        const client = await ctx.client();
        const podInfo = resolveResource('pods')!;
        const p = await client.get(podInfo, namespace ?? nsOf(words) ?? (await ctx.namespace({})), pod);
        return [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].map((c: { name: string }) => c.name);
      } catch {
        return [];
      }
    },
    contexts: async () => {
      try {
        const { files } = await import('./config.js');
        const { loadKubeconfig } = await import('../../client/kubeconfig.js');
        const f = files({ kubeconfig: words.find((w) => w.startsWith('--kubeconfig='))?.slice(13) });
        return (loadKubeconfig(f.files, f.explicit).config.contexts ?? []).map((c) => c.name);
      } catch {
        return [];
      }
    },
  };
  const r = await complete(words, VERBS, lookup);
  ctx.stdout.write(r.candidates.map((c) => c + '\n').join('') + `:${r.directive}\n`);
}

