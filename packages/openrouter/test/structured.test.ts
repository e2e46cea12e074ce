import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  createClient,
  isOpenRouterError,
  OpenRouter,
  OpenRouterError,
  parseStructured,
  sendJson,
  sendStructured,
  stripJsonFence,
  StructuredOutputError,
  toJsonSchema,
  type ChatSendResponse,
  type StandardSchemaV1,
} from "../src/index.js";
import { startLoopbackServer } from "./helpers/loopback-server.js";

/** A loopback chat endpoint answering with the given message content; records request bodies. */
async function serve(content: unknown, extra: Record<string, unknown> = {}) {
  const bodies: Record<string, unknown>[] = [];
  const { origin } = await startLoopbackServer((_req, res, text) => {
    bodies.push(JSON.parse(text) as Record<string, unknown>);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      // OpenRouter may open a JSON body with whitespace while the model warms up.
      "\n\n" +
        JSON.stringify({
          id: "gen-1750000100-StRuCt",
          provider: "OpenAI",
          model: "openai/gpt-4o-mini",
          object: "chat.completion",
          created: 1750000100,
          system_fingerprint: "fp_34a54ae93c",
          choices: [
            {
              index: 0,
              logprobs: null,
              finish_reason: "stop",
              native_finish_reason: "stop",
              message: { role: "assistant", content, refusal: null, reasoning: null, ...extra },
            },
          ],
          usage: { prompt_tokens: 61, completion_tokens: 14, total_tokens: 75, cost: 0.0000176 },
        }),
    );
  });
  return { baseURL: origin, bodies };
}

const Weather = z.object({
  city: z.string(),
  celsius: z.number(),
  conditions: z.array(z.enum(["sunny", "cloudy", "rain"])),
});

const WEATHER_JSON_SCHEMA = {
  type: "object",
  properties: {
    city: { type: "string" },
    celsius: { type: "number" },
    conditions: { type: "array", items: { type: "string", enum: ["sunny", "cloudy", "rain"] } },
  },
  required: ["city", "celsius", "conditions"],
  additionalProperties: false,
};

const messages = [{ role: "user" as const, content: "Weather in Paris as JSON" }];

describe("sendStructured", () => {
  it("sends a strict json_schema response_format from a zod schema and returns typed, validated data", async () => {
    const { baseURL, bodies } = await serve(
      '{"city":"Paris","celsius":22.5,"conditions":["sunny"]}',
    );
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });

    const { data, completion, rawText } = await sendStructured(client, {
      model: "openai/gpt-4o-mini",
      messages,
      schema: Weather,
      name: "weather",
      temperature: 0,
    });

    expect(data).toEqual({ city: "Paris", celsius: 22.5, conditions: ["sunny"] });
    expectTypeOf(data).toEqualTypeOf<{
      city: string;
      celsius: number;
      conditions: ("sunny" | "cloudy" | "rain")[];
    }>();
    expectTypeOf(completion).toEqualTypeOf<ChatSendResponse>();
    expect(rawText).toBe('{"city":"Paris","celsius":22.5,"conditions":["sunny"]}');
    expect(bodies[0]).toEqual({
      model: "openai/gpt-4o-mini",
      messages,
      temperature: 0,
      response_format: {
        type: "json_schema",
        json_schema: { name: "weather", strict: true, schema: WEATHER_JSON_SCHEMA },
      },
    });
  });

  it("unwraps a ```json fence and surrounding whitespace", async () => {
    const { baseURL } = await serve(
      '\n\n```json\n{\n  "city": "Paris",\n  "celsius": 22,\n  "conditions": ["cloudy", "rain"]\n}\n```\n',
    );
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    const { data } = await sendStructured(client, { model: "m", messages, schema: Weather });
    expect(data).toEqual({ city: "Paris", celsius: 22, conditions: ["cloudy", "rain"] });
  });

  it("throws StructuredOutputError carrying the raw text for invalid JSON", async () => {
    const raw = 'Sure! Here is the weather: {"city": "Paris", "celsius": 22';
    const { baseURL } = await serve(raw);
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });

    const error = await sendStructured(client, { model: "m", messages, schema: Weather }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(StructuredOutputError);
    expect(error).toBeInstanceOf(OpenRouterError);
    expect(isOpenRouterError(error)).toBe(true);
    const e = error as StructuredOutputError;
    expect(e.name).toBe("StructuredOutputError");
    expect(e.reason).toBe("invalid_json");
    expect(e.rawText).toBe(raw);
    expect(e.issues).toBeUndefined();
    expect(e.cause).toBeInstanceOf(SyntaxError);
    expect(e.completion.id).toBe("gen-1750000100-StRuCt");
    expect(e.message).toMatch(/not valid JSON/);
  });

  it("throws StructuredOutputError with the schema's issues on a mismatch", async () => {
    const raw = '{"city":"Paris","celsius":"warm","conditions":["sunny","snow"]}';
    const { baseURL } = await serve(raw);
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });

    const error = (await sendStructured(client, { model: "m", messages, schema: Weather }).catch(
      (e: unknown) => e,
    )) as StructuredOutputError;

    expect(error).toBeInstanceOf(StructuredOutputError);
    expect(error.reason).toBe("validation");
    expect(error.rawText).toBe(raw);
    expect(error.issues?.map((i) => i.path)).toEqual([["celsius"], ["conditions", 1]]);
    expect(error.message).toMatch(/celsius: .*; conditions\.1: /);
  });

  it("reports a refusal and an empty answer distinctly", async () => {
    const refused = await serve(null, { refusal: "I can't help with that." });
    const a = (await sendStructured(
      createClient({ apiKey: "k", baseURL: refused.baseURL, maxRetries: 0 }),
      { model: "m", messages, schema: Weather },
    ).catch((e: unknown) => e)) as StructuredOutputError;
    expect(a.reason).toBe("refusal");
    expect(a.rawText).toBe("");
    expect(a.message).toContain("I can't help with that.");

    const empty = await serve("  ");
    const b = (await sendStructured(
      createClient({ apiKey: "k", baseURL: empty.baseURL, maxRetries: 0 }),
      { model: "m", messages, schema: Weather },
    ).catch((e: unknown) => e)) as StructuredOutputError;
    expect(b.reason).toBe("empty");
    expect(b.rawText).toBe("  ");
  });

  it("sends a plain JSON Schema as is (data is unknown, not validated locally)", async () => {
    const { baseURL, bodies } = await serve('{"answer": 42}');
    const client = createClient({ apiKey: "k", baseURL, maxRetries: 0 });
    const schema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: { answer: { type: "number" } },
      required: ["answer"],
      additionalProperties: false,
    };
    const { data } = await sendStructured(client, {
      model: "m",
      messages,
      schema,
      name: "math_response",
      description: "A mathematical response",
      strict: false,
    });
    expect(data).toEqual({ answer: 42 });
    expectTypeOf(data).toEqualTypeOf<unknown>();
    expect(bodies[0]!["response_format"]).toEqual({
      type: "json_schema",
      json_schema: {
        name: "math_response",
        description: "A mathematical response",
        strict: false,
        schema: {
          type: "object",
          properties: { answer: { type: "number" } },
          required: ["answer"],
          additionalProperties: false,
        },
      },
    });
  });

  it("takes a Standard Schema without a converter plus an explicit jsonSchema", async () => {
    // A hand-written Standard Schema (as valibot or arktype expose) with no JSON Schema converter.
    const Answer: StandardSchemaV1<unknown, { answer: number }> = {
      "~standard": {
        version: 1,
        vendor: "handmade",
        validate: (value) =>
          typeof value === "object" &&
          value !== null &&
          typeof (value as { answer?: unknown }).answer === "number"
            ? { value: value as { answer: number } }
            : { issues: [{ message: "answer must be a number", path: ["answer"] }] },
      },
    };
    const jsonSchema = {
      type: "object",
      properties: { answer: { type: "number" } },
      required: ["answer"],
    };

    const ok = await serve('{"answer": 7}');
    const client = createClient({ apiKey: "k", baseURL: ok.baseURL, maxRetries: 0 });
    const { data } = await sendStructured(client, {
      model: "m",
      messages,
      schema: Answer,
      jsonSchema,
    });
    expectTypeOf(data).toEqualTypeOf<{ answer: number }>();
    expect(data).toEqual({ answer: 7 });
    expect(ok.bodies[0]!["response_format"]).toMatchObject({ json_schema: { schema: jsonSchema } });

    // Without jsonSchema it fails before any request.
    await expect(sendStructured(client, { model: "m", messages, schema: Answer })).rejects.toThrow(
      /handmade schema cannot convert itself/,
    );
    expect(ok.bodies).toHaveLength(1);
  });
});

