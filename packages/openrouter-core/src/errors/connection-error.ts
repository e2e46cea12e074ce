import { OpenRouterError } from "./openrouter-error.js";

/**
 * No usable response arrived: DNS failure, refused or reset connection, TLS error, or the
 * connection dropped while a body was being read. `cause` holds the runtime's original error.
 * Retried by default until the response headers arrive; never retried mid-stream.
 */
export class ConnectionError extends OpenRouterError {
  static override readonly errorName: string = "ConnectionError";

  constructor(message = "Connection error.", options?: { cause?: unknown }) {
    super(message, options);
  }
}
