import { createAPIError, isErrorPayload } from "./errors/create-api-error.js";
import { ResponseParseError } from "./errors/response-parse-error.js";
import { readBodyText } from "./internal/read-body.js";
import type { SentRequest } from "./request.js";
import type { ResponseKind } from "./types.js";

/**
 * Reads a 2xx response the way the operation declared. Runs lazily, on the first `await` of the
 * APIPromise, so `asResponse()` can hand back an unread body.
 */
export async function readResponse<T>(sent: SentRequest, kind: ResponseKind): Promise<T> {
  const { response } = sent;
  // A returned Response or Stream settles the request when its reader is done with it (or when it
  // is collected unread); a body read here settles it whatever the outcome.
  if (
    kind === "binary" ||
    (kind === "sse" && !/\bjson\b/i.test(response.headers.get("content-type") ?? ""))
  ) {
    sent.handOver(response);
    // Present for "sse": sendRequest refuses an "sse" request without a reader before any I/O.
    return (
      kind === "sse" ? sent.operation.readStream!(response, sent.controller, sent) : response
    ) as T;
  }
  try {
    if (kind === "empty") {
      await response.body?.cancel().catch(() => {});
      return undefined as T;
    }
    const text = await readBodyText(response, sent.controller, sent);
    return (kind === "text" ? text : parseJson(sent, text, kind === "sse")) as T;
  } finally {
    sent.settle();
  }
}

/**
 * Parses a JSON body. A 2xx body that is an OpenRouter error object throws the typed error. For
 * an SSE operation answered with JSON (`sse`), a non-error body is a parse error.
 */
function parseJson(sent: SentRequest, text: string, sse: boolean): unknown {
  const { response, logger, operation, redact } = sent;
  if (logger.trace) logger.trace(`${operation.operationId} response body`, text);
  // Leading whitespace is normal: OpenRouter writes newlines as keep-alives before the JSON.
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (error) {
    throw new ResponseParseError(
      `${operation.operationId}: response body is not valid JSON: ${redact(trimmed.slice(0, 200))}`,
      redact(trimmed),
      { cause: error },
    );
  }
  if (isErrorPayload(data)) {
    throw createAPIError({
      status: response.status,
      headers: response.headers,
      body: data,
      redact,
      inBand: true,
    });
  }
  if (sse) {
    throw new ResponseParseError(
      `${operation.operationId}: expected an event stream, got ${response.headers.get("content-type")}.`,
      redact(trimmed),
    );
  }
  return data;
}
