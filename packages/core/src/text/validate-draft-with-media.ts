import { probeDraftMedia, type ProbeDraftMediaOptions } from '../media/index.js';
import type { ContentRules, DraftProblem } from './types.js';
import { validateDraft, type CheckableDraft, type ValidateDraftOptions } from './validate-draft.js';

/**
 * {@link validateDraft} after reading each attachment's bytes: probes every file, Blob and stream
 * (and URLs where the network declares file rules) for its type, size, dimensions, duration and
 * codec, then reports every text and media problem at once. Reads only the head of each file and
 * sends nothing to the network.
 *
 * @example
 * ```ts
 * const problems = await validateDraftWithMedia(
 *   { text: 'Launch day', media: [{ kind: 'image', mimeType: 'image/png', source: { type: 'file', path: 'hero.png' } }] },
 *   adapter.capabilities.content,
 * );
 * ```
 */
export async function validateDraftWithMedia(
  draft: CheckableDraft,
  rules: ContentRules,
  options: ValidateDraftOptions & ProbeDraftMediaOptions = {},
): Promise<DraftProblem[]> {
  const { fetch, signal, ...validateOptions } = options;
  const probed = await probeDraftMedia(draft, rules.media, { ...(fetch ? { fetch } : {}), ...(signal ? { signal } : {}) });
  const problems: DraftProblem[] = probed.problems.map(({ field: _field, ...problem }) => problem);
  return [...problems, ...validateDraft(draft, rules, { ...validateOptions, mediaProbes: probed.probes })];
}
