import type { OpenRouterError } from "../errors/openrouter-error.js";
import { ClientClosedError, UserAbortError } from "../errors/user-abort-error.js";
import { linkAbort } from "./any-signal.js";
import { IdleTimer } from "./idle-timer.js";
import { AttemptController } from "./read-body.js";

/**
 * The two external reasons a request can end early, the caller's `signal` and the client's
 * `close()`, plus the controller they abort. Every layer asks `abortError()` first so a cancelled
 * request reports the cancellation, not the network error it caused.
 */
export interface RequestScope {
  /**
   * The current attempt's controller, owned by this request: the caller's signal and the client's
   * close signal abort it, and so do the attempt's timeouts and a stream left early. Once a 2xx
   * response is returned, aborting it tears down that response's body.
   */
  controller: AbortController;
  /** `controller.signal`. */
  signal: AbortSignal;
  /**
   * The request's one countdown: each attempt's header timeout, then the body's idle timeout.
   * Stopped when the request settles or its response is handed over.
   */
  timer: IdleTimer;
  /** The error to throw if the request was cancelled from outside, else `undefined`. */
  abortError(): OpenRouterError | undefined;
  /** Throws `abortError()`, if any. */
  throwIfAborted(): void;
  /**
   * Replaces the used controller with a fresh one for the next attempt (before a retry's backoff,
   * which waits on `signal`). The caller's and client's signals abort only the current controller.
   */
  renew(): void;
  /**
   * Detaches the request from the caller's and the client's signals. Called once the request has
   * settled (error, body read, stream ended or left); idempotent. Those signals may live as long as
   * the process, so anything still registered on them would be retained per request.
   */
  settle(): void;
  /**
   * Hands the response to code that reads it without us (a `binary` result, `asResponse()`, a
   * Stream nobody iterates): if `settle()` never comes, the request settles when the response is
   * garbage-collected. Until then `close()` and the caller's signal still tear its body down.
   */
  handOver(response: object): void;
}

// Where FinalizationRegistry exists (every supported runtime), a handed-over response that is
// dropped unread detaches its request from the long-lived signals when it is collected. The held
// value (`detach`) never references the response, so it cannot keep it alive.
let registry: FinalizationRegistry<() => void> | undefined;

/**
 * The scope of one request. One AbortController per attempt, no other: the caller's signal and the
 * client's close signals (its own, then its parents') reach the current attempt's controller
 * through `linkAbort` (one shared listener per signal, unlinked on `settle`), never through
 * `AbortSignal.any`, whose combined signals a long-lived source retains on Node 20
 * (nodejs/node#55351).
 */
export function createScope(
  userSignal: AbortSignal | undefined,
  closeSignals: readonly AbortSignal[],
): RequestScope {
  const signals = [userSignal, ...closeSignals];
  let current = new AttemptController();
  // What the long-lived signals hold while linked: these variables, never the scope object, which
  // becomes the request context and holds the response. So methods use `this`, not a closure.
  const unlinks = signals.map((s) => s && linkAbort(s, (reason) => current.abort(reason)));
  const detach = () => {
    for (const unlink of unlinks.splice(0)) unlink?.();
  };
  // The unregister token; `settle` holds it, the registry only weakly.
  let token: object | undefined;
  return {
    controller: current,
    signal: current.signal,
    timer: new IdleTimer(),
    abortError: () =>
      closeSignals.some((s) => s.aborted)
        ? new ClientClosedError()
        : userSignal?.aborted
          ? new UserAbortError(undefined, { cause: userSignal.reason })
          : undefined,
    throwIfAborted() {
      const error = this.abortError();
      if (error) throw error;
    },
    renew() {
      const aborted = signals.find((s) => s?.aborted);
      this.controller = current = new AttemptController();
      // Already cancelled from outside: every later attempt starts aborted.
      if (aborted) current.abort(aborted.reason);
      this.signal = current.signal;
    },
    settle() {
      this.timer.stop();
      detach();
      if (token) registry?.unregister(token);
      token = undefined;
    },
    handOver(response) {
      // Nothing waits on the network until the new owner reads; its reads restart the countdown.
      this.timer.stop();
      if (token || typeof FinalizationRegistry !== "function") return;
      token = {};
      (registry ??= new FinalizationRegistry((unlink) => unlink())).register(
        response,
        detach,
        token,
      );
    },
  };
}
