import http from "node:http";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  accumulateChatStream,
  APIError,
  createChatAccumulator,
  OpenRouter,
  OpenRouterError,
  RateLimitError,
  type AccumulatedChatCompletion,
  type ChatSendResponse,
  type ChatSendStreamChunk,
} from "../src/index.js";
import { startLoopbackServer } from "./helpers/loopback-server.js";

/** A chunk as it comes off the wire: real OpenRouter chunks carry fields the spec omits. */
const wire = (chunk: Record<string, unknown>) => chunk as unknown as ChatSendStreamChunk;

const HEAD = {
  id: "gen-1750000000-abcDEF",
  provider: "Anthropic",
  model: "anthropic/claude-sonnet-4",
  object: "chat.completion.chunk",
  created: 1750000000,
};

/** One choice-0 chunk with the given delta, as OpenRouter writes them. */
const delta = (d: Record<string, unknown>, finish: string | null = null, extra = {}) =>
  wire({
    ...HEAD,
    choices: [
      {
        index: 0,
        delta: { role: "assistant", content: "", ...d },
        finish_reason: finish,
        native_finish_reason: finish === null ? null : "end_turn",
        logprobs: null,
      },
    ],
    ...extra,
  });

const USAGE = {
  prompt_tokens: 42,
  completion_tokens: 17,
  total_tokens: 59,
  cost: 0.000381,
  is_byok: false,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  cost_details: {
    upstream_inference_cost: null,
    upstream_inference_prompt_cost: 0.000126,
    upstream_inference_completions_cost: 0.000255,
  },
  completion_tokens_details: { reasoning_tokens: 9, image_tokens: 0 },
};

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

