import type { ValidationIssue } from '../errors/index.js';
import { toValidationIssues, type PostDraft } from '../model/index.js';
import type { MediaProbe } from '../media/index.js';
import { validateDraft } from '../text/index.js';
import type { Adapter, AdapterV1Poll as PollInput } from '../adapter-spec/index.js';

/** A soft gap: something the network ignores or approximates; the post still goes out. */
export interface PublishWarning {
  /** Stable code: `visibility_unsupported`, `network_options_ignored`, `idempotency_unavailable`, `already_published`, … */
  code: string;
  message: string;
  path?: Array<string | number>;
}

/** A hard gap: something the network cannot do at all. */
export interface UnsupportedFeature {
  feature: string;
  message: string;
}

/** Extras a publish may ask for besides the draft. */
export interface PublishExtras {
  poll?: PollInput;
  firstComment?: string;
  /** ISO-8601 UTC instant for native scheduling. */
  scheduledAt?: string;
}

/** The outcome of checking one draft against one adapter. */
export interface DraftCheck {
  /** Problems that make the draft invalid for this network (every one of them). */
  issues: ValidationIssue[];
  /** Features the network lacks. */
  unsupported: UnsupportedFeature[];
  warnings: PublishWarning[];
  /** The adapter's parsed `networkOptions` slice. */
  networkOptions: unknown;
}

// Content problems that are capability gaps (reported as UnsupportedFeatureError, not shortened).
const HARD_GAP_CODES = new Set(['threads_unsupported', 'unsupported_media_kind']);

/**
 * Checks a parsed draft against an adapter's capabilities and its `networkOptions` schema.
 * Pure: no I/O (media facts come probed, in `mediaProbes`). `alsoTargeted` lists the other networks the same draft goes to in this call,
 * whose option slices are expected rather than warned about.
 * @internal
 */
export function checkDraft(
  adapter: Adapter,
  draft: PostDraft,
  extras: PublishExtras,
  alsoTargeted: readonly string[] = [],
  mediaProbes?: ReadonlyMap<object, MediaProbe>,
): DraftCheck {
  const { capabilities, platform } = adapter;
  const issues: ValidationIssue[] = [];
  const unsupported: UnsupportedFeature[] = [];
  const warnings: PublishWarning[] = [];
  const gap = (feature: string, message: string) => unsupported.push({ feature, message });

  if (draft.replyTo) {
    if (!capabilities.replies) gap('replies', `${adapter.displayName} does not support replies: remove replyTo`);
    else if (draft.replyTo.platform !== platform) {
      issues.push({
        path: ['replyTo', 'platform'],
        code: 'reply_to_other_network',
        message: `replies to a ${draft.replyTo.platform} post cannot be published on ${platform}: reply with a ${platform} account`,
      });
    }
  }
  if (extras.poll && !capabilities.polls) gap('polls', `${adapter.displayName} does not support polls: remove the poll`);
  if (extras.firstComment !== undefined && !capabilities.firstComment) {
    gap('firstComment', `${adapter.displayName} does not support a first comment: remove firstComment`);
  }
  if (extras.scheduledAt !== undefined && !capabilities.nativeScheduling) {
    gap('nativeScheduling', `${adapter.displayName} cannot schedule posts itself: publish at the time instead (the scheduler does this)`);
  }

  const content = capabilities.content;
  if (draft.thread.length > 0 && !content.threads) {
    gap('threads', `${adapter.displayName} does not support threads: publish the parts as separate posts`);
  }
  const kinds = new Set([...draft.media, ...draft.thread.flatMap((part) => part.media)].map((media) => media.kind));
  if (kinds.size > 0 && content.media.maxItems === 0) {
    gap('media', `${adapter.displayName} does not accept media on posts: remove the media`);
  } else {
    for (const kind of kinds) {
      if (!content.media.kinds.includes(kind)) {
        gap(
          `media.${kind}`,
          `${adapter.displayName} does not accept ${kind} media (accepted: ${content.media.kinds.join(', ') || 'none'})`,
        );
      }
    }
  }
  for (const problem of validateDraft(draft, content, { network: platform, ...(mediaProbes ? { mediaProbes } : {}) })) {
    if (HARD_GAP_CODES.has(problem.code)) continue;
    if (problem.code === 'too_many_media' && content.media.maxItems === 0) continue;
    issues.push({ path: problem.path, code: problem.code, message: problem.message });
  }

  if (!capabilities.visibilities.includes(draft.visibility)) {
    warnings.push({
      code: 'visibility_unsupported',
      path: ['visibility'],
      message: `${adapter.displayName} cannot limit visibility to "${draft.visibility}": the post will be public`,
    });
  }

  let networkOptions: unknown;
  for (const [key, value] of Object.entries(draft.networkOptions)) {
    if (key === platform) {
      if (!adapter.networkOptionsSchema) {
        warnings.push({
          code: 'network_options_ignored',
          path: ['networkOptions', key],
          message: `${adapter.displayName} takes no networkOptions: ignored`,
        });
        continue;
      }
      const parsed = adapter.networkOptionsSchema.safeParse(value);
      if (parsed.success) networkOptions = parsed.data;
      else {
        for (const issue of toValidationIssues(parsed.error.issues)) {
          issues.push({ ...issue, path: ['networkOptions', platform, ...issue.path] });
        }
      }
    } else if (!alsoTargeted.includes(key)) {
      warnings.push({
        code: 'network_options_ignored',
        path: ['networkOptions', key],
        message: `networkOptions.${key} applies to ${key}, not ${platform}: ignored`,
      });
    }
  }

  if (capabilities.idempotency.strategy === 'none') {
    warnings.push({
      code: 'idempotency_unavailable',
      message: `${adapter.displayName} offers no idempotent publishing: after an unknown outcome, check before publishing again`,
    });
  }
  return { issues, unsupported, warnings, networkOptions };
}
