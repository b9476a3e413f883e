import type { CanonicalMetric, MetricSnapshot, MetricSubject } from '../model/index.js';
import { checkSnapshots } from './check-snapshots.js';

/**
 * The value of one metric in a snapshot, or `undefined` when the network did not report it
 * (absent is never read as 0).
 *
 * @example
 * ```ts
 * metricValue(snapshot, 'likes'); // 12, or undefined when not reported
 * ```
 */
export function metricValue(snapshot: MetricSnapshot, metric: CanonicalMetric): number | undefined {
  return snapshot.metrics[metric]?.value;
}

/**
 * `numerator ÷ denominator`, or `null` when either is missing, the denominator is not
 * positive, or the result is not finite. Every rate in this module goes through it, so none
 * returns NaN or Infinity.
 *
 * @example
 * ```ts
 * safeRatio(34, 1000); // 0.034
 * safeRatio(5, 0); // null
 * ```
 */
export function safeRatio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null) return null;
  if (!(denominator > 0) || !Number.isFinite(numerator)) return null;
  const ratio = numerator / denominator;
  return Number.isFinite(ratio) ? ratio : null;
}

/**
 * A stable string key for a snapshot's subject: `post:<platform>:<account>:<post>` or
 * `account:<platform>:<account>`.
 *
 * @example
 * ```ts
 * subjectKey({ type: 'account', platform: 'x', accountId: '42' }); // 'account:x:42'
 * ```
 */
export function subjectKey(subject: MetricSubject): string {
  return subject.type === 'post'
    ? `post:${subject.platform}:${subject.accountId}:${subject.postId}`
    : `account:${subject.platform}:${subject.accountId}`;
}

/**
 * Keeps the latest snapshot of each subject (by `observedAt`; a tie goes to the snapshot with
 * more metrics, then to a fixed content order), sorted by subject key. Cumulative counters are read from the latest observation, and the
 * result does not depend on input order.
 *
 * @example
 * ```ts
 * const posts = latestBySubject(allPostSnapshots); // one snapshot per post
 * ```
 */
export function latestBySubject(snapshots: Iterable<MetricSnapshot>): MetricSnapshot[] {
  return latestOf([...snapshots], 'latestBySubject');
}

/** {@link latestBySubject} for a calculator named `where` (validates the snapshots at its door). */
export function latestOf(snapshots: readonly MetricSnapshot[], where: string): MetricSnapshot[] {
  checkSnapshots(snapshots, where);
  const latest = new Map<string, MetricSnapshot>();
  for (const snapshot of snapshots) {
    const key = subjectKey(snapshot.subject);
    const current = latest.get(key);
    if (current === undefined || isLater(snapshot, current)) latest.set(key, snapshot);
  }
  return [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, snapshot]) => snapshot);
}

function isLater(candidate: MetricSnapshot, current: MetricSnapshot): boolean {
  const a = Date.parse(candidate.observedAt);
  const b = Date.parse(current.observedAt);
  if (a !== b) return a > b;
  // Same instant: prefer the richer snapshot, then a deterministic content order.
  const countA = Object.keys(candidate.metrics).length;
  const countB = Object.keys(current.metrics).length;
  if (countA !== countB) return countA > countB;
  return JSON.stringify(candidate.metrics) > JSON.stringify(current.metrics);
}

/**
 * Sums `pick(snapshot)` over the snapshots where both `pick` and `pickDenominator` are
 * defined, and returns `Σ numerator ÷ Σ denominator`. Snapshots missing either side are left
 * out of both sums, so a post that does not report reach does not dilute a reach-based rate.
 */
export function pooledRatio(
  snapshots: readonly MetricSnapshot[],
  pick: (snapshot: MetricSnapshot) => number | null | undefined,
  pickDenominator: (snapshot: MetricSnapshot) => number | null | undefined,
): number | null {
  let numerator = 0;
  let denominator = 0;
  let used = 0;
  for (const snapshot of snapshots) {
    const top = pick(snapshot);
    const bottom = pickDenominator(snapshot);
    if (top == null || bottom == null) continue;
    numerator += top;
    denominator += bottom;
    used += 1;
  }
  return used === 0 ? null : safeRatio(numerator, denominator);
}

/** Accepts one snapshot or many, validates them for calculator `where`, and returns the latest per subject. */
export function asPosts(input: MetricSnapshot | readonly MetricSnapshot[], where: string): MetricSnapshot[] {
  return latestOf(Array.isArray(input) ? (input as readonly MetricSnapshot[]) : [input as MetricSnapshot], where);
}
