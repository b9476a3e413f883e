/**
 * This package's version, kept equal to `version` in its package.json (a test checks). It is sent
 * in the `user-agent` header as `@smm/adapter-threads/<VERSION>`.
 *
 * @example
 * ```ts
 * import { VERSION } from '@smm/adapter-threads';
 * console.log(VERSION); // '0.1.0'
 * ```
 */
export const VERSION = '0.1.0';

/** The default `user-agent`: package name and version. @internal */
export const USER_AGENT = `@smm/adapter-threads/${VERSION}`;
