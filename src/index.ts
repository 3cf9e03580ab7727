/**
 * posemu's public API: create an instance over an app directory and serve it.
 *
 *   const instance = createInstance({ root: '.', port: 3000 });
 *   const url = await listen(buildServer(instance), instance);
 */
export { createInstance } from './instance.js';
export type { Instance } from './instance.js';
export { buildServer, listen } from './server/index.js';
export { resolveConfig } from './config.js';
export type { UserConfig, ResolvedConfig } from './config.js';
export { PosError } from './errors.js';
export type { ErrorCode } from './errors.js';
