// kbx scale: being written (Deployments issue).
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';

export async function run(_ctx: Ctx, _args: string[], _o: Record<string, unknown>): Promise<void> {
  throw new CliError('kbx scale is not implemented yet');
}