describe("sendJson", () => {
  it("uses JSON mode and validates with an optional schema", async () => {
    const { baseURL, bodies } = await serve('{"colors": ["red", "green", "blue"]}');
    const client = createClient({ apiKey: "k", baseURL, maxRetries: 0 });

    const untyped = await sendJson(client, { model: "m", messages });
    expectTypeOf(untyped.data).toEqualTypeOf<unknown>();
    expect(untyped.data).toEqual({ colors: ["red", "green", "blue"] });

    const typed = await sendJson(client, {
      model: "m",
      messages,
      schema: z.object({ colors: z.array(z.string()).length(3) }),
    });
    expectTypeOf(typed.data).toEqualTypeOf<{ colors: string[] }>();
    expect(typed.data.colors).toHaveLength(3);

    expect(bodies[0]!["response_format"]).toEqual({ type: "json_object" });
    expect(bodies[1]).not.toHaveProperty("schema");
  });
});

describe("parsing helpers", () => {
  it("stripJsonFence handles fences with and without a language tag, and leaves other text alone", () => {
    expect(stripJsonFence('```json\n{"a":1}\n```')).toBe('{"a":1}');
    expect(stripJsonFence("  \n```\n[1, 2]\n```  ")).toBe("[1, 2]");
    expect(stripJsonFence('```JSON {"a":1}```')).toBe('{"a":1}');
    expect(stripJsonFence('\uFEFF {"a":1} \n')).toBe('{"a":1}');
    expect(stripJsonFence('Here: ```json\n{"a":1}\n```')).toBe('Here: ```json\n{"a":1}\n```');
  });

  it("parseStructured reads text content parts", async () => {
    const completion = {
      id: "gen-x",
      object: "chat.completion",
      created: 1,
      model: "m",
      system_fingerprint: null,
      choices: [
        {
          index: 0,
          finish_reason: "stop",
          message: {
            role: "assistant",
            content: [
              { type: "text", text: '{"city":"Paris",' },
              { type: "text", text: '"celsius":3,"conditions":[]}' },
            ],
          },
        },
      ],
    } satisfies ChatSendResponse;
    const { data } = await parseStructured(completion, Weather);
    expect(data).toEqual({ city: "Paris", celsius: 3, conditions: [] });
  });

  it("toJsonSchema uses the output side for zod and strips $schema", () => {
    const schema = toJsonSchema(z.object({ n: z.number().default(1) }), "output");
    expect(schema).toEqual({
      type: "object",
      properties: { n: { type: "number", default: 1 } },
      required: ["n"],
      additionalProperties: false,
    });
  });
});
