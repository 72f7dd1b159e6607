// The flags every kbx command accepts (kubectl's global options, `kbx options`), before or after the verb.
import { CONNECTION_FLAGS } from './connection-flags.js';
import { int, str, type FlagSpec } from './flags.js';
import { compareGoStrings } from '../compat/go-format.js';

export const GLOBAL_FLAGS: FlagSpec[] = [
  ...CONNECTION_FLAGS,
  str('-n, --namespace', 'If present, the namespace scope for this CLI request'),
  int('-v, --v', 'number for the log level verbosity'),
// pflag's order (Go's byte order); localeCompare would also load ICU's collator, ~10 ms of every command's start.
].sort((a, b) => compareGoStrings(a.long, b.long));
