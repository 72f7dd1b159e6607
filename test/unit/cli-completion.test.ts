// Shell completion's answers (kbx __complete), with a fake API lookup.
import { describe, it, expect } from 'vitest';
import { complete, type Lookup } from '../../src/cli/completion.js';
import { VERBS } from '../../src/cli/verbs.js';

const lookup: Lookup = {
  resourceTypes: () => ['configmaps', 'deployments', 'pods'],
  names: async (type, ns) => (type === 'namespaces' ? ['default', 'team'] : type.startsWith('po') ? [`web-${ns ?? 'default'}`, 'db'] : ['x']),
  containers: async (pod) => (pod === 'web-default' ? ['app', 'sidecar'] : []),
  contexts: async () => ['kbx', 'prod'],
};
const ask = (...words: string[]) => complete(words, VERBS, lookup);

describe('kbx __complete', () => {
  it.each([
    [['ge'], ['get\tDisplay one or many resources'], 4],
    [['get', 'po'], ['pods'], 4],
    [['get', 'pods', ''], ['web-default', 'db'], 4],
    [['get', 'pods', '-n', 'team', 'w'], ['web-team'], 4],
    [['get', 'pods/'], ['pods/web-default', 'pods/db'], 4],
    [['logs', ''], ['web-default', 'db'], 4],
    [['logs', 'web-default', '-c', ''], ['app', 'sidecar'], 4],
    [['get', '-n', 't'], ['team'], 4],
    [['get', '--context', ''], ['kbx', 'prod'], 4],
    [['config', 'use-context', 'p'], ['prod'], 4],
    [['rollout', 'st'], ['status\tShow the status of the rollout'], 4],
    [['apply', '--server'], ['--server-side', '--server'], 4],
    [['apply', '-f', ''], [], 0],
    [['completion', ''], ['bash', 'zsh'], 4],
    [['nope', ''], [], 4],
  ])('%j', async (words, candidates, directive) => expect(await ask(...words)).toEqual({ candidates, directive }));
});
