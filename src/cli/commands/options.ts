// kbx options: the global command-line options, as `kubectl options` lists them.
import type { Ctx } from '../context.js';
import { optionsHelp } from '../help.js';

export async function run(ctx: Ctx): Promise<void> {
  ctx.stdout.write(optionsHelp());
}
