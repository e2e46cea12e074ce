/* eslint-disable no-console -- a script. */
/**
 * A small scripted mock of the OpenRouter API for what the Prism mock (`mock-server.ts`) cannot do:
 * SSE chat streams (with `: OPENROUTER PROCESSING` keep-alive comments), tool-call turns, JSON
 * answers that match the request's schema, a failing model for fallbacks, a catalogue with real
 * string prices, endpoint stats, and stateful `/keys` CRUD. It listens on 127.0.0.1 (port 0) and
 * answers with bodies shaped like the spec's schemas (checked at compile time with `satisfies`
 * against the generated types).
 *
 * Behaviour of `POST /chat/completions`:
 * - a model in `flakyModels` (default `openai/gpt-4o`) answers `503` (so fallbacks happen); with
 *   OpenRouter's native `models: [...]` list the first model that is not flaky answers instead;
 * - an unknown model answers `400` like OpenRouter ("… is not a valid model ID");
 * - `tools` and a last message that is not a tool result → `tool_calls` (one call per city the
 *   user message mentions when the tool takes a `city`/`location`, else one call with sample
 *   arguments built from the tool's JSON Schema);
 * - a last message with `role: "tool"` → text built from the tool results;
 * - `response_format: json_schema` → JSON content generated from the schema;
 *   `response_format: json_object` → a small JSON object;
 * - otherwise a canned or echoed text answer that also names the content parts it received;
 * - `openrouter/auto` is served by `openai/gpt-4o-mini`; every answer carries `usage` with `cost`;
 * - `stream: true` → SSE: keep-alive comments, a role chunk, content (or tool-call fragments),
 *   a finish chunk, a usage chunk, `data: [DONE]`.
 *
 * Every request is recorded in `mock.requests` so a runner can assert what an example sent.
 *
 * Run standalone: `tsx scripts/src/mock-openrouter.ts` (prints the base URL, Ctrl-C to stop).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type {
  ChatSendResponse,
  ChatSendStreamChunk,
  ChatUsage,
} from "../../packages/openrouter-chat/src/types.gen.ts";
import type { Model, ModelsListResponse } from "../../packages/openrouter-models/src/types.gen.ts";
import type {
  EndpointsListResponse,
  PublicEndpoint,
} from "../../packages/openrouter-endpoints/src/types.gen.ts";
import type {
  ApiKeysCreateResponse,
  ApiKeysDeleteResponse,
  ApiKeysGetCurrentKeyMetadataResponse,
  ApiKeysGetResponse,
  ApiKeysListResponse,
  ApiKeysUpdateResponse,
} from "../../packages/openrouter-api-keys/src/types.gen.ts";
import type { CreditsGetCreditsResponse } from "../../packages/openrouter-credits/src/types.gen.ts";
import type { OAuthExchangeAuthCodeForApiKeyResponse } from "../../packages/openrouter-oauth/src/types.gen.ts";

/** One request the mock received. */
export interface RecordedRequest {
  method: string;
  /** Path without the `/api/v1` prefix, e.g. `/chat/completions`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** Parsed JSON body, or `undefined`. */
  body: any;
  status: number;
}

/** A running scripted mock. */
export interface OpenRouterMock {
  /** Base URL for `OPENROUTER_BASE_URL` (ends in `/api/v1`). */
  url: string;
  /** Every request so far, in order. */
  requests: RecordedRequest[];
  stop: () => Promise<void>;
}

export interface OpenRouterMockOptions {
  /** Models whose chat requests answer 503. @default ["openai/gpt-4o"] */
  flakyModels?: string[];
  /** Delay between streamed chunks, in ms. @default 5 */
  chunkDelayMs?: number;
}

type KeyItem = ApiKeysListResponse["data"][number];

const CREATED = 1_735_689_600; // 2025-01-01T00:00:00Z

