/**
 * Media that does not fit in memory: sources (URL, base64 bytes, file path, Blob, stream) opened
 * as bodies of known size read in chunks, probes that read a file's type, dimensions and duration
 * from its first bytes, checks against a network's declared media rules, and a chunked,
 * resumable upload helper for adapter authors. File paths need Node, Deno or Bun (`node:fs` is
 * loaded only when a file source is opened); the rest runs anywhere. See docs/media.md.
 *
 * @example
 * ```ts
 * import { openMediaBody, probeMedia } from '@smm/core/media';
 * const probe = await probeMedia(await openMediaBody({ type: 'file', path: 'photo.jpg' }, { mimeType: 'image/jpeg' }));
 * ```
 *
 * @packageDocumentation
 */
export { checkMediaAgainstRules, type MediaFacts, type MediaProblem, type MediaProbe } from '../media-rules/index.js';
export { createMediaBody, type MediaBody, type MediaChunk, type ReadFrom } from './media-body.js';
export { DEFAULT_INLINE_MAX_BYTES, mediaRefForAdapter, mediaRefForLookup } from './media-for-adapter.js';
export { openMediaBody, type OpenMediaBodyOptions } from './open-media-body.js';
export { probeDraftMedia, type DraftMediaProbes, type ProbeDraftMediaOptions, type WithMedia } from './probe-draft-media.js';
export { PROBE_HEAD_BYTES, probeMedia } from './probe-media.js';
export { validateDraftWithMedia } from './validate-draft-with-media.js';
export { uploadInChunks, type UploadChunk, type UploadInChunksOptions } from './upload-in-chunks.js';
