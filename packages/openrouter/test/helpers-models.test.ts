import { describe, expect, it } from "vitest";
import * as sdk from "../src/index.js";
import {
  AuthenticationError,
  chooseFallbacks,
  createClient,
  createModelCache,
  getModelInfo,
  getModelsByProvider,
  InvalidRequestError,
  isModelNotFoundError,
  listModels,
  ModelNotFoundError,
  OpenRouter,
  OpenRouterError,
  RateLimitError,
  searchModels,
} from "../src/index.js";
import { endpointsBody, errorBody, MODELS_BODY } from "./helpers/openrouter-fixtures.js";
import { json, startRouteServer } from "./helpers/route-server.js";

async function setup(extra: Parameters<typeof startRouteServer>[0] = {}) {
  const server = await startRouteServer({
    "GET /models": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`\n\n${JSON.stringify(MODELS_BODY)}`);
    },
    ...extra,
  });
  const client = createClient({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
  return { server, client, cache: createModelCache() };
}

describe("listModels / getModelInfo", () => {
  it("reads the whole catalogue (all modalities) through a JSON body with leading whitespace", async () => {
    const { server, client, cache } = await setup();
    const models = await listModels(client, { cache });
    expect(models).toHaveLength(11);
    expect(server.requests[0]!.query.get("output_modalities")).toBe("all");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-or-test");
  });

  it("finds a model by id or canonical slug and serves later lookups from the cache", async () => {
    const { server, client, cache } = await setup();
    const model = await getModelInfo(client, "anthropic/claude-3.5-sonnet", { cache });
    expect(model.pricing.prompt).toBe("0.000003");
    const bySlug = await getModelInfo(client, "openai/gpt-4o-20240000", { cache });
    expect(bySlug.id).toBe("openai/gpt-4o");
    expect(server.calls("GET /models")).toHaveLength(1);
  });

  it("throws a typed ModelNotFoundError for an unknown id", async () => {
    const { client, cache } = await setup();
    const error = await getModelInfo(client, "acme/nope", { cache }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect(isModelNotFoundError(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, message: "404 Model not found: acme/nope" });
  });

  it("shares one request between concurrent misses and does not cache failures", async () => {
    let calls = 0;
    const { client, cache } = await setup({
      "GET /models": (_req, res) => {
        calls++;
        if (calls === 1) {
          res.writeHead(502, { "content-type": "application/json" });
          res.end(JSON.stringify(errorBody(502, "upstream down")));
          return;
        }
        setTimeout(() => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(MODELS_BODY));
        }, 20);
      },
    });
    await expect(listModels(client, { cache })).rejects.toMatchObject({ status: 502 });
    const [a, b] = await Promise.all([
      listModels(client, { cache }),
      listModels(client, { cache }),
    ]);
    expect(a).toBe(b);
    expect(calls).toBe(2);
  });
});

describe("model cache TTL (fake clock)", () => {
  it("serves /models from the cache within the TTL and refetches after it", async () => {
    const { server, client } = await setup();
    let now = 1_000_000;
    const cache = createModelCache({ ttlMs: 60_000, now: () => now });
    await getModelInfo(client, "openai/gpt-4o", { cache });
    expect(server.calls("GET /models")).toHaveLength(1);
    now += 59_999;
    await searchModels(client, "gpt", { cache });
    await getModelsByProvider(client, "openai", { cache });
    expect(server.calls("GET /models")).toHaveLength(1);
    now += 1; // exactly ttlMs later: stale
    await getModelInfo(client, "openai/gpt-4o", { cache });
    expect(server.calls("GET /models")).toHaveLength(2);
  });

  it("defaults to a 5-minute TTL and caches endpoint stats per model", async () => {
    const { server, client } = await setup({
      "GET /models/openai/gpt-4o-mini/endpoints": json(
        endpointsBody("openai/gpt-4o-mini", [
          { provider: "OpenAI", uptime30m: 99.2, latencyP50: 900, throughputP50: 60 },
        ]),
      ),
    });
    let now = 0;
    const cache = createModelCache({ now: () => now });
    expect(cache.ttlMs).toBe(300_000);
    expect(cache.peekEndpoints(client, "openai/gpt-4o-mini")).toBeUndefined();
    const endpoints = await cache.endpoints(client, "openai/gpt-4o-mini");
    expect(endpoints[0]!.provider_name).toBe("OpenAI");
    now = 299_999;
    await cache.endpoints(client, "openai/gpt-4o-mini");
    expect(cache.peekEndpoints(client, "openai/gpt-4o-mini")).toBe(endpoints);
    expect(server.calls("GET /models/openai/gpt-4o-mini/endpoints")).toHaveLength(1);
    now = 300_000;
    expect(cache.peekEndpoints(client, "openai/gpt-4o-mini")).toBeUndefined();
    await cache.endpoints(client, "openai/gpt-4o-mini");
    expect(server.calls("GET /models/openai/gpt-4o-mini/endpoints")).toHaveLength(2);
  });

  it("keeps data per client: two clients never share a cached catalogue", async () => {
    const a = await setup();
    const b = await setup();
    const cache = createModelCache();
    await listModels(a.client, { cache });
    await listModels(b.client, { cache });
    expect(a.server.requests).toHaveLength(1);
    expect(b.server.requests).toHaveLength(1);
    cache.clear();
    await listModels(a.client, { cache });
    expect(a.server.requests).toHaveLength(2);
  });
});

