// Field numbers of the kinds whose protobuf bodies kbx decodes (k8s.io/api generated.proto).
// Add a kind here to accept its typed-client writes.
import type { MessageSchema } from './wire.js';

const OWNER_REFERENCE: MessageSchema = {
  1: ['kind', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'], 5: ['apiVersion', 'string'], 6: ['controller', 'bool'], 7: ['blockOwnerDeletion', 'bool'],
};

export const OBJECT_META: MessageSchema = {
  1: ['name', 'string'], 2: ['generateName', 'string'], 3: ['namespace', 'string'], 5: ['uid', 'string'], 6: ['resourceVersion', 'string'],
  7: ['generation', 'int'], 8: ['creationTimestamp', 'time'], 11: ['labels', { map: 'string' }], 12: ['annotations', { map: 'string' }],
  13: ['ownerReferences', { repeated: OWNER_REFERENCE }], 14: ['finalizers', { repeated: 'string' }],
};

const LABEL_SELECTOR: MessageSchema = {
  1: ['matchLabels', { map: 'string' }],
  2: ['matchExpressions', { repeated: { 1: ['key', 'string'], 2: ['operator', 'string'], 3: ['values', { repeated: 'string' }] } }],
};

const POLICY_RULE: MessageSchema = {
  1: ['verbs', { repeated: 'string' }], 2: ['apiGroups', { repeated: 'string' }], 3: ['resources', { repeated: 'string' }],
  4: ['resourceNames', { repeated: 'string' }], 5: ['nonResourceURLs', { repeated: 'string' }],
};
const SUBJECT: MessageSchema = { 1: ['kind', 'string'], 2: ['apiGroup', 'string'], 3: ['name', 'string'], 4: ['namespace', 'string'] };
const ROLE_REF: MessageSchema = { 1: ['apiGroup', 'string'], 2: ['kind', 'string'], 3: ['name', 'string'] };

const RESOURCE_ATTRIBUTES: MessageSchema = {
  1: ['namespace', 'string'], 2: ['verb', 'string'], 3: ['group', 'string'], 4: ['version', 'string'], 5: ['resource', 'string'],
  6: ['subresource', 'string'], 7: ['name', 'string'],
};
const NON_RESOURCE_ATTRIBUTES: MessageSchema = { 1: ['path', 'string'], 2: ['verb', 'string'] };
const ACCESS_SPEC: MessageSchema = { 1: ['resourceAttributes', RESOURCE_ATTRIBUTES], 2: ['nonResourceAttributes', NON_RESOURCE_ATTRIBUTES] };
const SAR_SPEC: MessageSchema = {
  ...ACCESS_SPEC, 3: ['user', 'string'], 4: ['groups', { repeated: 'string' }], 5: ['extra', { map: { 1: ['items', { repeated: 'string' }] } }], 6: ['uid', 'string'],
};

const meta = { 1: ['metadata', OBJECT_META] } as const satisfies MessageSchema;

/** By `apiVersion/kind`. */
export const SCHEMAS: Record<string, MessageSchema> = {
  'rbac.authorization.k8s.io/v1/Role': { ...meta, 2: ['rules', { repeated: POLICY_RULE }] },
  'rbac.authorization.k8s.io/v1/ClusterRole': { ...meta, 2: ['rules', { repeated: POLICY_RULE }], 3: ['aggregationRule', { 1: ['clusterRoleSelectors', { repeated: LABEL_SELECTOR }] }] },
  'rbac.authorization.k8s.io/v1/RoleBinding': { ...meta, 2: ['subjects', { repeated: SUBJECT }], 3: ['roleRef', ROLE_REF] },
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': { ...meta, 2: ['subjects', { repeated: SUBJECT }], 3: ['roleRef', ROLE_REF] },
  'authorization.k8s.io/v1/SelfSubjectAccessReview': { ...meta, 2: ['spec', ACCESS_SPEC] },
  'authorization.k8s.io/v1/SelfSubjectRulesReview': { ...meta, 2: ['spec', { 1: ['namespace', 'string'] }] },
  'authorization.k8s.io/v1/SubjectAccessReview': { ...meta, 2: ['spec', SAR_SPEC] },
  'authorization.k8s.io/v1/LocalSubjectAccessReview': { ...meta, 2: ['spec', SAR_SPEC] },
  'authentication.k8s.io/v1/SelfSubjectReview': { ...meta },
  'authentication.k8s.io/v1/TokenReview': { ...meta, 2: ['spec', { 1: ['token', 'string'], 2: ['audiences', { repeated: 'string' }] }] },
  'authentication.k8s.io/v1/TokenRequest': {
    ...meta,
    2: ['spec', { 1: ['audiences', { repeated: 'string' }], 3: ['boundObjectRef', { 1: ['kind', 'string'], 2: ['apiVersion', 'string'], 3: ['name', 'string'], 4: ['uid', 'string'] }], 4: ['expirationSeconds', 'int'] }],
  },
  'v1/ServiceAccount': {
    ...meta, 2: ['secrets', { repeated: { 2: ['namespace', 'string'], 3: ['name', 'string'] } }], 3: ['imagePullSecrets', { repeated: { 1: ['name', 'string'] } }],
    4: ['automountServiceAccountToken', 'bool'],
  },
};
