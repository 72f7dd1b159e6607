// kbx diff's pure parts: kubectl's file names, the YAML compared, the diff program.
import { describe, it, expect } from 'vitest';
import { diffCommand, diffFileName, forDiff } from '../../src/cli/commands/diff.js';

describe('diff', () => {
  it('names files as kubectl does', () => {
    expect(diffFileName({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'default', name: 'web' } })).toBe('apps.v1.Deployment.default.web');
    expect(diffFileName({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', name: 'x' } })).toBe('v1.ConfigMap.default.x');
    expect(diffFileName({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })).toBe('v1.Namespace..team');
  });

  it('leaves managedFields out, an absent object is an empty file', () => {
    expect(forDiff({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', managedFields: [{ manager: 'm' }] } })).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    expect(forDiff(undefined)).toBe('');
  });

  it('runs diff -u -N, or $KUBECTL_EXTERNAL_DIFF with its arguments', () => {
    expect(diffCommand({})).toEqual({ cmd: 'diff', args: ['-u', '-N'] });
    expect(diffCommand({ KUBECTL_EXTERNAL_DIFF: 'colordiff -N -u' })).toEqual({ cmd: 'colordiff', args: ['-N', '-u'] });
    expect(() => diffCommand({ KUBECTL_EXTERNAL_DIFF: 'diff $(rm)' })).toThrow('arguments in KUBECTL_EXTERNAL_DIFF are invalid: $(rm)');
  });
});
