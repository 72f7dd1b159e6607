// The flags of kbx create role|clusterrole|rolebinding|clusterrolebinding (kubectl's names).
// --user is also a connection flag: create rolebinding reads its subjects from the command line.
import type { Command } from 'commander';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function rbacCreateFlags(c: Command): Command {
  return c
    .option('--verb <verbs>', 'Verb that applies to the resources contained in the rule (create role/clusterrole)', collect)
    .option('--resource <resources>', 'Resource that the rule applies to (create role/clusterrole)', collect)
    .option('--resource-name <names>', 'Resource in the white list that the rule applies to, repeat this flag for multiple items', collect)
    .option('--non-resource-url <urls>', 'A partial url that user should have access to. (create clusterrole)', collect)
    .option('--aggregation-rule <selector>', 'An aggregation label selector for combining ClusterRoles. (create clusterrole)')
    .option('--role <name>', 'Role this RoleBinding should reference')
    .option('--clusterrole <name>', 'ClusterRole this binding should reference')
    .option('--group <groups>', 'Groups to bind to the role. The flag can be repeated to add multiple groups.', collect)
    .option('--serviceaccount <sa>', 'Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.', collect);
}
