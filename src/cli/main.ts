// The kbx command line: kubectl's verbs, flags, output and exit codes. The commander program is
// built from the verb table (verbs.ts); each verb's code is imported only when that verb runs, so
// `kbx version --client` starts fast.
import { Command, CommanderError, type Option } from 'commander';
import { Ctx } from './context.js';
import { formatError } from './errors.js';
import { FlagValueError, normalizeArgs, toOptions, type FlagSpec } from './flags.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import { commandHelp, rootHelp } from './help.js';
import { connectionOverrides } from './connection-flags.js';
import { suggestVerbs } from './suggest.js';
import { VERBS } from './verbs.js';
import { execPlugin, pluginCommandNames, pluginFor } from './plugin-dispatch.js';
import { pathDirs, realFs } from './plugins.js';
import type { CommandSpec, VerbSpec } from './verb-spec.js';

/** Splits `kbx exec pod -- sh -c x` at the first `--`. */
export function splitDashDash(argv: string[]): { args: string[]; dash: string[] } {
  const i = argv.indexOf('--');
  return i < 0 ? { args: argv, dash: [] } : { args: argv.slice(0, i), dash: argv.slice(i + 1) };
}

/** A flag error found while parsing, in kubectl's words, with the command whose help to point at. */
class FlagError extends Error {
  constructor(message: string, readonly path: string) {
    super(message);
  }
}

/** The verb a command line's first word names (by name or alias). */
export function findVerb(word: string | undefined): VerbSpec | undefined {
  return word === undefined ? undefined : VERBS.find((v) => v.name === word || v.aliases?.includes(word));
}

/** Every flag of a verb and its subcommands, and the global ones: what `--x=true` normalisation needs. */
function allFlags(spec: CommandSpec | undefined): FlagSpec[] {
  if (!spec) return [...GLOBAL_FLAGS, ...VERBS.flatMap((v) => allFlags(v))];
  return [...GLOBAL_FLAGS, ...spec.flags, ...(spec.subcommands ?? []).flatMap((s) => allFlags(s))];
}

/** commander's methods for flag errors (not in its typings), replaced to throw kubectl's messages. */
interface FlagErrorHooks {
  unknownOption(flag: string): never;
  optionMissingArgument(option: Option): never;
}

function reportFlagErrors(cmd: Command, path: string): void {
  const hooks = cmd as unknown as FlagErrorHooks;
  hooks.unknownOption = (flag) => {
    const shown = flag.startsWith('--') ? `unknown flag: ${flag.split('=')[0]}` : `unknown shorthand flag: '${flag.slice(1, 2)}' in ${flag}`;
    throw new FlagError(shown, path);
  };
  hooks.optionMissingArgument = (option) => {
    throw new FlagError(`flag needs an argument: ${option.long ?? option.short}`, path);
  };
}

/** What runs a parsed command line: by default the verb's module (tests record instead). */
export type Runner = (verb: VerbSpec, args: string[], opts: Record<string, any>) => Promise<void>;

function addCommand(parent: Command, ctx: Ctx, run: Runner, verb: VerbSpec, spec: CommandSpec, path: string[]): void {
  const cmd = parent.command(spec.name);
  for (const a of spec.aliases ?? []) cmd.alias(a);
  cmd.description(spec.short).argument('[args...]').allowExcessArguments(true);
  const own = new Set(spec.flags.map((f) => f.long));
  for (const f of spec.flags) for (const o of toOptions(f)) cmd.addOption(o);
  // Global flags may follow the verb: after an option commander does not know, the rest of the line is
  // parsed by the subcommand, so each command declares them too (hidden from its help).
  for (const f of GLOBAL_FLAGS) if (!own.has(f.long)) for (const o of toOptions(f)) cmd.addOption(o.hideHelp());
  const fullPath = path.join(' ');
  cmd.helpInformation = () => commandHelp(spec, fullPath);
  reportFlagErrors(cmd, fullPath);
  for (const sub of spec.subcommands ?? []) addCommand(cmd, ctx, run, verb, sub, [...path, sub.name]);
  cmd.action(async (...a: unknown[]) => {
    const command = a[a.length - 1] as Command;
    // -n may be given before the verb (`kbx -n x get pods`) or after it: merge every level.
    const opts = command.optsWithGlobals();
    const args = [...path.slice(1), ...command.args];
    ctx.recorded = changeCause(verb.name, command, ctx.argv);
    ctx.connection = connectionOverrides(opts);
    await run(verb, args, opts);
  });
}

/**
 * The commander program. With `only` (the command line's first word), just that verb is defined:
 * defining all of them and their options is a measurable part of a command's start. When `only`
 * names no verb, the whole program is built.
 */
export function buildProgram(ctx: Ctx, only?: string, run: Runner = async (verb, args, opts) => (await verb.load()).run(ctx, args, opts)): Command {
  const program = new Command('kbx');
  program
    .exitOverride()
    // Errors are reported by reportError in kubectl's words, not by commander.
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError: () => {} })
    .helpOption('-h, --help', 'help for kbx')
    .helpCommand(false)
    .allowExcessArguments(true);
  program.helpInformation = () => rootHelp(VERBS, pluginCommandNames());
  for (const f of GLOBAL_FLAGS) for (const o of toOptions(f)) program.addOption(o.hideHelp());
  const one = findVerb(only);
  for (const v of one ? [one] : VERBS) addCommand(program, ctx, run, v, v, [v.name]);
  reportFlagErrors(program, '');
  return program;
}

/** A command's options and its parents' (a subcommand sees its verb's flags). */
function optionsOf(cmd: Command): readonly Option[] {
  const out: Option[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) out.push(...c.options);
  return out;
}

