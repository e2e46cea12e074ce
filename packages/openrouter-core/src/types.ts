import type { APIPromise } from "./api-promise.js";
import type { RequestOptions } from "./options.js";
import type { StreamContext } from "./sse/events.js";

/** The HTTP methods OpenRouter operations use. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * How the success body is read.
 * - `json`: parsed JSON (a 2xx body that is an error object throws the typed error)
 * - `sse`: a {@link Stream} of each event's parsed `data`
 * - `binary`: the `Response` itself, status ok, body unread
 * - `text`: the body as a string
 * - `empty`: `undefined` (the body is discarded)
 */
export type ResponseKind = "json" | "sse" | "binary" | "text" | "empty";

/**
 * Builds a request's URL from the client's base URL (no trailing slash) and the request. Generated
 * code passes {@link paramsURL} for operations with path or query parameters; kept out of the
 * request pipeline itself so that a bundle whose operations have none never includes the serialisers.
 */
export type URLBuilder = (req: OperationRequest, baseURL: string) => string;

/**
 * Turns a 2xx `text/event-stream` response into the value a streaming call resolves to. Generated
 * code passes {@link sseStream} for operations that can stream; kept out of the request pipeline so
 * that a bundle of operations that never stream carries no SSE code.
 */
export type StreamReader = (
  response: Response,
  controller: AbortController,
  context: StreamContext,
) => unknown;

/** One operation call, as generated code describes it. */
export interface OperationRequest {
  /** The spec's operationId; appears in logs and errors. */
  operationId: string;
  method: HttpMethod;
  /** Path template such as `"/keys/{hash}"`; placeholders are filled from `pathParams` by `buildURL`. */
  path: string;
  /** Values for the path placeholders. A missing or empty one fails before any I/O (PathParameterError). */
  pathParams?: Record<string, string | number | boolean | undefined>;
  /** Query parameters: `undefined`/`null` dropped, arrays repeated (`?a=1&a=2`), scalars stringified. */
  query?: Record<string, unknown>;
  /**
   * How `pathParams` and `query` become the URL; required when either is set (pass
   * {@link paramsURL}). Without it the URL is the base URL followed by `path`.
   * @default undefined
   */
  buildURL?: URLBuilder | undefined;
  /** Operation header parameters, e.g. `X-OpenRouter-Metadata`; `undefined` values are skipped. */
  headers?: Record<string, string | undefined>;
  /**
   * The request body: JSON-encoded, except a `FormData`, which is sent as `multipart/form-data`
   * (build one from a plain object with {@link toFormData}).
   */
  body?: unknown;
  /** How to read the success body. */
  response: ResponseKind;
  /**
   * How an event stream becomes the result; required when `response` is `"sse"` (pass
   * {@link sseStream}). A JSON answer to an `"sse"` request is still read without it.
   * @default undefined
   */
  readStream?: StreamReader | undefined;
}

/**
 * Anything with `request` is a client. Generated functions are typed against this structure, not
 * the class, so two copies of core (or a wrapper of your own) interoperate.
 */
export interface Client {
  request<T>(req: OperationRequest, options?: RequestOptions): APIPromise<T>;
}
