import { describe, expect, it } from "vitest";
import { createRedactor, redactJson } from "../../src/internal/redact.js";

const KEY = "sk-or-v1-redactme0123456789";
const redact = createRedactor([KEY]);

describe("redactJson", () => {
  it("redacts every string and key of a JSON value, leaving the rest as it was", () => {
    const value = { [KEY]: [`Bearer ${KEY}`, 1, null, { nested: `key=${KEY}` }], ok: true };
    expect(redactJson(value, redact)).toEqual({
      "[REDACTED]": ["Bearer [REDACTED]", 1, null, { nested: "key=[REDACTED]" }],
      ok: true,
    });
    expect(redactJson(`x ${KEY}`, redact)).toBe("x [REDACTED]");
    expect(redactJson(undefined, redact)).toBeUndefined();
  });

  it("turns a value JSON cannot hold into its redacted string", () => {
    const cyclic: Record<string, unknown> & { toString(): string } = {
      toString: () => `cyclic ${KEY}`,
    };
    cyclic["self"] = cyclic;
    expect(redactJson(cyclic, redact)).toBe("cyclic [REDACTED]");
  });
});

describe("createRedactor", () => {
  it("hides key-shaped strings and bearer tokens it was not given", () => {
    const bare = createRedactor([undefined, ""]);
    expect(bare("old sk-or-v1-0123456789abcdef, new Bearer tok_42;")).toBe(
      "old [REDACTED], new Bearer [REDACTED];",
    );
  });

  it("keeps JSON text valid: a bearer token stops at a backslash escape", () => {
    const value = { auth: 'Bearer tok"en', other: "kept" };
    expect(redactJson(value, createRedactor([]))).toEqual({
      auth: 'Bearer [REDACTED]"en',
      other: "kept",
    });
  });
});
