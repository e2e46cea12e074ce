import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import {
  APIError,
  isTimeoutError,
  isUserAbortError,
  OpenRouterError,
  ProviderOverloadedError,
  ResponseParseError,
  sseStream,
  Stream,
  type OperationRequest,
} from "../../src/index.js";
import { testClient } from "../helpers/client.js";
import { delay, sendJson, startServer, startSSE } from "../helpers/http-server.js";
import { HOSTILE_STREAM, splitAt } from "./fixtures.js";

type Chunk = { id?: string; choices?: Array<{ delta: { content?: string } }>; type?: string };

const streamChat: OperationRequest = {
  operationId: "sendChatCompletionRequest",
  method: "POST",
  path: "/chat/completions",
  body: { model: "openai/gpt-4o", stream: true, messages: [] },
  response: "sse",
  readStream: sseStream,
};

const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: "gen-1", choices: [{ delta: { content } }] })}\n\n`;

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

describe("Stream over a real SSE response", () => {
  it("yields parsed data through keep-alives, hostile splits and multibyte text, ending at [DONE]", async () => {
    const bytes = Buffer.from(HOSTILE_STREAM, "utf8");
    const server = await startServer(async (_req, res) => {
      startSSE(res, { "x-generation-id": "gen-1" });
      // write the fixture in awkward pieces, some inside UTF-8 characters
      for (const part of splitAt(bytes, [1, 2, 40, 333, 334, 700, 701, 702, 850, 900, 951])) {
        res.write(part);
        await delay(1);
      }
      res.end('data: {"after":"done"}\n\n');
    });

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat);
    const events = await collect(stream);

    expect(stream).toBeInstanceOf(Stream);
    expect(stream.response.headers.get("x-generation-id")).toBe("gen-1");
    expect(events.map((e) => e.choices?.[0]?.delta.content ?? e.type)).toEqual([
      "héllo ",
      "世界 🎉",
      "response.output_text.delta",
      undefined,
    ]);
    expect(server.requests[0]!.headers["accept"]).toBe("text/event-stream");
  });

  it("delivers the first N events, then throws the typed in-band error", async () => {
    const server = await startServer(async (_req, res) => {
      startSSE(res);
      res.write(chunk("a") + chunk("b"));
      await delay(5);
      res.write(chunk("c"));
      res.end(
        `data: ${JSON.stringify({
          id: "gen-1",
          error: {
            code: 529,
            message: "Provider overloaded",
            metadata: { provider_name: "Anthropic" },
          },
          choices: [{ delta: { content: "" }, finish_reason: "error" }],
        })}\n\n`,
      );
    });

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const e of stream) seen.push(e.choices![0]!.delta.content!);
    })().catch((e: unknown) => e);

    expect(seen).toEqual(["a", "b", "c"]);
    expect(error).toBeInstanceOf(ProviderOverloadedError);
    expect(error).toMatchObject({ status: 529, code: 529, providerName: "Anthropic" });
    // assert mid-stream errors are not retried
    expect(server.requests).toHaveLength(1);
  });

  it("throws APIError for an error chunk without choices and a string code", async () => {
    const server = await startServer((_req, res) => {
      startSSE(res);
      res.end(chunk("a") + `data: {"error":{"code":"server_error","message":"boom"}}\n\n`);
    });

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat);
    const seen: Chunk[] = [];
    const error = await (async () => {
      for await (const e of stream) seen.push(e);
    })().catch((e: unknown) => e);

    expect(seen).toHaveLength(1);
    expect((error as APIError).constructor).toBe(APIError);
    expect(error).toMatchObject({ status: 200, code: "server_error", message: "200 boom" });
  });

  it("throws for a /responses `type: error` event", async () => {
    const server = await startServer((_req, res) => {
      startSSE(res);
      res.end(
        `event: error\ndata: {"type":"error","code":"rate_limit_exceeded","message":"Rate limit exceeded","param":null,"sequence_number":2}\n\n`,
      );
    });

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat);

    await expect(collect(stream)).rejects.toMatchObject({
      code: "rate_limit_exceeded",
      message: "200 Rate limit exceeded",
    });
  });

  it("names the raw text when event data is not JSON", async () => {
    const server = await startServer((_req, res) => {
      startSSE(res);
      res.end("data: not json at all\n\n");
    });

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat);
    const error = await collect(stream).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message).toContain("not json at all");
  });

  it("throws TimeoutError when the server stalls after an event", async () => {
    const server = await startServer((_req, res) => {
      startSSE(res);
      res.write(chunk("first"));
      // then nothing, forever
    });

    const stream = await testClient(server.url, { idleTimeout: 150 }).request<Stream<Chunk>>(
      streamChat,
    );
    const seen: Chunk[] = [];
    const error = await (async () => {
      for await (const e of stream) seen.push(e);
    })().catch((e: unknown) => e);

    expect(seen).toHaveLength(1);
    expect(isTimeoutError(error)).toBe(true);
    await server.closed(0); // assert the stalled connection was torn down
  });

  it("does not time out while keep-alive comments keep arriving", async () => {
    const server = await startServer(async (_req, res) => {
      startSSE(res);
      for (let i = 0; i < 25; i++) {
        res.write(": OPENROUTER PROCESSING\n\n");
        await delay(20);
      }
      res.end(chunk("finally") + "data: [DONE]\n\n");
    });

    // 500+ ms of comments every 20 ms against a 300 ms idle timeout
    const stream = await testClient(server.url, { idleTimeout: 300 }).request<Stream<Chunk>>(
      streamChat,
    );

    expect((await collect(stream)).map((e) => e.choices![0]!.delta.content)).toEqual(["finally"]);
  });

  it("aborts the request when the consumer breaks", async () => {
    const server = await startServer(async (_req, res) => {
      startSSE(res);
      for (let i = 0; i < 1000 && !res.destroyed; i++) {
        res.write(chunk(`t${i}`));
        await delay(10);
      }
      res.end();
    });

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat);
    for await (const e of stream) {
      if (e.choices![0]!.delta.content === "t2") break;
    }

    // assert the server sees its socket close long before it would finish
    await server.closed(0);
    expect(stream.controller.signal.aborted).toBe(true);
  });

  it("aborts when the consumer breaks in the middle of events that arrived in one chunk", async () => {
    const server = await startServer(async (_req, res) => {
      startSSE(res);
      res.write(
        chunk("t0") + chunk("t1") + ": OPENROUTER PROCESSING\n\n" + chunk("t2") + chunk("t3"),
      );
      for (let i = 0; i < 1000 && !res.destroyed; i++) {
        res.write(chunk("later"));
        await delay(10);
      }
      res.end();
    });

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat);
    const seen: string[] = [];
    for await (const e of stream) {
      seen.push(e.choices![0]!.delta.content!);
      if (seen.length === 2) break;
    }

    expect(seen).toEqual(["t0", "t1"]);
    await server.closed(0);
    expect(stream.controller.signal.aborted).toBe(true);
  });

  it("stops at [DONE] even when more events follow in the same chunk", async () => {
    const server = await startServer((_req, res) => {
      startSSE(res);
      res.end(chunk("a") + "data: [DONE]\n\n" + chunk("b") + `data: {"error":{"message":"x"}}\n\n`);
    });

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat);
    const events = await collect(stream);
    expect(events.map((e) => e.choices![0]!.delta.content)).toEqual(["a"]);
    expect(stream.controller.signal.aborted).toBe(false);
  });

  it("aborts the stream with UserAbortError when the caller's signal fires", async () => {
    const server = await startServer(async (_req, res) => {
      startSSE(res);
      res.write(chunk("a"));
    });
    const controller = new AbortController();

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat, {
      signal: controller.signal,
    });
    const error = await (async () => {
      for await (const _ of stream) controller.abort();
    })().catch((e: unknown) => e);

    expect(isUserAbortError(error)).toBe(true);
    await server.closed(0);
  });

  it("allows a single consumer, and two through tee()", async () => {
    const server = await startServer((_req, res) => {
      startSSE(res);
      res.end(chunk("x") + chunk("y") + "data: [DONE]\n\n");
    });
    const client = testClient(server.url);

    const once = await client.request<Stream<Chunk>>(streamChat);
    await collect(once);
    await expect(collect(once)).rejects.toThrow(OpenRouterError);
    await expect(collect(once)).rejects.toThrow(/tee\(\)/);

    const [left, right] = (await client.request<Stream<Chunk>>(streamChat)).tee();
    const [a, b] = await Promise.all([collect(left), collect(right)]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(2);
  });

  it("re-encodes events as NDJSON with toReadableStream()", async () => {
    const server = await startServer((_req, res) => {
      startSSE(res);
      res.end(chunk("x") + ": keep-alive\n\n" + chunk("ü") + "data: [DONE]\n\n");
    });

    const stream = await testClient(server.url).request<Stream<Chunk>>(streamChat);
    const text = await new Response(stream.toReadableStream()).text();

    expect(
      text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Chunk),
    ).toEqual([
      { id: "gen-1", choices: [{ delta: { content: "x" } }] },
      { id: "gen-1", choices: [{ delta: { content: "ü" } }] },
    ]);
  });

  it("throws the typed error when a stream request is answered with a JSON error body", async () => {
    const server = await startServer((_req, res) => {
      sendJson(res, 200, { error: { code: 402, message: "Insufficient credits" } });
    });

    const error = await testClient(server.url)
      .request<Stream<Chunk>>(streamChat)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "PaymentRequiredError", status: 402 });
  });
});

/** A context like the one request.ts passes, without timers or secrets. */
const plainContext = {
  idleTimeout: Infinity,
  abortError: () => undefined,
  redact: (text: string) => text,
};

/** A body with `count` events `data: 0` … that never ends (the server keeps generating). */
function endlessBody(count: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < count; i++) controller.enqueue(encoder.encode(`data: ${i}\n\n`));
    },
  });
}

describe("sseStream() with a hand-built context", () => {
  it("yields nothing for a response without a body", async () => {
    const controller = new AbortController();
    expect(await collect(sseStream(new Response(null), controller, plainContext))).toEqual([]);
    expect(controller.signal.aborted).toBe(false);
  });

  it("delivers a last event the server left without its blank line", async () => {
    const controller = new AbortController();
    const response = new Response('data: {"a":1}\n\ndata: {"b":2}');
    expect(await collect(sseStream(response, controller, plainContext))).toEqual([
      { a: 1 },
      { b: 2 },
    ]);
  });
});

describe("Stream.tee()", () => {
  it("aborts the request only once both branches have stopped early", async () => {
    const controller = new AbortController();
    const stream = sseStream(new Response(endlessBody(5)), controller, plainContext);
    const [left, right] = stream.tee() as [Stream<number>, Stream<number>];

    for await (const n of left) if (n === 1) break;
    expect(controller.signal.aborted).toBe(false);

    const seen: number[] = [];
    for await (const n of right) {
      seen.push(n);
      if (n === 4) break;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(controller.signal.aborted).toBe(true);
  });

  it("keeps no event once both branches have read it", async () => {
    // `gc()` without --expose-gc at startup: a new context sees the global once the flag is set.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const refs: Array<WeakRef<object>> = [];
    async function* events() {
      for (let i = 0; ; i++) {
        const event = { i };
        refs.push(new WeakRef(event));
        yield event;
      }
    }
    const [left, right] = new Stream(events, new AbortController(), new Response(null)).tee();
    const a = left[Symbol.asyncIterator]();
    const b = right[Symbol.asyncIterator]();
    for (let i = 0; i < 20; i++) {
      await a.next();
      await b.next();
    }
    // No deref() before gc() in the same job: it would keep the event alive until the job ends.
    for (let i = 0; i < 3; i++) {
      gc();
      await delay(10);
    }

    expect(refs.slice(0, 15).filter((r) => r.deref())).toHaveLength(0);
    await Promise.all([a.return!(), b.return!()]);
  });
});
