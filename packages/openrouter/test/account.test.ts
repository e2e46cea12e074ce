import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  createClient,
  getAccountInfo,
  getRateLimits,
  OpenRouter,
} from "../src/index.js";
import { CREDITS_BODY, errorBody, KEY_BODY } from "./helpers/openrouter-fixtures.js";
import { json, startRouteServer } from "./helpers/route-server.js";

const RESET_MS = 1_767_225_600_000; // 2026-01-01T00:00:00Z in epoch ms, as OpenRouter sends it
const RATE_HEADERS = {
  "x-ratelimit-limit": "200",
  "x-ratelimit-remaining": "187",
  "x-ratelimit-reset": String(RESET_MS),
};

describe("getRateLimits", () => {
  it("combines GET /key with that response's X-RateLimit-* headers", async () => {
    const server = await startRouteServer({ "GET /key": json(KEY_BODY, 200, RATE_HEADERS) });
    const client = createClient({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    const limits = await getRateLimits(client);
    expect(limits).toEqual({
      requests: { limit: 200, remaining: 187, reset: new Date(RESET_MS) },
      spending: { limit: 100, remaining: 74.5, reset: "monthly", usage: 25.5 },
      isFreeTier: false,
      legacy: { requests: -1, interval: "10s" },
    });
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-or-test");
  });

  it("leaves request limits empty when the headers are absent", async () => {
    const server = await startRouteServer({
      "GET /key": json({
        data: {
          ...KEY_BODY.data,
          limit: null,
          limit_remaining: null,
          limit_reset: null,
          is_free_tier: true,
        },
      }),
    });
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    const limits = await client.getRateLimits();
    expect(limits.requests).toEqual({});
    expect(limits.spending).toEqual({ limit: null, remaining: null, reset: null, usage: 25.5 });
    expect(limits.isFreeTier).toBe(true);
  });

  it("throws the typed error for a bad key", async () => {
    const server = await startRouteServer({
      "GET /key": json(errorBody(401, "User not found."), 401),
    });
    const client = createClient({ apiKey: "sk-or-bad", baseURL: server.baseURL, maxRetries: 0 });
    await expect(getRateLimits(client)).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe("getAccountInfo", () => {
  it("fetches key metadata and credits in parallel; remaining is exact", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const delayed =
      (body: unknown, headers: Record<string, string> = {}) =>
      async (_req: unknown, res: import("node:http").ServerResponse) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 30));
        inFlight--;
        res.writeHead(200, { "content-type": "application/json", ...headers });
        res.end(`\n\n${JSON.stringify(body)}`);
      };
    const server = await startRouteServer({
      "GET /key": delayed(KEY_BODY, RATE_HEADERS),
      "GET /credits": delayed(CREDITS_BODY),
    });
    const client = createClient({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    const info = await getAccountInfo(client);
    expect(maxInFlight).toBe(2);
    expect(100.3 - 25.1).toBe(75.19999999999999); // what floats would give
    expect(info.credits).toEqual({ total: 100.3, used: 25.1, remaining: 75.2, source: "credits" });
    expect(info.key.label).toBe("sk-or-v1-au7...890");
    expect(info.rateLimit.requests).toEqual({
      limit: 200,
      remaining: 187,
      reset: new Date(RESET_MS),
    });
  });

  it("falls back to the key's limit when /credits needs a management key (403)", async () => {
    const server = await startRouteServer({
      "GET /key": json(KEY_BODY),
      "GET /credits": json(errorBody(403, "Only management keys can perform this operation"), 403),
    });
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    const info = await client.getAccountInfo();
    expect(info.credits).toEqual({ total: 100, used: 25.5, remaining: 74.5, source: "key" });

    const unlimited = await startRouteServer({
      "GET /key": json({ data: { ...KEY_BODY.data, limit: null, limit_remaining: null } }),
      "GET /credits": json(errorBody(403, "Only management keys can perform this operation"), 403),
    });
    const c2 = createClient({ apiKey: "sk-or-test", baseURL: unlimited.baseURL, maxRetries: 0 });
    expect((await getAccountInfo(c2)).credits).toBeNull();
  });

  it("rejects on other failures", async () => {
    const server = await startRouteServer({
      "GET /key": json(KEY_BODY),
      "GET /credits": json(errorBody(401, "User not found."), 401),
    });
    const client = createClient({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    await expect(getAccountInfo(client)).rejects.toBeInstanceOf(AuthenticationError);
  });
});
