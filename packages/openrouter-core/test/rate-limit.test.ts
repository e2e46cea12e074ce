import { describe, expect, it } from "vitest";
import { parseRateLimitHeaders } from "../src/index.js";

describe("parseRateLimitHeaders", () => {
  it("reads limit, remaining and an epoch-ms reset from headers or a response", () => {
    const headers = new Headers({
      "X-RateLimit-Limit": "20",
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": "1735732800000",
    });
    const want = { limit: 20, remaining: 0, reset: new Date(1735732800000) };
    expect(parseRateLimitHeaders(headers)).toEqual(want);
    expect(parseRateLimitHeaders(new Response(null, { headers }))).toEqual(want);
  });

  it("leaves absent or unparsable fields undefined", () => {
    const info = parseRateLimitHeaders(new Headers({ "x-ratelimit-limit": "lots" }));
    expect(info).toEqual({});
    expect(info.remaining).toBeUndefined();
  });

  it("recognises an epoch-seconds reset by magnitude", () => {
    const info = parseRateLimitHeaders(new Headers({ "x-ratelimit-reset": "1735732800" }));
    expect(info.reset?.getTime()).toBe(1735732800000);
  });
});
