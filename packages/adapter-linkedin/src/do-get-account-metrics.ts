import type { AdapterContext, MetricSnapshotOutput } from '@smm/core/adapter-kit';
import { NetworkSizeSchema } from './api-schemas.js';
import { restGet } from './rest-request.js';
import { encodeUrn, isOrganization } from './urns.js';

/** Account metrics: `firstDegreeSize` of the organisation's followers → `followers`. */
export const LINKEDIN_ACCOUNT_METRICS = { followers: 'firstDegreeSize' } as const;

/**
 * An organisation's follower count: `GET /rest/networkSizes/{org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`
 * → `firstDegreeSize`.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics
 * A member's own follower count is not in these APIs: the snapshot is empty. @internal
 */
export async function doGetAccountMetrics(context: AdapterContext): Promise<MetricSnapshotOutput> {
  const author = context.account.id;
  if (!isOrganization(author)) return { metrics: {} };
  const size = await restGet(context, NetworkSizeSchema, 'GET /rest/networkSizes/{urn}', {
    path: `/rest/networkSizes/${encodeUrn(author)}`,
    searchParams: { edgeType: 'COMPANY_FOLLOWED_BY_MEMBER' },
  });
  return { metrics: { followers: { value: size.firstDegreeSize, platformName: LINKEDIN_ACCOUNT_METRICS.followers } } };
}
