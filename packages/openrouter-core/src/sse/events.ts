import { createAPIError, isStreamErrorEvent } from "../errors/create-api-error.js";
import { OpenRouterError } from "../errors/openrouter-error.js";
import { ResponseParseError } from "../errors/response-parse-error.js";
import { guardReads } from "../internal/read-body.js";
import type { Redactor } from "../internal/redact.js";
import { createParser, type SSEMessage } from "./parse.js";

/** What a stream needs from the request that produced it. */
export interface StreamContext {
  /** Milliseconds allowed between received bytes (keep-alive comments count). */
  idleTimeout: number;
  /** Aborts when the caller's signal or the client's close signal does. */
  signal?: AbortSignal | undefined;
  /** The caller's or client's cancellation, if any. */
  abortError(): Error | undefined;
  redact: Redactor;
}

/**
 * The events of a streaming response, as parsed JSON: `for await (const chunk of stream)`.
 *
 * - Each SSE event's `data` is yielded as `JSON.parse(data)`. For `/responses` and `/messages` the
 *   data objects carry their own `type`; the SSE `event:` name is not added to them.
 * - Keep-alive comments are skipped and `data: [DONE]` ends the stream.
 * - An event with a top-level `error` (or `type: "error"`) throws the typed {@link APIError} after
 *   every earlier event was delivered. Mid-stream errors are never retried: the model already
 *   produced output and OpenRouter cannot fail over.
 * - Leaving the loop early (`break`, `return`, a throw) aborts the HTTP request.
 * - If no bytes arrive for `idleTimeout` ms while waiting, iteration throws {@link TimeoutError}.
 * - Single consumer: iterate once, or call {@link Stream.tee} first.
 */
export class Stream<T> implements AsyncIterable<T> {
  /** The HTTP response (status, headers such as `X-Generation-Id`); its body belongs to the stream. */
  declare readonly response: Response;
  /** Aborting this tears down the underlying request. */
  declare readonly controller: AbortController;
  // Not `#private`: that would make Stream nominal and copies of core type-incompatible (see APIPromise).
  /** @internal */
  declare readonly _iterate: () => AsyncIterator<T>;
  /** @internal */
  declare _consumed: boolean;

  constructor(iterate: () => AsyncIterator<T>, controller: AbortController, response: Response) {
    // Assigned in declaration order, so instances keep the own-property order class fields gave.
    this.response = response;
    this.controller = controller;
    this._iterate = iterate;
    this._consumed = false;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this._consumed) {
      throw new OpenRouterError(
        "Stream already iterated: a Stream has one consumer; call tee() first to read it twice.",
      );
    }
    this._consumed = true;
    return this._iterate();
  }

  /**
   * Splits the stream into two independent streams over the same events; this stream is consumed.
   * The request is aborted only once both branches have stopped early.
   */
  tee(): [Stream<T>, Stream<T>] {
    const source = this[Symbol.asyncIterator]();
    // One queue per branch; `undefined` once the branch left early (it then buffers nothing).
    const queues: Array<Array<Promise<IteratorResult<T>>> | undefined> = [[], []];
    const done = { done: true, value: undefined } as const;
    const branch = (i: number) =>
      new Stream<T>(
        () => ({
          next: async () => {
            const queue = queues[i];
            if (!queue) return done;
            // One pull from the source feeds every branch still reading.
            if (!queue.length) {
              const next = source.next();
              for (const q of queues) q?.push(next);
            }
            return queue.shift()!;
          },
          return: async () => {
            queues[i] = undefined;
            if (!queues[1 - i]) await source.return?.();
            return done;
          },
        }),
        this.controller,
        this.response,
      );
    return [branch(0), branch(1)];
  }

  /**
   * The events as newline-delimited JSON bytes (one `JSON.stringify(event)` per line), e.g. to
   * relay a stream from a server route to a browser. Cancelling the result aborts the request.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const iterator = this[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const result = await iterator.next();
          if (result.done) controller.close();
          else controller.enqueue(encoder.encode(`${JSON.stringify(result.value)}\n`));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    });
  }
}

/**
 * The {@link StreamReader} of event-stream operations: a {@link Stream} of each event's parsed data.
 *
 * @example
 * ```ts
 * client.request({ operationId: "sendChatCompletionRequest", method: "POST", path: "/chat/completions",
 *   body: { ...body, stream: true }, response: "sse", readStream: sseStream });
 * ```
 */
export function sseStream(
  response: Response,
  controller: AbortController,
  context: StreamContext,
): Stream<unknown> {
  // Events are decoded lazily, when iteration starts.
  return new Stream(() => iterateEvents(response, controller, context), controller, response);
}

async function* iterateEvents<T>(
  response: Response,
  controller: AbortController,
  ctx: StreamContext,
): AsyncGenerator<T, void, undefined> {
  let reads: ReturnType<typeof guardReads<Uint8Array>> | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let finished = false;
  try {
    if (!response.body) return;
    // The body is read directly (no TransformStream in between): each network chunk is decoded
    // and parsed synchronously, and all the events it completes are delivered before the next
    // read. The idle timer runs only while a read waits for bytes, so any received chunk
    // (keep-alive comments included) restarts the countdown.
    reader = response.body.getReader();
    reads = guardReads(
      reader,
      controller,
      ctx,
      `Stream idle: no data received for ${ctx.idleTimeout}ms.`,
    );
    // `stream: true` keeps an incomplete UTF-8 sequence at a chunk's end for the next chunk, so a
    // multibyte character split across network reads decodes intact. The decoder drops a BOM.
    const decoder = new TextDecoder();
    const queue: SSEMessage[] = [];
    const parser = createParser({ onEvent: (message) => void queue.push(message) });
    for (let done = false; !done; ) {
      const result = await reads.read();
      if ((done = result.done)) {
        parser.feed(decoder.decode());
        parser.reset({ consume: true });
      } else parser.feed(decoder.decode(result.value, { stream: true }));
      for (const message of queue.splice(0)) {
        if (message.data === "[DONE]") return void (finished = true);
        const data = parseData(message, ctx.redact);
        if (isStreamErrorEvent(data)) {
          throw createAPIError({
            status: response.status,
            headers: response.headers,
            body: data,
            redact: ctx.redact,
            inBand: true,
          });
        }
        yield data as T;
      }
    }
    finished = true;
  } finally {
    reads?.done();
    if (reader) {
      // Stopped early (break, error, in-band error): close the connection so the server stops
      // generating (and billing) tokens nobody will read.
      if (!finished) controller.abort();
      reader.cancel().catch(() => {});
    }
    // The request is over (ended, failed or left): detach it from the caller's and client's signals.
    (ctx as StreamContext & { settle?: () => void }).settle?.();
  }
}

function parseData(message: SSEMessage, redact: Redactor): unknown {
  try {
    return JSON.parse(message.data) as unknown;
  } catch (error) {
    const raw = redact(message.data);
    const shown = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
    const event = message.event ? ` (event "${message.event}")` : "";
    throw new ResponseParseError(`Stream event data${event} is not valid JSON: ${shown}`, raw, {
      cause: error,
    });
  }
}
