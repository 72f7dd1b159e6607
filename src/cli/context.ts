// What every command gets: output streams, the `--` arguments, the API client (connected lazily,
// starting the control plane if needed), the namespace in effect.
import type { ApiClient } from '../client/client.js';
import type { ConnectionOverrides } from '../client/kubeconfig.js';
import { resolveResource, RESOURCES, type ResourceInfo } from '../api/registry.js';
import { CliError } from './errors.js';

export interface GlobalOptions {
  namespace?: string;
  allNamespaces?: boolean;
}

export class Ctx {
  private connected?: Promise<{ client: ApiClient; namespace: string }>;
  exitCode = 0;
  /** The connection flags of the command line (see connection-flags.ts); set by main.ts. */
  connection: ConnectionOverrides = {};
  /** Set by verbs that only make sense for the local cluster: $KUBECONFIG is then not followed. */
  localOnly = false;
  /**
   * The help of a command by path (`set`, `create secret`), from the verb table; set by main.ts, so a
   * command module prints a help page without importing the table that loads it.
   */
  helpOf: (path: string) => string = (path) => `kbx ${path}\n`;
  /** The verb table (completion reads it); set by main.ts for the same reason. */
  verbs: readonly unknown[] = [];

  constructor(
    readonly argv: string[],
    readonly dashArgs: string[],
    readonly stdout: NodeJS.WriteStream = process.stdout,
    readonly stderr: NodeJS.WriteStream = process.stderr,
  ) {}

  out(s: string): void {
    this.stdout.write(s.endsWith('\n') || s === '' ? s : s + '\n');
  }

  err(s: string): void {
    this.stderr.write(s.endsWith('\n') ? s : s + '\n');
  }

  get isTTY(): boolean {
    return !!this.stdout.isTTY;
  }

  private connect(): Promise<{ client: ApiClient; namespace: string }> {
    if (!this.connected) {
      this.connected = import('../client/connect.js').then(async ({ connect }) => {
        const c = await connect({ announce: (m) => this.err(m), overrides: this.connection, interactive: () => !!process.stdin.isTTY, localOnly: this.localOnly });
        c.client.onWarning = (w) => this.err(`Warning: ${w}`);
        return c;
      });
    }
    return this.connected;
  }

  /** Whether connection flags name a cluster other than the local one (kbx-only verbs refuse them). */
  async external(): Promise<boolean> {
    const { wantsExternalCluster } = await import('../client/connect.js');
    return wantsExternalCluster(this.connection, {});
  }

  async client(): Promise<ApiClient> {
    return (await this.connect()).client;
  }

  async namespace(opts: GlobalOptions): Promise<string> {
    if (opts.namespace) return opts.namespace;
    return (await this.connect()).namespace;
  }

  /** Set by main.ts from the parsed command: see changeCause(). */
  recorded?: string;

  /** The command line as kubectl records it in `kubernetes.io/change-cause`. */
  commandLine(): string {
    return this.recorded ?? ['kbx', ...this.argv, ...(this.dashArgs.length ? ['--', ...this.dashArgs] : [])].join(' ');
  }

  close(): void {
    void this.connected?.then((c) => c.client.close()).catch(() => {});
  }
}

export interface ResourceSelection {
  info: ResourceInfo;
  names: string[];
  /** The namespace an object read with -f/-k names (kubectl uses it over the default). */
  namespace?: string;
}

export function requireResource(type: string): ResourceInfo {
  const info = resolveResource(type);
  if (!info) throw new CliError(`the server doesn't have a resource type "${type}"`);
  return info;
}

/** `pods`, `pods,ns`, `pod x y`, `pod/x deploy/y`, `all` → resource selections, in the order given. */
export function parseResourceArgs(args: string[]): ResourceSelection[] {
  if (!args.length) return [];
  if (args[0]!.includes('/')) {
    const out: ResourceSelection[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) throw new CliError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kbx get resource/<resource_name>' instead of 'kbx get resource resource/<resource_name>'`);
      const info = requireResource(a.slice(0, slash));
      const name = a.slice(slash + 1);
      if (!name) throw new CliError(`arguments in resource/name form must have a single resource and name`);
      const last = out[out.length - 1];
      if (last && last.info === info) last.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const types = args[0]!.split(',').filter(Boolean);
  const names = args.slice(1);
  for (const n of names) {
    if (n.includes('/')) throw new CliError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kbx get resource/<resource_name>' instead of 'kbx get resource resource/<resource_name>'`);
  }
  const infos: ResourceInfo[] = [];
  for (const t of types) {
    if (t === 'all') {
      for (const r of RESOURCES) if (r.categories.includes('all') && !infos.includes(r)) infos.push(r);
    } else {
      const info = requireResource(t);
      if (!infos.includes(info)) infos.push(info);
    }
  }
  if (names.length && infos.length > 1) {
    // kubectl: `get pods,ns x` looks x up as each type.
  }
  return infos.map((info) => ({ info, names: [...names] }));
}
