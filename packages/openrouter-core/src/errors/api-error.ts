import { OpenRouterError } from "./openrouter-error.js";

/** Everything an {@link APIError} carries besides its message. */
export interface APIErrorInit {
  /** HTTP status, or for an error delivered inside a 200 body/stream, the status its `code` names. */
  status: number;
  /** `error.code` exactly as the server sent it (number or string); the status when absent. */
  code: number | string;
  /** `error.metadata`, with `metadata.raw` parsed when it was a JSON string. */
  metadata?: Record<string, unknown> | undefined;
  /** `metadata.provider_name`, when the upstream provider caused the error. */
  providerName?: string | undefined;
  /** Response headers (values containing the API key are redacted). */
  headers?: Headers | undefined;
  /** From `x-request-id`, `x-generation-id`, or the body's `id`. */
  requestId?: string | undefined;
  /** The parsed body (or its text when it was not JSON), with the API key redacted. */
  body?: unknown;
  cause?: unknown;
}

/**
 * The server answered with an error: a non-2xx status, a 2xx JSON body that is an error object, or
 * an `error` chunk inside an event stream. Subclasses name the common statuses
 * ({@link RateLimitError}, {@link AuthenticationError}, …); a status without one is a plain `APIError`.
 *
 * The message reads status first, then the server's message, then `[provider] provider message`.
 *
 * @example
 * ```ts
 * try { await chat.send(client, body); }
 * catch (e) { if (isRateLimitError(e)) console.log(e.status, e.headers.get("retry-after")); }
 * ```
 */
export class APIError extends OpenRouterError {
  static override readonly errorName: string = "APIError";

  declare readonly status: number;
  declare readonly code: number | string;
  declare readonly metadata: Record<string, unknown> | undefined;
  declare readonly providerName: string | undefined;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  declare readonly body: unknown;

  constructor(message: string, init: APIErrorInit) {
    const { cause, ...fields } = init;
    // Only a cause that was given: `Error` would otherwise add one, `undefined`.
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, fields);
    this.headers ??= new Headers();
  }

  /** A log-friendly shape: `JSON.stringify(error)` otherwise drops `name` and `message`. */
  toJSON(): Record<string, unknown> {
    // Headers serialise as `{}`; `requestId` is the part of them worth logging.
    const { name, message, headers, ...fields } = this;
    return { name, message, ...fields };
  }
}
