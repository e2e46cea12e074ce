import { createAPIError, OpenRouterError } from "@orkit/openrouter-core";
import type {
  ChatAssistantMessage,
  ChatAudioOutput,
  ChatChoice,
  ChatSendResponse,
  ChatSendStreamChunk,
  ChatStreamToolCall,
  ChatTokenLogprobs,
  ChatToolCall,
  ReasoningDetailUnion,
} from "@orkit/openrouter-chat";

/**
 * One choice of an {@link AccumulatedChatCompletion}: a `ChatChoice` plus `native_finish_reason`,
 * which OpenRouter sends on stream chunks but the spec does not declare.
 */
export type AccumulatedChatChoice = ChatChoice & {
  /** The provider's own finish reason (e.g. `"end_turn"`), when a chunk carried one. Not in the spec. */
  native_finish_reason?: string | null;
};

/**
 * The completion rebuilt from a chat stream. It has the shape of a non-streaming
 * `client.chat.send()` result (it is assignable to `ChatSendResponse`), plus `provider`.
 *
 * What a stream cannot fill, or fills differently:
 * - `object` is always `"chat.completion"` (chunks say `"chat.completion.chunk"`).
 * - `system_fingerprint` is `null` unless some chunk carried one (it is optional on chunks but
 *   required, nullable, on `ChatResult`).
 * - `usage` is absent if no chunk carried it (OpenRouter sends it on the final chunk).
 * - `message.tool_calls[].id` / `function.name` are `""` if no fragment carried them.
 * - `message.images` is filled from `delta.images`, which OpenRouter streams for image models but
 *   the spec's `ChatStreamDelta` does not declare.
 * - `provider` (and each choice's `native_finish_reason`) are sent by OpenRouter but are not in the
 *   spec's `ChatStreamChunk`/`ChatResult`; they are read when present.
 */
export type AccumulatedChatCompletion = Omit<ChatSendResponse, "choices"> & {
  choices: AccumulatedChatChoice[];
  /** The upstream provider that served the request (`"OpenAI"`, …), from the first chunk. Not in the spec. */
  provider?: string;
};

/**
 * Incremental form of {@link accumulateChatStream}, for code that also handles each delta (to print
 * it, forward it, …) while the stream is read.
 */
export interface ChatAccumulator {
  /**
   * Folds one chunk in. A chunk carrying `error` throws the typed `APIError` (the SDK's `Stream`
   * already throws before yielding such a chunk; this covers chunks from elsewhere).
   */
  push(chunk: ChatSendStreamChunk): void;
  /**
   * The completion so far: a fresh object each call (later pushes do not change it). Throws
   * `OpenRouterError` if no chunk has been pushed yet.
   */
  result(): AccumulatedChatCompletion;
  /** Number of chunks pushed so far. */
  readonly chunks: number;
}

type ReasoningDetail = ReasoningDetailUnion;
type ChatImages = NonNullable<ChatAssistantMessage["images"]>;
type ChatLogprob = NonNullable<NonNullable<ChatTokenLogprobs>["content"]>[number];

/** Fields that real OpenRouter chunks carry but the spec does not declare. */
interface UndeclaredChunkFields {
  provider?: unknown;
}
interface UndeclaredChoiceFields {
  native_finish_reason?: unknown;
}
interface UndeclaredDeltaFields {
  images?: unknown;
}

interface ToolCallState {
  index: number;
  id: string | undefined;
  type: "function" | undefined;
  name: string | undefined;
  arguments: string;
}

interface ChoiceState {
  index: number;
  content: string | undefined;
  refusal: string | undefined;
  reasoning: string | undefined;
  reasoningDetails: ReasoningDetail[];
  /** Position in `reasoningDetails` of the entry last seen with each `index`. */
  reasoningByIndex: Map<number, number>;
  toolCalls: ToolCallState[];
  audio: ChatAudioOutput | undefined;
  images: ChatImages;
  logprobs: { content: ChatLogprob[] | undefined; refusal: ChatLogprob[] | undefined } | undefined;
  finishReason: ChatChoice["finish_reason"];
  nativeFinishReason: string | null | undefined;
}

interface State {
  first: ChatSendStreamChunk | undefined;
  provider: string | undefined;
  systemFingerprint: string | undefined;
  serviceTier: ChatSendResponse["service_tier"];
  openrouterMetadata: ChatSendResponse["openrouter_metadata"];
  usage: ChatSendResponse["usage"];
  choices: Map<number, ChoiceState>;
  chunks: number;
}

