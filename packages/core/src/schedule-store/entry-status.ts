/**
 * Every status a calendar entry can be in.
 *
 * @example
 * ```ts
 * ENTRY_STATUSES.includes(entry.status); // true
 * ```
 */
export const ENTRY_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'canceled',
  'outcome_unknown',
] as const;

/** A calendar entry's status. */
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/**
 * Which status may follow which, as data: UIs draw it, stores enforce it, docs render it.
 *
 * - `in_review → draft` is a rejection (needs a reason); `approved|scheduled → in_review`
 *   is an edit after approval.
 * - `scheduled → failed` is the runner giving up on an entry whose retry deadline passed
 *   before it could publish (no worker ran); nothing was sent.
 * - `publishing → scheduled` is the runner putting a transient failure back for a retry;
 *   `publishing → outcome_unknown` is a crash it could not reconcile, which a person
 *   resolves to `published`, `scheduled` (publish again) or `canceled`.
 * - `published` is final: evergreen recycling queues a *new* entry, so the record of what
 *   was published stays intact.
 *
 * @example
 * ```ts
 * ENTRY_TRANSITIONS.scheduled; // ['publishing', 'in_review', 'draft', 'approved', 'canceled', 'failed']
 * ```
 */
export const ENTRY_TRANSITIONS: Readonly<Record<EntryStatus, readonly EntryStatus[]>> = {
  draft: ['in_review', 'approved', 'scheduled', 'canceled'],
  in_review: ['approved', 'draft', 'canceled'],
  approved: ['scheduled', 'in_review', 'draft', 'canceled'],
  scheduled: ['publishing', 'in_review', 'draft', 'approved', 'canceled', 'failed'],
  publishing: ['published', 'failed', 'outcome_unknown', 'scheduled'],
  published: [],
  failed: ['scheduled', 'draft', 'canceled'],
  canceled: ['draft'],
  outcome_unknown: ['published', 'failed', 'scheduled', 'canceled'],
};

/**
 * Whether an entry in `from` may move to `to`.
 *
 * @example
 * ```ts
 * canTransition('draft', 'published'); // false
 * canTransition('publishing', 'published'); // true
 * ```
 */
export function canTransition(from: EntryStatus, to: EntryStatus): boolean {
  return ENTRY_TRANSITIONS[from].includes(to);
}

/**
 * Statuses in which an entry holds its slot (counts for gaps, caps and occupancy).
 *
 * @example
 * ```ts
 * await store.query({ accountKeys: [key], statuses: [...SLOT_HOLDING_STATUSES] });
 * ```
 */
export const SLOT_HOLDING_STATUSES: readonly EntryStatus[] = ['scheduled', 'publishing', 'published', 'outcome_unknown'];
