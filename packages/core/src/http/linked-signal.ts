/** Per caller signal: the request controllers that follow it, behind one listener. */
const followers = new WeakMap<AbortSignal, { controllers: Set<AbortController>; onAbort: () => void }>();

/**
 * A signal of the request's own that aborts (with the same reason) when the caller's does.
 * However many requests share one caller signal, it carries a single listener, so 200 calls
 * with one `AbortSignal` raise no `MaxListenersExceededWarning`. Call `unlink` when done.
 * @internal
 */
export function linkSignal(signal: AbortSignal): { signal: AbortSignal; unlink: () => void } {
  const controller = new AbortController();
  if (signal.aborted) {
    controller.abort(signal.reason);
    return { signal: controller.signal, unlink: () => undefined };
  }
  let entry = followers.get(signal);
  if (!entry) {
    const controllers = new Set<AbortController>();
    const onAbort = () => {
      followers.delete(signal);
      for (const follower of controllers) follower.abort(signal.reason);
      controllers.clear();
    };
    entry = { controllers, onAbort };
    followers.set(signal, entry);
    signal.addEventListener('abort', onAbort, { once: true });
  }
  const current = entry;
  current.controllers.add(controller);
  return {
    signal: controller.signal,
    unlink: () => {
      current.controllers.delete(controller);
      if (current.controllers.size === 0 && followers.get(signal) === current) {
        followers.delete(signal);
        signal.removeEventListener('abort', current.onAbort);
      }
    },
  };
}
