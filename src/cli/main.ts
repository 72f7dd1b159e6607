// The kbx command line: kubectl's verbs, flags, output and exit codes.
// Each verb's code is imported only when that verb runs, so `kbx version --client` starts fast.
import { Command, CommanderError, Option } from 'commander';
import { Ctx } from './context.js';
import { formatError, CliError } from './errors.js';
import { ROOT_HELP, VERB_HELP, formatVerbHelp } from './help.js';
import { addConnectionFlags, connectionOverrides, CONNECTION_BOOLEAN_FLAGS } from './connection-flags.js';
import { configCreateFlags } from './config-flags.js';

type Action = (ctx: Ctx, args: string[], opts: Record<string, any>) => Promise<void>;
type Loader = () => Promise<{ run: Action }>;

/** Splits `kbx exec pod -- sh -c x` at the first `--`. */
export function splitDashDash(argv: string[]): { args: string[]; dash: string[] } {
  const i = argv.indexOf('--');
  return i < 0 ? { args: argv, dash: [] } : { args: argv.slice(0, i), dash: argv.slice(i + 1) };
}

/**
 * pflag accepts `-o=yaml`, `--watch=false`, `--record=true`; commander does not. Normalise them.
 */
export function normalizeArgs(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    let m = /^-([a-zA-Z])=(.*)$/.exec(a);
    if (m) {
      out.push(`-${m[1]}`, m[2]!);
      continue;
    }
    m = /^--([a-z][a-z0-9-]*)=(true|false)$/.exec(a);
    if (m && BOOLEAN_FLAGS.has(m[1]!)) {
      out.push(m[2] === 'true' ? `--${m[1]}` : `--no-${m[1]}`);
      continue;
    }
    out.push(a);
  }
  return out;
}

const BOOLEAN_FLAGS = new Set([
  'watch', 'watch-only', 'record', 'overwrite', 'all', 'all-namespaces', 'show-labels', 'no-headers', 'follow', 'previous',
  'timestamps', 'all-containers', 'wait', 'force', 'now', 'ignore-not-found', 'recursive', 'stdin', 'tty', 'rm', 'command',
  'client', 'prefix', 'quiet', 'local', 'include-uninitialized', 'show-events', 'append-hash', ...CONNECTION_BOOLEAN_FLAGS,
  'raw', 'minify', 'flatten', 'current', 'merge',
]);

function common(cmd: Command): Command {
  return addConnectionFlags(cmd
    .option('-n, --namespace <namespace>', 'If present, the namespace scope for this CLI request')
    .option('-v, --v <level>', 'number for the log level verbosity'));
}

function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

/** --address's default, shown as kubectl shows it; a given --address replaces it. */
const LOCALHOST = Object.assign(['localhost'], { toString: () => '[localhost]' });
function collectReplacing(v: string, prev: string[]): string[] {
  return prev === LOCALHOST ? [v] : [...prev, v];
}

function outputOpts(cmd: Command): Command {
  return cmd
    .option('-o, --output <format>', 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).')
    .option('--show-managed-fields', 'If true, keep the managedFields when printing objects in JSON or YAML format.');
}

/** Programs built for one verb only (see buildProgram): the verb they keep. */
const onlyVerb = new WeakMap<Command, string>();

function verb(program: Command, ctx: Ctx, name: string, load: Loader, configure: (c: Command) => Command, aliases: string[] = []): void {
  const only = onlyVerb.get(program);
  if (only !== undefined && only !== name && !aliases.includes(only)) return;
  const cmd = common(configure(program.command(name)));
  for (const a of aliases) cmd.alias(a);
  const help = VERB_HELP[name];
  if (help) cmd.description(help.short);
  cmd.helpInformation = () => formatVerbHelp(name, cmd);
  cmd.action(async (...a: unknown[]) => {
    const command = a[a.length - 1] as Command;
    // -n may be given before the verb (`kbx -n x get pods`) or after it: merge both levels.
    const opts = command.optsWithGlobals();
    const args = command.args;
    ctx.recorded = changeCause(name, command, ctx.argv);
    ctx.connection = connectionOverrides(opts);
    const { run } = await load();
    await run(ctx, args, opts);
  });
}

