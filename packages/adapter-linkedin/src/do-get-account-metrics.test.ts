import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('account metrics', () => {
  it('reads the organisation follower count from networkSizes (COMPANY_FOLLOWED_BY_MEMBER)', async () => {
    const { sim, client, account, requests } = testEnv();
    const snapshot = await client.getAccountMetrics(account);
    expect(requests()).toEqual([`GET /rest/networkSizes/${encodeURIComponent('urn:li:organization:2414183')}`]);
    expect(sim.requests[0]!.query).toEqual({ edgeType: 'COMPANY_FOLLOWED_BY_MEMBER' });
    expect(snapshot.metrics).toEqual({
      followers: { value: sim.reportedAccountMetrics().firstDegreeSize, platformName: 'firstDegreeSize' },
    });
  });

  it('reports nothing for a member', async () => {
    const { client, account } = testEnv({ simulator: { postAs: 'person' } });
    expect((await client.getAccountMetrics(account)).metrics).toEqual({});
  });
});
