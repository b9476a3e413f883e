import type { AdapterV1MediaRules } from '../adapter-spec/index.js';
import { formatIssuePath, SmmError, ValidationError } from '../errors/index.js';
import type { MediaRef } from '../model/index.js';
import type { MediaProblem } from '../media-rules/index.js';
import type { MediaBody } from './media-body.js';
import { openMediaRef } from './open-media-body.js';
import type { MediaProbe } from '../media-rules/index.js';
import { probeMedia } from './probe-media.js';

/** The media of a draft, as {@link probeDraftMedia} reads it. */
export interface DraftMediaProbes {
  /** What the bytes say, per attachment (the draft's own `MediaRef` objects are the keys). */
  probes: Map<MediaRef, MediaProbe>;
  /** The opened bodies, to hand on to the adapter without opening the source again (a stream opens once). */
  bodies: Map<MediaRef, MediaBody>;
  /** Sources that could not be opened (a missing file, a URL without a size): reported with the draft's other problems. */
  problems: MediaProblem[];
}

/** Options of {@link probeDraftMedia}. */
export interface ProbeDraftMediaOptions {
  /** The fetch used for URL sources (default: the global fetch). */
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** A draft, or a thread part: anything with media. */
/** The parts of a draft that carry media (a `PostDraft` has them). */
export interface WithMedia {
  media?: readonly MediaRef[] | undefined;
  thread?: ReadonlyArray<{ media?: readonly MediaRef[] | undefined }> | undefined;
}

/** Whether to read a source before publishing: local sources always (their size is needed), URLs only when the network has file rules to check. */
function worthProbing(ref: MediaRef, rules: AdapterV1MediaRules): boolean {
  if (ref.from || ref.source.type !== 'url') return true;
  return rules.files?.[ref.kind] !== undefined;
}

/**
 * Opens and probes every attachment of a draft (post and thread parts) that needs it, reading
 * only the head of each file. No request goes to the network the draft is for; a URL source
 * is read only when the network declares file rules for its kind.
 *
 * @example
 * ```ts
 * const { probes, problems } = await probeDraftMedia(draft, adapter.capabilities.content.media);
 * ```
 */
export async function probeDraftMedia(
  draft: WithMedia,
  rules: AdapterV1MediaRules,
  options: ProbeDraftMediaOptions = {},
): Promise<DraftMediaProbes> {
  const out: DraftMediaProbes = { probes: new Map(), bodies: new Map(), problems: [] };
  const places: Array<[MediaRef, Array<string | number>]> = [
    ...(draft.media ?? []).map((ref, index): [MediaRef, Array<string | number>] => [ref, ['media', index]]),
    ...(draft.thread ?? []).flatMap((part, partIndex) =>
      (part.media ?? []).map((ref, index): [MediaRef, Array<string | number>] => [ref, ['thread', partIndex, 'media', index]]),
    ),
  ];
  for (const [ref, path] of places) {
    if (!worthProbing(ref, rules) || out.probes.has(ref)) continue;
    try {
      const body = await openMediaRef(ref, path, options);
      out.bodies.set(ref, body);
      out.probes.set(ref, await probeMedia(body));
    } catch (error) {
      if (!SmmError.isInstance(error)) throw error;
      const issues = ValidationError.isInstance(error)
        ? error.issues
        : [{ path: [...path, 'source'], code: error.code, message: error.message }];
      for (const issue of issues) {
        out.problems.push({ field: formatIssuePath(issue.path), path: issue.path, code: issue.code, message: issue.message });
      }
    }
  }
  return out;
}
