/**
 * The REST contract: every shape that crosses between a widget, a backend adapter and the server.
 * It uses `zod/mini` and nothing from the DOM, so browsers and Node.js share it.
 */
export * from './public.js';
export * from './server.js';
export * from './csv.js';
export * from './reference.js';
export * from './audit.js';
export * from './overview.js';
export * from './rules.js';
export * from './questions.js';
export * from './versions.js';
export * from './wordings.js';
export * from './errors.js';