/**
 * kubectl's change-cause text: the command path, the positional arguments, then every flag given
 * as `--name=value` in the order typed (`kubectl create --filename=vote.yaml --record=true`).
 */
export function changeCause(verbName: string, cmd: Command, argv: string[]): string {
  const tokens = normalizeArgs(argv, allFlags(findVerb(verbName)));
  const start = tokens.indexOf(verbName);
  const options = optionsOf(cmd);
  const positional: string[] = [];
  const flags: string[] = [];
  for (let i = start + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.startsWith('-') || t === '-') {
      positional.push(t);
      continue;
    }
    const eq = t.indexOf('=');
    const flag = eq > 0 ? t.slice(0, eq) : t;
    const opt = options.find((o) => o.long === flag || o.short === flag) ?? options.find((o) => o.long === flag.replace(/^--no-/, '--'));
    if (!opt) continue;
    const long = opt.long!.replace(/^--(no-)?/, '');
    if (opt.negate) flags.push(`--${long}=false`);
    else if (!opt.required && !opt.optional) flags.push(`--${long}=true`);
    else if (eq > 0) flags.push(`--${long}=${t.slice(eq + 1)}`);
    else if (t.length > 2 && !t.startsWith('--')) flags.push(`--${long}=${t.slice(2)}`);
    else flags.push(`--${long}=${tokens[++i] ?? ''}`);
  }
  return ['kbx', verbName, ...positional, ...flags].join(' ');
}

/**
 * Output to a closed pipe (`kbx get pods | head -1`) ends the command quietly, with the status a
 * Go program killed by SIGPIPE has (128+13); a crash nobody caught is one `error:` line, never a stack.
 */
function guardProcess(ctx: Ctx): void {
  const closed = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(141);
    throw e;
  };
  ctx.stdout.on('error', closed);
  ctx.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(141);
  });
  const crash = (e: unknown) => {
    if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') process.exit(141);
    try {
      ctx.err(formatError(e).text);
    } finally {
      process.exit(1);
    }
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

/** Parses and runs a command line (without the `--` part) on `ctx`; returns the exit code. */
export async function runCommandLine(ctx: Ctx, args: string[], run?: Runner): Promise<number> {
  ctx.helpOf = helpOf;
  ctx.verbs = VERBS;
  const first = args[0] && !args[0].startsWith('-') ? args[0] : undefined;
  try {
    // The shell completion scripts' question (`kbx __complete WORDS…`): its words are not kbx's flags.
    if (first === '__complete') {
      await (await import('./commands/completion.js')).runComplete(ctx, [...args.slice(1), ...ctx.dashArgs]);
      return 0;
    }
    if (!args.length || (args.length === 1 && (args[0] === '-h' || args[0] === '--help' || args[0] === 'help'))) {
      ctx.stdout.write(rootHelp(VERBS, pluginCommandNames()));
      return 0;
    }
    // `kbx get …` defines only `get`; `kbx -n x get …` (a flag first) defines every verb.
    const program = buildProgram(ctx, first, run);
    // `--x=true` is read with the flags of the verb named (the first word that is one, after global flags).
    const verb = findVerb(first) ?? args.map((a) => findVerb(a)).find(Boolean);
    await program.parseAsync(normalizeArgs(args, allFlags(verb)), { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return reportError(ctx, e, args);
  }
}

export async function main(argv: string[]): Promise<void> {
  // A command line naming a plugin on PATH (`kbx foo` → kbx-foo or kubectl-foo) runs it, as kubectl does.
  const plugin = pluginFor(argv, pathDirs(process.env.PATH), realFs);
  if (plugin && 'error' in plugin) {
    process.stderr.write(`Error: ${plugin.error}\n`);
    process.exit(1);
  }
  if (plugin) return execPlugin(plugin.path, plugin.args);
  const { args, dash } = splitDashDash(argv);
  const ctx = new Ctx(args, dash);
  guardProcess(ctx);
  const code = await runCommandLine(ctx, args);
  ctx.close();
  process.exitCode = code;
  await new Promise((r) => ctx.stdout.write('', r));
  process.exit(code);
}

export function reportError(ctx: Ctx, e: unknown, args: string[]): number {
  if (e instanceof FlagError) {
    ctx.err(`error: ${e.message}\nSee 'kbx ${e.path ? e.path + ' ' : ''}--help' for usage.`);
    return 1;
  }
  if (e instanceof FlagValueError) {
    const verb = findVerb(args.find((a) => !a.startsWith('-')));
    ctx.err(`error: ${e.message}\nSee 'kbx ${verb ? verb.name + ' ' : ''}--help' for usage.`);
    return 1;
  }
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    const word = args.find((a) => !a.startsWith('-')) ?? '';
    if (e.code === 'commander.unknownCommand') {
      const s = suggestVerbs(word, VERBS);
      ctx.err(`error: unknown command "${word}" for "kbx"` + (s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : ''));
      return 1;
    }
    ctx.err(e.message.startsWith('error: ') ? e.message : `error: ${e.message}`);
    return e.exitCode || 1;
  }
  const { text, code } = formatError(e);
  ctx.err(text);
  return code;
}

/** The help of the command named by `path` (`set`, `create secret`), from the verb table. */
export function helpOf(path: string): string {
  let spec: CommandSpec | undefined;
  let list: readonly CommandSpec[] = VERBS;
  for (const word of path.split(' ')) {
    spec = list.find((c) => c.name === word || c.aliases?.includes(word));
    if (!spec) throw new Error(`no command ${path}`);
    list = spec.subcommands ?? [];
  }
  return commandHelp(spec!, path);
}
