import { ConnectionError } from "../errors/connection-error.js";
import { abortAfter } from "./abort-after.js";

/** How a body read reports why the request was torn down. */
export interface BodyReadContext {
  /** Milliseconds allowed between chunks. */
  idleTimeout: number;
  /** Aborts when the caller's or client's signal does (the transport's is its controller's signal). */
  signal?: AbortSignal | undefined;
  /** The caller's or client's abort reason, if either fired; it wins over other explanations. */
  abortError(): Error | undefined;
}

/** For promises whose rejection nobody needs (a cancelled body). */
export const ignore = () => {};

/**
 * Reads of a response body with the idle timeout running only while waiting for data, every read
 * ended by an abort (a custom `fetch` may ignore aborts once headers arrived), and failures mapped
 * to this package's errors. `controller` is the attempt's: aborting it tears down the body, and so
 * does `ctx.signal`. On abort the reader is cancelled, which ends a pending read at once.
 * Call `done()` when the reads are over: it removes the abort listeners and cancels the reader,
 * which frees the connection after a failed or abandoned read (a no-op once the body was read to
 * its end). Idempotent.
 */
export function guardReads<T>(
  reader: ReadableStreamDefaultReader<T>,
  controller: AbortController,
  ctx: BodyReadContext,
) {
  const { signal } = controller;
  // One message for every body, JSON or stream: the wait is the same.
  const idleMessage = `No response data received for ${ctx.idleTimeout}ms.`;
  // The transport's `ctx.signal` is the controller's own: EventTarget ignores the same listener
  // added twice, so it then costs nothing.
  const signals = [signal, ctx.signal];
  const cancel = () => void reader.cancel().catch(ignore);
  // On abort the reader is cancelled; `done()` removes those listeners. Not through the `signal`
  // option of addEventListener: an AbortController per body made every call 50 µs slower on Node 20.
  const watch = (method: "addEventListener" | "removeEventListener") => {
    for (const s of signals) s?.[method]("abort", cancel);
  };
  watch("addEventListener");
  // Once aborted, a read fails with the first aborted signal's reason; a cancelled reader reports
  // `done`, which is the abort, not the end of the body.
  const check = () => {
    for (const s of signals) s?.throwIfAborted();
  };
  return {
    async read(): Promise<ReadableStreamReadResult<T>> {
      const timer = abortAfter(ctx.idleTimeout, controller, idleMessage);
      try {
        check();
        const result = await reader.read();
        check();
        return result;
      } catch (error) {
        // Explains a failed or aborted read: caller/client abort first, then our own abort reason
        // (an idle TimeoutError), then the network.
        const reason: unknown = signal.reason;
        throw (
          ctx.abortError() ??
          (reason instanceof Error
            ? reason
            : new ConnectionError("Connection lost while reading the response body.", {
                cause: error,
              }))
        );
      } finally {
        clearTimeout(timer);
      }
    },
    done() {
      watch("removeEventListener");
      cancel();
    },
  };
}

/**
 * Reads a whole body as text, with the idle timeout applied between chunks. Failures are mapped
 * to this package's errors: the caller's abort, an idle TimeoutError, or a ConnectionError.
 */
export async function readBodyText(
  response: Response,
  controller: AbortController,
  ctx: BodyReadContext,
): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const reads = guardReads(reader, controller, ctx);
  // `stream: true` keeps a UTF-8 sequence split across chunks for the next one.
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (let result; !(result = await reads.read()).done; ) {
      text += decoder.decode(result.value, { stream: true });
    }
  } finally {
    reads.done();
  }
  return text + decoder.decode();
}
