// The flags of `kbx create configmap|secret|token` (kubectl's create_configmap.go, create_secret*.go,
// create_token.go), added to the create verb.
import type { Command } from 'commander';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function configCreateFlags(c: Command): Command {
  return c
    .option('--from-file <source>', 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.', collect)
    .option('--from-literal <pair>', 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)', collect)
    .option('--from-env-file <file>', 'Specify the path to a file to read lines of key=val pairs to create a configmap.', collect)
    .option('--append-hash', 'Append a hash of the configmap to its name.')
    .option('--type <type>', 'The type of secret to create (create secret generic)')
    .option('--cert <path>', 'Path to PEM encoded public key certificate. (create secret tls)')
    .option('--key <path>', 'Path to private key associated with given certificate. (create secret tls)')
    .option('--docker-server <server>', 'Server location for Docker registry', 'https://index.docker.io/v1/')
    .option('--docker-username <user>', 'Username for Docker registry authentication')
    .option('--docker-password <password>', 'Password for Docker registry authentication')
    .option('--docker-email <email>', 'Email for Docker registry')
    .option('--audience <aud>', 'Audience of the requested token (create token)', collect)
    .option('--duration <d>', 'Requested lifetime of the issued token (create token)')
    .option('--bound-object-kind <kind>', 'Kind of an object to bind the token to (create token)')
    .option('--bound-object-name <name>', 'Name of an object to bind the token to (create token)')
    .option('--bound-object-uid <uid>', 'UID of an object to bind the token to (create token)');
}
