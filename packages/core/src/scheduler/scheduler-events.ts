import type { Logger } from '../client/index.js';
import { createTypedEmitter, type TypedEmitter } from '../events/index.js';
import type { PendingPublish, PublishProgress, PublishedPost } from '../model/index.js';
import type { CalendarEntry } from '../schedule-store/index.js';

/**
 * What the scheduler reports, by event name. Payloads carry entries (values: do not mutate
 * them) and `{ code, message }` errors; never credentials.
 *
 * @example
 * ```ts
 * scheduler.on('entry-outcome-unknown', ({ entry, reason }) => pager.notify(`Check ${entry.id} by hand: ${reason}`));
 * scheduler.on('lag', ({ entryId, lagMs }) => metrics.histogram('smm.lag_ms', lagMs, { entryId }));
 * ```
 */
export interface SchedulerEvents {
  /** An entry was claimed: to publish (`reconcile: false`) or to settle a stale `publishing` one. */
  'entry-claimed': { entry: CalendarEntry; reconcile: boolean; lagMs: number };
  'entry-published': { entry: CalendarEntry; published: PublishedPost; reconciled: boolean };
  'entry-failed': { entry: CalendarEntry; error: { code: string; message: string } };
  /**
   * Two posts exist for one entry: a run that lost its lease mid-publish still got its post
   * out after another claim published. `recorded` is the post the entry keeps, `duplicate`
   * the other one — delete one of them by hand (or with `client.deletePost`).
   */
  'entry-duplicate': { entry: CalendarEntry; recorded: PublishedPost; duplicate: PublishedPost };
  /** Nobody can tell whether the post exists: a person decides (published, scheduled again, canceled). */
  'entry-outcome-unknown': { entry: CalendarEntry; reason: string };
  /** A transient failure; the entry will be tried again at `nextAttemptAt`. */
  'entry-retry': { entry: CalendarEntry; error: { code: string; message: string }; attempt: number; nextAttemptAt: string };
  /**
   * The network accepted the entry's post but has not made it live yet: the handle is stored
   * on the entry (`entry.pendingPublish`) and the runner polls it; a restart resumes from it.
   */
  'entry-pending': { entry: CalendarEntry; pending: PendingPublish };
  /** A poll of a pending publish: not live yet; `progress` as the network reports it. */
  'entry-progress': { entryId: string; pending: PendingPublish; progress?: PublishProgress; polls: number };
  /** An entry was claimed more than `lagWarningMs` after it was due. */
  lag: { entryId: string; accountKey: string; dueAt: string; lagMs: number };
  /** Something went wrong outside a single publish (a store write, the poll loop, a listener). */
  error: { error: unknown; entryId?: string; phase: 'poll' | 'execute' | 'lease' | 'listener' };
}

/** Names of {@link SchedulerEvents}. */
export type SchedulerEventName = keyof SchedulerEvents;

/** @internal The scheduler's emitter: a throwing listener is logged and reported as an `error` event, never stops the runner. */
export type SchedulerEmitter = TypedEmitter<SchedulerEvents>;

/** @internal */
export function createSchedulerEmitter(logger: Logger): SchedulerEmitter {
  const emitter: SchedulerEmitter = createTypedEmitter<SchedulerEvents>({
    onListenerError(error, event) {
      logger.error('scheduler event listener threw', {
        event: String(event),
        error: error instanceof Error ? error.message : String(error),
      });
      if (event !== 'error') emitter.emit('error', { error, phase: 'listener' });
    },
  });
  return emitter;
}