/**
 * The commander program. With `only` (the command line's first word), just that verb is defined: defining
 * all of them and their ~150 options is a measurable part of a command's start. When `only` names no verb,
 * the whole program is built, so unknown commands are reported as before.
 */
export function buildProgram(ctx: Ctx, only?: string): Command {
  const program = new Command('kbx');
  if (only !== undefined) onlyVerb.set(program, only);
  program
    .exitOverride()
    // Errors are reported by reportError in kubectl's words, not by commander.
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError: () => {} })
    .helpOption('-h, --help', 'help for kbx')
    .addHelpCommand(false)
    .allowExcessArguments(true)
    .helpInformation = () => ROOT_HELP;

  verb(program, ctx, 'get', () => import('./commands/get.js'), (c) =>
    outputOpts(c)
      .argument('[args...]')
      .option('-A, --all-namespaces', 'list the requested object(s) across all namespaces')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on')
      .option('--field-selector <selector>', 'Selector (field query) to filter on')
      .option('--show-labels', 'When printing, show all labels as the last column')
      .option('-L, --label-columns <labels>', 'Accepts a comma separated list of labels that are going to be presented as columns', collect)
      .option('-w, --watch', 'After listing/getting the requested object, watch for changes.')
      .option('--no-watch', 'do not watch')
      .option('--watch-only', 'Watch for changes to the requested object(s), without listing/getting first.')
      .option('--no-headers', 'When using the default or custom-column output format, don\'t print headers')
      .option('--sort-by <jsonpath>', 'If non-empty, sort list types using this field specification')
      .option('--ignore-not-found', 'If set to true, suppresses NotFound error for specific objects that do not exist')
      .option('-f, --filename <file>', 'Filename, directory, or URL to files identifying the resource to get from a server', collect)
      .option('-k, --kustomize <dir>', "Process the kustomization directory. This flag can't be used together with -f or -R.")
      .option('-R, --recursive', 'Process the directory used in -f, --filename recursively'),
  );
  verb(program, ctx, 'describe', () => import('./commands/describe.js'), (c) =>
    c
      .argument('[args...]')
      .option('-A, --all-namespaces', 'list the requested object(s) across all namespaces')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on')
      .option('-f, --filename <file>', 'Filename, directory, or URL to files containing the resource to describe', collect)
      .option('-k, --kustomize <dir>', "Process the kustomization directory. This flag can't be used together with -f or -R.")
      .option('--show-events', 'If true, display events related to the described object.', true)
      .option('--no-show-events', 'do not display events'),
  );
  for (const name of ['apply', 'create'] as const) {
    verb(program, ctx, name, () => (name === 'apply' ? import('./commands/apply.js') : import('./commands/create.js')), (c) =>
      outputOpts(name === 'create' ? configCreateFlags(c) : c)
        .argument('[args...]')
        .option('-f, --filename <file>', 'The files that contain the configurations to ' + name, collect)
        .option('-k, --kustomize <dir>', "Process the kustomization directory. This flag can't be used together with -f or -R.")
        .option('-R, --recursive', 'Process the directory used in -f, --filename recursively')
        .option('--record', 'Record current kubectl command in the resource annotation.')
        .option('--no-record', 'do not record')
        .option('--dry-run <mode>', 'Must be "none", "server", or "client".')
        .option('--validate <mode>', 'validation mode', 'strict')
        .option('--image <image>', 'Image name to run (create deployment)', collect)
        .option(name === 'create' ? '-r, --replicas <n>' : '--replicas <n>', 'Number of replicas to create (create deployment)')
        .option('--port <port>', 'The containerPort that this deployment exposes')
        .option('--tcp <spec>', 'Port pairs can be specified as "<port>:<targetPort>"', collect)
        .option('--node-port <port>', 'Port used to expose the service on each node in a cluster (create service nodeport).')
        .option('--clusterip <ip>', 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (create service clusterip).')
        .option('--external-name <name>', 'External name of service (create service externalname).')
        .option('--from <resource>', 'The name of the resource to create a Job from (only cronjob is supported) (create job).')
        .option('--schedule <spec>', 'A schedule in the Cron format the job should be run with (create cronjob).')
        .option('--restart <policy>', "job's restart policy. supported values: OnFailure, Never (create cronjob)")
        .option('--server-side', 'server-side apply')
        .option('--force-conflicts', 'If true, server-side apply will force the changes against conflicts.')
        .option('--field-manager <name>', 'Name of the manager used to track field ownership.'),
    );
  }
  verb(program, ctx, 'kustomize', () => import('./commands/kustomize.js'), (c) => c.argument('[dir]'));
  verb(program, ctx, 'expose', () => import('./commands/expose.js'), (c) =>
    outputOpts(c)
      .argument('[args...]')
      .option('--port <port>', 'The port that the service should serve on.')
      .option('--target-port <port>', 'Name or number for the port on the container that the service should direct traffic to.')
      .option('--type <type>', 'Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName.')
      .option('--name <name>', 'The name for the newly created object.')
      .option('--protocol <protocol>', 'The network protocol for the service to be created.')
      .option('--selector <selector>', 'A label selector to use for this service.')
      .option('--cluster-ip <ip>', "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.")
      .option('--session-affinity <affinity>', "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'")
      .option('--dry-run <mode>', 'Must be "none", "server", or "client".'),
  );
  verb(program, ctx, 'delete', () => import('./commands/delete.js'), (c) =>
    outputOpts(c)
      .argument('[args...]')
      .option('-f, --filename <file>', 'containing the resource to delete.', collect)
      .option('-k, --kustomize <dir>', "Process the kustomization directory. This flag can't be used together with -f or -R.")
      .option('-R, --recursive', 'Process the directory used in -f, --filename recursively')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on')
      .option('--field-selector <selector>', 'Selector (field query) to filter on')
      .option('--all', 'Delete all resources, in the namespace of the specified resource types.')
      .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces.')
      .option('--grace-period <seconds>', 'Period of time in seconds given to the resource to terminate gracefully.', '-1')
      .option('--now', 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).')
      .option('--force', 'If true, immediately remove resources from API and bypass graceful deletion.')
      .option('--wait', 'If true, wait for resources to be gone before returning.', true)
      .option('--no-wait', 'do not wait')
      .option('--timeout <duration>', 'The length of time to wait before giving up on a delete', '0s')
      .option('--ignore-not-found', 'Treat "resource not found" as a successful delete.')
      .option('--cascade <mode>', 'Must be "background", "orphan", or "foreground".', 'background'),
  );
  verb(program, ctx, 'logs', () => import('./commands/logs.js'), (c) =>
    c
      .argument('[args...]')
      .option('-c, --container <name>', 'Print the logs of this container')
      .option('-f, --follow', 'Specify if the logs should be streamed.')
      .option('--tail <lines>', 'Lines of recent log file to display.', '-1')
      .option('-p, --previous', 'If true, print the logs for the previous instance of the container in a pod if it exists.')
      .option('--timestamps', 'Include timestamps on each line in the log output')
      .option('--since <duration>', 'Only return logs newer than a relative duration like 5s, 2m, or 3h.')
      .option('--since-time <time>', 'Only return logs after a specific date (RFC3339).')
      .option('--all-containers', 'Get all containers\' logs in the pod(s).')
      .option('--prefix', 'Prefix each log line with the log source (pod name and container name)')
      .option('--limit-bytes <n>', 'Maximum bytes of logs to return.')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on'),
  );
  verb(program, ctx, 'exec', () => import('./commands/exec.js'), (c) =>
    c
      .argument('[args...]')
      .option('-c, --container <name>', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation')
      .option('-i, --stdin', 'Pass stdin to the container')
      .option('-t, --tty', 'Stdin is a TTY')
      .option('-q, --quiet', 'Only print output from the remote session'),
  );
  verb(program, ctx, 'port-forward', () => import('./commands/port-forward.js'), (c) =>
    c
      .argument('[args...]')
      .option('--address <addresses>', 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kbx will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.', collectReplacing, LOCALHOST)
      .option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', '1m0s'),
  );
  verb(program, ctx, 'attach', () => import('./commands/attach.js'), (c) =>
    c
      .argument('[args...]')
      .option('-c, --container <name>', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation')
      .option('-i, --stdin', 'Pass stdin to the container')
      .option('-t, --tty', 'Stdin is a TTY')
      .option('-q, --quiet', 'Only print output from the remote session'),
  );
  verb(program, ctx, 'run', () => import('./commands/run.js'), (c) =>
    outputOpts(c)
      .argument('[args...]')
      .option('--image <image>', 'The image for the container to run.')
      .option('--port <port>', 'The port that this container exposes.')
      .option('--env <env>', 'Environment variables to set in the container.', collect)
      .option('-l, --labels <labels>', 'Comma separated labels to apply to the pod(s).')
      .option('--command', 'If true and extra arguments are present, use them as the \'command\' field in the container')
      .option('--restart <policy>', 'The restart policy for this Pod.', 'Always')
      .option('--rm', 'If true, delete the pod after it exits.')
      .option('-i, --stdin', 'Keep stdin open on the container in the pod')
      .option('-t, --tty', 'Allocate a TTY for the container in the pod.')
      .option('--image-pull-policy <policy>', 'The image pull policy for the container.')
      .option('--dry-run <mode>', 'Must be "none", "server", or "client".')
      .option('--annotations <a>', 'Annotations to apply to the pod.', collect),
  );
  for (const name of ['label', 'annotate'] as const) {
    verb(program, ctx, name, () => import('./commands/label.js').then((m) => ({ run: name === 'label' ? m.runLabel : m.runAnnotate })), (c) =>
      outputOpts(c)
        .argument('[args...]')
        .option('--overwrite', 'If true, allow labels to be overwritten')
        .option('--all', 'Select all resources, in the namespace of the specified resource types')
        .option('-A, --all-namespaces', 'across all namespaces')
        .option('-l, --selector <selector>', 'Selector (label query) to filter on')
        .option('-f, --filename <file>', 'Filename identifying the resource', collect)
        .option('--dry-run <mode>', 'Must be "none", "server", or "client".')
        .option('--list', 'If true, display the labels for a given resource.'),
    );
  }
  verb(program, ctx, 'version', () => import('./commands/version.js'), (c) =>
    outputOpts(c).option('--client', 'If true, shows client version only (no server required).'),
  );
  verb(program, ctx, 'api-resources', () => import('./commands/api-resources.js'), (c) =>
    outputOpts(c)
      .option('--namespaced <bool>', 'If false, non-namespaced resources will be returned')
      .option('--no-headers', 'When using the default or custom-column output format, don\'t print headers')
      .option('--api-group <group>', 'Limit to resources in the specified API group.'),
  );
  verb(program, ctx, 'explain', () => import('./commands/explain.js'), (c) =>
    outputOpts(c).argument('[args...]').option('--recursive', 'Print the fields of fields (Currently only 1 level deep)').option('--api-version <v>', 'Get different explanations for particular API version (API group/version)'),
  );
  verb(program, ctx, 'cluster-info', () => import('./commands/cluster-info.js'), (c) => c.argument('[args...]'));
  verb(program, ctx, 'events', () => import('./commands/events.js'), (c) =>
    outputOpts(c)
      .option('-A, --all-namespaces', 'across all namespaces')
      .option('--for <object>', 'Filter events to only those pertaining to the specified resource.')
      .option('--types <types>', 'Output only events of given types.')
      .option('-w, --watch', 'After listing the requested events, watch for more events.')
      .option('--no-headers', 'do not print headers'),
  );
  verb(program, ctx, 'scale', () => import('./commands/scale.js'), (c) =>
    outputOpts(c)
      .argument('[args...]')
      .option('--replicas <n>', 'The new desired number of replicas. Required.')
      .option('--current-replicas <n>', 'Precondition for current size. Requires that the current size of the resource match this value in order to scale.', '-1')
      .option('--resource-version <rv>', 'Precondition for resource version.')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on')
      .option('--all', 'Select all resources in the namespace of the specified resource types')
      .option('-f, --filename <file>', 'Filename identifying the resource to set a new size', collect)
      .option('--record', 'Record current kubectl command in the resource annotation.')
      .option('--timeout <duration>', 'The length of time to wait before giving up on a scale operation', '0s'),
  );
  verb(program, ctx, 'set', () => import('./commands/set.js'), (c) =>
    outputOpts(c)
      .argument('[args...]')
      .option('--all', 'Select all resources, in the namespace of the specified resource types')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on')
      .option('-f, --filename <file>', 'Filename identifying the resource', collect)
      .option('-c, --containers <names>', 'The names of containers in the selected pod templates to change (set env)', '*')
      .option('-e, --env <env>', 'Specify a key-value pair for an environment variable to set into each container.', collect)
      .option('--record', 'Record current kubectl command in the resource annotation.')
      .option('--dry-run <mode>', 'Must be "none", "server", or "client".'),
  );
  verb(program, ctx, 'rollout', () => import('./commands/rollout.js'), (c) =>
    outputOpts(c)
      .argument('[args...]')
      .option('--revision <n>', 'See the details, including podTemplate of the revision specified (history), or pin to a revision (status)', '0')
      .option('--to-revision <n>', 'The revision to rollback to. Default to 0 (last revision).', '0')
      .option('-w, --watch', 'Watch the status of the rollout until it\'s done.', true)
      .option('--no-watch', 'do not watch')
      .option('--timeout <duration>', 'The length of time to wait before ending watch, zero means never.', '0s')
      .option('-l, --selector <selector>', 'Selector (label query) to filter on')
      .option('-f, --filename <file>', 'Filename identifying the resource', collect)
      .option('--dry-run <mode>', 'Must be "none", "server", or "client".'),
  );
  verb(program, ctx, 'cluster', () => import('./commands/cluster.js'), (c) =>
    c.argument('[args...]').option('--keep-state', 'reset: keep nothing but say what would be removed')
      .option('--merge', "kubeconfig: write this cluster's context into your kubeconfig ($KUBECONFIG's first file or ~/.kube/config)"),
  );
  verb(program, ctx, 'config', () => import('./commands/config.js'), (c) =>
    outputOpts(c)
      .argument('[args...]')
      .option('--raw', 'view: Display raw byte data and sensitive data')
      .option('--minify', 'view: Remove all information not used by current-context from the output')
      .option('--flatten', 'view: Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)')
      .option('--current', 'set-context: Modify the current context')
      .option('--no-headers', 'get-contexts: When using the default or custom-column output format, don\'t print headers'),
  );
  if (only !== undefined && !program.commands.length) return buildProgram(ctx);
  program.addOption(new Option('-n, --namespace <namespace>').hideHelp());
  addConnectionFlags(program, true);
  return program;
}

/**
 * kubectl's change-cause text: the command path, the positional arguments, then every flag given
 * as `--name=value` in the order typed (`kubectl create --filename=vote.yaml --record=true`).
 */
export function changeCause(verbName: string, cmd: Command, argv: string[]): string {
  const tokens = normalizeArgs(argv);
  const start = tokens.indexOf(verbName);
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
    const opt = cmd.options.find((o) => o.long === flag || o.short === flag || o.long === flag.replace(/^--no-/, '--'));
    if (!opt) continue;
    const long = opt.long!.replace(/^--/, '');
    if (opt.negate || flag.startsWith('--no-')) flags.push(`--${long}=false`);
    else if (!opt.required && !opt.optional) flags.push(`--${long}=true`);
    else if (eq > 0) flags.push(`--${long}=${t.slice(eq + 1)}`);
    else if (t.length > 2 && !t.startsWith('--')) flags.push(`--${long}=${t.slice(2)}`);
    else flags.push(`--${long}=${tokens[++i] ?? ''}`);
  }
  return ['kbx', verbName, ...positional, ...flags].join(' ');
}

export async function main(argv: string[]): Promise<void> {
  const { args, dash } = splitDashDash(argv);
  const ctx = new Ctx(args, dash);
  // `kbx get …` defines only `get`; `kbx -n x get …` (a flag first) defines every verb.
  const program = buildProgram(ctx, args[0] && !args[0].startsWith('-') ? args[0] : undefined);
  let code = 0;
  try {
    if (!args.length || (args.length === 1 && (args[0] === '-h' || args[0] === '--help' || args[0] === 'help'))) {
      ctx.stdout.write(ROOT_HELP);
    } else {
      await program.parseAsync(normalizeArgs(args), { from: 'user' });
      code = ctx.exitCode;
    }
  } catch (e) {
    code = reportError(ctx, e, args);
  }
  ctx.close();
  process.exitCode = code;
  await new Promise((r) => ctx.stdout.write('', r));
  process.exit(code);
}

const VERBS = ['get', 'describe', 'apply', 'create', 'delete', 'kustomize', 'logs', 'exec', 'run', 'label', 'annotate', 'version', 'api-resources', 'explain', 'cluster-info', 'events', 'cluster', 'scale', 'set', 'rollout', 'attach', 'expose', 'port-forward', 'config'];

function reportError(ctx: Ctx, e: unknown, args: string[]): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    const verbName = args.find((a) => !a.startsWith('-')) ?? '';
    if (e.code === 'commander.unknownCommand') {
      const suggestion = suggest(verbName);
      ctx.err(
        `error: unknown command "${verbName}" for "kbx"` + (suggestion ? `\n\nDid you mean this?\n\t${suggestion}\n` : '') + `\nRun 'kbx --help' for usage.`,
      );
      return 1;
    }
    if (e.code === 'commander.unknownOption') {
      const flag = /'([^']+)'/.exec(e.message)?.[1] ?? '';
      const shown = flag.startsWith('--') ? `unknown flag: ${flag}` : `unknown shorthand flag: '${flag.replace(/^-/, '')}' in ${flag}`;
      ctx.err(`error: ${shown}\nSee 'kbx ${VERBS.includes(verbName) ? verbName + ' ' : ''}--help' for usage.`);
      return 1;
    }
    if (e.code === 'commander.optionMissingArgument') {
      const flag = /'([^']+)'/.exec(e.message)?.[1]?.split(/[ ,]/).pop() ?? '';
      ctx.err(`error: flag needs an argument: ${flag}\nSee 'kbx ${verbName} --help' for usage.`);
      return 1;
    }
    ctx.err(e.message.replace(/^error: /, 'error: '));
    return e.exitCode || 1;
  }
  const { text, code } = formatError(e);
  ctx.err(text);
  return code;
}

function suggest(word: string): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const v of VERBS) {
    const d = levenshtein(word, v);
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i]![j] = Math.min(dp[i - 1]![j]! + 1, dp[i]![j - 1]! + 1, dp[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length]![b.length]!;
}
