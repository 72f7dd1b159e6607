/** A kustomize build failure, in kustomize's words (kubectl prints it after `error: `). */
export class KustomizeError extends Error {}
