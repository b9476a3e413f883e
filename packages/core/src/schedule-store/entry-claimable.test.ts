import { describe, expect, it } from 'vitest';
import { isClaimable } from './entry-claimable.js';
import { entryFixture } from './test-fixtures.js';

// Epoch ms of 2026-03-02T09:00:00Z, computed by hand: 20,514 days × 86,400,000 + 9 h.
const NINE = 20_514 * 86_400_000 + 9 * 3_600_000;
const scheduled = (overrides = {}) =>
  entryFixture('e', { status: 'scheduled', scheduledAt: '2026-03-02T09:00:00.000Z', placement: 'pinned', ...overrides });

describe('isClaimable', () => {
  it('a scheduled entry is claimable from its due time on, not a millisecond before', () => {
    expect(NINE).toBe(Date.UTC(2026, 2, 2, 9));
    expect(isClaimable(scheduled(), NINE - 1, true)).toBe(false);
    expect(isClaimable(scheduled(), NINE, true)).toBe(true);
    // A retry later than scheduledAt moves the due time; an earlier one does not.
    expect(isClaimable(scheduled({ nextAttemptAt: '2026-03-02T09:00:30.000Z' }), NINE + 29_999, true)).toBe(false);
    expect(isClaimable(scheduled({ nextAttemptAt: '2026-03-02T08:00:00.000Z' }), NINE, true)).toBe(true);
    // Unplaced: never due.
    expect(isClaimable(scheduled({ scheduledAt: null, placement: null }), NINE + 86_400_000, true)).toBe(false);
  });

  it('a hold or an unexpired lease keeps it; an expired lease does not', () => {
    const hold = { scope: 'account' as const, since: '2026-03-01T00:00:00.000Z', by: 'ana', reason: 'legal review' };
    expect(isClaimable(scheduled({ hold }), NINE, true)).toBe(false);
    const lease = (expiresAt: string) => ({ lease: { owner: 'w2', expiresAt, token: 't' } });
    expect(isClaimable(scheduled(lease('2026-03-02T09:00:00.001Z')), NINE, true)).toBe(false);
    expect(isClaimable(scheduled(lease('2026-03-02T09:00:00.000Z')), NINE, true)).toBe(true);
  });

  it('publishing only when stale publishing entries are asked for; other statuses never', () => {
    const publishing = entryFixture('p', { status: 'publishing', scheduledAt: '2026-03-02T09:00:00.000Z', placement: 'pinned' });
    expect(isClaimable(publishing, NINE, true)).toBe(true);
    expect(isClaimable(publishing, NINE, false)).toBe(false);
    for (const status of ['draft', 'in_review', 'approved', 'published', 'failed', 'canceled', 'outcome_unknown'] as const) {
      expect(isClaimable(entryFixture(status, { status, scheduledAt: '2026-03-02T09:00:00.000Z' }), NINE, true), status).toBe(false);
    }
  });
});
