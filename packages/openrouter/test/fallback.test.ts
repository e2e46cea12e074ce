import { describe, expect, expectTypeOf, it } from "vitest";
import {
  BadGatewayError,
  BadRequestError,
  ChatWithFallbackResource,
  createClient,
  createModelCache,
  isDefaultFallbackError,
  OpenRouter,
  RateLimitError,
  sendWithFallback,
  ServiceUnavailableError,
  type APIPromise,
  type ChatSendResponse,
  type ChatSendStreamChunk,
  type FallbackEvent,
  type Stream,
} from "../src/index.js";
import {
  chunk,
  completion,
  errorBody,
  MODELS_BODY,
  streamError,
} from "./helpers/openrouter-fixtures.js";
import {
  json,
  sendJson,
  sse,
  startRouteServer,
  type RouteHandler,
} from "./helpers/route-server.js";

const messages = [{ role: "user" as const, content: "What is the capital of France?" }];

async function setup(
  chat: RouteHandler | RouteHandler[],
  extra: Parameters<typeof startRouteServer>[0] = {},
) {
  const server = await startRouteServer({ "POST /chat/completions": chat, ...extra });
  const client = createClient({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
  const chatBodies = () => server.calls("POST /chat/completions").map((r) => r.body);
  return { server, client, chatBodies };
}

/** Answers each chat request by the model in its body. */
function byModel(handlers: Record<string, RouteHandler>): RouteHandler {
  return (req, res, call) => handlers[req.body.model]!(req, res, call);
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

describe("native fallback (fallbackModels)", () => {
  it("sends one request with models: [model, ...fallbackModels]", async () => {
    const { client, chatBodies } = await setup(json(completion("anthropic/claude-3.5-sonnet")));
    const result = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      fallbackModels: [
        "anthropic/claude-3.5-sonnet",
        "openai/gpt-4o",
        "google/gemini-2.0-flash-001",
      ],
      messages,
    });
    expect(result.model).toBe("anthropic/claude-3.5-sonnet");
    expect(chatBodies()).toEqual([
      {
        model: "openai/gpt-4o",
        models: ["openai/gpt-4o", "anthropic/claude-3.5-sonnet", "google/gemini-2.0-flash-001"],
        messages,
      },
    ]);
  });

  it("without fallbacks it is plain chat.send, and never leaks its own keys into the body", async () => {
    const { client, chatBodies } = await setup(json(completion("openai/gpt-4o")));
    await sendWithFallback(client, { model: "openai/gpt-4o", messages, fallbackModels: [] });
    expect(chatBodies()).toEqual([{ model: "openai/gpt-4o", messages }]);
  });
});

describe("client-side fallback", () => {
  it("503 on the primary → the next model answers; models tried in order with single-model bodies", async () => {
    const events: FallbackEvent[] = [];
    const { client, chatBodies } = await setup(
      byModel({
        "openai/gpt-4o": json(errorBody(503, "No instances available", "OpenAI"), 503),
        "anthropic/claude-3.5-sonnet": json(completion("anthropic/claude-3.5-sonnet")),
      }),
    );
    const { data, response } = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      temperature: 0.2,
      fallbackModels: ["anthropic/claude-3.5-sonnet", "openai/gpt-4o-mini"],
      fallback: { onFallback: (e) => events.push(e) },
    }).withResponse();
    expect(data.model).toBe("anthropic/claude-3.5-sonnet");
    expect(data.choices[0]?.message.content).toBe("Paris.");
    expect(response.status).toBe(200);
    expect(chatBodies()).toEqual([
      { model: "openai/gpt-4o", messages, temperature: 0.2 },
      { model: "anthropic/claude-3.5-sonnet", messages, temperature: 0.2 },
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      from: "openai/gpt-4o",
      to: "anthropic/claude-3.5-sonnet",
      attempt: 1,
    });
    expect(events[0]!.error).toBeInstanceOf(ServiceUnavailableError);
  });

  it("falls back on 429 and on a 200 whose body is an error (typed by the runtime)", async () => {
    const { client, chatBodies } = await setup(
      byModel({
        "openai/gpt-4o": json(errorBody(429, "Rate limit exceeded: free-models-per-min"), 429, {
          "retry-after": "0",
        }),
        "openai/gpt-4o-mini": (_req, res) => {
          // A 200 carrying an error object, padded with keep-alive whitespace.
          sendJson(res, 200, errorBody(502, "Provider returned error", "OpenAI"));
        },
        "anthropic/claude-3.5-haiku": json(completion("anthropic/claude-3.5-haiku")),
      }),
    );
    const errors: unknown[] = [];
    const result = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      fallback: {
        models: ["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku"],
        onFallback: (e) => errors.push(e.error),
      },
    });
    expect(result.model).toBe("anthropic/claude-3.5-haiku");
    expect(chatBodies().map((b) => b.model)).toEqual([
      "openai/gpt-4o",
      "openai/gpt-4o-mini",
      "anthropic/claude-3.5-haiku",
    ]);
    expect(errors[0]).toBeInstanceOf(RateLimitError);
    expect(errors[1]).toBeInstanceOf(BadGatewayError);
    expect((errors[1] as BadGatewayError).providerName).toBe("OpenAI");
  });

  it("does not fall back on 400: the error is thrown after one request", async () => {
    const { client, chatBodies } = await setup(json(errorBody(400, "messages: Required"), 400));
    const onFallback = (): void => {
      throw new Error("must not fall back");
    };
    const error = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      fallback: { models: ["anthropic/claude-3.5-sonnet"], onFallback },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(chatBodies()).toHaveLength(1);
  });

  it("falls back on 404 (model not found) and a connection failure; throws the last error when all fail", async () => {
    const { client, chatBodies } = await setup(
      byModel({
        "acme/retired": json(errorBody(404, "No endpoints found for acme/retired."), 404),
        "openai/gpt-4o": (_req, res) => {
          res.destroy();
        },
        "anthropic/claude-3.5-sonnet": json(errorBody(502, "Bad gateway", "Anthropic"), 502),
      }),
    );
    const froms: string[] = [];
    const error = await sendWithFallback(client, {
      model: "acme/retired",
      messages,
      fallback: {
        models: ["openai/gpt-4o", "anthropic/claude-3.5-sonnet"],
        onFallback: (e) => froms.push(`${e.from}→${e.to}:${(e.error as Error).name}`),
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(froms).toEqual([
      "acme/retired→openai/gpt-4o:NotFoundError",
      "openai/gpt-4o→anthropic/claude-3.5-sonnet:ConnectionError",
    ]);
    expect(chatBodies().map((b) => b.model)).toEqual([
      "acme/retired",
      "openai/gpt-4o",
      "anthropic/claude-3.5-sonnet",
    ]);
  });

  it("honours a custom shouldFallback and maxRetriesPerModel", async () => {
    const { client, chatBodies } = await setup(
      byModel({
        "openai/gpt-4o": json(errorBody(503, "overloaded"), 503, { "retry-after-ms": "1" }),
        "openai/gpt-4o-mini": json(completion("openai/gpt-4o-mini")),
      }),
    );
    await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      fallback: { models: ["openai/gpt-4o-mini"], maxRetriesPerModel: 1 },
    });
    // one retry of the primary by the runtime, then the fallback
    expect(chatBodies().map((b) => b.model)).toEqual([
      "openai/gpt-4o",
      "openai/gpt-4o",
      "openai/gpt-4o-mini",
    ]);

    const refused = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      fallback: { models: ["openai/gpt-4o-mini"], shouldFallback: () => false },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
  });

  it("strategy 'cost' picks fallbacks from /models only once the primary failed", async () => {
    const { server, client, chatBodies } = await setup(
      byModel({
        "openai/gpt-4o": json(errorBody(503, "No instances available"), 503),
        "openai/gpt-4o-mini": json(errorBody(500, "Internal error"), 500),
        "anthropic/claude-3.5-haiku": json(completion("anthropic/claude-3.5-haiku")),
      }),
      { "GET /models": json(MODELS_BODY) },
    );
    const cache = createModelCache();
    const result = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      fallback: { strategy: "cost", cache },
    });
    expect(result.model).toBe("anthropic/claude-3.5-haiku");
    expect(chatBodies().map((b) => b.model)).toEqual([
      "openai/gpt-4o",
      "openai/gpt-4o-mini",
      "anthropic/claude-3.5-haiku",
    ]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /api/v1/chat/completions",
      "GET /api/v1/models",
      "POST /api/v1/chat/completions",
      "POST /api/v1/chat/completions",
    ]);

    // A healthy primary costs no /models request.
    const healthy = await setup(json(completion("openai/gpt-4o")));
    await sendWithFallback(healthy.client, {
      model: "openai/gpt-4o",
      messages,
      fallback: { strategy: "cost", cache: createModelCache() },
    });
    expect(healthy.server.requests).toHaveLength(1);
  });

  it("requires a model for client-side fallback", async () => {
    const { client } = await setup(json(completion("x/y")));
    await expect(sendWithFallback(client, { messages, fallback: true })).rejects.toBeInstanceOf(
      TypeError,
    );
  });
});

