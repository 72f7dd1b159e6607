// Help texts shaped like kubectl's: a description, Examples, Options, Usage.
import type { Command } from 'commander';

export const ROOT_HELP = `kbx controls Kubernetes workloads on this machine's Docker engine, the kubectl way.

 kbx runs a small local control plane (API server, store, controllers, kubelet) beside Docker.
 Manifests are plain Kubernetes YAML; commands, flags and output follow kubectl.

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  get             Display one or many resources
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment or replica set

Cluster Management Commands:
  cluster-info    Display cluster information
  cluster         Show, stop or reset the local kbx control plane (status, stop, reset, kubeconfig)

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  attach          Attach to a running container
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  events          List events

Advanced Commands:
  apply           Apply a configuration to a resource by file name or stdin
  kustomize       Build a kustomization target from a directory or URL

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  config          Modify kubeconfig files (view, get-contexts, current-context, use-context, set-context)

Other Commands:
  api-resources   Print the supported API resources on the server
  version         Print the client and server version information

Usage:
  kbx [flags] [options]

Use "kbx <command> --help" for more information about a given command.
`;

export interface VerbHelp {
  short: string;
  long: string;
  examples: string;
  usage: string;
}

const ex = (lines: [string, string][]) => lines.map(([c, cmd]) => `  # ${c}\n  ${cmd}`).join('\n  \n');

