// kbx config view | get-contexts | current-context | use-context | set-context --current --namespace=…,
// as kubectl's. The files are kubectl's (--kubeconfig, else $KUBECONFIG's list) or, with neither, the
// kubeconfig kbx itself uses: $KBX_HOME/kubeconfig.
import fs from 'node:fs';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { paths, kbxHome } from '../../config/home.js';
import { kubeconfigFiles, loadKubeconfig, readKubeconfigFile, KubeconfigError, type Kubeconfig, type MergedKubeconfig } from '../../client/kubeconfig.js';
import { writeKubeconfigFile } from '../../client/kubeconfig-write.js';
import { tabify } from '../../compat/tabwriter.js';
import { toKubectlYaml } from '../output/yaml.js';

/** The kubeconfig files in effect: --kubeconfig's, $KUBECONFIG's, else the local cluster's. */
export function files(opts: Record<string, any>): { files: string[]; explicit: boolean } {
  if (opts.kubeconfig || process.env.KUBECONFIG) return kubeconfigFiles(opts.kubeconfig);
  return { files: [paths(kbxHome()).kubeconfig], explicit: false };
}

function load(opts: Record<string, any>): MergedKubeconfig {
  const f = files(opts);
  try {
    return loadKubeconfig(f.files, f.explicit);
  } catch (e) {
    if (e instanceof KubeconfigError) throw new CliError(e.message);
    throw e;
  }
}

