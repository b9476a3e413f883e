import { ApiCallError, ValidationError, type AdapterContext, type AdapterMediaRef } from '@smm/core/adapter-kit';
import { CreatorInfoSchema } from './api-schemas.js';
import { TIKTOK_PRIVACY_LEVELS, type TikTokOptions, type TikTokPrivacyLevel } from './network-options.js';
import { TIKTOK_BUCKETS } from './rate-limits.js';
import { tiktokCall } from './tiktok-call.js';

/**
 * What TikTok's creator_info says about the creator right now: who they are, the privacy levels
 * and interactions they offer, and their longest video. TikTok requires apps to query it before
 * every post and show these options. https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info
 */
export interface TikTokCreatorInfo {
  avatarUrl: string;
  username: string;
  nickname: string;
  privacyLevelOptions: TikTokPrivacyLevel[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
}

/** Reads a creator_info answer body into {@link TikTokCreatorInfo}. @internal */
export function toCreatorInfo(data: ReturnType<typeof CreatorInfoSchema.parse>['data']): TikTokCreatorInfo {
  return {
    avatarUrl: data.creator_avatar_url,
    username: data.creator_username,
    nickname: data.creator_nickname,
    privacyLevelOptions: data.privacy_level_options.filter((level): level is TikTokPrivacyLevel =>
      (TIKTOK_PRIVACY_LEVELS as readonly string[]).includes(level),
    ),
    commentDisabled: data.comment_disabled,
    duetDisabled: data.duet_disabled,
    stitchDisabled: data.stitch_disabled,
    maxVideoPostDurationSec: data.max_video_post_duration_sec,
  };
}

/** `POST /v2/post/publish/creator_info/query/` (20 per minute; safe to repeat). @internal */
export async function queryCreatorInfo(context: AdapterContext): Promise<TikTokCreatorInfo> {
  const answer = await tiktokCall(context, CreatorInfoSchema, {
    path: '/v2/post/publish/creator_info/query/',
    bucket: TIKTOK_BUCKETS.creatorInfo,
    idempotent: true,
  });
  return toCreatorInfo(answer.data);
}

/**
 * Asks TikTok for a creator's posting options (privacy levels, interactions, longest video) with
 * their access token, so an app can show them before the creator posts, as TikTok's UX guidelines
 * require. Uses `fetch` directly (no smm client needed).
 *
 * @throws ApiCallError with TikTok's error code when TikTok refuses (e.g. `access_token_invalid`).
 * @example
 * ```ts
 * import { fetchTikTokCreatorInfo } from '@smm/adapter-tiktok';
 *
 * const info = await fetchTikTokCreatorInfo({ accessToken: process.env.TIKTOK_TOKEN! });
 * console.log(info.privacyLevelOptions, info.maxVideoPostDurationSec);
 * ```
 */
export async function fetchTikTokCreatorInfo(options: {
  accessToken: string;
  baseUrl?: string;
  fetch?: typeof fetch;
}): Promise<TikTokCreatorInfo> {
  const base = (options.baseUrl ?? 'https://open.tiktokapis.com').replace(/\/+$/, '');
  const response = await (options.fetch ?? globalThis.fetch)(`${base}/v2/post/publish/creator_info/query/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.accessToken}`, 'content-type': 'application/json; charset=UTF-8' },
  });
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = CreatorInfoSchema.safeParse(body);
  if (!response.ok || !parsed.success) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiCallError(
      `TikTok refused creator_info (HTTP ${response.status}${error?.code ? `, ${error.code}` : ''}): ${error?.message ?? 'unexpected answer'}`,
      {
        status: response.status,
        platform: 'tiktok',
        ...(error?.code ? { platformCode: error.code } : {}),
        isRetryable: response.status >= 500,
      },
    );
  }
  return toCreatorInfo(parsed.data.data);
}

/** The `post_info` settings a publish sends, decided against creator_info. @internal */
export interface PostSettings {
  privacyLevel: TikTokPrivacyLevel;
  disableComment: boolean;
  disableDuet: boolean;
  disableStitch: boolean;
  /** Set when the unaudited-app rule changed the privacy level. */
  warning?: string | undefined;
}

const refused = (path: Array<string | number>, code: string, message: string) =>
  new ValidationError('draft for TikTok', [{ path, code, message }]);

/**
 * Checks a draft against the creator's current options before anything is created: the privacy
 * level (from `networkOptions.tiktok.privacyLevel`, else the draft's visibility) must be one the
 * creator offers, the video no longer than `max_video_post_duration_sec`; interactions the
 * creator turned off stay off. An unaudited app posts `SELF_ONLY` whatever was asked, with a
 * warning. @internal
 */
export function decidePostSettings(
  creator: TikTokCreatorInfo,
  draft: { visibility: string; media: readonly AdapterMediaRef[] },
  options: TikTokOptions,
  audited: boolean,
): PostSettings {
  const asked: TikTokPrivacyLevel =
    options.privacyLevel ?? (draft.visibility === 'followers' ? 'FOLLOWER_OF_CREATOR' : 'PUBLIC_TO_EVERYONE');
  let privacyLevel = asked;
  let warning: string | undefined;
  if (!audited && asked !== 'SELF_ONLY') {
    privacyLevel = 'SELF_ONLY';
    warning = `posted SELF_ONLY (private) instead of ${asked}: TikTok restricts unaudited API clients to private posts (https://developers.tiktok.com/doc/content-sharing-guidelines)`;
  }
  if (!creator.privacyLevelOptions.includes(privacyLevel)) {
    throw refused(
      ['networkOptions', 'tiktok', 'privacyLevel'],
      'privacy_level_unavailable',
      `@${creator.username} offers ${creator.privacyLevelOptions.join(', ') || 'no privacy level'} right now, not ${privacyLevel}: choose one of those`,
    );
  }
  const maxMs = creator.maxVideoPostDurationSec * 1000;
  draft.media.forEach((item, index) => {
    if (item.kind === 'video' && item.durationMs !== undefined && item.durationMs > maxMs) {
      throw refused(
        ['media', index, 'durationMs'],
        'media_too_long',
        `the video lasts ${Math.round(item.durationMs / 1000)} s; @${creator.username} may post at most ${creator.maxVideoPostDurationSec} s: shorten it`,
      );
    }
  });
  return {
    privacyLevel,
    disableComment: creator.commentDisabled || (options.disableComment ?? false),
    disableDuet: creator.duetDisabled || (options.disableDuet ?? false),
    disableStitch: creator.stitchDisabled || (options.disableStitch ?? false),
    ...(warning ? { warning } : {}),
  };
}
