import type { RawResult } from "./api-promise.js";
import { ConnectionError } from "./errors/connection-error.js";
import { createAPIError, isErrorPayload, parseErrorText } from "./errors/create-api-error.js";
import { MissingApiKeyError } from "./errors/missing-api-key-error.js";
import { OpenRouterError } from "./errors/openrouter-error.js";
import { parseJsonText, ResponseParseError } from "./errors/response-parse-error.js";
import { ClientClosedError, UserAbortError } from "./errors/user-abort-error.js";
import { linkAbort } from "./any-signal.js";
import { buildHeaders } from "./internal/build-headers.js";
import { abortAfter } from "./internal/abort-after.js";
import { ignore, readBodyText } from "./internal/read-body.js";
import { createRedactor } from "./internal/redact.js";
import { requestIdOf } from "./internal/request-id.js";
import { raceAbort } from "./sleep.js";
import { headersForLog, redactingLogger, silentLogger } from "./logger.js";
import type { ResolvedOptions } from "./options.js";
import { nextRetryDelay, shouldRetryResponse } from "./retry.js";
import type { StreamContext } from "./sse/events.js";
import type { OperationRequest } from "./types.js";

/**
 * Sends one operation and returns its 2xx response with the way to read it. In order: everything
 * that can fail without I/O (closed client, bad path parameter, no key), the URL (the operation's
 * `buildURL`, or the base URL and path), headers and body as openapi-fetch's `createClient` would
 * send them (test/wire.test.ts compares the bytes), then the attempt loop: per-attempt header
 * timeout, retries per retry.ts, a final non-2xx turned into the typed error. Retry decisions use
 * only status and headers, so nothing is retried once a body has been consumed. Every `fetch`,
 * default or injected, is called as `fetch(url, init)`.
 *
 * `unread()` says, once the response arrived, whether nobody has asked for the data yet: the
 * response is then registered to unlink the request when collected (see `registry`).
 */
