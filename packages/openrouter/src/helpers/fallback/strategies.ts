import type { Client } from "@orkit/openrouter-core";
import {
  compareDecimal,
  parseDecimal,
  addDecimal,
  subDecimal,
  type Decimal,
} from "../cost/decimal.js";
import { defaultModelCache, type ModelEndpoint, type ModelInfo } from "../models/cache.js";
import type { ModelLookupOptions } from "../models/search.js";

/**
 * How {@link chooseFallbacks} picks fallback models:
 * - `"provider"`: same author first (`anthropic/…` for `anthropic/claude-3.5-sonnet`), then others;
 *   within each group the models priced closest to the primary first.
 * - `"performance"`: the best live endpoint stats (uptime, then latency, then throughput).
 * - `"cost"`: cheapest first (prompt + completion price per token).
 *
 * @example
 * ```ts
 * const strategy: FallbackStrategy = "performance";
 * const ids = await chooseFallbacks(client, "openai/gpt-4o", strategy);
 * ```
 */
export type FallbackStrategy = "provider" | "performance" | "cost";

/**
 * Options of {@link chooseFallbacks}.
 *
 * @example
 * ```ts
 * await chooseFallbacks(client, "openai/gpt-4o", "performance", { limit: 2, candidates: 5, exclude: ["openrouter/auto"] });
 * ```
 */
export interface ChooseFallbacksOptions extends ModelLookupOptions {
  /** How many model ids to return. @default 3 */
  limit?: number;
  /** For `"performance"`: how many candidate models' endpoint stats to fetch (pre-ranked by the `"provider"` order). @default 10 */
  candidates?: number;
  /** Model ids never to return (the primary is always excluded). */
  exclude?: string[];
}

/**
 * Ordered fallback model ids for `primaryModel`, from live data (the cached `/models` catalogue and,
 * for `"performance"`, `GET /models/{author}/{slug}/endpoints`). Candidates have the primary's
 * modality (`architecture.modality`, e.g. `"text->text"`; text-output models when the primary is
 * not in the catalogue). `"cost"` skips models with variable (`"-1"`) prices; `"performance"` skips
 * models whose stats cannot be fetched or that have no endpoints.
 *
 * Performance ranking of one endpoint: uptime (last 30 min, else 1 day, else 5 min) in whole
 * percent, higher first; then median latency (`latency_last_30m.p50`), lower first; then median
 * throughput (`throughput_last_30m.p50`), higher first; missing stats rank last. Endpoints with a
 * non-zero `status` only count when a model has no healthy one. A model ranks by its best endpoint.
 *
 * @example
 * ```ts
 * const cheap = await chooseFallbacks(client, "openai/gpt-4o", "cost", { limit: 2 });
 * const fast = await chooseFallbacks(client, "openai/gpt-4o", "performance");
 * await client.chat.send({ model: "openai/gpt-4o", models: ["openai/gpt-4o", ...fast], messages });
 * ```
 */
export async function chooseFallbacks(
  client: Client,
  primaryModel: string,
  strategy: FallbackStrategy,
  options: ChooseFallbacksOptions = {},
): Promise<string[]> {
  const cache = options.cache ?? defaultModelCache;
  const limit = options.limit ?? 3;
  if (limit <= 0) return [];
  const models = await cache.models(client, options.requestOptions);
  const primary = models.find((m) => m.id === primaryModel || m.canonical_slug === primaryModel);
  const excluded = new Set([primaryModel, primary?.id, ...(options.exclude ?? [])]);
  const candidates = models.filter((m) => !excluded.has(m.id) && sameModality(primary, m));

  switch (strategy) {
    case "cost":
      return candidates
        .map((model) => ({ model, price: combinedPrice(model) }))
        .filter((c): c is { model: ModelInfo; price: Decimal } => c.price !== undefined)
        .sort((a, b) => compareDecimal(a.price, b.price) || a.model.id.localeCompare(b.model.id))
        .slice(0, limit)
        .map((c) => c.model.id);
    case "provider":
      return byProvider(primaryModel, primary, candidates)
        .slice(0, limit)
        .map((m) => m.id);
    case "performance": {
      const pool = byProvider(primaryModel, primary, candidates).slice(
        0,
        Math.max(options.candidates ?? 10, limit),
      );
      const scored = await Promise.all(
        pool.map(async (model, index) => {
          try {
            const endpoints = await cache.endpoints(client, model.id, options.requestOptions);
            const best = bestEndpoint(endpoints);
            return best ? { id: model.id, score: best, index } : undefined;
          } catch {
            return undefined; // stats unavailable: not a candidate
          }
        }),
      );
      return scored
        .filter((s) => s !== undefined)
        .sort((a, b) => compareScores(a.score, b.score) || a.index - b.index)
        .slice(0, limit)
        .map((s) => s.id);
    }
    default:
      throw new TypeError(`Unknown fallback strategy: ${String(strategy)}`);
  }
}

