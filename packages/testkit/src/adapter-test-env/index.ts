/**
 * The one set-up of adapter tests: a simulator, the adapter and core's client on a
 * self-advancing fake clock (`createAdapterTestEnv`), and the small helpers those tests share.
 *
 * @packageDocumentation
 */
export {
  createAdapterTestEnv,
  type AdapterTestEnv,
  type AdapterTestEnvOptions,
  type AdapterTestEnvOverrides,
} from './create-adapter-test-env.js';
export { defineAdapterTestEnv, type AdapterTestEnvDefinition, type BoundAdapterTestEnvOptions } from './define-adapter-test-env.js';
export { settle, type Settled } from './settle.js';
export { ONE_PIXEL_PNG_BASE64 } from './one-pixel-png.js';
