import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  createClient,
  defineTool,
  isOpenRouterError,
  MaxTurnsExceededError,
  OpenRouter,
  runTools,
  type ChatSendParams,
  type ToolRunnerEvent,
} from "../src/index.js";
import { startLoopbackServer } from "./helpers/loopback-server.js";

interface Seen {
  path: string;
  body: Record<string, unknown>;
}

type Reply = { json: unknown } | { sse: unknown[] } | { status: number; json: unknown };

/** A loopback chat endpoint: the n-th request gets `replies[n]` (the last one repeats). */
async function serve(replies: Reply[]) {
  const requests: Seen[] = [];
  const { origin } = await startLoopbackServer(async (req, res, text) => {
    requests.push({
      path: new URL(req.url ?? "/", "http://127.0.0.1").pathname,
      body: JSON.parse(text) as Record<string, unknown>,
    });
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    if ("sse" in reply) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write(": OPENROUTER PROCESSING\n\n");
      for (const event of reply.sse) {
        const text = `data: ${JSON.stringify(event)}\n\n`;
        // Split mid-event, as TCP may.
        res.write(text.slice(0, 11));
        await new Promise((r) => setTimeout(r, 1));
        res.write(text.slice(11));
      }
      res.end("data: [DONE]\n\n");
      return;
    }
    res.writeHead("status" in reply ? reply.status : 200, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.json));
  });
  return { baseURL: origin, requests };
}

const MODEL = "openai/gpt-4o-mini";
const USAGE = { prompt_tokens: 82, completion_tokens: 17, total_tokens: 99, cost: 0.0000225 };

function completion(
  message: Record<string, unknown>,
  finish: string,
  id = "gen-1750000000-aBcDeFgHiJ",
) {
  return {
    id,
    provider: "OpenAI",
    model: MODEL,
    object: "chat.completion",
    created: 1750000000,
    system_fingerprint: "fp_34a54ae93c",
    choices: [
      {
        index: 0,
        logprobs: null,
        finish_reason: finish,
        native_finish_reason: finish,
        message: { role: "assistant", refusal: null, reasoning: null, ...message },
      },
    ],
    usage: USAGE,
  };
}

const toolCall = (id: string, name: string, args: string) => ({
  id,
  type: "function",
  index: 0,
  function: { name, arguments: args },
});

const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra = {}) => ({
  id: "gen-1750000001-sTrEaM",
  provider: "OpenAI",
  model: MODEL,
  object: "chat.completion.chunk",
  created: 1750000001,
  choices: [
    { index: 0, delta, finish_reason: finish, native_finish_reason: finish, logprobs: null },
  ],
  ...extra,
});

function weatherTools(calls: string[] = []) {
  const getWeather = defineTool({
    name: "get_weather",
    description: "Current weather for a city",
    parameters: z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]).optional() }),
    execute: async ({ city, unit }) => {
      calls.push(`get_weather:${city}`);
      return { city, temperature: city === "Paris" ? 22 : 27, unit: unit ?? "celsius" };
    },
  });
  const getTime = defineTool({
    name: "get_time",
    description: "Local time in an IANA time zone",
    parameters: {
      type: "object",
      properties: { timezone: { type: "string" } },
      required: ["timezone"],
    },
    execute: (args) => {
      calls.push(`get_time:${String(args["timezone"])}`);
      return "14:05";
    },
  });
  return { getWeather, getTime };
}

