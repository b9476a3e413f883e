import { draftFor, variantPath, type PostDraft } from '../model/index.js';
import type { PublishWarning } from './check-draft.js';

/** One network's view of a draft with variants. @internal */
export interface ResolvedVariant {
  /** What the network receives: the draft with its variant applied (see `draftFor`). */
  draft: PostDraft;
  /** Variants for networks this publish does not reach (`variant_unused`): ignored, not errors. */
  warnings: PublishWarning[];
  /** Moves an issue found in the resolved draft to where it lives in the draft (`variants.x.text`). */
  locate<T extends { path?: Array<string | number> }>(issue: T): T;
}

/**
 * Resolves the draft `platform` receives and says which variants go nowhere: `targeted` lists
 * every platform the same draft is published to in this call (a variant for one of them is
 * expected). A variant for another network is a warning, not an error: the same draft may be
 * published to that network later (or from the calendar). @internal
 *
 * @example
 * ```ts
 * const { draft, warnings } = resolveVariant(parsePostDraft(input), 'x', ['x', 'bluesky']);
 * ```
 */
export function resolveVariant(parsed: PostDraft, platform: string, targeted: readonly string[]): ResolvedVariant {
  const warnings: PublishWarning[] = Object.keys(parsed.variants ?? {})
    .filter((network) => network !== platform && !targeted.includes(network))
    .map((network) => ({
      code: 'variant_unused',
      path: ['variants', network],
      message: `variants.${network} applies to ${network}, which this publish does not reach: ignored`,
    }));
  return {
    draft: draftFor(parsed, platform),
    warnings,
    locate: (issue) => (issue.path === undefined ? issue : { ...issue, path: variantPath(parsed, platform, issue.path) }),
  };
}
