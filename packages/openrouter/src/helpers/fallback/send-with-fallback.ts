import {
  APIPromise,
  Stream,
  type Client,
  type RawResult,
  type RequestOptions,
} from "@orkit/openrouter-core";
import {
  chatSend,
  type ChatSendParams,
  type ChatSendResponse,
  type ChatSendStreamChunk,
} from "@orkit/openrouter-chat";
import type { ModelCache } from "../models/cache.js";
import { isDefaultFallbackError } from "./should-fallback.js";
import { chooseFallbacks, type FallbackStrategy } from "./strategies.js";

/**
 * One switch to the next model, as reported to {@link ClientFallbackOptions.onFallback}.
 *
 * @example
 * ```ts
 * const onFallback = ({ from, to, error, attempt }: FallbackEvent) =>
 *   console.warn(`attempt ${attempt}: ${from} failed (${String(error)}), trying ${to}`);
 * ```
 */
export interface FallbackEvent {
  /** The model whose attempt failed. */
  from: string;
  /** The model tried next. */
  to: string;
  /** Why `from` failed (a typed SDK error, e.g. `ServiceUnavailableError`). */
  error: unknown;
  /** 1-based number of the failed attempt. */
  attempt: number;
}

/**
 * Client-side fallback: the SDK sends one request per model until one succeeds.
 *
 * @example
 * ```ts
 * const fallback: ClientFallbackOptions = {
 *   models: ["anthropic/claude-3.5-sonnet"],
 *   strategy: "cost",
 *   limit: 2,
 *   maxRetriesPerModel: 0,
 *   onFallback: (e) => console.warn(e.from, "→", e.to),
 * };
 * await sendWithFallback(client, { model: "openai/gpt-4o", messages, fallback });
 * ```
 */
export interface ClientFallbackOptions {
  /** Models to try after the primary, in order. @default params.fallbackModels */
  models?: string[];
  /**
   * Pick (more) fallback models from live data, appended after `models`. Resolved lazily: only
   * when the primary fails, so a healthy primary costs no extra request.
   */
  strategy?: FallbackStrategy;
  /** How many models the strategy adds. @default 3 */
  limit?: number;
  /** Cache for the strategy's `/models` and endpoint data. @default defaultModelCache */
  cache?: ModelCache;
  /**
   * The runtime's own retries per model before falling over (`maxRetries` of each attempt).
   * @default the client's `maxRetries`
   */
  maxRetriesPerModel?: number;
  /** Decides whether an error moves on to the next model. @default isDefaultFallbackError */
  shouldFallback?: (error: unknown, model: string) => boolean;
  /** Called on every switch, before the next model is tried. */
  onFallback?: (event: FallbackEvent) => void;
}

/**
 * What {@link sendWithFallback} takes: the chat body plus the fallback settings.
 *
 * @example
 * ```ts
 * const params: SendWithFallbackParams = {
 *   model: "openai/gpt-4o",
 *   messages: [{ role: "user", content: "Hi" }],
 *   fallbackModels: ["anthropic/claude-3.5-sonnet"],
 * };
 * ```
 */
export type SendWithFallbackParams = ChatSendParams & {
  /**
   * Native (server-side) fallback: sent as OpenRouter's `models: [model, ...fallbackModels]`, so
   * OpenRouter fails over within one request. With `fallback` set, these are instead the models the
   * SDK tries one request at a time.
   */
  fallbackModels?: string[];
  /** Client-side fallback; `true` means "with the defaults" (over `fallbackModels`). */
  fallback?: ClientFallbackOptions | boolean;
};

function dedupe(ids: Array<string | undefined>): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === "string" && id !== ""))];
}

/**
 * `chat.send` with model fallback.
 *
 * **Native** (only `fallbackModels`): one request whose body carries OpenRouter's own fallback list,
 * `models: [model, ...fallbackModels]` (plus any `models` you passed), and OpenRouter switches
 * models server-side.
 *
 * **Client-side** (`fallback` set): the SDK sends the primary `model`, and on a fallback-worthy
 * error ({@link isDefaultFallbackError}: 404/408/409/429/5xx, connection failures, timeouts, an
 * error in a 200 body) sends the same body with the next model (`fallback.models`, else
 * `fallbackModels`, then `fallback.strategy`'s picks), each request naming a single `model`.
 * 400/401/402/403 and aborts are thrown at once. When every model failed, the last error is
 * thrown. For `stream: true` the SDK reads ahead to the first chunk carrying output (content,
 * reasoning, a tool call, a finish reason or usage); an error before it (HTTP, connection, or an
 * error event) falls back, and once that chunk arrives the stream is yours: later errors propagate.
 *
 * The result is an `APIPromise`: `.withResponse()` gives the successful attempt's response.
 *
 * @example
 * ```ts
 * // native: OpenRouter fails over inside one request
 * await sendWithFallback(client, { model: "openai/gpt-4o", fallbackModels: ["anthropic/claude-3.5-sonnet"], messages });
 *
 * // client-side: retried by the SDK, also covers network errors and errors before the first token
 * const stream = await sendWithFallback(client, {
 *   model: "openai/gpt-4o", messages, stream: true,
 *   fallback: { strategy: "cost", onFallback: ({ from, to, error }) => console.warn(from, "→", to, error) },
 * });
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? "");
 * ```
 */
