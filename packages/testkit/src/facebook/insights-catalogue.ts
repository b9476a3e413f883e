/**
 * Which Page and post insights metrics Graph still serves, and which it refuses since Meta's
 * deprecations. Sources:
 * - https://developers.facebook.com/documentation/pages-api/changelog/ (15 November 2025: `page_impressions*`,
 *   `post_impressions*`, `page_fans*` deprecated for all versions; alternatives `page_media_view`,
 *   `post_media_view`, `page_follows`);
 * - https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics
 *   (15 June 2025: `*_impressions_unique` → `page_total_media_view_unique` / `post_total_media_view_unique`;
 *   14 March 2024: `page_engaged_users`, `post_engaged_users`, …).
 * A deprecated metric is answered with the invalid-metric error, as the changelog says.
 * @internal
 */
export const DEPRECATED_INSIGHTS_METRICS: ReadonlySet<string> = new Set([
  'page_impressions',
  'page_impressions_unique',
  'page_impressions_paid',
  'page_impressions_paid_unique',
  'page_impressions_viral',
  'page_impressions_viral_unique',
  'page_impressions_nonviral',
  'page_impressions_nonviral_unique',
  'page_posts_impressions',
  'page_posts_impressions_unique',
  'page_fans',
  'page_fan_adds',
  'page_fan_adds_unique',
  'page_fan_removes',
  'page_fan_removes_unique',
  'page_engaged_users',
  'post_impressions',
  'post_impressions_unique',
  'post_impressions_paid',
  'post_impressions_paid_unique',
  'post_impressions_fan',
  'post_impressions_fan_unique',
  'post_impressions_organic',
  'post_impressions_organic_unique',
  'post_impressions_viral',
  'post_impressions_viral_unique',
  'post_impressions_nonviral',
  'post_impressions_nonviral_unique',
  'post_engaged_users',
  'post_clicks_unique',
  'post_negative_feedback',
]);

/**
 * The post metrics the simulator serves (`GET /{post-id}/insights`, period `lifetime`):
 * views, unique viewers, clicks, like reactions, and video views (video posts only).
 * https://developers.facebook.com/docs/graph-api/reference/insights#page-posts @internal
 */
export const POST_INSIGHTS_METRICS = [
  'post_media_view',
  'post_total_media_view_unique',
  'post_clicks',
  'post_reactions_like_total',
  'post_video_views',
] as const;

/**
 * The Page metrics the simulator serves (`GET /{page-id}/insights`, periods `day`, `week`,
 * `days_28`): views, unique viewers, new follows.
 * https://developers.facebook.com/docs/graph-api/reference/insights#page-impressions @internal
 */
export const PAGE_INSIGHTS_METRICS = ['page_media_view', 'page_total_media_view_unique', 'page_follows'] as const;
