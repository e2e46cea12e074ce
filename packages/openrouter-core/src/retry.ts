import { headerNumber, parseResetHeader } from "./rate-limit.js";

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

/** Where a server-sent delay came from. */
type HintSource = Exclude<RetryDelaySource, "backoff">;

/**
 * Whether a response with this status should be retried. An explicit `x-should-retry: true|false`
 * from the server wins; otherwise 408 (server timeout), 409 (lock conflict), 429 (rate limit) and
 * every 5xx (502/503/524/529 included) are retried, and no other status is. (Rules after
 * openai-node's `shouldRetry`.)
 */
export function shouldRetryResponse(status: number, headers?: Headers): boolean {
  // Header values come trimmed (Headers normalises them).
  const hint = headers?.get("x-should-retry")?.toLowerCase();
  return hint === "true" || (hint !== "false" && /^(40[89]|429|5\d\d)$/.test(String(status)));
}

/**
 * The first usable delay the server asked for, as `[source, ms]`, uncapped: `retry-after-ms`,
 * then `Retry-After` (seconds or an HTTP date), then `X-RateLimit-Reset` (epoch ms). Negative or
 * unparsable values (`NaN` for an absent header) fall through to the next header.
 */
function serverHint(headers: Headers, now: number): [HintSource, number] | undefined {
  const retryAfter = headers.get("retry-after") ?? "";
  const seconds = headerNumber(retryAfter);
  const hints: Array<[HintSource, number]> = [
    ["retry-after-ms", headerNumber(headers.get("retry-after-ms"))],
    // Not seconds (`NaN`, or negative and so unusable anyway): an HTTP date, or `NaN` when absent.
    ["retry-after", seconds >= 0 ? seconds * 1000 : Date.parse(retryAfter) - now],
    ["x-ratelimit-reset", parseResetHeader(headers.get("x-ratelimit-reset"), now) - now],
  ];
  return hints.find(([, delayMs]) => delayMs >= 0 && delayMs < Infinity);
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
  const hint = serverHint(headers, now);
  return hint && { delayMs: hint[1], source: hint[0] };
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
 * {@link retryDelay} as `[source, delayMs]`, with positional arguments: the form the transport
 * calls (a tuple and positions need no property names in the bundle).
 */
export function nextRetryDelay(
  retryNumber: number,
  options: RetryOptions,
  headers?: Headers,
  now = Date.now(),
  random?: () => number,
): [RetryDelaySource, number] {
  const hint = headers && serverHint(headers, now);
  return hint
    ? [hint[0], Math.min(hint[1], options.maxRetryAfterMs)]
    : ["backoff", backoffDelay(retryNumber, options, random)];
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
  const [source, delayMs] = nextRetryDelay(
    input.retryNumber,
    input.options,
    input.headers,
    input.now,
    input.random,
  );
  return { delayMs, source };
}
