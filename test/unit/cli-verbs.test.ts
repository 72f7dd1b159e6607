// The verb table (src/cli/verbs.ts) and the program built from it: every command has kubectl-shaped
// help, each verb accepts its own flags and refuses others in kubectl's words, `--flag=true` works,
// unknown verbs get cobra's suggestions.
import { describe, it, expect } from 'vitest';
import { PassThrough } from 'node:stream';
import { Ctx } from '../../src/cli/context.js';
import { runCommandLine } from '../../src/cli/main.js';
import { VERBS } from '../../src/cli/verbs.js';
import { GLOBAL_FLAGS } from '../../src/cli/global-flags.js';
import { commandHelp, optionsHelp, rootHelp } from '../../src/cli/help.js';
import { helpOf } from '../../src/cli/main.js';
import { FlagValueError, normalizeArgs, bool, str } from '../../src/cli/flags.js';
import { suggestVerbs } from '../../src/cli/suggest.js';
import type { CommandSpec } from '../../src/cli/verb-spec.js';

function stream(): NodeJS.WriteStream & { text(): string } {
  const s = new PassThrough();
  let buf = '';
  s.on('data', (c) => (buf += c));
  return Object.assign(s as unknown as NodeJS.WriteStream, { text: () => buf });
}

/** Runs a command line against the real program, recording what the verb would be called with. */
async function cli(...argv: string[]) {
  const out = stream();
  const err = stream();
  const calls: { verb: string; args: string[]; opts: Record<string, any> }[] = [];
  const ctx = new Ctx(argv, [], out, err);
  const code = await runCommandLine(ctx, argv, async (verb, args, opts) => {
    calls.push({ verb: verb.name, args, opts });
  });
  await new Promise((r) => setImmediate(r));
  return { code, out: out.text(), err: err.text(), call: calls[0] };
}

/** Every command of the table with its full name (`create service clusterip`). */
function allCommands(): [string, CommandSpec][] {
  const out: [string, CommandSpec][] = [];
  const walk = (spec: CommandSpec, path: string) => {
    out.push([path, spec]);
    for (const s of spec.subcommands ?? []) walk(s, `${path} ${s.name}`);
  };
  for (const v of VERBS) walk(v, v.name);
  return out;
}

