// kubectl's way of reporting errors: `Error from server (Reason): message` for API errors,
// `The Kind "name" is invalid: field: detail` for validation, `error: message` for the rest; exit 1.
import { StatusError, ConnectionError } from '../client/client.js';

import { CliError } from '../util/cli-error.js';

export { CliError };

/** Prefix an API error's message with where it came from, keeping its reason (kubectl's AddSourceToErr). */
export function withSource(e: unknown, verb: string, source: string | undefined): unknown {
  if (!source || !(e instanceof StatusError) || e.reason === 'Invalid') return e;
  return new StatusError({ ...e.status, message: `error when ${verb} "${source}": ${e.status.message}` });
}

export function formatError(e: unknown): { text: string; code: number } {
  if (e instanceof CliError) return { text: e.raw ? e.message : `error: ${e.message}`, code: e.exitCode };
  if (e instanceof StatusError) {
    const st = e.status;
    // kubectl's checkErr: an Invalid without details is "The request is invalid: <message>".
    if (st.reason === 'Invalid' && !st.details) return { text: `The request is invalid${st.message ? `: ${st.message}` : ''}`, code: 1 };
    if (st.reason === 'Invalid' && st.details) {
      const kind = st.details.kind ?? '';
      const name = st.details.name ?? '';
      const causes = st.details.causes ?? [];
      const kindTitle = kindForMessage(kind, st.details.group);
      if (causes.length === 1) {
        const c = causes[0]!;
        return { text: `The ${kindTitle} "${name}" is invalid: ${c.field ? `${c.field}: ` : ''}${c.message}`, code: 1 };
      }
      if (causes.length > 1) {
        const lines = causes.map((c) => `* ${c.field ? `${c.field}: ` : ''}${c.message}`);
        return { text: `The ${kindTitle} "${name}" is invalid: \n${lines.join('\n')}`, code: 1 };
      }
    }
    // kubectl's StandardErrorMessage: a 401 reads as a login problem.
    if (st.code === 401) return { text: `error: You must be logged in to the server (${st.message || 'Unauthorized'})`, code: 1 };
    if (!st.reason || st.reason === 'Unknown') return { text: `Error from server: ${st.message}`, code: 1 };
    return { text: `Error from server (${st.reason}): ${st.message}`, code: 1 };
  }
  if (e instanceof ConnectionError) return { text: e.message, code: 1 };
  const msg = (e as Error)?.message ?? String(e);
  return { text: `error: ${msg}`, code: 1 };
}

/** Status details carry the kind as sent by the server (`Pod`) or a resource (`pods`). */
function kindForMessage(kind: string, _group?: string): string {
  if (!kind) return 'object';
  if (/^[A-Z]/.test(kind)) return kind;
  return kind;
}
