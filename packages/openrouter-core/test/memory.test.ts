/**
 * What a request leaves behind on the long-lived signals it listens to (the client's close signal,
 * a caller's shared signal), and whether the heap grows per request. Node 20's `AbortSignal.any`
 * made a long-lived source retain every signal combined from it (nodejs/node#55351): ~245 B per
 * request. These tests pin the fix: nothing is left on those signals once a request settles.
 */
import { getEventListeners } from "node:events";
import v8 from "node:v8";
import vm from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ClientClosedError,
  createClient,
  isClientClosedError,
  isUserAbortError,
  RateLimitError,
  sseStream,
  Stream,
  type ClientOptions,
  type OperationRequest,
  type OpenRouterClient,
} from "../src/index.js";
import { chatRequest, recordingSleep, TEST_KEY } from "./helpers/client.js";
import { delay, startServer, startSSE } from "./helpers/http-server.js";

// `gc()` without restarting the worker with --expose-gc: the flag can be set at runtime, and a new
// context then sees the `gc` global.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

afterEach(() => {
  vi.restoreAllMocks();
});

const BASE = "https://openrouter.invalid/api/v1";
const CHAT_BODY = JSON.stringify({
  id: "gen-1",
  object: "chat.completion",
  choices: [{ index: 0, message: { role: "assistant", content: "Hello!" }, finish_reason: "stop" }],
});
const chat = chatRequest();
const json = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
const sse = (text: string) =>
  new Response(text, { status: 200, headers: { "content-type": "text/event-stream" } });

/**
 * A client, plus its close signal (private): the AbortController the constructor creates is
 * recorded through a subclass installed for the duration of the call.
 */
function clientWithCloseSignal(options: ClientOptions): {
  client: OpenRouterClient;
  closeSignal: AbortSignal;
} {
  const Original = globalThis.AbortController;
  const made: AbortController[] = [];
  globalThis.AbortController = class extends Original {
    constructor() {
      super();
      made.push(this);
    }
  };
  try {
    const client = createClient({ apiKey: TEST_KEY, baseURL: BASE, ...options });
    expect(made).toHaveLength(1);
    return { client, closeSignal: made[0]!.signal };
  } finally {
    globalThis.AbortController = Original;
  }
}

const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

/** Runs `gc()` and lets finalizers run until `done()` or ~2 s pass. */
async function collectUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 40 && !done(); i++) {
    gc();
    await delay(50);
  }
}

