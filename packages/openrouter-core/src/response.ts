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
  // A body read here settles the request (detaching it from the caller's and client's signals)
  // whatever its outcome; a returned Response or Stream settles when its reader is done with it.
  switch (kind) {
    case "binary":
      return response as T;
    case "sse":
      if (!/\bjson\b/i.test(response.headers.get("content-type") ?? "")) {
        // Present: sendRequest refuses an "sse" request without a reader before any I/O.
        return sent.operation.readStream!(response, sent.controller, sent) as T;
      }
      break;
  }
  try {
    switch (kind) {
      case "empty":
        await response.body?.cancel().catch(() => {});
        return undefined as T;
      case "text":
        return (await readBodyText(response, sent.controller, sent)) as T;
      case "sse":
        return await readJson<T>(sent, "an event stream");
      default:
        return await readJson<T>(sent);
    }
  } finally {
    sent.settle();
  }
}

/**
 * Parses a JSON body. A 2xx body that is an OpenRouter error object throws the typed error. With
 * `expected` set (an SSE operation answered with JSON), a non-error body is a parse error.
 */
async function readJson<T>(sent: SentRequest, expected?: string): Promise<T> {
  const { response, logger, operation, redact } = sent;
  const text = await readBodyText(response, sent.controller, sent);
  if (logger.trace) logger.trace(`${operation.operationId} response body`, text);
  // Leading whitespace is normal: OpenRouter writes newlines as keep-alives before the JSON.
  const trimmed = text.trim();
  if (!trimmed) return undefined as T;
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
  if (expected) {
    throw new ResponseParseError(
      `${operation.operationId}: expected ${expected}, got ${response.headers.get("content-type")}.`,
      redact(trimmed),
    );
  }
  return data as T;
}