function model(
  id: string,
  name: string,
  prompt: string,
  completion: string,
  input: Array<"text" | "image" | "file">,
  output: Array<"text" | "image">,
  contextLength: number,
  extra: Partial<Model> = {},
): Model {
  return {
    id,
    canonical_slug: id,
    name,
    created: CREATED,
    description: `${name} (mock catalogue entry).`,
    context_length: contextLength,
    architecture: {
      input_modalities: input,
      output_modalities: output,
      modality: `${input.join("+")}->${output.join("+")}`,
      tokenizer: "Other",
      instruct_type: null,
    },
    pricing: { prompt, completion },
    top_provider: {
      context_length: contextLength,
      max_completion_tokens: 16_384,
      is_moderated: false,
    },
    per_request_limits: null,
    supported_parameters: [
      "temperature",
      "top_p",
      "max_tokens",
      "tools",
      "tool_choice",
      "response_format",
      "structured_outputs",
    ],
    default_parameters: null,
    supported_voices: null,
    links: { details: `/api/v1/models/${id}/endpoints` },
    ...extra,
  } satisfies Model;
}

/** The catalogue: 10 models with string prices (USD per token; "-1" = variable). */
export const MOCK_MODELS: Model[] = [
  model(
    "openai/gpt-4o",
    "OpenAI: GPT-4o",
    "0.0000025",
    "0.00001",
    ["text", "image", "file"],
    ["text"],
    128_000,
    {
      pricing: { prompt: "0.0000025", completion: "0.00001", input_cache_read: "0.00000125" },
    },
  ),
  model(
    "openai/gpt-4o-mini",
    "OpenAI: GPT-4o-mini",
    "0.00000015",
    "0.0000006",
    ["text", "image", "file"],
    ["text"],
    128_000,
  ),
  model(
    "anthropic/claude-3.5-sonnet",
    "Anthropic: Claude 3.5 Sonnet",
    "0.000003",
    "0.000015",
    ["text", "image", "file"],
    ["text"],
    200_000,
  ),
  model(
    "anthropic/claude-3.5-haiku",
    "Anthropic: Claude 3.5 Haiku",
    "0.0000008",
    "0.000004",
    ["text", "image", "file"],
    ["text"],
    200_000,
  ),
  model(
    "google/gemini-2.0-flash-001",
    "Google: Gemini 2.0 Flash",
    "0.0000001",
    "0.0000004",
    ["text", "image", "file"],
    ["text"],
    1_048_576,
  ),
  model(
    "meta-llama/llama-3.1-8b-instruct",
    "Meta: Llama 3.1 8B Instruct",
    "0.00000002",
    "0.00000005",
    ["text"],
    ["text"],
    131_072,
  ),
  model(
    "mistralai/mistral-small-3.1-24b-instruct",
    "Mistral: Mistral Small 3.1 24B",
    "0.00000005",
    "0.0000001",
    ["text", "image"],
    ["text"],
    128_000,
  ),
  model(
    "deepseek/deepseek-chat",
    "DeepSeek: DeepSeek V3",
    "0.00000027",
    "0.0000011",
    ["text"],
    ["text"],
    163_840,
  ),
  model(
    "openrouter/auto",
    "Auto Router",
    "-1",
    "-1",
    ["text", "image", "file"],
    ["text"],
    2_000_000,
  ),
  model(
    "google/gemini-2.5-flash-image",
    "Google: Gemini 2.5 Flash Image",
    "0.0000003",
    "0.0000025",
    ["text", "image"],
    ["image", "text"],
    32_768,
  ),
];

const PROVIDERS: Record<string, string[]> = {
  openai: ["OpenAI", "Azure"],
  anthropic: ["Anthropic", "Amazon Bedrock"],
  google: ["Google Vertex", "Google AI Studio"],
  "meta-llama": ["Together", "DeepInfra"],
  mistralai: ["Mistral"],
  deepseek: ["DeepSeek"],
  openrouter: ["OpenRouter"],
};

