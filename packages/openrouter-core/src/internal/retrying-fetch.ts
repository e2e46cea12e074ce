import { ConnectionError } from "../errors/connection-error.js";
import { createAPIError, parseErrorText } from "../errors/create-api-error.js";
import { OpenRouterError } from "../errors/openrouter-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { headersForLog, type Logger } from "../logger.js";
import type { ResolvedOptions } from "../options.js";
import { retryDelay, shouldRetryResponse } from "../retry.js";
import { anySignal } from "./any-signal.js";
import { readBodyText } from "./read-body.js";
import type { Redactor } from "./redact.js";
import type { RequestScope } from "./request-scope.js";
import { raceAbort } from "./sleep.js";

/** What the retrying fetch needs, and where it leaves the winning attempt's controller. */
export interface TransportContext {
  operationId: string;
  options: ResolvedOptions;
  scope: RequestScope;
  /** Already redacting. */
  logger: Logger;
  redact: Redactor;
  /**
   * Set when a 2xx response is returned: aborting it tears down that response's body, which is
   * how streams stop on `break`, on idle timeout, and on `close()`.
   */
  controller?: AbortController;
}

/**
 * The `fetch` handed to openapi-fetch. It owns the attempt loop (retries stay outside openapi-fetch,
 * whose middleware cannot loop), the per-attempt timeout, and turning a final non-2xx response into
 * a typed error. Retry decisions use only status and headers, so nothing is retried once a body
 * (let alone a stream event) has been consumed.
 */
export function createRetryingFetch(ctx: TransportContext): (input: Request) => Promise<Response> {
  const { options, scope, logger, redact, operationId } = ctx;
  const maxAttempts = options.maxRetries + 1;

  return async function retryingFetch(input: Request): Promise<Response> {
    // A Request body is a one-shot stream; buffer it once so every attempt can send it again.
    const body = input.body ? await input.arrayBuffer() : undefined;
    const method = input.method;
    const url = redact(input.url);
    if (body && logger.trace)
      logger.trace(`${operationId} request body`, describeBody(body, input.headers));

    for (let attempt = 1; ; attempt++) {
      const cancelled = scope.abortError();
      if (cancelled) throw cancelled;

      const controller = new AbortController();
      const request = new Request(input.url, {
        method,
        headers: input.headers,
        body,
        redirect: input.redirect,
        signal: anySignal([controller.signal, scope.signal]),
      });
      const timer = startTimer(options.timeout, () =>
        controller.abort(
          new TimeoutError(`${operationId}: no response headers within ${options.timeout}ms.`),
        ),
      );
      logger.debug(`→ ${method} ${url} (${operationId}, attempt ${attempt}/${maxAttempts})`, {
        headers: headersForLog(input.headers, redact),
      });

      const started = Date.now();
      let response: Response;
      try {
        response = await options.fetch(request);
      } catch (error) {
        const external = scope.abortError();
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
        if (timer !== undefined) clearTimeout(timer);
      }

      logger.debug(`← ${response.status} ${method} ${url} in ${Date.now() - started}ms`, {
        requestId: response.headers.get("x-request-id") ?? response.headers.get("x-generation-id"),
      });
      if (response.ok) {
        ctx.controller = controller;
        return response;
      }
      if (attempt < maxAttempts && shouldRetryResponse(response.status, response.headers)) {
        // Free the connection; the body of a response we are about to retry is never read.
        response.body?.cancel().catch(() => {});
        await backoff(attempt, response.headers, `status ${response.status}`);
        continue;
      }
      throw await errorFromResponse(response, controller);
    }
  };

  async function backoff(attempt: number, headers: Headers | undefined, reason: string) {
    const { delayMs, source } = retryDelay({
      retryNumber: attempt,
      options: options.retry,
      headers,
    });
    logger.info(
      `${operationId}: retrying after ${reason} in ${delayMs}ms (${source}); next attempt ${attempt + 1}/${maxAttempts}`,
    );
    try {
      await raceAbort(options.sleep(delayMs, scope.signal), scope.signal);
    } catch (error) {
      throw scope.abortError() ?? error;
    }
  }

  async function errorFromResponse(response: Response, controller: AbortController) {
    let text = "";
    let cause: unknown;
    try {
      text = await readBodyText(response, {
        controller,
        idleTimeout: options.idleTimeout,
        signal: scope.signal,
        abortError: () => scope.abortError(),
      });
    } catch (error) {
      const external = scope.abortError();
      if (external) return external;
      cause = error; // Report the status we have, with whatever cut the body short as the cause.
    }
    if (text && logger.trace) logger.trace(`${operationId} error body`, text);
    return createAPIError({
      status: response.status,
      headers: response.headers,
      body: parseErrorText(text),
      redact,
      cause,
    });
  }
}

function startTimer(ms: number, fire: () => void) {
  return Number.isFinite(ms) && ms > 0 ? setTimeout(fire, ms) : undefined;
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
