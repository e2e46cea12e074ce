import { TimeoutError } from "../errors/timeout-error.js";

/**
 * Aborts `controller` with a TimeoutError carrying `message` once `ms` pass, unless the returned
 * timer is cleared first (`clearTimeout` accepts `undefined`). A non-finite or non-positive `ms`
 * (`0`, `Infinity`: the timeout is off) starts nothing. Used for each attempt's header timeout and
 * for each body read's idle timeout: one timer per wait, cleared as soon as the wait ends, so an
 * idle timeout never counts the time a slow consumer spends between reads.
 */
export function abortAfter(
  ms: number,
  controller: AbortController,
  message: string,
): ReturnType<typeof setTimeout> | undefined {
  return ms > 0 && ms < Infinity
    ? setTimeout(() => controller.abort(new TimeoutError(message)), ms)
    : undefined;
}
