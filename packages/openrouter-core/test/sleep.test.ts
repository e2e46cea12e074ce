import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { raceAbort, sleep } from "../src/index.js";

describe("raceAbort", () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  afterEach(() => {
    process.off("unhandledRejection", record);
    unhandled.length = 0;
  });

  it("rejects with the abort reason when the signal already aborted, and leaves no unhandled rejection", async () => {
    process.on("unhandledRejection", record);
    const controller = new AbortController();
    controller.abort(new Error("closed"));
    // a read that was already started and fails because the body was torn down by the abort
    const read = Promise.reject(new Error("body errored"));

    // assert the caller sees the abort reason
    await expect(raceAbort(read, controller.signal)).rejects.toThrow("closed");
    // assert the started read's rejection was handled (give the runtime a turn to report it)
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  });

  it("settles with the promise when the signal never aborts", async () => {
    const controller = new AbortController();
    await expect(raceAbort(Promise.resolve(42), controller.signal)).resolves.toBe(42);
  });

  it("rejects as soon as the signal aborts while the promise is pending", async () => {
    const controller = new AbortController();
    const pending = new Promise<never>(() => {});
    const raced = raceAbort(pending, controller.signal);
    controller.abort(new Error("stop"));
    await expect(raced).rejects.toThrow("stop");
  });
});

describe("sleep", () => {
  it("resolves after the delay and leaves no listener on the signal", async () => {
    const controller = new AbortController();
    const started = performance.now();
    await sleep(30, controller.signal);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("rejects with the abort reason as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const slept = sleep(60_000, controller.signal);
    setTimeout(() => controller.abort(new Error("shutting down")), 10);
    await expect(slept).rejects.toThrow("shutting down");
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
