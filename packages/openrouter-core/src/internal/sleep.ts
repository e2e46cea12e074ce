/**
 * Waits `ms` milliseconds, rejecting with `signal.reason` as soon as `signal` aborts. The default
 * `sleep` option. (Shape after ky's `utils/delay.ts`.)
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Races `promise` against `signal`. Used around the injectable `sleep`, so a test double that ignores
 * its signal still cannot delay an abort.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    // Callers pass an already-started read (`reader.read()`); once the signal has aborted that read
    // rejects too, and nobody else will ever listen to it. Mark it handled so it cannot surface as an
    // unhandled rejection (which crashes Node and Bun) after the caller has already got the abort error.
    promise.catch(() => {});
    return Promise.reject(signal.reason as unknown);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as unknown);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
