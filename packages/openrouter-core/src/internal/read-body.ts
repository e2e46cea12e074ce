import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { IdleTimer } from "./idle-timer.js";

/** How a body read reports why the request was torn down. */
export interface BodyReadContext {
  /** Milliseconds allowed between chunks. */
  idleTimeout: number;
  /** Aborts when the caller's or client's signal does (the transport's: the attempt's signal). */
  signal?: AbortSignal | undefined;
  /** The caller's or client's abort reason, if either fired; it wins over other explanations. */
  abortError(): Error | undefined;
  /** The request's countdown (see RequestScope), reused here; without one, reads get their own. */
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

/**
 * Reads of a response body with the idle timeout running only while waiting for data, every read
 * ended by an abort (a custom `fetch` may ignore aborts once headers arrived), and failures mapped
 * to this package's errors. `controller` is the attempt's: aborting it tears down the body. The
 * caller's and client's signals abort it too (the transport links them), so one hook (an
 * AttemptController's) or listener covers all three; on abort the reader is cancelled, which ends
 * a pending read at once.
 * Call `done()` when the reads are over: it removes the listener and stops the countdown.
 */
export function guardReads<T>(
  reader: ReadableStreamDefaultReader<T>,
  controller: AbortController,
  ctx: BodyReadContext,
  idleMessage: string,
) {
  const idle = ctx.timer ?? new IdleTimer();
  const onIdle = () => controller.abort(new TimeoutError(idleMessage));
  // For the transport's own contexts both are the same signal; a hand-built StreamContext's signal
  // is watched too.
  const { signal } = controller;
  const other = ctx.signal === signal ? undefined : ctx.signal;
  const onAbort = () => void reader.cancel().catch(() => {});
  const hooked = controller instanceof AttemptController;
  if (hooked) controller.onAbort = onAbort;
  else signal.addEventListener("abort", onAbort);
  other?.addEventListener("abort", onAbort);
  // Once aborted, a read "fails with" the first aborted signal's reason.
  const check = () => {
    const aborted = signal.aborted ? signal : other?.aborted && other;
    if (aborted) throw mapReadError(aborted.reason, controller, ctx);
  };
  return {
    async read(): Promise<ReadableStreamReadResult<T>> {
      check();
      idle.start(ctx.idleTimeout, onIdle);
      let result: ReadableStreamReadResult<T>;
      try {
        result = await reader.read();
      } catch (error) {
        throw mapReadError(error, controller, ctx);
      } finally {
        idle.pause();
      }
      // A cancelled reader reports `done`: that was the abort, not the end of the body.
      check();
      return result;
    },
    /** Stops the timer and removes the listeners. Idempotent. */
    done() {
      idle.stop();
      if (hooked) controller.onAbort = undefined;
      else signal.removeEventListener("abort", onAbort);
      other?.removeEventListener("abort", onAbort);
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
  if (!response.body) return "";
  const reader = response.body.getReader();
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
    if (!finished) reader.cancel().catch(() => {});
  }
  // One chunk (the usual chat body) decodes directly (no chunk: `decode()` gives ""); several are
  // copied into one buffer and decoded once, as fetch's own `text()` does (cheaper than a Blob or
  // per-chunk decoding).
  if (!chunks[1]) return utf8.decode(chunks[0]);
  const joined = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    joined.set(chunk, size);
    size += chunk.byteLength;
  }
  return utf8.decode(joined);
}

// Shared: a non-streaming `decode` call keeps no state between calls.
const utf8 = new TextDecoder();

/** Explains a failed body read: caller/client abort first, then our own abort reason, then the network. */
function mapReadError(error: unknown, controller: AbortController, ctx: BodyReadContext): Error {
  const external = ctx.abortError();
  if (external) return external;
  const reason: unknown = controller.signal.reason;
  if (controller.signal.aborted && reason instanceof Error) return reason;
  return new ConnectionError("Connection lost while reading the response body.", { cause: error });
}
