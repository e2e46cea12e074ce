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

/** Applies `redact` to every string (and object key) inside a JSON-like value; returns a copy. */
export function redactDeep(value: unknown, redact: Redactor, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  // Depth bound: error bodies are small; this only guards against pathological or cyclic input.
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact, depth + 1));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[redact(k)] = redactDeep(v, redact, depth + 1);
  return out;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A copy of `headers` with every value containing a secret redacted. */
export function redactHeaders(headers: Headers, redact: Redactor): Headers {
  const out = new Headers();
  headers.forEach((value, key) => out.append(key, redact(value)));
  return out;
}
