/**
 * The content toolkit: per-network length rules as data, counting (X's weighted length equal to
 * twitter-text 3, grapheme clusters, bytes), validation that reports every problem at once,
 * thread splitting, entity extraction in every script, Bluesky facets, and UTM tagging.
 *
 * @packageDocumentation
 */
export type { ContentRules, DraftProblem, LengthMethod, MediaRules, TextRule } from './types.js';
export { CONTENT_RULES, TEXT_RULES, type BuiltInNetwork } from './rules.js';
export { countLength, measureText, type TextMeasurement } from './measure.js';
export { xWeightedLength } from './x-weighted-length.js';
export { countCodePoints, countGraphemes, utf8Length } from './unicode.js';
export { validateDraft, type CheckableDraft, type ValidateDraftOptions } from './validate-draft.js';
export { validateDraftWithMedia } from './validate-draft-with-media.js';
export { extractEntities, type ExtractEntitiesOptions, type TextEntity, type TextEntityType } from './entities.js';
export { toBlueskyFacets, type BlueskyFacet, type BlueskyFacetFeature, type HandleResolver } from './bluesky-facets.js';
export { splitThread, type SplitThreadOptions } from './split-thread.js';
export { atomize, type Article, type AtomizeOptions } from './atomize.js';
export { addUtm, tagLinks, type TagLinksOptions, type UtmOptions, type UtmParams } from './utm.js';
