// kbx edit (TYPE NAME | TYPE/NAME | -f FILE): kubectl's edit — the objects as YAML in $KUBE_EDITOR, else
// $EDITOR, else vi; the change sent as a strategic merge patch (`… edited`). When the server refuses it,
// the file is reopened with the errors on top; saving it unchanged again gives up and keeps a copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import type { KObject } from '../../api/types.js';
import { qualifiedResource } from '../../api/registry.js';
import { StatusError } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError, formatError } from '../errors.js';
import { fieldValidation } from '../field-validation.js';
import { parseManifests, toKubectlYaml } from '../output/yaml.js';
import { finishWithErrors, objectName, resolveTargets, type Target } from '../targets.js';

interface EditOptions {
  namespace?: string;
  filename?: string[];
  recursive?: boolean;
  validate?: string;
  fieldManager?: string;
}

export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** The file's content without comment lines (kubectl's stripComments). */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n')
    .trim();
}

/** The comment block kubectl puts above the object after a failed save. */
export function errorHeader(messages: string[]): string {
  return messages.length ? messages.flatMap((m) => m.split('\n')).map((l) => `# ${l}`).join('\n') + '\n#\n' : '';
}

/** A refusal as the edit file shows it: `deployments.apps "web" was not valid:` and one `* field: message` a cause. */
export function describeFailure(t: Pick<Target, 'info' | 'name'>, e: unknown): string {
  if (e instanceof StatusError && e.status.reason === 'Invalid' && e.status.details?.causes?.length) {
    const causes = e.status.details.causes.map((c) => `* ${c.field ? `${c.field}: ` : ''}${c.message}`);
    return [`${qualifiedResource(t.info)} "${t.name}" was not valid:`, ...causes].join('\n');
  }
  return formatError(e).text;
}

/** The editor command line: KUBE_EDITOR, EDITOR, else vi (run by the shell when it has arguments). */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.KUBE_EDITOR?.trim() || env.EDITOR?.trim() || 'vi';
}

function forEditing(obj: KObject): KObject {
  const copy = structuredClone(obj);
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

export async function run(ctx: Ctx, args: string[], o: EditOptions): Promise<void> {
  const validation = fieldValidation(o.validate);
  const client = await ctx.client();
  const namespace = await ctx.namespace(o);
  const { targets, errors } = await resolveTargets(client, args, { namespace, filenames: o.filename, recursive: o.recursive, allowEmptySelector: false });
  finishWithErrors(ctx, errors);
  if (!targets.length) return;
  const originals = targets.map((t) => forEditing(t.object));
  const originalText =
    originals.length === 1 ? toKubectlYaml(originals[0]) : toKubectlYaml({ apiVersion: 'v1', kind: 'List', metadata: {}, items: originals });
  const editor = editorCommand();
  const file = path.join(os.tmpdir(), `kbx-edit-${randomInt(1e9)}.yaml`);
  let buffer = originalText;
  let failures: string[] = [];
  let failed: Target[] = [];
  let previous: string | undefined;
  const pending = new Map(targets.map((t, i) => [i, t]));
  for (;;) {
    fs.writeFileSync(file, EDIT_HEADER + errorHeader(failures) + buffer);
    const r = spawnSync('sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit' });
    if (r.status !== 0) throw new CliError(`there was a problem with the editor "${editor}"`);
    const edited = fs.readFileSync(file, 'utf8');
    const body = stripComments(edited);
    if (failures.length && previous !== undefined && body === stripComments(previous)) {
      for (const t of failed) ctx.err(`error: ${qualifiedResource(t.info)} "${t.name}" is invalid`);
      ctx.err(`A copy of your changes has been stored to "${file}"\nerror: Edit cancelled, no valid changes were saved.`);
      ctx.exitCode = 1;
      return;
    }
    previous = edited;
    if (!body) {
      ctx.err('Edit cancelled, saved file was empty.');
      return done(file);
    }
    if (body === stripComments(originalText)) {
      ctx.err('Edit cancelled, no changes made.');
      return done(file);
    }
    let objects: KObject[];
    try {
      const parsed = parseManifests(body, file);
      objects = parsed.length === 1 && parsed[0]!.kind === 'List' ? ((parsed[0] as KObject & { items: KObject[] }).items ?? []) : parsed;
    } catch (e) {
      failures = [`The edited file had a syntax error: ${(e as Error).message}`];
      buffer = stripCommentLines(edited);
      continue;
    }
    failures = [];
    failed = [];
    const { createTwoWayMergePatch, isEmptyPatch, STRATEGIC_MERGE_PATCH } = await import('../../api/patch/index.js');
    for (const [i, t] of [...pending]) {
      const after = objects.find((x) => x.metadata?.name === t.name && x.kind === t.object.kind);
      if (!after) {
        failed.push(t);
        failures.push(`${qualifiedResource(t.info)} "${t.name}" was not valid:\n* metadata.name: Invalid value: "${t.name}": the object is missing from the edited file (name and kind may not change)`);
        continue;
      }
      const patch = createTwoWayMergePatch(originals[i]!, after, t.info.kind);
      if (isEmptyPatch(patch)) {
        pending.delete(i);
        continue;
      }
      try {
        await client.patch(t.info, t.namespace, t.name, patch, STRATEGIC_MERGE_PATCH, { fieldManager: o.fieldManager ?? 'kubectl-edit', fieldValidation: validation });
        ctx.out(`${objectName(t.info, t.name)} edited`);
        pending.delete(i);
      } catch (e) {
        failed.push(t);
        failures.push(describeFailure(t, e));
      }
    }
    if (!failures.length) return done(file);
    buffer = stripCommentLines(edited);
  }
}

/** The edited text without kubectl's header (and earlier error comments), keeping the user's own lines. */
function stripCommentLines(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith('#')) i++;
  return lines.slice(i).join('\n');
}

function done(file: string): void {
  fs.rmSync(file, { force: true });
}
