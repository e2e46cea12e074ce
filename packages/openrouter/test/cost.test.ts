import { describe, expect, it } from "vitest";
import {
  calculateCost,
  costOf,
  createClient,
  createModelCache,
  ModelNotFoundError,
  OpenRouter,
} from "../src/index.js";
import { completion, MODELS_BODY } from "./helpers/openrouter-fixtures.js";
import { json, startRouteServer } from "./helpers/route-server.js";

describe("calculateCost: exact decimal arithmetic", () => {
  it("prices '0.0000001' × 3 tokens at exactly '0.0000003' (no float drift)", () => {
    const cost = calculateCost(
      { pricing: { prompt: "0.0000001", completion: "0.0000002" } },
      { prompt_tokens: 3, completion_tokens: 0 },
    );
    expect(cost.total).toBe("0.0000003");
    expect(cost.totalNumber).toBe(0.0000003);
    expect(cost.toNumber()).toBe(0.0000003);
    expect(String(cost)).toBe("0.0000003");
    expect(cost.variable).toBe(false);
  });

  it("adds 0.1 + 0.2 exactly", () => {
    const cost = calculateCost(
      { pricing: { prompt: "0.1", completion: "0.2" } },
      { prompt_tokens: 1, completion_tokens: 1 },
    );
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(cost.total).toBe("0.3");
    expect(cost.breakdown).toEqual({
      prompt: { units: 1, unitPrice: "0.1", cost: "0.1", variable: false },
      completion: { units: 1, unitPrice: "0.2", cost: "0.2", variable: false },
    });
  });

  it("keeps precision for large token counts and tiny prices, including exponent notation", () => {
    const cost = calculateCost(
      { id: "x/y", pricing: { prompt: "0.00000015", completion: "6e-7" } },
      { prompt_tokens: 1_234_567, completion_tokens: 89_012 },
    );
    // 1234567 × 0.00000015 = 0.18518505; 89012 × 0.0000006 = 0.0534072
    expect(1_234_567 * 0.00000015 + 89_012 * 0.0000006).toBe(0.23859224999999998); // floats drift
    expect(cost.breakdown.prompt?.cost).toBe("0.18518505");
    expect(cost.breakdown.completion?.cost).toBe("0.0534072");
    expect(cost.total).toBe("0.23859225");
    expect(cost.model).toBe("x/y");
  });

  it("bills cached, cache-write, reasoning, image, web search and request lines at their own prices", () => {
    const cost = calculateCost(
      {
        pricing: {
          prompt: "0.000003",
          completion: "0.000015",
          input_cache_read: "0.0000003",
          input_cache_write: "0.00000375",
          internal_reasoning: "0.00001",
          image: "0.0048",
          web_search: "0.01",
          request: "0.0001",
        },
      },
      {
        prompt_tokens: 1000,
        completion_tokens: 500,
        prompt_tokens_details: { cached_tokens: 600, cache_write_tokens: 100 },
        completion_tokens_details: { reasoning_tokens: 200 },
        images: 2,
        web_searches: 1,
      },
    );
    expect(
      Object.fromEntries(Object.entries(cost.breakdown).map(([k, v]) => [k, [v.units, v.cost]])),
    ).toEqual({
      prompt: [300, "0.0009"],
      cacheRead: [600, "0.00018"],
      cacheWrite: [100, "0.000375"],
      completion: [300, "0.0045"],
      reasoning: [200, "0.002"],
      image: [2, "0.0096"],
      webSearch: [1, "0.01"],
      request: [1, "0.0001"],
    });
    expect(cost.total).toBe("0.027655");
  });

  it("leaves special tokens on the prompt/completion lines when the model has no price for them", () => {
    const cost = calculateCost(
      { pricing: { prompt: "0.000001", completion: "0.000002" } },
      {
        prompt_tokens: 100,
        completion_tokens: 50,
        prompt_tokens_details: { cached_tokens: 40 },
        completion_tokens_details: { reasoning_tokens: 30 },
      },
    );
    expect(Object.keys(cost.breakdown)).toEqual(["prompt", "completion"]);
    expect(cost.total).toBe("0.0002");
  });

  it("flags '-1' (variable) prices and leaves them out of the total", () => {
    const cost = calculateCost(
      { id: "openrouter/auto", pricing: { prompt: "-1", completion: "-1", request: "0.5" } },
      { prompt_tokens: 10, completion_tokens: 10 },
    );
    expect(cost.variable).toBe(true);
    expect(cost.breakdown.prompt).toEqual({
      units: 10,
      unitPrice: "-1",
      cost: null,
      variable: true,
    });
    expect(cost.total).toBe("0.5");
  });

  it("prices free models at '0' and copies usage.cost as reported", () => {
    const cost = calculateCost(
      { pricing: { prompt: "0", completion: "0" } },
      { prompt_tokens: 5000, completion_tokens: 400, cost: 0 },
    );
    expect(cost.total).toBe("0");
    expect(cost.reported).toBe(0);
  });

  it("rejects negative or fractional token counts and unparsable prices", () => {
    const pricing = { prompt: "0.000001", completion: "0.000002" };
    expect(() => calculateCost({ pricing }, { prompt_tokens: -1, completion_tokens: 0 })).toThrow(
      RangeError,
    );
    expect(() => calculateCost({ pricing }, { prompt_tokens: 1.5, completion_tokens: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      calculateCost(
        { pricing: { prompt: "$1", completion: "0" } },
        { prompt_tokens: 1, completion_tokens: 0 },
      ),
    ).toThrow(TypeError);
  });
});

describe("calculateCost by model id (live prices)", () => {
  it("looks prices up in the cached /models catalogue", async () => {
    const server = await startRouteServer({ "GET /models": json(MODELS_BODY) });
    const client = createClient({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    const cache = createModelCache();
    const cost = await calculateCost(
      "openai/gpt-4o-mini",
      {
        prompt_tokens: 1000,
        completion_tokens: 100,
        prompt_tokens_details: { cached_tokens: 200 },
      },
      { client, cache },
    );
    // 800 × 0.00000015 + 200 × 0.000000075 + 100 × 0.0000006
    expect(cost.total).toBe("0.000195");
    expect(cost.model).toBe("openai/gpt-4o-mini");
    await calculateCost(
      "openai/gpt-4o",
      { prompt_tokens: 1, completion_tokens: 1 },
      { client, cache },
    );
    expect(server.requests).toHaveLength(1);
    await expect(
      calculateCost("acme/nope", { prompt_tokens: 1, completion_tokens: 1 }, { client, cache }),
    ).rejects.toBeInstanceOf(ModelNotFoundError);
  });

  it("is a method of OpenRouter (by id or by model object)", async () => {
    const server = await startRouteServer({ "GET /models": json(MODELS_BODY) });
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    const cache = createModelCache();
    const byId = await client.calculateCost(
      "openrouter/auto",
      { prompt_tokens: 10, completion_tokens: 10 },
      { cache },
    );
    expect(byId).toMatchObject({ variable: true, total: "0" });
    const byModel = await client.calculateCost(
      { pricing: { prompt: "0.0000001", completion: "0" } },
      { prompt_tokens: 3, completion_tokens: 0 },
    );
    expect(byModel.total).toBe("0.0000003");
    expect(server.requests).toHaveLength(1);
  });

  it("needs a client for an id", () => {
    expect(() =>
      calculateCost("openai/gpt-4o", { prompt_tokens: 1, completion_tokens: 1 }, {} as never),
    ).toThrow(TypeError);
  });
});

describe("costOf", () => {
  it("surfaces the response's own usage.cost", async () => {
    const server = await startRouteServer({
      "POST /chat/completions": json(completion("openai/gpt-4o")),
    });
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    const response = await client.chat.send({
      model: "openai/gpt-4o",
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(costOf(response)).toBe(0.000055);
    expect(costOf({ usage: null })).toBeUndefined();
    expect(costOf(undefined)).toBeUndefined();
    expect(costOf({ usage: { cost: null } })).toBeUndefined();
  });
});
