import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { IdleTimer } from "./idle-timer.js";

/** How a body read reports why the request was torn down. */
export interface BodyReadContext {
  /** Milliseconds allowed between chunks. */
  idleTimeout: number;
  /** Aborts when the caller's or client's signal does (the transport leaves it unset: its controller is linked to them). */
  signal?: AbortSignal | undefined;
  /** The caller's or client's abort reason, if either fired; it wins over other explanations. */
  abortError(): Error | undefined;
  /** The request's countdown, reused here; without one, reads get their own. */
  timer?: IdleTimer;
}

/**
 * The transport's attempt controllers: aborting one also runs `onAbort`, which a body read sets to
 * cancel its reader. Every abort of the attempt (caller, `close()`, timeouts, a stream left early,
 * `stream.controller.abort()`) goes through `abort()`, so this replaces an abort listener per body
 * read (EventTarget listeners are costly to add and remove).
 */
export class AttemptController extends AbortController {
  declare onAbort: (() => void) | undefined;
  override abort(reason?: unknown): void {
    super.abort(reason);
    this.onAbort?.();
  }
}

/** For promises whose rejection nobody needs (a cancelled body). */
export const ignore = () => {};

/**
 * Reads of a response body with the idle timeout running only while waiting for data, every read
 * ended by an abort (a custom `fetch` may ignore aborts once headers arrived), and failures mapped
 * to this package's errors. `controller` is the attempt's: aborting it tears down the body, and so
 * does `ctx.signal`. On abort the reader is cancelled, which ends a pending read at once.
 * Call `done()` when the reads are over: it removes the hook and stops the countdown. Idempotent.
 */
export function guardReads<T>(
  reader: ReadableStreamDefaultReader<T>,
  controller: AbortController,
  ctx: BodyReadContext,
  idleMessage: string,
) {
  const timer = ctx.timer ?? new IdleTimer();
  const onIdle = () => controller.abort(new TimeoutError(idleMessage));
  const { signal } = controller;
  // A hand-built context's signal is watched too; the transport's is the controller's or unset.
  const other = ctx.signal === signal ? undefined : ctx.signal;
  const cancel = () => void reader.cancel().catch(ignore);
  // An AttemptController calls its hook; any other controller gets a listener.
  const hooked = controller instanceof AttemptController;
  const watch = (on: boolean) => {
    const method = on ? "addEventListener" : "removeEventListener";
    if (hooked) controller.onAbort = on ? cancel : undefined;
    else signal[method]("abort", cancel);
    other?.[method]("abort", cancel);
  };
  // Explains a failed or aborted read: caller/client abort first, then our own abort reason (an
  // idle TimeoutError), then the network.
  const failure = (error: unknown): Error => {
    const reason: unknown = signal.reason;
    return (
      ctx.abortError() ??
      (signal.aborted && reason instanceof Error
        ? reason
        : new ConnectionError("Connection lost while reading the response body.", { cause: error }))
    );
  };
  // Once aborted, a read fails with the first aborted signal's reason; a cancelled reader reports
  // `done`, which is the abort, not the end of the body.
  const check = () => {
    const aborted = signal.aborted ? signal : other?.aborted && other;
    if (aborted) throw failure(aborted.reason);
  };
  watch(true);
  return {
    async read(): Promise<ReadableStreamReadResult<T>> {
      check();
      timer.start(ctx.idleTimeout, onIdle);
      let result: ReadableStreamReadResult<T>;
      try {
        result = await reader.read();
      } catch (error) {
        throw failure(error);
      } finally {
        timer.pause();
      }
      check();
      return result;
    },
    done() {
      timer.stop();
      watch(false);
    },
  };
}

// Shared: a non-streaming `decode` call keeps no state between calls.
const utf8 = new TextDecoder();

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
  const reads = guardReads(
    reader,
    controller,
    ctx,
    `No response data received for ${ctx.idleTimeout}ms.`,
  );
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  let finished = false;
  try {
    for (let result; !(result = await reads.read()).done; size += result.value.byteLength) {
      chunks.push(result.value);
    }
    finished = true;
  } finally {
    reads.done();
    // A finished reader stays locked: releasing it would only build an Error for its `closed`.
    if (!finished) reader.cancel().catch(ignore);
  }
  // One chunk (the usual chat body) decodes directly (none: `decode()` gives ""); several are
  // copied into one buffer and decoded once, as fetch's own `text()` does.
  if (!chunks[1]) return utf8.decode(chunks[0]);
  const joined = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    joined.set(chunk, size);
    size += chunk.byteLength;
  }
  return utf8.decode(joined);
}