describe("searchModels", () => {
  it("is case-insensitive over id, name and description, id/name hits first", async () => {
    const { client, cache } = await setup();
    const hits = await searchModels(client, "SONNET", { cache });
    // claude-3.5-sonnet matches by id/name; claude-3.5-haiku only by description ("sonnet-like").
    expect(hits.map((m) => m.id)).toEqual([
      "anthropic/claude-3.5-sonnet",
      "anthropic/claude-3.5-haiku",
    ]);
  });

  it("requires every term and honours limit; an empty query lists everything", async () => {
    const { client, cache } = await setup();
    expect((await searchModels(client, "llama free", { cache })).map((m) => m.id)).toEqual([
      "meta-llama/llama-3.1-8b-instruct:free",
    ]);
    expect(await searchModels(client, "gpt", { cache, limit: 1 })).toHaveLength(1);
    expect(await searchModels(client, "  ", { cache })).toHaveLength(11);
    expect(await searchModels(client, "no-such-thing", { cache })).toEqual([]);
  });
});

describe("getModelsByProvider", () => {
  it("matches the author prefix, case- and punctuation-insensitively, with aliases", async () => {
    const { client, cache } = await setup();
    expect((await getModelsByProvider(client, "Anthropic", { cache })).map((m) => m.id)).toEqual([
      "anthropic/claude-3.5-sonnet",
      "anthropic/claude-3.5-haiku",
    ]);
    expect((await getModelsByProvider(client, "meta", { cache })).map((m) => m.id)).toEqual([
      "meta-llama/llama-3.1-8b-instruct",
      "meta-llama/llama-3.1-8b-instruct:free",
    ]);
    expect((await getModelsByProvider(client, "Mistral", { cache })).map((m) => m.id)).toEqual([
      "mistralai/mistral-small",
    ]);
    expect(await getModelsByProvider(client, "nobody", { cache })).toEqual([]);
  });

  it("adds models hosted by a provider when their endpoint stats are cached", async () => {
    const { server, client, cache } = await setup({
      "GET /models/meta-llama/llama-3.1-8b-instruct/endpoints": json(
        endpointsBody("meta-llama/llama-3.1-8b-instruct", [
          { provider: "Together", uptime30m: 99.9, latencyP50: 300, throughputP50: 150 },
        ]),
      ),
    });
    expect(await getModelsByProvider(client, "together", { cache })).toEqual([]);
    await cache.endpoints(client, "meta-llama/llama-3.1-8b-instruct");
    const hosted = await getModelsByProvider(client, "Together", { cache });
    expect(hosted.map((m) => m.id)).toEqual(["meta-llama/llama-3.1-8b-instruct"]);
    expect(server.requests.filter((r) => r.path.endsWith("/endpoints"))).toHaveLength(1);
  });
});

