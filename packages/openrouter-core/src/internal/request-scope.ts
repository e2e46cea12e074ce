import type { OpenRouterError } from "../errors/openrouter-error.js";
import { ClientClosedError, UserAbortError } from "../errors/user-abort-error.js";
import { anySignal } from "./any-signal.js";

/**
 * The two external reasons a request can end early, the caller's `signal` and the client's
 * `close()`, plus the signal combining them. Every layer asks `abortError()` first so a cancelled
 * request reports the cancellation, not the network error it caused.
 */
export class RequestScope {
  /** Aborts when the caller's signal or the client's close signal does. */
  readonly signal: AbortSignal;

  constructor(
    private readonly userSignal: AbortSignal | undefined,
    private readonly closeSignal: AbortSignal,
  ) {
    this.signal = anySignal([userSignal, closeSignal]);
  }

  /** The error to throw if the request was cancelled from outside, else `undefined`. */
  abortError(): OpenRouterError | undefined {
    if (this.closeSignal.aborted) return new ClientClosedError();
    if (this.userSignal?.aborted) {
      return new UserAbortError("Request was aborted.", { cause: this.userSignal.reason });
    }
    return undefined;
  }
}
