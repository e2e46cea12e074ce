import type { Client, RequestOptions } from "@orkit/openrouter-core";
import { endpointsList, type PublicEndpoint } from "@orkit/openrouter-endpoints";
import { modelsList, type Model } from "@orkit/openrouter-models";

/**
 * One model of `GET /models`: id, name, description, architecture, string prices, limits.
 *
 * @example
 * ```ts
 * const model: ModelInfo = await getModelInfo(client, "openai/gpt-4o");
 * console.log(model.architecture.modality, model.pricing.completion); // "text+image->text" "0.00001"
 * ```
 */
export type ModelInfo = Model;

/**
 * One provider endpoint of `GET /models/{author}/{slug}/endpoints`, with latency/throughput/uptime stats.
 *
 * @example
 * ```ts
 * const [best]: ModelEndpoint[] = await defaultModelCache.endpoints(client, "openai/gpt-4o");
 * console.log(best?.provider_name, best?.latency_last_30m?.p50, best?.uptime_last_30m);
 * ```
 */
export type ModelEndpoint = PublicEndpoint;

/**
 * Five minutes: how long a {@link ModelCache} keeps `/models` and endpoint stats by default.
 *
 * @example
 * ```ts
 * const cache = createModelCache({ ttlMs: DEFAULT_MODEL_CACHE_TTL_MS * 2 }); // 10 minutes
 * ```
 */
export const DEFAULT_MODEL_CACHE_TTL_MS = 5 * 60_000;

/**
 * Options of {@link createModelCache}.
 *
 * @example
 * ```ts
 * const options: ModelCacheOptions = { ttlMs: 30_000, now: () => fakeClock.now };
 * const cache = createModelCache(options);
 * ```
 */
export interface ModelCacheOptions {
  /** How long fetched data stays fresh, in milliseconds. @default 300_000 (5 minutes) */
  ttlMs?: number;
  /** The clock, in milliseconds (inject a fake one in tests). @default Date.now */
  now?: () => number;
}

/**
 * A TTL cache of the model catalogue (`GET /models?output_modalities=all`) and per-model endpoint
 * stats, kept separately for every client it is used with (a client is the cache key, so two
 * clients with different keys or base URLs never share data). Concurrent misses share one request;
 * a failed fetch is not cached.
 *
 * @example
 * ```ts
 * const cache = createModelCache({ ttlMs: 60_000 });
 * const models = await cache.models(client);               // fetches
 * const again = await cache.models(client);                // from the cache for a minute
 * const endpoints = await cache.endpoints(client, "openai/gpt-4o");
 * ```
 */
export interface ModelCache {
  readonly ttlMs: number;
  /** Every model (all output modalities), from the cache when fresh. */
  models(client: Client, options?: RequestOptions): Promise<ModelInfo[]>;
  /** The endpoints (providers) serving `modelId` with their live stats, from the cache when fresh. */
  endpoints(client: Client, modelId: string, options?: RequestOptions): Promise<ModelEndpoint[]>;
  /** The cached endpoints of `modelId` when fresh, without any request; `undefined` otherwise. */
  peekEndpoints(client: Client, modelId: string): ModelEndpoint[] | undefined;
  /** Drops everything (for every client). */
  clear(): void;
}

interface Entry<T> {
  value?: T;
  expires: number;
  pending?: Promise<T>;
}

interface ClientEntries {
  models?: Entry<ModelInfo[]>;
  endpoints: Map<string, Entry<ModelEndpoint[]>>;
}

/**
 * Creates a {@link ModelCache}. The helpers (`searchModels`, `chooseFallbacks`, `calculateCost`, …)
 * take one as `{ cache }`; without it they share {@link defaultModelCache}.
 *
 * @example
 * ```ts
 * let t = 0;
 * const cache = createModelCache({ ttlMs: 1_000, now: () => t });
 * await getModelInfo(client, "openai/gpt-4o", { cache }); // GET /models
 * t = 500;  await getModelInfo(client, "openai/gpt-4o", { cache }); // no request
 * t = 1000; await getModelInfo(client, "openai/gpt-4o", { cache }); // GET /models again
 * ```
 */
export function createModelCache(options: ModelCacheOptions = {}): ModelCache {
  const ttlMs = options.ttlMs ?? DEFAULT_MODEL_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  if (!(ttlMs >= 0)) throw new RangeError(`ttlMs must be >= 0, got ${ttlMs}`);
  let byClient = new WeakMap<object, ClientEntries>();

  const entriesOf = (client: Client): ClientEntries => {
    let entries = byClient.get(client);
    if (!entries) byClient.set(client, (entries = { endpoints: new Map() }));
    return entries;
  };

  function cached<T>(
    get: () => Entry<T> | undefined,
    set: (entry: Entry<T> | undefined) => void,
    load: () => Promise<T>,
  ): Promise<T> {
    const entry = get();
    if (entry?.pending) return entry.pending;
    if (entry && "value" in entry && now() < entry.expires)
      return Promise.resolve(entry.value as T);
    const pending = load().then(
      (value) => {
        set({ value, expires: now() + ttlMs });
        return value;
      },
      (error: unknown) => {
        if (get()?.pending === pending) set(undefined);
        throw error;
      },
    );
    set({ ...entry, expires: entry?.expires ?? 0, pending });
    return pending;
  }

  return {
    ttlMs,
    models(client, requestOptions) {
      const entries = entriesOf(client);
      return cached(
        () => entries.models,
        (entry) => (entries.models = entry),
        async () => (await modelsList(client, { output_modalities: "all" }, requestOptions)).data,
      );
    },
    endpoints(client, modelId, requestOptions) {
      const entries = entriesOf(client).endpoints;
      return cached(
        () => entries.get(modelId),
        (entry) => (entry ? entries.set(modelId, entry) : entries.delete(modelId)),
        async () => {
          const { author, slug } = splitModelId(modelId);
          return (await endpointsList(client, { author, slug }, requestOptions)).data.endpoints;
        },
      );
    },
    peekEndpoints(client, modelId) {
      const entry = byClient.get(client)?.endpoints.get(modelId);
      return entry && "value" in entry && now() < entry.expires ? entry.value : undefined;
    },
    clear() {
      byClient = new WeakMap();
    },
  };
}

/**
 * The cache the helpers use when none is passed: 5-minute TTL on the real clock, per client.
 *
 * @example
 * ```ts
 * defaultModelCache.clear(); // force the next helper call to refetch /models
 * ```
 */
export const defaultModelCache: ModelCache = /* @__PURE__ */ createModelCache();

/**
 * `"author/slug"` (a model id such as `"meta-llama/llama-3.1-8b-instruct"`) as path parameters.
 * Throws `TypeError` when there is no `/`.
 *
 * @example
 * ```ts
 * splitModelId("openai/gpt-4o"); // { author: "openai", slug: "gpt-4o" }
 * ```
 */
export function splitModelId(modelId: string): { author: string; slug: string } {
  const slash = modelId.indexOf("/");
  if (slash <= 0 || slash === modelId.length - 1) {
    throw new TypeError(`Model id must look like "author/slug", got ${JSON.stringify(modelId)}`);
  }
  return { author: modelId.slice(0, slash), slug: modelId.slice(slash + 1) };
}
