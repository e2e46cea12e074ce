/**
 * Contract tests: generated operations against Prism mocking the pinned OpenRouter spec. Prism
 * (started with `--errors`) validates every request's path, query, headers, body and bearer auth
 * against the spec, answering 422 with `sl-violations` for a body the spec does not allow and 401
 * without a key. A passing call therefore proves the SDK sends what the spec describes, and the
 * assertions prove the typed result matches the spec's examples.
 */
import { startMockServer, type MockServer } from "@orkit/scripts/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APIError,
  AuthenticationError,
  chatSend,
  createClient,
  isUnprocessableEntityError,
  modelsCount,
  OpenRouter,
  UnprocessableEntityError,
} from "../src/index.js";

let mock: MockServer;
let client: OpenRouter;

/** Every request the recording client sent: method, URL and headers as they left the SDK. */
const sent: Array<{ method: string; url: URL; headers: Headers }> = [];
const recordingFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  sent.push({ method: request.method, url: new URL(request.url), headers: request.headers });
  return fetch(request);
};

/** Asks Prism to generate the body from the response schema instead of the spec's example. */
const DYNAMIC = { headers: { Prefer: "dynamic=true" } };

beforeAll(async () => {
  mock = await startMockServer();
  client = new OpenRouter({ apiKey: "sk-or-test", baseURL: mock.url, maxRetries: 0 });
}, 60_000);

afterAll(async () => {
  await mock?.stop();
});

/** Prism's `sl-violations` header of a failed call, parsed. */
function violations(
  error: unknown,
): Array<{ location: string[]; code: string | number; message: string }> {
  if (!(error instanceof APIError)) return [];
  return JSON.parse(error.headers.get("sl-violations") ?? "[]") as never;
}

/** Runs a call; on an API error, fails with Prism's violations and log tail instead of a bare status. */
async function call<T>(promise: PromiseLike<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof APIError) {
      throw new Error(
        `${error.message}\nviolations: ${JSON.stringify(violations(error), null, 1)}\nprism: ${mock.log().slice(-1500)}`,
        { cause: error },
      );
    }
    throw error;
  }
}

