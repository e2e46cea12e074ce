import { OpenRouterError } from "./openrouter-error.js";

/**
 * The client gave up waiting: either no response headers within `timeout` (per attempt; retried),
 * or no bytes within `idleTimeout` while reading a body or stream (not retried).
 *
 * Not a `TimeoutError`: an HTTP 408 from the server, which is a {@link RequestTimeoutError}.
 */
export class TimeoutError extends OpenRouterError {
  static override readonly errorName: string = "TimeoutError";

  constructor(message = "Request timed out.", options?: { cause?: unknown }) {
    super(message, options);
  }
}