export async function sendRequest<T>(
  req: OperationRequest,
  options: ResolvedOptions,
  closeSignals: readonly AbortSignal[],
  unread: () => boolean,
): Promise<RawResult<T>> {
  const { operationId, response: kind } = req;
  const { signal: userSignal, timeout } = options;
  // The error to throw if the request was cancelled from outside: every step asks it first, so a
  // cancelled request reports the cancellation, not the network error it caused.
  const abortError = (): OpenRouterError | undefined =>
    closeSignals.some((s) => s.aborted)
      ? new ClientClosedError()
      : userSignal?.aborted
        ? new UserAbortError(undefined, { cause: userSignal.reason })
        : undefined;
  const throwIfAborted = () => {
    const error = abortError();
    if (error) throw error;
  };

  throwIfAborted();
  const url = (req.buildURL ?? plainURL)(req, options.baseURL);
  if (kind === "sse" && !req.readStream) {
    throw new OpenRouterError(`${operationId}: "sse" needs readStream (sseStream).`);
  }
  const source = options.apiKey;
  const key: unknown = typeof source === "function" ? await source() : source;
  // Trimmed: a key read from a file or a secret store often ends with a newline. Anything but a
  // string (a key function resolving to an object, say) is no key either.
  const apiKey = typeof key === "string" && key.trim();
  if (!apiKey) throw new MissingApiKeyError();
  const redact = createRedactor([apiKey]);
  // Log arguments are computed only when a logger is listening; it redacts whatever it gets.
  const logging = options.logger !== silentLogger;
  const logger = logging ? redactingLogger(options.logger, redact) : silentLogger;
  const headers = buildHeaders(options, apiKey, req);
  // Upper case by type (HttpMethod), as generated code writes it.
  const { method } = req;
  const maxAttempts = options.maxRetries + 1;

  let [controller, renew, unlink] = link([userSignal, ...closeSignals]);
  // What body reads and a returned stream share with the request; `settle` detaches it.
  const ctx: StreamContext & { settle(): void } = {
    idleTimeout: options.idleTimeout,
    abortError,
    redact,
    settle: unlink,
  };
  let response!: Response;
  try {
    const body = await serializeBody(req.body, headers);
    if (body !== undefined)
      logger.trace?.(
        `${operationId} request body`,
        typeof body === "string" ? body : `<${body.byteLength} bytes>`,
      );

    for (let attempt = 1; ; attempt++) {
      throwIfAborted();
      // The header timeout: cleared once headers arrive or the attempt fails.
      const timer = abortAfter(
        timeout,
        controller,
        `${operationId}: no response headers within ${timeout}ms.`,
      );
      const { signal } = controller;
      if (logging)
        logger.debug(`→ ${method} ${url} (${operationId}, attempt ${attempt}/${maxAttempts})`, {
          headers: headersForLog(headers, redact),
        });
      const started = Date.now();
      let retryReason: string | undefined;
      let responseHeaders: Headers | undefined;
      try {
        response = await options.fetch(url, { method, headers, body, signal });
      } catch (error) {
        throwIfAborted();
        // fetch rejects a malformed URL or header with the same TypeError it uses for network
        // failures. Only on failure, check the request itself: a bad one is a programming error,
        // thrown as is (the TypeError `new Request` throws) and never retried. A bad request
        // fails its first attempt, so checking again on a later failure only repeats a pass.
        new Request(url, { method, headers });
        // Not cancelled from outside: aborted only by our header timeout (a TimeoutError).
        const reason: unknown = signal.reason;
        // Else the network: described by its cause's code where it has one (Node's fetch says
        // only "fetch failed"; its cause says ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET…).
        const { message = error, cause } = Object(error) as { message?: unknown; cause?: unknown };
        const detail = (Object(cause) as { code?: unknown }).code ?? message;
        const failure =
          reason instanceof OpenRouterError
            ? reason
            : new ConnectionError(`${operationId}: connection error (${detail}).`, {
                cause: error,
              });
        // Logged through the "retrying" line below, or thrown to the caller.
        if (attempt >= maxAttempts) throw failure;
        retryReason = failure.name;
      } finally {
        clearTimeout(timer);
      }
      if (!retryReason) {
        const { status } = response;
        responseHeaders = response.headers;
        if (logging)
          logger.debug(`← ${status} ${method} ${url} in ${Date.now() - started}ms`, {
            requestId: requestIdOf(responseHeaders),
          });
        // Stays linked: the caller's and client's signals must still tear down this body.
        if (response.ok) break;
        if (attempt >= maxAttempts || !shouldRetryResponse(status, responseHeaders)) {
          // The final error: read its body; a failed read still reports the status, with the cause.
          let cause: unknown;
          const text = await readBodyText(response, controller, ctx).catch((error: unknown) => {
            cause = error;
            throwIfAborted();
            return "";
          });
          if (text) logger.trace?.(`${operationId} error body`, text);
          throw createAPIError({
            status,
            headers: responseHeaders,
            body: parseErrorText(text),
            redact,
            cause,
          });
        }
        // Free the connection; the body of a response we are about to retry is never read.
        response.body?.cancel().catch(ignore);
        retryReason = `status ${status}`;
      }

      const [source, delayMs] = nextRetryDelay(attempt, options.retry, responseHeaders);
      if (logging)
        logger.info(
          `${operationId}: retrying after ${retryReason} in ${delayMs}ms (${source}); next attempt ${attempt + 1}/${maxAttempts}`,
        );
      // The backoff waits on the next attempt's controller, which the caller's and client's
      // signals abort from now on; an abort meanwhile ends the request. An injected sleep may
      // ignore its signal, hence the race.
      controller = renew();
      // Cancelled before the new controller was linked: it will never see that abort.
      throwIfAborted();
      try {
        await raceAbort(options.sleep(delayMs, controller.signal), controller.signal);
      } catch (error) {
        throw abortError() ?? error;
      }
    }
  } catch (error) {
    unlink();
    throw error;
  }

  // Until its body is read (or its stream ends), the request stays linked to the caller's and
  // client's signals. Unless the data was asked for (a plain `await`: the read follows at once),
  // the response is registered, so that dropped unread (`asResponse()`, an await that never
  // comes) it unlinks when collected. (`withResponse()` asks once the response is here, so its
  // response is registered too, needlessly but harmlessly: its read unlinks.)
  if (unread()) registry?.register(response, unlink);
  ctx.signal = controller.signal;
  return {
    response,
    // Runs lazily, on the first `await` of the APIPromise, so `asResponse()` gets an unread body.
    async parse() {
      // A returned Response or Stream settles the request when its reader is done with it (or
      // when it is collected unread); a body read here settles it whatever the outcome.
      if (
        kind === "binary" ||
        (kind === "sse" && !/\bjson\b/i.test(response.headers.get("content-type") ?? ""))
      ) {
        registry?.register(response, unlink);
        return (kind === "sse" ? req.readStream!(response, controller, ctx) : response) as T;
      }
      try {
        // An "empty" body is read too (to its end, usually at once), so it frees the connection.
        const text = await readBodyText(response, controller, ctx);
        if (kind === "text") return text as T;
        // Leading whitespace is normal: OpenRouter writes newlines as keep-alives before the JSON.
        const trimmed = text.trim();
        // An "empty" operation's body, or a JSON one with nothing in it.
        if (kind === "empty" || !trimmed) return undefined as T;
        // JSON. A 2xx body that is an OpenRouter error object throws the typed error. For an
        // "sse" operation answered with JSON, a non-error body is a parse error.
        logger.trace?.(`${operationId} response body`, text);
        const data = parseJsonText(trimmed, `${operationId}: response body`, redact);
        if (isErrorPayload(data)) {
          throw createAPIError({
            status: response.status,
            headers: response.headers,
            body: data,
            redact,
            inBand: true,
          });
        }
        if (kind === "sse") {
          throw new ResponseParseError(
            `${operationId}: expected an event stream, got ${response.headers.get("content-type")}.`,
            redact(trimmed),
          );
        }
        return data as T;
      } finally {
        unlink();
      }
    },
  };
}

