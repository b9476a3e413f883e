import type { ValidationIssue } from '../errors/index.js';
import { SLOT_HOLDING_STATUSES } from '../schedule-store/index.js';
import type { AccountState, CalendarContext } from './calendar-context.js';
import { NoFreeSlotError } from './no-free-slot-error.js';
import { AccountOccupancy, type PlacementLimits } from './queue-placement.js';
import { localDayOf } from './slot-expansion.js';

const DAY_MS = 86_400_000;

/** The blackouts, min gap and daily cap that apply to an account (cached). @internal */
export function limitsOf(ctx: CalendarContext, state: AccountState): PlacementLimits {
  const cached = ctx.limits.get(state.key);
  if (cached !== undefined) return cached;
  const windows = ctx.blackouts
    .filter(
      (b) =>
        (b.accountKeys === undefined && b.brands === undefined) ||
        b.accountKeys?.includes(state.key) ||
        (state.account.brand !== undefined && b.brands?.includes(state.account.brand)),
    )
    .map((b) => ({ from: Date.parse(b.from), to: Date.parse(b.to) }))
    .sort((a, b) => a.from - b.from);
  const limits = { minGapMs: state.minGapMs, dailyCap: state.dailyCap, blackouts: windows };
  ctx.limits.set(state.key, limits);
  return limits;
}

/** Loads what the account has near and after `from`, minus `exclude`d entries. @internal */
export async function occupancyOf(
  ctx: CalendarContext,
  state: AccountState,
  from: number,
  exclude: ReadonlySet<string> = new Set(),
): Promise<AccountOccupancy> {
  const occupancy = new AccountOccupancy(state.account.timeZone);
  const margin = Math.max(state.minGapMs, 2 * DAY_MS);
  const held = await ctx.store.query({
    accountKeys: [state.key],
    statuses: SLOT_HOLDING_STATUSES,
    from: new Date(from - margin).toISOString(),
  });
  for (const entry of held) if (!exclude.has(entry.id)) occupancy.add(Date.parse(entry.scheduledAt!));
  return occupancy;
}

/**
 * Finds up to `n` free slots from `from`, appending them to `out` (instants and ISO strings);
 * with `commit`, each found slot is taken in `occupancy`. Returns how many it found. @internal
 */
export function findSlots(
  ctx: CalendarContext,
  state: AccountState,
  occupancy: AccountOccupancy,
  from: number,
  n: number,
  commit: boolean,
  out: { ms: number[]; iso: string[] },
): number {
  const limits = limitsOf(ctx, state);
  if (state.rules.length === 0 || n <= 0) return 0;
  let found = 0;
  const until = from + ctx.options.horizonDays * DAY_MS;
  const start = commit && occupancy.resume?.from === from ? occupancy.resume.at : from;
  let last = start;
  ctx.expander.forEach(state.rulesKey, state.rules, state.account.timeZone, start, until, (ms, day, iso) => {
    if (!occupancy.isFree(ms, day, limits)) return true;
    out.ms.push(ms);
    out.iso.push(iso);
    last = ms;
    if (commit) occupancy.add(ms, day);
    found += 1;
    return found < n;
  });
  if (commit && found > 0) occupancy.resume = { from, at: last };
  return found;
}

/** Takes the next free slot at or after `from`. @throws NoFreeSlotError within the horizon. @internal */
export function takeSlot(
  ctx: CalendarContext,
  state: AccountState,
  occupancy: AccountOccupancy,
  from: number,
): { ms: number; iso: string } {
  const out = { ms: [] as number[], iso: [] as string[] };
  if (findSlots(ctx, state, occupancy, from, 1, true, out) === 0) {
    throw new NoFreeSlotError(
      state.key,
      `The queue of ${state.key} has no free slot in the next ${ctx.options.horizonDays} days: add slots, raise dailyCap, shorten minGapMs or remove blackouts.`,
    );
  }
  return { ms: out.ms[0]!, iso: out.iso[0]! };
}

/** Why a fixed instant cannot take a post of the account (as an issue at `path`), or `null`. @internal */
export function checkPinned(
  ctx: CalendarContext,
  state: AccountState,
  occupancy: AccountOccupancy,
  ms: number,
  path: Array<string | number>,
): ValidationIssue | null {
  const reason = occupancy.conflict(ms, localDayOf(ms, state.account.timeZone), limitsOf(ctx, state));
  return reason === null
    ? null
    : {
        path,
        code: 'slot_conflict',
        message: `${new Date(ms).toISOString()} for ${state.key} ${reason}: pick another time or use the queue`,
      };
}
