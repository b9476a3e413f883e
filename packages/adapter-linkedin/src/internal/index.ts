/**
 * `@smm/adapter-linkedin/internal`: the adapter's parts (capability tables, the little-text
 * writer and reader, rate-limit buckets, error mapping, metric tables), for tools and tests that
 * need to look inside. Not covered by semver: build on `@smm/adapter-linkedin` instead.
 *
 * @packageDocumentation
 */
export { LINKEDIN_CAPABILITIES, LINKEDIN_FILE_RULES, linkedinCapabilities } from '../capabilities.js';
export { RESERVED_CHARACTERS, fromLittleText, toLittleText, type EscapeOptions, type LittleTextMention } from '../little-text.js';
export { LINKEDIN_BUCKETS, linkedinStaticLimits, parseLinkedInRateLimit, type LinkedInBucket } from '../rate-limits.js';
export { mapLinkedInError } from '../error-mapping.js';
export { LINKEDIN_POST_METRICS } from '../do-get-post-metrics.js';
export { LINKEDIN_ACCOUNT_METRICS } from '../do-get-account-metrics.js';
export { encodeUrn } from '../urns.js';
