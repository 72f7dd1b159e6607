// kubectl's report of a server-side apply conflict: the API server's message, then kubectl's advice (apply.go).
import { CliError } from '../errors.js';
import { StatusError } from '../../client/client.js';

const CONFLICT_HINT = `
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** The error kubectl prints for a 409 with FieldManagerConflict causes, or undefined for any other error. */
export function conflictError(e: unknown): CliError | undefined {
  if (e instanceof StatusError && e.code === 409 && e.status.details?.causes?.some((c) => c.type === 'FieldManagerConflict')) {
    return new CliError(`${e.status.message}${CONFLICT_HINT}`);
  }
  return undefined;
}
