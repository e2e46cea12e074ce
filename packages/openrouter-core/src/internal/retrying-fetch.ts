import { ConnectionError } from "../errors/connection-error.js";
import { createAPIError, parseErrorText } from "../errors/create-api-error.js";
import { OpenRouterError } from "../errors/openrouter-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { headersForLog } from "../logger.js";
import type { RequestContext } from "../request.js";
import { retryDelay, shouldRetryResponse } from "../retry.js";
import { anySignal } from "./any-signal.js";
import { createIdleTimer } from "./idle-timer.js";
import { readBodyText } from "./read-body.js";
import { raceAbort } from "./sleep.js";

/**
 * Sends the request built from openapi-fetch's serialisers. It owns the attempt loop, the
 * per-attempt timeout, and turning a final non-2xx response into a typed error. Retry decisions use
 * only status and headers, so nothing is retried once a body (let alone a stream event) has been
 * consumed. On a 2xx it leaves the attempt's controller in `ctx.controller`.
 */
export async function retryingFetch(ctx: RequestContext, input: Request): Promise<Response> {
  const { options, logger, redact } = ctx;
  const { operationId } = ctx.operation;
  const maxAttempts = options.maxRetries + 1;
  // A Request body is a one-shot stream; buffer it once so every attempt can send it again.
  const body = input.body ? await input.arrayBuffer() : undefined;
  const method = input.method;
  const url = redact(input.url);
  if (body && logger.trace)
    logger.trace(`${operationId} request body`, describeBody(body, input.headers));

  const backoff = async (attempt: number, headers: Headers | undefined, reason: string) => {
    const { delayMs, source } = retryDelay({
      retryNumber: attempt,
      options: options.retry,
      headers,
    });
    logger.info(
      `${operationId}: retrying after ${reason} in ${delayMs}ms (${source}); next attempt ${attempt + 1}/${maxAttempts}`,
    );
    try {
      await raceAbort(options.sleep(delayMs, ctx.signal), ctx.signal);
    } catch (error) {
      throw ctx.abortError() ?? error;
    }
  };

  for (let attempt = 1; ; attempt++) {
    const cancelled = ctx.abortError();
    if (cancelled) throw cancelled;

    const controller = new AbortController();
    const request = new Request(input.url, {
      method,
      headers: input.headers,
      body,
      redirect: input.redirect,
      signal: anySignal([controller.signal, ctx.signal]),
    });
    const timer = createIdleTimer(options.timeout, () =>
      controller.abort(
        new TimeoutError(`${operationId}: no response headers within ${options.timeout}ms.`),
      ),
    );
    timer.start();
    logger.debug(`→ ${method} ${url} (${operationId}, attempt ${attempt}/${maxAttempts})`, {
      headers: headersForLog(input.headers, redact),
    });

    const started = Date.now();
    let response: Response;
    try {
      response = await options.fetch(request);
    } catch (error) {
      const external = ctx.abortError();
      if (external) throw external;
      const reason: unknown = controller.signal.reason;
      const failure =
        controller.signal.aborted && reason instanceof OpenRouterError
          ? reason
          : new ConnectionError(`${operationId}: connection error (${describe(error)}).`, {
              cause: error,
            });
      logger.debug(`✗ ${method} ${url} after ${Date.now() - started}ms: ${failure.message}`);
      if (attempt >= maxAttempts) throw failure;
      await backoff(attempt, undefined, failure.name);
      continue;
    } finally {
      timer.stop();
    }

    const { status, headers } = response;
    logger.debug(`← ${status} ${method} ${url} in ${Date.now() - started}ms`, {
      requestId: headers.get("x-request-id") ?? headers.get("x-generation-id"),
    });
    if (response.ok) {
      ctx.controller = controller;
      return response;
    }
    if (attempt < maxAttempts && shouldRetryResponse(status, headers)) {
      // Free the connection; the body of a response we are about to retry is never read.
      response.body?.cancel().catch(() => {});
      await backoff(attempt, headers, `status ${status}`);
      continue;
    }
    // The final error: read its body; a failed read still reports the status, with the cause.
    let text = "";
    let cause: unknown;
    try {
      text = await readBodyText(response, controller, ctx);
    } catch (error) {
      cause = error;
      const external = ctx.abortError();
      if (external) throw external;
    }
    if (text && logger.trace) logger.trace(`${operationId} error body`, text);
    throw createAPIError({ status, headers, body: parseErrorText(text), redact, cause });
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

function describeBody(body: ArrayBuffer, headers: Headers): string {
  const type = headers.get("content-type") ?? "";
  return /json|text/.test(type)
    ? new TextDecoder().decode(body)
    : `<${body.byteLength} bytes ${type}>`;
}