describe("createChatAccumulator", () => {
  it("concatenates content after a leading role-only delta and takes id/model/created/provider from the first chunk", () => {
    const acc = createChatAccumulator();
    acc.push(
      wire({ ...HEAD, choices: [{ index: 0, delta: { role: "assistant" }, finish_reason: null }] }),
    );
    acc.push(delta({ content: "The capital " }));
    acc.push(
      wire({
        ...delta({ content: "of France" }),
        id: "gen-other",
        model: "other/model",
        provider: "Other",
      }),
    );
    acc.push(delta({ content: " is Paris." }, "stop"));

    const result = acc.result();
    expect(acc.chunks).toBe(4);
    expect(result).toEqual({
      id: HEAD.id,
      object: "chat.completion",
      created: HEAD.created,
      model: HEAD.model,
      provider: "Anthropic",
      system_fingerprint: null,
      choices: [
        {
          index: 0,
          finish_reason: "stop",
          native_finish_reason: "end_turn",
          message: {
            role: "assistant",
            content: "The capital of France is Paris.",
            refusal: null,
            reasoning: null,
          },
        },
      ],
    });
  });

  it("concatenates reasoning and merges reasoning_details by index, appending index-less entries", () => {
    const fmt = "anthropic-claude-v1";
    const acc = createChatAccumulator();
    acc.push(delta({}));
    acc.push(
      delta({
        reasoning: "The user asks",
        reasoning_details: [
          { type: "reasoning.text", text: "The user asks", format: fmt, index: 0 },
        ],
      }),
    );
    acc.push(
      delta({
        reasoning: " for a capital.",
        reasoning_details: [
          { type: "reasoning.text", text: " for a capital.", format: fmt, index: 0 },
        ],
      }),
    );
    // Anthropic's signature arrives on its own fragment of the same entry.
    acc.push(
      delta({
        reasoning_details: [
          { type: "reasoning.text", text: "", signature: "EqQBCkYIBxgC", format: fmt, index: 0 },
        ],
      }),
    );
    // A redacted block: a new index, whole in one fragment.
    acc.push(
      delta({
        reasoning_details: [
          { type: "reasoning.encrypted", data: "gAAAAABo", format: fmt, index: 1 },
        ],
      }),
    );
    // No index: appended, never merged.
    acc.push(delta({ reasoning_details: [{ type: "reasoning.summary", summary: "Short." }] }));
    acc.push(delta({ reasoning_details: [{ type: "reasoning.summary", summary: "Another." }] }));
    acc.push(delta({ content: "Paris." }, "stop"));

    const message = acc.result().choices[0]!.message;
    expect(message.reasoning).toBe("The user asks for a capital.");
    expect(message.content).toBe("Paris.");
    expect(message.reasoning_details).toEqual([
      {
        type: "reasoning.text",
        text: "The user asks for a capital.",
        signature: "EqQBCkYIBxgC",
        format: fmt,
        index: 0,
      },
      { type: "reasoning.encrypted", data: "gAAAAABo", format: fmt, index: 1 },
      { type: "reasoning.summary", summary: "Short." },
      { type: "reasoning.summary", summary: "Another." },
    ]);
  });

  it("assembles two parallel tool calls interleaved by index whose later fragments have no id", () => {
    const call = (fragment: Record<string, unknown>) =>
      delta({ content: null, tool_calls: [fragment] });
    const acc = createChatAccumulator();
    acc.push(delta({ content: null }));
    acc.push(
      call({
        index: 0,
        id: "call_w1",
        type: "function",
        function: { name: "get_weather", arguments: "" },
      }),
    );
    acc.push(
      call({
        index: 1,
        id: "call_t2",
        type: "function",
        function: { name: "get_time", arguments: "" },
      }),
    );
    acc.push(call({ index: 0, function: { arguments: '{"city":' } }));
    acc.push(call({ index: 1, function: { arguments: '{"tz":' } }));
    acc.push(call({ index: 0, function: { arguments: '"Paris"}' } }));
    // Both in one delta, and out of order.
    acc.push(
      delta({
        content: null,
        tool_calls: [
          { index: 1, function: { arguments: '"Europe/Paris"' } },
          { index: 0, type: "function", function: { arguments: "" } },
        ],
      }),
    );
    acc.push(call({ index: 1, function: { arguments: "}" } }));
    // Some upstreams send the id only on a later fragment.
    acc.push(call({ index: 2, function: { name: "noop", arguments: "{}" } }));
    acc.push(call({ index: 2, id: "call_n3" }));
    acc.push(delta({ content: null }, "tool_calls"));

    const choice = acc.result().choices[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      {
        id: "call_w1",
        type: "function",
        function: { name: "get_weather", arguments: '{"city":"Paris"}' },
      },
      {
        id: "call_t2",
        type: "function",
        function: { name: "get_time", arguments: '{"tz":"Europe/Paris"}' },
      },
      { id: "call_n3", type: "function", function: { name: "noop", arguments: "{}" } },
    ]);
    expect(choice.message.tool_calls!.map((c) => JSON.parse(c.function.arguments))).toEqual([
      { city: "Paris" },
      { tz: "Europe/Paris" },
      {},
    ]);
  });

  it("keeps finish_reason through a final chunk that repeats it with usage and cost", () => {
    const acc = createChatAccumulator();
    acc.push(delta({ content: "Hi" }));
    acc.push(delta({ content: "!" }, "stop"));
    acc.push(delta({}, "stop", { usage: USAGE, system_fingerprint: "fp_1" }));

    const result = acc.result();
    expect(result.choices[0]!.finish_reason).toBe("stop");
    expect(result.usage).toEqual(USAGE);
    expect(result.usage?.cost).toBe(0.000381);
    expect(result.system_fingerprint).toBe("fp_1");
  });

  it("handles a usage-only chunk with choices: [] and takes usage from the last chunk that has it", () => {
    const acc = createChatAccumulator();
    acc.push(
      delta({ content: "Hi" }, null, {
        usage: { prompt_tokens: 1, completion_tokens: 0, total_tokens: 1 },
      }),
    );
    acc.push(delta({}, "length"));
    acc.push(wire({ ...HEAD, choices: [], usage: USAGE }));

    const result = acc.result();
    expect(result.choices).toHaveLength(1);
    expect(result.choices[0]!.finish_reason).toBe("length");
    expect(result.choices[0]!.message.content).toBe("Hi");
    expect(result.usage).toEqual(USAGE);
  });

  it("keeps n > 1 choices apart, ordered by index", () => {
    const acc = createChatAccumulator();
    const two = (a: string, b: string, finish: string | null = null) =>
      wire({
        ...HEAD,
        choices: [
          { index: 1, delta: { content: b }, finish_reason: finish },
          { index: 0, delta: { content: a }, finish_reason: finish },
        ],
      });
    acc.push(two("Ye", "No"));
    acc.push(two("s", "pe", "stop"));
    expect(acc.result().choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([
      [0, "Yes", "stop"],
      [1, "Nope", "stop"],
    ]);
  });

  it("concatenates refusal, audio and logprobs, and collects streamed images", () => {
    const lp = (token: string) => ({ token, logprob: -0.1, bytes: null, top_logprobs: [] });
    const acc = createChatAccumulator();
    acc.push(
      wire({
        ...HEAD,
        choices: [
          {
            index: 0,
            delta: {
              refusal: "I can't",
              audio: { id: "audio_1", data: "UklG", transcript: "Hel" },
            },
            finish_reason: null,
            logprobs: { content: [lp("I")], refusal: null },
          },
        ],
      }),
    );
    acc.push(
      wire({
        ...HEAD,
        choices: [
          {
            index: 0,
            delta: {
              refusal: " help.",
              audio: { data: "RnoG", transcript: "lo", expires_at: 1750000100 },
              images: [{ type: "image_url", image_url: { url: "data:image/png;base64,AAA" } }],
            },
            finish_reason: "stop",
            logprobs: { content: [lp(" can")] },
          },
        ],
      }),
    );
    const choice = acc.result().choices[0]!;
    expect(choice.message.refusal).toBe("I can't help.");
    expect(choice.message.content).toBeNull();
    expect(choice.message.audio).toEqual({
      id: "audio_1",
      data: "UklGRnoG",
      transcript: "Hello",
      expires_at: 1750000100,
    });
    expect(choice.message.images).toEqual([
      { type: "image_url", image_url: { url: "data:image/png;base64,AAA" } },
    ]);
    expect(choice.logprobs?.content?.map((l) => l.token)).toEqual(["I", " can"]);
  });

  it("returns an independent snapshot from result(), and throws before the first chunk", () => {
    const acc = createChatAccumulator();
    expect(() => acc.result()).toThrow(OpenRouterError);
    acc.push(
      delta({
        content: "a",
        tool_calls: [{ index: 0, id: "c", function: { name: "f", arguments: "{" } }],
      }),
    );
    const early = acc.result();
    acc.push(
      delta({ content: "b", tool_calls: [{ index: 0, function: { arguments: "}" } }] }, "stop"),
    );
    expect(early.choices[0]!.message.content).toBe("a");
    expect(early.choices[0]!.message.tool_calls![0]!.function.arguments).toBe("{");
    expect(early.choices[0]!.finish_reason).toBeNull();
    expect(acc.result().choices[0]!.message.content).toBe("ab");
    expect(acc.result().choices[0]!.message.tool_calls![0]!.function.arguments).toBe("{}");
  });

  it("throws the typed error for a chunk that carries one", () => {
    const acc = createChatAccumulator();
    acc.push(delta({ content: "partial" }));
    const failing = wire({
      ...HEAD,
      choices: [{ index: 0, delta: { content: "" }, finish_reason: "error" }],
      error: {
        code: 429,
        message: "Rate limit exceeded",
        metadata: { error_type: "rate_limit_exceeded" },
      },
    });
    expect(() => acc.push(failing)).toThrow(RateLimitError);
    expect(() => acc.push(failing)).toThrow(APIError);
    expect(acc.chunks).toBe(1);
  });

  it("produces a value assignable to a non-streaming ChatSendResponse", () => {
    expectTypeOf<AccumulatedChatCompletion>().toExtend<ChatSendResponse>();
    const acc = createChatAccumulator();
    acc.push(delta({ content: "x" }, "stop"));
    const asNonStreaming: ChatSendResponse = acc.result();
    expect(asNonStreaming.object).toBe("chat.completion");
  });
});

