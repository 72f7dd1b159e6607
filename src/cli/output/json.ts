// `-o json`: kubectl's JSON printer is json.MarshalIndent(obj, "", "    ") plus a newline.
import { goJson } from '../../compat/go-format.js';

export interface JsonOptions {
  /**
   * Sort map keys the way Go does for map[string]interface{}. kubectl holds everything it
   * read from the server or a manifest as such maps, so `get -o json` and `create -f x
   * -o json` print sorted keys; objects built by generators (`run`, `create deployment`)
   * are typed structs and print in field order, which is the object's own order here.
   */
  sortKeys?: boolean;
}

export function toKubectlJson(obj: unknown, opts: JsonOptions = {}): string {
  // Go's encoder is HTML-safe by default: <, >, & and the JS line separators come out escaped.
  return goJson(obj, '    ', !!opts.sortKeys) + '\n';
}