function endpointsOf(m: Model): PublicEndpoint[] {
  const author = m.id.split("/")[0]!;
  return (PROVIDERS[author] ?? ["OpenAI"]).map((provider, i) => ({
    name: `${provider} | ${m.id}`,
    model_id: m.id,
    model_name: m.name,
    context_length: m.context_length ?? 8192,
    pricing: { prompt: m.pricing.prompt, completion: m.pricing.completion },
    provider_name: provider as PublicEndpoint["provider_name"],
    tag: provider.toLowerCase().replace(/\s+/g, "-"),
    quantization: null,
    max_completion_tokens: 16_384,
    max_prompt_tokens: null,
    supported_parameters: m.supported_parameters,
    status: 0,
    uptime_last_30m: 99.5 - i * 2 - (m.id.length % 3),
    uptime_last_1d: 99.1 - i,
    uptime_last_5m: 100,
    supports_implicit_caching: false,
    latency_last_30m: { p50: 300 + i * 150 + m.id.length * 3, p75: 500, p90: 800, p99: 1500 },
    throughput_last_30m: { p50: 80 - i * 10, p75: 70, p90: 60, p99: 40 },
  }));
}

function newKey(i: number, name: string, extra: Partial<KeyItem> = {}): KeyItem {
  const hash = (
    i.toString(16).padStart(2, "0") +
    "f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce9"
  ).slice(0, 64);
  return {
    hash,
    name,
    label: `sk-or-v1-${hash.slice(0, 3)}...${hash.slice(-3)}`,
    disabled: false,
    limit: null,
    limit_remaining: null,
    limit_reset: null,
    include_byok_in_limit: false,
    usage: 0,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    created_at: "2025-08-24T10:30:00Z",
    updated_at: null,
    expires_at: null,
    creator_user_id: "user_2dHFtVWx2n56w6HkM0000000000",
    workspace_id: "0df9e665-d932-5740-b2c7-b52af166bc11",
    ...extra,
  } satisfies KeyItem;
}

// ---------------------------------------------------------------------------------------------
// Sample values from a JSON Schema (for tool arguments and structured answers).

const HINTS: Record<string, unknown> = {
  name: "Jason",
  age: 25,
  email: "jason@example.com",
  city: "Paris",
  location: "Paris",
  country: "France",
  unit: "celsius",
  temperature: 22,
  celsius: 22,
  condition: "sunny",
};