describe("contract: generated operations against Prism", () => {
  it("chat.send (non-streaming)", async () => {
    const completion = await call(
      client.chat.send({
        model: "openai/gpt-4o",
        messages: [
          { role: "system", content: "You are a helpful assistant." },
          { role: "user", content: "What is the capital of France?" },
        ],
        max_tokens: 150,
        temperature: 0.7,
        provider: { sort: "price", allow_fallbacks: true },
        xOpenRouterMetadata: "enabled",
      }),
    );
    expect(completion.object).toBe("chat.completion");
    expect(typeof completion.id).toBe("string");
    expect(typeof completion.choices[0]?.message.content).toBe("string");
    expect(completion.choices[0]?.message.role).toBe("assistant");
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it("chatSend standalone function on a core client", async () => {
    const core = createClient({ apiKey: "sk-or-test", baseURL: mock.url, maxRetries: 0 });
    const completion = await call(
      chatSend(core, {
        model: "openai/gpt-4o-mini",
        messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
        tools: [
          {
            type: "function",
            function: {
              name: "get_weather",
              description: "Current weather",
              parameters: {
                type: "object",
                properties: { city: { type: "string" } },
                required: ["city"],
              },
            },
          },
        ],
        tool_choice: "auto",
      }),
    );
    expect(typeof completion.choices[0]?.message.content).toBe("string");
    const count = await call(modelsCount(core));
    expect(typeof count.data.count).toBe("number");
  });

  it("models.list and models.count", async () => {
    // The spec's own example for GET /models lacks the required `total_count` and `links`, so Prism
    // (--errors) would answer 500; a schema-generated body checks the request all the same.
    const models = await call(client.models.list({ category: "programming" }, DYNAMIC));
    expect(Array.isArray(models.data)).toBe(true);
    expect(typeof models.total_count).toBe("number");
    const count = await call(client.models.count());
    expect(count).toEqual({ data: { count: 150 } });
  });

  it("embeddings.generate", async () => {
    const result = await call(
      client.embeddings.generate({
        model: "openai/text-embedding-3-small",
        input: ["hello", "world"],
      }),
    );
    expect(result.object).toBe("list");
    expect(Array.isArray(result.data[0]?.embedding)).toBe(true);
    expect(result.usage?.total_tokens).toBeGreaterThan(0);
  });

  it("apiKeys.list / get / create / update / delete", async () => {
    const list = await call(client.apiKeys.list({ offset: 0, include_disabled: "true" }));
    expect(list.data[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    const hash = list.data[0]!.hash;

    const one = await call(client.apiKeys.get({ hash }));
    expect(typeof one.data.label).toBe("string");

    const created = await call(
      client.apiKeys.create({ name: "contract test", limit: 50, limit_reset: "monthly" }),
    );
    expect(created.key).toMatch(/^sk-or-v1-/);
    expect(created.data.limit).toBe(50);

    const updated = await call(client.apiKeys.update({ hash, name: "renamed", disabled: false }));
    expect(typeof updated.data.name).toBe("string");

    const deleted = await call(client.apiKeys.delete({ hash }));
    expect(deleted).toEqual({ deleted: true });
  });

  it("credits.getCredits", async () => {
    const credits = await call(client.credits.getCredits());
    expect(credits.data.total_credits).toBeGreaterThanOrEqual(credits.data.total_usage);
  });

  it("generations.getGeneration", async () => {
    // The operation's example omits the required `workspace_id` (the schema's example has it).
    const generation = await call(
      client.generations.getGeneration({ id: "gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG" }, DYNAMIC),
    );
    expect(typeof generation.data.id).toBe("string");
    expect(typeof generation.data.model).toBe("string");
  });

  it("providers.list", async () => {
    const providers = await call(client.providers.list());
    expect(providers.data[0]).toMatchObject({ name: "OpenAI", slug: "openai" });
  });

  it("endpoints.list fills the author/slug path parameters", async () => {
    const recording = client.withOptions({ fetch: recordingFetch });
    const endpoints = await call(recording.endpoints.list({ author: "openai", slug: "gpt-4o" }));
    expect(sent.at(-1)?.url.pathname).toBe("/models/openai/gpt-4o/endpoints");
    expect(typeof endpoints.data.id).toBe("string");
    expect(Array.isArray(endpoints.data.endpoints)).toBe(true);
  });

  it("guardrails.create", async () => {
    const guardrail = await call(
      client.guardrails.create({
        name: "Budget",
        description: "Monthly cap",
        limit_usd: 50,
        reset_interval: "monthly",
        allowed_providers: ["openai", "anthropic"],
      }),
    );
    expect(typeof guardrail.data.id).toBe("string");
    expect(typeof guardrail.data.name).toBe("string");
  });

  it("analytics.getUserActivity", async () => {
    const activity = await call(client.analytics.getUserActivity({ date: "2025-08-24" }));
    expect(activity.data[0]).toMatchObject({ date: "2025-08-24", model: expect.any(String) });
  });

  it("responses.send (also under beta)", async () => {
    const response = await call(
      client.responses.send({
        model: "openai/gpt-4o",
        input: "Tell me a joke",
        max_output_tokens: 100,
      }),
    );
    expect(response.object).toBe("response");
    expect(response.status).toBe("completed");
    expect(response.output[0]).toMatchObject({ type: "message", role: "assistant" });
    const beta = await call(
      client.beta.responses.send({
        model: "openai/gpt-4o",
        input: [{ type: "message", role: "user", content: "Hi" }],
      }),
    );
    expect(beta.object).toBe("response");
  });

  it("messages.create", async () => {
    const message = await call(
      client.messages.create({
        model: "anthropic/claude-sonnet-4",
        max_tokens: 256,
        system: "Be brief.",
        messages: [{ role: "user", content: "How are you?" }],
      }),
    );
    expect(message.type).toBe("message");
    expect(message.role).toBe("assistant");
    expect(message.content[0]).toMatchObject({ type: "text", text: expect.any(String) });
    expect(message.usage.input_tokens).toBeGreaterThan(0);
  });
});

describe("contract: failures surface as typed errors", () => {
  it("a body the spec rejects throws UnprocessableEntityError with Prism's violations", async () => {
    const error = await client.chat.send({ model: 42, messages: "not an array" } as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(isUnprocessableEntityError(error)).toBe(true);
    expect((error as UnprocessableEntityError).status).toBe(422);
    expect(violations(error).map((v) => v.location.join("."))).toEqual(
      expect.arrayContaining(["request.body.messages", "request.body.model"]),
    );
  });

  it("a message with an unknown role is rejected too", async () => {
    await expect(
      client.chat.send({
        model: "openai/gpt-4o",
        messages: [{ role: "robot", content: "hi" }],
      } as never),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
  });

  it("sends Authorization: Bearer sk-or-test, and Prism answers 401 → AuthenticationError without it", async () => {
    const recording = client.withOptions({ fetch: recordingFetch });
    await call(recording.credits.getCredits());
    expect(sent.at(-1)?.headers.get("authorization")).toBe("Bearer sk-or-test");

    const error = await client.credits.getCredits({ headers: { Authorization: null } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
  });
});
