import { requestIdOf } from "../internal/request-id.js";
import { redactJson, redactHeaders, type Redactor } from "../internal/redact.js";
import { APIError } from "./api-error.js";
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
   * HTTP-like `error.code`; otherwise it stays the response status and the class is `APIError`.
   */
  inBand?: boolean;
  cause?: unknown;
}

type JsonObject = Record<string, unknown>;

/**
 * The one error factory: picks the class from the status table and fills every field. Handles the
 * body shapes seen in the wild: `{error:{code,message,metadata}}` (code numeric, string or
 * missing), `{message}` / `{type:"error",code,message}`, non-JSON text (an HTML page from a proxy),
 * and no body at all. Everything that reaches the error is redacted.
 */
export function createAPIError(src: ErrorSource): APIError {
  const { redact } = src;
  const body = redactJson(src.body, redact);
  const root = asObject(body);
  const err = asObject(root?.["error"]) ?? root;

  let metadata = asObject(err?.["metadata"]);
  // Providers' own error bodies arrive as a JSON string in `metadata.raw`; parse it when possible.
  const raw = metadata?.["raw"];
  const parsedRaw = typeof raw === "string" ? parseErrorText(raw) : undefined;
  if (typeof parsedRaw === "object") metadata = { ...metadata, raw: parsedRaw };
  const providerName = asString(metadata?.["provider_name"]);

  // As sent; when missing, OpenRouter's `http_status`/`error_type`, else the status.
  const code = ([
    err?.["code"],
    err?.["http_status"],
    err?.["error_type"],
    root?.["http_status"],
    root?.["error_type"],
  ].find((c) => typeof c === "number" || (typeof c === "string" && c)) ?? src.status) as
    | number
    | string;
  // In band, the class comes from a numeric, HTTP-like code; without one it is a plain APIError
  // carrying the response status.
  const inBandStatus = src.inBand && /^[45]\d\d$/.test(String(code)) ? Number(code) : undefined;
  const status = inBandStatus ?? src.status;
  const cls = src.inBand && !inBandStatus ? APIError : errorClassForStatus(status);

  const serverMessage =
    asString(err?.["message"]) ??
    asString(root?.["message"]) ??
    asString(root?.["error"]) ??
    (typeof body === "string" ? summarizeText(body) : undefined);
  const message = redact(
    [
      status,
      serverMessage || (body === undefined || body === "" ? "status code (no body)" : ""),
      providerName && `[${providerName}]`,
      providerMessage(metadata?.["raw"]),
    ]
      .filter(Boolean)
      .join(" "),
  );

  const headers = src.headers && redactHeaders(src.headers, redact);
  return new cls(message, {
    status,
    code,
    metadata,
    providerName,
    headers,
    requestId: (headers && requestIdOf(headers)) ?? asString(root?.["id"]),
    body,
    cause: src.cause,
  });
}

/**
 * Parses an error body's text. JSON is tried after trimming because OpenRouter sometimes sends
 * whitespace (`"\n\n{...}"`) ahead of the JSON; anything else stays text.
 */
export function parseErrorText(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Truncated or not really JSON: report the text.
    }
  }
  return text;
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
  const event = asObject(value);
  return !!asObject(event?.["error"]) || event?.["type"] === "error";
}

/** The upstream provider's own message from `metadata.raw` (a string, or an error object). */
function providerMessage(raw: unknown): string | undefined {
  let text: string | undefined;
  if (typeof raw === "string") text = raw.trim();
  else if (typeof raw === "object" && raw) {
    const object = raw as JsonObject;
    const error = object["error"];
    text =
      asString(asObject(error)?.["message"]) ??
      asString(error) ??
      asString(object["message"]) ??
      asString(object["detail"]) ??
      JSON.stringify(raw);
  }
  return text ? truncate(text, 300) : undefined;
}

/** Turns an HTML error page into one readable line: tags stripped, whitespace collapsed, truncated. */
function summarizeText(text: string): string {
  const stripped = /<[a-z!/]/i.test(text)
    ? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ")
    : text;
  return truncate(stripped.replace(/\s+/g, " ").trim(), 200);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}
