import { OpenRouterError } from "./openrouter-error.js";

/**
 * The caller cancelled: the `signal` passed in the request options fired (`cause` holds its
 * reason), including during a retry backoff. Never retried.
 */
export class UserAbortError extends OpenRouterError {
  static override readonly errorName: string = "UserAbortError";

  constructor(message = "Request was aborted.", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The client was closed (`close()` or `await using`): thrown by requests and streams that were in
 * flight, and by every request started afterwards. A kind of {@link UserAbortError}.
 */
export class ClientClosedError extends UserAbortError {
  static override readonly errorName: string = "ClientClosedError";

  constructor(message = "Client closed.") {
    super(message);
  }
}
