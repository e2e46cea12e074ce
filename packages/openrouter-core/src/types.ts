import type { APIPromise } from "./api-promise.js";
import type { RequestOptions } from "./options.js";

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

/** One operation call, as generated code describes it. */
export interface OperationRequest {
  /** The spec's operationId; appears in logs and errors. */
  operationId: string;
  method: HttpMethod;
  /** Path template such as `"/keys/{hash}"`; placeholders are filled from `pathParams`, URL-encoded. */
  path: string;
  /** Values for the path placeholders. A missing or empty one fails before any I/O (PathParameterError). */
  pathParams?: Record<string, string | number | boolean | undefined>;
  /** Query parameters: `undefined`/`null` dropped, arrays repeated (`?a=1&a=2`), scalars stringified. */
  query?: Record<string, unknown>;
  /** Operation header parameters, e.g. `X-OpenRouter-Metadata`; `undefined` values are skipped. */
  headers?: Record<string, string | undefined>;
  /** The request body: JSON-encoded, or form fields when `bodyType` is `"multipart"`. */
  body?: unknown;
  /**
   * `"multipart"`: `body` is a plain object; Blob/File values become file parts (keeping file names),
   * arrays repeated fields, objects JSON strings, anything else `String()`.
   * @default "json"
   */
  bodyType?: "json" | "multipart";
  /** How to read the success body. */
  response: ResponseKind;
}

/**
 * Anything with `request` is a client. Generated functions are typed against this structure, not
 * the class, so two copies of core (or a wrapper of your own) interoperate.
 */
export interface Client {
  request<T>(req: OperationRequest, options?: RequestOptions): APIPromise<T>;
}