export const VERB_HELP: Record<string, VerbHelp> = {
  get: {
    short: 'Display one or many resources',
    long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

Use "kbx api-resources" for a complete list of supported resources.`,
    examples: ex([
      ['List all pods in ps output format', 'kbx get pods'],
      ['List all pods in ps output format with more information (such as node name)', 'kbx get pods -o wide'],
      ['List a single pod in JSON output format', 'kbx get -o json pod web-pod-13je7'],
      ['List a pod identified by type and name specified in "pod.yaml" in JSON output format', 'kbx get -f pod.yaml -o json'],
      ['Return only the phase value of the specified pod', "kbx get -o template pod/web-pod-13je7 --template={{.status.phase}}"],
      ['List all pods and namespaces together', 'kbx get pods,namespaces'],
    ]),
    usage: 'kbx get [(-o|--output=)json|yaml|name|custom-columns=...|custom-columns-file=...|jsonpath=...|jsonpath-file=...|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  },
  describe: {
    short: 'Show details of a specific resource or group of resources',
    long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector.`,
    examples: ex([
      ['Describe a pod', 'kbx describe pods/nginx'],
      ['Describe a pod identified by type and name in "pod.json"', 'kbx describe -f pod.json'],
      ['Describe all pods', 'kbx describe pods'],
      ["Describe pods by label name=myLabel", 'kbx describe pods -l name=myLabel'],
    ]),
    usage: 'kbx describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  },
  kustomize: {
    short: 'Build a kustomization target from a directory or URL',
    long: `Build a set of KRM resources using a 'kustomization.yaml' file. The DIR argument must be a path to a directory containing 'kustomization.yaml'. If DIR is omitted, '.' is assumed. (kbx builds local directories only; see the README for the kustomize fields it supports.)`,
    examples: ex([
      ['Build the current working directory', 'kbx kustomize'],
      ['Build some shared configuration directory', 'kbx kustomize /home/config/production'],
    ]),
    usage: 'kbx kustomize DIR [flags] [options]',
  },
  apply: {
    short: 'Apply a configuration to a resource by file name or stdin',
    long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.`,
    examples: ex([
      ['Apply the configuration in pod.json to a pod', 'kbx apply -f ./pod.json'],
      ['Apply the JSON passed into stdin to a pod', 'cat pod.json | kbx apply -f -'],
      ['Apply every manifest in a directory', 'kbx apply -f samples/ -R'],
    ]),
    usage: 'kbx apply (-f FILENAME | -k DIRECTORY) [options]',
  },
  create: {
    short: 'Create a resource from a file or from stdin',
    long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.

Available Commands:
  namespace       Create a namespace with the specified name`,
    examples: ex([
      ['Create a pod using the data in pod.json', 'kbx create -f ./pod.json'],
      ['Create a pod based on the JSON passed into stdin', 'cat pod.json | kbx create -f -'],
      ['Create a new namespace named my-namespace', 'kbx create namespace my-namespace'],
    ]),
    usage: 'kbx create -f FILENAME [options]',
  },
  delete: {
    short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately.`,
    examples: ex([
      ['Delete a pod using the type and name specified in pod.json', 'kbx delete -f ./pod.json'],
      ['Delete pods and services with same names "baz" and "foo"', 'kbx delete pod,service baz foo'],
      ['Delete pods and services with label name=myLabel', 'kbx delete pods,services -l name=myLabel'],
      ['Delete a pod with minimal delay', 'kbx delete pod foo --now'],
      ['Force delete a pod on a dead node', 'kbx delete pod foo --force'],
      ['Delete all pods', 'kbx delete pods --all'],
    ]),
    usage: 'kbx delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  },
  logs: {
    short: 'Print the logs for a container in a pod',
    long: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.`,
    examples: ex([
      ['Return snapshot logs from pod nginx with only one container', 'kbx logs nginx'],
      ['Return snapshot logs from pod nginx, prefixing each line with the source pod and container name', 'kbx logs nginx --prefix'],
      ['Return snapshot logs from all containers in pod nginx', 'kbx logs nginx --all-containers=true'],
      ['Return snapshot of previous terminated ruby container logs from pod web-1', 'kbx logs -p -c ruby web-1'],
      ['Begin streaming the logs of the ruby container in pod web-1', 'kbx logs -f -c ruby web-1'],
      ['Display only the most recent 20 lines of output in pod nginx', 'kbx logs --tail=20 nginx'],
      ['Show all logs from pod nginx written in the last hour', 'kbx logs --since=1h nginx'],
    ]),
    usage: 'kbx logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  },
  attach: {
    short: 'Attach to a running container',
    long: 'Attach to a process that is already running inside an existing container.',
    examples: ex([
      ['Get output from running pod mypod; use the \'kubectl.kubernetes.io/default-container\' annotation\n  # for selecting the container to be attached or the first container in the pod will be chosen', 'kbx attach mypod'],
      ['Switch to raw terminal mode; sends stdin to \'bash\' in ruby-container from pod mypod\n  # and sends stdout/stderr from \'bash\' back to the client', 'kbx attach mypod -c ruby-container -i -t'],
    ]),
    usage: 'kbx attach (POD | TYPE/NAME) -c CONTAINER [options]',
  },
  exec: {
    short: 'Execute a command in a container',
    long: 'Execute a command in a container.',
    examples: ex([
      ['Get output from running the \'date\' command from pod mypod, using the first container by default', 'kbx exec mypod -- date'],
      ['Get output from running the \'date\' command in ruby-container from pod mypod', 'kbx exec mypod -c ruby-container -- date'],
      ['Switch to raw terminal mode; sends stdin to \'bash\' in ruby-container from pod mypod\n  # and sends stdout/stderr from \'bash\' back to the client', 'kbx exec mypod -c ruby-container -i -t -- bash -il'],
    ]),
    usage: 'kbx exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  },
  'port-forward': {
    short: 'Forward one or more local ports to a pod',
    long: `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`,
    examples: ex([
      ['Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod', 'kbx port-forward pod/mypod 5000 6000'],
      ['Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment', 'kbx port-forward deployment/mydeployment 5000 6000'],
      ['Listen on port 8443 locally, forwarding to the targetPort of the service\'s port named "https" in a pod selected by the service', 'kbx port-forward service/myservice 8443:https'],
      ['Listen on port 8888 locally, forwarding to 5000 in the pod', 'kbx port-forward pod/mypod 8888:5000'],
      ['Listen on port 8888 on all addresses, forwarding to 5000 in the pod', 'kbx port-forward --address 0.0.0.0 pod/mypod 8888:5000'],
      ['Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod', 'kbx port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000'],
      ['Listen on a random port locally, forwarding to 5000 in the pod', 'kbx port-forward pod/mypod :5000'],
    ]),
    usage: 'kbx port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  },
  run: {
    short: 'Run a particular image on the cluster',
    long: 'Create and run a particular image in a pod.',
    examples: ex([
      ['Start a nginx pod', 'kbx run nginx --image=nginx'],
      ['Start a hazelcast pod and let the container expose port 5701', 'kbx run hazelcast --image=hazelcast/hazelcast --port=5701'],
      ['Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container', 'kbx run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"'],
      ['Start a busybox pod and keep it in the foreground, don\'t restart it if it exits', 'kbx run -i -t busybox --image=busybox --restart=Never'],
      ['Start the nginx pod using a different command and custom arguments', 'kbx run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>'],
    ]),
    usage: 'kbx run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  },
  label: {
    short: 'Update the labels on a resource',
    long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.`,
    examples: ex([
      ["Update pod 'foo' with the label 'unhealthy' and the value 'true'", 'kbx label pods foo unhealthy=true'],
      ["Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value", 'kbx label --overwrite pods foo status=unhealthy'],
      ["Update pod 'foo' by removing a label named 'bar' if it exists", 'kbx label pods foo bar-'],
    ]),
    usage: 'kbx label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  },
  annotate: {
    short: 'Update the annotations on a resource',
    long: 'Update the annotations on one or more resources.',
    examples: ex([
      ["Update pod 'foo' with the annotation 'description' and the value 'my frontend'", "kbx annotate pods foo description='my frontend'"],
      ["Update pod 'foo' by removing an annotation named 'description' if it exists", 'kbx annotate pods foo description-'],
    ]),
    usage: 'kbx annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  },
  version: {
    short: 'Print the client and server version information',
    long: 'Print the client and server version information for the current context.',
    examples: ex([['Print the client and server versions for the current context', 'kbx version']]),
    usage: 'kbx version [flags] [options]',
  },
  'api-resources': {
    short: 'Print the supported API resources on the server',
    long: 'Print the supported API resources on the server.',
    examples: ex([['Print the supported API resources', 'kbx api-resources']]),
    usage: 'kbx api-resources [flags] [options]',
  },
  explain: {
    short: 'Get documentation for a resource',
    long: 'Describe fields and structure of various resources.\n\nThis command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n  <type>.<fieldName>[.<fieldName>]\n\nInformation about each field is retrieved from the server in OpenAPI format.',
    examples: ex([
      ['Get the documentation of the resource and its fields', 'kbx explain pods'],
      ['Get the documentation of a specific field of a resource', 'kbx explain pods.spec.containers'],
    ]),
    usage: 'kbx explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext] [options]',
  },
  'cluster-info': {
    short: 'Display cluster information',
    long: 'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.',
    examples: ex([['Print the address of the control plane and cluster services', 'kbx cluster-info']]),
    usage: 'kbx cluster-info [flags] [options]',
  },
  events: {
    short: 'List events',
    long: 'Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
    examples: ex([
      ['List recent events in the default namespace', 'kbx events'],
      ['List recent events in all namespaces', 'kbx events --all-namespaces'],
      ['List recent events for the specified pod, then wait for more events and list them as they arrive', 'kbx events --for pod/web-pod-13je7 --watch'],
      ['List recent only events of type \'Warning\' or \'Normal\'', 'kbx events --types=Warning,Normal'],
    ]),
    usage: 'kbx events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  },
  config: {
    short: 'Modify kubeconfig files',
    long: `Modify kubeconfig files using subcommands like "kbx config set-context --current --namespace=x".

 The files are --kubeconfig's, else $KUBECONFIG's list (merged as kubectl merges them), else the kubeconfig
 of the local cluster, $KBX_HOME/kubeconfig.

Available Commands:
  current-context   Display the current-context
  get-contexts      Describe one or many contexts
  set-context       Set a context entry in kubeconfig
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file`,
    examples: ex([
      ['Show the merged kubeconfig settings', 'kbx config view'],
      ['Use another namespace by default', 'kbx config set-context --current --namespace=dev'],
      ['Switch to another cluster', 'kbx config use-context prod'],
    ]),
    usage: 'kbx config SUBCOMMAND [options]',
  },
  cluster: {
    short: 'Show, stop or reset the local kbx control plane',
    long: `Manage the local kbx control plane of $KBX_HOME (default ~/.kbx).

Available Commands:
  status          Show whether the control plane runs, where, and whether Docker answers
  stop            Stop the control plane (containers keep running and are re-adopted at the next start)
  reset           Stop it, remove every container, network and volume it made, and delete all state
  kubeconfig      Print its kubeconfig; --merge writes its context into $KUBECONFIG's first file or ~/.kube/config

These act on the local cluster only, never on one named by --kubeconfig, --context or --server.`,
    examples: ex([
      ['Show the control plane', 'kbx cluster status'],
      ['Start over', 'kbx cluster reset'],
      ['Let kubectl, helm and other clients use a cluster with its own KBX_HOME', 'KBX_HOME=/tmp/c2 kbx cluster kubeconfig --merge'],
    ]),
    usage: 'kbx cluster (status|stop|reset|kubeconfig [--merge]) [options]',
  },
};

/** Formats a command's help the way kubectl prints it. */
export function formatVerbHelp(name: string, cmd: Command): string {
  const h = VERB_HELP[name];
  const lines: string[] = [];
  if (h) lines.push(h.long, '', 'Examples:', h.examples, '');
  lines.push('Options:');
  for (const o of cmd.options) {
    if (o.hidden || o.negate) continue;
    const flags = o.short ? `${o.short}, ${o.long}` : `    ${o.long}`;
    const def = o.defaultValue !== undefined ? String(o.defaultValue) : o.required || o.optional ? "''" : 'false';
    lines.push(`    ${flags}=${def}:`, `\t${o.description}`, '');
  }
  if (h) lines.push('Usage:', `  ${h.usage}`, '');
  lines.push('Use "kbx options" for a list of global command-line options (applies to all commands).');
  return lines.join('\n') + '\n';
}
