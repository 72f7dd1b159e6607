// The review APIs: create-only resources the API server answers without storing anything
// (src/apiserver/access-reviews.ts). Declared here so routing and discovery know them.
import { resource, type KindDefinition } from './kind.js';

const review = (group: string, kind: string, plural: string, namespaced = false): KindDefinition => ({
  resource: resource({ group, version: 'v1', kind, plural, namespaced, verbs: ['create'] }),
  strategy: { hasStatus: false },
});

export const selfSubjectReview = review('authentication.k8s.io', 'SelfSubjectReview', 'selfsubjectreviews');
export const tokenReview = review('authentication.k8s.io', 'TokenReview', 'tokenreviews');
export const localSubjectAccessReview = review('authorization.k8s.io', 'LocalSubjectAccessReview', 'localsubjectaccessreviews', true);
export const selfSubjectAccessReview = review('authorization.k8s.io', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews');
export const selfSubjectRulesReview = review('authorization.k8s.io', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews');
export const subjectAccessReview = review('authorization.k8s.io', 'SubjectAccessReview', 'subjectaccessreviews');

export const REVIEW_KINDS = [selfSubjectReview, tokenReview, localSubjectAccessReview, selfSubjectAccessReview, selfSubjectRulesReview, subjectAccessReview];
