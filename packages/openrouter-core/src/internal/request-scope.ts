import type { OpenRouterError } from "../errors/openrouter-error.js";
import { ClientClosedError, UserAbortError } from "../errors/user-abort-error.js";
import { anySignal } from "./any-signal.js";

/**
 * The two external reasons a request can end early, the caller's `signal` and the client's
 * `close()`, plus the signal combining them. Every layer asks `abortError()` first so a cancelled
 * request reports the cancellation, not the network error it caused.
 */
export interface RequestScope {
  /** Aborts when the caller's signal or the client's close signal does. */
  signal: AbortSignal;
  /** The error to throw if the request was cancelled from outside, else `undefined`. */
  abortError(): OpenRouterError | undefined;
}

export function createScope(
  userSignal: AbortSignal | undefined,
  closeSignal: AbortSignal,
): RequestScope {
  return {
    signal: anySignal([userSignal, closeSignal]),
    abortError: () =>
      closeSignal.aborted
        ? new ClientClosedError()
        : userSignal?.aborted
          ? new UserAbortError(undefined, { cause: userSignal.reason })
          : undefined,
  };
}
