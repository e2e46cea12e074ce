import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { anySignal, linkAbort } from "../src/any-signal.js";

const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

describe("anySignal", () => {
  it("aborts with the first input's reason, then leaves nothing on the inputs", () => {
    const a = new AbortController();
    const b = new AbortController();
    const { signal } = anySignal([a.signal, undefined, b.signal]);
    expect(listeners(a.signal)).toBe(1);

    b.abort("b first");
    a.abort("a later");

    expect(signal.reason).toBe("b first");
    expect(listeners(a.signal)).toBe(0);
    expect(listeners(b.signal)).toBe(0);
  });

  it("dispose() detaches it from long-lived inputs without aborting it", () => {
    const longLived = new AbortController();
    for (let i = 0; i < 1000; i++) {
      const combined = anySignal([longLived.signal, new AbortController().signal]);
      combined.dispose();
      combined.dispose(); // idempotent
      expect(combined.signal.aborted).toBe(false);
    }
    expect(listeners(longLived.signal)).toBe(0);
    longLived.abort();
  });

  it("is aborted at once by an already-aborted input", () => {
    const live = new AbortController();
    const { signal } = anySignal([AbortSignal.abort("done"), live.signal]);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe("done");
    expect(listeners(live.signal)).toBe(0);
  });

  it("behaves the same where AbortSignal.any is missing (Node 20.0–20.2)", () => {
    const native = Object.getOwnPropertyDescriptor(AbortSignal, "any")!;
    delete (AbortSignal as { any?: unknown }).any;
    try {
      const longLived = new AbortController();
      const held = anySignal([longLived.signal]);
      for (let i = 0; i < 100; i++) anySignal([longLived.signal]).dispose();
      expect(listeners(longLived.signal)).toBe(1); // one shared listener, for `held`
      longLived.abort("closed");
      expect(held.signal.reason).toBe("closed");
      expect(listeners(longLived.signal)).toBe(0);
    } finally {
      Object.defineProperty(AbortSignal, "any", native);
    }
  });
});

describe("linkAbort", () => {
  it("shares one listener per source across links and removes it with the last", () => {
    const source = new AbortController();
    const targets = Array.from({ length: 50 }, () => new AbortController());
    const unlinks = targets.map((t) => linkAbort(source.signal, (reason) => t.abort(reason)));
    expect(listeners(source.signal)).toBe(1);

    unlinks.slice(0, 25).forEach((unlink) => unlink());
    source.abort("stop");

    expect(targets.slice(0, 25).some((t) => t.signal.aborted)).toBe(false);
    expect(targets.slice(25).every((t) => t.signal.reason === "stop")).toBe(true);
    expect(listeners(source.signal)).toBe(0);
  });

  it("removes the listener when the last link goes", () => {
    const source = new AbortController();
    const unlinkA = linkAbort(source.signal, () => {});
    const unlinkB = linkAbort(source.signal, () => {});
    unlinkA();
    expect(listeners(source.signal)).toBe(1);
    unlinkB();
    unlinkB();
    expect(listeners(source.signal)).toBe(0);
    // a later link attaches again
    const seen: unknown[] = [];
    linkAbort(source.signal, (reason) => seen.push(reason));
    source.abort("again");
    expect(seen).toEqual(["again"]);
  });
});
