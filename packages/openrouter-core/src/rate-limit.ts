/** Rate-limit state reported by OpenRouter's `X-RateLimit-*` response headers. */
export interface RateLimitInfo {
  /** `X-RateLimit-Limit`: requests allowed in the current window. */
  limit?: number;
  /** `X-RateLimit-Remaining`: requests left in the current window. */
  remaining?: number;
  /** `X-RateLimit-Reset`: when the window resets. */
  reset?: Date;
}

/**
 * Reads `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` from a response (or
 * its headers, e.g. `error.headers` or `(await p.withResponse()).response`). Absent or unparsable
 * headers leave their field undefined.
 *
 * @example
 * ```ts
 * const { response } = await models.list(client).withResponse();
 * const { remaining, reset } = parseRateLimitHeaders(response);
 * ```
 */
export function parseRateLimitHeaders(source: Headers | { headers: Headers }): RateLimitInfo {
  const headers = source instanceof Headers ? source : source.headers;
  const info: RateLimitInfo = {};
  const limit = headerNumber(headers.get("x-ratelimit-limit"));
  const remaining = headerNumber(headers.get("x-ratelimit-remaining"));
  const reset = parseResetHeader(headers.get("x-ratelimit-reset"));
  if (Number.isFinite(limit)) info.limit = limit;
  if (Number.isFinite(remaining)) info.remaining = remaining;
  if (Number.isFinite(reset)) info.reset = new Date(reset);
  return info;
}

/**
 * `X-RateLimit-Reset` as epoch milliseconds, `NaN` (or infinite) when absent or unparsable. OpenRouter sends
 * epoch ms; epoch seconds (what some proxies send) are recognised by magnitude, and small values
 * are read as seconds from `now`. Epoch interpretation is only applied to this reset header, never
 * to `Retry-After`.
 */
export function parseResetHeader(value: string | null, now = Date.now()): number {
  const n = headerNumber(value);
  return n >= 1e12 ? n : n >= 1e9 ? n * 1000 : now + n * 1000;
}

/**
 * A header's value as a number; `NaN` when absent, blank or not a number (`Number` alone reads a
 * blank as 0). Every numeric header (rate limits, `retry-after-ms`, `Retry-After` seconds) is read
 * through here; callers check the range, which also rejects `NaN` and `"Infinity"`.
 */
export function headerNumber(value: string | null): number {
  return value?.trim() ? Number(value) : NaN;
}
