// The admission plugin contract lives with the registry that runs the plugins.
export type { AdmissionPlugin, AdmissionReader } from '../registry/admission-types.js';
