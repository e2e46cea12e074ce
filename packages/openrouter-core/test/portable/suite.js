// A runtime-agnostic test suite for @orkit/openrouter-core: plain ES2022 + web-standard APIs only
// (fetch, AbortController, TextEncoder, File, setTimeout), no test framework, no node:* imports.
// The same code runs in Node, Bun, Deno and a browser, against the loopback server in server.mjs.
// It imports the *built* core (dist/), as a consumer would; run.mjs also bundles it (with
// openapi-fetch) into one ESM file for the browser and the bundle rows.

import {
  BadGatewayError,
  BadRequestError,
  ClientClosedError,
  createClient,
  isAPIError,
  isBadGatewayError,
  isBadRequestError,
  isClientClosedError,
  isRateLimitError,
  isTimeoutError,
  isUserAbortError,
  paramsURL,
  parseRateLimitHeaders,
  RateLimitError,
  sseStream,
  Stream,
  TimeoutError,
  toFormData,
  VERSION,
} from "../../dist/index.js";

const KEY = "sk-or-v1-portable0123456789abcdef";

// ---- tiny harness --------------------------------------------------------------------------

const tests = [];
/** Registers a test; tests run one after another in registration order. */
export function test(name, fn) {
  tests.push({ name, fn });
}

/** Deep structural equality for JSON-like values (plus Dates); throws with both sides on mismatch. */
export function assertEqual(actual, expected, label = "value") {
  if (!deepEqual(actual, expected)) {
    throw new Error(`${label}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function assert(condition, label) {
  if (!condition) throw new Error(`assertion failed: ${label}`);
}

/** Awaits `promise` and returns what it rejected with; fails if it resolved. */
export async function rejection(promise, label = "promise") {
  try {
    const value = await promise;
    throw new HarnessError(`${label}: expected a rejection, resolved with ${show(value)}`);
  } catch (error) {
    if (error instanceof HarnessError) throw error;
    return error;
  }
}

class HarnessError extends Error {}

function deepEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}

function show(value) {
  try {
    return typeof value === "string"
      ? JSON.stringify(value)
      : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

function describeError(error) {
  if (!(error instanceof Error)) return show(error);
  const name = error.name && error.name !== "Error" ? `${error.name}: ` : "";
  const cause =
    error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : "";
  return `${name}${error.message}${cause}`;
}

/** Identifies the runtime executing the suite, for the report. */
export function runtimeName() {
  const g = globalThis;
  if (g.Deno?.version) return `deno ${g.Deno.version.deno}`;
  if (g.Bun?.version) return `bun ${g.Bun.version}`;
  if (g.process?.versions?.node && typeof g.document === "undefined") {
    return `node ${g.process.versions.node}`;
  }
  return g.navigator?.userAgent ?? "unknown";
}

const PER_TEST_TIMEOUT_MS = 10_000;

/**
 * Runs every test against `baseURL` (the server's origin, e.g. http://127.0.0.1:43121). `print`
 * receives one line per test and the final `portable: N passed, M failed` line.
 */
export async function runSuite({ baseURL, print = (line) => console.log(line) }) {
  if (!baseURL) throw new Error("portable suite: no base URL (pass it as argv[0] or ?api=)");
  ctx.origin = String(baseURL).replace(/\/+$/, "");
  ctx.api = `${ctx.origin}/api/v1`;
  print(`runtime: ${runtimeName()}`);
  const stopTracking = trackUnhandledRejections();
  let passed = 0;
  let failed = 0;
  for (const [i, { name, fn }] of tests.entries()) {
    const started = Date.now();
    let timer;
    try {
      await Promise.race([
        fn().then(assertNoUnhandledRejection),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`test timed out after ${PER_TEST_TIMEOUT_MS}ms`)),
            PER_TEST_TIMEOUT_MS,
          );
        }),
      ]);
      passed++;
      print(`ok ${i + 1} - ${name} (${Date.now() - started}ms)`);
    } catch (error) {
      failed++;
      print(`not ok ${i + 1} - ${name}: ${describeError(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  // Late rejections (from aborted streams) surface after a turn of the event loop.
  await pause(100);
  stopTracking();
  for (const reason of unhandled.splice(0)) {
    failed++;
    print(`not ok - unhandled rejection outside any test: ${describeError(reason)}`);
  }
  print(`portable: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}

/**
 * Records unhandled promise rejections instead of letting the runtime crash or merely log them
 * (Node and Bun exit non-zero, Deno aborts, browsers only log): each is a bug a user would hit.
 */
const unhandled = [];
function trackUnhandledRejections() {
  const g = globalThis;
  const seen = (reason) => {
    if (!unhandled.includes(reason)) unhandled.push(reason);
  };
  const onEvent = (event) => {
    event.preventDefault?.();
    seen(event.reason);
  };
  g.addEventListener?.("unhandledrejection", onEvent);
  g.process?.on?.("unhandledRejection", seen);
  return () => {
    g.removeEventListener?.("unhandledrejection", onEvent);
    g.process?.off?.("unhandledRejection", seen);
  };
}

/** Fails the current test if it caused an unhandled rejection. */
async function assertNoUnhandledRejection() {
  await pause(50);
  const leaked = unhandled.splice(0);
  if (leaked.length) {
    throw new Error(`unhandled rejection: ${leaked.map(describeError).join("; ")}`);
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- helpers -------------------------------------------------------------------------------

const ctx = { origin: "", api: "" };
const uniqueKey = (prefix) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

function client(options = {}) {
  return createClient({ apiKey: KEY, baseURL: ctx.api, ...options });
}

/** A real (timer-based) sleep that records the delays the client asked for. */
function recordingSleep() {
  const delays = [];
  const sleep = (ms, signal) =>
    new Promise((resolve, reject) => {
      delays.push(ms);
      const t = setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => (clearTimeout(t), reject(signal.reason)), {
        once: true,
      });
    });
  return { delays, sleep };
}

async function getJSON(path) {
  const res = await fetch(`${ctx.api}${path}`);
  return res.json();
}

const chat = (scenario, key = "") => ({
  operationId: "sendChatCompletionRequest",
  method: "POST",
  path: "/chat/completions",
  query: { scenario, key },
  buildURL: paramsURL,
  body: { model: "portable/model", stream: true, messages: [{ role: "user", content: "Hi" }] },
  response: "sse",
  readStream: sseStream,
});

const get = (path, query) => ({
  operationId: path.slice(1),
  method: "GET",
  path,
  query,
  buildURL: paramsURL,
  response: "json",
});

// ---- tests ---------------------------------------------------------------------------------

test("JSON request carries auth, attribution, SDK and default headers and a UTF-8 body", async () => {
  const body = { model: "portable/model", messages: [{ role: "user", content: "héllo 😀 ✓" }] };
  const echo = await client({
    httpReferer: "https://example.com/portable",
    appTitle: "Orkit Portable",
    appCategories: ["cli-agent", "testing"],
    defaultHeaders: { "X-Portable-Run": "1" },
  }).request({ operationId: "echo", method: "POST", path: "/echo", body, response: "json" });

  const h = echo.headers;
  assertEqual(echo.method, "POST", "method");
  assertEqual(h["authorization"], `Bearer ${KEY}`, "authorization");
  assertEqual(h["http-referer"], "https://example.com/portable", "http-referer");
  assertEqual(h["x-openrouter-title"], "Orkit Portable", "x-openrouter-title");
  assertEqual(h["x-title"], "Orkit Portable", "x-title");
  assertEqual(h["x-openrouter-categories"], "cli-agent,testing", "x-openrouter-categories");
  assertEqual(h["x-openrouter-sdk"], `orkit-ts/${VERSION}`, "x-openrouter-sdk");
  assertEqual(h["x-portable-run"], "1", "default header");
  assertEqual(h["accept"], "application/json", "accept");
  assertEqual(h["content-type"], "application/json", "content-type");
  assertEqual(JSON.parse(echo.body), body, "echoed body");
});

test("query parameters and path are serialised the same everywhere", async () => {
  const echo = await client().request({
    operationId: "echoQuery",
    method: "GET",
    path: "/echo",
    query: { tags: ["a", "b"], q: "a b&c/é", n: 5, skip: undefined },
    buildURL: paramsURL,
    response: "json",
  });
  assertEqual(echo.url, "/api/v1/echo?tags=a&tags=b&q=a%20b%26c%2F%C3%A9&n=5", "url");
});

test("withResponse() returns data, readable response headers and the request id", async () => {
  const { data, response, requestId } = await client().request(get("/meta")).withResponse();
  assertEqual(data, { data: [{ id: "portable/model" }] }, "data");
  assertEqual(response.status, 200, "status");
  assertEqual(requestId, "gen-portable-1", "requestId (x-generation-id)");
  assertEqual(response.headers.get("x-ratelimit-remaining"), "7", "x-ratelimit-remaining");
  const info = parseRateLimitHeaders(response);
  assertEqual(
    info,
    { limit: 100, remaining: 7, reset: new Date(1893456000000) },
    "rate limit info",
  );
});

test("429 is retried after the server's Retry-After (0.2 s), then succeeds", async () => {
  const key = uniqueKey("flaky");
  const { delays, sleep } = recordingSleep();
  // Backoff without the header would be exactly 5 s: a hidden Retry-After cannot pass unnoticed.
  const started = Date.now();
  const result = await client({ sleep, retry: { initialDelayMs: 5000, jitter: "none" } }).request(
    get("/flaky-429", { key }),
  );
  assertEqual(result, { ok: true, attempts: 2 }, "result");
  assertEqual(delays, [200], "retry delays (ms)");
  assert(Date.now() - started >= 190, "waited the Retry-After delay");
});

test("429 after the last retry → RateLimitError with status, headers and message", async () => {
  const key = uniqueKey("always");
  const { delays, sleep } = recordingSleep();
  const error = await rejection(
    client({ sleep, maxRetries: 1 }).request(get("/always-429", { key })),
  );
  assert(
    error instanceof RateLimitError,
    `instanceof RateLimitError (got ${describeError(error)})`,
  );
  assert(isRateLimitError(error) && isAPIError(error), "guards");
  assertEqual(error.name, "RateLimitError", "name");
  assertEqual(error.status, 429, "status");
  assertEqual(error.message, "429 Rate limit exceeded: always", "message");
  assertEqual(error.requestId, "req-429", "requestId");
  assertEqual(error.headers.get("retry-after"), "0.05", "retry-after header on the error");
  assertEqual(delays, [50], "retry delays (ms)");
  assertEqual((await getJSON(`/attempts?of=${key}`)).attempts, 2, "attempts");
});

test("400 → BadRequestError, not retried", async () => {
  const key = uniqueKey("bad");
  const { delays, sleep } = recordingSleep();
  const error = await rejection(
    client({ sleep }).request({
      operationId: "badRequest",
      method: "POST",
      path: "/bad-request",
      query: { key },
      buildURL: paramsURL,
      body: { model: "x" },
      response: "json",
    }),
  );
  assert(
    error instanceof BadRequestError,
    `instanceof BadRequestError (got ${describeError(error)})`,
  );
  assert(isBadRequestError(error), "isBadRequestError");
  assertEqual(error.status, 400, "status");
  assertEqual(error.code, 400, "code");
  assertEqual(error.message, "400 messages: Required", "message");
  assertEqual(error.metadata, { param: "messages" }, "metadata");
  assertEqual(error.requestId, "req-400", "requestId");
  assertEqual(delays, [], "no retries");
  assertEqual((await getJSON(`/attempts?of=${key}`)).attempts, 1, "attempts");
});

test("SSE: keep-alive comments skipped, UTF-8 split across writes, CRLF, ends at [DONE]", async () => {
  const stream = await client().request(chat("chat"));
  assert(stream instanceof Stream, "a Stream");
  assertEqual(stream.response.headers.get("x-generation-id"), "gen-chat", "stream response header");
  const contents = [];
  const finish = [];
  for await (const chunk of stream) {
    contents.push(chunk.choices[0].delta.content);
    if (chunk.choices[0].finish_reason) finish.push(chunk.choices[0].finish_reason);
  }
  assertEqual(contents, ["Hé", "😀 wörld", "!", ""], "deltas");
  assertEqual(finish, ["stop"], "finish reasons");
});

test("SSE: an in-band error event throws the typed error after earlier events", async () => {
  const stream = await client().request(chat("inband-error"));
  const seen = [];
  const error = await rejection(
    (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0].delta.content);
    })(),
  );
  assertEqual(seen, ["partial"], "events before the error");
  assert(
    error instanceof BadGatewayError,
    `instanceof BadGatewayError (got ${describeError(error)})`,
  );
  assert(isBadGatewayError(error), "isBadGatewayError");
  assertEqual(error.status, 502, "status");
  assertEqual(error.providerName, "Acme", "providerName");
  assertEqual(error.message, "502 Provider disconnected [Acme]", "message");
});

test("SSE: breaking out of for-await aborts the HTTP request", async () => {
  const key = uniqueKey("endless");
  const stream = await client().request(chat("endless", key));
  let n = 0;
  for await (const _chunk of stream) {
    if (++n === 3) break;
  }
  assert(stream.controller.signal.aborted, "stream controller aborted");
  const state = await getJSON(`/stream-closed?of=${key}`);
  assertEqual(state.closed, true, "server saw the connection close");
  assert(state.events < 100, `server stopped writing early (wrote ${state.events} events)`);
});

test("client.close() ends an open stream with ClientClosedError", async () => {
  const key = uniqueKey("closing");
  const c = client();
  const stream = await c.request(chat("endless", key));
  const iterator = stream[Symbol.asyncIterator]();
  await iterator.next();
  await c.close();
  const error = await rejection(iterator.next());
  assert(error instanceof ClientClosedError, `ClientClosedError (got ${describeError(error)})`);
  assert(isClientClosedError(error) && isUserAbortError(error), "guards");
  assertEqual((await getJSON(`/stream-closed?of=${key}`)).closed, true, "server saw the close");
});

test("close() while a stream is paused: the caller gets ClientClosedError and nothing leaks", async () => {
  // A fetch whose body errors the moment the request is aborted: what Bun's fetch does with the
  // loopback server (and many fetch polyfills do). Deterministic, so no network timing involved.
  const encoder = new TextEncoder();
  const c = client({
    fetch: async (_url, init) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(encoder.encode('data: {"n":1}\n\n'));
            const { signal } = init;
            signal.addEventListener("abort", () => controller.error(signal.reason));
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      ),
  });
  const stream = await c.request(chat("custom-fetch"));
  const iterator = stream[Symbol.asyncIterator]();
  assertEqual((await iterator.next()).value, { n: 1 }, "first event");
  await c.close();
  await pause(10);
  const error = await rejection(iterator.next());
  assert(isClientClosedError(error), `ClientClosedError (got ${describeError(error)})`);
  // assertNoUnhandledRejection (run after every test) catches the read left unobserved.
});

test("timeout before headers → TimeoutError (no retries)", async () => {
  const started = Date.now();
  const error = await rejection(
    client({ timeout: 250, maxRetries: 0 }).request(get("/slow-headers")),
  );
  assert(error instanceof TimeoutError, `instanceof TimeoutError (got ${describeError(error)})`);
  assert(isTimeoutError(error), "isTimeoutError");
  const elapsed = Date.now() - started;
  assert(elapsed >= 200 && elapsed < 3000, `timed out near 250 ms (took ${elapsed} ms)`);
});

test("caller's AbortSignal → UserAbortError", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("user gave up")), 100);
  const error = await rejection(
    client().request(get("/slow-headers"), { signal: controller.signal }),
  );
  assert(isUserAbortError(error), `isUserAbortError (got ${describeError(error)})`);
  assert(!isClientClosedError(error), "not ClientClosedError");
});

test("SSE idle timeout → TimeoutError mid-stream", async () => {
  const stream = await client({ idleTimeout: 300 }).request(chat("stall"));
  const seen = [];
  const error = await rejection(
    (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0].delta.content);
    })(),
  );
  assertEqual(seen, ["first"], "events before the stall");
  assert(error instanceof TimeoutError, `instanceof TimeoutError (got ${describeError(error)})`);
});

test("SSE keep-alive comments keep an idle timeout from firing", async () => {
  const stream = await client({ idleTimeout: 250 }).request(chat("keepalive"));
  const contents = [];
  for await (const chunk of stream) contents.push(chunk.choices[0].delta.content);
  assertEqual(contents, ["after keep-alives"], "deltas");
});

test("multipart upload keeps the file name and bytes", async () => {
  const file = new File([new Uint8Array([0xff, 0x00, 0x7f])], "clip.wav", { type: "audio/wav" });
  const result = await client().request({
    operationId: "upload",
    method: "POST",
    path: "/upload",
    body: toFormData({ file, model: "openai/whisper", tags: ["a", "b"] }),
    response: "json",
  });
  assertEqual(
    result,
    {
      contentType: "multipart/form-data",
      model: "openai/whisper",
      tags: ["a", "b"],
      fileName: "clip.wav",
      fileBytes: [255, 0, 127],
    },
    "server view of the form",
  );
});
