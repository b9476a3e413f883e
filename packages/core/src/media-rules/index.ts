/**
 * A network's declared media rules checked against what is known of each file (its probe, or
 * what the draft declares): pure functions, no I/O and no file-format libraries, so text
 * validation can use them anywhere. Probing the bytes is `@smm/core/media`.
 *
 * @example
 * ```ts
 * import { checkMediaAgainstRules } from '@smm/core/media-rules';
 * const problems = checkMediaAgainstRules([{ kind: 'image', probe: { sizeBytes: 9_000_000, mimeType: 'image/png' } }], rules);
 * ```
 *
 * @packageDocumentation
 */
export { checkMediaAgainstRules, type MediaFacts, type MediaProblem } from './check-media-rules.js';
export type { MediaProbe } from './media-probe.js';