function sample(schema: any, key = "", depth = 0): unknown {
  if (!schema || typeof schema !== "object" || depth > 8) return null;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alternatives)) {
    const pick = alternatives.find((s: any) => s?.type !== "null") ?? alternatives[0];
    return sample(pick, key, depth + 1);
  }
  if (Array.isArray(schema.allOf))
    return sample(Object.assign({}, ...schema.allOf), key, depth + 1);
  const type = Array.isArray(schema.type)
    ? schema.type.find((t: string) => t !== "null")
    : schema.type;
  const hint = HINTS[key.toLowerCase()];
  switch (type ?? (schema.properties ? "object" : undefined)) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<any>(schema.properties ?? {}))
        out[k] = sample(v, k, depth + 1);
      return out;
    }
    case "array": {
      const n = Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 2, 2));
      return Array.from({ length: n }, () => sample(schema.items ?? {}, key, depth + 1));
    }
    case "integer":
    case "number": {
      const base = typeof hint === "number" ? hint : 1;
      const min =
        schema.minimum ??
        (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
      const max =
        schema.maximum ??
        (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
      return Math.min(max ?? Infinity, Math.max(min ?? -Infinity, base));
    }
    case "boolean":
      return true;
    case "string":
      if (schema.format === "email") return "jason@example.com";
      if (schema.format === "date-time") return "2025-01-01T00:00:00Z";
      if (schema.format === "date") return "2025-01-01";
      if (schema.format === "uri" || schema.format === "url") return "https://example.com";
      return typeof hint === "string" ? hint : `example ${key}`.trim();
    case "null":
      return null;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Chat.

const CITIES = ["Paris", "Tokyo", "London", "Berlin", "New York", "Sydney", "Madrid", "Rome"];

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((p: any) => (p?.type === "text" ? String(p.text ?? "").trim() : ""))
    .filter(Boolean)
    .join(" ");
}

function partsSummary(messages: any[]): string {
  const counts = new Map<string, number>();
  for (const m of messages) {
    if (!Array.isArray(m?.content)) continue;
    for (const p of m.content)
      if (p?.type && p.type !== "text") counts.set(p.type, (counts.get(p.type) ?? 0) + 1);
  }
  if (counts.size === 0) return "";
  return ` (received ${[...counts].map(([t, n]) => `${n} ${t} part${n === 1 ? "" : "s"}`).join(", ")})`;
}

interface Plan {
  content: string | null;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  finish: "stop" | "tool_calls";
}

let seq = 0;

function planAnswer(body: any): Plan {
  const messages: any[] = Array.isArray(body.messages) ? body.messages : [];
  const last = messages[messages.length - 1];
  const lastUser = [...messages].reverse().find((m) => m?.role === "user");
  const userText = textOf(lastUser?.content);
  const tools: any[] = Array.isArray(body.tools)
    ? body.tools.filter((t: any) => t?.type === "function")
    : [];

  if (tools.length > 0 && last?.role !== "tool" && body.tool_choice !== "none") {
    const tool = tools[0].function;
    const props = tool.parameters?.properties ?? {};
    const cityKey = Object.keys(props).find((k) => k === "city" || k === "location");
    const cities = CITIES.filter((c) => userText.toLowerCase().includes(c.toLowerCase()));
    const argsList: unknown[] =
      cityKey && cities.length > 0
        ? cities.map((c) => ({ ...(sample(tool.parameters) as object), [cityKey]: c }))
        : [sample(tool.parameters ?? { type: "object" })];
    return {
      content: null,
      toolCalls: argsList.map((args, i) => ({
        id: `call_mock_${++seq}_${i}`,
        name: tool.name,
        arguments: JSON.stringify(args),
      })),
      finish: "tool_calls",
    };
  }
  if (last?.role === "tool") {
    const results = messages.filter((m) => m?.role === "tool").map((m) => textOf(m.content));
    return {
      content: `Here is what the tools returned: ${results.join("; ")}`,
      toolCalls: [],
      finish: "stop",
    };
  }
  const format = body.response_format;
  if (format?.type === "json_schema") {
    return {
      content: JSON.stringify(sample(format.json_schema?.schema ?? {})),
      toolCalls: [],
      finish: "stop",
    };
  }
  if (format?.type === "json_object") {
    const json = /colou?r/i.test(userText)
      ? { colors: ["red", "green", "blue"] }
      : { ok: true, echo: userText.slice(0, 60) };
    return { content: JSON.stringify(json), toolCalls: [], finish: "stop" };
  }
  let text: string;
  if (/capital of france/i.test(userText)) text = "The capital of France is Paris.";
  else if (/capital of italy/i.test(userText)) text = "The capital of Italy is Rome.";
  else if (/count to (\d+)/i.test(userText)) {
    const n = Math.min(20, Number(/count to (\d+)/i.exec(userText)![1]));
    text = Array.from({ length: n }, (_, i) => String(i + 1)).join(", ") + ".";
  } else if (/haiku/i.test(userText))
    text = "Quiet loops of code / streaming tokens one by one / the answer arrives.";
  else text = `You said: "${userText.slice(0, 80)}".`;
  return { content: text + partsSummary(messages), toolCalls: [], finish: "stop" };
}

function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function usageFor(served: Model, body: any, plan: Plan): ChatUsage {
  const prompt = tokens(JSON.stringify(body.messages ?? []));
  const completion = tokens(
    (plan.content ?? "") + plan.toolCalls.map((c) => c.name + c.arguments).join(""),
  );
  const price = (s: string) => (Number(s) > 0 ? Number(s) : 0);
  const cost = Number(
    (
      prompt * price(served.pricing.prompt) +
      completion * price(served.pricing.completion)
    ).toPrecision(12),
  );
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    cost,
    is_byok: false,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  } satisfies ChatUsage;
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing.

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): number {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
  return status;
}

