import {
  ApiCallError,
  pickMetrics,
  type AdapterContext,
  type CanonicalMetric,
  type MetricSnapshotOutput,
  type PostRef,
} from '@smm/core/adapter-kit';
import { queryVideo } from './display-api.js';

/** Canonical metric → the Video Object field it comes from. https://developers.tiktok.com/doc/tiktok-api-v2-video-object */
export const TIKTOK_POST_METRICS = {
  videoViews: 'view_count',
  likes: 'like_count',
  comments: 'comment_count',
  shares: 'share_count',
} as const satisfies Partial<Record<CanonicalMetric, string>>;

/** A video's counts from the Display API (`POST /v2/video/query/`). @internal */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext): Promise<MetricSnapshotOutput> {
  const video = await queryVideo(context, post.id);
  if (!video) {
    throw new ApiCallError(
      `TikTok returns no video ${post.id} for this creator (deleted, private, or another creator's): metrics are read for public videos only`,
      {
        status: 404,
        platform: 'tiktok',
        isRetryable: false,
      },
    );
  }
  return { metrics: pickMetrics(video, TIKTOK_POST_METRICS) };
}
