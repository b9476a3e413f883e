let holders = 0;
let handle: { ref?: () => unknown; unref?: () => unknown } | undefined;
const noop = () => undefined;

/**
 * Keeps the process (or worker) alive while pending work exists, as an awaited `fetch` does:
 * one interval for all holders together, ref'd while anything is pending and unref'd when the
 * last holder releases (toggling is cheaper than a timer per request). Waits themselves use the
 * clock's unref'd timers, so an idle client holds nothing. Runtimes without `ref`/`unref`
 * (browsers) have no process to keep alive and get no timer.
 * @internal
 */
export function holdProcess(): () => void {
  holders += 1;
  if (holders === 1) {
    if (handle === undefined) {
      const timer = setInterval(noop, 1_000_000_000) as unknown as { ref?: () => unknown; unref?: () => unknown };
      if (typeof timer.ref !== 'function' || typeof timer.unref !== 'function') clearInterval(timer as never);
      handle = timer;
    }
    handle.ref?.();
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders === 0) handle?.unref?.();
  };
}
