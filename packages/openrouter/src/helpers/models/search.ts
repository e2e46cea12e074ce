import { ModelNotFoundError, type Client, type RequestOptions } from "@orkit/openrouter-core";
import { defaultModelCache, type ModelCache, type ModelInfo } from "./cache.js";

/**
 * Options shared by the model helpers.
 *
 * @example
 * ```ts
 * await searchModels(client, "gpt", { cache: createModelCache({ ttlMs: 60_000 }), requestOptions: { timeout: 5_000 } });
 * ```
 */
export interface ModelLookupOptions {
  /** Where `/models` (and endpoint stats) are cached. @default defaultModelCache (5 minutes) */
  cache?: ModelCache;
  /** Per-request options for a fetch the cache has to make (signal, timeout, headers, …). */
  requestOptions?: RequestOptions;
}

/**
 * Every model of the catalogue (all output modalities), from the model cache.
 *
 * @example
 * ```ts
 * const models = await listModels(client);
 * console.log(models.length, models[0]?.id);
 * ```
 */
export function listModels(client: Client, options: ModelLookupOptions = {}): Promise<ModelInfo[]> {
  return (options.cache ?? defaultModelCache).models(client, options.requestOptions);
}

/**
 * Case-insensitive search over model id, name and description. Every whitespace-separated term
 * must occur in one of the three. Ranked: the whole query in the id or name first, then all terms
 * in id/name, then description-only matches; the catalogue's order within a rank. An empty query
 * returns every model.
 *
 * @example
 * ```ts
 * const hits = await searchModels(client, "claude sonnet");
 * console.log(hits.map((m) => m.id)); // ["anthropic/claude-3.5-sonnet", …]
 * ```
 */
export async function searchModels(
  client: Client,
  text: string,
  options: ModelLookupOptions & { limit?: number } = {},
): Promise<ModelInfo[]> {
  const models = await listModels(client, options);
  const query = text.trim().toLowerCase();
  const terms = query.split(/\s+/).filter(Boolean);
  if (terms.length === 0)
    return options.limit === undefined ? models : models.slice(0, options.limit);
  const ranked: Array<{ model: ModelInfo; rank: number; index: number }> = [];
  models.forEach((model, index) => {
    const title = `${model.id}\n${model.name}`.toLowerCase();
    const description = (model.description ?? "").toLowerCase();
    if (!terms.every((t) => title.includes(t) || description.includes(t))) return;
    const rank = title.includes(query) ? 0 : terms.every((t) => title.includes(t)) ? 1 : 2;
    ranked.push({ model, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const result = ranked.map((r) => r.model);
  return options.limit === undefined ? result : result.slice(0, options.limit);
}

// Provider names people type → the author prefix OpenRouter uses in model ids.
const AUTHOR_ALIASES: Record<string, string[]> = {
  meta: ["metallama"],
  mistral: ["mistralai"],
  moonshot: ["moonshotai"],
  amazonnova: ["amazon"],
  googleaistudio: ["google"],
  googlevertex: ["google"],
};

/** Lower-case with everything but letters and digits removed: `"Z.AI"` → `"zai"`, `"x-ai"` → `"xai"`. */
function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The models of one provider: those whose id starts with `provider/` (the author: `"openai"`,
 * `"anthropic"`, `"google"`; case, punctuation and common aliases such as `"meta"` →
 * `meta-llama/…` or `"mistral"` → `mistralai/…` are handled), plus models whose endpoint stats are
 * already in the cache and list an endpoint with that provider name (e.g. `"Together"` hosting a
 * `meta-llama/…` model). No endpoint stats are fetched by this call.
 *
 * @example
 * ```ts
 * const anthropic = await getModelsByProvider(client, "anthropic");
 * const meta = await getModelsByProvider(client, "Meta"); // meta-llama/…
 * ```
 */
export async function getModelsByProvider(
  client: Client,
  provider: string,
  options: ModelLookupOptions = {},
): Promise<ModelInfo[]> {
  const cache = options.cache ?? defaultModelCache;
  const models = await cache.models(client, options.requestOptions);
  const wanted = normalizeName(provider);
  if (!wanted) return [];
  const authors = new Set([wanted, ...(AUTHOR_ALIASES[wanted] ?? [])]);
  return models.filter((model) => {
    const author = normalizeName(model.id.split("/", 1)[0] ?? "");
    if (authors.has(author)) return true;
    const endpoints = cache.peekEndpoints(client, model.id);
    return endpoints?.some((e) => normalizeName(e.provider_name) === wanted) ?? false;
  });
}

/**
 * One model's details from the cached catalogue, by id (or canonical slug). Throws
 * `ModelNotFoundError` (core's `NotFoundError`, status 404) when the catalogue has no such model.
 *
 * @example
 * ```ts
 * try {
 *   const model = await getModelInfo(client, "openai/gpt-4o");
 *   console.log(model.context_length, model.pricing.prompt);
 * } catch (e) {
 *   if (isModelNotFoundError(e)) console.log("no such model");
 * }
 * ```
 */
export async function getModelInfo(
  client: Client,
  id: string,
  options: ModelLookupOptions = {},
): Promise<ModelInfo> {
  const models = await listModels(client, options);
  const model =
    models.find((m) => m.id === id) ??
    models.find((m) => m.canonical_slug === id) ??
    models.find((m) => m.id.toLowerCase() === id.toLowerCase());
  if (!model) throw modelNotFound(id);
  return model;
}

/**
 * The `ModelNotFoundError` the helpers throw for a model id the catalogue lacks: status and code
 * 404, no response headers.
 *
 * @example
 * ```ts
 * throw modelNotFound("acme/unknown"); // ModelNotFoundError: 404 Model not found: acme/unknown
 * ```
 */
export function modelNotFound(id: string): InstanceType<typeof ModelNotFoundError> {
  const message = `Model not found: ${id}`;
  return new ModelNotFoundError(`404 ${message}`, {
    status: 404,
    code: 404,
    body: { error: { code: 404, message } },
  });
}
