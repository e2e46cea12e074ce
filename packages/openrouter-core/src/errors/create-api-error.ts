import { requestIdOf } from "../internal/request-id.js";
import { redactJson, type Redactor } from "../internal/redact.js";
import type { APIError } from "./api-error.js";
import { errorClassForStatus } from "./status-errors.js";

/** What the factory needs to know about a failed response. */
export interface ErrorSource {
  /** The HTTP status of the response. */
  status: number;
  headers?: Headers | undefined;
  /** Parsed JSON, the raw text when the body was not JSON, or `undefined` when empty. */
  body: unknown;
  redact: Redactor;
  /**
   * The error arrived inside a 2xx body or an event stream. Its status then comes from a numeric,
   * HTTP-like `error.code`; otherwise it stays the (2xx) response status and the class is `APIError`.
   */
  inBand?: boolean;
  cause?: unknown;
}

type JsonObject = Record<string, unknown>;

/**
 * The one error factory: picks the class from the status table and fills every field. Handles the
 * body shapes seen in the wild: `{error:{code,message,metadata}}` (code numeric, string or
 * missing), `{message}` / `{type:"error",code,message}`, non-JSON text (an HTML page from a proxy,
 * described by its title), and no body at all. Everything that reaches the error is redacted.
 */
export function createAPIError(src: ErrorSource): APIError {
  // One redaction pass covers the body and the header values (as `[name, value]` pairs).
  const { body, headers } = redactJson(
    { body: src.body, headers: [...(src.headers ?? [])] },
    src.redact,
  ) as { body?: unknown; headers: Array<[string, string]> };
  const root = asObject(body);
  const err = asObject(root?.["error"]) ?? root;

  const metadata = asObject(err?.["metadata"]);
  // Providers' own error bodies arrive as a JSON string in `metadata.raw`; parse it when possible.
  // `metadata` is the redacted copy, ours to change (and there, since `raw` was a string).
  const raw = metadata?.["raw"];
  const parsedRaw = asObject(typeof raw === "string" && parseErrorText(raw));
  if (parsedRaw) metadata!["raw"] = parsedRaw;
  const providerName = text(metadata?.["provider_name"]);

  // As sent (a number or a string); when missing, OpenRouter's `http_status`/`error_type`, else the
  // response status.
  const code = (err?.["code"] ?? err?.["http_status"] ?? err?.["error_type"] ?? src.status) as
    | number
    | string;
  // In band, the status (and so the class) comes from a numeric, HTTP-like code; without one it is
  // the 2xx response status, whose class is plain `APIError`.
  const status = src.inBand && /^[45]\d\d$/.test(String(code)) ? Number(code) : src.status;

  const message = [
    status,
    describe(body) || "(no body)",
    providerName && `[${providerName}]`,
    describe(metadata?.["raw"]),
  ]
    .filter(Boolean)
    .join(" ");

  const redactedHeaders = new Headers(headers);
  return new (errorClassForStatus(status))(src.redact(message), {
    status,
    code,
    metadata,
    providerName,
    headers: redactedHeaders,
    requestId: requestIdOf(redactedHeaders) ?? text(root?.["id"]),
    body,
    cause: src.cause,
  });
}

/**
 * Parses an error body's text: JSON when it is (whitespace around it is fine: OpenRouter sometimes
 * sends `"\n\n{...}"`), else the text itself; `undefined` when blank.
 */
export function parseErrorText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON (an HTML page, plain text, a truncated body): report the text.
    return text.trim() ? text : undefined;
  }
}

/**
 * True for a 2xx JSON body that is an error rather than data: a top-level `error` object and none
 * of the keys real payloads carry. The exclusions matter: a `/responses` object has `error: null`
 * normally and `error: {...}` with `status: "failed"` as a legitimate result.
 */
export function isErrorPayload(value: unknown): boolean {
  return (
    !!asObject(asObject(value)?.["error"]) &&
    !["choices", "data", "output", "object", "results"].some((k) => k in (value as JsonObject))
  );
}

/**
 * True for a stream event that reports a failure: a non-null top-level `error` (chat chunks with or
 * without `choices`, Anthropic-style `/messages` events) or `type: "error"` (`/responses` events).
 */
export function isStreamErrorEvent(value: unknown): boolean {
  return !!asObject(asObject(value)?.["error"]) || asObject(value)?.["type"] === "error";
}

/**
 * The readable text of a body or of a provider's `metadata.raw`. For an object: its `error` (an
 * object described the same way, or a string), else its `message` or `detail`, as sent. Else,
 * summarized to one line: the text itself (an HTML page by its title) or the value's JSON.
 */
function describe(value: unknown): string {
  const object = asObject(value);
  const message =
    object && (describe(object["error"]) || text(object["message"]) || text(object["detail"]));
  if (message) return message;
  // Nothing (`undefined`, JSON `null`) describes as "".
  const whole = object ? JSON.stringify(value) : String(value ?? "");
  // An HTML error page (from a proxy or a CDN) is described by its title.
  const line = (/<title>([^<]*)/i.exec(whole)?.[1] ?? whole).replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** The value as an object (arrays included: they have no error fields, and JSON describes them). */
function asObject(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value ? (value as JsonObject) : undefined;
}

/** The value if it is a non-empty string. */
function text(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}
