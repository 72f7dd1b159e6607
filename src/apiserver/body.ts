// A request body as the API server reads it: JSON (what kubectl and client libraries send), else
// YAML read by the same go-yaml port (YAML 1.1) as `-f` manifests, apply patches and kubeconfig
// files, so `yes` is true and `0777` is 511 on every path. The YAML reader is loaded only for a
// YAML body. An empty body is undefined.
import * as errors from '../api/errors.js';

export async function decodeRequestBody(text: string): Promise<unknown> {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      const { yamlDocumentToJson } = await import('../compat/yaml-parse.js');
      return yamlDocumentToJson(text);
    } catch (e) {
      throw errors.badRequest(`the body of the request could not be decoded: ${(e as Error).message}`);
    }
  }
}
