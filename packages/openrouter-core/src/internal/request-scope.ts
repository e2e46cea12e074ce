import type { OpenRouterError } from "../errors/openrouter-error.js";
import { ClientClosedError, UserAbortError } from "../errors/user-abort-error.js";
import { linkAbort } from "./any-signal.js";

/**
 * The two external reasons a request can end early, the caller's `signal` and the client's
 * `close()`, plus the signal combining them. Every layer asks `abortError()` first so a cancelled
 * request reports the cancellation, not the network error it caused.
 */
export interface RequestScope {
  /**
   * The current attempt's signal: aborts when the caller's signal or the client's close signal
   * does, and when the attempt itself is aborted (timeout, a stream left early). Owned by this request.
   */
  signal: AbortSignal;
  /** The error to throw if the request was cancelled from outside, else `undefined`. */
  abortError(): OpenRouterError | undefined;
  /**
   * The controller for the next attempt: the current one if no attempt used it yet, else a fresh one
   * (see `renew`). The caller's and client's signals abort only the current controller.
   */
  attempt(): AbortController;
  /** Replaces a used controller with a fresh one (before a retry's backoff, which waits on `signal`). */
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
  let current = new AbortController();
  let used = false;
  let unlinks = link(signals, () => current);
  const detach = () => {
    for (const unlink of unlinks) unlink?.();
    unlinks = [];
  };
  // The unregister token; `settle` holds it, the registry only weakly.
  let token: object | undefined;
  // Methods use `this`, never a captured scope: the scope becomes the request context and holds
  // the response, which nothing reachable from the long-lived signals may reference.
  return {
    signal: current.signal,
    abortError: () =>
      closeSignals.some((s) => s.aborted)
        ? new ClientClosedError()
        : userSignal?.aborted
          ? new UserAbortError(undefined, { cause: userSignal.reason })
          : undefined,
    attempt() {
      if (used) this.renew();
      used = true;
      return current;
    },
    renew() {
      const aborted = signals.find((s) => s?.aborted);
      current = new AbortController();
      used = false;
      // Already cancelled from outside: every later attempt starts aborted.
      if (aborted) current.abort(aborted.reason);
      this.signal = current.signal;
    },
    settle: () => {
      detach();
      if (token) registry?.unregister(token);
      token = undefined;
    },
    handOver: (response) => {
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

/** Links every signal to the current controller. Separate, so its closure holds only these. */
function link(signals: Array<AbortSignal | undefined>, current: () => AbortController) {
  const onAbort = (reason: unknown) => current().abort(reason);
  return signals.map((s) => (s ? linkAbort(s, onAbort) : undefined));
}
