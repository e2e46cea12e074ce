import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { anySignal } from "./any-signal.js";
import { createIdleTimer } from "./idle-timer.js";
import { raceAbort } from "./sleep.js";

/** How a body read reports why the request was torn down. */
export interface BodyReadContext {
  /** Milliseconds allowed between chunks. */
  idleTimeout: number;
  /** The caller's and client's combined signal, raced against each read. */
  signal?: AbortSignal | undefined;
  /** The caller's or client's abort reason, if either fired; it wins over other explanations. */
  abortError(): Error | undefined;
}

/**
 * Reads of a response body with the idle timeout running only while waiting for data, each read
 * raced against the signals (a custom `fetch` may ignore aborts once headers arrived), and failures
 * mapped to this package's errors. `controller` is the attempt's: aborting it tears down the body.
 */
export function guardReads(controller: AbortController, ctx: BodyReadContext, idleMessage: string) {
  const idle = createIdleTimer(ctx.idleTimeout, () =>
    controller.abort(new TimeoutError(idleMessage)),
  );
  const stop = anySignal([controller.signal, ctx.signal]);
  return {
    /** Restarts the idle countdown if it is running: bytes arrived. */
    touch: idle.touch,
    async read<T>(reader: ReadableStreamDefaultReader<T>): Promise<ReadableStreamReadResult<T>> {
      idle.start();
      try {
        return await raceAbort(reader.read(), stop);
      } catch (error) {
        throw mapReadError(error, controller, ctx);
      } finally {
        idle.stop();
      }
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
  const decoder = new TextDecoder();
  const reads = guardReads(controller, ctx, `No response data received for ${ctx.idleTimeout}ms.`);
  let text = "";
  try {
    for (let result; !(result = await reads.read(reader)).done; )
      text += decoder.decode(result.value, { stream: true });
    return text + decoder.decode();
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Explains a failed body read: caller/client abort first, then our own abort reason, then the network. */
function mapReadError(error: unknown, controller: AbortController, ctx: BodyReadContext): Error {
  const external = ctx.abortError();
  if (external) return external;
  const reason: unknown = controller.signal.reason;
  if (controller.signal.aborted && reason instanceof Error) return reason;
  return new ConnectionError("Connection lost while reading the response body.", { cause: error });
}
