/**
 * Fires `onIdle` when `ms` pass without a `touch()` while the timer is running. Runs only while the
 * reader is waiting for bytes, so a slow consumer processing an event never trips it.
 * A non-finite or non-positive `ms` disables the timer.
 *
 * Cheap per chunk: `start`/`pause`/`touch` only move a deadline; one underlying `setTimeout` stays
 * armed and, when it fires early (the deadline moved), re-arms for the remainder. `stop()` clears it:
 * call it when the reads are over so no timer outlives them.
 */
export function createIdleTimer(ms: number, onIdle: () => void) {
  const enabled = ms > 0 && ms < Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // When the countdown ends; 0 while not running.
  let deadline = 0;
  const fire = () => {
    timer = undefined;
    if (!deadline) return;
    const left = deadline - Date.now();
    if (left > 0) timer = setTimeout(fire, left);
    else {
      deadline = 0;
      onIdle();
    }
  };
  return {
    /** Starts (or restarts) the countdown. */
    start: () => {
      if (!enabled) return;
      deadline = Date.now() + ms;
      timer ??= setTimeout(fire, ms);
    },
    /** Stops counting; the underlying timer may stay armed until `stop()` or its next expiry. */
    pause: () => {
      deadline = 0;
    },
    /** Stops counting and clears the underlying timer. */
    stop: () => {
      deadline = 0;
      clearTimeout(timer);
      timer = undefined;
    },
    /** Restarts the countdown if it is running: bytes arrived. */
    touch: () => {
      if (deadline) deadline = Date.now() + ms;
    },
  };
}
