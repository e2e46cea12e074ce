/** Replaces secrets in a string. Built once per request from the resolved API key. */
export type Redactor = (text: string) => string;

export const REDACTED = "[REDACTED]";

// Defence in depth beyond the configured key: anything that looks like an OpenRouter key or a bearer
// credential (a key from a previous rotation, a provisioning key echoed by a proxy) is hidden too.
// One pattern for both: `$1` keeps the `Bearer ` prefix, and is empty when a key-shaped string matched.
// A token stops at a backslash too: inside JSON text that starts an escape, which must stay whole.
const KEY_LIKE = /(Bearer\s+)[^\s"',;\\]+|sk-or-[\w-]{8,}/gi;

/** A redactor hiding each non-empty secret, plus key-shaped and `Bearer …` substrings. */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  return (text) =>
    secrets
      .reduce((out: string, secret) => (secret ? out.replaceAll(secret, REDACTED) : out), text)
      .replace(KEY_LIKE, "$1[REDACTED]"); // `$1` + REDACTED
}

/**
 * A copy of a JSON-like value (a parsed body, a log argument, header pairs) with `redact` applied to
 * its JSON text, so every string and key inside is covered. Values JSON cannot represent are dropped
 * or become what `JSON.stringify` makes of them; strings and `undefined` come back as they were. A
 * value JSON cannot hold at all (a cycle, a BigInt) becomes its redacted `String()`.
 */
export function redactJson(value: unknown, redact: Redactor): unknown {
  if (typeof value === "string") return redact(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? value : (JSON.parse(redact(text)) as unknown);
  } catch {
    return redact(String(value));
  }
}
