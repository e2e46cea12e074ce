import type { Client } from "@orkit/openrouter-core";
import { getModelInfo, type ModelLookupOptions } from "../models/search.js";
import {
  addDecimal,
  formatDecimal,
  mulDecimal,
  parseDecimal,
  ZERO,
  type Decimal,
} from "./decimal.js";

/**
 * Per-unit prices as OpenRouter publishes them: decimal strings in USD (per token unless noted).
 * `"-1"` means variable pricing (e.g. `openrouter/auto`). A model's `pricing` and an endpoint's
 * `pricing` both fit.
 *
 * @example
 * ```ts
 * const pricing: CostPricing = { prompt: "0.0000025", completion: "0.00001", input_cache_read: "0.00000125" };
 * ```
 */
export interface CostPricing {
  /** Per prompt (input) token. */
  prompt?: string;
  /** Per completion (output) token. */
  completion?: string;
  /** Per reasoning token; reasoning tokens are billed at `completion` when absent. */
  internal_reasoning?: string;
  /** Per cached prompt token read; cached tokens are billed at `prompt` when absent. */
  input_cache_read?: string;
  /** Per prompt token written to the cache; billed at `prompt` when absent. */
  input_cache_write?: string;
  /** Per audio input token; audio tokens are billed at `prompt` when absent. */
  audio?: string;
  /** Per input image. */
  image?: string;
  /** Per request. */
  request?: string;
  /** Per web search. */
  web_search?: string;
}

/**
 * Anything carrying `pricing` (a `/models` entry, an endpoint), optionally with its `id`.
 *
 * @example
 * ```ts
 * const model: PricedModel = await getModelInfo(client, "openai/gpt-4o"); // a /models entry fits
 * calculateCost(model, { prompt_tokens: 10, completion_tokens: 5 });
 * ```
 */
export interface PricedModel {
  id?: string;
  pricing: CostPricing;
}

/**
 * Token usage to price: a chat response's `usage` fits as-is; `images`, `web_searches` and
 * `requests` are counts you add yourself.
 *
 * @example
 * ```ts
 * const usage: CostUsage = { prompt_tokens: 1200, completion_tokens: 300, prompt_tokens_details: { cached_tokens: 1000 }, web_searches: 1 };
 * ```
 */
export interface CostUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  prompt_tokens_details?: {
    cached_tokens?: number | null;
    cache_write_tokens?: number | null;
    audio_tokens?: number | null;
  } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  /** The cost OpenRouter reported for the request (`usage.cost`); copied to {@link Cost.reported}. */
  cost?: number | null;
  /** Input images, priced at `pricing.image`. @default 0 */
  images?: number;
  /** Web searches, priced at `pricing.web_search`. @default 0 */
  web_searches?: number;
  /** Requests, priced at `pricing.request`. @default 1 */
  requests?: number;
}

/**
 * The parts a {@link Cost} is made of.
 *
 * @example
 * ```ts
 * const line = cost.breakdown["cacheRead" satisfies CostComponent];
 * ```
 */
export type CostComponent =
  | "prompt"
  | "cacheRead"
  | "cacheWrite"
  | "audio"
  | "completion"
  | "reasoning"
  | "image"
  | "webSearch"
  | "request";

/**
 * One line of a {@link Cost}: `units × unitPrice`.
 *
 * @example
 * ```ts
 * for (const [component, line] of Object.entries(cost.breakdown)) {
 *   console.log(component, `${line.units} × ${line.unitPrice} = ${line.cost ?? "variable"}`);
 * }
 * ```
 */
export interface CostLineItem {
  /** Tokens (or images, searches, requests) billed on this line. */
  units: number;
  /** The price per unit as published (decimal string; `"-1"` when variable). */
  unitPrice: string;
  /** `units × unitPrice` as an exact decimal string; `null` when the price is variable. */
  cost: string | null;
  /** The price is `"-1"` (variable): the line is not part of `total`. */
  variable: boolean;
}

