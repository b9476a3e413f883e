/**
 * A typed event subscription: `on(type, handler)` returns a function that unsubscribes.
 *
 * @example
 * ```ts
 * const off = monitor.on('alert', (alert) => notify(alert));
 * off(); // stop listening
 * ```
 */
export interface EventSource<Events extends Record<string, unknown>> {
  /**
   * Calls `handler` for every event of `type`. A handler that throws does not disturb the
   * stream or the other handlers.
   */
  on<K extends keyof Events>(type: K, handler: (event: Events[K]) => void): () => void;
}

/** A minimal runtime-neutral typed emitter (no Node `events`). @internal */
export function createEmitter<Events extends Record<string, unknown>>(): EventSource<Events> & {
  emit<K extends keyof Events>(type: K, event: Events[K]): void;
} {
  const handlers = new Map<keyof Events, Set<(event: never) => void>>();
  return {
    on(type, handler) {
      let set = handlers.get(type);
      if (set === undefined) handlers.set(type, (set = new Set()));
      set.add(handler as (event: never) => void);
      return () => {
        set.delete(handler as (event: never) => void);
      };
    },
    emit(type, event) {
      for (const handler of handlers.get(type) ?? []) {
        try {
          (handler as (event: Events[typeof type]) => void)(event);
        } catch {
          // A listener's bug must not stop the stream for everyone else.
        }
      }
    },
  };
}
