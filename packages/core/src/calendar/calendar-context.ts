import type { z } from 'zod';
import type { Clock } from '../clock/index.js';
import { ValidationError, type ValidationIssue } from '../errors/index.js';
import type { Account } from '../model/index.js';
import { EntryNotFoundError, accountKeyOf, type CalendarEntry, type Hold, type ScheduleStore } from '../schedule-store/index.js';
import { resolveApprovalPolicy, type ApprovalPolicy } from './approval-policy.js';
import type { AccountPlanSchema, Blackout, CalendarOptionsSchema } from './calendar-options.js';
import type { PlacementLimits } from './queue-placement.js';
import { SlotExpander } from './slot-expansion.js';
import { parseWeeklySlots, type SlotRule } from './slot-rules.js';

/** One configured account with its parsed queue and limits. @internal */
export interface AccountState {
  account: Account;
  key: string;
  rules: SlotRule[];
  /** `rules` as JSON: the slot expander's cache key. */
  rulesKey: string;
  minGapMs: number;
  dailyCap: number;
}

/**
 * Everything a calendar action works on: the store and clock, the configured accounts, the
 * blackouts and pauses, and the caches derived from them. Each group of actions is a set of
 * functions taking this context, so each is testable on its own. @internal
 */
export interface CalendarContext {
  readonly options: z.output<typeof CalendarOptionsSchema>;
  readonly store: ScheduleStore;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly expander: SlotExpander;
  readonly accounts: Map<string, AccountState>;
  readonly blackouts: Blackout[];
  /** Holds by scope key (`account:<key>` or `brand:<brand>`). */
  readonly pauses: Map<string, Hold>;
  /** Placement limits per account key; cleared when accounts or blackouts change. */
  readonly limits: Map<string, PlacementLimits>;
  /** Approval policy per account key; cleared when accounts change. */
  readonly policies: Map<string, ApprovalPolicy>;
  /** Content problems per parsed draft (by object and by value) and network; drafts are immutable once parsed. */
  readonly contentChecks: {
    byObject: WeakMap<object, Map<string, ValidationIssue[]>>;
    byValue: Map<string, Map<string, ValidationIssue[]>>;
  };
}

/** A context for parsed options, with the configured accounts in place. @internal */
export function createCalendarContext(options: z.output<typeof CalendarOptionsSchema>): CalendarContext {
  const ctx: CalendarContext = {
    options,
    store: options.store,
    clock: options.clock,
    newId: options.newId ?? (() => crypto.randomUUID()),
    expander: new SlotExpander(),
    accounts: new Map(),
    blackouts: [...options.blackouts],
    pauses: new Map(),
    limits: new Map(),
    policies: new Map(),
    contentChecks: { byObject: new WeakMap(), byValue: new Map() },
  };
  for (const plan of options.accounts) configureAccount(ctx, plan);
  return ctx;
}

/** The clock's now as an ISO-8601 UTC string. @internal */
export function nowIso(ctx: CalendarContext): string {
  return new Date(ctx.clock.now()).toISOString();
}

/** Adds or replaces an account (parsed plan); drops the caches that depend on accounts. @internal */
export function configureAccount(ctx: CalendarContext, plan: z.output<typeof AccountPlanSchema>): AccountState {
  const rules = typeof plan.queue === 'string' ? parseWeeklySlots(plan.queue) : plan.queue;
  const state: AccountState = {
    account: plan.account,
    key: accountKeyOf(plan.account),
    rules,
    rulesKey: JSON.stringify(rules),
    minGapMs: plan.minGapMs,
    dailyCap: plan.dailyCap ?? Infinity,
  };
  ctx.accounts.set(state.key, state);
  ctx.limits.clear();
  ctx.policies.clear();
  return state;
}

/** The configured account for a key. @throws ValidationError when it is not configured. @internal */
export function accountStateOf(ctx: CalendarContext, key: string): AccountState {
  const state = ctx.accounts.get(key);
  if (state === undefined) {
    throw new ValidationError('account', [
      {
        path: ['accountKey'],
        code: 'unknown_account',
        message: `"${key}" is not a configured account: add it with configureAccount() (keys are platform:id)`,
      },
    ]);
  }
  return state;
}

/** The stored entry. @throws EntryNotFoundError @internal */
export async function entryOf(ctx: CalendarContext, id: string): Promise<CalendarEntry> {
  const entry = await ctx.store.get(id);
  if (entry === undefined) throw new EntryNotFoundError(id);
  return entry;
}

/** The pause that holds an account (its own, else its brand's), or `null`. @internal */
export function holdFor(ctx: CalendarContext, state: AccountState): Hold | null {
  return (
    ctx.pauses.get(`account:${state.key}`) ??
    (state.account.brand === undefined ? undefined : ctx.pauses.get(`brand:${state.account.brand}`)) ??
    null
  );
}

/** The approval policy of an entry's account. @internal */
export function policyFor(ctx: CalendarContext, entry: { accountKey: string; brand?: string | undefined }): ApprovalPolicy {
  let policy = ctx.policies.get(entry.accountKey);
  if (policy === undefined) {
    policy = resolveApprovalPolicy(ctx.options.approvals, entry.accountKey, entry.brand);
    ctx.policies.set(entry.accountKey, policy);
  }
  return policy;
}

// Functions outside the calendar object (CSV import) reach a calendar's context through this.
const contexts = new WeakMap<object, CalendarContext>();

/** Links a calendar object to its context. @internal */
export function bindContext<T extends object>(calendar: T, ctx: CalendarContext): T {
  contexts.set(calendar, ctx);
  return calendar;
}

/** The context of a calendar made by `createCalendar`. @throws ValidationError for anything else. @internal */
export function contextOf(calendar: object): CalendarContext {
  const ctx = contexts.get(calendar);
  if (ctx === undefined) {
    throw new ValidationError('calendar', [
      { path: ['calendar'], code: 'not_a_calendar', message: 'must be a calendar made by createCalendar()' },
    ]);
  }
  return ctx;
}
