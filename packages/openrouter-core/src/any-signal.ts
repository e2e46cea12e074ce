/** A signal combined from several inputs, and the way to detach it from them. */
export interface LinkedSignal {
  /** Aborts when any input aborts, with that input's reason. */
  readonly signal: AbortSignal;
  /**
   * Removes every listener this added to the inputs. Call it when the work the signal guards has
   * settled; idempotent. Also happens by itself when the combined signal aborts.
   */
  dispose(): void;
}

// A signal we link from gets one listener, shared by all the callbacks currently linked to it, and
// removed again when the last one unlinks. A signal shared by many concurrent requests (a client's
// close signal, an app-wide shutdown signal) thus never exceeds listener limits (Node warns from 11
// listeners on one signal), and a settled request leaves nothing at all on it.
const fanOuts = new WeakMap<AbortSignal, Set<OnAbort>>();

/** What a linked source calls when it aborts, with its reason. */
export type OnAbort = (reason: unknown) => void;

/** The one listener, shared by every source signal: calls what is linked to the aborting signal. */
function fire(this: AbortSignal): void {
  // Registered only while the set is non-empty; the set stays, emptied by the unlinks. Unlinking
  // while this loop runs is safe: a Set iteration skips entries deleted before it reaches them.
  for (const onAbort of fanOuts.get(this)!) onAbort(this.reason);
}

/**
 * Calls `onAbort` with the source's reason when `source` aborts. Returns a function that unlinks
 * them (idempotent); once every link from `source` is undone, nothing of ours is left on it.
 *
 * An aborted signal never dispatches again, so a link made after the abort never fires: callers
 * check `source.aborted` themselves, after linking or before (the transport checks before each
 * attempt and each backoff, which also covers aborts during its awaits).
 */
export function linkAbort(source: AbortSignal, onAbort: OnAbort): () => void {
  let targets = fanOuts.get(source);
  if (!targets) fanOuts.set(source, (targets = new Set()));
  // The listener is on the source exactly while something is linked. The emptied set stays (the
  // WeakMap lets it go with the source), so a signal linked once per request allocates nothing.
  if (!targets.size) source.addEventListener("abort", fire, { once: true });
  targets.add(onAbort);
  return () => {
    if (targets.delete(onAbort) && !targets.size) source.removeEventListener("abort", fire);
  };
}

/**
 * A signal that aborts when any input aborts, with that input's reason, plus `dispose()`.
 *
 * Deliberately not `AbortSignal.any`: on Node 20 a long-lived input (a client's close signal, an
 * app-wide shutdown signal) retains every signal ever combined from it (nodejs/node#55351), which
 * leaks per request. The links (see `linkAbort`) are removed on `dispose()` (when the request
 * settles) or when the combined signal aborts, so a long-lived input holds nothing once the work is
 * done. Works the same where `AbortSignal.any` is missing (Node 20.0–20.2, older browsers).
 */
export function anySignal(
  signals: ReadonlyArray<AbortSignal | undefined>,
  controller: AbortController = new AbortController(),
): LinkedSignal {
  const unlinks: Array<() => void> = [];
  const dispose = () => {
    for (const unlink of unlinks.splice(0)) unlink();
  };
  for (const s of signals) {
    if (s?.aborted) {
      controller.abort(s.reason);
      break;
    }
    if (s) unlinks.push(linkAbort(s, (reason) => controller.abort(reason)));
  }
  if (controller.signal.aborted) dispose();
  else controller.signal.addEventListener("abort", dispose, { once: true });
  return { signal: controller.signal, dispose };
}
