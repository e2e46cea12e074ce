/** Realistic OpenRouter bodies for the helper tests: prices are decimal strings, "-1" is variable. */

interface ModelFixture {
  id: string;
  name: string;
  description: string;
  modality: string;
  input: string[];
  output: string[];
  pricing: Record<string, string>;
  context: number;
}

function model(m: ModelFixture) {
  return {
    id: m.id,
    canonical_slug: m.id.replace(/:.*$/, "") + "-20240000",
    hugging_face_id: null,
    name: m.name,
    created: 1_720_000_000,
    description: m.description,
    context_length: m.context,
    architecture: {
      modality: m.modality,
      input_modalities: m.input,
      output_modalities: m.output,
      tokenizer: "Other",
      instruct_type: null,
    },
    pricing: m.pricing,
    top_provider: { context_length: m.context, max_completion_tokens: 16_384, is_moderated: false },
    per_request_limits: null,
    supported_parameters: ["max_tokens", "temperature", "tools"],
    default_parameters: { temperature: null, top_p: null, frequency_penalty: null },
    supported_voices: null,
    links: { details: `/api/v1/models/${m.id}/endpoints` },
  };
}

export const MODELS = [
  model({
    id: "openai/gpt-4o",
    name: "OpenAI: GPT-4o",
    description: 'GPT-4o ("o" for "omni") is OpenAI\'s flagship multimodal model.',
    modality: "text+image->text",
    input: ["text", "image", "file"],
    output: ["text"],
    pricing: {
      prompt: "0.0000025",
      completion: "0.00001",
      input_cache_read: "0.00000125",
      image: "0.003613",
      request: "0",
      web_search: "0.01",
    },
    context: 128_000,
  }),
  model({
    id: "openai/gpt-4o-mini",
    name: "OpenAI: GPT-4o-mini",
    description: "A small, affordable model: cheaper than GPT-3.5 Turbo.",
    modality: "text+image->text",
    input: ["text", "image", "file"],
    output: ["text"],
    pricing: { prompt: "0.00000015", completion: "0.0000006", input_cache_read: "0.000000075" },
    context: 128_000,
  }),
  model({
    id: "openai/o3-mini",
    name: "OpenAI: o3 Mini",
    description: "A cost-efficient reasoning model optimised for STEM.",
    modality: "text->text",
    input: ["text", "file"],
    output: ["text"],
    pricing: {
      prompt: "0.0000011",
      completion: "0.0000044",
      internal_reasoning: "0.0000044",
      input_cache_read: "0.00000055",
    },
    context: 200_000,
  }),
  model({
    id: "anthropic/claude-3.5-sonnet",
    name: "Anthropic: Claude 3.5 Sonnet",
    description: "Claude 3.5 Sonnet delivers better-than-Opus capabilities at Sonnet prices.",
    modality: "text+image->text",
    input: ["text", "image", "file"],
    output: ["text"],
    pricing: {
      prompt: "0.000003",
      completion: "0.000015",
      input_cache_read: "0.0000003",
      input_cache_write: "0.00000375",
    },
    context: 200_000,
  }),
  model({
    id: "anthropic/claude-3.5-haiku",
    name: "Anthropic: Claude 3.5 Haiku",
    description: "Fast and affordable; a sonnet-like quality for everyday tasks.",
    modality: "text+image->text",
    input: ["text", "image"],
    output: ["text"],
    pricing: { prompt: "0.0000008", completion: "0.000004" },
    context: 200_000,
  }),
  model({
    id: "meta-llama/llama-3.1-8b-instruct",
    name: "Meta: Llama 3.1 8B Instruct",
    description: "Meta's fast, efficient 8B instruct model.",
    modality: "text->text",
    input: ["text"],
    output: ["text"],
    pricing: { prompt: "0.00000002", completion: "0.00000005" },
    context: 131_072,
  }),
  model({
    id: "meta-llama/llama-3.1-8b-instruct:free",
    name: "Meta: Llama 3.1 8B Instruct (free)",
    description: "Free variant with lower rate limits.",
    modality: "text->text",
    input: ["text"],
    output: ["text"],
    pricing: { prompt: "0", completion: "0" },
    context: 131_072,
  }),
  model({
    id: "google/gemini-2.0-flash-001",
    name: "Google: Gemini 2.0 Flash",
    description: "Faster time to first token than Gemini 1.5 Flash.",
    modality: "text+image+file+audio+video->text",
    input: ["text", "image", "file", "audio", "video"],
    output: ["text"],
    pricing: {
      prompt: "0.0000001",
      completion: "0.0000004",
      audio: "0.0000007",
      input_cache_read: "0.000000025",
    },
    context: 1_048_576,
  }),
  model({
    id: "google/gemini-2.5-flash-image",
    name: "Google: Gemini 2.5 Flash Image",
    description: 'Image generation and editing ("Nano Banana").',
    modality: "text+image->text+image",
    input: ["image", "text"],
    output: ["image", "text"],
    pricing: { prompt: "0.0000003", completion: "0.0000025", image: "0.001238" },
    context: 32_768,
  }),
  model({
    id: "openrouter/auto",
    name: "Auto Router",
    description: "Your prompt is routed to one of dozens of models; the price is variable.",
    modality: "text+image->text",
    input: ["text", "image"],
    output: ["text"],
    pricing: { prompt: "-1", completion: "-1" },
    context: 2_000_000,
  }),
  model({
    id: "mistralai/mistral-small",
    name: "Mistral Small",
    description: "Cost-efficient, fast and reliable for translation and summarisation.",
    modality: "text->text",
    input: ["text"],
    output: ["text"],
    pricing: { prompt: "0.0000002", completion: "0.0000006" },
    context: 32_000,
  }),
];