describe("client-side fallback with stream: true", () => {
  it("an error event before the first chunk falls back to the next model", async () => {
    const { client, chatBodies } = await setup(
      byModel({
        "openai/gpt-4o": sse([streamError("openai/gpt-4o", 502, "Provider returned error")]),
        "anthropic/claude-3.5-sonnet": sse([
          chunk("anthropic/claude-3.5-sonnet", { role: "assistant", content: "Par" }),
          chunk("anthropic/claude-3.5-sonnet", { content: "is." }),
          chunk("anthropic/claude-3.5-sonnet", {}, "stop"),
        ]),
      }),
    );
    const stream = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      stream: true,
      fallback: { models: ["anthropic/claude-3.5-sonnet"] },
    });
    const chunks = await collect(stream);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("Paris.");
    expect(chatBodies()).toEqual([
      { model: "openai/gpt-4o", messages, stream: true },
      { model: "anthropic/claude-3.5-sonnet", messages, stream: true },
    ]);
  });

  it("a dropped connection during the first read, or after a role-only chunk, falls back", async () => {
    const { client, chatBodies } = await setup(
      byModel({
        "openai/gpt-4o": sse([], "destroy"),
        "openai/gpt-4o-mini": sse(
          [chunk("openai/gpt-4o-mini", { role: "assistant", content: "" })],
          "destroy",
        ),
        "anthropic/claude-3.5-haiku": sse([
          chunk("anthropic/claude-3.5-haiku", { content: "Paris." }, "stop"),
        ]),
      }),
    );
    const events: FallbackEvent[] = [];
    const stream = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      stream: true,
      fallback: {
        models: ["openai/gpt-4o-mini", "anthropic/claude-3.5-haiku"],
        onFallback: (e) => events.push(e),
      },
    });
    const chunks = await collect(stream);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.model).toBe("anthropic/claude-3.5-haiku");
    expect(events.map((e) => (e.error as Error).name)).toEqual([
      "ConnectionError",
      "ConnectionError",
    ]);
    expect(chatBodies().map((b) => b.model)).toEqual([
      "openai/gpt-4o",
      "openai/gpt-4o-mini",
      "anthropic/claude-3.5-haiku",
    ]);
  });

  it("an error after a chunk was delivered propagates: no fallback mid-stream", async () => {
    const { client, chatBodies } = await setup(
      byModel({
        "openai/gpt-4o": sse([
          chunk("openai/gpt-4o", { role: "assistant", content: "Par" }),
          streamError("openai/gpt-4o", 502, "Provider disconnected"),
        ]),
        "anthropic/claude-3.5-sonnet": sse([
          chunk("anthropic/claude-3.5-sonnet", { content: "x" }, "stop"),
        ]),
      }),
    );
    const stream = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      stream: true,
      fallback: { models: ["anthropic/claude-3.5-sonnet"] },
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const c of stream) seen.push(c.choices[0]?.delta.content ?? "");
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["Par"]);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(chatBodies()).toHaveLength(1);
  });

  it("the returned stream keeps Stream's behaviour: response headers, early break aborts", async () => {
    const { client } = await setup(
      sse([
        chunk("openai/gpt-4o", { role: "assistant", content: "a" }),
        chunk("openai/gpt-4o", { content: "b" }),
        chunk("openai/gpt-4o", { content: "c" }, "stop"),
      ]),
    );
    const stream = await sendWithFallback(client, {
      model: "openai/gpt-4o",
      messages,
      stream: true,
      fallback: { models: ["openai/gpt-4o-mini"] },
    });
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream");
    for await (const c of stream) {
      expect(c.choices[0]?.delta.content).toBe("a");
      break;
    }
    expect(stream.controller.signal.aborted).toBe(true);
  });
});

