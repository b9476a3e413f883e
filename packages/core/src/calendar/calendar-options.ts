import { z } from 'zod';
import { systemClock, type Clock } from '../clock/index.js';
import { AccountSchema, DurationMsSchema, InstantSchema, TimeZoneSchema } from '../model/index.js';
import type { ContentRules } from '../text/index.js';
import { ApprovalRulesSchema } from './approval-policy.js';

/** What the calendar needs of an adapter: its network and its content rules. */
export interface ContentRulesSource {
  platform: string;
  capabilities: { content: ContentRules };
}
import type { ScheduleStore } from '../schedule-store/index.js';
import { SlotRuleSchema } from './slot-rules.js';

// Checking a zone builds an Intl.DateTimeFormat (~0.1 ms); calendars with thousands of
// accounts share a few zones, so each name is checked once.
const checkedZones = new Map<string, boolean>();
const PlannedAccountSchema = AccountSchema.extend({
  timeZone: z
    .string()
    .refine(
      (zone) => {
        let valid = checkedZones.get(zone);
        if (valid === undefined) checkedZones.set(zone, (valid = TimeZoneSchema.safeParse(zone).success));
        return valid;
      },
      { error: 'must be an IANA time zone name such as Europe/Bucharest or UTC' },
    )
    .default('UTC'),
});

/**
 * One account's queue and limits. `queue` takes slot rules or the short form "Mon/Wed/Fri 09:00 and 17:30".
 *
 * @example
 * ```ts
 * calendar.configureAccount({ account, queue: 'Mon-Fri 10:00', minGapMs: 3_600_000, dailyCap: 1 });
 * ```
 */
export const AccountPlanSchema = z.strictObject({
  account: PlannedAccountSchema,
  queue: z.union([z.string(), z.array(SlotRuleSchema)]).default([]),
  /** Minimum time between two posts of this account, ms. */
  minGapMs: DurationMsSchema.default(0),
  /** Maximum posts per day, days counted in the account's zone. */
  dailyCap: z.number().int().positive({ error: 'must be a whole number of posts per day, 1 or more' }).optional(),
});

/** One account's queue and limits, as given. */
export interface AccountPlanInput extends z.input<typeof AccountPlanSchema> {}

/**
 * A period in which nothing is placed (holidays, a launch freeze), for everyone or some accounts/brands.
 *
 * @example
 * ```ts
 * calendar.addBlackout({ from: '2026-12-24T00:00:00Z', to: '2026-12-27T00:00:00Z', brands: ['acme'], reason: 'holidays' });
 * ```
 */
export const BlackoutSchema = z
  .strictObject({
    from: InstantSchema,
    to: InstantSchema,
    /** Only these accounts (`platform:id`); with neither this nor `brands`, every account. */
    accountKeys: z.array(z.string().min(1)).optional(),
    brands: z.array(z.string().min(1)).optional(),
    reason: z.string().optional(),
  })
  .refine((value) => value.from < value.to, { error: 'must end after it starts (to > from)', path: ['to'] });

/** A blackout range. */
export interface Blackout extends z.infer<typeof BlackoutSchema> {}
/** A blackout range as `addBlackout` accepts it. */
export interface BlackoutInput extends z.input<typeof BlackoutSchema> {}

/**
 * Options of `createCalendar`.
 *
 * @example
 * ```ts
 * createCalendar({ store: createMemoryStore(), clock: systemClock, accounts: [], horizonDays: 365 });
 * ```
 */
export const CalendarOptionsSchema = z.strictObject({
  store: z.custom<ScheduleStore>((value) => value != null && typeof (value as ScheduleStore).claimDue === 'function', {
    error: 'must be a ScheduleStore such as createMemoryStore()',
  }),
  clock: z
    .custom<Clock>((value) => value != null && typeof (value as Clock).now === 'function', {
      error: 'must be a Clock with now() and sleep()',
    })
    .default(systemClock),
  accounts: z.array(AccountPlanSchema).default([]),
  blackouts: z.array(BlackoutSchema).default([]),
  approvals: ApprovalRulesSchema,
  /** How far ahead a queue looks for a free slot before giving up, in days. */
  horizonDays: z.number().int().positive().default(730),
  /**
   * Adapters (anything with `platform` and `capabilities.content`, e.g. `createXAdapter()`):
   * drafts are checked against their networks' content rules when they are planned.
   */
  adapters: z
    .array(
      z.custom<ContentRulesSource>(
        (value) =>
          value != null &&
          typeof (value as ContentRulesSource).platform === 'string' &&
          typeof (value as ContentRulesSource).capabilities?.content === 'object',
        { error: 'must be an adapter with platform and capabilities.content' },
      ),
    )
    .default([]),
  /** Content rules per network id; they win over the adapters' and the built-in `CONTENT_RULES`. */
  contentRules: z
    .record(
      z.string(),
      z.custom<ContentRules>((value) => value != null && typeof (value as ContentRules).text === 'object', {
        error: 'must be content rules such as CONTENT_RULES.x from @smm/core/text',
      }),
    )
    .default({}),
  /**
   * Check drafts against every target network's content rules when they are planned
   * (created, imported, submitted, approved, edited). Default true.
   */
  checkContent: z.boolean().default(true),
  /** Makes entry ids (default `crypto.randomUUID()`). */
  newId: z.custom<() => string>((value) => typeof value === 'function', { error: 'must be a function returning a new id' }).optional(),
});

/** What `createCalendar` accepts. */
export interface CalendarOptions extends z.input<typeof CalendarOptionsSchema> {}
