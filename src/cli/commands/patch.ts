// kbx patch (-f FILE | TYPE NAME...) -p PATCH | --patch-file FILE [--type strategic|merge|json]:
// kubectl's patch — the patch read as YAML or JSON, sent as one PATCH per object (optionally to a
// subresource), `… patched` or `… patched (no change)`; --dry-run=client applies it locally.
import fs from 'node:fs';
import type { KObject } from '../../api/types.js';
import { resourcePath, type ApiClient } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { parseOutput, formatObjects } from '../output/print.js';
import { yamlDocumentToJson } from '../../compat/yaml-parse.js';
import { finishWithErrors, objectName, resolveTargets, type Target } from '../targets.js';
import { dryRunMode } from './apply.js';
import { sortKeysDeep } from '../objects.js';

interface PatchOptions {
  namespace?: string;
  filename?: string[];
  recursive?: boolean;
  patch?: string;
  patchFile?: string;
  type?: string;
  subresource?: string;
  dryRun?: string;
  output?: string;
  fieldManager?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/** kubectl's checks of the patch flags, and the patch as JSON with its content type. */
export function patchRequest(o: Pick<PatchOptions, 'patch' | 'patchFile' | 'type'>, readFile: (f: string) => string = (f) => fs.readFileSync(f, 'utf8')): { contentType: string; body: unknown } {
  const type = (o.type ?? 'strategic').toLowerCase();
  const contentType = CONTENT_TYPES[type];
  if (!contentType) throw new CliError(`--type must be one of [json merge strategic], not "${o.type}"`);
  if (o.patch !== undefined && o.patchFile !== undefined) throw new CliError('cannot specify --patch and --patch-file together');
  let text = o.patch ?? '';
  if (o.patchFile !== undefined) {
    try {
      text = readFile(o.patchFile);
    } catch (e) {
      throw new CliError(`unable to read patch file: ${(e as Error).message}`);
    }
  }
  if (!text.trim()) throw new CliError('must specify --patch or --patch-file containing the contents of the patch');
  let body: unknown;
  try {
    body = yamlDocumentToJson(text);
  } catch (e) {
    throw new CliError(`unable to parse "${text}": ${(e as Error).message}`);
  }
  return { contentType, body };
}

/** Whether the patch changed the object (kubectl compares what it read with what the server returned). */
export function changed(before: unknown, after: unknown): boolean {
  return JSON.stringify(sortKeysDeep(before)) !== JSON.stringify(sortKeysDeep(after));
}

export async function run(ctx: Ctx, args: string[], o: PatchOptions): Promise<void> {
  const { contentType, body } = patchRequest(o);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  const dry = dryRunMode(o.dryRun);
  const client = await ctx.client();
  const namespace = await ctx.namespace(o);
  const { targets, errors } = await resolveTargets(client, args, { namespace, filenames: o.filename, recursive: o.recursive, allowEmptySelector: false });
  for (const t of targets) {
    try {
      const before = o.subresource ? await getSubresource(client, t, o.subresource) : t.object;
      let after: KObject;
      if (dry === 'client') {
        const { applyPatch } = await import('../../api/patch/apply.js');
        after = applyPatch(contentType, before, body, t.info.kind) as KObject;
      } else {
        after = await client.patch(t.info, t.namespace, t.name, body, contentType, { fieldManager: o.fieldManager ?? 'kubectl-patch', ...(dry === 'server' ? { dryRun: 'All' } : {}) }, o.subresource);
      }
      if (fmt) ctx.stdout.write(formatObjects([after], fmt, true));
      else ctx.out(`${objectName(t.info, t.name)} patched${dry === 'client' || changed(before, after) ? '' : ' (no change)'}`);
    } catch (e) {
      errors.push(e);
    }
  }
  finishWithErrors(ctx, errors);
}

async function getSubresource(client: ApiClient, t: Target, sub: string): Promise<KObject> {
  return (await client.request('GET', resourcePath(t.info, t.namespace, t.name, sub))).body as KObject;
}
