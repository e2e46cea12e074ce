import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  isAPIError,
  isTimeoutError,
  isUserAbortError,
  STATUS_ERRORS,
} from "../src/index.js";
import {
  captureLogger,
  chatRequest,
  getModels,
  recordingSleep,
  testClient,
} from "./helpers/client.js";
import { sendJson, startServer } from "./helpers/http-server.js";

const OK = { data: [{ id: "openai/gpt-4o" }] };

/** A server that answers the first `failures` requests with `status` (and headers), then 200. */
async function failingThenOk(
  failures: number,
  status: number,
  headers: Record<string, string> = {},
) {
  return startServer((_req, res, { index }) => {
    if (index < failures)
      sendJson(res, status, { error: { code: status, message: "nope" } }, headers);
    else sendJson(res, 200, OK);
  });
}

describe("retries", () => {
  const hinted: Array<[string, () => Record<string, string>, (ms: number) => boolean]> = [
    ["retry-after-ms", () => ({ "retry-after-ms": "250" }), (ms) => ms === 250],
    ["Retry-After seconds", () => ({ "retry-after": "3" }), (ms) => ms === 3000],
    [
      "Retry-After HTTP date",
      () => ({ "retry-after": new Date(Date.now() + 10_000).toUTCString() }),
      (ms) => ms > 7000 && ms <= 10_000,
    ],
    [
      "X-RateLimit-Reset",
      () => ({ "x-ratelimit-reset": String(Date.now() + 5000) }),
      (ms) => ms > 4000 && ms <= 5000,
    ],
    ["Retry-After over the cap", () => ({ "retry-after": "3600" }), (ms) => ms === 60_000],
  ];
  it.each(hinted)("429 with %s waits as told, then succeeds", async (_name, headers, delayOk) => {
    const server = await failingThenOk(1, 429, headers());
    const { delays, sleep } = recordingSleep();

    const data = await testClient(server.url, { sleep }).request(getModels);

    // assert one retry, with the hinted delay
    expect(data).toEqual(OK);
    expect(server.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expect(delayOk(delays[0]!)).toBe(true);
  });

  it.each([408, 409, 500, 502, 503, 524, 529])("retries %i", async (status) => {
    const server = await failingThenOk(2, status);
    const { delays, sleep } = recordingSleep();

    const data = await testClient(server.url, { sleep }).request(getModels);

    expect(data).toEqual(OK);
    expect(server.requests).toHaveLength(3);
    // assert backoff without hints: full jitter below 1 s, then below 2 s
    expect(delays[0]).toBeLessThan(1000);
    expect(delays[1]).toBeLessThan(2000);
  });

  it.each([400, 401, 402, 403, 404, 413, 422])("never retries %i", async (status) => {
    const server = await failingThenOk(1, status);
    const cls = STATUS_ERRORS.find(([s]) => s === status)![1];

    const error = await testClient(server.url)
      .request(getModels)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(cls);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a reset connection", async () => {
    const server = await startServer((req, res, { index }) => {
      if (index === 0) req.socket.destroy();
      else sendJson(res, 200, OK);
    });

    expect(await testClient(server.url).request(getModels)).toEqual(OK);
    expect(server.requests).toHaveLength(2);
  });

  it("throws ConnectionError when the connection keeps failing", async () => {
    const server = await startServer((req) => void req.socket.destroy());

    const error = await testClient(server.url, { maxRetries: 1 })
      .request(getModels)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConnectionError);
    // Node's fetch says "fetch failed"; the message names the cause's code instead
    expect((error as Error).message).toMatch(/^getModels: connection error \([A-Z_]+\)\.$/);
    expect(server.requests).toHaveLength(2);
  });

  it("throws the final typed error when the budget is exhausted", async () => {
    const server = await failingThenOk(99, 503);

    const error = await testClient(server.url)
      .request(getModels)
      .catch((e: unknown) => e);

    // assert maxRetries (2) + 1 attempts, then the 503's own class
    expect(server.requests).toHaveLength(3);
    expect(isAPIError(error) && error.name).toBe("ServiceUnavailableError");
  });

  it("obeys x-should-retry", async () => {
    const noRetry = await failingThenOk(1, 500, { "x-should-retry": "false" });
    await expect(testClient(noRetry.url).request(getModels)).rejects.toMatchObject({ status: 500 });
    expect(noRetry.requests).toHaveLength(1);

    const forced = await failingThenOk(1, 400, { "x-should-retry": "true" });
    await expect(testClient(forced.url).request(getModels)).resolves.toEqual(OK);
    expect(forced.requests).toHaveLength(2);
  });

  it("honours maxRetries per call", async () => {
    const server = await failingThenOk(99, 500);
    await expect(testClient(server.url).request(getModels, { maxRetries: 0 })).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it("rejects with UserAbortError as soon as the signal fires during backoff", async () => {
    const server = await failingThenOk(1, 429, { "retry-after": "30" });
    const controller = new AbortController();
    // the real sleep: a 30 s backoff that only an abort can cut short
    const client = testClient(server.url, { sleep: undefined });
    const started = Date.now();

    const pending = client
      .request(getModels, { signal: controller.signal })
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    const error = await pending;

    expect(isUserAbortError(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it("times out a silent attempt with TimeoutError and retries it", async () => {
    const server = await startServer((_req, res, { index }) => {
      if (index > 0) sendJson(res, 200, OK);
      // first request: never answer
    });

    expect(await testClient(server.url, { timeout: 100 }).request(getModels)).toEqual(OK);
    expect(server.requests).toHaveLength(2);
  });

  it("throws TimeoutError when every attempt times out", async () => {
    const server = await startServer(() => {});

    const error = await testClient(server.url, { timeout: 50, maxRetries: 1 })
      .request(getModels)
      .catch((e: unknown) => e);

    expect(isTimeoutError(error)).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it("waits for real between attempts with the default sleep", async () => {
    const server = await failingThenOk(2, 503);
    const client = testClient(server.url, {
      sleep: undefined,
      retry: { initialDelayMs: 40, jitter: "none" },
    });
    const started = Date.now();

    await client.request(getModels);

    // assert 40 ms + 80 ms of real backoff happened
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    expect(server.requests).toHaveLength(3);
  });

  it("re-sends the same body on every attempt and logs each decision", async () => {
    const server = await failingThenOk(1, 502);
    const log = captureLogger();
    const op = chatRequest("héllo 世界");

    await testClient(server.url, { logger: log.logger }).request(op);

    expect(server.requests.map((r) => r.body.toString())).toEqual([
      JSON.stringify(op.body),
      JSON.stringify(op.body),
    ]);
    const retryLine = log.lines.find((l) => l.message.includes("retrying"));
    expect(retryLine?.message).toMatch(
      /retrying after status 502 in \d+ms \(backoff\); next attempt 2\/3/,
    );
  });
});
