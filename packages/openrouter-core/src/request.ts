import { MissingApiKeyError } from "./errors/missing-api-key-error.js";
import { buildHeaders } from "./internal/build-headers.js";
import { toFormData } from "./internal/form-data.js";
import { assertPathParams } from "./internal/path-params.js";
import { createRedactor, type Redactor } from "./internal/redact.js";
import { RequestScope } from "./internal/request-scope.js";
import { createRetryingFetch, type TransportContext } from "./internal/retrying-fetch.js";
import { redactingLogger, type Logger } from "./logger.js";
import type { ApiKeySource, ResolvedOptions } from "./options.js";
import type { OperationRequest } from "./types.js";

/** The slice of an openapi-fetch client this module uses. */
export interface FetchClient {
  request(
    method: string,
    path: string,
    init: Record<string, unknown>,
  ): Promise<{ response: Response }>;
}

/** A request that got a 2xx response, with everything needed to read its body. */
export interface SentRequest {
  operation: OperationRequest;
  response: Response;
  /** Aborting it tears down this response's body. */
  controller: AbortController;
  scope: RequestScope;
  options: ResolvedOptions;
  /** Redacting. */
  logger: Logger;
  redact: Redactor;
}

/**
 * Validates, authenticates and sends one operation. openapi-fetch serialises the URL (path
 * placeholders, query) and body; our retrying fetch, passed into it, does the network work.
 * Everything that can fail without I/O (closed client, bad path parameter, no key) fails first.
 */
export async function sendRequest(
  http: FetchClient,
  req: OperationRequest,
  options: ResolvedOptions,
  closeSignal: AbortSignal,
): Promise<SentRequest> {
  const scope = new RequestScope(options.signal, closeSignal);
  const cancelled = scope.abortError();
  if (cancelled) throw cancelled;
  assertPathParams(req);

  const apiKey = await resolveApiKey(options.apiKey);
  const redact = createRedactor([apiKey]);
  const logger = redactingLogger(options.logger, redact);
  const transport: TransportContext = {
    operationId: req.operationId,
    options,
    scope,
    logger,
    redact,
  };

  const { response } = await http.request(req.method, req.path, {
    baseUrl: options.baseURL,
    params: { path: req.pathParams, query: req.query },
    headers: buildHeaders(options, apiKey, req),
    body: req.bodyType === "multipart" ? toFormData(req.body) : req.body,
    // "stream" makes openapi-fetch hand back the response untouched; ./response.ts reads it.
    parseAs: "stream",
    fetch: createRetryingFetch(transport),
  });
  if (!transport.controller) {
    // Only reachable if openapi-fetch produced a response without calling our fetch.
    throw new Error(`${req.operationId}: response did not come from the transport.`);
  }
  return {
    operation: req,
    response,
    controller: transport.controller,
    scope,
    options,
    logger,
    redact,
  };
}

async function resolveApiKey(source: ApiKeySource | undefined): Promise<string> {
  const key = typeof source === "function" ? await source() : source;
  if (typeof key !== "string" || key.trim() === "") throw new MissingApiKeyError();
  return key.trim();
}
