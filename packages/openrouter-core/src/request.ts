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
import { retryingFetch } from "./internal/retrying-fetch.js";
import { redactingLogger, type Logger } from "./logger.js";
import type { ApiKeySource, ResolvedOptions } from "./options.js";
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
  closeSignal: AbortSignal,
): Promise<SentRequest> {
  const scope = createScope(options.signal, closeSignal);
  const cancelled = scope.abortError();
  if (cancelled) throw cancelled;
  assertPathParams(req);

  const apiKey = await resolveApiKey(options.apiKey);
  const redact = createRedactor([apiKey]);
  const ctx: RequestContext = {
    ...scope,
    operation: req,
    options,
    idleTimeout: options.idleTimeout,
    logger: redactingLogger(options.logger, redact),
    redact,
  };
  const headers = buildHeaders(options, apiKey, req);
  const body = req.bodyType === "multipart" ? toFormData(req.body) : req.body;
  const sent = ctx as SentRequest;
  sent.response = await retryingFetch(ctx, toRequest(req, options.baseURL, headers, body));
  return sent;
}

async function resolveApiKey(source: ApiKeySource | undefined): Promise<string> {
  const key = typeof source === "function" ? await source() : source;
  if (typeof key !== "string" || key.trim() === "") throw new MissingApiKeyError();
  return key.trim();
}

/**
 * The `Request` openapi-fetch's `createClient().request()` builds for a call without middleware or
 * client-level defaults, from the same exported helpers and in the same order: the body through
 * `defaultBodySerializer` (JSON, FormData passed through, `x-www-form-urlencoded` when the headers
 * say so), `Content-Type: application/json` when the body became a string and no header sets one,
 * the URL from `createFinalURL` with the default query and path serialisers, redirects followed.
 * Calling the helpers directly keeps the wire bytes identical (test/wire.test.ts compares them with
 * `createClient`) without bundling the client's middleware and method table.
 */
function toRequest(req: OperationRequest, baseURL: string, headers: Headers, body: unknown) {
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
  const init: RequestInit = {
    redirect: "follow",
    method: req.method.toUpperCase(),
    body: serialized,
    headers,
  };
  const url = createFinalURL(req.path, {
    baseUrl: baseURL ? removeTrailingSlash(baseURL) : "",
    params: { path: req.pathParams, query: req.query },
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
  return new Request(url, init);
}
