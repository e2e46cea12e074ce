import { createAPIError, isStreamErrorEvent } from "../errors/create-api-error.js";
import { OpenRouterError } from "../errors/openrouter-error.js";
import { parseJsonText } from "../errors/response-parse-error.js";
import { guardReads } from "../internal/read-body.js";
import type { Redactor } from "../internal/redact.js";
import { createParser } from "./parse.js";

/** What a stream needs from the request that produced it. */
export interface StreamContext {
  /** Milliseconds allowed between received bytes (keep-alive comments count). */
  idleTimeout: number;
  /** Aborts when the caller's signal or the client's close signal does. */
  signal?: AbortSignal | undefined;
  /** The caller's or client's cancellation, if any. */
  abortError(): Error | undefined;
  redact: Redactor;
  /**
   * Called once when the stream is over (ended, failed or left early). The transport detaches the
   * request from the caller's and client's signals here.
   */
  settle?: (() => void) | undefined;
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
  /** @internal Starts the iteration; unset once it has (a Stream has one consumer). */
  declare _iterate: (() => AsyncIterator<T>) | undefined;

  constructor(iterate: () => AsyncIterator<T>, controller: AbortController, response: Response) {
    // Assigned in declaration order, so instances keep the own-property order class fields gave.
    this.response = response;
    this.controller = controller;
    this._iterate = iterate;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    const iterate = this._iterate;
    if (!iterate) throw new OpenRouterError("Stream already read; use tee().");
    this._iterate = undefined;
    return iterate();
  }

  /**
   * Splits the stream into two independent streams over the same events; this stream is consumed.
   * The request is aborted only once both branches have stopped early.
   */
  tee(): [Stream<T>, Stream<T>] {
    const source = this[Symbol.asyncIterator]();
    // The results pulled from the source, as a list both branches walk: whichever branch is
    // ahead pulls the next one (`value`, the source's promised result). Each branch holds only
    // its own position, so a node is collected once both have passed it.
    type Node = { value?: Promise<IteratorResult<T>>; next?: Node };
    let reading = 2;
    const branch = (node: Node) =>
      new Stream<T>(
        async function* () {
          try {
            for (;;) {
              node = node.next ??= { value: source.next() };
              const result = await node.value!;
              if (result.done) return;
              yield result.value;
            }
          } finally {
            // Both branches stopped (early or not): let the source abort the request if unfinished.
            if (!--reading) await source.return?.();
          }
        },
        this.controller,
        this.response,
      );
    // The head holds no result.
    const head: Node = {};
    return [branch(head), branch(head)];
  }

  /**
   * The events as newline-delimited JSON bytes (one `JSON.stringify(event)` per line), e.g. to
   * relay a stream from a server route to a browser. Cancelling the result aborts the request.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const iterator = this[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    // A rejected pull errors the stream with the same reason.
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const result = await iterator.next();
        if (result.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(result.value)}\n`));
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
  return new Stream(() => readEvents(response, controller, context), controller, response);
}

async function* readEvents(
  response: Response,
  controller: AbortController,
  ctx: StreamContext,
): AsyncGenerator<unknown, void, undefined> {
  // The body is read directly (no TransformStream in between): each network chunk is decoded and
  // parsed synchronously, and all the events it completes are delivered before the next read.
  // The idle timer runs only while a read waits for bytes, so any received chunk (keep-alive
  // comments included) restarts the countdown.
  const reader = response.body?.getReader();
  const reads = reader && guardReads(reader, controller, ctx);
  // `stream: true` keeps an incomplete UTF-8 sequence at a chunk's end for the next chunk, so a
  // multibyte character split across network reads decodes intact. The decoder drops a BOM.
  const decoder = new TextDecoder();
  // The data of each event parsed from the latest chunk.
  const queue: string[] = [];
  const parser = createParser({ onEvent: (message) => queue.push(message.data) });
  // Nothing more to read: the body ended, or `[DONE]` came.
  let done = !reads;
  try {
    while (!done) {
      const result = await reads!.read();
      done = result.done;
      // At the end, a blank line ends the last event if the server left it unterminated.
      parser.feed(decoder.decode(result.value, { stream: !done }) + (done ? "\n\n" : ""));
      for (const text of queue.splice(0)) {
        if (text === "[DONE]") {
          done = true;
          break;
        }
        const data = parseJsonText(text, "Stream event", ctx.redact);
        if (isStreamErrorEvent(data)) {
          throw createAPIError({
            status: response.status,
            headers: response.headers,
            body: data,
            redact: ctx.redact,
            inBand: true,
          });
        }
        yield data;
      }
    }
  } finally {
    // Left before the end (break, error, in-band error): close the connection so the server stops
    // generating (and billing) tokens nobody will read.
    if (!done) controller.abort();
    // Removes the abort listeners and cancels the reader (a no-op after the body's end).
    reads?.done();
    // The request is over (ended, failed or left): detach it from the caller's and client's signals.
    ctx.settle?.();
  }
}
