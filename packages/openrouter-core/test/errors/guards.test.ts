import { describe, expect, expectTypeOf, it, vi } from "vitest";
import * as core from "../../src/index.js";
import { errorClassName } from "../../src/errors/openrouter-error.js";
import {
  ClientClosedError,
  ERROR_BRAND,
  isAPIError,
  isInvalidRequestError,
  isModelNotFoundError,
  isOpenRouterError,
  isRateLimitError,
  isUserAbortError,
  RateLimitError,
  UserAbortError,
} from "../../src/index.js";

const init = { status: 429, code: 429 };

describe("guards", () => {
  it("recognise errors from a second copy of the package, where instanceof fails", async () => {
    // assert a freshly evaluated module graph really is a different copy
    vi.resetModules();
    const other = (await import("../../src/index.js")) as typeof core;
    expect(other.RateLimitError).not.toBe(RateLimitError);
    const foreign = new other.RateLimitError("429 slow down", init);

    expect(foreign instanceof RateLimitError).toBe(false);
    expect(isRateLimitError(foreign)).toBe(true);
    expect(isAPIError(foreign)).toBe(true);
    expect(isOpenRouterError(foreign)).toBe(true);
    expect(core.isBadRequestError(foreign)).toBe(false);
    expect(other.isRateLimitError(new RateLimitError("x", init))).toBe(true);
  });

  it("recognise a plain branded object", () => {
    const errorLike = {
      [Symbol.for("@orkit/openrouter-core/error")]: [
        "RateLimitError",
        "APIError",
        "OpenRouterError",
      ],
    };
    expect(isRateLimitError(errorLike)).toBe(true);
    expect(isAPIError(errorLike)).toBe(true);
  });

  it("reject look-alikes without the brand", () => {
    const impostor = Object.assign(new Error("429"), { name: "RateLimitError", status: 429 });
    expect(isRateLimitError(impostor)).toBe(false);
    expect(isOpenRouterError(null)).toBe(false);
    expect(isOpenRouterError("RateLimitError")).toBe(false);
  });

  it("follow the class hierarchy and aliases", () => {
    const closed = new ClientClosedError();
    expect(closed[ERROR_BRAND]).toEqual(["ClientClosedError", "UserAbortError", "OpenRouterError"]);
    expect(isUserAbortError(closed)).toBe(true);
    expect(closed).toBeInstanceOf(UserAbortError);
    expect(isInvalidRequestError(new core.BadRequestError("400", { status: 400, code: 400 }))).toBe(
      true,
    );
    expect(isModelNotFoundError(new core.NotFoundError("404", { status: 404, code: 404 }))).toBe(
      true,
    );
  });

  it("exist for every exported error class", () => {
    const classes = Object.entries(core).filter(
      ([name, value]) =>
        typeof value === "function" && value.prototype instanceof Error && name.endsWith("Error"),
    );
    expect(classes.length).toBeGreaterThan(20);
    for (const [name, cls] of classes) {
      const guard = (core as unknown as Record<string, unknown>)[`is${name}`];
      expect(typeof guard, `is${name}`).toBe("function");
      expect(errorClassName(cls as typeof core.OpenRouterError)).toBe(
        // aliases share their class's name
        name === "InvalidRequestError"
          ? "BadRequestError"
          : name === "ModelNotFoundError"
            ? "NotFoundError"
            : name,
      );
    }
  });

  it("name instances (and their stack header) after the class's static errorName", () => {
    const error = new core.TimeoutError("slow");
    expect(error.name).toBe("TimeoutError");
    expect(error.stack?.split("\n")[0]).toBe("TimeoutError: slow");
    expect(Object.keys(error)).not.toContain("name");
    // the whole chain is named, so the brand lists it even for a parent never built directly
    const closed = new core.ClientClosedError();
    expect(closed.name).toBe("ClientClosedError");
    expect(core.isUserAbortError(closed)).toBe(true);
    expect(Object.getPrototypeOf(closed.constructor).prototype.name).toBe("UserAbortError");
  });

  it("come from one factory whose classes TypeScript tells apart", () => {
    const limited: core.APIError = new core.RateLimitError("429", init);
    // each status class is its own type: an `else` branch keeps the other statuses
    if (limited instanceof core.BadRequestError) {
      expectTypeOf(limited).toEqualTypeOf<core.BadRequestError>();
      expect.unreachable();
    } else if (limited instanceof core.RateLimitError) {
      expectTypeOf(limited.name).toEqualTypeOf<"RateLimitError">();
      expect(limited.name).toBe("RateLimitError");
    } else expect.unreachable();
    expectTypeOf<core.RateLimitError>().not.toMatchTypeOf<core.BadRequestError>();
    const denied = new core.PermissionDeniedError("403", {
      status: 403,
      code: 403,
      metadata: { reasons: ["hate", 1], flagged_input: "x" },
    });
    expectTypeOf(denied.reasons).toEqualTypeOf<string[]>();
    expect(denied).toMatchObject({
      reasons: ["hate"],
      flaggedInput: "x",
      name: "PermissionDeniedError",
    });
    expect(limited.constructor.name).toBe("RateLimitError");
    expect(core.STATUS_ERRORS.map(([status]) => status)).toEqual([
      400, 401, 402, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 524, 529,
    ]);
  });
});
