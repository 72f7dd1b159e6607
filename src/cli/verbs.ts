// THE VERB TABLE: every kbx command, its help (kubectl's words), its flags and subcommands, and
// the module that runs it (imported only when it runs). main.ts builds the commander program from
// it, help.ts prints from it. Adding a verb = one entry here + one module under commands/.
// Flag texts and defaults are kubectl 1.35's (`kubectl <verb> --help`); only flags kbx honours are
// listed — any other is refused as kubectl refuses an unknown flag.
import { bool, duration, int, list, str } from './flags.js';
import type { FlagSpec } from './flags.js';
import type { CommandSpec, VerbSpec } from './verb-spec.js';

/** A subcommand kubectl does not have (`kbx cluster status`): its short text is its help. */
function kbxOnly(name: string, short: string, flags: FlagSpec[] = []): CommandSpec {
  return { name, short, long: `${short}.`, examples: '', usage: `kbx cluster ${name} [options]`, flags };
}

const OUTPUT = str('-o, --output', 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).');
const DRY_RUN = str('--dry-run', 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.', { shown: '\'none\'' });
const SELECTOR = str('-l, --selector', 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.');
const VALIDATE = str('--validate', 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.', { shown: '\'strict\'' });
const FILENAME = list('-f, --filename', 'Filename, directory, or URL to files identifying the resource to get from a server.');
const RECURSIVE = bool('-R, --recursive', 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.');
const TCP = list('--tcp', 'Port pairs can be specified as \'<port>:<targetPort>\'.');
const ALL_NAMESPACES = bool('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.');
const KUSTOMIZE = str('-k, --kustomize', 'Process the kustomization directory. This flag can\'t be used together with -f or -R.');
const APPEND_HASH = bool('--append-hash', 'Append a hash of the secret to its name.');
const NO_HEADERS = bool('--no-headers', 'When using the default or custom-column output format, don\'t print headers (default print headers).');
const RECORD = bool('--record', 'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.', { hidden: true });

const PLUGIN_EXAMPLES = `  # List all available plugins
  kbx plugin list
  
  # List only binary names of available plugins without paths
  kbx plugin list --name-only`;

export const VERBS: VerbSpec[] = [
  {
    name: 'create',
    group: 'Basic Commands (Beginner)',
    short: 'Create a resource from a file or from stdin',
    long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
    examples: `  # Create a pod using the data in pod.json
  kbx create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | kbx create -f -
  
  # Create a new namespace named my-namespace
  kbx create namespace my-namespace`,
    usage: 'kbx create -f FILENAME [options]',
    load: () => import('./commands/create.js'),
    flags: [
      list('-f, --filename', 'Filename, directory, or URL to files to use to create the resource'),
      KUSTOMIZE,
      RECURSIVE,
      OUTPUT,
      DRY_RUN,
      str('--validate', 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.', { shown: '\'strict\'', default: 'strict' }),
      RECORD,
    ],
    subcommands: [
      {
        name: 'configmap',
        aliases: ['cm'],
        short: 'Create a config map from a local file, directory or literal value',
        long: `Create a config map based on a file, directory, or specified literal value.

 A single config map may package one or more key/value pairs.

 When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.

 When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
        examples: `  # Create a new config map named my-config based on folder bar
  kbx create configmap my-config --from-file=path/to/bar
  
  # Create a new config map named my-config with specified keys instead of file basenames on disk
  kbx create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt
  
  # Create a new config map named my-config with key1=config1 and key2=config2
  kbx create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2
  
  # Create a new config map named my-config from the key=value pairs in the file
  kbx create configmap my-config --from-file=path/to/bar
  
  # Create a new config map named my-config from an env file
  kbx create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
        usage: 'kbx create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
        flags: [
          list('--from-file', 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.'),
          list('--from-literal', 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)'),
          list('--from-env-file', 'Specify the path to a file to read lines of key=val pairs to create a configmap.'),
          bool('--append-hash', 'Append a hash of the configmap to its name.'),
          DRY_RUN,
          OUTPUT,
          VALIDATE,
        ],
      },
      {
        name: 'cronjob',
        aliases: ['cj'],
        short: 'Create a cron job with the specified name',
        long: `Create a cron job with the specified name.`,
        examples: `  # Create a cron job
  kbx create cronjob my-job --image=busybox --schedule="*/1 * * * *"
  
  # Create a cron job with a command
  kbx create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date`,
        usage: 'kbx create cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...] [flags] [options]',
        flags: [
          str('--image', 'Image name to run.'),
          str('--schedule', 'A schedule in the Cron format the job should be run with.'),
          str('--restart', 'job\'s restart policy. supported values: OnFailure, Never'),
          DRY_RUN,
          OUTPUT,
          VALIDATE,
        ],
      },
      {
        name: 'deployment',
        aliases: ['deploy'],
        short: 'Create a deployment with the specified name',
        long: `Create a deployment with the specified name.`,
        examples: `  # Create a deployment named my-dep that runs the busybox image
  kbx create deployment my-dep --image=busybox
  
  # Create a deployment with a command
  kbx create deployment my-dep --image=busybox -- date
  
  # Create a deployment named my-dep that runs the nginx image with 3 replicas
  kbx create deployment my-dep --image=nginx --replicas=3
  
  # Create a deployment named my-dep that runs the busybox image and expose port 5701
  kbx create deployment my-dep --image=busybox --port=5701
  
  # Create a deployment named my-dep that runs multiple containers
  kbx create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx`,
        usage: 'kbx create deployment NAME --image=image -- [COMMAND] [args...] [options]',
        flags: [
          list('--image', 'Image names to run. A deployment can have multiple images set for multi-container pod.'),
          int('-r, --replicas', 'Number of replicas to create. Default is 1.', { shown: '1' }),
          int('--port', 'The containerPort that this deployment exposes.', { shown: '-1' }),
          DRY_RUN,
          OUTPUT,
          VALIDATE,
        ],
      },
      {
        name: 'job',
        short: 'Create a job with the specified name',
        long: `Create a job with the specified name.`,
        examples: `  # Create a job
  kbx create job my-job --image=busybox
  
  # Create a job with a command
  kbx create job my-job --image=busybox -- date
  
  # Create a job from a cron job named "a-cronjob"
  kbx create job test-job --from=cronjob/a-cronjob`,
        usage: 'kbx create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
        flags: [
          str('--image', 'Image name to run.'),
          str('--from', 'The name of the resource to create a Job from (only CronJob is supported).'),
          DRY_RUN,
          OUTPUT,
          VALIDATE,
        ],
      },
      {
        name: 'namespace',
        aliases: ['ns'],
        short: 'Create a namespace with the specified name',
        long: `Create a namespace with the specified name.`,
        examples: `  # Create a new namespace named my-namespace
  kbx create namespace my-namespace`,
        usage: 'kbx create namespace NAME [--dry-run=server|client|none] [options]',
        flags: [
          DRY_RUN,
          OUTPUT,
          VALIDATE,
        ],
      },
      {
        name: 'secret',
        short: 'Create a secret using a specified subcommand',
        long: `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.`,
        examples: ``,
        usage: 'kbx create secret (docker-registry | generic | tls) [options]',
        flags: [],
        subcommands: [
          {
            name: 'docker-registry',
            short: 'Create a secret for use with a Docker registry',
            long: `Create a new secret for use with Docker registries.
        
        Dockercfg secrets are used to authenticate against Docker registries.
        
        When using the Docker command line to push images, you can authenticate to a given registry by running:
        '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.
        
 That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.

        When creating applications, you may have a Docker registry that requires authentication.  In order for the
        nodes to pull images on your behalf, they must have the credentials.  You can provide this information
        by creating a dockercfg secret and attaching it to your service account.`,
            examples: `  # If you do not already have a .dockercfg file, create a dockercfg secret directly
  kbx create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL
  
  # Create a new secret named my-secret from ~/.docker/config.json
  kbx create secret docker-registry my-secret --from-file=path/to/.docker/config.json`,
            usage: 'kbx create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]',
            flags: [
              str('--docker-server', 'Server location for Docker registry', { shown: '\'https://index.docker.io/v1/\'' }),
              str('--docker-username', 'Username for Docker registry authentication'),
              str('--docker-password', 'Password for Docker registry authentication'),
              str('--docker-email', 'Email for Docker registry'),
              list('--from-file', 'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.'),
              APPEND_HASH,
              DRY_RUN,
              OUTPUT,
              VALIDATE,
            ],
          },
          {
            name: 'generic',
            short: 'Create a secret from a local file, directory, or literal value',
            long: `Create a secret based on a file, directory, or specified literal value.

 A single secret may package one or more key/value pairs.

 When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.

 When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
            examples: `  # Create a new secret named my-secret with keys for each file in folder bar
  kbx create secret generic my-secret --from-file=path/to/bar
  
  # Create a new secret named my-secret with specified keys instead of names on disk
  kbx create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub
  
  # Create a new secret named my-secret with key1=supersecret and key2=topsecret
  kbx create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret
  
  # Create a new secret named my-secret using a combination of a file and a literal
  kbx create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret
  
  # Create a new secret named my-secret from env files
  kbx create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
            usage: 'kbx create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
            flags: [
              list('--from-file', 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.'),
              list('--from-literal', 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)'),
              list('--from-env-file', 'Specify the path to a file to read lines of key=val pairs to create a secret.'),
              str('--type', 'The type of secret to create'),
              APPEND_HASH,
              DRY_RUN,
              OUTPUT,
              VALIDATE,
            ],
          },
          {
            name: 'tls',
            short: 'Create a TLS secret',
            long: `Create a TLS secret from the given public/private key pair.

 The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.`,
            examples: `  # Create a new TLS secret named tls-secret with the given key pair
  kbx create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key`,
            usage: 'kbx create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]',
            flags: [
              str('--cert', 'Path to PEM encoded public key certificate.'),
              str('--key', 'Path to private key associated with given certificate.'),
              APPEND_HASH,
              DRY_RUN,
              OUTPUT,
              VALIDATE,
            ],
          },
        ],
      },
      {
        name: 'service',
        aliases: ['svc'],
        short: 'Create a service using a specified subcommand',
        long: `Create a service using a specified subcommand.`,
        examples: ``,
        usage: 'kbx create service [flags] [options]',
        flags: [],
        subcommands: [
          {
            name: 'clusterip',
            short: 'Create a ClusterIP service',
            long: `Create a ClusterIP service with the specified name.`,
            examples: `  # Create a new ClusterIP service named my-cs
  kbx create service clusterip my-cs --tcp=5678:8080
  
  # Create a new ClusterIP service named my-cs (in headless mode)
  kbx create service clusterip my-cs --clusterip="None"`,
            usage: 'kbx create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
            flags: [
              TCP,
              str('--clusterip', 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (no loadbalancing).'),
              DRY_RUN,
              OUTPUT,
              VALIDATE,
            ],
          },
          {
            name: 'externalname',
            short: 'Create an ExternalName service',
            long: `Create an ExternalName service with the specified name.

 ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.`,
            examples: `  # Create a new ExternalName service named my-ns
  kbx create service externalname my-ns --external-name bar.com`,
            usage: 'kbx create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
            flags: [
              str('--external-name', 'External name of service'),
              TCP,
              DRY_RUN,
              OUTPUT,
              VALIDATE,
            ],
          },
          {
            name: 'loadbalancer',
            short: 'Create a LoadBalancer service',
            long: `Create a LoadBalancer service with the specified name.`,
            examples: `  # Create a new LoadBalancer service named my-lbs
  kbx create service loadbalancer my-lbs --tcp=5678:8080`,
            usage: 'kbx create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
            flags: [
              TCP,
              DRY_RUN,
              OUTPUT,
              VALIDATE,
            ],
          },
          {
            name: 'nodeport',
            short: 'Create a NodePort service',
            long: `Create a NodePort service with the specified name.`,
            examples: `  # Create a new NodePort service named my-ns
  kbx create service nodeport my-ns --tcp=5678:8080`,
            usage: 'kbx create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
            flags: [
              TCP,
              int('--node-port', 'Port used to expose the service on each node in a cluster.'),
              DRY_RUN,
              OUTPUT,
              VALIDATE,
            ],
          },
        ],
      },
        {
          name: 'role',
          short: "Create a role with single rule",
          long: `Create a role with single rule.`,
          examples: `  # Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods
  kbx create role pod-reader --verb=get --verb=list --verb=watch --resource=pods
  
  # Create a role named "pod-reader" with ResourceName specified
  kbx create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod
  
  # Create a role named "foo" with API Group specified
  kbx create role foo --verb=get,list,watch --resource=rs.apps
  
  # Create a role named "foo" with SubResource specified
  kbx create role foo --verb=get,list,watch --resource=pods,pods/status`,
          usage: "kbx create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]",
          flags: [
            str("--dry-run", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.", { shown: "'none'" }),
            str("-o, --output", "Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
            list("--resource", "Resource that the rule applies to"),
            list("--resource-name", "Resource in the white list that the rule applies to, repeat this flag for multiple items"),
            str("--validate", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.", { shown: "'strict'" }),
            list("--verb", "Verb that applies to the resources contained in the rule"),
          ],
        },
        {
          name: 'clusterrole',
          short: "Create a cluster role",
          long: `Create a cluster role.`,
          examples: `  # Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods
  kbx create clusterrole pod-reader --verb=get,list,watch --resource=pods
  
  # Create a cluster role named "pod-reader" with ResourceName specified
  kbx create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod
  
  # Create a cluster role named "foo" with API Group specified
  kbx create clusterrole foo --verb=get,list,watch --resource=rs.apps
  
  # Create a cluster role named "foo" with SubResource specified
  kbx create clusterrole foo --verb=get,list,watch --resource=pods,pods/status
  
  # Create a cluster role name "foo" with NonResourceURL specified
  kbx create clusterrole "foo" --verb=get --non-resource-url=/logs/*
  
  # Create a cluster role name "monitoring" with AggregationRule specified
  kbx create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"`,
          usage: "kbx create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]",
          flags: [
            str("--aggregation-rule", "An aggregation label selector for combining ClusterRoles.", { shown: "" }),
            str("--dry-run", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.", { shown: "'none'" }),
            list("--non-resource-url", "A partial url that user should have access to."),
            str("-o, --output", "Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
            list("--resource", "Resource that the rule applies to"),
            list("--resource-name", "Resource in the white list that the rule applies to, repeat this flag for multiple items"),
            str("--validate", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.", { shown: "'strict'" }),
            list("--verb", "Verb that applies to the resources contained in the rule"),
          ],
        },
        {
          name: 'rolebinding',
          short: "Create a role binding for a particular role or cluster role",
          long: `Create a role binding for a particular role or cluster role.`,
          examples: `  # Create a role binding for user1, user2, and group1 using the admin cluster role
  kbx create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1
  
  # Create a role binding for service account monitoring:sa-dev using the admin role
  kbx create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev`,
          usage: "kbx create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]",
          flags: [
            str("--clusterrole", "ClusterRole this RoleBinding should reference"),
            str("--dry-run", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.", { shown: "'none'" }),
            list("--group", "Groups to bind to the role. The flag can be repeated to add multiple groups."),
            str("-o, --output", "Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
            str("--role", "Role this RoleBinding should reference"),
            list("--serviceaccount", "Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts."),
            str("--validate", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.", { shown: "'strict'" }),
          ],
        },
        {
          name: 'clusterrolebinding',
          short: "Create a cluster role binding for a particular cluster role",
          long: `Create a cluster role binding for a particular cluster role.`,
          examples: `  # Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role
  kbx create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1`,
          usage: "kbx create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]",
          flags: [
            str("--clusterrole", "ClusterRole this ClusterRoleBinding should reference"),
            str("--dry-run", "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.", { shown: "'none'" }),
            list("--group", "Groups to bind to the clusterrole. The flag can be repeated to add multiple groups."),
            str("-o, --output", "Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
            list("--serviceaccount", "Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts."),
            str("--validate", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.", { shown: "'strict'" }),
          ],
        },

      {
        name: 'token',
        short: 'Request a service account token',
        long: `Request a service account token.`,
        examples: `  # Request a token to authenticate to the kube-apiserver as the service account "myapp" in the current namespace
  kbx create token myapp
  
  # Request a token for a service account in a custom namespace
  kbx create token myapp --namespace myns
  
  # Request a token with a custom expiration
  kbx create token myapp --duration 10m
  
  # Request a token with a custom audience
  kbx create token myapp --audience https://example.com
  
  # Request a token bound to an instance of a Secret object
  kbx create token myapp --bound-object-kind Secret --bound-object-name mysecret
  
  # Request a token bound to an instance of a Secret object with a specific UID
  kbx create token myapp --bound-object-kind Secret --bound-object-name mysecret --bound-object-uid 0d4691ed-659b-4935-a832-355f77ee47cc`,
        usage: 'kbx create token SERVICE_ACCOUNT_NAME [options]',
        flags: [
          list('--audience', 'Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences.'),
          duration('--duration', 'Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime.'),
          str('--bound-object-kind', 'Kind of an object to bind the token to. Supported kinds are Node, Pod, Secret. If set, --bound-object-name must be provided.'),
          str('--bound-object-name', 'Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind.'),
          str('--bound-object-uid', 'UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used.'),
          OUTPUT,
        ],
      },
    ],
  },
  {
    name: 'expose',
    group: 'Basic Commands (Beginner)',
    short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
    long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
    examples: `  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kbx expose rc nginx --port=80 --target-port=8000
  
  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
  kbx expose -f nginx-controller.yaml --port=80 --target-port=8000
  
  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  kbx expose pod valid-pod --port=444 --name=frontend
  
  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
  kbx expose service nginx --port=443 --target-port=8443 --name=nginx-https
  
  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
  kbx expose rc streamer --port=4100 --protocol=UDP --name=video-stream
  
  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
  kbx expose rs nginx --port=80 --target-port=8000
  
  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  kbx expose deployment nginx --port=80 --target-port=8000`,
    usage: 'kbx expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
    load: () => import('./commands/expose.js'),
    flags: [
      OUTPUT,
      str('--port', 'The port that the service should serve on. Copied from the resource being exposed, if unspecified'),
      str('--target-port', 'Name or number for the port on the container that the service should direct traffic to. Optional.'),
      str('--type', 'Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is \'ClusterIP\'.'),
      str('--name', 'The name for the newly created object.'),
      str('--protocol', 'The network protocol for the service to be created. Default is \'TCP\'.'),
      str('--selector', 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the resource being exposed.'),
      str('--cluster-ip', 'ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to \'None\' to create a headless service.'),
      str('--session-affinity', 'If non-empty, set the session affinity for the service to this; legal values: \'None\', \'ClientIP\''),
      DRY_RUN,
    ],
  },
  {
    name: 'run',
    group: 'Basic Commands (Beginner)',
    short: 'Run a particular image on the cluster',
    long: `Create and run a particular image in a pod.`,
    examples: `  # Start a nginx pod
  kbx run nginx --image=nginx
  
  # Start a hazelcast pod and let the container expose port 5701
  kbx run hazelcast --image=hazelcast/hazelcast --port=5701
  
  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
  kbx run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"
  
  # Start a busybox pod and keep it in the foreground, don't restart it if it exits
  kbx run -i -t busybox --image=busybox --restart=Never
  
  # Start the nginx pod using a different command and custom arguments
  kbx run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
    usage: 'kbx run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
    load: () => import('./commands/run.js'),
    flags: [
      OUTPUT,
      str('--image', 'The image for the container to run.'),
      str('--port', 'The port that this container exposes.'),
      list('--env', 'Environment variables to set in the container.'),
      str('-l, --labels', 'Comma separated labels to apply to the pod. Will override previous values.'),
      bool('--command', 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.'),
      str('--restart', 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].', { shown: '\'Always\'', default: 'Always' }),
      bool('--rm', 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.'),
      bool('-i, --stdin', 'Keep stdin open on the container in the pod, even if nothing is attached.'),
      bool('-t, --tty', 'Allocate a TTY for the container in the pod.'),
      str('--image-pull-policy', 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.'),
      DRY_RUN,
      list('--annotations', 'Annotations to apply to the pod.'),
    ],
  },
  {
    name: 'set',
    group: 'Basic Commands (Beginner)',
    short: 'Set specific features on objects',
    long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
    examples: ``,
    usage: 'kbx set SUBCOMMAND [options]',
    load: () => import('./commands/set.js'),
    flags: [],
    subcommands: [
      {
        name: 'env',
        short: 'Update environment variables on a pod template',
        long: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
        examples: `  # Update deployment 'registry' with a new environment variable
  kbx set env deployment/registry STORAGE_DIR=/local
  
  # List the environment variables defined on a deployments 'sample-build'
  kbx set env deployment/sample-build --list
  
  # List the environment variables defined on all pods
  kbx set env pods --all --list
  
  # Output modified deployment in YAML, and does not alter the object on the server
  kbx set env deployment/sample-build STORAGE_DIR=/data -o yaml
  
  # Update all containers in all replication controllers in the project to have ENV=prod
  kbx set env rc --all ENV=prod
  
  # Import environment from a secret
  kbx set env --from=secret/mysecret deployment/myapp
  
  # Import environment from a config map with a prefix
  kbx set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp
  
  # Import specific keys from a config map
  kbx set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp
  
  # Remove the environment variable ENV from container 'c1' in all deployment configs
  kbx set env deployments --all --containers="c1" ENV-
  
  # Remove the environment variable ENV from a deployment definition on disk and
  # update the deployment config on the server
  kbx set env -f deploy.json ENV-
  
  # Set some of the local shell environment into a deployment config on the server
  env | grep RAILS_ | kbx set env -e - deployment/registry`,
        usage: 'kbx set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
        flags: [
          bool('--all', 'If true, select all resources in the namespace of the specified resource types'),
          str('-c, --containers', 'The names of containers in the selected pod templates to change - may use wildcards', { shown: '\'*\'', default: '*' }),
          DRY_RUN,
          list('-e, --env', 'Specify a key-value pair for an environment variable to set into each container.'),
          list('-f, --filename', 'Filename, directory, or URL to files the resource to update the env'),
          OUTPUT,
          SELECTOR,
          RECORD,
        ],
      },
      {
        name: 'image',
        short: 'Update the image of a pod template',
        long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
        examples: `  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kbx set image deployment/nginx busybox=busybox nginx=nginx:1.9.1
  
  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kbx set image deployments,rc nginx=nginx:1.9.1 --all
  
  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kbx set image daemonset abc *=nginx:1.9.1
  
  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  kbx set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
        usage: 'kbx set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
        flags: [
          bool('--all', 'Select all resources, in the namespace of the specified resource types'),
          DRY_RUN,
          FILENAME,
          OUTPUT,
          SELECTOR,
          RECORD,
        ],
      },
    ],
  },
  {
    name: 'get',
    group: 'Basic Commands (Intermediate)',
    short: 'Display one or many resources',
    long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

Use "kbx api-resources" for a complete list of supported resources.`,
    examples: `  # List all pods in ps output format
  kbx get pods
  
  # List all pods in ps output format with more information (such as node name)
  kbx get pods -o wide
  
  # List a single pod in JSON output format
  kbx get -o json pod web-pod-13je7
  
  # List a pod identified by type and name specified in "pod.yaml" in JSON output format
  kbx get -f pod.yaml -o json
  
  # Return only the phase value of the specified pod
  kbx get -o template pod/web-pod-13je7 --template={{.status.phase}}
  
  # List all pods and namespaces together
  kbx get pods,namespaces`,
    usage: 'kbx get [(-o|--output=)json|yaml|name|custom-columns=...|custom-columns-file=...|jsonpath=...|jsonpath-file=...|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
    load: () => import('./commands/get.js'),
    flags: [
      str('-o, --output', 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].'),
      ALL_NAMESPACES,
      SELECTOR,
      str('--field-selector', 'Selector (field query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.'),
      bool('--show-managed-fields', 'If true, keep the managedFields when printing objects in JSON or YAML format.'),
      bool('--show-labels', 'When printing, show all labels as the last column (default hide labels column)'),
      list('-L, --label-columns', 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...'),
      bool('-w, --watch', 'After listing/getting the requested object, watch for changes.'),
      bool('--watch-only', 'Watch for changes to the requested object(s), without listing/getting first.'),
      NO_HEADERS,
      str('--sort-by', 'If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. \'{.metadata.name}\'). The field in the API resource specified by this JSONPath expression must be an integer or a string.'),
      bool('--ignore-not-found', 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.'),
      FILENAME,
      KUSTOMIZE,
      RECURSIVE,
      str('--raw', 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.'),
    ],
  },
  {
    name: 'edit',
    group: 'Basic Commands (Intermediate)',
    short: 'Edit a resource on the server',
    long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.

 You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
    examples: `  # Edit the service named 'registry'
  kbx edit svc/registry
  
  # Use an alternative editor
  KUBE_EDITOR="nano" kbx edit svc/registry
  
  # Edit the job 'myjob' in JSON using the v1 API format
  kbx edit job.v1.batch/myjob -o json
  
  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
  kbx edit deployment/mydeployment -o yaml --save-config
  
  # Edit the 'status' subresource for the 'mydeployment' deployment
  kbx edit deployment mydeployment --subresource='status'`,
    usage: 'kbx edit (RESOURCE/NAME | -f FILENAME) [options]',
    load: () => import('./commands/edit.js'),
    flags: [
      list('-f, --filename', 'Filename, directory, or URL to files to use to edit the resource'),
      RECURSIVE,
      str('--validate', 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.', { shown: '\'strict\'', default: 'strict' }),
      str('--field-manager', 'Name of the manager used to track field ownership.', { shown: '\'kubectl-edit\'' }),
    ],
  },
  {
    name: 'delete',
    group: 'Basic Commands (Intermediate)',
    short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

 Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately.`,
    examples: `  # Delete a pod using the type and name specified in pod.json
  kbx delete -f ./pod.json
  
  # Delete pods and services with same names "baz" and "foo"
  kbx delete pod,service baz foo
  
  # Delete pods and services with label name=myLabel
  kbx delete pods,services -l name=myLabel
  
  # Delete a pod with minimal delay
  kbx delete pod foo --now
  
  # Force delete a pod on a dead node
  kbx delete pod foo --force
  
  # Delete all pods
  kbx delete pods --all`,
    usage: 'kbx delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
    load: () => import('./commands/delete.js'),
    flags: [
      str('-o, --output', 'Output mode. Use "-o name" for shorter output (resource/name).'),
      list('-f, --filename', 'containing the resource to delete.'),
      str('-k, --kustomize', 'Process a kustomization directory. This flag can\'t be used together with -f or -R.'),
      RECURSIVE,
      SELECTOR,
      str('--field-selector', 'Selector (field query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.'),
      bool('--all', 'Delete all resources, in the namespace of the specified resource types.'),
      ALL_NAMESPACES,
      int('--grace-period', 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).', { shown: '-1', default: '-1' }),
      bool('--now', 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).'),
      bool('--force', 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.'),
      bool('--wait', 'If true, wait for resources to be gone before returning. This waits for finalizers.', { shown: 'true', default: true }),
      duration('--timeout', 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object', { default: '0s' }),
      bool('--ignore-not-found', 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.'),
      str('--cascade', 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.', { shown: '\'background\'', default: 'background' }),
    ],
  },
  {
    name: 'rollout',
    group: 'Deploy Commands',
    short: 'Manage the rollout of a resource',
    long: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
    examples: `  # Rollback to the previous deployment
  kbx rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kbx rollout status daemonset/foo
  
  # Restart a deployment
  kbx rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kbx rollout restart deployment --selector=app=nginx`,
    usage: 'kbx rollout SUBCOMMAND [options]',
    load: () => import('./commands/rollout.js'),
    flags: [],
    subcommands: [
      {
        name: 'history',
        short: 'View rollout history',
        long: `View previous rollout revisions and configurations.`,
        examples: `  # View the rollout history of a deployment
  kbx rollout history deployment/abc
  
  # View the details of daemonset revision 3
  kbx rollout history daemonset/abc --revision=3`,
        usage: 'kbx rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
        flags: [
          FILENAME,
          OUTPUT,
          int('--revision', 'See the details, including podTemplate of the revision specified', { default: '0' }),
          SELECTOR,
        ],
      },
      {
        name: 'pause',
        short: 'Mark the provided resource as paused',
        long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kbx rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
        examples: `  # Mark the nginx deployment as paused
  # Any current state of the deployment will continue its function; new updates
  # to the deployment will not have an effect as long as the deployment is paused
  kbx rollout pause deployment/nginx`,
        usage: 'kbx rollout pause RESOURCE [options]',
        flags: [
          FILENAME,
          OUTPUT,
          SELECTOR,
        ],
      },
      {
        name: 'restart',
        short: 'Restart a resource',
        long: `Restart a resource.

        Resource rollout will be restarted.`,
        examples: `  # Restart all deployments in the test-namespace namespace
  kbx rollout restart deployment -n test-namespace
  
  # Restart a deployment
  kbx rollout restart deployment/nginx
  
  # Restart a daemon set
  kbx rollout restart daemonset/abc
  
  # Restart deployments with the app=nginx label
  kbx rollout restart deployment --selector=app=nginx`,
        usage: 'kbx rollout restart RESOURCE [options]',
        flags: [
          FILENAME,
          OUTPUT,
          SELECTOR,
        ],
      },
      {
        name: 'resume',
        short: 'Resume a paused resource',
        long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
        examples: `  # Resume an already paused deployment
  kbx rollout resume deployment/nginx`,
        usage: 'kbx rollout resume RESOURCE [options]',
        flags: [
          FILENAME,
          OUTPUT,
          SELECTOR,
        ],
      },
      {
        name: 'status',
        short: 'Show the status of the rollout',
        long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
        examples: `  # Watch the rollout status of a deployment
  kbx rollout status deployment/nginx`,
        usage: 'kbx rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
        flags: [
          FILENAME,
          int('--revision', 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).', { default: '0' }),
          SELECTOR,
          duration('--timeout', 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).', { default: '0s' }),
          bool('-w, --watch', 'Watch the status of the rollout until it\'s done.', { shown: 'true', default: true }),
        ],
      },
      {
        name: 'undo',
        short: 'Undo a previous rollout',
        long: `Roll back to a previous rollout.`,
        examples: `  # Roll back to the previous deployment
  kbx rollout undo deployment/abc
  
  # Roll back to daemonset revision 3
  kbx rollout undo daemonset/abc --to-revision=3
  
  # Roll back to the previous deployment with dry-run
  kbx rollout undo --dry-run=server deployment/abc`,
        usage: 'kbx rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
        flags: [
          DRY_RUN,
          FILENAME,
          OUTPUT,
          SELECTOR,
          int('--to-revision', 'The revision to rollback to. Default to 0 (last revision).', { default: '0' }),
        ],
      },
    ],
  },
  {
    name: 'scale',
    group: 'Deploy Commands',
    short: 'Set a new size for a deployment, replica set, or replication controller',
    long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
    examples: `  # Scale a replica set named 'foo' to 3
  kbx scale --replicas=3 rs/foo
  
  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kbx scale --replicas=3 -f foo.yaml
  
  # If the deployment named mysql's current size is 2, scale mysql to 3
  kbx scale --current-replicas=2 --replicas=3 deployment/mysql
  
  # Scale multiple replication controllers
  kbx scale --replicas=5 rc/example1 rc/example2 rc/example3
  
  # Scale stateful set named 'web' to 3
  kbx scale --replicas=3 statefulset/web`,
    usage: 'kbx scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
    load: () => import('./commands/scale.js'),
    flags: [
      OUTPUT,
      int('--replicas', 'The new desired number of replicas. Required.'),
      int('--current-replicas', 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.', { shown: '-1', default: '-1' }),
      str('--resource-version', 'Precondition for resource version. Requires that the current resource version match this value in order to scale.'),
      SELECTOR,
      bool('--all', 'Select all resources in the namespace of the specified resource types'),
      list('-f, --filename', 'Filename, directory, or URL to files identifying the resource to set a new size'),
      RECORD,
      duration('--timeout', 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).', { default: '0s' }),
    ],
  },
  {
    name: 'top',
    group: 'Cluster Management Commands',
    short: 'Display resource (CPU/memory) usage',
    long: `Display resource (CPU/memory) usage.

 This command provides a view of recent resource consumption for nodes and pods. kbx serves the resource metrics API (metrics.k8s.io) itself, from Docker's container stats (working-set memory and CPU rate, sampled every 15 s): no Metrics Server is needed.

 The metrics shown are the ones the Horizontal Pod Autoscaler uses for its decisions; they may not match those of standard OS tools like 'top'.`,
    examples: '',
    usage: 'kbx top [flags] [options]',
    load: () => import('./commands/top.js'),
    flags: [],
    subcommands: [
      {
        name: 'node',
        aliases: ['nodes', 'no'],
        short: 'Display resource (CPU/memory) usage of nodes',
        long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
        examples: `  # Show metrics for all nodes
  kbx top node
  
  # Show metrics for a given node
  kbx top node NODE_NAME`,
        usage: 'kbx top node [NAME | -l label] [options]',
        flags: [
          bool('--no-headers', 'If present, print output without headers'),
          SELECTOR,
          bool('--show-capacity', 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.'),
          str('--sort-by', "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'."),
          bool('--use-protocol-buffers', 'Enables using protocol-buffers to access Metrics API.', { default: true, shown: 'true' }),
        ],
      },
      {
        name: 'pod',
        aliases: ['pods', 'po'],
        short: 'Display resource (CPU/memory) usage of pods',
        long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
        examples: `  # Show metrics for all pods in the default namespace
  kbx top pod
  
  # Show metrics for all pods in the given namespace
  kbx top pod --namespace=NAMESPACE
  
  # Show metrics for a given pod and its containers
  kbx top pod POD_NAME --containers
  
  # Show metrics for the pods defined by label name=myLabel
  kbx top pod -l name=myLabel`,
        usage: 'kbx top pod [NAME | -l label] [options]',
        flags: [
          ALL_NAMESPACES,
          bool('--containers', 'If present, print usage of containers within a pod.'),
          str('--field-selector', "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."),
          bool('--no-headers', 'If present, print output without headers.'),
          SELECTOR,
          str('--sort-by', "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'."),
          bool('--sum', 'Print the sum of the resource usage'),
          bool('--use-protocol-buffers', 'Enables using protocol-buffers to access Metrics API.', { default: true, shown: 'true' }),
        ],
      },
    ],
  },
  {
    name: 'autoscale',
    group: 'Deploy Commands',
    short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
    long: `Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster. The command will attempt to use the autoscaling/v2 API first, in case of an error, it will fall back to autoscaling/v1 API.

 Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.`,
    examples: `  # Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used
  kbx autoscale deployment foo --min=2 --max=10
  
  # Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%
  kbx autoscale rc foo --max=5 --cpu=80%
  
  # Auto scale a deployment "bar", with the number of pods between 3 and 6, target average CPU of 500m and memory of 200Mi
  kbx autoscale deployment bar --min=3 --max=6 --cpu=500m --memory=200Mi`,
    usage: 'kbx autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu=CPU] [--memory=MEMORY] [options]',
    load: () => import('./commands/autoscale.js'),
    flags: [
      str('--cpu', 'Target CPU utilization over all the pods. When specified as a percentage (e.g."70%" for 70% of requested CPU) it will target average utilization. When specified as quantity (e.g."500m" for 500 milliCPU) it will target average value. Value without units is treated as a quantity with miliCPU being the unit (e.g."500" is "500m").'),
      int('--cpu-percent', 'The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it\'s not specified or negative, a default autoscaling policy will be used.', { default: '-1', hidden: true }),
      DRY_RUN,
      str('--field-manager', 'Name of the manager used to track field ownership.', { default: 'kubectl-autoscale', shown: "'kubectl-autoscale'" }),
      list('-f, --filename', 'Filename, directory, or URL to files identifying the resource to autoscale.'),
      int('--max', 'The upper limit for the number of pods that can be set by the autoscaler. Required.', { shown: '-1' }),
      str('--memory', 'Target memory utilization over all the pods. When specified as a percentage (e.g."60%" for 60% of requested memory) it will target average utilization. When specified as quantity (e.g."200Mi" for 200 MiB, "1Gi" for 1 GiB) it will target average value. Value without units is treated as a quantity with mebibytes being the unit (e.g."200" is "200Mi").'),
      int('--min', "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value.", { default: '-1' }),
      str('--name', 'The name for the newly created object. If not specified, the name of the input resource will be used.'),
      OUTPUT,
      bool('--save-config', 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.'),
    ],
  },
  {
    name: 'auth',
    group: 'Troubleshooting and Debugging Commands',
    short: 'Inspect authorization',
    long: 'Inspect authorization.',
    examples: '',
    usage: 'kbx auth [flags] [options]',
    load: () => import('./commands/auth.js'),
    flags: [],
    subcommands: [
        {
          name: 'can-i',
          short: "Check whether an action is allowed",
          long: `Check whether an action is allowed.

 VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with "/". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.`,
          examples: `  # Check to see if I can create pods in any namespace
  kbx auth can-i create pods --all-namespaces
  
  # Check to see if I can list deployments in my current namespace
  kbx auth can-i list deployments.apps
  
  # Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"
  # You must be allowed to use impersonation for the global option "--as"
  kbx auth can-i list pods --as=system:serviceaccount:dev:foo -n prod
  
  # Check to see if I can do everything in my current namespace ("*" means all)
  kbx auth can-i '*' '*'
  
  # Check to see if I can get the job named "bar" in namespace "foo"
  kbx auth can-i list jobs.batch/bar -n foo
  
  # Check to see if I can read pod logs
  kbx auth can-i get pods --subresource=log
  
  # Check to see if I can access the URL /logs/
  kbx auth can-i get /logs/
  
  # Check to see if I can approve certificates.k8s.io
  kbx auth can-i approve certificates.k8s.io
  
  # List all allowed actions in namespace "foo"
  kbx auth can-i --list --namespace=foo`,
          usage: "kbx auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]",
          flags: [
            bool("-A, --all-namespaces", "If true, check the specified action in all namespaces."),
            bool("--list", "If true, prints all allowed actions."),
            bool("--no-headers", "If true, prints allowed actions without headers"),
            bool("-q, --quiet", "If true, suppress output and just return the exit code."),
            str("--subresource", "SubResource such as pod/log or deployment/scale"),
          ],
        },
        {
          name: 'whoami',
          short: "Experimental: Check self subject attributes",
          long: `Experimental: Check who you are and your attributes (groups, extra).

        This command is helpful to get yourself aware of the current user attributes,
        especially when dynamic authentication, e.g., token webhook, auth proxy, or OIDC provider,
        is enabled in the Kubernetes cluster.`,
          examples: `  # Get your subject attributes
  kbx auth whoami
  
  # Get your subject attributes in JSON format
  kbx auth whoami -o json`,
          usage: "kbx auth whoami [options]",
          flags: [
            str("-o, --output", "Output format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
          ],
        },

    ],
  },
  {
    name: 'cordon',
    group: 'Cluster Management Commands',
    short: 'Mark node as unschedulable',
    long: 'Mark node as unschedulable.',
    examples: `  # Mark node "foo" as unschedulable
  kbx cordon foo`,
    usage: 'kbx cordon NODE [options]',
    load: () => import('./commands/drain.js').then((m) => ({ run: m.runCordon })),
    flags: [DRY_RUN, SELECTOR],
  },
  {
    name: 'uncordon',
    group: 'Cluster Management Commands',
    short: 'Mark node as schedulable',
    long: 'Mark node as schedulable.',
    examples: `  # Mark node "foo" as schedulable
  kbx uncordon foo`,
    usage: 'kbx uncordon NODE [options]',
    load: () => import('./commands/drain.js').then((m) => ({ run: m.runUncordon })),
    flags: [DRY_RUN, SELECTOR],
  },
  {
    name: 'drain',
    group: 'Cluster Management Commands',
    short: 'Drain node in preparation for maintenance',
    long: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kbx uncordon, which will make the node schedulable again.`,
    examples: `  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  kbx drain foo --force
  
  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
  kbx drain foo --grace-period=900`,
    usage: 'kbx drain NODE [options]',
    load: () => import('./commands/drain.js').then((m) => ({ run: m.runDrain })),
    flags: [
      bool('--delete-emptydir-data', 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).'),
      bool('--disable-eviction', 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.'),
      DRY_RUN,
      bool('--force', 'Continue even if there are pods that do not declare a controller.'),
      int('--grace-period', 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.', { default: '-1', shown: '-1' }),
      bool('--ignore-daemonsets', 'Ignore DaemonSet-managed pods.'),
      str('--pod-selector', 'Label selector to filter pods on the node'),
      SELECTOR,
      int('--skip-wait-for-delete-timeout', 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.', { default: '0' }),
      duration('--timeout', 'The length of time to wait before giving up, zero means infinite', { default: '0s' }),
    ],
  },
  {
    name: 'taint',
    group: 'Cluster Management Commands',
    short: 'Update the taints on one or more nodes',
    long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
    examples: `  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
  # If a taint with that key and effect already exists, its value is replaced as specified
  kbx taint nodes foo dedicated=special-user:NoSchedule
  
  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
  kbx taint nodes foo dedicated:NoSchedule-
  
  # Remove from node 'foo' all the taints with key 'dedicated'
  kbx taint nodes foo dedicated-
  
  # Add a taint with key 'dedicated' on nodes having label myLabel=X
  kbx taint node -l myLabel=X  dedicated=foo:PreferNoSchedule
  
  # Add to node 'foo' a taint with key 'bar' and no value
  kbx taint nodes foo bar:NoSchedule`,
    usage: 'kbx taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
    load: () => import('./commands/drain.js').then((m) => ({ run: m.runTaint })),
    flags: [
      bool('--all', 'Select all nodes in the cluster'),
      DRY_RUN,
      bool('--overwrite', 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.'),
      SELECTOR,
    ],
  },
  {
    name: 'cluster-info',
    group: 'Cluster Management Commands',
    short: 'Display cluster information',
    long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.`,
    examples: `  # Print the address of the control plane and cluster services
  kbx cluster-info`,
    usage: 'kbx cluster-info [flags] [options]',
    load: () => import('./commands/cluster-info.js'),
    flags: [],
  },
  {
    name: 'cluster',
    group: 'Cluster Management Commands',
    short: 'Show, stop or reset the local kbx control plane',
    long: `Manage the local kbx control plane of $KBX_HOME (default ~/.kbx).

 These act on the local cluster only, never on one named by --kubeconfig, --context or --server.`,
    examples: `  # Show the control plane
  kbx cluster status
  
  # Start over
  kbx cluster reset
  
  # Let kubectl, helm and other clients use a cluster with its own KBX_HOME
  KBX_HOME=/tmp/c2 kbx cluster kubeconfig --merge`,
    usage: 'kbx cluster (status|stop|reset|kubeconfig [--merge]|rotate-encryption-key) [options]',
    load: () => import('./commands/cluster.js'),
    flags: [],
    subcommands: [
      kbxOnly('status', 'Show whether the control plane runs, where, and whether Docker answers'),
      kbxOnly('stop', 'Stop the control plane (containers keep running and are re-adopted at the next start)'),
      kbxOnly('reset', 'Stop it, remove every container, network and volume it made, and delete all state'),
      kbxOnly('kubeconfig', "Print its kubeconfig; --merge writes its context into $KUBECONFIG's first file or ~/.kube/config", [
        bool('--merge', "Write this cluster's context into your kubeconfig ($KUBECONFIG's first file or ~/.kube/config)"),
      ]),
      kbxOnly('rotate-encryption-key', 'Encrypt Secrets at rest with a new key (the old keys still read until every Secret is rewritten)'),
    ],
  },
  {
    name: 'describe',
    group: 'Troubleshooting and Debugging Commands',
    short: 'Show details of a specific resource or group of resources',
    long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector.`,
    examples: `  # Describe a pod
  kbx describe pods/nginx
  
  # Describe a pod identified by type and name in "pod.json"
  kbx describe -f pod.json
  
  # Describe all pods
  kbx describe pods
  
  # Describe pods by label name=myLabel
  kbx describe pods -l name=myLabel`,
    usage: 'kbx describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
    load: () => import('./commands/describe.js'),
    flags: [
      ALL_NAMESPACES,
      SELECTOR,
      list('-f, --filename', 'Filename, directory, or URL to files containing the resource to describe'),
      KUSTOMIZE,
      bool('--show-events', 'If true, display events related to the described object.', { shown: 'true', default: true }),
    ],
  },
  {
    name: 'logs',
    group: 'Troubleshooting and Debugging Commands',
    short: 'Print the logs for a container in a pod',
    long: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.`,
    examples: `  # Return snapshot logs from pod nginx with only one container
  kbx logs nginx
  
  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
  kbx logs nginx --prefix
  
  # Return snapshot logs from all containers in pod nginx
  kbx logs nginx --all-containers=true
  
  # Return snapshot of previous terminated ruby container logs from pod web-1
  kbx logs -p -c ruby web-1
  
  # Begin streaming the logs of the ruby container in pod web-1
  kbx logs -f -c ruby web-1
  
  # Display only the most recent 20 lines of output in pod nginx
  kbx logs --tail=20 nginx
  
  # Show all logs from pod nginx written in the last hour
  kbx logs --since=1h nginx`,
    usage: 'kbx logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
    load: () => import('./commands/logs.js'),
    flags: [
      str('-c, --container', 'Print the logs of this container'),
      bool('-f, --follow', 'Specify if the logs should be streamed.'),
      int('--tail', 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.', { shown: '-1', default: '-1' }),
      bool('-p, --previous', 'If true, print the logs for the previous instance of the container in a pod if it exists.'),
      bool('--timestamps', 'Include timestamps on each line in the log output'),
      duration('--since', 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.'),
      str('--since-time', 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.'),
      bool('--all-containers', 'Get all containers\' logs in the pod(s).'),
      bool('--prefix', 'Prefix each log line with the log source (pod name and container name)'),
      int('--limit-bytes', 'Maximum bytes of logs to return. Defaults to no limit.'),
      SELECTOR,
    ],
  },
  {
    name: 'attach',
    group: 'Troubleshooting and Debugging Commands',
    short: 'Attach to a running container',
    long: `Attach to a process that is already running inside an existing container.`,
    examples: `  # Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation
  # for selecting the container to be attached or the first container in the pod will be chosen
  kbx attach mypod
  
  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kbx attach mypod -c ruby-container -i -t`,
    usage: 'kbx attach (POD | TYPE/NAME) -c CONTAINER [options]',
    load: () => import('./commands/attach.js'),
    flags: [
      str('-c, --container', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen'),
      bool('-i, --stdin', 'Pass stdin to the container'),
      bool('-t, --tty', 'Stdin is a TTY'),
      bool('-q, --quiet', 'Only print output from the remote session'),
    ],
  },
  {
    name: 'exec',
    group: 'Troubleshooting and Debugging Commands',
    short: 'Execute a command in a container',
    long: `Execute a command in a container.`,
    examples: `  # Get output from running the 'date' command from pod mypod, using the first container by default
  kbx exec mypod -- date
  
  # Get output from running the 'date' command in ruby-container from pod mypod
  kbx exec mypod -c ruby-container -- date
  
  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kbx exec mypod -c ruby-container -i -t -- bash -il`,
    usage: 'kbx exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
    load: () => import('./commands/exec.js'),
    flags: [
      str('-c, --container', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen'),
      bool('-i, --stdin', 'Pass stdin to the container'),
      bool('-t, --tty', 'Stdin is a TTY'),
      bool('-q, --quiet', 'Only print output from the remote session'),
    ],
  },
  {
    name: 'port-forward',
    group: 'Troubleshooting and Debugging Commands',
    short: 'Forward one or more local ports to a pod',
    long: `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`,
    examples: `  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
  kbx port-forward pod/mypod 5000 6000
  
  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment
  kbx port-forward deployment/mydeployment 5000 6000
  
  # Listen on port 8443 locally, forwarding to the targetPort of the service's port named "https" in a pod selected by the service
  kbx port-forward service/myservice 8443:https
  
  # Listen on port 8888 locally, forwarding to 5000 in the pod
  kbx port-forward pod/mypod 8888:5000
  
  # Listen on port 8888 on all addresses, forwarding to 5000 in the pod
  kbx port-forward --address 0.0.0.0 pod/mypod 8888:5000
  
  # Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod
  kbx port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000
  
  # Listen on a random port locally, forwarding to 5000 in the pod
  kbx port-forward pod/mypod :5000`,
    usage: 'kbx port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
    load: () => import('./commands/port-forward.js'),
    flags: [
      list('--address', 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kbx will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.', { shown: '[localhost]', default: ['localhost'] }),
      duration('--pod-running-timeout', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', { shown: '1m0s', default: '1m0s' }),
    ],
  },
  {
    name: 'proxy',
    group: 'Troubleshooting and Debugging Commands',
    short: 'Run a proxy to the Kubernetes API server',
    long: `Creates a proxy server or application-level gateway between localhost and the Kubernetes API server. It also allows serving static content over specified HTTP path. All incoming data enters through one port and gets forwarded to the remote Kubernetes API server port, except for the path matching the static content path.`,
    examples: `  # To proxy all of the Kubernetes API and nothing else
  kbx proxy --api-prefix=/
  
  # To proxy only part of the Kubernetes API and also some static files
  # You can get pods info with 'curl localhost:8001/api/v1/pods'
  kbx proxy --www=/my/files --www-prefix=/static/ --api-prefix=/api/
  
  # To proxy the entire Kubernetes API at a different root
  # You can get pods info with 'curl localhost:8001/custom/api/v1/pods'
  kbx proxy --api-prefix=/custom/
  
  # Run a proxy to the Kubernetes API server on port 8011, serving static content from ./local/www/
  kbx proxy --port=8011 --www=./local/www/
  
  # Run a proxy to the Kubernetes API server on an arbitrary local port
  # The chosen port for the server will be output to stdout
  kbx proxy --port=0
  
  # Run a proxy to the Kubernetes API server, changing the API prefix to k8s-api
  # This makes e.g. the pods API available at localhost:8001/k8s-api/v1/pods/
  kbx proxy --api-prefix=/k8s-api`,
    usage: 'kbx proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix] [options]',
    load: () => import('./commands/proxy.js'),
    flags: [
      int('-p, --port', 'The port on which to run the proxy. Set to 0 to pick a random port.', { shown: '8001', default: '8001' }),
      str('--address', 'The IP address on which to serve on.', { shown: '\'127.0.0.1\'', default: '127.0.0.1' }),
      str('--api-prefix', 'Prefix to serve the proxied API under.', { shown: '\'/\'', default: '/' }),
      str('-w, --www', 'Also serve static files from the given directory under the specified prefix.'),
      str('-P, --www-prefix', 'Prefix to serve static files under, if static file directory is specified.', { shown: '\'/static/\'', default: '/static/' }),
    ],
  },
  {
    name: 'cp',
    group: 'Troubleshooting and Debugging Commands',
    short: 'Copy files and directories to and from containers',
    long: `Copy files and directories to and from containers.`,
    examples: `  # !!!Important Note!!!
  # Requires that the 'tar' binary is present in your container
  # image.  If 'tar' is not present, 'kbx cp' will fail.
  #
  # For advanced use cases, such as symlinks, wildcard expansion or
  # file mode preservation, consider using 'kbx exec'.
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  tar cf - /tmp/foo | kbx exec -i -n <some-namespace> <some-pod> -- tar xf - -C /tmp/bar
  
  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kbx exec -n <some-namespace> <some-pod> -- tar cf - /tmp/foo | tar xf - -C /tmp/bar
  
  # Copy /tmp/foo_dir local directory to /tmp/bar_dir in a remote pod in the default namespace
  kbx cp /tmp/foo_dir <some-pod>:/tmp/bar_dir
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in a specific container
  kbx cp /tmp/foo <some-pod>:/tmp/bar -c <specific-container>
  
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in namespace <some-namespace>
  kbx cp /tmp/foo <some-namespace>/<some-pod>:/tmp/bar
  
  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kbx cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar`,
    usage: 'kbx cp <file-spec-src> <file-spec-dest> [options]',
    load: () => import('./commands/cp.js'),
    flags: [
      str('-c, --container', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen'),
      bool('--no-preserve', 'The copied file/directory\'s ownership and permissions will not be preserved in the container'),
    ],
  },
  {
    name: 'debug',
    group: 'Troubleshooting and Debugging Commands',
    short: 'Create debugging sessions for troubleshooting workloads and nodes',
    long: `Debug cluster resources using interactive debugging containers.

 'debug' provides automation for common debugging tasks for cluster objects identified by resource and name. Pods will be used by default if no resource is specified.

 The action taken by 'debug' varies depending on what resource is specified. Supported actions include:

  *  Workload: Create a copy of an existing pod with certain attributes changed, for example changing the image tag to a new version.
  *  Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without restarting the pod.
  *  Node: Create a new pod that runs in the node's host namespaces and can access the node's filesystem.

 Note: When a non-root user is configured for the entire target Pod, some capabilities granted by debug profile may not work.`,
    examples: `  # Create an interactive debugging session in pod mypod and immediately attach to it.
  kbx debug mypod -it --image=busybox
  
  # Create a debug container named debugger using a custom automated debugging image.
  kbx debug --image=myproj/debug-tools -c debugger mypod
  
  # Create a copy of mypod adding a debug container and attach to it
  kbx debug mypod -it --image=busybox --copy-to=my-debugger
  
  # Create a copy of mypod changing the command of mycontainer
  kbx debug mypod -it --copy-to=my-debugger --container=mycontainer -- sh
  
  # Create a copy of mypod changing all container images to busybox
  kbx debug mypod --copy-to=my-debugger --set-image=*=busybox
  
  # Create a copy of mypod adding a debug container and changing container images
  kbx debug mypod -it --copy-to=my-debugger --image=debian --set-image=app=app:debug,sidecar=sidecar:debug
  
  # Create an interactive debugging session on a node and immediately attach to it.
  # The container will run in the host namespaces and the host's filesystem will be mounted at /host
  kbx debug node/mynode -it --image=busybox`,
    usage: 'kbx debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]',
    load: () => import('./commands/debug.js'),
    flags: [
      bool('--arguments-only', 'If specified, everything after -- will be passed to the new container as Args instead of Command.'),
      bool('--attach', 'If true, wait for the container to start running, and then attach as if \'kbx attach ...\' were called.  Default false, unless \'-i/--stdin\' is set, in which case the default is true.'),
      str('-c, --container', 'Container name to use for debug container.'),
      str('--copy-to', 'Create a copy of the target Pod with this name.'),
      list('--env', 'Environment variables to set in the container.'),
      str('--image', 'Container image to use for debug container.'),
      str('--image-pull-policy', 'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.'),
      bool('--keep-annotations', 'If true, keep the original pod annotations.(This flag only works when used with \'--copy-to\')'),
      bool('--keep-init-containers', 'Run the init containers for the pod. Defaults to true.(This flag only works when used with \'--copy-to\')', { default: true, shown: 'true' }),
      bool('--keep-labels', 'If true, keep the original pod labels.(This flag only works when used with \'--copy-to\')'),
      bool('--keep-liveness', 'If true, keep the original pod liveness probes.(This flag only works when used with \'--copy-to\')'),
      bool('--keep-readiness', 'If true, keep the original pod readiness probes.(This flag only works when used with \'--copy-to\')'),
      bool('--keep-startup', 'If true, keep the original startup probes.(This flag only works when used with \'--copy-to\')'),
      str('--profile', 'Options are "legacy" or "general" ("baseline", "netadmin", "restricted" and "sysadmin" are not supported by kbx).', { shown: '\'legacy\'' }),
      bool('-q, --quiet', 'If true, suppress informational messages.'),
      bool('--replace', 'When used with \'--copy-to\', delete the original Pod.'),
      bool('--same-node', 'When used with \'--copy-to\', schedule the copy of target Pod on the same node.'),
      list('--set-image', 'When used with \'--copy-to\', a list of name=image pairs for changing container images, similar to how \'kbx set image\' works.'),
      bool('--share-processes', 'When used with \'--copy-to\', enable process namespace sharing in the copy.', { default: true, shown: 'true' }),
      bool('-i, --stdin', 'Keep stdin open on the container(s) in the pod, even if nothing is attached.'),
      str('--target', 'When using an ephemeral container, target processes in this container name.'),
      bool('-t, --tty', 'Allocate a TTY for the debugging container.'),
    ],
  },
  {
    name: 'events',
    group: 'Troubleshooting and Debugging Commands',
    short: 'List events',
    long: `Display events.

 Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.`,
    examples: `  # List recent events in the default namespace
  kbx events
  
  # List recent events in all namespaces
  kbx events --all-namespaces
  
  # List recent events for the specified pod, then wait for more events and list them as they arrive
  kbx events --for pod/web-pod-13je7 --watch
  
  # List recent only events of type 'Warning' or 'Normal'
  kbx events --types=Warning,Normal`,
    usage: 'kbx events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
    load: () => import('./commands/events.js'),
    flags: [
      OUTPUT,
      ALL_NAMESPACES,
      str('--for', 'Filter events to only those pertaining to the specified resource.'),
      list('--types', 'Output only events of given types.'),
      bool('-w, --watch', 'After listing the requested events, watch for more events.'),
      bool('--no-headers', 'When using the default output format, don\'t print headers.'),
    ],
  },
  {
    name: 'diff',
    group: 'Advanced Commands',
    short: 'Diff the live version against a would-be applied version',
    long: `Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.

 The output is always YAML.

 KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"

 By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.

 Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.

 Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.`,
    examples: `  # Diff resources included in pod.json
  kbx diff -f pod.json
  
  # Diff file read from stdin
  cat service.yaml | kbx diff -f -`,
    usage: 'kbx diff -f FILENAME [options]',
    load: () => import('./commands/diff.js'),
    flags: [
      list('-f, --filename', 'Filename, directory, or URL to files contains the configuration to diff'),
      KUSTOMIZE,
      RECURSIVE,
      bool('--server-side', 'If true, apply runs in the server instead of the client.'),
      bool('--force-conflicts', 'If true, server-side apply will force the changes against conflicts.'),
      str('--field-manager', 'Name of the manager used to track field ownership.', { shown: '\'kubectl-client-side-apply\'' }),
    ],
  },
  {
    name: 'apply',
    group: 'Advanced Commands',
    short: 'Apply a configuration to a resource by file name or stdin',
    long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.`,
    examples: `  # Apply the configuration in pod.json to a pod
  kbx apply -f ./pod.json
  
  # Apply the JSON passed into stdin to a pod
  cat pod.json | kbx apply -f -
  
  # Apply every manifest in a directory
  kbx apply -f samples/ -R`,
    usage: 'kbx apply (-f FILENAME | -k DIRECTORY) [options]',
    load: () => import('./commands/apply.js'),
    flags: [
      list('-f, --filename', 'The files that contain the configurations to apply.'),
      str('-k, --kustomize', 'Process a kustomization directory. This flag can\'t be used together with -f or -R.'),
      RECURSIVE,
      OUTPUT,
      DRY_RUN,
      str('--validate', 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.', { shown: '\'strict\'', default: 'strict' }),
      RECORD,
      bool('--server-side', 'If true, apply runs in the server instead of the client.'),
      bool('--force-conflicts', 'If true, server-side apply will force the changes against conflicts.'),
      str('--field-manager', 'Name of the manager used to track field ownership.', { shown: '\'kubectl-client-side-apply\'' }),
      bool('--show-managed-fields', 'If true, keep the managedFields when printing objects in JSON or YAML format.'),
    ],
  },
  {
    name: 'patch',
    group: 'Advanced Commands',
    short: 'Update fields of a resource',
    long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
    examples: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kbx patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'
  
  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  kbx patch node k8s-node-1 -p $'spec:\\n unschedulable: true'
  
  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  kbx patch -f node.json -p '{"spec":{"unschedulable":true}}'
  
  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kbx patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'
  
  # Update a container's image using a JSON patch with positional arrays
  kbx patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'
  
  # Update a deployment's replicas through the 'scale' subresource using a merge patch
  kbx patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
    usage: 'kbx patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
    load: () => import('./commands/patch.js'),
    flags: [
      list('-f, --filename', 'Filename, directory, or URL to files identifying the resource to update'),
      RECURSIVE,
      str('-p, --patch', 'The patch to be applied to the resource JSON file.'),
      str('--patch-file', 'A file containing a patch to be applied to the resource.'),
      str('--type', 'The type of patch being provided; one of [json merge strategic]', { shown: '\'strategic\'', default: 'strategic' }),
      str('--subresource', 'If specified, patch will operate on the subresource of the requested object.'),
      DRY_RUN,
      OUTPUT,
      str('--field-manager', 'Name of the manager used to track field ownership.', { shown: '\'kubectl-patch\'' }),
    ],
  },
  {
    name: 'replace',
    group: 'Advanced Commands',
    short: 'Replace a resource by file name or stdin',
    long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kbx get TYPE NAME -o yaml`,
    examples: `  # Replace a pod using the data in pod.json
  kbx replace -f ./pod.json
  
  # Replace a pod based on the JSON passed into stdin
  cat pod.json | kbx replace -f -
  
  # Update a single-container pod's image version (tag) to v4
  kbx get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kbx replace -f -
  
  # Force replace, delete and then re-create the resource
  kbx replace --force -f ./pod.json`,
    usage: 'kbx replace -f FILENAME [options]',
    load: () => import('./commands/replace.js'),
    flags: [
      list('-f, --filename', 'The files that contain the configurations to replace.'),
      str('-k, --kustomize', 'Process a kustomization directory. This flag can\'t be used together with -f or -R.'),
      RECURSIVE,
      bool('--force', 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.'),
      int('--grace-period', 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).', { shown: '-1', default: '-1' }),
      DRY_RUN,
      OUTPUT,
      str('--validate', 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.', { shown: '\'strict\'', default: 'strict' }),
      str('--field-manager', 'Name of the manager used to track field ownership.', { shown: '\'kubectl-replace\'' }),
    ],
  },
  {
    name: 'wait',
    group: 'Advanced Commands',
    short: 'Wait for a specific condition on one or many resources',
    long: `Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.`,
    examples: `  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  kbx wait --for=condition=Ready pod/busybox1
  
  # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
  kbx wait --for=condition=Ready=false pod/busybox1
  
  # Wait for the pod "busybox1" to contain the status phase to be "Running"
  kbx wait --for=jsonpath='{.status.phase}'=Running pod/busybox1
  
  # Wait for pod "busybox1" to be Ready
  kbx wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1
  
  # Wait for the service "loadbalancer" to have ingress
  kbx wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer
  
  # Wait for the secret "busybox1" to be created, with a timeout of 30s
  kbx create secret generic busybox1
  kbx wait --for=create secret/busybox1 --timeout=30s
  
  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
  kbx delete pod/busybox1
  kbx wait --for=delete pod/busybox1 --timeout=60s`,
    usage: 'kbx wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath=\'{}\'[=value]] [options]',
    load: () => import('./commands/wait.js'),
    flags: [
      bool('--all', 'Select all resources in the namespace of the specified resource types'),
      ALL_NAMESPACES,
      str('--field-selector', 'Selector (field query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.'),
      list('-f, --filename', 'identifying the resource.'),
      str('--for', 'The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath=\'{JSONPath expression}\'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.'),
      bool('-R, --recursive', 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.', { shown: 'true', default: true }),
      str('-l, --selector', 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2)'),
      duration('--timeout', 'The length of time to wait before giving up. Zero means check once and don\'t wait, negative means wait for a week.', { shown: '30s', default: '30s' }),
    ],
  },
  {
    name: 'kustomize',
    group: 'Advanced Commands',
    short: 'Build a kustomization target from a directory or URL',
    long: `Build a set of KRM resources using a 'kustomization.yaml' file. The DIR argument must be a path to a directory containing 'kustomization.yaml'. If DIR is omitted, '.' is assumed. (kbx builds local directories only; see the README for the kustomize fields it supports.)`,
    examples: `  # Build the current working directory
  kbx kustomize
  
  # Build some shared configuration directory
  kbx kustomize /home/config/production`,
    usage: 'kbx kustomize DIR [flags] [options]',
    load: () => import('./commands/kustomize.js'),
    flags: [],
  },
  {
    name: 'label',
    group: 'Settings Commands',
    short: 'Update the labels on a resource',
    long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.`,
    examples: `  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kbx label pods foo unhealthy=true
  
  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kbx label --overwrite pods foo status=unhealthy
  
  # Update pod 'foo' by removing a label named 'bar' if it exists
  kbx label pods foo bar-`,
    usage: 'kbx label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
    load: () => import('./commands/label.js').then((m) => ({ run: m.runLabel })),
    flags: [
      OUTPUT,
      bool('--overwrite', 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.'),
      bool('--all', 'Select all resources, in the namespace of the specified resource types'),
      bool('-A, --all-namespaces', 'If true, check the specified action in all namespaces.'),
      SELECTOR,
      list('-f, --filename', 'Filename, directory, or URL to files identifying the resource to update the labels'),
      DRY_RUN,
      bool('--list', 'If true, display the labels for a given resource.'),
    ],
  },
  {
    name: 'annotate',
    group: 'Settings Commands',
    short: 'Update the annotations on a resource',
    long: `Update the annotations on one or more resources.`,
    examples: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  kbx annotate pods foo description='my frontend'
  
  # Update pod 'foo' by removing an annotation named 'description' if it exists
  kbx annotate pods foo description-`,
    usage: 'kbx annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
    load: () => import('./commands/label.js').then((m) => ({ run: m.runAnnotate })),
    flags: [
      OUTPUT,
      bool('--overwrite', 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.'),
      bool('--all', 'Select all resources, in the namespace of the specified resource types.'),
      bool('-A, --all-namespaces', 'If true, check the specified action in all namespaces.'),
      SELECTOR,
      list('-f, --filename', 'Filename, directory, or URL to files identifying the resource to update the annotation'),
      DRY_RUN,
      bool('--list', 'If true, display the annotations for a given resource.'),
    ],
  },
  {
    name: 'completion',
    group: 'Settings Commands',
    short: 'Output shell completion code for the specified shell (bash or zsh)',
    long: `Output shell completion code for the specified shell (bash or zsh). The shell code must be evaluated to provide interactive completion of kbx commands.  This can be done by sourcing it from the .bash_profile.

 The completion asks kbx (\`kbx __complete\`) for verbs, flags, resource types and, from the API, names, namespaces, containers and contexts.`,
    examples: `  # Load the kbx completion code for bash into the current shell
  source <(kbx completion bash)
  
  # Write bash completion code to a file and source it from .bash_profile
  kbx completion bash > ~/.kube/kbx-completion.bash.inc
  printf "
  # kbx shell completion
  source '$HOME/.kube/kbx-completion.bash.inc'
  " >> $HOME/.bash_profile
  source $HOME/.bash_profile
  
  # Load the kbx completion code for zsh into the current shell
  source <(kbx completion zsh)
  # Set the kbx completion code for zsh to autoload on startup
  kbx completion zsh > "\${fpath[1]}/_kbx"`,
    usage: 'kbx completion SHELL [options]',
    load: () => import('./commands/completion.js'),
    flags: [

    ],
  },
  {
    name: 'api-resources',
    group: 'Other Commands',
    short: 'Print the supported API resources on the server',
    long: `Print the supported API resources on the server.`,
    examples: `  # Print the supported API resources
  kbx api-resources`,
    usage: 'kbx api-resources [flags] [options]',
    load: () => import('./commands/api-resources.js'),
    flags: [
      str('-o, --output', 'Output format. One of: (json, yaml, name, wide).'),
      bool('--namespaced', 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.', { shown: 'true' }),
      NO_HEADERS,
      str('--api-group', 'Limit to resources in the specified API group.'),
    ],
  },
  {
    name: 'explain',
    group: 'Basic Commands (Intermediate)',
    short: 'Get documentation for a resource',
    long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.`,
    examples: `  # Get the documentation of the resource and its fields
  kbx explain pods

  # Get the documentation of a specific field of a resource
  kbx explain pods.spec.containers`,
    usage: 'kbx explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext] [options]',
    load: () => import('./commands/explain.js'),
    flags: [
      bool('--recursive', 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.'),
      str('--api-version', 'Use given api-version (group/version) of the resource.'),
      str('-o, --output', 'Format in which to render the schema. Valid values are: (plaintext).', { shown: '\'plaintext\'' }),
    ],
  },
  {
    name: 'api-versions',
    group: 'Other Commands',
    short: 'Print the supported API versions on the server, in the form of "group/version"',
    long: `Print the supported API versions on the server, in the form of "group/version".`,
    examples: `  # Print the supported API versions
  kbx api-versions`,
    usage: 'kbx api-versions [options]',
    load: () => import('./commands/api-versions.js'),
    flags: [],
  },
  {
    name: 'config',
    group: 'Other Commands',
    short: 'Modify kubeconfig files',
    long: `Modify kubeconfig files using subcommands like "kbx config set-context --current --namespace=x".

 The files are --kubeconfig's, else $KUBECONFIG's list (merged as kubectl merges them), else the kubeconfig
 of the local cluster, $KBX_HOME/kubeconfig.`,
    examples: `  # Show the merged kubeconfig settings
  kbx config view
  
  # Use another namespace by default
  kbx config set-context --current --namespace=dev
  
  # Switch to another cluster
  kbx config use-context prod`,
    usage: 'kbx config SUBCOMMAND [options]',
    load: () => import('./commands/config.js'),
    flags: [],
    subcommands: [
      {
        name: 'current-context',
        short: 'Display the current-context',
        long: `Display the current-context.`,
        examples: `  # Display the current-context
  kbx config current-context`,
        usage: 'kbx config current-context [flags] [options]',
        flags: [],
      },
      {
        name: 'get-contexts',
        short: 'Describe one or many contexts',
        long: `Display one or many contexts from the kubeconfig file.`,
        examples: `  # List all the contexts in your kubeconfig file
  kbx config get-contexts
  
  # Describe one context in your kubeconfig file
  kbx config get-contexts my-context`,
        usage: 'kbx config get-contexts [(-o|--output=)name)] [options]',
        flags: [
          NO_HEADERS,
          str('-o, --output', 'Output format. One of: (name).'),
        ],
      },
      {
        name: 'set-context',
        short: 'Set a context entry in kubeconfig',
        long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
        examples: `  # Set the user field on the gce context entry without touching other values
  kbx config set-context gce --user=cluster-admin`,
        usage: 'kbx config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
        flags: [
          bool('--current', 'Modify the current context'),
          str('-n, --namespace', 'namespace for the context entry in kubeconfig'),
          str('--cluster', 'cluster for the context entry in kubeconfig'),
          str('--user', 'user for the context entry in kubeconfig'),
        ],
      },
      {
        name: 'use-context',
        aliases: ['use'],
        short: 'Set the current-context in a kubeconfig file',
        long: `Set the current-context in a kubeconfig file.`,
        examples: `  # Use the context for the minikube cluster
  kbx config use-context minikube`,
        usage: 'kbx config use-context CONTEXT_NAME [options]',
        flags: [],
      },
      {
        name: 'view',
        short: 'Display merged kubeconfig settings or a specified kubeconfig file',
        long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
        examples: `  # Show merged kubeconfig settings
  kbx config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  kbx config view --raw
  
  # Get the password for the e2e user
  kbx config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
        usage: 'kbx config view [flags] [options]',
        flags: [
          bool('--flatten', 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)'),
          bool('--minify', 'Remove all information not used by current-context from the output'),
          str('-o, --output', 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).', { shown: '\'yaml\'' }),
          bool('--raw', 'Display raw byte data and sensitive data'),
        ],
      },
    ],
  },
  {
    name: 'plugin',
    group: 'Other Commands',
    short: 'Provides utilities for interacting with plugins',
    long: `Provides utilities for interacting with plugins.

 Plugins provide extended functionality that is not part of the major command-line distribution. Please refer to the documentation and examples for more information about how write your own plugins.

 The easiest way to discover and install plugins is via the kubernetes sub-project krew: [krew.sigs.k8s.io]. To install krew, visit https://krew.sigs.k8s.io/docs/user-guide/setup/install`,
    examples: PLUGIN_EXAMPLES,
    usage: 'kbx plugin [flags] [options]',
    load: () => import('./commands/plugin.js'),
    flags: [],
    subcommands: [
      {
        name: 'list',
        short: 'List all visible plugin executables on a user\'s PATH',
        long: `List all available plugin files on a user's PATH. To see plugins binary names without the full path use --name-only flag.

 Available plugin files are those that are: - executable - anywhere on the user's PATH - begin with "kbx-" or "kubectl-"`,
        examples: PLUGIN_EXAMPLES,
        usage: 'kbx plugin list [flags] [options]',
        flags: [bool('--name-only', 'If true, display only the binary name of each plugin, rather than its full path')],
      },
    ],
  },
  {
    name: 'version',
    group: 'Other Commands',
    short: 'Print the client and server version information',
    long: `Print the client and server version information for the current context.`,
    examples: `  # Print the client and server versions for the current context
  kbx version`,
    usage: 'kbx version [flags] [options]',
    load: () => import('./commands/version.js'),
    flags: [
      str('-o, --output', 'One of \'yaml\' or \'json\'.'),
      bool('--client', 'If true, shows client version only (no server required).'),
    ],
  },
  {
    name: 'options',
    short: 'Print the list of flags inherited by all commands',
    long: 'Print the list of flags inherited by all commands',
    examples: `  # Print flags inherited by all commands
  kbx options`,
    usage: 'kbx options [flags] [options]',
    load: () => import('./commands/options.js'),
    flags: [],
  },
];