describe("listeners on long-lived signals", () => {
  it("a settled request leaves nothing on the client's close signal or the caller's signal, whatever the outcome", async () => {
    let respond: (request: Request, signal: AbortSignal) => Response | Promise<Response> = () =>
      json(CHAT_BODY);
    const { client, closeSignal } = clientWithCloseSignal({
      // The signal is passed as given: a `new Request(input, init)` dropped here would let undici
      // collect the controller behind `request.signal`, which then never aborts (a flaky hang).
      fetch: async (input, init) => respond(new Request(input, init), init!.signal!),
      sleep: recordingSleep().sleep,
    });
    const caller = new AbortController(); // one signal shared by every call, as apps do
    const call = <T>(req: OperationRequest = chat) =>
      client.request<T>(req, { signal: caller.signal });
    const settled = () => {
      expect(listeners(closeSignal)).toBe(0);
      expect(listeners(caller.signal)).toBe(0);
    };
    const streamReq: OperationRequest = { ...chat, response: "sse", readStream: sseStream };
    const events = (...contents: string[]) =>
      contents.map((c) => `data: {"choices":[{"delta":{"content":"${c}"}}]}\n\n`).join("");

    // success
    expect(await call()).toMatchObject({ id: "gen-1" });
    settled();
    // withResponse
    expect((await call().withResponse()).requestId).toBeUndefined();
    settled();
    // final API error (not retried), and one retried first
    respond = () =>
      json('{"error":{"code":429,"message":"slow down"}}', 429, {
        "x-should-retry": "false",
      });
    await expect(call()).rejects.toBeInstanceOf(RateLimitError);
    settled();
    let n = 0;
    respond = () => (n++ === 0 ? json("{}", 503) : json(CHAT_BODY));
    expect(await call()).toMatchObject({ id: "gen-1" });
    settled();
    // connection failures until the budget is spent
    respond = () => {
      throw new TypeError("fetch failed");
    };
    await expect(call()).rejects.toMatchObject({ name: "ConnectionError" });
    settled();
    // a 200 that is an error object, and invalid JSON
    respond = () => json('{"error":{"code":500,"message":"x"}}');
    await expect(call()).rejects.toMatchObject({ status: 500 });
    settled();
    respond = () => json("{nope");
    await expect(call()).rejects.toMatchObject({ name: "ResponseParseError" });
    settled();
    // text and empty bodies
    respond = () => new Response("hello");
    expect(await call({ ...chat, response: "text" })).toBe("hello");
    settled();
    respond = () => new Response(null, { status: 204 });
    expect(await call({ ...chat, response: "empty" })).toBeUndefined();
    settled();
    // a stream read to the end, one left early, one ending in an in-band error
    respond = () => sse(`${events("a", "b")}data: [DONE]\n\n`);
    let seen = 0;
    for await (const _ of await call<Stream<unknown>>(streamReq)) seen++;
    expect(seen).toBe(2);
    settled();
    respond = () => sse(events("a", "b", "c"));
    for await (const _ of await call<Stream<unknown>>(streamReq)) break;
    settled();
    respond = () => sse(`${events("a")}data: {"error":{"code":502,"message":"upstream"}}\n\n`);
    await expect(
      (async () => {
        for await (const _ of await call<Stream<unknown>>(streamReq));
      })(),
    ).rejects.toMatchObject({ status: 502 });
    settled();
    // an SSE operation answered with JSON
    respond = () => json('{"error":{"code":400,"message":"bad"}}');
    await expect(call(streamReq)).rejects.toMatchObject({ status: 400 });
    settled();
    // cancelled by the caller while waiting for headers
    respond = (_request, signal) =>
      new Promise<Response>((_resolve, reject) =>
        signal.addEventListener("abort", () => reject(signal.reason as Error)),
      );
    const cancel = new AbortController();
    const pending = client.request(chat, { signal: cancel.signal }).catch((e: unknown) => e);
    await delay(5);
    expect(listeners(closeSignal)).toBe(1);
    expect(listeners(cancel.signal)).toBe(1);
    cancel.abort();
    expect(isUserAbortError(await pending)).toBe(true);
    expect(listeners(closeSignal)).toBe(0);
  });

  it("a signal aborted while the API key function runs ends the request, and leaves nothing on it", async () => {
    let fetched = 0;
    const caller = new AbortController();
    const { client, closeSignal } = clientWithCloseSignal({
      apiKey: async () => {
        caller.abort();
        return TEST_KEY;
      },
      fetch: async () => {
        fetched++;
        return json(CHAT_BODY);
      },
    });

    const error = await client.request(chat, { signal: caller.signal }).catch((e: unknown) => e);

    expect(isUserAbortError(error)).toBe(true);
    expect(fetched).toBe(0);
    expect(listeners(caller.signal)).toBe(0);
    expect(listeners(closeSignal)).toBe(0);
  });

  it("in-flight requests share one listener per signal (no MaxListenersExceededWarning), and close() still aborts them all", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      const { client, closeSignal } = clientWithCloseSignal({
        fetch: (_input, init) =>
          new Promise<Response>((_resolve, reject) => {
            const signal = init!.signal!;
            signal.addEventListener("abort", () => reject(signal.reason as Error));
          }),
      });
      const caller = new AbortController();
      const pending = Array.from({ length: 32 }, () =>
        client.request(chat, { signal: caller.signal }).catch((e: unknown) => e),
      );
      await delay(20);

      expect(listeners(closeSignal)).toBe(1);
      expect(listeners(caller.signal)).toBe(1);
      await client.close();
      const errors = await Promise.all(pending);
      expect(errors.every((e) => e instanceof ClientClosedError)).toBe(true);
      expect(listeners(caller.signal)).toBe(0);
      await delay(10); // warnings are emitted on the next tick
      expect(warnings).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("a response handed over unread (asResponse, binary) stays abortable, and detaches once collected", async () => {
    const server = await startServer((_req, res) => {
      startSSE(res);
      res.write("partial"); // and never ends
    });
    const { client, closeSignal } = clientWithCloseSignal({ baseURL: server.url });
    const binary: OperationRequest = { ...chat, response: "binary" };

    // held: close() tears its body down
    const held = await client.request(binary).asResponse();
    const reader = held.body!.getReader();
    await reader.read();
    expect(listeners(closeSignal)).toBe(1);
    // dropped unread: nothing left once the responses are collected
    for (let i = 0; i < 5; i++) await client.request<Response>(binary);
    for (let i = 0; i < 5; i++) await client.request(binary).asResponse();
    await collectUntil(() => listeners(closeSignal) <= 1);
    expect(listeners(closeSignal)).toBe(1); // the held one only
    await client.close();
    await expect(reader.read()).rejects.toThrow();
  });

  it("clients derived per call (withOptions) leave nothing on their parent, and still close with it", async () => {
    const { client: parent, closeSignal } = clientWithCloseSignal({
      fetch: async () => json(CHAT_BODY),
    });
    for (let i = 0; i < 200; i++) await parent.withOptions({ timeout: 5000 + i }).request(chat);
    const kept = parent.withOptions({ appTitle: "kept" }).withOptions({ appTitle: "grandchild" });

    expect(listeners(closeSignal)).toBe(0);
    await parent.close();
    expect(kept.closed).toBe(true);
    await expect(kept.request(chat)).rejects.toSatisfy(isClientClosedError);
  });

  it("a derived client's in-flight request is aborted when its parent closes", async () => {
    const { client: parent, closeSignal } = clientWithCloseSignal({
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = init!.signal!;
          signal.addEventListener("abort", () => reject(signal.reason as Error));
        }),
    });
    const pending = parent
      .withOptions({})
      .request(chat)
      .catch((e: unknown) => e);
    await delay(10);
    expect(listeners(closeSignal)).toBe(1);

    await parent.close();

    expect(await pending).toBeInstanceOf(ClientClosedError);
    expect(listeners(closeSignal)).toBe(0);
  });
});

describe("heap", () => {
  it("does not grow per request (20k requests through an in-process fetch)", async () => {
    const { client, closeSignal } = clientWithCloseSignal({ fetch: async () => json(CHAT_BODY) });
    const caller = new AbortController();
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const data = await client.request<{ id: string }>(chat, { signal: caller.signal });
        if (data.id !== "gen-1") throw new Error("unexpected body");
      }
    };
    const settledHeap = async () => {
      for (let i = 0; i < 3; i++) {
        await delay(20);
        gc();
      }
      return process.memoryUsage().heapUsed;
    };
    const N = 20_000;
    // The warm-up is as long as the measured run: undici registers every `Request` that has a
    // signal in a FinalizationRegistry whose table, sized by the registrations pending between
    // event-loop turns (a loop of in-process answers has none), never shrinks. Sized once here, it
    // does not count as growth below; in a real app those entries are cleaned every turn anyway.
    await run(N);
    const before = await settledHeap();
    await run(N);
    const after = await settledHeap();

    const perRequest = (after - before) / N;
    expect(perRequest).toBeLessThan(20);
    expect(listeners(closeSignal)).toBe(0);
    expect(listeners(caller.signal)).toBe(0);
  }, 120_000);
});
