// kbx kustomize [DIR]: what `kubectl kustomize` prints (src/cli/kustomize/ builds it; no cluster needed).
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { kustomizeYaml } from '../kustomize/build.js';
import { KustomizeError } from '../kustomize/errors.js';

export async function run(ctx: Ctx, args: string[]): Promise<void> {
  if (args.length > 1) throw new CliError('specify one path to kustomization.yaml');
  try {
    const r = kustomizeYaml(args[0] ?? '.');
    for (const w of r.warnings) ctx.stderr.write(w + '\n');
    ctx.stdout.write(r.yaml);
  } catch (e) {
    if (e instanceof KustomizeError) throw new CliError(e.message);
    throw e;
  }
}
