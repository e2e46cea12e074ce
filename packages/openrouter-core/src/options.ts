import type { HeadersInput } from "./internal/merge-headers.js";
import { readEnv } from "./internal/env.js";
import { sleep as defaultSleep } from "./internal/sleep.js";
import { resolveLogger, type Logger } from "./logger.js";
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from "./retry.js";

/** An API key, or a function returning one (called before every request, so keys can rotate). */
export type ApiKeySource = string | (() => string | Promise<string>);

/** An abort-aware sleep: resolve after `ms`, reject promptly when `signal` aborts. */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Client configuration. Every option can also be passed per request in {@link RequestOptions}. */
export interface ClientOptions {
  /**
   * Sent as `Authorization: Bearer <key>`. Never logged and redacted from errors.
   * @default process.env.OPENROUTER_API_KEY (or Deno.env); a request without a key fails with MissingApiKeyError
   */
  apiKey?: ApiKeySource | undefined;
  /** @default process.env.OPENROUTER_BASE_URL ?? "https://openrouter.ai/api/v1" */
  baseURL?: string | undefined;
  /** Your site URL, sent as `HTTP-Referer` for attribution on openrouter.ai. @default undefined */
  httpReferer?: string | undefined;
  /** Your app's name, sent as both `X-OpenRouter-Title` and `X-Title`. @default undefined */
  appTitle?: string | undefined;
  /** The older name of `appTitle` (used by the Python library); `appTitle` wins if both are set. @default undefined */
  xTitle?: string | undefined;
  /** App categories, sent comma-joined as `X-OpenRouter-Categories`. @default undefined */
  appCategories?: string[] | undefined;
  /** Extra headers on every request; `null` removes a header the client would send. @default {} */
  defaultHeaders?: Record<string, string | null | undefined> | undefined;
  /** The fetch implementation (a proxy-aware one, a test double). @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /**
   * Milliseconds to wait for response headers, per attempt. A timed-out attempt is retried.
   * `0` or `Infinity` disables it.
   * @default 60_000
   */
  timeout?: number | undefined;
  /**
   * Milliseconds allowed between received bytes once headers have arrived, for streams and bodies.
   * Keep-alive comments (`: OPENROUTER PROCESSING`) count as bytes, so a slow model that is still
   * being waited on does not trip it. Only runs while the SDK is waiting for data, never while your
   * code handles an event. `0` or `Infinity` disables it.
   * @default 60_000
   */
  idleTimeout?: number | undefined;
  /** Retries after the first attempt (so `maxRetries + 1` attempts at most). @default 2 */
  maxRetries?: number | undefined;
  /** Backoff tuning; see {@link RetryOptions}. @default DEFAULT_RETRY_OPTIONS */
  retry?: Partial<RetryOptions> | undefined;
  /** Receives debug logs (requests, statuses, timings, retries) and, via `trace`, bodies. @default undefined */
  logger?: Logger | undefined;
  /** Log to the console when no `logger` is given. @default process.env.OPENROUTER_DEBUG is "1"/"true"/"yes"/"on" */
  debug?: boolean | undefined;
  /** How to wait between retries; inject a fast one in tests. @default a setTimeout-based, abort-aware sleep */
  sleep?: SleepFunction | undefined;
}

/** Per-request options: any client option, plus a cancellation signal and extra headers. */
export interface RequestOptions extends ClientOptions {
  /** Aborts the request, its retries and backoff, and any stream it returns. @default undefined */
  signal?: AbortSignal | undefined;
  /** Headers for this request only; they win over everything else, `null` removes one. @default undefined */
  headers?: HeadersInput | undefined;
}

/** Options after defaults: what the request pipeline reads. */
export interface ResolvedOptions {
  apiKey: ApiKeySource | undefined;
  /** Without a trailing slash. */
  baseURL: string;
  httpReferer: string | undefined;
  appTitle: string | undefined;
  appCategories: string[] | undefined;
  defaultHeaders: Record<string, string | null | undefined>;
  headers: HeadersInput | undefined;
  fetch: typeof fetch;
  timeout: number;
  idleTimeout: number;
  maxRetries: number;
  retry: RetryOptions;
  logger: Logger;
  sleep: SleepFunction;
  signal: AbortSignal | undefined;
}

export const DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

/**
 * The default `fetch`: looked up at call time (polyfills installed after construction still apply)
 * and called unbound-safe (browsers throw "Illegal invocation" for `fetch` called as a method of
 * another object).
 */
const defaultFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** Merges option layers (later wins), combining `defaultHeaders` and `retry` rather than replacing them. */
export function mergeOptions<T extends ClientOptions>(
  base: T,
  override: Partial<T> | undefined,
): T {
  if (!override) return base;
  const merged = assignDefined({ ...base }, override);
  if (base.defaultHeaders || override.defaultHeaders) {
    merged.defaultHeaders = { ...base.defaultHeaders, ...override.defaultHeaders };
  }
  if (base.retry || override.retry) merged.retry = { ...base.retry, ...override.retry };
  return merged;
}

/** Applies every default once, per request, so later code never re-derives one. */
export function resolveOptions(client: ClientOptions, call?: RequestOptions): ResolvedOptions {
  const o: RequestOptions = mergeOptions<RequestOptions>(client, call);
  const userFetch = o.fetch;
  return {
    apiKey: o.apiKey ?? readEnv("OPENROUTER_API_KEY"),
    baseURL: withoutTrailingSlash(o.baseURL ?? readEnv("OPENROUTER_BASE_URL") ?? DEFAULT_BASE_URL),
    httpReferer: o.httpReferer,
    appTitle: o.appTitle ?? o.xTitle,
    appCategories: o.appCategories,
    defaultHeaders: o.defaultHeaders ?? {},
    headers: call?.headers,
    fetch: userFetch ?? defaultFetch,
    timeout: o.timeout ?? DEFAULT_TIMEOUT_MS,
    idleTimeout: o.idleTimeout ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxRetries: Math.max(0, Math.floor(o.maxRetries ?? DEFAULT_MAX_RETRIES)),
    retry: assignDefined({ ...DEFAULT_RETRY_OPTIONS }, o.retry),
    logger: resolveLogger(o),
    sleep: o.sleep ?? defaultSleep,
    signal: call?.signal,
  };
}

/** One trailing slash removed, as openapi-fetch's `removeTrailingSlash` does, so paths append cleanly. */
function withoutTrailingSlash(url: string): string {
  return url.endsWith("/") ? url.slice(0, -1) : url;
}

/** Copies the entries of `source` that are not `undefined` onto `target`. */
function assignDefined<T extends object>(target: T, source: Partial<T> | undefined): T {
  for (const [key, value] of Object.entries(source ?? {})) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}
