/** Replaces secrets in a string. Built once per request from the resolved API key. */
export type Redactor = (text: string) => string;

export const REDACTED = "[REDACTED]";

// Defence in depth beyond the configured key: anything that looks like an OpenRouter key or a bearer
// credential (a key from a previous rotation, a provisioning key echoed by a proxy) is hidden too.
const KEY_LIKE = /sk-or-[A-Za-z0-9_-]{8,}/g;
const BEARER = /(Bearer\s+)[^\s"',;]+/gi;

/** A redactor hiding each non-empty secret, plus key-shaped and `Bearer …` substrings. */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const values = secrets.filter((s): s is string => typeof s === "string" && s.length > 0);
  return (text) => {
    let out = text;
    for (const secret of values) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out.replace(KEY_LIKE, REDACTED).replace(BEARER, `$1${REDACTED}`);
  };
}

/**
 * A copy of a JSON-like value (a parsed body, a log argument) with `redact` applied to its JSON
 * text, so every string and key inside is covered. Values JSON cannot represent are dropped or
 * become what `JSON.stringify` makes of them; strings and `undefined` come back as they were. A
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

/** A copy of `headers` with every value containing a secret redacted. */
export function redactHeaders(headers: Headers, redact: Redactor): Headers {
  const out = new Headers();
  headers.forEach((value, key) => out.append(key, redact(value)));
  return out;
}
