// kubectl's plugin rules (kubectl/pkg/cmd/plugin.go, cmd.go): which executable a command line runs,
// with which arguments, and what `plugin list` warns about. The file system is a table.
import { describe, expect, it } from 'vitest';
import { builtinCommandPath, findPlugin, listPlugins, pathDirs, verifyPlugin, type PluginFs } from '../../src/cli/plugins.js';
import { pluginCommandNames, pluginFor } from '../../src/cli/plugin-dispatch.js';
import { rootHelp } from '../../src/cli/help.js';
import { VERBS } from '../../src/cli/verbs.js';

/** dir → file → executable? */
function fakeFs(tree: Record<string, Record<string, boolean>>): PluginFs {
  return {
    list: (dir) => (tree[dir] ? Object.keys(tree[dir]!).map((name) => ({ name, dir: false })) : undefined),
    executable: (file) => {
      const i = file.lastIndexOf('/');
      return tree[file.slice(0, i)]?.[file.slice(i + 1)];
    },
  };
}

const fs = fakeFs({
  '/a': { 'kubectl-foo-bar': true, 'kubectl-foo': true, 'kubectl-get': true, 'kubectl-noexec': false, 'kubectl-create-thing': true, README: true },
  '/b': { 'kbx-foo': true, 'kubectl-foo': true, 'kubectl-my_tool': true },
});
const dirs = ['/a', '/b'];

describe('plugin lookup (HandlePluginCommand)', () => {
  it.each([
    // command line → plugin and its arguments
    [['foo', 'bar', '--x', 'a'], { path: '/a/kubectl-foo-bar', args: ['--x', 'a'] }],
    [['foo', 'baz', 'q'], { path: '/b/kbx-foo', args: ['baz', 'q'] }], // longest name first; kbx- before kubectl-
    [['foo'], { path: '/b/kbx-foo', args: [] }],
    [['my-tool', 'x'], { path: '/b/kubectl-my_tool', args: ['x'] }], // a `-` in a word is `_` in the file name
    [['foo_bar'], undefined], // …not the other way round
    [['nothing', 'here'], undefined],
    [['noexec'], undefined], // not executable: not found
  ])('%j', (args, want) => {
    expect(findPlugin(args, 1, dirs, fs)).toEqual(want);
  });

  it('refuses flags before the plugin name', () => {
    expect(findPlugin(['-n', 'x', 'foo'], 1, dirs, fs)).toEqual({ error: 'flags cannot be placed before plugin name: -n' });
  });

  it('stops at minArgs words (create-thing, never a plain create plugin)', () => {
    expect(findPlugin(['create', 'thing', 'a'], 2, dirs, fs)).toEqual({ path: '/a/kubectl-create-thing', args: ['a'] });
    expect(findPlugin(['create', 'other'], 2, dirs, fs)).toBeUndefined();
  });
});

describe('which command lines run a plugin (NewDefaultKubectlCommandWithArgs)', () => {
  it.each([
    [['get', 'pods'], undefined], // a verb
    [['-n', 'x', 'get', 'pods'], undefined],
    [['get'], undefined], // kubectl-get overwrites nothing: the verb wins
    [['help'], undefined],
    [['__complete', 'foo'], undefined],
    [['foo', 'bar'], { path: '/a/kubectl-foo-bar', args: [] }],
    [['-n', 'x', 'foo'], { error: 'flags cannot be placed before plugin name: -n' }],
    [['create', 'thing'], { path: '/a/kubectl-create-thing', args: [] }],
    [['create', 'deployment', 'x'], undefined], // create has it
    [['create', '-f', 'x.yaml'], undefined],
    [[], undefined],
  ])('%j', (args, want) => {
    expect(pluginFor(args, dirs, fs)).toEqual(want);
  });
});

describe('plugin list', () => {
  it('lists files with a plugin prefix, PATH order, each directory once', () => {
    expect(pathDirs('/a::/b:/a')).toEqual(['/a', '/b']);
    expect(listPlugins(['/a', '/missing', '/b'], fs)).toEqual({
      plugins: ['/a/kubectl-foo-bar', '/a/kubectl-foo', '/a/kubectl-get', '/a/kubectl-noexec', '/a/kubectl-create-thing', '/b/kbx-foo', '/b/kubectl-foo', '/b/kubectl-my_tool'],
      unreadable: ['/missing'],
    });
  });

  it('warns as kubectl does: not executable, overshadowed, overwriting a command', () => {
    const seen = new Map<string, string>();
    const isCmd = (w: string[]) => builtinCommandPath(VERBS, w);
    expect(verifyPlugin('/a/kubectl-foo', seen, fs, isCmd)).toEqual([]);
    expect(verifyPlugin('/a/kubectl-get', seen, fs, isCmd)).toEqual(['warning: kubectl-get overwrites existing command: "kbx get"']);
    expect(verifyPlugin('/a/kubectl-noexec', seen, fs, isCmd)).toEqual(['warning: /a/kubectl-noexec identified as a kubectl plugin, but it is not executable']);
    expect(verifyPlugin('/b/kubectl-foo', seen, fs, isCmd)).toEqual(['warning: /b/kubectl-foo is overshadowed by a similarly named plugin: /a/kubectl-foo']);
    expect(builtinCommandPath(VERBS, ['create', 'deployment', 'x'])).toBe('kbx create deployment');
  });

  it('the root help has kubectl\'s plugin group, before Other Commands', () => {
    expect(pluginCommandNames(dirs, fs)).toEqual(['foo', 'noexec', 'my-tool']);
    const help = rootHelp(VERBS, ['foo']);
    expect(help).toContain('\nSubcommands provided by plugins:\n  foo           The command foo is a plugin installed by the user\n\nOther Commands:\n');
    expect(rootHelp(VERBS)).toContain('\nSubcommands provided by plugins:\n\nOther Commands:\n');
  });
});