const byName = <T extends { name: string }>(list: T[] | null | undefined): T[] => [...(list ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

export async function run(ctx: Ctx, args: string[], opts: Record<string, any>): Promise<void> {
  const sub = args[0];
  switch (sub) {
    case 'view':
      return view(ctx, opts);
    case 'get-contexts':
      return getContexts(ctx, args.slice(1), opts);
    case 'current-context': {
      const cur = load(opts).config['current-context'];
      if (!cur) throw new CliError('current-context is not set');
      ctx.out(cur);
      return;
    }
    case 'use-context':
    case 'use': {
      const name = args[1];
      if (!name || args.length > 2) throw new CliError('Unexpected args: ' + JSON.stringify(args.slice(1)));
      const m = load(opts);
      if (!m.config.contexts?.some((c) => c.name === name)) throw new CliError(`no context exists with the name: "${name}"`);
      modify(m, opts, (cfg, file) => (file === currentContextFile(m, opts) ? ((cfg['current-context'] = name), true) : false));
      ctx.out(`Switched to context "${name}".`);
      return;
    }
    case 'set-context':
      return setContext(ctx, args.slice(1), opts);
    case undefined:
      throw new CliError('You must specify a subcommand: view, get-contexts, current-context, use-context or set-context');
    default:
      throw new CliError(`unknown command "${sub}" for "kbx config"\nRun 'kbx config --help' for usage.`, 1, true);
  }
}

/** kubectl writes current-context to the first file of the list that exists (the only one, for --kubeconfig). */
function currentContextFile(m: MergedKubeconfig, opts: Record<string, any>): string {
  const f = files(opts).files;
  return f.find((x) => fs.existsSync(x)) ?? f[0]!;
}

/** Applies `change` to each file of the list (read as it is on disk) and writes those it changed. */
function modify(m: MergedKubeconfig, opts: Record<string, any>, change: (cfg: Kubeconfig, file: string) => boolean): void {
  for (const file of files(opts).files) {
    const cfg = readKubeconfigFile(file) ?? (file === currentContextFile(m, opts) ? {} : undefined);
    if (!cfg) continue;
    if (change(cfg, file)) writeKubeconfigFile(file, cfg);
  }
}

function setContext(ctx: Ctx, args: string[], opts: Record<string, any>): void {
  const m = load(opts);
  let name: string | undefined = args[0];
  if (opts.current) {
    if (name) throw new CliError('you cannot specify both a context name and --current');
    name = m.config['current-context'];
    if (!name) throw new CliError('no current context is set');
  }
  if (!name) throw new CliError('you must specify a non-empty context name or --current');
  const fields: Record<string, string> = {};
  if (opts.namespace !== undefined) fields.namespace = opts.namespace;
  if (opts.cluster !== undefined) fields.cluster = opts.cluster;
  if (opts.user !== undefined) fields.user = opts.user;
  const exists = m.config.contexts?.some((c) => c.name === name);
  const home = exists ? m.origin.contexts.get(name)!.file : currentContextFile(m, opts);
  modify(m, opts, (cfg, file) => {
    if (file !== home) return false;
    const list = (cfg.contexts ??= []);
    let entry = list.find((c) => c.name === name);
    if (!entry) list.push((entry = { name: name!, context: {} }));
    entry.context = { ...(entry.context ?? {}) };
    for (const [k, v] of Object.entries(fields)) {
      if (v === '') delete entry.context[k];
      else entry.context[k] = v;
    }
    return true;
  });
  ctx.out(`Context "${name}" ${exists ? 'modified' : 'created'}.`);
}

function getContexts(ctx: Ctx, names: string[], opts: Record<string, any>): void {
  const m = load(opts);
  const out = opts.output as string | undefined;
  if (out !== undefined && out !== 'name') throw new CliError(`output must be one of '' or 'name': ${out}`);
  const all = byName(m.config.contexts);
  const shown = names.length ? all.filter((c) => names.includes(c.name)) : all;
  if (out === 'name') {
    for (const c of shown) ctx.out(c.name);
  } else {
    const rows = opts.headers === false ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
    for (const c of shown) rows.push([c.name === m.config['current-context'] ? '*' : '', c.name, c.context?.cluster ?? '', c.context?.user ?? '', c.context?.namespace ?? '']);
    ctx.stdout.write(tabify(rows.map((r) => r.join('\t')).join('\n') + '\n', 6, 4, 3));
  }
  const missing = names.filter((n) => !all.some((c) => c.name === n));
  if (missing.length) throw new CliError(missing.map((n) => `context ${n} not found`).join('\n'));
}

function view(ctx: Ctx, opts: Record<string, any>): void {
  const m = load(opts);
  let cfg: Kubeconfig = structuredClone(m.config);
  if (opts.minify) {
    const cur = cfg['current-context'];
    if (!cur) throw new CliError('current-context must exist in order to minify');
    const c = cfg.contexts?.find((x) => x.name === cur);
    if (!c) throw new CliError(`cannot locate context ${cur}`);
    cfg.contexts = [c];
    cfg.clusters = (cfg.clusters ?? []).filter((x) => x.name === c.context?.cluster);
    cfg.users = (cfg.users ?? []).filter((x) => x.name === c.context?.user);
  }
  if (opts.flatten) cfg = flatten(cfg, m);
  if (!opts.raw) redact(cfg);
  const doc: Record<string, unknown> = {
    apiVersion: 'v1',
    clusters: cfg.clusters?.length ? byName(cfg.clusters) : null,
    contexts: cfg.contexts?.length ? byName(cfg.contexts) : null,
    'current-context': cfg['current-context'] ?? '',
    kind: 'Config',
    users: cfg.users?.length ? byName(cfg.users) : null,
  };
  if (cfg.preferences && Object.keys(cfg.preferences).length) doc.preferences = cfg.preferences;
  const format = opts.output ?? 'yaml';
  if (format === 'yaml') ctx.stdout.write(toKubectlYaml(doc));
  else if (format === 'json') ctx.out(JSON.stringify({ kind: 'Config', apiVersion: 'v1', preferences: cfg.preferences ?? {}, ...doc }, null, 4));
  else throw new CliError(`unable to match a printer suitable for the output format "${format}", allowed formats are: json,yaml`);
}

function redact(cfg: Kubeconfig): void {
  for (const c of cfg.clusters ?? []) {
    if (c.cluster?.['certificate-authority-data']) c.cluster['certificate-authority-data'] = 'DATA+OMITTED';
  }
  for (const u of cfg.users ?? []) {
    if (!u.user) continue;
    if (u.user['client-certificate-data']) u.user['client-certificate-data'] = 'DATA+OMITTED';
    if (u.user['client-key-data']) u.user['client-key-data'] = 'DATA+OMITTED';
    if (u.user.token) u.user.token = 'REDACTED';
  }
}

/** --flatten: file references become inline data. */
function flatten(cfg: Kubeconfig, m: MergedKubeconfig): Kubeconfig {
  const inline = (file: string, origin?: string) => {
    const p = origin && !file.startsWith('/') ? `${origin.replace(/[^/]*$/, '')}${file}` : file;
    try {
      return fs.readFileSync(p).toString('base64');
    } catch {
      throw new CliError(`open ${p}: no such file or directory`);
    }
  };
  for (const c of cfg.clusters ?? []) {
    const f = c.cluster?.['certificate-authority'];
    if (f) {
      c.cluster['certificate-authority-data'] = inline(f, m.origin.clusters.get(c.name)?.file);
      delete c.cluster['certificate-authority'];
    }
  }
  for (const u of cfg.users ?? []) {
    for (const [k, d] of [['client-certificate', 'client-certificate-data'], ['client-key', 'client-key-data']] as const) {
      const f = u.user?.[k];
      if (f) {
        u.user[d] = inline(f, m.origin.users.get(u.name)?.file);
        delete u.user[k];
      }
    }
  }
  return cfg;
}
