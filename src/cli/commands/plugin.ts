// kbx plugin list: the plugin executables on PATH (`kbx-*`, `kubectl-*`) and kubectl's warnings
// about them, in `kubectl plugin list`'s words.
import path from 'node:path';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { builtinCommandPath, listPlugins, pathDirs, realFs, verifyPlugin } from '../plugins.js';
import type { CommandSpec } from '../verb-spec.js';

export async function run(ctx: Ctx, args: string[], opts: Record<string, any>): Promise<void> {
  if (args[0] !== 'list') {
    // kubectl prints the group's help on stderr and exits 1.
    ctx.stderr.write(ctx.helpOf('plugin'));
    ctx.exitCode = 1;
    return;
  }
  const { plugins, unreadable } = listPlugins(pathDirs(process.env.PATH), realFs);
  for (const dir of unreadable) {
    ctx.stderr.write(`Unable to read directory ${JSON.stringify(dir)} from your PATH: open ${dir}: no such file or directory. Skipping...\n`);
  }
  const problems: string[] = [];
  if (plugins.length) ctx.stdout.write('The following compatible plugins are available:\n\n');
  else problems.push('error: unable to find any kubectl plugins in your PATH');
  const seen = new Map<string, string>();
  let warnings = 0;
  for (const p of plugins) {
    ctx.stdout.write(`${opts.nameOnly ? path.basename(p) : p}\n`);
    for (const w of verifyPlugin(p, seen, realFs, (w) => builtinCommandPath(ctx.verbs as CommandSpec[], w))) {
      ctx.stderr.write(`  - ${w}\n`);
      warnings++;
    }
  }
  if (warnings) problems.push(warnings === 1 ? 'error: one plugin warning was found' : `error: ${warnings} plugin warnings were found`);
  if (problems.length) throw new CliError(problems.join('\n'), 1, true);
}
