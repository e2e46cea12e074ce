import { parseResetHeader } from "./rate-limit.js";

/** Backoff tuning. Every field has a default; pass any subset as `retry`. */
export interface RetryOptions {
  /** Delay before the first retry, before jitter. @default 1000 */
  initialDelayMs: number;
  /** Multiplier applied per further retry. @default 2 */
  factor: number;
  /** Upper bound for a computed backoff delay. @default 60_000 */
  maxDelayMs: number;
  /** Upper bound for a delay the server asks for (`Retry-After`, `X-RateLimit-Reset`, …). @default 60_000 */
  maxRetryAfterMs: number;
  /**
   * `"full"`: a uniform random delay in [0, backoff], which spreads out clients that failed
   * together (AWS "Exponential Backoff And Jitter"). `"none"`: exactly the backoff.
   * @default "full"
   */
  jitter: "full" | "none";
}

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = Object.freeze({
  initialDelayMs: 1000,
  factor: 2,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 60_000,
  jitter: "full",
});

/** Where a retry delay came from; logged with each retry decision. */
export type RetryDelaySource = "retry-after-ms" | "retry-after" | "x-ratelimit-reset" | "backoff";

/**
 * Whether a response with this status should be retried. An explicit `x-should-retry: true|false`
 * from the server wins; otherwise 408 (server timeout), 409 (lock conflict), 429 (rate limit) and
 * every 5xx (502/503/524/529 included) are retried, and no other status is. (Rules after
 * openai-node's `shouldRetry`.)
 */
export function shouldRetryResponse(status: number, headers?: Headers): boolean {
  const hint = headers?.get("x-should-retry")?.trim().toLowerCase();
  if (hint === "true") return true;
  if (hint === "false") return false;
  return status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * The delay the server asked for, in ms, uncapped: `retry-after-ms`, then `Retry-After` (seconds
 * or an HTTP date), then `X-RateLimit-Reset` (epoch ms). Negative or unparsable values fall
 * through to the next header; `undefined` when none applies.
 */
export function serverRetryDelay(
  headers: Headers,
  now = Date.now(),
): { delayMs: number; source: Exclude<RetryDelaySource, "backoff"> } | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  const hints = {
    "retry-after-ms": Number(headers.get("retry-after-ms") ?? NaN),
    "retry-after": !retryAfter
      ? NaN
      : Number.isFinite(Number(retryAfter))
        ? Number(retryAfter) * 1000
        : Date.parse(retryAfter) - now,
    "x-ratelimit-reset": (parseResetHeader(headers.get("x-ratelimit-reset"), now) ?? NaN) - now,
  };
  for (const [source, delayMs] of Object.entries(hints)) {
    if (delayMs >= 0 && delayMs < Infinity)
      return { delayMs, source: source as keyof typeof hints };
  }
  return undefined;
}

/**
 * Exponential backoff for the `retryNumber`-th retry (1-based):
 * `min(maxDelayMs, initialDelayMs * factor^(retryNumber-1))`, then jitter.
 */
export function backoffDelay(
  retryNumber: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  const exponential = options.initialDelayMs * options.factor ** Math.max(0, retryNumber - 1);
  const capped = Math.min(options.maxDelayMs, exponential);
  return options.jitter === "full" ? Math.floor(random() * capped) : capped;
}

/**
 * How long to wait before the `retryNumber`-th retry: the server's hint capped at
 * `maxRetryAfterMs`, else backoff.
 */
export function retryDelay(input: {
  retryNumber: number;
  options: RetryOptions;
  headers?: Headers | undefined;
  now?: number;
  random?: () => number;
}): { delayMs: number; source: RetryDelaySource } {
  const hint = input.headers ? serverRetryDelay(input.headers, input.now) : undefined;
  if (hint) {
    return { delayMs: Math.min(hint.delayMs, input.options.maxRetryAfterMs), source: hint.source };
  }
  return {
    delayMs: backoffDelay(input.retryNumber, input.options, input.random),
    source: "backoff",
  };
}
