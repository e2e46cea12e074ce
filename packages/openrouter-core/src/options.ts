import type { HeadersInput } from "./internal/build-headers.js";
import { readEnv } from "./internal/env.js";
import { sleep as defaultSleep } from "./sleep.js";
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
export interface ResolvedOptions extends RequestOptions {
  /** Without a trailing slash. */
  baseURL: string;
  defaultHeaders: Record<string, string | null | undefined>;
  fetch: typeof fetch;
  timeout: number;
  idleTimeout: number;
  maxRetries: number;
  retry: RetryOptions;
  logger: Logger;
  sleep: SleepFunction;
}

export const DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

/**
 * The defaults every request starts from. `apiKey`, `baseURL` and `logger` are not here: their
 * defaults come from the environment, read in `resolveOptions`.
 */
const DEFAULTS: Partial<RequestOptions> = {
  timeout: DEFAULT_TIMEOUT_MS,
  idleTimeout: DEFAULT_IDLE_TIMEOUT_MS,
  maxRetries: DEFAULT_MAX_RETRIES,
  retry: DEFAULT_RETRY_OPTIONS,
  defaultHeaders: {},
  // Looked up at call time (polyfills installed after construction still apply) and called
  // unbound-safe (browsers throw "Illegal invocation" for `fetch` called as another object's method).
  fetch: (input, init) => globalThis.fetch(input, init),
  sleep: defaultSleep,
};

/**
 * Merges option layers onto `target` (later wins, `undefined` means "not set"), combining
 * `defaultHeaders` and `retry` rather than replacing them.
 */
export function mergeOptions<T extends ClientOptions>(
  target: T,
  ...layers: Array<Partial<T> | undefined>
): T {
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {}) as Array<[keyof T & string, unknown]>) {
      if (value === undefined) continue;
      target[key] = (
        key === "defaultHeaders" || key === "retry"
          ? mergeOptions({ ...(target[key] as object) }, value as object)
          : value
      ) as T[keyof T & string];
    }
  }
  return target;
}

/** Applies every default once, per request, so later code never re-derives one. */
export function resolveOptions(client: ClientOptions, call?: RequestOptions): ResolvedOptions {
  const o = mergeOptions<RequestOptions>({ ...DEFAULTS }, client, call);
  o.apiKey ??= readEnv("OPENROUTER_API_KEY");
  // One trailing slash removed, as openapi-fetch's `removeTrailingSlash` does, so paths append cleanly.
  o.baseURL = (o.baseURL ?? readEnv("OPENROUTER_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/$/, "");
  o.appTitle ??= o.xTitle;
  o.maxRetries = Math.max(0, Math.floor(o.maxRetries!));
  o.logger = resolveLogger(o);
  return o as ResolvedOptions;
}