describe('the verb table', () => {
  it.each(allCommands())('%s has kubectl-shaped help', (path, spec) => {
    expect(spec.short).not.toBe('');
    expect(spec.long).not.toBe('');
    expect(spec.usage.startsWith(`kbx ${path}`)).toBe(true);
    expect(spec.examples === '' || spec.examples.startsWith('  ')).toBe(true);
    const help = commandHelp(spec, path);
    expect(help).toContain(`Usage:\n  ${spec.usage}\n`);
    expect(help.endsWith('Use "kbx options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
    expect(help).not.toMatch(/^ *(# )?kubectl /m);
    for (const f of spec.flags) {
      expect(f.help, `${path} --${f.long}`).not.toBe('');
      if (!f.hidden) expect(help).toContain(`--${f.long}=`);
    }
  });

  it.each(allCommands())('%s declares each flag once and no global flag twice', (path, spec) => {
    const longs = spec.flags.map((f) => f.long);
    expect(new Set(longs).size, path).toBe(longs.length);
    const shorts = [...spec.flags, ...GLOBAL_FLAGS.filter((g) => !longs.includes(g.long))].map((f) => f.short).filter(Boolean);
    expect(new Set(shorts).size, path).toBe(shorts.length);
  });

  it('verb names and aliases are unique', () => {
    const names = VERBS.flatMap((v) => [v.name, ...(v.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('the root help lists every verb with a group, in kubectl layout', () => {
    const help = rootHelp(VERBS);
    for (const v of VERBS.filter((x) => x.group)) expect(help).toMatch(new RegExp(`\\n  ${v.name} +${v.short.replace(/[()]/g, '.')}\\n`));
    expect(help).toContain('  create          Create a resource from a file or from stdin\n');
    expect(help.endsWith('Use "kbx options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
  });

  it('set --help lists only the subcommands kbx has', () => {
    const help = helpOf('set');
    expect(help).toContain('Available Commands:\n  env           Update environment variables on a pod template\n  image         Update the image of a pod template\n\n');
    expect(help).not.toContain('serviceaccount');
  });

  it('kbx options lists the global flags as kubectl options does', async () => {
    const r = await cli('options');
    expect(r.code).toBe(0);
    expect(r.call?.verb).toBe('options');
    expect(optionsHelp()).toMatch(/^The following options can be passed to any command:\n\n/);
    expect(optionsHelp()).toContain("    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n");
    expect(optionsHelp()).toContain("    --insecure-skip-tls-verify=false:\n");
  });

  it('help flags print the command help (kubectl layout, sorted flags)', async () => {
    const r = await cli('apply', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain("Options:\n    --dry-run='none':\n");
    expect(r.out.indexOf('--dry-run=')).toBeLessThan(r.out.indexOf('-f, --filename=[]:'));
    expect(r.out).not.toContain('--image');
    const sub = await cli('create', 'deployment', '--help');
    expect(sub.out).toMatch(/^Create a deployment with the specified name\.\n\nAliases:\ndeployment, deploy\n\nExamples:\n/);
    expect(sub.out).toContain('    -r, --replicas=1:\n');
  });
});

describe('flags, per verb', () => {
  it('--server-side=true is the boolean flag', async () => {
    const r = await cli('apply', '--server-side=true', '-f', 'x.yaml');
    expect(r.code).toBe(0);
    expect(r.call).toMatchObject({ verb: 'apply', args: [], opts: { serverSide: true, filename: ['x.yaml'] } });
  });

  it.each([
    [['get', 'pods', '--watch=false'], { watch: false }],
    [['get', 'pods', '-w=true'], { watch: true }],
    [['get', 'pods', '--no-headers=true'], { headers: false }],
    [['get', 'pods', '--no-headers=false'], { headers: true }],
    [['get', 'pods', '-o=yaml'], { output: 'yaml' }],
    [['delete', 'pod', 'x', '--wait=0'], { wait: false }],
    [['describe', 'pod', 'x', '--show-events=false'], { showEvents: false }],
    [['rollout', 'status', 'deploy/x', '-w=false'], { watch: false }],
  ] as [string[], Record<string, unknown>][])('%j', async (argv, want) => {
    const r = await cli(...argv);
    expect(r.err).toBe('');
    expect(r.call?.opts).toMatchObject(want);
  });

  it('defaults the verbs rely on', async () => {
    expect((await cli('delete', 'pod', 'x')).call?.opts).toMatchObject({ wait: true, gracePeriod: '-1', cascade: 'background' });
    expect((await cli('port-forward', 'pod/x', '80')).call?.opts.address).toEqual(['localhost']);
    expect((await cli('port-forward', 'pod/x', '80', '--address', '0.0.0.0', '--address', '::1')).call?.opts.address).toEqual(['0.0.0.0', '::1']);
    expect((await cli('get', 'pods', '-L', 'a', '-L', 'b')).call?.opts.labelColumns).toEqual(['a', 'b']);
  });

  it('subcommands receive their path first and their own flags', async () => {
    const r = await cli('create', 'service', 'clusterip', 'web', '--tcp=80:8080', '-n', 'team');
    expect(r.call).toMatchObject({ verb: 'create', args: ['service', 'clusterip', 'web'], opts: { tcp: ['80:8080'], namespace: 'team' } });
    const alias = await cli('create', 'deploy', 'web', '--image', 'nginx', '-r', '2');
    expect(alias.call).toMatchObject({ args: ['deployment', 'web'], opts: { image: ['nginx'], replicas: '2' } });
  });

  it('global flags before and after the verb', async () => {
    expect((await cli('-n', 'a', 'get', 'pods')).call?.opts.namespace).toBe('a');
    expect((await cli('get', 'pods', '--context', 'c', '-n', 'b')).call?.opts).toMatchObject({ namespace: 'b', context: 'c' });
    expect((await cli('config', 'set-context', '--current', '--namespace=dev')).call).toMatchObject({ args: ['set-context'], opts: { current: true, namespace: 'dev' } });
  });

  it.each([
    [['apply', '--image', 'x', '-f', 'y'], "error: unknown flag: --image\nSee 'kbx apply --help' for usage.\n"],
    [['apply', '--tcp=80'], "error: unknown flag: --tcp\nSee 'kbx apply --help' for usage.\n"],
    [['apply', '-x'], "error: unknown shorthand flag: 'x' in -x\nSee 'kbx apply --help' for usage.\n"],
    [['create', '-f', 'x', '--image', 'y'], "error: unknown flag: --image\nSee 'kbx create --help' for usage.\n"],
    [['create', 'deployment', 'x', '--image=y', '--bogus'], "error: unknown flag: --bogus\nSee 'kbx create deployment --help' for usage.\n"],
    [['set', 'image', 'deploy/x', 'a=b', '--env', 'A=1'], "error: unknown flag: --env\nSee 'kbx set image --help' for usage.\n"],
    [['get', '--selector'], "error: flag needs an argument: --selector\nSee 'kbx get --help' for usage.\n"],
    [['get', 'pods', '--watch=maybe'], 'error: invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kbx get --help\' for usage.\n'],
  ])('refuses %j', async (argv, want) => {
    const r = await cli(...argv);
    expect(r.call).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.err).toBe(want);
  });

  it('normalizeArgs', () => {
    const flags = [bool('-w, --watch', 'w'), bool('--no-headers', 'h'), str('-o, --output', 'o')];
    expect(normalizeArgs(['--watch=false', '-w=1', '--no-headers=true', '--no-headers=false', '-o=json', '--output=yaml'], flags)).toEqual([
      '--no-watch', '--watch', '--no-headers', '-o', 'json', '--output=yaml',
    ]);
    expect(() => normalizeArgs(['--watch=yes'], flags)).toThrow(FlagValueError);
  });
});

describe('unknown verbs', () => {
  it.each([
    ['gte', ['get']],
    // kubectl: set get delete describe cp debug (kbx has no debug yet)
    ['de', ['set', 'get', 'delete', 'describe', 'cp', 'debug']],
    ['aply', ['apply']],
    ['zzzzzzz', []],
  ])('%s → %j', (typed, want) => expect(suggestVerbs(typed, VERBS)).toEqual(want));

  it('prints kubectl\'s message', async () => {
    expect((await cli('gte', 'pods')).err).toBe('error: unknown command "gte" for "kbx"\n\nDid you mean this?\n\tget\n');
    const none = await cli('zzzzzzz');
    expect(none).toMatchObject({ code: 1, err: 'error: unknown command "zzzzzzz" for "kbx"\n' });
  });
});

describe('flags given before the verb', () => {
  it('are normalised with the flags of the verb that follows', async () => {
    expect((await cli('-n', 'x', 'get', '--raw=/api')).call?.opts).toMatchObject({ raw: '/api', namespace: 'x' });
    expect((await cli('--context=c', 'config', 'view', '--raw=true')).call?.opts).toMatchObject({ raw: true });
  });
});
