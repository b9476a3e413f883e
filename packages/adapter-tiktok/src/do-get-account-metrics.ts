import { pickMetrics, type AdapterContext, type CanonicalMetric, type MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { UserInfoSchema } from './api-schemas.js';
import { TIKTOK_BUCKETS } from './rate-limits.js';
import { tiktokCall } from './tiktok-call.js';

/** Canonical metric → the user field (`user.info.stats` scope). https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info */
export const TIKTOK_ACCOUNT_METRICS = {
  followers: 'follower_count',
  following: 'following_count',
  likes: 'likes_count',
  posts: 'video_count',
} as const satisfies Partial<Record<CanonicalMetric, string>>;

/** The creator's counts: `GET /v2/user/info/?fields=follower_count,following_count,likes_count,video_count`. @internal */
export async function doGetAccountMetrics(context: AdapterContext): Promise<MetricSnapshotOutput> {
  const answer = await tiktokCall(context, UserInfoSchema, {
    method: 'GET',
    path: '/v2/user/info/',
    searchParams: { fields: Object.values(TIKTOK_ACCOUNT_METRICS).join(',') },
    bucket: TIKTOK_BUCKETS.read,
    idempotent: true,
  });
  return { metrics: pickMetrics(answer.data.user, TIKTOK_ACCOUNT_METRICS) };
}
