import type { PollInput } from '@smm/core/adapter-kit';
import type { PostDraft, Visibility } from '@smm/core/adapter-kit';
import type { MastodonOptions, MastodonVisibility } from './network-options.js';
import { postingLanguage } from './posting-language.js';

/** The draft's visibility in Mastodon's words. */
const VISIBILITY: Record<Visibility, MastodonVisibility> = {
  public: 'public',
  unlisted: 'unlisted',
  followers: 'private',
  direct: 'direct',
};

/** The body of `POST /api/v1/statuses`, as JSON. @internal */
export interface StatusParams {
  status: string;
  media_ids?: string[];
  in_reply_to_id?: string;
  visibility: MastodonVisibility;
  sensitive?: boolean;
  spoiler_text?: string;
  language?: string;
  poll?: { options: string[]; expires_in: number; multiple?: boolean; hide_totals?: boolean };
  scheduled_at?: string;
}

/** One status of a publish: the root (index 0) or a thread part. @internal */
export interface StatusPart {
  index: number;
  text: string;
  mediaIds: string[];
  inReplyToId: string | undefined;
}

/**
 * The root's text: the draft's, with `draft.link` appended when no part of the draft holds it
 * (Mastodon builds the card from it; a thread that ends with the link, as `atomize` makes,
 * must not repeat it up front). @internal
 */
export function rootText(draft: PostDraft): string {
  const { link } = draft;
  if (link === undefined || draft.text.includes(link) || draft.thread.some((part) => part.text.includes(link))) return draft.text;
  return draft.text.trim() === '' ? link : `${draft.text}\n\n${link}`;
}

/**
 * Maps one part of a draft to `POST /api/v1/statuses` fields: visibility (`followers` →
 * `private`; a `networkOptions.mastodon.visibility` wins; thread parts take `threadVisibility`),
 * language (ISO 639-1: the primary subtag of `draft.language`, left out when it is not one), content warning, sensitivity,
 * and, on the root only, the poll (`expires_in` in seconds) and `scheduled_at`. @internal
 */
export function statusParams(
  part: StatusPart,
  input: { draft: PostDraft; options: MastodonOptions | undefined; poll?: PollInput | undefined; scheduledAt?: string | undefined },
): StatusParams {
  const { draft, options } = input;
  const rootVisibility = options?.visibility ?? VISIBILITY[draft.visibility];
  const language = options?.language ?? postingLanguage(draft.language);
  const params: StatusParams = {
    status: part.text,
    visibility: part.index > 0 ? (options?.threadVisibility ?? rootVisibility) : rootVisibility,
  };
  if (part.mediaIds.length > 0) params.media_ids = part.mediaIds;
  if (part.inReplyToId !== undefined) params.in_reply_to_id = part.inReplyToId;
  if (language !== undefined) params.language = language.toLowerCase();
  if (options?.spoilerText !== undefined) params.spoiler_text = options.spoilerText;
  if (options?.sensitive !== undefined) params.sensitive = options.sensitive;
  if (part.index === 0 && input.poll) {
    params.poll = {
      options: input.poll.options,
      // Mastodon counts in seconds (at least 5 minutes on a stock instance).
      expires_in: Math.round(input.poll.durationMs / 1000),
      ...(options?.pollMultiple !== undefined ? { multiple: options.pollMultiple } : {}),
      ...(options?.pollHideTotals !== undefined ? { hide_totals: options.pollHideTotals } : {}),
    };
  }
  if (part.index === 0 && input.scheduledAt !== undefined) params.scheduled_at = input.scheduledAt;
  return params;
}
