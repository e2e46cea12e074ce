import { ConnectionError } from "../errors/connection-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import { anySignal } from "./any-signal.js";
import { createIdleTimer } from "./idle-timer.js";
import { raceAbort } from "./sleep.js";

/** How a body read reports why the request was torn down. */
export interface BodyReadContext {
  /** Aborting this tears down the connection (the controller of the attempt that produced the response). */
  controller: AbortController;
  /** Milliseconds allowed between chunks. */
  idleTimeout: number;
  /** The caller's and client's combined signal, raced against each read. */
  signal?: AbortSignal | undefined;
  /** The caller's or client's abort reason, if either fired; it wins over other explanations. */
  abortError(): Error | undefined;
}

/**
 * Reads a whole body as text, with the idle timeout applied between chunks. Failures are mapped
 * to this package's errors: the caller's abort, an idle TimeoutError, or a ConnectionError.
 */
export async function readBodyText(response: Response, ctx: BodyReadContext): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const idle = createIdleTimer(ctx.idleTimeout, () =>
    ctx.controller.abort(new TimeoutError(`No response data received for ${ctx.idleTimeout}ms.`)),
  );
  const stop = anySignal([ctx.controller.signal, ctx.signal]);
  let text = "";
  try {
    for (;;) {
      idle.start();
      // Raced against the signals: a custom `fetch` may ignore aborts once headers arrived.
      const { done, value } = await raceAbort(reader.read(), stop);
      idle.stop();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch (error) {
    throw mapReadError(error, ctx);
  } finally {
    idle.stop();
    reader.cancel().catch(() => {});
  }
}

/** Explains a failed body read: caller/client abort first, then our own abort reason, then the network. */
export function mapReadError(
  error: unknown,
  ctx: Pick<BodyReadContext, "controller" | "abortError">,
): Error {
  const external = ctx.abortError();
  if (external) return external;
  const reason: unknown = ctx.controller.signal.reason;
  if (ctx.controller.signal.aborted && reason instanceof Error) return reason;
  return new ConnectionError("Connection lost while reading the response body.", { cause: error });
}
