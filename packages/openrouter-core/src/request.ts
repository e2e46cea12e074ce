import { defaultBodySerializer } from "openapi-fetch";
import { MissingApiKeyError } from "./errors/missing-api-key-error.js";
import { OpenRouterError } from "./errors/openrouter-error.js";
import { buildHeaders } from "./internal/build-headers.js";
import { mergeHeaders } from "./internal/merge-headers.js";
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
}

/** A request that got a 2xx response, with everything needed to read its body. */
export interface SentRequest extends RequestContext {
  response: Response;
}

/**
 * Validates, authenticates and sends one operation: the URL from the operation's `buildURL` (or the
 * base URL and path), an "sse" operation's `readStream` present, the body through openapi-fetch's body serialiser, the network work in our
 * retrying fetch. Everything that can fail without I/O (closed client, bad path parameter, no key)
 * fails first.
 */
export async function sendRequest(
  req: OperationRequest,
  options: ResolvedOptions,
  closeSignals: readonly AbortSignal[],
): Promise<SentRequest> {
  const scope = createScope(options.signal, closeSignals);
  try {
    scope.throwIfAborted();
    const url = (req.buildURL ?? plainURL)(req, options.baseURL);
    if (req.response === "sse" && !req.readStream) {
      throw new OpenRouterError(
        `${req.operationId}: an "sse" response needs a stream reader; pass \`readStream: sseStream\`.`,
      );
    }

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
    const prepared = prepareRequest(req, url, buildHeaders(options, apiKey, req));
    const sent = ctx as SentRequest;
    sent.response = await retryingFetch(ctx, url, await prepared);
    return sent;
  } catch (error) {
    scope.settle();
    throw error;
  }
}

function checkApiKey(key: unknown): string {
  const trimmed = typeof key === "string" && key.trim();
  if (!trimmed) throw new MissingApiKeyError();
  return trimmed;
}

/** The URL of an operation without parameters. Parameters without a builder are refused, never dropped. */
function plainURL(req: OperationRequest, baseURL: string): string {
  if (req.pathParams || req.query) {
    throw new OpenRouterError(
      `${req.operationId}: pathParams and query need a URL builder; pass \`buildURL: paramsURL\`.`,
    );
  }
  return baseURL + req.path;
}

/**
 * The request openapi-fetch's `createClient().request()` builds for a call without middleware or
 * client-level defaults: the body through `defaultBodySerializer` (JSON, FormData passed through,
 * `x-www-form-urlencoded` when the headers say so), `Content-Type: application/json` when the body
 * became a string and no header sets one. test/wire.test.ts compares the bytes with `createClient`.
 *
 * A string body is kept as is: every attempt sends it again. FormData goes through one `Request`,
 * once, for its multipart bytes and boundary header, which every attempt then reuses.
 */
function prepareRequest(
  req: OperationRequest,
  url: string,
  headers: Record<string, string>,
): PreparedRequest | Promise<PreparedRequest> {
  const method = req.method.toUpperCase();
  const body = req.body;
  if (body === undefined) return { method, headers, body };
  const serialized = (defaultBodySerializer as (body: unknown, headers: unknown) => BodyInit)(
    body,
    headers,
  );
  if (typeof serialized === "string") {
    // openapi-fetch merges `{ "Content-Type": "application/json" }` under the headers: the same.
    headers["content-type"] ??= "application/json";
    return { method, headers, body: serialized };
  }
  const request = new Request(url, { method, body: serialized, headers });
  return request.arrayBuffer().then((bytes) => ({
    method,
    headers: mergeHeaders(request.headers), // with the multipart boundary
    body: bytes,
  }));
}
