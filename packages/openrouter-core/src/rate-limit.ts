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
  const limit = parseNumber(headers.get("x-ratelimit-limit"));
  const remaining = parseNumber(headers.get("x-ratelimit-remaining"));
  const reset = parseResetHeader(headers.get("x-ratelimit-reset"));
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (reset !== undefined) info.reset = new Date(reset);
  return info;
}

/**
 * `X-RateLimit-Reset` as epoch milliseconds. OpenRouter sends epoch ms; epoch seconds (what some
 * proxies send) are recognised by magnitude, and small values are read as seconds from `now`.
 * Epoch interpretation is only applied to this reset header, never to `Retry-After`.
 */
export function parseResetHeader(value: string | null, now = Date.now()): number | undefined {
  const n = parseNumber(value);
  if (n === undefined) return undefined;
  if (n >= 1e12) return n;
  if (n >= 1e9) return n * 1000;
  return now + n * 1000;
}

function parseNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
