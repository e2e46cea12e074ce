import { OpenRouterError } from "./openrouter-error.js";

/**
 * No API key was configured. Raised before any network I/O, at the first request rather than at
 * construction so that a client can be created before secrets are loaded.
 *
 * Not an `AuthenticationError`: that one means the server rejected a key that was sent.
 */
export class MissingApiKeyError extends OpenRouterError {
  static override readonly errorName: string = "MissingApiKeyError";

  constructor(message = "No API key: pass `apiKey` or set OPENROUTER_API_KEY.") {
    super(message);
  }
}
