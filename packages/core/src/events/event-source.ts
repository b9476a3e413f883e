/**
 * A typed event subscription: `on(type, handler)` returns a function that unsubscribes.
 *
 * @example
 * ```ts
 * const off = monitor.on('alert', (alert) => notify(alert));
 * off(); // stop listening
 * ```
 */
export interface EventSource<Events extends object> {
  /**
   * Calls `handler` for every event of `type`, in subscription order. A handler that throws
   * does not disturb the emitter or the other handlers.
   */
  on<K extends keyof Events>(type: K, handler: (event: Events[K]) => void): () => void;
}
