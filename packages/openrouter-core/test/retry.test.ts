import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  DEFAULT_RETRY_OPTIONS,
  retryDelay,
  serverRetryDelay,
  shouldRetryResponse,
} from "../src/index.js";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

describe("shouldRetryResponse", () => {
  const cases: Array<[number, boolean]> = [
    [400, false],
    [401, false],
    [402, false],
    [403, false],
    [404, false],
    [413, false],
    [422, false],
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [524, true],
    [529, true],
  ];
  it.each(cases)("status %i → %s", (status, want) => {
    expect(shouldRetryResponse(status)).toBe(want);
  });

  it("lets x-should-retry override the status rule either way", () => {
    expect(shouldRetryResponse(400, new Headers({ "x-should-retry": "true" }))).toBe(true);
    expect(shouldRetryResponse(503, new Headers({ "x-should-retry": "false" }))).toBe(false);
    expect(shouldRetryResponse(503, new Headers({ "x-should-retry": "maybe" }))).toBe(true);
  });
});

describe("serverRetryDelay", () => {
  const cases: Array<[string, Record<string, string>, number | undefined, string?]> = [
    ["retry-after-ms", { "retry-after-ms": "250" }, 250, "retry-after-ms"],
    ["Retry-After seconds", { "retry-after": "3" }, 3000, "retry-after"],
    ["Retry-After fractional seconds", { "retry-after": "0.5" }, 500, "retry-after"],
    [
      "Retry-After HTTP date",
      { "retry-after": new Date(NOW + 7000).toUTCString() },
      7000,
      "retry-after",
    ],
    [
      "X-RateLimit-Reset epoch ms",
      { "x-ratelimit-reset": String(NOW + 4000) },
      4000,
      "x-ratelimit-reset",
    ],
    [
      "retry-after-ms wins over Retry-After",
      { "retry-after-ms": "10", "retry-after": "9" },
      10,
      "retry-after-ms",
    ],
    [
      "Retry-After wins over reset",
      { "retry-after": "2", "x-ratelimit-reset": String(NOW + 9000) },
      2000,
      "retry-after",
    ],
    ["past date falls through", { "retry-after": new Date(NOW - 5000).toUTCString() }, undefined],
    ["garbage is ignored", { "retry-after": "soon", "retry-after-ms": "x" }, undefined],
    ["no headers", {}, undefined],
  ];
  it.each(cases)("%s", (_name, headers, want, source) => {
    const got = serverRetryDelay(new Headers(headers), NOW);
    expect(got?.delayMs).toBe(want);
    if (source) expect(got?.source).toBe(source);
  });
});

describe("backoffDelay", () => {
  const exact = { ...DEFAULT_RETRY_OPTIONS, jitter: "none" as const };

  it("doubles from 1 s and stops at maxDelayMs", () => {
    // assert the exponential series without jitter
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, exact))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(20, exact)).toBe(60_000);
  });

  it("applies full jitter as a uniform fraction of the capped delay", () => {
    expect(backoffDelay(3, DEFAULT_RETRY_OPTIONS, () => 0.5)).toBe(2000);
    expect(backoffDelay(3, DEFAULT_RETRY_OPTIONS, () => 0)).toBe(0);
    expect(backoffDelay(30, DEFAULT_RETRY_OPTIONS, () => 0.999)).toBeLessThan(60_000);
  });
});

describe("retryDelay", () => {
  it("caps server hints at maxRetryAfterMs", () => {
    const got = retryDelay({
      retryNumber: 1,
      options: DEFAULT_RETRY_OPTIONS,
      headers: new Headers({ "retry-after": "3600" }),
    });
    expect(got).toEqual({ delayMs: 60_000, source: "retry-after" });
  });

  it("falls back to backoff without hints", () => {
    const got = retryDelay({ retryNumber: 2, options: DEFAULT_RETRY_OPTIONS, random: () => 0.25 });
    expect(got).toEqual({ delayMs: 500, source: "backoff" });
  });
});