/**
 * Creates a {@link ChatAccumulator}: `push()` each streamed chunk, then read `result()`.
 *
 * Rules: `content`, `refusal` and `reasoning` are concatenated; `reasoning_details` entries with the
 * same `index` (and type) are merged (`text`/`summary`/`data` concatenated, other fields from the
 * latest fragment that has them), entries without `index` are appended; tool-call fragments are
 * assembled by `index` (`id`, `type`, `function.name` from the first fragment that has them,
 * `function.arguments` concatenated); `finish_reason` comes from the last chunk with a non-null one,
 * `usage` (with `cost`) from the last chunk that has it, and `id`/`model`/`created`/`provider` from
 * the first chunk. Usage-only chunks (`choices: []`) are fine; `n > 1` choices are kept apart.
 *
 * @example
 * ```ts
 * const acc = createChatAccumulator();
 * const stream = await client.chat.send({ model: "openai/gpt-4o-mini", messages, stream: true });
 * for await (const chunk of stream) {
 *   process.stdout.write(chunk.choices[0]?.delta.content ?? "");
 *   acc.push(chunk);
 * }
 * const completion = acc.result();
 * console.log(completion.choices[0]?.message.tool_calls, completion.usage?.cost);
 * ```
 */
export function createChatAccumulator(): ChatAccumulator {
  const state: State = {
    first: undefined,
    provider: undefined,
    systemFingerprint: undefined,
    serviceTier: undefined,
    openrouterMetadata: undefined,
    usage: undefined,
    choices: new Map(),
    chunks: 0,
  };
  return {
    push: (chunk) => pushChunk(state, chunk),
    result: () => buildResult(state),
    get chunks() {
      return state.chunks;
    },
  };
}

/**
 * Reads a streamed chat completion to the end and returns it as one message, shaped like the result
 * of the same request without `stream: true` (see {@link AccumulatedChatCompletion} for the few
 * differences). Accepts the stream or the promise of it. Errors of the stream (an in-band error
 * event, a dropped connection, an abort) reject the returned promise.
 *
 * @example
 * ```ts
 * const completion = await accumulateChatStream(
 *   client.chat.send({ model: "openai/gpt-4o-mini", messages, tools, stream: true }),
 * );
 * const message = completion.choices[0]?.message;
 * for (const call of message?.tool_calls ?? []) {
 *   console.log(call.function.name, JSON.parse(call.function.arguments));
 * }
 * console.log(completion.usage?.cost);
 * ```
 */
export async function accumulateChatStream(
  stream: AsyncIterable<ChatSendStreamChunk> | PromiseLike<AsyncIterable<ChatSendStreamChunk>>,
): Promise<AccumulatedChatCompletion> {
  const accumulator = createChatAccumulator();
  for await (const chunk of await stream) accumulator.push(chunk);
  return accumulator.result();
}

function pushChunk(state: State, chunk: ChatSendStreamChunk): void {
  if (chunk.error != null) {
    throw createAPIError({ status: 200, body: chunk, redact: (s) => s, inBand: true });
  }
  state.chunks++;
  if (!state.first) {
    state.first = chunk;
    const provider = (chunk as UndeclaredChunkFields).provider;
    if (typeof provider === "string") state.provider = provider;
  }
  if (state.systemFingerprint === undefined && chunk.system_fingerprint) {
    state.systemFingerprint = chunk.system_fingerprint;
  }
  if (chunk.service_tier != null) state.serviceTier = chunk.service_tier;
  if (chunk.openrouter_metadata != null) state.openrouterMetadata = chunk.openrouter_metadata;
  if (chunk.usage != null) state.usage = chunk.usage;
  for (const choice of chunk.choices ?? [])
    pushChoice(choiceState(state, choice.index ?? 0), choice);
}

function choiceState(state: State, index: number): ChoiceState {
  let choice = state.choices.get(index);
  if (!choice) {
    choice = {
      index,
      content: undefined,
      refusal: undefined,
      reasoning: undefined,
      reasoningDetails: [],
      reasoningByIndex: new Map(),
      toolCalls: [],
      audio: undefined,
      images: [],
      logprobs: undefined,
      finishReason: null,
      nativeFinishReason: undefined,
    };
    state.choices.set(index, choice);
  }
  return choice;
}

function pushChoice(s: ChoiceState, choice: ChatSendStreamChunk["choices"][number]): void {
  const delta = choice.delta ?? {};
  if (typeof delta.content === "string") s.content = (s.content ?? "") + delta.content;
  if (typeof delta.refusal === "string") s.refusal = (s.refusal ?? "") + delta.refusal;
  if (typeof delta.reasoning === "string") s.reasoning = (s.reasoning ?? "") + delta.reasoning;
  for (const detail of delta.reasoning_details ?? []) pushReasoningDetail(s, detail);
  for (const fragment of delta.tool_calls ?? []) pushToolCall(s, fragment);
  if (delta.audio) s.audio = mergeAudio(s.audio, delta.audio);
  const images = (delta as UndeclaredDeltaFields).images;
  if (Array.isArray(images)) s.images.push(...(images as ChatImages));
  if (choice.logprobs) {
    s.logprobs ??= { content: undefined, refusal: undefined };
    if (choice.logprobs.content) {
      (s.logprobs.content ??= []).push(...choice.logprobs.content);
    }
    if (choice.logprobs.refusal) {
      (s.logprobs.refusal ??= []).push(...choice.logprobs.refusal);
    }
  }
  if (choice.finish_reason != null) s.finishReason = choice.finish_reason;
  const native = (choice as UndeclaredChoiceFields).native_finish_reason;
  if (typeof native === "string") s.nativeFinishReason = native;
}

