import { ValidationError, type PostDraft } from '@smm/core/adapter-kit';
import type { YouTubeOptions, YouTubePrivacyStatus } from './network-options.js';

/** The video resource sent with videos.insert (https://developers.google.com/youtube/v3/docs/videos#resource). @internal */
export interface VideoMetadata {
  snippet: { title: string; description: string; tags?: string[]; categoryId: string };
  status: { privacyStatus: YouTubePrivacyStatus; publishAt?: string; selfDeclaredMadeForKids: boolean };
}

const MAX_TITLE = 100;
const MAX_TAGS = 500;
const FORBIDDEN = /[<>]/g;

/**
 * The tag that marks a video as published with an idempotency key: `smm-` and 16 hex digits of
 * its SHA-256. Tags are not shown to viewers; the marker lets `doFindPublished` recognise the
 * video after a lost answer. @internal
 */
export async function markerTag(idempotencyKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(idempotencyKey)));
  return `smm-${[...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The title: the option, else the text's first line, cut to 100 characters (never inside a surrogate pair). @internal */
export function titleOf(draft: PostDraft, options: YouTubeOptions | undefined): string | undefined {
  if (options?.title !== undefined) return options.title;
  const line = draft.text
    .split('\n')
    .find((candidate) => candidate.trim() !== '')
    ?.replace(FORBIDDEN, '')
    .trim();
  if (!line) return undefined;
  const characters = Array.from(line);
  return characters.length <= MAX_TITLE ? line : `${characters.slice(0, MAX_TITLE - 1).join('')}…`;
}

/**
 * How YouTube counts the tags' length (https://developers.google.com/youtube/v3/docs/videos#snippet.tags):
 * their characters, commas between them, and two quotes around a tag with a space. @internal
 */
export function tagsLength(tags: readonly string[]): number {
  return tags.reduce((sum, tag) => sum + Array.from(tag).length + (tag.includes(' ') ? 2 : 0), 0) + Math.max(0, tags.length - 1);
}

/**
 * The video resource for a draft: title, description (the text), tags with the idempotency
 * marker, category, privacy (draft visibility, or the option; a scheduled publish is private
 * with `publishAt`, which YouTube makes public at that time) and the made-for-kids declaration.
 * Throws a `ValidationError` naming the field before anything is sent. @internal
 */
export function videoMetadata(input: {
  draft: PostDraft;
  options: YouTubeOptions | undefined;
  scheduledAt: string | undefined;
  marker: string;
  defaultCategoryId: string;
}): VideoMetadata {
  const { draft, options, scheduledAt, marker } = input;
  const title = titleOf(draft, options);
  const issues: ConstructorParameters<typeof ValidationError>[1] = [];
  if (title === undefined || title.trim() === '') {
    issues.push({
      path: ['networkOptions', 'youtube', 'title'],
      code: 'missing_title',
      message: 'YouTube needs a title: give networkOptions.youtube.title, or text whose first line can be the title',
    });
  } else if (Array.from(title).length > MAX_TITLE || /[<>]/.test(title)) {
    issues.push({
      path: ['networkOptions', 'youtube', 'title'],
      code: 'invalid_title',
      message: 'must be at most 100 characters, without < or >',
    });
  }
  const tags = [...(options?.tags ?? []), marker];
  if (tagsLength(tags) > MAX_TAGS || tags.some((tag) => /[<>]/.test(tag))) {
    issues.push({
      path: ['networkOptions', 'youtube', 'tags'],
      code: 'invalid_tags',
      message: `must be at most ${MAX_TAGS - marker.length - 1} characters together (YouTube allows ${MAX_TAGS}; ${marker.length + 1} go to the publish marker), without < or >`,
    });
  }
  if (issues.length > 0) throw new ValidationError('YouTube video metadata', issues);
  const privacy: YouTubePrivacyStatus = scheduledAt
    ? 'private'
    : (options?.privacyStatus ?? (draft.visibility === 'unlisted' ? 'unlisted' : draft.visibility === 'followers' ? 'private' : 'public'));
  return {
    snippet: { title: title!, description: draft.text, tags, categoryId: options?.categoryId ?? input.defaultCategoryId },
    status: {
      privacyStatus: privacy,
      ...(scheduledAt ? { publishAt: scheduledAt } : {}),
      selfDeclaredMadeForKids: options?.madeForKids ?? false,
    },
  };
}
