/**
 * The public door of the example Chirp adapter (what a package `@acme/smm-adapter-chirp`
 * would export). The simulator is for tests and demos and is imported from its own file.
 */
export {
  ChirpCredentialsSchema,
  ChirpOptionsSchema,
  createChirpAdapter,
  type ChirpAdapterSettings,
  type ChirpCredentials,
  type ChirpOptions,
} from './chirp-adapter.js';
