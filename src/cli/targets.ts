// The objects a verb acts on, found as kubectl's resource builder finds them (GET each name, LIST a
// type with -l, or the objects of -f files), how they are named in messages, and how the errors
// met on the way are reported. Used by scale, set and rollout.
import type { KObject } from '../api/types.js';
import { RESOURCES, qualifiedResource, qualifiedSingular, type ResourceInfo } from '../api/registry.js';
import { labelSelectorFromSpec, selectorToString } from '../api/selectors.js';
import { StatusError, type ApiClient } from '../client/client.js';
import { parseResourceArgs } from './context.js';
import { CliError } from './errors.js';
import { readManifests } from './manifests.js';
import { resolveObject } from './objects.js';

export const DEPLOYMENTS = RESOURCES.find((r) => r.kind === 'Deployment')!;
export const REPLICASETS = RESOURCES.find((r) => r.kind === 'ReplicaSet')!;

/** `deployments.apps` / `pods`: the resource name kubectl puts in `… "x" is already paused`. */
export function resourceString(info: ResourceInfo): string {
  return qualifiedResource(info);
}

/** `deployment.apps/x`. */
export function objectName(info: ResourceInfo, name: string): string {
  return `${qualifiedSingular(info)}/${name}`;
}

/** `ReplicaSet.apps`, `Pod`: a GroupKind as Go prints it. */
export function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** The label selector string kubectl lists a deployment's (or ReplicaSet's) children with. */
export function selectorQuery(obj: KObject): string {
  try {
    return selectorToString(labelSelectorFromSpec(obj.spec?.selector));
  } catch {
    return '';
  }
}

export interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  object: KObject;
}

export interface ResolveOptions {
  namespace: string;
  selector?: string;
  filenames?: string[];
  recursive?: boolean;
  /** A bare type selects every object of it (rollout; scale/set with --all). */
  allowEmptySelector: boolean;
}

export const NO_RESOURCES_ERROR =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/**
 * resource.Builder with ResourceTypeOrNameArgs + Latest + ContinueOnError: the objects named
 * (GET each), listed (type with -l or when allowed) or in -f files; lookup errors are collected,
 * not thrown. Argument errors (unknown type, no name) are thrown.
 */
export async function resolveTargets(client: ApiClient, args: string[], o: ResolveOptions): Promise<{ targets: Target[]; errors: unknown[]; listed: boolean }> {
  const targets: Target[] = [];
  const errors: unknown[] = [];
  let listed = false;
  const withKind = (info: ResourceInfo, obj: KObject): KObject => ({ apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind, ...obj });
  if (o.filenames?.length) {
    for (const so of readManifests(o.filenames, o.recursive)) {
      const r = resolveObject(so, undefined, o.namespace);
      const name = r.object.metadata?.name ?? '';
      try {
        targets.push({ info: r.info, namespace: r.namespace, name, object: withKind(r.info, await client.get(r.info, r.namespace, name)) });
      } catch (e) {
        errors.push(e);
      }
    }
  }
  if (!args.length) {
    if (!o.filenames?.length) throw new CliError(NO_RESOURCES_ERROR);
    return { targets, errors, listed };
  }
  for (const sel of parseResourceArgs(args)) {
    const ns = sel.info.namespaced ? o.namespace : undefined;
    if (sel.names.length) {
      for (const name of sel.names) {
        try {
          targets.push({ info: sel.info, namespace: ns, name, object: withKind(sel.info, await client.get(sel.info, ns, name)) });
        } catch (e) {
          errors.push(await namespaceMissing(client, e, ns));
        }
      }
      continue;
    }
    if (!o.selector && !o.allowEmptySelector) throw new CliError('resource(s) were provided, but no name was specified');
    listed = true;
    const list = await client.list(sel.info, ns, { labelSelector: o.selector });
    for (const item of list.items) targets.push({ info: sel.info, namespace: ns, name: item.metadata.name ?? '', object: withKind(sel.info, item) });
  }
  return { targets, errors, listed };
}

/** Info.Get: a NotFound in a namespace other than default is reported as the namespace's NotFound when that is missing. */
async function namespaceMissing(client: ApiClient, e: unknown, ns: string | undefined): Promise<unknown> {
  if (!(e instanceof StatusError) || e.code !== 404 || !ns || ns === 'default') return e;
  const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace')!;
  try {
    await client.get(NAMESPACES, undefined, ns);
  } catch (e2) {
    if (e2 instanceof StatusError && e2.code === 404) return e2;
  }
  return e;
}

/** Reports the errors collected while acting on several objects: one is thrown as it is, several print one per line (exit 1). */
export function finishWithErrors(ctx: { err(s: string): void; exitCode: number }, errors: unknown[]): void {
  if (!errors.length) return;
  if (errors.length === 1) throw errors[0];
  for (const e of errors) {
    if (e instanceof StatusError) ctx.err(e.reason && e.reason !== 'Unknown' ? `Error from server (${e.reason}): ${e.message}` : `Error from server: ${e.message}`);
    else ctx.err(((e as Error).message ?? String(e)).replace(/\n$/, ''));
  }
  ctx.exitCode = 1;
}
