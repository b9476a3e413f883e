/**
 * The adapter specification: the versioned contract between `@smm/core` and a network's
 * adapter. Each version lives in its own folder (`v1/`) whose types depend on nothing else in
 * core, so a published version never changes. Adapter authors usually import from
 * `@smm/core/adapter-kit`, which re-exports the current version under short names.
 *
 * @packageDocumentation
 */
export * from './v1/index.js';

/** Any adapter this core can drive (only spec v1 exists). */
export type Adapter = import('./v1/index.js').AdapterV1<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
