/** A restartable countdown; see {@link createIdleTimer}. */
export type IdleTimer = ReturnType<typeof createIdleTimer>;

/**
 * One countdown per request, shared by every phase that can stall: waiting for response headers
 * (`timeout`) and waiting for each body chunk (`idleTimeout`, only while a read waits, so a slow
 * consumer never trips it). `start(ms, onIdle)` calls `onIdle` once `ms` pass without `touch()`,
 * `pause()` or another `start`; a non-finite or non-positive `ms` counts nothing.
 *
 * Cheap per phase and per chunk: those calls only move a deadline. One `setTimeout` stays armed
 * and, when it fires before the deadline (the deadline moved), re-arms for the remainder. It always
 * fires at or before the deadline, since it is replaced when a `start` shortens the countdown. A
 * call whose headers and body arrive in time thus costs one `setTimeout` and one `clearTimeout`.
 * `stop()` clears it: an armed timer keeps Node's event loop alive, so call it once nothing waits.
 */
export function createIdleTimer() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // When the countdown ends (0 while not counting), and its length.
  let deadline = 0;
  let ms = 0;
  let onIdle: () => void;
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
  const stop = () => {
    deadline = 0;
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    start(duration: number, callback: () => void) {
      if (!(duration > 0 && duration < Infinity)) return void (deadline = 0);
      if (!timer || duration < ms) {
        clearTimeout(timer);
        timer = setTimeout(fire, duration);
      }
      ms = duration;
      onIdle = callback;
      deadline = Date.now() + ms;
    },
    /** Stops counting; the armed timer may stay until `stop()` or its next expiry. */
    pause: () => void (deadline = 0),
    /** Restarts the countdown if it is running: bytes arrived. */
    touch: () => void (deadline &&= Date.now() + ms),
    stop,
  };
}
