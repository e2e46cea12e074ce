/**
 * Calls `onExpire` once `ms` pass, unless the returned timer is cleared first (`clearTimeout`
 * accepts `undefined`). A non-finite or non-positive `ms` (`0`, `Infinity`: the timeout is off)
 * starts nothing. Used for each attempt's header timeout and for each body read's idle timeout:
 * one timer per wait, cleared as soon as the wait ends, so an idle timeout never counts the time
 * a slow consumer spends between reads.
 */
export function startTimeout(
  ms: number,
  onExpire: () => void,
): ReturnType<typeof setTimeout> | undefined {
  return ms > 0 && ms < Infinity ? setTimeout(onExpire, ms) : undefined;
}
