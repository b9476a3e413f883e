/**
 * `@smm/core`: the platform-neutral model, errors and (through subpaths) the rest of the SDK.
 * Import a subpath (`@smm/core/model`, `@smm/core/errors`, …) to ship only what you use.
 *
 * @packageDocumentation
 */
export * from './model/index.js';
export * from './errors/index.js';
export * from './clock/index.js';
