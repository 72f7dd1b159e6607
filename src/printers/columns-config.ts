// Server-side Table columns of ConfigMaps, Secrets and ServiceAccounts (printers.go
// printConfigMap, printSecret, printServiceAccount).
import type { KObject, TableColumnDefinition } from '../api/types.js';
import { ageCol, col, nameCol, type KindPrinter } from './columns.js';
import { translateTimestampSince } from './duration.js';

type Obj = Record<string, any>;
const age = (o: KObject, now: number) => translateTimestampSince(o.metadata?.creationTimestamp, now);
const count = (m: unknown) => (m && typeof m === 'object' ? Object.keys(m).length : 0);

const CONFIGMAP_DATA_DOC =
  "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.";
const SECRET_TYPE_DOC =
  'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types';
const SECRET_DATA_DOC =
  "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4";
const SA_SECRETS_DOC =
  'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a "kubernetes.io/enforce-mountable-secrets" annotation set to "true". The "kubernetes.io/enforce-mountable-secrets" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret';

export const CONFIGMAP_COLUMNS: TableColumnDefinition[] = [nameCol(), col('Data', 'string', CONFIGMAP_DATA_DOC), ageCol()];
export const SECRET_COLUMNS: TableColumnDefinition[] = [nameCol(), col('Type', 'string', SECRET_TYPE_DOC), col('Data', 'string', SECRET_DATA_DOC), ageCol()];
export const SERVICEACCOUNT_COLUMNS: TableColumnDefinition[] = [nameCol(), col('Secrets', 'string', SA_SECRETS_DOC), ageCol()];

export const CONFIGMAP_PRINTER: KindPrinter = {
  columns: CONFIGMAP_COLUMNS,
  row: (o, now) => ({ cells: [o.metadata.name, count((o as Obj).data) + count((o as Obj).binaryData), age(o, now)] }),
};

export const SECRET_PRINTER: KindPrinter = {
  columns: SECRET_COLUMNS,
  row: (o, now) => ({ cells: [o.metadata.name, (o as Obj).type ?? '', count((o as Obj).data), age(o, now)] }),
};

export const SERVICEACCOUNT_PRINTER: KindPrinter = {
  columns: SERVICEACCOUNT_COLUMNS,
  row: (o, now) => ({ cells: [o.metadata.name, ((o as Obj).secrets ?? []).length, age(o, now)] }),
};