describe("chooseFallbacks", () => {
  it("cost: same-modality models by prompt+completion price, variable ('-1') skipped", async () => {
    const { client, cache } = await setup();
    expect(await chooseFallbacks(client, "openai/gpt-4o", "cost", { cache })).toEqual([
      "openai/gpt-4o-mini",
      "anthropic/claude-3.5-haiku",
      "anthropic/claude-3.5-sonnet",
    ]);
    // text->text: the free model ("0") first; gemini (other modality) never appears.
    expect(
      await chooseFallbacks(client, "meta-llama/llama-3.1-8b-instruct", "cost", {
        cache,
        limit: 5,
      }),
    ).toEqual([
      "meta-llama/llama-3.1-8b-instruct:free",
      "mistralai/mistral-small",
      "openai/o3-mini",
    ]);
  });

  it("provider: same author first, then the closest price", async () => {
    const { client, cache } = await setup();
    expect(
      await chooseFallbacks(client, "anthropic/claude-3.5-sonnet", "provider", { cache }),
    ).toEqual(["anthropic/claude-3.5-haiku", "openai/gpt-4o", "openai/gpt-4o-mini"]);
    expect(
      await chooseFallbacks(client, "anthropic/claude-3.5-sonnet", "provider", {
        cache,
        limit: 10,
        exclude: ["openai/gpt-4o"],
      }),
    ).toEqual(["anthropic/claude-3.5-haiku", "openai/gpt-4o-mini", "openrouter/auto"]);
  });

  it("performance: ranks candidates by their best endpoint (uptime, latency, throughput), cached", async () => {
    const { server, client } = await setup({
      "GET /models/openai/gpt-4o-mini/endpoints": json(
        endpointsBody("openai/gpt-4o-mini", [
          { provider: "OpenAI", uptime30m: 99.2, latencyP50: 900, throughputP50: 60 },
          { provider: "Azure", uptime30m: 99.9, latencyP50: 100, throughputP50: 200, status: -2 },
        ]),
      ),
      "GET /models/anthropic/claude-3.5-sonnet/endpoints": json(
        endpointsBody("anthropic/claude-3.5-sonnet", [
          { provider: "Anthropic", uptime30m: 99.9, latencyP50: 1200, throughputP50: 55 },
          { provider: "Amazon Bedrock", uptime30m: 99.95, latencyP50: 800, throughputP50: 40 },
        ]),
      ),
      "GET /models/anthropic/claude-3.5-haiku/endpoints": json(
        endpointsBody("anthropic/claude-3.5-haiku", [
          { provider: "Anthropic", uptime30m: 97.5, latencyP50: 400, throughputP50: 90 },
        ]),
      ),
      // openrouter/auto has no endpoints route here: 404 → not a candidate
    });
    let now = 0;
    const cache = createModelCache({ now: () => now });
    const ids = await chooseFallbacks(client, "openai/gpt-4o", "performance", { cache });
    expect(ids).toEqual([
      "anthropic/claude-3.5-sonnet",
      "openai/gpt-4o-mini",
      "anthropic/claude-3.5-haiku",
    ]);
    const endpointCalls = () => server.requests.filter((r) => r.path.endsWith("/endpoints")).length;
    expect(endpointCalls()).toBe(4);
    now += 60_000;
    await chooseFallbacks(client, "openai/gpt-4o", "performance", { cache });
    // the three successes are cached; the failed one (404) is retried
    expect(endpointCalls()).toBe(5);
    expect(server.calls("GET /models")).toHaveLength(1);
  });

  it("works with the OpenRouter class and an unknown primary (text models)", async () => {
    const { server } = await setup();
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    const cache = createModelCache();
    const ids = await client.chooseFallbacks("acme/new-model", "cost", { cache, limit: 2 });
    expect(ids).toEqual([
      "meta-llama/llama-3.1-8b-instruct:free",
      "meta-llama/llama-3.1-8b-instruct",
    ]);
    expect((await client.searchModels("haiku", { cache })).map((m) => m.id)).toEqual([
      "anthropic/claude-3.5-haiku",
    ]);
    expect((await client.getModelInfo("openai/o3-mini", { cache })).name).toBe("OpenAI: o3 Mini");
    expect(await client.getModelsByProvider("google", { cache })).toHaveLength(2);
    expect(await client.listModels({ cache })).toHaveLength(11);
    expect(server.calls("GET /models")).toHaveLength(1);
  });
});

describe("error names of the seed library", () => {
  it("are importable from @orkit/openrouter and form one hierarchy", () => {
    for (const name of [
      "OpenRouterError",
      "AuthenticationError",
      "RateLimitError",
      "ModelNotFoundError",
      "InvalidRequestError",
    ]) {
      expect(typeof (sdk as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(new AuthenticationError("401", { status: 401, code: 401 })).toBeInstanceOf(
      OpenRouterError,
    );
    expect(new RateLimitError("429", { status: 429, code: 429 })).toBeInstanceOf(OpenRouterError);
    expect(new ModelNotFoundError("404", { status: 404, code: 404 })).toBeInstanceOf(
      sdk.NotFoundError,
    );
    expect(new InvalidRequestError("400", { status: 400, code: 400 })).toBeInstanceOf(
      sdk.BadRequestError,
    );
  });
});
