// Test helpers only (imported by *.test.ts; not exported from the folder's door): an
// independent reference for the streaming aggregator, sharing nothing with it — local dates
// from Intl, sums in a Map keyed by account and date.
import type { EngagementGroup } from '../streaming.js';

/** One row: an account name, an instant, and metric values by name (NaN = absent). */
export type ReferenceRow = { account: string; at: number } & Record<string, number | string>;

/** A group as the reference computes it, keyed `account|YYYY-MM-DD`. */
export interface ReferenceGroup {
  key: string;
  rows: number;
  used: number;
  engagements: number;
  denominator: number;
}

/**
 * Engagement by account and local day: every row counts; a row with at least one of
 * `interactions` and the `denominator` is used (its interactions summed, absent ones left out).
 */
export function engagementReference(
  rows: readonly ReferenceRow[],
  timeZone: string,
  interactions: readonly string[],
  denominator = 'reach',
): ReferenceGroup[] {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const groups = new Map<string, ReferenceGroup>();
  for (const row of rows) {
    const key = `${row.account}|${format.format(new Date(row.at))}`;
    const group = groups.get(key) ?? { key, rows: 0, used: 0, engagements: 0, denominator: 0 };
    group.rows += 1;
    const values = interactions.map((name) => row[name] as number).filter((value) => !Number.isNaN(value));
    const bottom = row[denominator] as number;
    if (values.length > 0 && !Number.isNaN(bottom)) {
      group.used += 1;
      group.engagements += values.reduce((sum, value) => sum + value, 0);
      group.denominator += bottom;
    }
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The aggregator's groups in the reference's form and order. */
export const asReferenceGroups = (groups: readonly EngagementGroup[]): ReferenceGroup[] =>
  groups
    .map(({ account, date, rows, used, engagements, denominator }) => ({ key: `${account}|${date}`, rows, used, engagements, denominator }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