export function sendWithFallback(
  client: Client,
  params: SendWithFallbackParams & { stream: true },
  options?: RequestOptions,
): APIPromise<Stream<ChatSendStreamChunk>>;
export function sendWithFallback(
  client: Client,
  params: SendWithFallbackParams & { stream?: false | null },
  options?: RequestOptions,
): APIPromise<ChatSendResponse>;
export function sendWithFallback(
  client: Client,
  params: SendWithFallbackParams,
  options?: RequestOptions,
): APIPromise<ChatSendResponse | Stream<ChatSendStreamChunk>>;
export function sendWithFallback(
  client: Client,
  params: SendWithFallbackParams,
  options?: RequestOptions,
): APIPromise<ChatSendResponse | Stream<ChatSendStreamChunk>> {
  const { fallbackModels, fallback, ...body } = params;
  if (!fallback) {
    if (!fallbackModels?.length) return chatSend(client, body, options);
    const models = dedupe([body.model ?? undefined, ...(body.models ?? []), ...fallbackModels]);
    return chatSend(client, { ...body, models }, options);
  }
  const config: ClientFallbackOptions = fallback === true ? {} : fallback;
  return new APIPromise(runClientFallback(client, body, fallbackModels, config, options));
}

type Result = ChatSendResponse | Stream<ChatSendStreamChunk>;

async function runClientFallback(
  client: Client,
  body: ChatSendParams,
  fallbackModels: string[] | undefined,
  config: ClientFallbackOptions,
  options: RequestOptions | undefined,
): Promise<RawResult<Result>> {
  const { models: nativeModels, ...rest } = body;
  const primary = rest.model ?? nativeModels?.[0];
  if (!primary) {
    throw new TypeError("sendWithFallback: client-side fallback needs `model` (or `models[0]`).");
  }
  const chain = dedupe([primary, ...(config.models ?? fallbackModels ?? nativeModels ?? [])]);
  let strategyResolved = config.strategy === undefined;
  const shouldFallback = config.shouldFallback ?? isDefaultFallbackError;
  const attemptOptions =
    config.maxRetriesPerModel === undefined
      ? options
      : { ...options, maxRetries: config.maxRetriesPerModel };

  for (let i = 0; ; i++) {
    const model = chain[i]!;
    try {
      return await attempt(client, { ...rest, model }, attemptOptions);
    } catch (error) {
      if (!shouldFallback(error, model) || options?.signal?.aborted) throw error;
      if (i + 1 >= chain.length && !strategyResolved) {
        strategyResolved = true;
        try {
          const picks = await chooseFallbacks(client, primary, config.strategy!, {
            limit: config.limit ?? 3,
            exclude: chain,
            ...(config.cache ? { cache: config.cache } : {}),
            ...(options ? { requestOptions: options } : {}),
          });
          chain.push(...picks.filter((id) => !chain.includes(id)));
        } catch {
          // The catalogue is unavailable: report the request's error, not the lookup's.
        }
      }
      const next = chain[i + 1];
      if (next === undefined) throw error;
      config.onFallback?.({ from: model, to: next, error, attempt: i + 1 });
    }
  }
}

async function attempt(
  client: Client,
  body: ChatSendParams,
  options: RequestOptions | undefined,
): Promise<RawResult<Result>> {
  const { data, response } = await chatSend(client, body, options).withResponse();
  if (body.stream !== true) return { response, parse: () => Promise.resolve(data) };
  const stream = data as Stream<ChatSendStreamChunk>;
  const iterator = stream[Symbol.asyncIterator]();
  // Read ahead to the first chunk with output; an error until then lets the caller fall back.
  const buffered: ChatSendStreamChunk[] = [];
  for (;;) {
    const next = await iterator.next(); // throws: the request was already aborted by the stream
    if (next.done) break;
    buffered.push(next.value);
    if (hasOutput(next.value)) break;
  }
  const replay = new Stream<ChatSendStreamChunk>(
    () => replayThen(buffered, iterator),
    stream.controller,
    stream.response,
  );
  return { response, parse: () => Promise.resolve(replay) };
}

async function* replayThen<T>(buffered: T[], iterator: AsyncIterator<T>): AsyncGenerator<T> {
  let done = false;
  try {
    yield* buffered;
    buffered.length = 0;
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Stopped early (break, throw): let the source abort the request.
    if (!done) await iterator.return?.();
  }
}

/** A chunk that carries output the caller would see: after it, falling back would duplicate text. */
function hasOutput(chunk: unknown): boolean {
  if (typeof chunk !== "object" || chunk === null) return true;
  const c = chunk as { choices?: unknown; usage?: unknown };
  if (c.usage) return true;
  if (!Array.isArray(c.choices)) return true; // not a chat chunk: don't hold it back
  return c.choices.some((choice: unknown) => {
    if (typeof choice !== "object" || choice === null) return false;
    const { delta, finish_reason } = choice as {
      delta?: Record<string, unknown>;
      finish_reason?: unknown;
    };
    if (finish_reason) return true;
    if (!delta) return false;
    return (
      (typeof delta["content"] === "string" && delta["content"] !== "") ||
      (typeof delta["reasoning"] === "string" && delta["reasoning"] !== "") ||
      (typeof delta["refusal"] === "string" && delta["refusal"] !== "") ||
      (Array.isArray(delta["tool_calls"]) && delta["tool_calls"].length > 0) ||
      (Array.isArray(delta["reasoning_details"]) && delta["reasoning_details"].length > 0) ||
      (delta["audio"] !== undefined && delta["audio"] !== null)
    );
  });
}
