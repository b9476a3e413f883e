import type { EntryOutcome } from './entry-outcome.js';

/** How one entry of a {@link DueBatch} ended: its outcome, or the store error its run hit (its lease then runs out and it is reconciled later). */
export type DueBatchResult = { id: string; outcome: EntryOutcome } | { id: string; error: unknown };

/**
 * One claim of due entries, already running — what `Scheduler.runDueBatch` resolves to as
 * soon as the claim is made, so a queue worker can hand the rest of the backlog to another
 * worker while this batch publishes.
 *
 * @example
 * ```ts
 * const batch = await scheduler.runDueBatch({ limit: 16 });
 * if (batch.full) await queue.add('wake', {}); // more may be due: let another worker claim it
 * for (const result of await batch.done) if ('error' in result) console.error(result.id, result.error);
 * ```
 */
export interface DueBatch {
  /** The ids of the entries claimed, in claim order. */
  readonly ids: readonly string[];
  /** `true` when the claim took as many entries as it asked for: more may be due. */
  readonly full: boolean;
  /** Settles once every claimed entry has run, with one result per id (never rejects). */
  readonly done: Promise<DueBatchResult[]>;
}
