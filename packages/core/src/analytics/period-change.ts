import { safeRatio } from './metric-values.js';

/** A value now, the value in the comparison period, and the change between them. */
export interface PeriodChange {
  current: number | null;
  previous: number | null;
  /** `current − previous`; `null` when either is missing. */
  absolute: number | null;
  /** `(current − previous) ÷ previous` as a fraction; `null` when either is missing or previous is 0. */
  relative: number | null;
}

/**
 * Period-over-period change: **absolute = current − previous**, **relative = (current −
 * previous) ÷ previous** (a fraction, −0.25 = down a quarter). The denominator is the
 * previous period's value; a previous value of 0 (or below, for rates of change of signed
 * quantities) gives `relative: null`.
 *
 * @example
 * ```ts
 * periodChange(125, 100); // { current: 125, previous: 100, absolute: 25, relative: 0.25 }
 * ```
 */
export function periodChange(current: number | null | undefined, previous: number | null | undefined): PeriodChange {
  const now = current ?? null;
  const before = previous ?? null;
  const absolute = now === null || before === null ? null : now - before;
  return { current: now, previous: before, absolute, relative: safeRatio(absolute, before) };
}
