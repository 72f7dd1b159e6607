import * as errors from '../errors.js';
import { decodeEnvelope, decodeMessage } from './wire.js';
import { SCHEMAS } from './schemas.js';

/** A protobuf request body as the JSON object it stands for; 415 for a kind kbx has no schema of. */
export function decodeProtobufObject(buf: Buffer): Record<string, unknown> {
  const env = decodeEnvelope(buf);
  if (!env) throw errors.badRequest('the body of the request was in an unknown format');
  const schema = SCHEMAS[`${env.apiVersion}/${env.kind}`];
  if (!schema) throw errors.unsupportedMediaType('application/vnd.kubernetes.protobuf', ['application/json', 'application/yaml']);
  try {
    return { apiVersion: env.apiVersion, kind: env.kind, ...decodeMessage(schema, env.raw) };
  } catch (e) {
    throw errors.badRequest(`the body of the request could not be decoded: ${(e as Error).message}`);
  }
}
