// --validate (kubectl's values) → the fieldValidation query parameter.
import { CliError } from './errors.js';

/** --validate: strict|true → Strict, warn → Warn, ignore|false → Ignore. */
export function fieldValidation(v: string | undefined): string {
  switch ((v ?? 'strict').toLowerCase()) {
    case 'strict':
    case 'true':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
    default:
      throw new CliError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
  }
}
