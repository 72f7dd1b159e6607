export * from './fieldset.js';
export * from './managed-fields.js';