function sameModality(primary: ModelInfo | undefined, candidate: ModelInfo): boolean {
  const arch = candidate.architecture;
  if (!primary) return arch.output_modalities.includes("text");
  const p = primary.architecture;
  if (p.modality && arch.modality) return p.modality === arch.modality;
  const a = [...p.output_modalities].sort().join(",");
  const b = [...arch.output_modalities].sort().join(",");
  return a === b;
}

/** prompt + completion price per token; undefined when either is variable ("-1") or unparsable. */
function combinedPrice(model: ModelInfo): Decimal | undefined {
  try {
    const prompt = parseDecimal(model.pricing.prompt);
    const completion = parseDecimal(model.pricing.completion);
    if (prompt.int < 0n || completion.int < 0n) return undefined;
    return addDecimal(prompt, completion);
  } catch {
    return undefined;
  }
}

function authorOf(id: string): string {
  return id.split("/", 1)[0]!.toLowerCase();
}

function byProvider(
  primaryId: string,
  primary: ModelInfo | undefined,
  candidates: ModelInfo[],
): ModelInfo[] {
  const author = authorOf(primary?.id ?? primaryId);
  const reference = primary ? combinedPrice(primary) : undefined;
  const distance = (m: ModelInfo): Decimal | undefined => {
    const price = combinedPrice(m);
    if (!price || !reference) return price; // without a reference: cheapest first
    const d = subDecimal(price, reference);
    return d.int < 0n ? { int: -d.int, scale: d.scale } : d;
  };
  return candidates
    .map((model, index) => ({
      model,
      index,
      same: authorOf(model.id) === author ? 0 : 1,
      distance: distance(model),
    }))
    .sort((a, b) => a.same - b.same || compareOptional(a.distance, b.distance) || a.index - b.index)
    .map((c) => c.model);
}

function compareOptional(a: Decimal | undefined, b: Decimal | undefined): number {
  if (a && b) return compareDecimal(a, b);
  return a ? -1 : b ? 1 : 0;
}

interface EndpointScore {
  healthy: boolean;
  uptime: number;
  latency: number;
  throughput: number;
}

function scoreEndpoint(e: ModelEndpoint): EndpointScore {
  const uptime = e.uptime_last_30m ?? e.uptime_last_1d ?? e.uptime_last_5m;
  return {
    healthy: e.status === undefined || e.status === 0,
    uptime: typeof uptime === "number" ? Math.floor(uptime) : -1,
    latency: e.latency_last_30m?.p50 ?? Number.POSITIVE_INFINITY,
    throughput: e.throughput_last_30m?.p50 ?? -1,
  };
}

function compareScores(a: EndpointScore, b: EndpointScore): number {
  return (
    Number(b.healthy) - Number(a.healthy) ||
    b.uptime - a.uptime ||
    a.latency - b.latency ||
    b.throughput - a.throughput
  );
}

function bestEndpoint(endpoints: ModelEndpoint[]): EndpointScore | undefined {
  return endpoints.map(scoreEndpoint).sort(compareScores)[0];
}
