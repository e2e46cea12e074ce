import {
  isAPIError,
  isConnectionError,
  isTimeoutError,
  isUserAbortError,
} from "@orkit/openrouter-core";

/**
 * The default rule for trying the next model after `error`:
 *
 * - yes: 408, 409, 429 and every 5xx (`RequestTimeoutError`, `ConflictError`, `RateLimitError`,
 *   `InternalServerError`, `BadGatewayError`, `ServiceUnavailableError`, 524, 529, …);
 * - yes: 404 (`ModelNotFoundError`): on `/chat/completions` the route exists, so a 404 is about the
 *   model (unknown id, or "No endpoints found" for this request's requirements) and another model
 *   may well serve the request;
 * - yes: an error OpenRouter delivered inside a 200 body or as a stream's first event (the runtime
 *   throws it typed: its status comes from `error.code`; a non-HTTP code keeps status 200);
 * - yes: `ConnectionError` and `TimeoutError` (no usable response);
 * - no: 400/401/402/403/413/422 (the request, key or account is at fault: every model would fail),
 *   `UserAbortError`/`ClientClosedError`, `MissingApiKeyError`, `ResponseParseError`, anything else.
 *
 * @example
 * ```ts
 * await sendWithFallback(client, { ...params, fallback: {
 *   models: ["anthropic/claude-3.5-haiku"],
 *   shouldFallback: (e) => isDefaultFallbackError(e) && !isRateLimitError(e),
 * } });
 * ```
 */
export function isDefaultFallbackError(error: unknown): boolean {
  if (isUserAbortError(error)) return false;
  if (isConnectionError(error) || isTimeoutError(error)) return true;
  if (!isAPIError(error)) return false;
  const status = error.status;
  return (
    status === 404 ||
    status === 408 ||
    status === 409 ||
    status === 429 ||
    (status >= 500 && status <= 599) ||
    (status >= 200 && status <= 299)
  );
}
