import {
  isPermissionDeniedError,
  parseRateLimitHeaders,
  type Client,
  type RateLimitInfo,
  type RequestOptions,
} from "@orkit/openrouter-core";
import {
  apiKeysGetCurrentKeyMetadata,
  type ApiKeysGetCurrentKeyMetadataResponse,
} from "@orkit/openrouter-api-keys";
import { creditsGetCredits } from "@orkit/openrouter-credits";
import { decimalFromNumber, formatDecimal, subDecimal } from "../cost/decimal.js";

/**
 * The current key's metadata (`GET /key` → `data`): label, limits, usage, free tier, expiry.
 *
 * @example
 * ```ts
 * const { key }: { key: KeyMetadata } = await getAccountInfo(client);
 * console.log(key.label, key.usage_daily);
 * ```
 */
export type KeyMetadata = ApiKeysGetCurrentKeyMetadataResponse["data"];

/**
 * Rate-limit and spending-limit state of the current key.
 *
 * @example
 * ```ts
 * const limits: RateLimits = await getRateLimits(client);
 * if (limits.requests.remaining === 0) await sleepUntil(limits.requests.reset);
 * ```
 */
export interface RateLimits {
  /** Request rate limit from the `X-RateLimit-*` headers of the `GET /key` response (fields absent when not sent). */
  requests: RateLimitInfo;
  /** The key's spending limit in USD: `limit` (null = unlimited), `remaining`, `reset` period (`"monthly"`, …), `usage` so far. */
  spending: {
    limit: number | null;
    remaining: number | null;
    reset: string | null;
    usage: number;
  };
  /** Free-tier keys have lower request limits (e.g. on `:free` models). */
  isFreeTier: boolean;
  /** The key's deprecated `rate_limit` object as sent (OpenRouter says it is safe to ignore). */
  legacy: { requests: number; interval: string } | undefined;
}

/**
 * Account overview: the key, the credits, the limits.
 *
 * @example
 * ```ts
 * const info: AccountInfo = await getAccountInfo(client);
 * console.log(`${info.credits?.remaining ?? "∞"} USD left`);
 * ```
 */
export interface AccountInfo {
  key: KeyMetadata;
  /**
   * Credits in USD. From `GET /credits` (`source: "credits"`) when the key may read it (a
   * management key); otherwise from the key's own limit and usage (`source: "key"`), or `null`
   * when the key has no limit. `remaining = total - used`, computed in exact decimal.
   */
  credits: { total: number; used: number; remaining: number; source: "credits" | "key" } | null;
  rateLimit: RateLimits;
}

function rateLimitsOf(key: KeyMetadata, response: Response): RateLimits {
  const legacy = key.rate_limit as KeyMetadata["rate_limit"] | undefined;
  return {
    requests: parseRateLimitHeaders(response),
    spending: {
      limit: key.limit ?? null,
      remaining: key.limit_remaining ?? null,
      reset: key.limit_reset ?? null,
      usage: key.usage,
    },
    isFreeTier: key.is_free_tier,
    legacy: legacy ? { requests: legacy.requests, interval: legacy.interval } : undefined,
  };
}

/** `a - b` without float drift (`100.5 - 25.3` is `75.2`). */
function minus(a: number, b: number): number {
  return Number(formatDecimal(subDecimal(decimalFromNumber(a), decimalFromNumber(b))));
}

/**
 * The current key's rate and spending limits: `GET /key` for the key's limit/usage/tier, and that
 * response's `X-RateLimit-Limit/Remaining/Reset` headers (via `.withResponse()` and
 * `parseRateLimitHeaders`) for the request rate.
 *
 * @example
 * ```ts
 * const { requests, spending } = await getRateLimits(client);
 * console.log(requests.remaining, requests.reset, spending.remaining);
 * ```
 */
export async function getRateLimits(client: Client, options?: RequestOptions): Promise<RateLimits> {
  const { data, response } = await apiKeysGetCurrentKeyMetadata(client, options).withResponse();
  return rateLimitsOf(data.data, response);
}

/**
 * Key metadata and credits, fetched in parallel, with the rate limits: `{ key, credits, rateLimit }`.
 * A 403 from `GET /credits` (it needs a management key) is not an error: credits then come from the
 * key's limit. Any other failure rejects.
 *
 * @example
 * ```ts
 * const { key, credits, rateLimit } = await getAccountInfo(client);
 * console.log(key.label, credits?.remaining, rateLimit.requests.remaining);
 * ```
 */
export async function getAccountInfo(
  client: Client,
  options?: RequestOptions,
): Promise<AccountInfo> {
  const [keyResult, creditsResult] = await Promise.all([
    apiKeysGetCurrentKeyMetadata(client, options).withResponse(),
    creditsGetCredits(client, options).then(
      (r) => r.data,
      (error: unknown) => {
        if (isPermissionDeniedError(error)) return undefined;
        throw error;
      },
    ),
  ]);
  const key = keyResult.data.data;
  let credits: AccountInfo["credits"] = null;
  if (creditsResult) {
    const { total_credits: total, total_usage: used } = creditsResult;
    credits = { total, used, remaining: minus(total, used), source: "credits" };
  } else if (typeof key.limit === "number") {
    credits = {
      total: key.limit,
      used: key.usage,
      remaining: key.limit_remaining ?? minus(key.limit, key.usage),
      source: "key",
    };
  }
  return { key, credits, rateLimit: rateLimitsOf(key, keyResult.response) };
}