function error(res: ServerResponse, status: number, message: string): number {
  return send(res, status, { error: { code: status, message } });
}

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return { __invalid_json: raw };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the scripted mock on 127.0.0.1 and a free port. */
export async function startOpenRouterMock(
  options: OpenRouterMockOptions = {},
): Promise<OpenRouterMock> {
  const flaky = new Set(options.flakyModels ?? ["openai/gpt-4o"]);
  const delay = options.chunkDelayMs ?? 5;
  const requests: RecordedRequest[] = [];
  const keys: KeyItem[] = [
    newKey(1, "Production", {
      limit: 100,
      limit_remaining: 74.5,
      limit_reset: "monthly",
      usage: 25.5,
      usage_monthly: 25.5,
    }),
    newKey(2, "Staging", {
      limit: 20,
      limit_remaining: 19,
      limit_reset: "weekly",
      usage: 1,
      usage_weekly: 1,
    }),
    newKey(3, "Old CI key", { disabled: true }),
  ];
  let nextKey = 10;
  const PAGE = 2; // /keys page size, so listing needs pagination

  async function handleChat(req: IncomingMessage, res: ServerResponse, body: any): Promise<number> {
    if (!body || !Array.isArray(body.messages) || body.messages.length === 0) {
      return error(res, 400, 'Input required: specify "messages"');
    }
    // Native fallback: OpenRouter tries `model`, then `models` in order, within one request.
    const chain: string[] = [
      ...new Set<string>(
        [body.model, ...(Array.isArray(body.models) ? body.models : [])].filter(Boolean),
      ),
    ];
    if (chain.length === 0) chain.push("openrouter/auto");
    const unknown = chain.find((id) => !MOCK_MODELS.some((m) => m.id === id));
    if (unknown) return error(res, 400, `${unknown} is not a valid model ID`);
    const requested = chain.find((id) => !flaky.has(id));
    if (!requested) {
      return error(
        res,
        503,
        `${chain.join(", ")}: all providers are temporarily unavailable (mock flaky model)`,
      );
    }
    const known = MOCK_MODELS.find((m) => m.id === requested)!;
    const served =
      requested === "openrouter/auto"
        ? MOCK_MODELS.find((m) => m.id === "openai/gpt-4o-mini")!
        : known;
    const plan = planAnswer(body);
    const usage = usageFor(served, body, plan);
    const id = `gen-mock-${++seq}`;
    const provider = PROVIDERS[served.id.split("/")[0]!]![0]!;
    const created = Math.floor(Date.now() / 1000);

    if (body.stream !== true) {
      const completion = {
        id,
        object: "chat.completion",
        created,
        model: served.id,
        provider,
        system_fingerprint: null,
        choices: [
          {
            index: 0,
            finish_reason: plan.finish,
            native_finish_reason: plan.finish,
            message: {
              role: "assistant",
              content: plan.content,
              refusal: null,
              reasoning: null,
              ...(plan.toolCalls.length
                ? {
                    tool_calls: plan.toolCalls.map((c) => ({
                      id: c.id,
                      type: "function" as const,
                      function: { name: c.name, arguments: c.arguments },
                    })),
                  }
                : {}),
            },
          },
        ],
        usage,
      } satisfies ChatSendResponse;
      return send(res, 200, completion, { "x-generation-id": id });
    }

    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
      "x-generation-id": id,
    });
    let closed = false;
    res.on("close", () => (closed = true));
    const base = {
      id,
      object: "chat.completion.chunk" as const,
      created,
      model: served.id,
      provider,
    };
    const write = async (chunk: ChatSendStreamChunk) => {
      if (closed) return;
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      await sleep(delay);
    };
    // OpenRouter sends SSE comments while the upstream provider warms up.
    res.write(": OPENROUTER PROCESSING\n\n");
    await sleep(delay);
    res.write(": OPENROUTER PROCESSING\n\n");
    await write({
      ...base,
      choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
    });
    for (const piece of (plan.content ?? "").match(/\S+\s*/g) ?? []) {
      await write({
        ...base,
        choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
      });
    }
    for (const [index, call] of plan.toolCalls.entries()) {
      const half = Math.ceil(call.arguments.length / 2);
      await write({
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index,
                  id: call.id,
                  type: "function",
                  function: { name: call.name, arguments: call.arguments.slice(0, half) },
                },
              ],
            },
            finish_reason: null,
          },
        ],
      });
      await write({
        ...base,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index, function: { arguments: call.arguments.slice(half) } }] },
            finish_reason: null,
          },
        ],
      });
    }
    if (!closed) res.write(": OPENROUTER PROCESSING\n\n");
    await write({
      ...base,
      choices: [
        { index: 0, delta: {}, finish_reason: plan.finish, native_finish_reason: plan.finish },
      ],
    });
    await write({ ...base, choices: [], usage });
    if (!closed) res.end("data: [DONE]\n\n");
    return 200;
  }

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
    body: any,
  ): Promise<number> {
    const method = req.method ?? "GET";
    const auth = req.headers.authorization;
    if (path === "/auth/keys" && method === "POST") {
      // PKCE exchange: authenticated by code + verifier, no API key needed.
      if (!body?.code || typeof body.code !== "string") return error(res, 400, "Missing code");
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(body.code_verifier ?? ""))
        return error(res, 400, "Invalid code_verifier");
      if (
        body.code_challenge_method !== undefined &&
        !["S256", "plain"].includes(body.code_challenge_method)
      ) {
        return error(res, 400, "Invalid code_challenge_method");
      }
      return send(res, 200, {
        key: "sk-or-v1-mock-user-key-0e6f44a47a05f1dad2ad7e88c4c1d6b7",
        user_id: "user_2yOPcMpKoQhcd4bVgSMlELRaIah",
      } satisfies OAuthExchangeAuthCodeForApiKeyResponse);
    }
    if (!auth?.startsWith("Bearer ") || auth.length <= "Bearer ".length)
      return error(res, 401, "No auth credentials found");

    if (path === "/chat/completions" && method === "POST") return handleChat(req, res, body);

    if (path === "/models" && method === "GET") {
      const wanted = query.get("output_modalities");
      const data =
        wanted && wanted !== "all"
          ? MOCK_MODELS.filter((m) =>
              wanted
                .split(",")
                .some((w) => (m.architecture.output_modalities as string[]).includes(w)),
            )
          : MOCK_MODELS;
      return send(res, 200, {
        data,
        links: { next: null },
        total_count: data.length,
      } satisfies ModelsListResponse);
    }
    const endpoints = /^\/models\/([^/]+)\/(.+)\/endpoints$/.exec(path);
    if (endpoints && method === "GET") {
      const id = `${decodeURIComponent(endpoints[1]!)}/${decodeURIComponent(endpoints[2]!)}`;
      const m = MOCK_MODELS.find((x) => x.id === id);
      if (!m) return error(res, 404, `Model ${id} not found`);
      const { architecture, created, description = "", name } = m;
      return send(res, 200, {
        data: {
          id,
          name,
          created,
          description,
          architecture: { ...architecture, instruct_type: null, tokenizer: "Other" },
          endpoints: endpointsOf(m),
        },
      } satisfies EndpointsListResponse);
    }
    if (path === "/key" && method === "GET") {
      const data = {
        label: "sk-or-v1-moc...key",
        limit: 100,
        limit_remaining: 74.5,
        limit_reset: "monthly",
        include_byok_in_limit: false,
        usage: 25.5,
        usage_daily: 1.25,
        usage_weekly: 6.5,
        usage_monthly: 25.5,
        byok_usage: 0,
        byok_usage_daily: 0,
        byok_usage_weekly: 0,
        byok_usage_monthly: 0,
        is_free_tier: false,
        is_management_key: true,
        is_provisioning_key: true,
        expires_at: null,
        creator_user_id: "user_2dHFtVWx2n56w6HkM0000000000",
        rate_limit: {
          requests: 1000,
          interval: "1h",
          note: "This field is deprecated and safe to ignore.",
        },
      } satisfies ApiKeysGetCurrentKeyMetadataResponse["data"];
      return send(res, 200, { data } satisfies ApiKeysGetCurrentKeyMetadataResponse, {
        "x-ratelimit-limit": "1000",
        "x-ratelimit-remaining": "997",
        "x-ratelimit-reset": String(Date.now() + 3_600_000),
      });
    }
    if (path === "/credits" && method === "GET") {
      return send(res, 200, {
        data: { total_credits: 100.5, total_usage: 25.75 },
      } satisfies CreditsGetCreditsResponse);
    }
    if (path === "/keys" && method === "GET") {
      const all = query.get("include_disabled") === "true" ? keys : keys.filter((k) => !k.disabled);
      const offset = Number(query.get("offset") ?? 0) || 0;
      return send(res, 200, {
        data: all.slice(offset, offset + PAGE),
      } satisfies ApiKeysListResponse);
    }
    if (path === "/keys" && method === "POST") {
      if (typeof body?.name !== "string" || body.name === "")
        return error(res, 400, "name is required");
      const limit = typeof body.limit === "number" ? body.limit : null;
      const item = newKey(nextKey++, body.name, {
        limit,
        limit_remaining: limit,
        limit_reset: body.limit_reset ?? null,
        include_byok_in_limit: body.include_byok_in_limit ?? false,
        expires_at: body.expires_at ?? null,
        created_at: new Date().toISOString(),
      });
      keys.push(item);
      return send(res, 201, {
        data: item,
        key: `sk-or-v1-${item.hash}`,
      } satisfies ApiKeysCreateResponse);
    }
    const byHash = /^\/keys\/([^/]+)$/.exec(path);
    if (byHash) {
      const index = keys.findIndex((k) => k.hash === decodeURIComponent(byHash[1]!));
      if (index < 0) return error(res, 404, "API key not found");
      const item = keys[index]!;
      if (method === "GET") return send(res, 200, { data: item } satisfies ApiKeysGetResponse);
      if (method === "DELETE") {
        keys.splice(index, 1);
        return send(res, 200, { deleted: true } satisfies ApiKeysDeleteResponse);
      }
      if (method === "PATCH") {
        for (const field of [
          "name",
          "disabled",
          "limit",
          "limit_reset",
          "include_byok_in_limit",
          "expires_at",
        ] as const) {
          if (body && field in body) (item as Record<string, unknown>)[field] = body[field];
        }
        if (body && "name" in body) item.label = body.name;
        if (body && "limit" in body)
          item.limit_remaining = body.limit === null ? null : body.limit - item.usage;
        item.updated_at = new Date().toISOString();
        return send(res, 200, { data: item } satisfies ApiKeysUpdateResponse);
      }
    }
    return error(res, 404, `Not found (mock): ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const path = url.pathname.replace(/^\/api\/v1(?=\/)/, "");
      const body = await readBody(req);
      const record: RecordedRequest = {
        method: req.method ?? "GET",
        path,
        query: url.searchParams,
        headers: req.headers,
        body,
        status: 0,
      };
      requests.push(record);
      try {
        record.status = await route(req, res, path, url.searchParams, body);
      } catch (e) {
        record.status = 500;
        if (!res.headersSent) error(res, 500, `mock failure: ${(e as Error).message}`);
        else res.end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const mock = await startOpenRouterMock();
  console.log(`OpenRouter mock listening: OPENROUTER_BASE_URL=${mock.url}`);
}
