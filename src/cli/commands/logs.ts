// kbx logs POD [-c C] [-f] [--tail N] [-p] [--timestamps] [--since D] [--all-containers] [--prefix]
import type { Pod } from '../../api/types.js';
import { resourcePath } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { parseDuration } from '../duration.js';
import { defaultContainer, PODS, resolvePod } from '../pods.js';

interface LogsOptions {
  namespace?: string;
  container?: string;
  follow?: boolean;
  tail?: string;
  previous?: boolean;
  timestamps?: boolean;
  since?: string;
  sinceTime?: string;
  allContainers?: boolean;
  prefix?: boolean;
  limitBytes?: string;
  selector?: string;
}

export async function run(ctx: Ctx, args: string[], o: LogsOptions): Promise<void> {
  if (!args.length && !o.selector) throw new CliError('expected \'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]\'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee \'kbx logs -h\' for help and examples', 1, true);
  if (args.length > 2) throw new CliError('expected \'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]\'.\nSee \'kbx logs -h\' for help and examples');
  if (o.since && o.sinceTime) throw new CliError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  const client = await ctx.client();
  const ns = await ctx.namespace(o);
  const pods: Pod[] = [];
  if (o.selector) {
    const list = await client.list(PODS, ns, { labelSelector: o.selector });
    pods.push(...(list.items as Pod[]));
    if (!pods.length) {
      ctx.err(`No resources found in ${ns} namespace.`);
      return;
    }
  } else {
    pods.push(await resolvePod(client, ns, args[0]!));
  }
  const container = o.container ?? args[1];
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  for (const pod of pods) {
    const containers = o.allContainers
      ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name)
      : [defaultContainer(ctx, pod, container, !!o.selector)];
    for (const c of containers) {
      const tail = Number(o.tail ?? -1);
      const query = {
        container: c,
        follow: o.follow ? 'true' : undefined,
        tailLines: tail >= 0 ? tail : o.selector && !o.tail ? 10 : undefined,
        previous: o.previous ? 'true' : undefined,
        timestamps: o.timestamps ? 'true' : undefined,
        sinceSeconds: o.since ? Math.max(1, Math.ceil(parseDuration(o.since) / 1000)) : undefined,
        sinceTime: o.sinceTime,
        limitBytes: o.limitBytes,
      };
      const prefix = o.prefix ? `[pod/${pod.metadata.name}/${c}] ` : '';
      let partial = '';
      await client.stream(
        resourcePath(PODS, ns, pod.metadata.name, 'log'),
        query,
        (chunk) => {
          if (!prefix) {
            ctx.stdout.write(chunk);
            return;
          }
          const text = partial + chunk.toString('utf8');
          const lines = text.split('\n');
          partial = lines.pop()!;
          for (const l of lines) ctx.stdout.write(prefix + l + '\n');
        },
        abort.signal,
      );
      if (partial) ctx.stdout.write(prefix + partial + '\n');
    }
  }
}
