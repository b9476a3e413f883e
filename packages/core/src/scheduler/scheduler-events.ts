import type { Logger } from '../adapter/index.js';
import type { PublishedPost } from '../model/index.js';
import type { CalendarEntry } from './calendar-entry.js';

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
  /** Nobody can tell whether the post exists: a person decides (published, scheduled again, canceled). */
  'entry-outcome-unknown': { entry: CalendarEntry; reason: string };
  /** A transient failure; the entry will be tried again at `nextAttemptAt`. */
  'entry-retry': { entry: CalendarEntry; error: { code: string; message: string }; attempt: number; nextAttemptAt: string };
  /** An entry was claimed more than `lagWarningMs` after it was due. */
  lag: { entryId: string; accountKey: string; dueAt: string; lagMs: number };
  /** Something went wrong outside a single publish (a store write, the poll loop, a listener). */
  error: { error: unknown; entryId?: string; phase: 'poll' | 'execute' | 'lease' | 'listener' };
}

/** Names of {@link SchedulerEvents}. */
export type SchedulerEventName = keyof SchedulerEvents;

/** @internal The scheduler's listener registry: a throwing listener never stops the runner. */
export interface SchedulerEmitter {
  on<E extends SchedulerEventName>(event: E, listener: (payload: SchedulerEvents[E]) => void): () => void;
  emit<E extends SchedulerEventName>(event: E, payload: SchedulerEvents[E]): void;
}

/** @internal */
export function createSchedulerEmitter(logger: Logger): SchedulerEmitter {
  const listeners = new Map<SchedulerEventName, Set<(payload: never) => void>>();
  const emitter: SchedulerEmitter = {
    on(event, listener) {
      let set = listeners.get(event);
      if (set === undefined) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      const set = listeners.get(event);
      if (set === undefined) return;
      for (const listener of set) {
        try {
          (listener as (payload: SchedulerEvents[typeof event]) => void)(payload);
        } catch (error) {
          logger.error('scheduler event listener threw', { event, error: error instanceof Error ? error.message : String(error) });
          if (event !== 'error') emitter.emit('error', { error, phase: 'listener' });
        }
      }
    },
  };
  return emitter;
}