/** The streamed field of each reasoning-detail type that arrives in pieces. */
const REASONING_TEXT_FIELD: Partial<Record<ReasoningDetail["type"], string>> = {
  "reasoning.text": "text",
  "reasoning.summary": "summary",
  "reasoning.encrypted": "data",
};

function pushReasoningDetail(s: ChoiceState, detail: ReasoningDetail): void {
  const at = typeof detail.index === "number" ? s.reasoningByIndex.get(detail.index) : undefined;
  const existing = at === undefined ? undefined : s.reasoningDetails[at];
  if (existing === undefined || existing.type !== detail.type) {
    if (typeof detail.index === "number")
      s.reasoningByIndex.set(detail.index, s.reasoningDetails.length);
    s.reasoningDetails.push({ ...detail });
    return;
  }
  const merged: Record<string, unknown> = { ...existing };
  const textField = REASONING_TEXT_FIELD[detail.type];
  for (const [key, value] of Object.entries(detail)) {
    if (key === textField && typeof value === "string") {
      const before = merged[key];
      merged[key] = (typeof before === "string" ? before : "") + value;
    } else if (value !== undefined && value !== null) {
      merged[key] = value;
    }
  }
  s.reasoningDetails[at!] = merged as ReasoningDetail;
}

function pushToolCall(s: ChoiceState, fragment: ChatStreamToolCall): void {
  let call: ToolCallState | undefined;
  if (typeof fragment.index === "number") {
    call = s.toolCalls.find((c) => c.index === fragment.index);
  } else if (fragment.id !== undefined) {
    // No index (non-conforming upstream): a new id starts a new call.
    call = s.toolCalls.find((c) => c.id === fragment.id);
  } else {
    call = s.toolCalls.at(-1);
  }
  if (!call) {
    const index =
      typeof fragment.index === "number"
        ? fragment.index
        : s.toolCalls.reduce((max, c) => Math.max(max, c.index + 1), 0);
    call = { index, id: undefined, type: undefined, name: undefined, arguments: "" };
    s.toolCalls.push(call);
  }
  if (call.id === undefined && fragment.id) call.id = fragment.id;
  if (call.type === undefined && fragment.type) call.type = fragment.type;
  if (call.name === undefined && fragment.function?.name) call.name = fragment.function.name;
  if (typeof fragment.function?.arguments === "string")
    call.arguments += fragment.function.arguments;
}

function mergeAudio(prev: ChatAudioOutput | undefined, next: ChatAudioOutput): ChatAudioOutput {
  const merged: ChatAudioOutput = { ...prev };
  if (next.id !== undefined) merged.id = next.id;
  if (next.expires_at !== undefined) merged.expires_at = next.expires_at;
  if (next.data !== undefined) merged.data = (prev?.data ?? "") + next.data;
  if (next.transcript !== undefined) merged.transcript = (prev?.transcript ?? "") + next.transcript;
  return merged;
}

function buildResult(state: State): AccumulatedChatCompletion {
  const first = state.first;
  if (!first) {
    throw new OpenRouterError(
      "The chat stream ended before any chunk arrived; nothing to accumulate.",
    );
  }
  const result: AccumulatedChatCompletion = {
    id: first.id,
    object: "chat.completion",
    created: first.created,
    model: first.model,
    system_fingerprint: state.systemFingerprint ?? null,
    choices: [...state.choices.values()].sort((a, b) => a.index - b.index).map(buildChoice),
  };
  if (state.provider !== undefined) result.provider = state.provider;
  if (state.serviceTier !== undefined) result.service_tier = state.serviceTier;
  if (state.openrouterMetadata !== undefined) result.openrouter_metadata = state.openrouterMetadata;
  if (state.usage !== undefined) result.usage = structuredClone(state.usage);
  return result;
}

function buildChoice(s: ChoiceState): AccumulatedChatChoice {
  const message: ChatAssistantMessage = {
    role: "assistant",
    content: s.content ?? null,
    refusal: s.refusal ?? null,
    reasoning: s.reasoning ?? null,
  };
  if (s.reasoningDetails.length) {
    message.reasoning_details = s.reasoningDetails.map((d) => ({ ...d }));
  }
  if (s.toolCalls.length) {
    message.tool_calls = [...s.toolCalls]
      .sort((a, b) => a.index - b.index)
      .map(
        (c): ChatToolCall => ({
          id: c.id ?? "",
          type: c.type ?? "function",
          function: { name: c.name ?? "", arguments: c.arguments },
        }),
      );
  }
  if (s.audio) message.audio = { ...s.audio };
  if (s.images.length) message.images = structuredClone(s.images);
  const choice: AccumulatedChatChoice = {
    index: s.index,
    finish_reason: s.finishReason,
    message,
  };
  if (s.logprobs) {
    choice.logprobs = {
      content: s.logprobs.content ? [...s.logprobs.content] : null,
      ...(s.logprobs.refusal ? { refusal: [...s.logprobs.refusal] } : {}),
    };
  }
  if (s.nativeFinishReason !== undefined) choice.native_finish_reason = s.nativeFinishReason;
  return choice;
}