/** `GET /models` body. */
export const MODELS_BODY = { data: MODELS };

interface EndpointFixture {
  provider: string;
  uptime30m: number | null;
  latencyP50: number | null;
  throughputP50: number | null;
  status?: number;
}

function stats(p50: number | null) {
  return p50 === null ? null : { p50, p75: p50 * 1.3, p90: p50 * 1.8, p99: p50 * 3 };
}

/** `GET /models/{author}/{slug}/endpoints` body. */
export function endpointsBody(modelId: string, endpoints: EndpointFixture[]) {
  const m = MODELS.find((x) => x.id === modelId)!;
  return {
    data: {
      id: m.id,
      name: m.name,
      created: m.created,
      description: m.description,
      architecture: m.architecture,
      endpoints: endpoints.map((e) => ({
        name: `${e.provider} | ${m.id}`,
        model_id: m.id,
        model_name: m.name,
        context_length: m.context_length,
        pricing: m.pricing,
        provider_name: e.provider,
        tag: e.provider.toLowerCase(),
        quantization: "unknown",
        max_completion_tokens: 16_384,
        max_prompt_tokens: null,
        supported_parameters: ["max_tokens", "temperature"],
        status: e.status ?? 0,
        uptime_last_30m: e.uptime30m,
        uptime_last_5m: e.uptime30m,
        uptime_last_1d: e.uptime30m,
        supports_implicit_caching: false,
        latency_last_30m: stats(e.latencyP50),
        throughput_last_30m: stats(e.throughputP50),
      })),
    },
  };
}

/** `GET /key` body. */
export const KEY_BODY = {
  data: {
    label: "sk-or-v1-au7...890",
    limit: 100,
    limit_remaining: 74.5,
    limit_reset: "monthly",
    usage: 25.5,
    usage_daily: 1.25,
    usage_weekly: 7.5,
    usage_monthly: 25.5,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    include_byok_in_limit: false,
    is_free_tier: false,
    is_management_key: false,
    is_provisioning_key: false,
    creator_user_id: "user_2dHFtVWx2n56w6HkM0000000000",
    expires_at: null,
    rate_limit: {
      requests: -1,
      interval: "10s",
      note: "This field is deprecated and safe to ignore.",
    },
  },
};

/** `GET /credits` body. */
export const CREDITS_BODY = { data: { total_credits: 100.3, total_usage: 25.1 } };

/** A chat completion body from `model`. */
export function completion(model: string, content = "Paris.") {
  return {
    id: `gen-${model.replace(/\W/g, "")}-1`,
    provider: "OpenAI",
    model,
    object: "chat.completion",
    created: 1_735_000_000,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        logprobs: null,
        finish_reason: "stop",
        native_finish_reason: "stop",
        message: { role: "assistant", content, refusal: null, reasoning: null },
      },
    ],
    usage: { prompt_tokens: 14, completion_tokens: 2, total_tokens: 16, cost: 0.000055 },
  };
}

/** One streamed chat chunk. */
export function chunk(model: string, delta: Record<string, unknown>, finish: string | null = null) {
  return {
    id: "gen-stream-1",
    provider: "OpenAI",
    model,
    object: "chat.completion.chunk",
    created: 1_735_000_000,
    choices: [
      { index: 0, delta, finish_reason: finish, native_finish_reason: finish, logprobs: null },
    ],
  };
}

/** The error event OpenRouter puts in a stream when the provider fails. */
export function streamError(model: string, code: number, message: string) {
  return {
    id: "gen-stream-1",
    object: "chat.completion.chunk",
    created: 1_735_000_000,
    model,
    provider: "OpenAI",
    error: {
      code,
      message,
      metadata: { error_type: "provider_unavailable", provider_name: "OpenAI" },
    },
    choices: [{ index: 0, delta: { content: "" }, finish_reason: "error" }],
  };
}

/** OpenRouter's error body. */
export function errorBody(code: number, message: string, providerName?: string) {
  return {
    error: {
      code,
      message,
      ...(providerName
        ? { metadata: { provider_name: providerName, raw: `{"error":"${message}"}` } }
        : {}),
    },
    user_id: "user_2dHFtVWx2n56w6HkM0000000000",
  };
}