describe("client.chat.sendWithFallback", () => {
  it("is a ChatWithFallbackResource whose send overloads are unchanged", async () => {
    const { server } = await setup(
      byModel({
        "openai/gpt-4o": json(errorBody(503, "down"), 503),
        "openai/gpt-4o-mini": json(completion("openai/gpt-4o-mini")),
      }),
    );
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL: server.baseURL, maxRetries: 0 });
    expect(client.chat).toBeInstanceOf(ChatWithFallbackResource);
    expect(client.chat).toBe(client.chat);
    const result = await client.chat.sendWithFallback({
      model: "openai/gpt-4o",
      messages,
      fallback: { models: ["openai/gpt-4o-mini"] },
    });
    expect(result.model).toBe("openai/gpt-4o-mini");

    // Type-only checks: the functions are never called (no request is sent).
    expectTypeOf(() => client.chat.send({ model: "m", messages })).returns.toEqualTypeOf<
      APIPromise<ChatSendResponse>
    >();
    expectTypeOf(() =>
      client.chat.send({ model: "m", messages, stream: true }),
    ).returns.toEqualTypeOf<APIPromise<Stream<ChatSendStreamChunk>>>();
    expectTypeOf(() =>
      client.chat.sendWithFallback({ model: "m", messages, stream: true, fallbackModels: ["n"] }),
    ).returns.toEqualTypeOf<APIPromise<Stream<ChatSendStreamChunk>>>();
    expectTypeOf(() =>
      client.chat.sendWithFallback({ model: "m", messages, fallback: { strategy: "cost" } }),
    ).returns.toEqualTypeOf<APIPromise<ChatSendResponse>>();
  });
});

describe("isDefaultFallbackError", () => {
  it("classifies statuses", () => {
    expect(isDefaultFallbackError(new RateLimitError("429", { status: 429, code: 429 }))).toBe(
      true,
    );
    expect(isDefaultFallbackError(new BadRequestError("400", { status: 400, code: 400 }))).toBe(
      false,
    );
    expect(isDefaultFallbackError(new Error("plain"))).toBe(false);
  });
});
