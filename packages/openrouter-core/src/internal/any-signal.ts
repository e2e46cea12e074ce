/**
 * A signal that aborts when any input aborts, with that input's reason. Uses `AbortSignal.any`
 * where the runtime has it (it holds inputs weakly, so long-lived caller signals don't accumulate
 * listeners); otherwise falls back to listeners, removed when the combined signal aborts.
 */
export function anySignal(signals: ReadonlyArray<AbortSignal | undefined>): AbortSignal {
  const inputs = signals.filter((s): s is AbortSignal => s !== undefined);
  const native = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (native) return native.call(AbortSignal, inputs);

  const controller = new AbortController();
  const cleanup = () => inputs.forEach((s) => s.removeEventListener("abort", onAbort));
  function onAbort(this: AbortSignal) {
    cleanup();
    controller.abort(this.reason);
  }
  for (const s of inputs) {
    if (s.aborted) {
      controller.abort(s.reason);
      cleanup();
      break;
    }
    s.addEventListener("abort", onAbort, { once: true });
  }
  return controller.signal;
}
