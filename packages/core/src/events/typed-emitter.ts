import type { EventSource } from './event-source.js';

/** What a {@link TypedEmitter} does when a listener throws. */
export interface TypedEmitterOptions<Events extends object> {
  /**
   * Called with what a listener threw and the event it was handling. Default: nothing — a
   * listener's bug never breaks the request, stream or runner that emitted the event.
   */
  onListenerError?: (error: unknown, type: keyof Events) => void;
}

/** An {@link EventSource} that its owner can also emit on. */
export interface TypedEmitter<Events extends object> extends EventSource<Events> {
  /** Whether anyone listens to `type`: lets the owner skip building a payload nobody reads. */
  has(type: keyof Events): boolean;
  /** Calls every listener of `type` with `event`; a throwing listener goes to `onListenerError`. */
  emit<K extends keyof Events>(type: K, event: Events[K]): void;
}

/**
 * The one event emitter of `@smm/core` (HTTP client, listener, alerts, scheduler): typed,
 * runtime-neutral (no Node `events`), and listener errors handled in one documented way.
 *
 * @example
 * ```ts
 * const events = createTypedEmitter<{ tick: { n: number } }>();
 * const off = events.on('tick', ({ n }) => console.log(n));
 * events.emit('tick', { n: 1 }); // logs 1
 * off();
 * ```
 */
export function createTypedEmitter<Events extends object>(options: TypedEmitterOptions<Events> = {}): TypedEmitter<Events> {
  const listeners = new Map<keyof Events, Set<(event: never) => void>>();
  return {
    on(type, handler) {
      let set = listeners.get(type);
      if (set === undefined) listeners.set(type, (set = new Set()));
      set.add(handler as (event: never) => void);
      return () => void set.delete(handler as (event: never) => void);
    },
    has(type) {
      return (listeners.get(type)?.size ?? 0) > 0;
    },
    emit(type, event) {
      const set = listeners.get(type);
      if (set === undefined) return;
      // A copy, so a listener that unsubscribes (or subscribes) while handling is safe.
      for (const handler of [...set]) {
        try {
          (handler as (event: Events[typeof type]) => void)(event);
        } catch (error) {
          options.onListenerError?.(error, type);
        }
      }
    },
  };
}