/**
 * An exact cost estimate in USD.
 *
 * @example
 * ```ts
 * const cost: Cost = calculateCost(model, usage);
 * console.log(cost.total, cost.variable ? "(lower bound)" : "", cost.reported);
 * ```
 */
export interface Cost {
  /** Sum of every non-variable line, as an exact decimal string (`"0.0000003"`). */
  total: string;
  /** `total` as a JavaScript number (rounded to the nearest double). */
  totalNumber: number;
  /** Some line has variable pricing (`"-1"`): `total` is a lower bound. */
  variable: boolean;
  currency: "USD";
  /** The lines with units or a price, by component. */
  breakdown: Partial<Record<CostComponent, CostLineItem>>;
  /** The model priced, when known. */
  model: string | undefined;
  /** `usage.cost` as OpenRouter reported it, when the usage carried one. */
  reported: number | undefined;
  /** Same as `totalNumber`. */
  toNumber(): number;
  /** Same as `total`. */
  toString(): string;
}

/**
 * Options of {@link calculateCost} when the model is given by id.
 *
 * @example
 * ```ts
 * await calculateCost("openai/gpt-4o", usage, { client, cache: createModelCache() });
 * ```
 */
export interface CalculateCostOptions extends ModelLookupOptions {
  /** The client used to look the model's prices up in the (cached) `/models` catalogue. */
  client: Client;
}

/**
 * The exact cost of `usage` at a model's published prices, in decimal arithmetic on the price
 * strings (scaled `BigInt`s: no floating-point drift).
 *
 * Lines: uncached prompt tokens × `prompt`; `cached_tokens` × `input_cache_read`;
 * `cache_write_tokens` × `input_cache_write`; audio input tokens × `audio`; non-reasoning
 * completion tokens × `completion`; `reasoning_tokens` × `internal_reasoning`; `images` × `image`;
 * `web_searches` × `web_search`; `requests` (default 1) × `request`. A special price that the model
 * does not publish leaves those tokens on the prompt/completion line. A `"-1"` price marks the line
 * (and the cost) `variable` and is left out of `total`. `pricing.discount` and conditional
 * `overrides` are not applied: the top-level prices are used.
 *
 * Pass a model (anything with `pricing`) to compute synchronously, or a model id with
 * `{ client }` to look the prices up in the cached catalogue (a `Promise`; unknown ids reject with
 * `ModelNotFoundError`).
 *
 * @example
 * ```ts
 * const cost = calculateCost({ pricing: { prompt: "0.0000001", completion: "0.0000002" } },
 *   { prompt_tokens: 3, completion_tokens: 0 });
 * cost.total; // "0.0000003" (exactly)
 *
 * const completion = await client.chat.send({ model: "openai/gpt-4o-mini", messages });
 * const estimate = await calculateCost("openai/gpt-4o-mini", completion.usage!, { client });
 * console.log(estimate.total, estimate.reported);
 * ```
 */
export function calculateCost(model: PricedModel, usage: CostUsage): Cost;
export function calculateCost(
  model: string | PricedModel,
  usage: CostUsage,
  options: CalculateCostOptions,
): Promise<Cost>;
export function calculateCost(
  model: string | PricedModel,
  usage: CostUsage,
  options?: CalculateCostOptions,
): Cost | Promise<Cost> {
  if (typeof model !== "string") {
    const cost = priceUsage(model, usage);
    return options ? Promise.resolve(cost) : cost;
  }
  if (!options?.client) {
    throw new TypeError(
      "calculateCost(modelId, usage, { client }) needs a client to look prices up.",
    );
  }
  const { client, ...lookup } = options;
  return getModelInfo(client, model, lookup).then((info) => priceUsage(info, usage));
}

