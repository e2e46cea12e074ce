import type { APIPromise, RequestOptions, Stream } from "@orkit/openrouter-core";
import {
  ChatResource,
  type ChatSendResponse,
  type ChatSendStreamChunk,
} from "@orkit/openrouter-chat";
import { sendWithFallback, type SendWithFallbackParams } from "./send-with-fallback.js";

/**
 * The `client.chat` namespace of `OpenRouter`: the generated {@link ChatResource} (`send`, with its
 * overloads unchanged) plus {@link ChatWithFallbackResource.sendWithFallback}.
 *
 * @example
 * ```ts
 * const client = new OpenRouter();
 * const completion = await client.chat.sendWithFallback({
 *   model: "openai/gpt-4o",
 *   messages: [{ role: "user", content: "Hi" }],
 *   fallback: { models: ["anthropic/claude-3.5-sonnet"] },
 * });
 * ```
 */
export class ChatWithFallbackResource extends ChatResource {
  /**
   * `send` with native (`fallbackModels`) or client-side (`fallback`) model fallback; see the
   * standalone `sendWithFallback`. `stream: true` returns a `Stream`, otherwise the completion.
   *
   * @example
   * ```ts
   * const stream = await client.chat.sendWithFallback({
   *   model: "openai/gpt-4o", messages, stream: true,
   *   fallback: { strategy: "performance", onFallback: (e) => console.warn(e.from, "→", e.to) },
   * });
   * ```
   */
  sendWithFallback(
    params: SendWithFallbackParams & { stream: true },
    options?: RequestOptions,
  ): APIPromise<Stream<ChatSendStreamChunk>>;
  sendWithFallback(
    params: SendWithFallbackParams & { stream?: false | null },
    options?: RequestOptions,
  ): APIPromise<ChatSendResponse>;
  sendWithFallback(
    params: SendWithFallbackParams,
    options?: RequestOptions,
  ): APIPromise<ChatSendResponse | Stream<ChatSendStreamChunk>>;
  sendWithFallback(
    params: SendWithFallbackParams,
    options?: RequestOptions,
  ): APIPromise<ChatSendResponse | Stream<ChatSendStreamChunk>> {
    return sendWithFallback(this.client, params, options);
  }
}
