let holders = 0;
let handle: ReturnType<typeof setInterval> | undefined;
const noop = () => undefined;

/**
 * Keeps the process (or worker) alive while pending work exists, as an awaited `fetch` does:
 * one ref'd interval for all holders together, created by the first and cleared by the last.
 * Waits themselves use the clock's unref'd timers, so an idle client holds nothing.
 * @internal
 */
export function holdProcess(): () => void {
  holders += 1;
  if (holders === 1) handle = setInterval(noop, 1_000_000_000);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders === 0 && handle !== undefined) {
      clearInterval(handle);
      handle = undefined;
    }
  };
}