/**
 * The cost OpenRouter itself reported for a response (`usage.cost`, in USD, which already reflects
 * discounts, BYOK and the provider that served it), or `undefined` when the response has none.
 * Works on chat responses, accumulated streams and final stream chunks.
 *
 * @example
 * ```ts
 * const completion = await client.chat.send({ model, messages });
 * console.log(costOf(completion) ?? "no cost reported");
 * ```
 */
export function costOf(
  response: { usage?: { cost?: number | null } | null | undefined } | null | undefined,
): number | undefined {
  const cost = response?.usage?.cost;
  return typeof cost === "number" && Number.isFinite(cost) ? cost : undefined;
}

function count(value: number | null | undefined, what: string): number {
  if (value === null || value === undefined) return 0;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  }
  return value;
}

function isPriced(price: string | undefined): price is string {
  return typeof price === "string" && price.trim() !== "";
}

const ORDER: ReadonlyArray<[CostComponent, keyof CostPricing]> = [
  ["prompt", "prompt"],
  ["cacheRead", "input_cache_read"],
  ["cacheWrite", "input_cache_write"],
  ["audio", "audio"],
  ["completion", "completion"],
  ["reasoning", "internal_reasoning"],
  ["image", "image"],
  ["webSearch", "web_search"],
  ["request", "request"],
];

function priceUsage(model: PricedModel, usage: CostUsage): Cost {
  const pricing = model.pricing;
  const details = usage.prompt_tokens_details;
  // A special token kind gets its own line only when the model publishes a price for it;
  // otherwise those tokens stay on the prompt/completion line (they are part of those counts).
  const own = (units: number, price: string | undefined): number => (isPriced(price) ? units : 0);
  const cacheRead = own(count(details?.cached_tokens, "cached_tokens"), pricing.input_cache_read);
  const cacheWrite = own(
    count(details?.cache_write_tokens, "cache_write_tokens"),
    pricing.input_cache_write,
  );
  const audio = own(count(details?.audio_tokens, "audio_tokens"), pricing.audio);
  const reasoning = own(
    count(usage.completion_tokens_details?.reasoning_tokens, "reasoning_tokens"),
    pricing.internal_reasoning,
  );
  const units: Record<CostComponent, number> = {
    prompt: Math.max(
      0,
      count(usage.prompt_tokens, "prompt_tokens") - cacheRead - cacheWrite - audio,
    ),
    cacheRead,
    cacheWrite,
    audio,
    completion: Math.max(0, count(usage.completion_tokens, "completion_tokens") - reasoning),
    reasoning,
    image: count(usage.images, "images"),
    webSearch: count(usage.web_searches, "web_searches"),
    request: usage.requests === undefined ? 1 : count(usage.requests, "requests"),
  };

  let total: Decimal = ZERO;
  let variable = false;
  const breakdown: Partial<Record<CostComponent, CostLineItem>> = {};
  for (const [component, priceKey] of ORDER) {
    const price = pricing[priceKey];
    const n = units[component];
    if (!isPriced(price)) continue;
    // Lines other than prompt/completion appear only when used.
    if (n === 0 && component !== "prompt" && component !== "completion") continue;
    const unitPrice = parseDecimal(price);
    if (unitPrice.int < 0n) {
      // "-1": variable pricing, decided per request; flagged, never summed.
      variable = true;
      breakdown[component] = { units: n, unitPrice: price, cost: null, variable: true };
      continue;
    }
    const cost = mulDecimal(unitPrice, n);
    total = addDecimal(total, cost);
    breakdown[component] = {
      units: n,
      unitPrice: price,
      cost: formatDecimal(cost),
      variable: false,
    };
  }
  const totalText = formatDecimal(total);
  const totalNumber = Number(totalText);
  return {
    total: totalText,
    totalNumber,
    variable,
    currency: "USD",
    breakdown,
    model: model.id,
    reported: costOf({ usage }),
    toNumber: () => totalNumber,
    toString: () => totalText,
  };
}