describe("runTools", () => {
  it("runs two parallel tool calls, sends the transcript back and returns the final answer", async () => {
    const { baseURL, requests } = await serve([
      {
        json: completion(
          {
            content: null,
            tool_calls: [
              toolCall("call_weather_1", "get_weather", '{"city":"Paris"}'),
              { ...toolCall("call_time_2", "get_time", '{"timezone":"Asia/Tokyo"}'), index: 1 },
            ],
          },
          "tool_calls",
        ),
      },
      { json: completion({ content: "Paris is 22°C; it is 14:05 in Tokyo." }, "stop", "gen-2") },
    ]);
    const calls: string[] = [];
    const { getWeather, getTime } = weatherTools(calls);
    const events: ToolRunnerEvent[] = [];
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    const initial: ChatSendParams["messages"] = [
      { role: "user", content: "Weather in Paris, time in Tokyo?" },
    ];

    const result = await runTools(client, {
      model: MODEL,
      messages: initial,
      tools: [getWeather, getTime],
      tool_choice: "auto",
      onEvent: (e) => void events.push(e),
    });

    expect(calls.sort()).toEqual(["get_time:Asia/Tokyo", "get_weather:Paris"]);
    expect(result.turns).toBe(2);
    expect(result.completion.id).toBe("gen-2");
    expect(result.completion.choices[0]?.message.content).toBe(
      "Paris is 22°C; it is 14:05 in Tokyo.",
    );
    expect(initial).toHaveLength(1); // the input is not mutated

    // First request: tools as JSON Schema (zod converted, plain passed through), no stream.
    expect(requests.map((r) => r.path)).toEqual(["/chat/completions", "/chat/completions"]);
    const first = requests[0]!.body;
    expect(first["stream"]).toBe(false);
    expect(first["tool_choice"]).toBe("auto");
    expect(first["tools"]).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather for a city",
          parameters: {
            type: "object",
            properties: {
              city: { type: "string" },
              unit: { type: "string", enum: ["celsius", "fahrenheit"] },
            },
            required: ["city"],
          },
        },
      },
      {
        type: "function",
        function: {
          name: "get_time",
          description: "Local time in an IANA time zone",
          parameters: {
            type: "object",
            properties: { timezone: { type: "string" } },
            required: ["timezone"],
          },
        },
      },
    ]);

    // Second request: user, assistant (with tool_calls, nulls dropped), one tool message per call.
    const expectedTranscript = [
      { role: "user", content: "Weather in Paris, time in Tokyo?" },
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "call_weather_1",
            type: "function",
            index: 0,
            function: { name: "get_weather", arguments: '{"city":"Paris"}' },
          },
          {
            id: "call_time_2",
            type: "function",
            index: 1,
            function: { name: "get_time", arguments: '{"timezone":"Asia/Tokyo"}' },
          },
        ],
      },
      {
        role: "tool",
        tool_call_id: "call_weather_1",
        content: '{"city":"Paris","temperature":22,"unit":"celsius"}',
      },
      { role: "tool", tool_call_id: "call_time_2", content: "14:05" },
    ];
    expect(requests[1]!.body["messages"]).toEqual(expectedTranscript);
    expect(result.messages).toEqual([
      ...expectedTranscript,
      { role: "assistant", content: "Paris is 22°C; it is 14:05 in Tokyo." },
    ]);

    expect(events.map((e) => e.type)).toEqual([
      "turn.start",
      "assistant.message",
      "tool.call",
      "tool.call",
      "tool.result",
      "tool.result",
      "turn.start",
      "assistant.message",
    ]);
    const weatherCall = events.find(
      (e) => e.type === "tool.call" && e.toolCall.id === "call_weather_1",
    );
    expect(weatherCall).toMatchObject({ args: { city: "Paris" } });
  });

  it("streams: assembles parallel tool-call fragments by index (later fragments carry no id) and emits text deltas", async () => {
    const { baseURL, requests } = await serve([
      {
        sse: [
          chunk({ role: "assistant", content: "" }),
          chunk({
            tool_calls: [
              {
                index: 0,
                id: "call_A",
                type: "function",
                function: { name: "get_weather", arguments: "" },
              },
            ],
          }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '{"ci' } }] }),
          chunk({
            tool_calls: [
              {
                index: 1,
                id: "call_B",
                type: "function",
                function: { name: "get_weather", arguments: '{"city":' },
              },
            ],
          }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: 'ty": "Paris"}' } }] }),
          chunk({
            tool_calls: [{ index: 1, function: { arguments: ' "Tokyo", "unit": "celsius"}' } }],
          }),
          chunk({}, "tool_calls"),
          chunk({}, null, { choices: [], usage: USAGE }),
        ],
      },
      {
        sse: [
          chunk({ role: "assistant", content: "" }),
          chunk({ content: "Paris: 22°C. " }),
          chunk({ content: "Tokyo: 27°C." }),
          chunk({}, "stop"),
          chunk({}, null, { choices: [], usage: USAGE }),
        ],
      },
    ]);
    const calls: string[] = [];
    const { getWeather } = weatherTools(calls);
    let text = "";
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });

    const result = await runTools(client, {
      model: MODEL,
      messages: [{ role: "user", content: "Weather in Paris and Tokyo?" }],
      tools: [getWeather],
      stream: true,
      onEvent: (e) => {
        if (e.type === "text.delta") text += e.delta;
      },
    });

    expect(text).toBe("Paris: 22°C. Tokyo: 27°C.");
    expect(calls.sort()).toEqual(["get_weather:Paris", "get_weather:Tokyo"]);
    expect(requests.map((r) => r.body["stream"])).toEqual([true, true]);
    const sent = requests[1]!.body["messages"] as Record<string, unknown>[];
    expect(sent[1]).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [
        {
          id: "call_A",
          type: "function",
          function: { name: "get_weather", arguments: '{"city": "Paris"}' },
        },
        {
          id: "call_B",
          type: "function",
          function: { name: "get_weather", arguments: '{"city": "Tokyo", "unit": "celsius"}' },
        },
      ],
    });
    expect(sent.slice(2)).toEqual([
      {
        role: "tool",
        tool_call_id: "call_A",
        content: '{"city":"Paris","temperature":22,"unit":"celsius"}',
      },
      {
        role: "tool",
        tool_call_id: "call_B",
        content: '{"city":"Tokyo","temperature":27,"unit":"celsius"}',
      },
    ]);
    expect(result.completion.choices[0]?.message.content).toBe("Paris: 22°C. Tokyo: 27°C.");
    expect(result.completion.usage?.cost).toBe(USAGE.cost);
    expect(result.messages.at(-1)).toEqual({
      role: "assistant",
      content: "Paris: 22°C. Tokyo: 27°C.",
    });
  });

  it("throws MaxTurnsExceededError with the transcript when the model keeps calling tools", async () => {
    const { baseURL, requests } = await serve([
      {
        json: completion(
          { content: "", tool_calls: [toolCall("call_loop", "get_weather", '{"city":"Paris"}')] },
          "tool_calls",
        ),
      },
    ]);
    const calls: string[] = [];
    const { getWeather } = weatherTools(calls);
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });

    const error = await runTools(client, {
      model: MODEL,
      messages: [{ role: "user", content: "Loop forever" }],
      tools: [getWeather],
      maxTurns: 2,
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MaxTurnsExceededError);
    expect(isOpenRouterError(error)).toBe(true);
    const e = error as MaxTurnsExceededError;
    expect(e.name).toBe("MaxTurnsExceededError");
    expect(e.maxTurns).toBe(2);
    expect(e.turns).toBe(2);
    expect(requests).toHaveLength(2);
    expect(calls).toEqual(["get_weather:Paris", "get_weather:Paris"]);
    // user + 2 × (assistant, tool): resumable as is.
    expect(e.messages.map((m) => m.role)).toEqual([
      "user",
      "assistant",
      "tool",
      "assistant",
      "tool",
    ]);
    expect(e.completion.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("answers invalid JSON, failed validation, unknown tools and throwing tools with error messages", async () => {
    const { baseURL, requests } = await serve([
      {
        json: completion(
          {
            content: null,
            tool_calls: [
              toolCall("call_badjson", "get_weather", '{"city": "Paris"'),
              { ...toolCall("call_badargs", "get_weather", '{"city": 42}'), index: 1 },
              { ...toolCall("call_unknown", "get_stock_price", '{"ticker":"NVDA"}'), index: 2 },
              { ...toolCall("call_throws", "explode", ""), index: 3 },
              { ...toolCall("call_ok", "get_weather", '{"city":"Tokyo"}'), index: 4 },
            ],
          },
          "tool_calls",
        ),
      },
      { json: completion({ content: "Sorry, only Tokyo worked: 27°C." }, "stop") },
    ]);
    const calls: string[] = [];
    const { getWeather } = weatherTools(calls);
    const explode = defineTool({
      name: "explode",
      parameters: { type: "object", properties: {} },
      execute: () => {
        throw new Error("disk on fire");
      },
    });
    const errors: unknown[] = [];
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });

    const result = await runTools(client, {
      model: MODEL,
      messages: [{ role: "user", content: "Try everything" }],
      tools: [getWeather, explode],
      onEvent: (e) => {
        if (e.type === "tool.result" && e.isError) errors.push(e.error);
      },
    });

    expect(calls).toEqual(["get_weather:Tokyo"]);
    const tools = (
      requests[1]!.body["messages"] as { role: string; tool_call_id?: string; content?: string }[]
    ).filter((m) => m.role === "tool");
    expect(tools.map((m) => m.tool_call_id)).toEqual([
      "call_badjson",
      "call_badargs",
      "call_unknown",
      "call_throws",
      "call_ok",
    ]);
    expect(tools[0]!.content).toMatch(
      /^Error: the arguments for tool "get_weather" are not valid JSON/,
    );
    expect(tools[0]!.content).toContain('Received: {"city": "Paris"');
    expect(tools[1]!.content).toMatch(/^Error: invalid arguments for tool "get_weather": city: /);
    expect(tools[2]!.content).toBe(
      'Error: unknown tool "get_stock_price". Available tools: get_weather, explode.',
    );
    expect(tools[3]!.content).toBe('Error: tool "explode" failed: disk on fire');
    expect(tools[4]!.content).toBe('{"city":"Tokyo","temperature":27,"unit":"celsius"}');
    expect(errors).toHaveLength(4);
    expect(result.completion.choices[0]?.message.content).toBe("Sorry, only Tokyo worked: 27°C.");
  });

  it("gives a call without an id one, in both the assistant and the tool message", async () => {
    const { baseURL, requests } = await serve([
      {
        sse: [
          chunk({
            tool_calls: [
              { index: 0, type: "function", function: { name: "get_time", arguments: "" } },
            ],
          }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '{"timezone":"UTC"}' } }] }),
          chunk({}, "tool_calls"),
        ],
      },
      { sse: [chunk({ content: "It is 14:05 UTC." }, "stop")] },
    ]);
    const { getTime } = weatherTools();
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    await runTools(client, {
      model: MODEL,
      messages: [{ role: "user", content: "Time?" }],
      tools: [getTime],
      stream: true,
    });
    const sent = requests[1]!.body["messages"] as {
      tool_calls?: { id: string }[];
      tool_call_id?: string;
    }[];
    const id = sent[1]!.tool_calls![0]!.id;
    expect(id).toMatch(/^call_/);
    expect(sent[2]!.tool_call_id).toBe(id);
  });

  it("propagates API errors and rejects bad settings before any request", async () => {
    const { baseURL, requests } = await serve([
      {
        status: 400,
        json: { error: { code: 400, message: "tools are not supported by this model" } },
      },
    ]);
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    const { getWeather } = weatherTools();
    await expect(
      runTools(client, {
        model: MODEL,
        messages: [{ role: "user", content: "x" }],
        tools: [getWeather],
      }),
    ).rejects.toThrow(/tools are not supported/);
    await expect(
      runTools(client, {
        model: MODEL,
        messages: [],
        tools: [getWeather, getWeather],
      }),
    ).rejects.toThrow(/Two tools are named "get_weather"/);
    await expect(
      runTools(client, { model: MODEL, messages: [], tools: [], maxTurns: 0 }),
    ).rejects.toThrow(RangeError);
    expect(requests).toHaveLength(1);
  });

  it("types execute's arguments from the schema", () => {
    defineTool({
      name: "typed",
      parameters: z.object({ city: z.string(), days: z.number().default(1) }),
      execute: (args) => {
        expectTypeOf(args).toEqualTypeOf<{ city: string; days: number }>();
        return null;
      },
    });
    defineTool({
      name: "plain",
      parameters: { type: "object" },
      execute: (args) => {
        expectTypeOf(args).toEqualTypeOf<Record<string, unknown>>();
      },
    });
  });
});
