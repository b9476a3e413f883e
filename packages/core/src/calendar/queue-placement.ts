import { formatLocalDay, localDayOf } from './slot-expansion.js';

/** A blackout as epoch-ms bounds, `[from, to)`. @internal */
export interface BlackoutWindow {
  from: number;
  to: number;
}

/** The limits a placement must respect. @internal */
export interface PlacementLimits {
  /** Minimum distance between two posts of the account, ms. */
  minGapMs: number;
  /** Maximum posts per local day, or Infinity. */
  dailyCap: number;
  /** Blackouts that apply to the account, sorted by `from`. */
  blackouts: readonly BlackoutWindow[];
}

/**
 * What one account already has on its calendar: occupied instants (sorted) and posts per
 * local day. Placing an entry updates it, so a whole batch is placed against one snapshot
 * without re-reading the store. @internal
 */
export class AccountOccupancy {
  private readonly times: number[] = [];
  private readonly perDay = new Map<number, number>();
  /**
   * Queue-filling resumes where the last search stopped: adding posts only ever makes more
   * slots unusable, so slots rejected once stay rejected until something is removed.
   */
  resume: { from: number; at: number } | null = null;

  constructor(readonly zone: string) {}

  /** Records an occupied instant; `day` is its local day number when already known. */
  add(ms: number, day = localDayOf(ms, this.zone)): void {
    const times = this.times;
    if (times.length === 0 || times[times.length - 1]! <= ms) times.push(ms);
    else times.splice(this.lowerBound(ms), 0, ms);
    this.perDay.set(day, (this.perDay.get(day) ?? 0) + 1);
  }

  /** Forgets an occupied instant (an entry leaving its slot). */
  remove(ms: number, day = localDayOf(ms, this.zone)): void {
    const index = this.lowerBound(ms);
    if (this.times[index] !== ms) return;
    this.times.splice(index, 1);
    const count = (this.perDay.get(day) ?? 1) - 1;
    if (count <= 0) this.perDay.delete(day);
    else this.perDay.set(day, count);
    this.resume = null;
  }

  /** Whether `ms` (on local day `day`) can take a post. The hot path: no allocation. */
  isFree(ms: number, day: number, limits: PlacementLimits): boolean {
    return this.conflictCode(ms, day, limits) === 0;
  }

  /** Why `ms` cannot take a post, or `null` when it can. */
  conflict(ms: number, day: number, limits: PlacementLimits): string | null {
    switch (this.conflictCode(ms, day, limits)) {
      case 0:
        return null;
      case 1:
        return 'falls in a blackout';
      case 2:
        return `would exceed the daily cap of ${limits.dailyCap} post(s) on ${formatLocalDay(day)} (account zone)`;
      case 3:
        return 'is already taken by another post of this account';
      default:
        return `is within the minimum gap of ${limits.minGapMs / 60_000} minutes of another post of this account`;
    }
  }

  private conflictCode(ms: number, day: number, limits: PlacementLimits): number {
    for (const window of limits.blackouts) {
      if (window.from > ms) break;
      if (ms < window.to) return 1;
    }
    if ((this.perDay.get(day) ?? 0) >= limits.dailyCap) return 2;
    const times = this.times;
    const last = times[times.length - 1];
    if (last === undefined || last < ms) {
      // Appending (the common case when filling a queue): only the last post matters.
      if (last === undefined || ms - last >= limits.minGapMs) return 0;
      return 4;
    }
    const index = this.lowerBound(ms);
    const after = times[index];
    const before = times[index - 1];
    if (after === ms) return 3;
    if (after !== undefined && after - ms < limits.minGapMs) return 4;
    if (before !== undefined && ms - before < limits.minGapMs) return 4;
    return 0;
  }

  private lowerBound(ms: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.times[mid]! < ms) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
