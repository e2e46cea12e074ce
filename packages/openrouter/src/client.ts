import type { RequestOptions } from "@orkit/openrouter-core";
import { OpenRouterResources } from "./client.gen.js";
import {
  getAccountInfo,
  getRateLimits,
  type AccountInfo,
  type RateLimits,
} from "./helpers/account/index.js";
import {
  calculateCost,
  type Cost,
  type CostUsage,
  type PricedModel,
} from "./helpers/cost/calculate-cost.js";
import { ChatWithFallbackResource } from "./helpers/fallback/chat-resource.js";
import {
  chooseFallbacks,
  type ChooseFallbacksOptions,
  type FallbackStrategy,
} from "./helpers/fallback/strategies.js";
import type { ModelInfo } from "./helpers/models/cache.js";
import {
  getModelInfo,
  getModelsByProvider,
  listModels,
  searchModels,
  type ModelLookupOptions,
} from "./helpers/models/search.js";

/**
 * The OpenRouter API client: every resource as a namespace (`client.chat.send(…)`,
 * `client.models.list()`, `client.beta.responses.send(…)`), on the core runtime (auth, retries,
 * timeouts, streaming, typed errors). Hand-written so helpers can extend the generated namespaces:
 * `client.chat.sendWithFallback(…)`, and model, cost and account helpers as methods. Every method
 * is also a standalone function taking the client first (`searchModels(client, "claude")`).
 *
 * @example
 * ```ts
 * await using client = new OpenRouter({ appTitle: "My app" }); // reads OPENROUTER_API_KEY
 * const completion = await client.chat.send({
 *   model: "openai/gpt-4o-mini",
 *   messages: [{ role: "user", content: "Hi" }],
 * });
 * const cost = await client.calculateCost("openai/gpt-4o-mini", completion.usage!);
 * ```
 */
export class OpenRouter extends OpenRouterResources {
  #chatWithFallback: ChatWithFallbackResource | undefined;

  /**
   * Chat completions (`@orkit/openrouter-chat`): `send` as generated, plus `sendWithFallback`.
   *
   * @example
   * ```ts
   * await client.chat.sendWithFallback({ model: "openai/gpt-4o", fallbackModels: ["anthropic/claude-3.5-sonnet"], messages });
   * ```
   */
  override get chat(): ChatWithFallbackResource {
    return (this.#chatWithFallback ??= new ChatWithFallbackResource(this));
  }

  /**
   * Every model of the catalogue, cached (5 minutes by default). See `listModels`.
   *
   * @example
   * ```ts
   * const models = await client.listModels();
   * ```
   */
  listModels(options?: ModelLookupOptions): Promise<ModelInfo[]> {
    return listModels(this, options);
  }

  /**
   * Models whose id, name or description match `text`, id/name hits first. See `searchModels`.
   *
   * @example
   * ```ts
   * const hits = await client.searchModels("sonnet");
   * ```
   */
  searchModels(
    text: string,
    options?: ModelLookupOptions & { limit?: number },
  ): Promise<ModelInfo[]> {
    return searchModels(this, text, options);
  }

  /**
   * Models of one provider (`"openai"`, `"anthropic"`, `"meta"`, …). See `getModelsByProvider`.
   *
   * @example
   * ```ts
   * const google = await client.getModelsByProvider("google");
   * ```
   */
  getModelsByProvider(provider: string, options?: ModelLookupOptions): Promise<ModelInfo[]> {
    return getModelsByProvider(this, provider, options);
  }

  /**
   * One model's details; rejects with `ModelNotFoundError` when unknown. See `getModelInfo`.
   *
   * @example
   * ```ts
   * const { context_length, pricing } = await client.getModelInfo("openai/gpt-4o");
   * ```
   */
  getModelInfo(id: string, options?: ModelLookupOptions): Promise<ModelInfo> {
    return getModelInfo(this, id, options);
  }

  /**
   * Ordered fallback model ids for `primaryModel` by strategy. See `chooseFallbacks`.
   *
   * @example
   * ```ts
   * const ids = await client.chooseFallbacks("openai/gpt-4o", "cost", { limit: 2 });
   * ```
   */
  chooseFallbacks(
    primaryModel: string,
    strategy: FallbackStrategy,
    options?: ChooseFallbacksOptions,
  ): Promise<string[]> {
    return chooseFallbacks(this, primaryModel, strategy, options);
  }

  /**
   * The exact cost of `usage` at a model's prices (looked up by id in the cached catalogue, or
   * taken from the model object given). See `calculateCost`.
   *
   * @example
   * ```ts
   * const cost = await client.calculateCost("openai/gpt-4o-mini", { prompt_tokens: 1200, completion_tokens: 300 });
   * console.log(cost.total, cost.variable);
   * ```
   */
  calculateCost(
    model: string | PricedModel,
    usage: CostUsage,
    options?: ModelLookupOptions,
  ): Promise<Cost> {
    return calculateCost(model, usage, { ...options, client: this });
  }

  /**
   * The key's request rate limit (`X-RateLimit-*`) and spending limit. See `getRateLimits`.
   *
   * @example
   * ```ts
   * const { requests } = await client.getRateLimits();
   * ```
   */
  getRateLimits(options?: RequestOptions): Promise<RateLimits> {
    return getRateLimits(this, options);
  }

  /**
   * Key metadata, credits and rate limits in one call. See `getAccountInfo`.
   *
   * @example
   * ```ts
   * const { key, credits } = await client.getAccountInfo();
   * ```
   */
  getAccountInfo(options?: RequestOptions): Promise<AccountInfo> {
    return getAccountInfo(this, options);
  }
}
