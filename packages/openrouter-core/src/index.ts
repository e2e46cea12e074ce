/**
 * @orkit/openrouter-core: the hand-written runtime behind the generated OpenRouter SDK packages.
 * Generated operation functions call `client.request(...)`; everything here is public API.
 */
export { anySignal, type LinkedSignal } from "./any-signal.js";
export { APIPromise, type RawResult, type WithResponse } from "./api-promise.js";
export { createClient, OpenRouterClient } from "./client.js";
export * from "./errors/index.js";
export { consoleLogger, silentLogger, type Logger } from "./logger.js";
export {
  DEFAULT_BASE_URL,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ApiKeySource,
  type ClientOptions,
  type RequestOptions,
  type SleepFunction,
} from "./options.js";
export { formDataIfFiles, toFormData } from "./internal/form-data.js";
export { paramsURL } from "./params.js";
export { parseRateLimitHeaders, type RateLimitInfo } from "./rate-limit.js";
export {
  backoffDelay,
  DEFAULT_RETRY_OPTIONS,
  retryDelay,
  serverRetryDelay,
  shouldRetryResponse,
  type RetryDelaySource,
  type RetryOptions,
} from "./retry.js";
export { raceAbort, sleep } from "./sleep.js";
export { sseStream, Stream, type StreamContext } from "./sse/events.js";
export {
  createParser,
  type ParserCallbacks,
  type SSEMessage,
  type SSEParser,
} from "./sse/parse.js";
export { SSEDecoderStream, type SSEDecoderStreamOptions } from "./sse/stream.js";
export type {
  Client,
  HttpMethod,
  OperationRequest,
  ResponseKind,
  StreamReader,
  URLBuilder,
} from "./types.js";
export { VERSION } from "./version.js";
