import { ConnectionError } from "../errors/connection-error.js";
import { createAPIError, parseErrorText } from "../errors/create-api-error.js";
import { OpenRouterError } from "../errors/openrouter-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { headersForLog } from "../logger.js";
import type { RequestContext } from "../request.js";
import { retryDelay, shouldRetryResponse } from "../retry.js";
import { readBodyText } from "./read-body.js";
import { raceAbort } from "./sleep.js";

/**
 * A request as openapi-fetch's serialisers describe it, with its body already serialised once (a
 * string, or bytes) so that every attempt can send it again without reading anything back. With
 * the attempt's `signal` added, it is that attempt's `fetch` init.
 */
export interface PreparedRequest extends RequestInit {
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string | ArrayBuffer | undefined;
}

/**
 * Sends the request built from openapi-fetch's serialisers. It owns the attempt loop, the
 * per-attempt timeout, and turning a final non-2xx response into a typed error. Retry decisions use
 * only status and headers, so nothing is retried once a body (let alone a stream event) has been
 * consumed. On a 2xx, `ctx.controller` is the one whose abort tears down the response's body.
 *
 * Each attempt gets its own controller from the scope (the caller's and client's signals abort it)
 * and the attempt's timeout aborts it too. Every `fetch`, default or injected, is called as
 * `fetch(url, init)`: the runtime builds the only `Request`.
 */
export async function retryingFetch(
  ctx: RequestContext,
  url: string,
  init: PreparedRequest,
): Promise<Response> {
  const { options, logger, logging, redact } = ctx;
  const { operationId } = ctx.operation;
  const maxAttempts = options.maxRetries + 1;
  const { method, headers, body } = init;
  // Log arguments (redaction included) are computed only when a logger is listening.
  const logURL = logging ? redact(url) : "";
  if (body !== undefined && logging && logger.trace)
    logger.trace(`${operationId} request body`, describeBody(body, headers));

  for (let attempt = 1; ; attempt++) {
    ctx.throwIfAborted();
    const { controller } = ctx;
    ctx.timer.start(options.timeout, () =>
      controller.abort(
        new TimeoutError(`${operationId}: no response headers within ${options.timeout}ms.`),
      ),
    );
    if (logging)
      logger.debug(`→ ${method} ${logURL} (${operationId}, attempt ${attempt}/${maxAttempts})`, {
        headers: headersForLog(headers, redact),
      });

    const started = logging ? Date.now() : 0;
    let response: Response;
    try {
      response = await options.fetch(url, { ...init, signal: controller.signal });
    } catch (error) {
      ctx.throwIfAborted();
      // fetch rejects a malformed URL or header with the same TypeError it uses for network
      // failures. Only on failure, check the request itself: a bad one is a programming error,
      // thrown as is (the TypeError `new Request` throws) and never retried.
      if (attempt === 1) new Request(url, { method, headers });
      const reason: unknown = controller.signal.reason;
      const failure =
        controller.signal.aborted && reason instanceof OpenRouterError
          ? reason
          : new ConnectionError(`${operationId}: connection error (${describe(error)}).`, {
              cause: error,
            });
      if (logging)
        logger.debug(`✗ ${method} ${logURL} after ${Date.now() - started}ms: ${failure.message}`);
      if (attempt >= maxAttempts) throw failure;
      await backoff(ctx, attempt, undefined, failure.name);
      continue;
    } finally {
      // Paused, not stopped: the body read reuses the armed timer (see IdleTimer).
      ctx.timer.pause();
    }

    const { status } = response;
    if (logging)
      logger.debug(`← ${status} ${method} ${logURL} in ${Date.now() - started}ms`, {
        requestId: response.headers.get("x-request-id") ?? response.headers.get("x-generation-id"),
      });
    // Stays linked: the caller's and client's signals must still tear down this response's body.
    if (response.ok) return response;
    const responseHeaders = response.headers;
    if (attempt < maxAttempts && shouldRetryResponse(status, responseHeaders)) {
      // Free the connection; the body of a response we are about to retry is never read.
      response.body?.cancel().catch(() => {});
      await backoff(ctx, attempt, responseHeaders, `status ${status}`);
      continue;
    }
    // The final error: read its body; a failed read still reports the status, with the cause.
    let text = "";
    let cause: unknown;
    try {
      text = await readBodyText(response, controller, ctx);
    } catch (error) {
      cause = error;
      ctx.throwIfAborted();
    }
    if (text && logging && logger.trace) logger.trace(`${operationId} error body`, text);
    throw createAPIError({
      status,
      headers: responseHeaders,
      body: parseErrorText(text),
      redact,
      cause,
    });
  }
}

/** Renews the attempt's controller, then waits out the retry delay; an abort meanwhile ends the request. */
async function backoff(
  ctx: RequestContext,
  attempt: number,
  headers: Headers | undefined,
  reason: string,
): Promise<void> {
  const { options } = ctx;
  ctx.renew();
  const { delayMs, source } = retryDelay({ retryNumber: attempt, options: options.retry, headers });
  if (ctx.logging)
    ctx.logger.info(
      `${ctx.operation.operationId}: retrying after ${reason} in ${delayMs}ms (${source}); next attempt ${attempt + 1}/${options.maxRetries + 1}`,
    );
  try {
    await raceAbort(options.sleep(delayMs, ctx.signal), ctx.signal);
  } catch (error) {
    throw ctx.abortError() ?? error;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch says only "fetch failed"; the useful part (ECONNRESET, ENOTFOUND) is in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  const detail =
    cause instanceof Error ? `: ${(cause as { code?: string }).code ?? cause.message}` : "";
  return `${error.message}${detail}`;
}

function describeBody(body: string | ArrayBuffer, headers: Record<string, string>): string {
  if (typeof body === "string") return body;
  const type = headers["content-type"] ?? "";
  return /json|text/.test(type)
    ? new TextDecoder().decode(body)
    : `<${body.byteLength} bytes ${type}>`;
}
