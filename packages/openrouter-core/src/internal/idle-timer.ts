/**
 * One countdown per request, shared by every phase that can stall: waiting for response headers
 * (`timeout`) and waiting for each body chunk (`idleTimeout`, only while a read waits, so a slow
 * consumer never trips it). `start(ms, onIdle)` calls `onIdle` once `ms` pass without `pause()`
 * or another `start`; a non-finite or non-positive `ms` counts nothing.
 *
 * Cheap per phase and per chunk: those calls only move a deadline. One `setTimeout` stays armed
 * and, when it fires before the deadline (the deadline moved), re-arms for the remainder. It always
 * fires at or before the deadline, since it is replaced when a `start` shortens the countdown. A
 * call whose headers and body arrive in time thus costs one `setTimeout` and one `clearTimeout`.
 * `stop()` clears it: an armed timer keeps Node's event loop alive, so call it once nothing waits.
 */
export class IdleTimer {
  // When the countdown ends (0 while not counting), and its length.
  #deadline = 0;
  #ms = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #onIdle?: () => void;

  start(ms: number, onIdle: () => void): void {
    this.#deadline = 0;
    if (!(ms > 0 && ms < Infinity)) return;
    if (!this.#timer || ms < this.#ms) this.#arm(ms);
    this.#ms = ms;
    this.#onIdle = onIdle;
    this.#deadline = Date.now() + ms;
  }

  /** Stops counting; the armed timer may stay until `stop()` or its next expiry. */
  pause(): void {
    this.#deadline = 0;
  }

  stop(): void {
    this.#deadline = 0;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const left = this.#deadline && this.#deadline - Date.now();
      if (left > 0) this.#arm(left);
      else if (this.#deadline) {
        this.#deadline = 0;
        this.#onIdle!();
      }
    }, delay);
  }
}