// A response read without us (a `binary` result, `asResponse()`, a Stream nobody iterates) is
// registered here with its request's `unlink`: if that never runs, it does when the response is
// collected. A response registered twice unlinks twice; the second does nothing. It holds `unlink`,
// whose scope (see `link`) never references the response. Where FinalizationRegistry is missing,
// such a request stays linked until its body is read.
const registry =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<() => void>((unlink) => unlink())
    : undefined;

/**
 * Links the caller's signal and the client's close signals (its own, then its parents') to the
 * current attempt's controller, through `linkAbort` (one shared listener per signal), never through
 * `AbortSignal.any`, whose combined signals a long-lived source retains on Node 20
 * (nodejs/node#55351). Returns the first attempt's controller and:
 * - `renew()`: the next attempt's controller (the used one may have timed out). It sees only
 *   aborts from now on: check for an earlier one after renewing.
 * - `unlink()`: detaches the request from those signals, once it has settled. Idempotent. They may
 *   live as long as the process, so anything still registered on them would be retained.
 *
 * A separate function on purpose: what the signals (and the registry) hold are these closures,
 * whose scope never references the response.
 */
function link(signals: ReadonlyArray<AbortSignal | undefined>) {
  let controller = new AbortController();
  const unlinks = signals.map((s) => s && linkAbort(s, (reason) => controller.abort(reason)));
  // Idempotent, as each link's own unlink is.
  const unlink = () => {
    for (const unlinkOne of unlinks) unlinkOne?.();
  };
  return [controller, () => (controller = new AbortController()), unlink] as const;
}

/** The URL of an operation without parameters. Parameters without a builder are refused, never dropped. */
function plainURL(req: OperationRequest, baseURL: string): string {
  if (req.pathParams || req.query) {
    throw new OpenRouterError(
      `${req.operationId}: pathParams and query need buildURL (paramsURL).`,
    );
  }
  return baseURL + req.path;
}

/**
 * The body as openapi-fetch's `defaultBodySerializer` makes it: FormData as multipart,
 * `x-www-form-urlencoded` when the headers say so, else JSON with `Content-Type: application/json`
 * unless a header sets one. A string is kept as is: every attempt sends it again. FormData is
 * encoded once, through a `Response`, for its multipart bytes and boundary header (unless a header
 * sets a Content-Type), which every attempt then reuses.
 */
function serializeBody(
  body: unknown,
  headers: Record<string, string>,
): string | Promise<ArrayBuffer> | undefined {
  if (body === undefined) return undefined;
  if (body instanceof FormData) {
    const multipart = new Response(body);
    headers["content-type"] ??= multipart.headers.get("content-type")!;
    return multipart.arrayBuffer();
  }
  if (headers["content-type"] === "application/x-www-form-urlencoded")
    return new URLSearchParams(body as Record<string, string>).toString();
  headers["content-type"] ??= "application/json";
  return JSON.stringify(body);
}