describe("accumulateChatStream", () => {
  it("accepts an async iterable or a promise of one", async () => {
    const chunks = [delta({ content: "Hel" }), delta({ content: "lo" }, "stop")];
    const a = await accumulateChatStream(fromArray(chunks));
    const b = await accumulateChatStream(Promise.resolve(fromArray(chunks)));
    expect(a.choices[0]!.message.content).toBe("Hello");
    expect(b).toEqual(a);
  });

  it("rejects on an empty stream", async () => {
    await expect(accumulateChatStream(fromArray([]))).rejects.toThrow(OpenRouterError);
  });

  it("accumulates client.chat.send({ stream: true }) served as SSE from a loopback server", async () => {
    const seen: { headers?: http.IncomingHttpHeaders; body?: unknown } = {};
    const events: Array<Record<string, unknown>> = [
      {
        ...HEAD,
        choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
      },
      {
        ...HEAD,
        choices: [
          {
            index: 0,
            delta: {
              role: "assistant",
              content: "",
              reasoning: "Need weather.",
              reasoning_details: [{ type: "reasoning.text", text: "Need weather.", index: 0 }],
            },
            finish_reason: null,
          },
        ],
      },
      {
        ...HEAD,
        choices: [{ index: 0, delta: { content: "Checking… 🌦" }, finish_reason: null }],
      },
      {
        ...HEAD,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: 0,
                  id: "call_1",
                  type: "function",
                  function: { name: "get_weather", arguments: "" },
                },
              ],
            },
            finish_reason: null,
          },
        ],
      },
      {
        ...HEAD,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":"Paris"}' } }] },
            finish_reason: null,
          },
        ],
      },
      {
        ...HEAD,
        choices: [
          {
            index: 0,
            delta: { content: "" },
            finish_reason: "tool_calls",
            native_finish_reason: "tool_use",
          },
        ],
      },
      {
        ...HEAD,
        choices: [
          {
            index: 0,
            delta: { content: "" },
            finish_reason: "tool_calls",
            native_finish_reason: "tool_use",
          },
        ],
        usage: USAGE,
      },
    ];
    const { origin } = await startLoopbackServer(async (req, res, text) => {
      seen.headers = req.headers;
      seen.body = JSON.parse(text);
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      // OpenRouter opens with whitespace and keep-alive comments while the model warms up.
      res.write("\n\n: OPENROUTER PROCESSING\n\n");
      res.write(": OPENROUTER PROCESSING\n\n");
      for (const [i, event] of events.entries()) {
        // Alternate `data: ` and `data:` and split writes mid-event, as TCP may.
        const text = `${i % 2 ? "data:" : "data: "}${JSON.stringify(event)}\n\n`;
        res.write(text.slice(0, 17));
        await new Promise((r) => setTimeout(r, 1));
        res.write(text.slice(17));
        if (i === 2) res.write(": OPENROUTER PROCESSING\n\n");
      }
      res.end("data: [DONE]\n\n");
    });
    const client = new OpenRouter({
      apiKey: "sk-or-test",
      baseURL: origin,
      maxRetries: 0,
    });

    const result = await accumulateChatStream(
      client.chat.send({
        model: "anthropic/claude-sonnet-4",
        messages: [{ role: "user", content: "Weather in Paris?" }],
        tools: [
          {
            type: "function",
            function: {
              name: "get_weather",
              parameters: { type: "object", properties: { city: { type: "string" } } },
            },
          },
        ],
        stream: true,
      }),
    );

    expect(seen.headers?.["accept"]).toBe("text/event-stream");
    expect(seen.headers?.["authorization"]).toBe("Bearer sk-or-test");
    expect(seen.body).toMatchObject({ stream: true, model: "anthropic/claude-sonnet-4" });
    expect(result).toEqual({
      id: HEAD.id,
      object: "chat.completion",
      created: HEAD.created,
      model: HEAD.model,
      provider: "Anthropic",
      system_fingerprint: null,
      usage: USAGE,
      choices: [
        {
          index: 0,
          finish_reason: "tool_calls",
          native_finish_reason: "tool_use",
          message: {
            role: "assistant",
            content: "Checking… 🌦",
            refusal: null,
            reasoning: "Need weather.",
            reasoning_details: [{ type: "reasoning.text", text: "Need weather.", index: 0 }],
            tool_calls: [
              {
                id: "call_1",
                type: "function",
                function: { name: "get_weather", arguments: '{"city":"Paris"}' },
              },
            ],
          },
        },
      ],
    });
  });
});
