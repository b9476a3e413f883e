import { z } from 'zod';
import { businessMillisBetween, parseBusinessHours, type BusinessHours } from '../analytics/index.js';
import { parseWithSchema } from '../model/index.js';
import type { Conversation } from './conversation.js';
import { inboundOf } from './conversation-ops.js';

/**
 * Response targets of the shared inbox, in business time: an unanswered item must get an
 * answer within `firstResponseMs` of business hours. A team may have its own target and hours.
 *
 * @example
 * ```ts
 * const sla: SlaPolicy = {
 *   businessHours: { timeZone: 'Europe/Bucharest', weekly: { 1: [{ start: '09:00', end: '17:00' }] } },
 *   firstResponseMs: 60 * 60_000,
 *   teams: { vip: { firstResponseMs: 15 * 60_000 } },
 * };
 * ```
 */
export interface SlaPolicy {
  businessHours: BusinessHours;
  /** Business milliseconds allowed before the first answer. */
  firstResponseMs: number;
  /** "About to breach": at most this many business ms left. Default: a quarter of the target. */
  warnWithinMs?: number;
  /** Per-team targets (by the team a routing rule gave the conversation). */
  teams?: Record<string, { firstResponseMs: number; businessHours?: BusinessHours; warnWithinMs?: number }>;
}

/** Where a conversation stands against its target. */
export interface SlaStatus {
  conversationId: string;
  team: string | null;
  /** Business ms allowed. */
  targetMs: number;
  /**
   * `none`: nothing waits for an answer (all answered or completed, or resolved);
   * `on-track`; `at-risk` (≤ `warnWithinMs` left); `breached` (the target passed unanswered).
   */
  state: 'none' | 'on-track' | 'at-risk' | 'breached';
  /** `createdAt` of the oldest inbound item still waiting (not answered, not completed), or `null`. */
  waitingSince: string | null;
  /** When the target passes (ISO-8601 UTC), or `null` (nothing waits, or the hours never open). */
  dueAt: string | null;
  /** Business ms left until `dueAt` (negative: by how much it is over), or `null` when nothing waits. */
  remainingMs: number | null;
}

const Target = z.number().int({ error: 'must be whole milliseconds' }).positive({ error: 'must be more than 0 ms of business time' });
const SlaPolicySchema = z.object({
  businessHours: z.unknown(),
  firstResponseMs: Target,
  warnWithinMs: z.number().int().nonnegative().optional(),
  teams: z
    .record(
      z.string(),
      z.object({ firstResponseMs: Target, businessHours: z.unknown().optional(), warnWithinMs: z.number().int().nonnegative().optional() }),
    )
    .optional(),
});

const YEAR_MS = 366 * 24 * 3_600_000;

/** Validates an SLA policy (business hours included). */
export function parseSlaPolicy(policy: SlaPolicy): SlaPolicy {
  parseWithSchema(SlaPolicySchema, policy, 'SLA policy');
  parseBusinessHours(policy.businessHours);
  for (const team of Object.values(policy.teams ?? {})) if (team.businessHours !== undefined) parseBusinessHours(team.businessHours);
  return policy;
}

/**
 * The instant at which `targetMs` of business time has passed since `startMs` (the first
 * instant `businessMillisBetween(startMs, t) >= targetMs`), or `null` when the hours do not
 * give that much within a year.
 *
 * @example
 * ```ts
 * // Friday 16:30, open Mon–Fri 09:00–17:00, 1 h → Monday 09:30 (local)
 * businessDueAt(friday1630, 3_600_000, hours);
 * ```
 */
export function businessDueAt(startMs: number, targetMs: number, hours: BusinessHours): number | null {
  const within = (end: number) => businessMillisBetween(startMs, end, hours);
  let step = targetMs;
  while (within(startMs + step) < targetMs) {
    if (step >= YEAR_MS) return null;
    step = Math.min(step * 2, YEAR_MS);
  }
  // Business time only grows with the end: search for the first end that reaches the target.
  let lo = startMs;
  let hi = startMs + step;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (within(mid) >= targetMs) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A conversation's SLA status at `nowMs`. */
export function slaStatusOf(conversation: Conversation, policy: SlaPolicy, nowMs: number): SlaStatus {
  const team = conversation.team ?? null;
  const own = team === null ? undefined : policy.teams?.[team];
  const targetMs = own?.firstResponseMs ?? policy.firstResponseMs;
  const hours = own?.businessHours ?? policy.businessHours;
  const warn = own?.warnWithinMs ?? policy.warnWithinMs ?? Math.floor(targetMs / 4);
  const waiting =
    conversation.state === 'resolved'
      ? undefined
      : inboundOf(conversation).find((message) => message.respondedAt === null && message.completedAt === undefined);
  const base = { conversationId: conversation.id, team, targetMs };
  if (waiting === undefined) return { ...base, state: 'none', waitingSince: null, dueAt: null, remainingMs: null };
  const start = Date.parse(waiting.at);
  const remainingMs = targetMs - businessMillisBetween(start, Math.max(start, nowMs), hours);
  const due = businessDueAt(start, targetMs, hours);
  return {
    ...base,
    state: remainingMs <= 0 ? 'breached' : remainingMs <= warn ? 'at-risk' : 'on-track',
    waitingSince: waiting.at,
    dueAt: due === null ? null : new Date(due).toISOString(),
    remainingMs,
  };
}
