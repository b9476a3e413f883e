import type { PostCounters } from '../simulator/index.js';

/** Instagram's media product types (`media_product_type` of IG Media). */
export type InstagramProductType = 'FEED' | 'REELS' | 'STORY';

/**
 * The media metrics Instagram still serves, per product type, from the IG Media insights reference
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights):
 * `impressions`, `plays`, `clips_replays_count` and `ig_reels_aggregated_all_plays_count` were
 * deprecated in v22.0 and for every version from 21 April 2025, and `video_views` earlier; asking
 * for one (or for a metric the product type lacks) is an error.
 */
export const INSTAGRAM_MEDIA_INSIGHTS: Readonly<Record<InstagramProductType, readonly string[]>> = {
  FEED: ['comments', 'follows', 'likes', 'profile_activity', 'profile_visits', 'reach', 'saved', 'shares', 'total_interactions', 'views'],
  REELS: [
    'comments',
    'ig_reels_avg_watch_time',
    'ig_reels_video_view_total_time',
    'likes',
    'reach',
    'saved',
    'shares',
    'total_interactions',
    'views',
  ],
  STORY: ['follows', 'navigation', 'profile_activity', 'profile_visits', 'reach', 'replies', 'shares', 'total_interactions', 'views'],
};

/**
 * Account metrics the simulator serves at `GET /<IG_ID>/insights` with `metric_type=total_value`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/insights):
 * `impressions` is gone there too (deprecated with the media metric), `views` replaces it.
 */
export const INSTAGRAM_ACCOUNT_INSIGHTS: readonly string[] = [
  'accounts_engaged',
  'comments',
  'likes',
  'reach',
  'saves',
  'shares',
  'total_interactions',
  'views',
];

/** What Instagram reports for one media now, by its metric names, from the seeded counters. */
export function instagramMediaMetricValues(
  type: InstagramProductType,
  counters: PostCounters,
  commentCount: number,
): Record<string, number> {
  const views = counters.impressions;
  const all: Record<string, number> = {
    views,
    reach: Math.floor(views * 0.7),
    likes: counters.likes,
    comments: commentCount,
    shares: counters.reposts,
    saved: counters.bookmarks,
    profile_visits: counters.profileClicks,
    profile_activity: counters.profileClicks + counters.linkClicks,
    follows: Math.floor(counters.profileClicks / 4),
    total_interactions: counters.likes + commentCount + counters.reposts + counters.bookmarks,
    replies: commentCount,
    navigation: Math.floor(views * 0.3),
    ig_reels_video_view_total_time: views * 4_200,
    ig_reels_avg_watch_time: views === 0 ? 0 : 4_200,
  };
  return Object.fromEntries(INSTAGRAM_MEDIA_INSIGHTS[type].map((name) => [name, all[name]!]));
}
