import { pickMetrics, type AdapterContext, type MetricSnapshotOutput, type PostRef } from '@smm/core/adapter-kit';
import { ShareStatisticsSchema } from './api-schemas.js';
import { restGet } from './rest-request.js';
import { encodeUrn, isOrganization } from './urns.js';

/**
 * `totalShareStatistics` → canonical names. `engagement` (a ratio LinkedIn computes) has no
 * canonical name and is kept under `extra`.
 */
export const LINKEDIN_POST_METRICS = {
  impressions: 'impressionCount',
  reach: 'uniqueImpressionsCount',
  clicks: 'clickCount',
  likes: 'likeCount',
  comments: 'commentCount',
  shares: 'shareCount',
} as const;

/**
 * An organisation post's lifetime statistics: `GET /rest/organizationalEntityShareStatistics
 * ?q=organizationalEntity&organizationalEntity={org}&shares=List({urn})` (`ugcPosts=List(…)`
 * for a ugcPost), Rest.li 2.0 list syntax with each URN encoded.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics
 * A member's posts have no statistics in this API: the snapshot is empty (absent, never 0). @internal
 */
export async function doGetPostMetrics(post: PostRef, context: AdapterContext): Promise<MetricSnapshotOutput> {
  const author = context.account.id;
  if (!isOrganization(author)) return { metrics: {} };
  const list = post.id.startsWith('urn:li:ugcPost:') ? 'ugcPosts' : 'shares';
  const stats = await restGet(context, ShareStatisticsSchema, 'GET /rest/organizationalEntityShareStatistics', {
    path: `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeUrn(author)}&${list}=List(${encodeUrn(post.id)})`,
  });
  const element = stats.elements.find((entry) => (entry.share ?? entry.ugcPost) === post.id) ?? stats.elements[0];
  if (!element) return { metrics: {} };
  const totals = element.totalShareStatistics;
  const engagement = totals.engagement;
  return {
    metrics: pickMetrics(totals, LINKEDIN_POST_METRICS),
    ...(engagement === undefined ? {} : { extra: { engagement: { value: engagement, platformName: 'engagement' } } }),
  };
}
