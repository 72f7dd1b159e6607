// kbx edit's pure parts: the header, comments, the failure block, the editor.
import { describe, it, expect } from 'vitest';
import { describeFailure, editorCommand, errorHeader, stripComments } from '../../src/cli/commands/edit.js';
import { StatusError } from '../../src/client/client.js';
import { RESOURCES } from '../../src/api/registry.js';

describe('edit', () => {
  it('ignores comment lines', () => {
    expect(stripComments('# header\n#\napiVersion: v1\n  # indented comment\nkind: ConfigMap\n')).toBe('apiVersion: v1\nkind: ConfigMap');
    expect(stripComments('# only comments\n')).toBe('');
  });

  it('writes failures as kubectl does above the object', () => {
    const info = RESOURCES.find((r) => r.kind === 'Deployment')!;
    const invalid = new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Invalid', code: 422, message: 'x', details: { name: 'web', kind: 'Deployment', causes: [{ field: 'spec.replicas', message: 'Invalid value: -1: must be greater than or equal to 0' }] } } as never);
    const text = describeFailure({ info, name: 'web' }, invalid);
    expect(text).toBe('deployments.apps "web" was not valid:\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(errorHeader([text])).toBe('# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n');
    expect(errorHeader([])).toBe('');
  });

  it('uses KUBE_EDITOR, then EDITOR, then vi', () => {
    expect(editorCommand({ KUBE_EDITOR: 'nano', EDITOR: 'emacs' })).toBe('nano');
    expect(editorCommand({ EDITOR: 'code --wait' })).toBe('code --wait');
    expect(editorCommand({})).toBe('vi');
  });
});
