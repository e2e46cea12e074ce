/**
 * Fires `onIdle` when `ms` pass without a `touch()` while the timer is running. Runs only while the
 * reader is waiting for bytes, so a slow consumer processing an event never trips it.
 * A non-finite or non-positive `ms` disables the timer.
 */
export function createIdleTimer(ms: number, onIdle: () => void) {
  const enabled = Number.isFinite(ms) && ms > 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const start = () => {
    stop();
    if (enabled) timer = setTimeout(onIdle, ms);
  };
  return {
    start,
    stop,
    /** Restarts the countdown if it is running: bytes arrived. */
    touch: () => {
      if (timer !== undefined) start();
    },
  };
}
