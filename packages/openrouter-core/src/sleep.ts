/**
 * Waits `ms` milliseconds, rejecting with `signal.reason` as soon as `signal` aborts. The default
 * `sleep` option.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Cleared on abort too: a pending timer would keep the event loop alive.
  return raceAbort(
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
    signal,
  ).finally(() => clearTimeout(timer));
}

/**
 * Races `promise` against `signal`. Used around the injectable `sleep`, so a test double that ignores
 * its signal still cannot delay an abort. `promise` is always subscribed to, so its rejection after
 * the abort (a started read failing because the abort tore its body down) is never unhandled.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as unknown);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
