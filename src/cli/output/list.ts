// The List wrapper kubectl prints for `get` with several objects (-o yaml|json|jsonpath).
// kubectl builds it client-side as a v1 List whatever the server's list kind was, and never
// carries the server's resourceVersion over: `metadata: {resourceVersion: ""}`.
import type { KObject } from '../../api/types.js';

export interface KubectlList {
  apiVersion: 'v1';
  items: KObject[];
  kind: 'List';
  metadata: { resourceVersion: string };
}

export interface ItemType {
  apiVersion: string;
  kind: string;
}

/**
 * Wraps items the way kubectl does. Items missing apiVersion/kind (as items of a server list
 * usually are) get them from `itemType`, as kubectl's unstructured list decoding fills them
 * from the list's own kind. Inputs are not modified.
 */
export function asListObject(items: KObject[], resourceVersion = '', itemType?: ItemType): KubectlList {
  const filled = items.map((item) => {
    if (!itemType || (item.apiVersion && item.kind)) return item;
    // apiVersion and kind first, as in every object kubectl prints in field order.
    const { apiVersion, kind, ...rest } = item;
    return { apiVersion: apiVersion || itemType.apiVersion, kind: kind || itemType.kind, ...rest } as KObject;
  });
  return { apiVersion: 'v1', items: filled, kind: 'List', metadata: { resourceVersion } };
}

/** The item kind of a server list kind: `PodList` → `Pod`. */
export function itemKindOfList(listKind: string): string {
  return listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : listKind;
}
