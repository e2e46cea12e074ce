import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  removeTrailingSlash,
} from "openapi-fetch";
import { MissingApiKeyError } from "./errors/missing-api-key-error.js";
import { buildHeaders } from "./internal/build-headers.js";
import { toFormData } from "./internal/form-data.js";
import { assertPathParams } from "./internal/path-params.js";
import { createRedactor, type Redactor } from "./internal/redact.js";
import { createScope, type RequestScope } from "./internal/request-scope.js";
import { retryingFetch, type PreparedRequest } from "./internal/retrying-fetch.js";
import { redactingLogger, silentLogger, type Logger } from "./logger.js";
import type { ResolvedOptions } from "./options.js";
import type { OperationRequest } from "./types.js";

/**
 * What every layer of one request shares: the operation, its resolved options, the cancellation
 * scope, the redacting logger. Also the context of the body reads and of the stream it may return.
 */
export interface RequestContext extends RequestScope {
  operation: OperationRequest;
  options: ResolvedOptions;
  idleTimeout: number;
  /** Redacting. */
  logger: Logger;
  /**
   * False for the silent logger: callers then skip building log arguments (redaction included)
   * altogether. When true, `logger` redacts everything it is given.
   */
  logging: boolean;
  redact: Redactor;
  /**
   * Set by the transport when a 2xx response is returned: aborting it tears down that response's
   * body, which is how streams stop on `break`, on idle timeout, and on `close()`.
   */
  controller?: AbortController;
}

/** A request that got a 2xx response, with everything needed to read its body. */
export interface SentRequest extends RequestContext {
  response: Response;
  controller: AbortController;
}

/**
 * Validates, authenticates and sends one operation. openapi-fetch's serialisers build the URL (path
 * placeholders, query) and body; our retrying fetch does the network work.
 * Everything that can fail without I/O (closed client, bad path parameter, no key) fails first.
 */
export async function sendRequest(
  req: OperationRequest,
  options: ResolvedOptions,
  closeSignals: readonly AbortSignal[],
): Promise<SentRequest> {
  const scope = createScope(options.signal, closeSignals);
  try {
    const cancelled = scope.abortError();
    if (cancelled) throw cancelled;
    assertPathParams(req);

    const source = options.apiKey;
    const apiKey = checkApiKey(typeof source === "function" ? await source() : source);
    const redact = createRedactor([apiKey]);
    const logging = options.logger !== silentLogger;
    // The scope object itself becomes the context (no copy): its methods work through `this`.
    const ctx = scope as RequestContext;
    ctx.operation = req;
    ctx.options = options;
    ctx.idleTimeout = options.idleTimeout;
    ctx.logger = logging ? redactingLogger(options.logger, redact) : silentLogger;
    ctx.logging = logging;
    ctx.redact = redact;
    const headers = buildHeaders(options, apiKey, req);
    const body = req.bodyType === "multipart" ? toFormData(req.body) : req.body;
    const prepared = prepareRequest(req, options.baseURL, headers, body);
    const sent = ctx as SentRequest;
    sent.response = await retryingFetch(ctx, await prepared);
    return sent;
  } catch (error) {
    scope.settle();
    throw error;
  }
}

function checkApiKey(key: unknown): string {
  if (typeof key !== "string" || key.trim() === "") throw new MissingApiKeyError();
  return key.trim();
}

/**
 * The request openapi-fetch's `createClient().request()` builds for a call without middleware or
 * client-level defaults, from the same exported helpers and in the same order: the body through
 * `defaultBodySerializer` (JSON, FormData passed through, `x-www-form-urlencoded` when the headers
 * say so), `Content-Type: application/json` when the body became a string and no header sets one,
 * the URL from `createFinalURL` with the default query and path serialisers, redirects followed.
 * Calling the helpers directly keeps the wire bytes identical (test/wire.test.ts compares them with
 * `createClient`) without bundling the client's middleware and method table.
 *
 * A string body is kept as is: every attempt sends it again. FormData goes through one `Request`,
 * once, for its multipart bytes and boundary header, which every attempt then reuses.
 */
function prepareRequest(
  req: OperationRequest,
  baseURL: string,
  headers: Headers,
  body: unknown,
): PreparedRequest | Promise<PreparedRequest> {
  const serialized =
    body === undefined
      ? undefined
      : (defaultBodySerializer as (body: unknown, headers: Headers) => BodyInit | undefined)(
          body,
          headers,
        );
  // openapi-fetch merges `{ "Content-Type": "application/json" }` under the headers: the same.
  if (serialized !== undefined && !(serialized instanceof FormData) && !headers.has("content-type"))
    headers.set("content-type", "application/json");
  const url = createFinalURL(req.path, {
    baseUrl: baseURL ? removeTrailingSlash(baseURL) : "",
    params: { path: req.pathParams, query: req.query },
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
  const method = req.method.toUpperCase();
  if (serialized === undefined || typeof serialized === "string")
    return { url, method, headers, body: serialized, redirect: "follow" };
  const request = new Request(url, { redirect: "follow", method, body: serialized, headers });
  return request.arrayBuffer().then((bytes) => ({
    url: request.url,
    method,
    headers: request.headers,
    body: bytes,
    redirect: "follow" as const,
  }));
}
