import { redactDeep, redactHeaders, type Redactor } from "../internal/redact.js";
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

const MAX_TEXT = 200;

/**
 * The one error factory: picks the class from the status table and fills every field. Handles the
 * body shapes seen in the wild: `{error:{code,message,metadata}}` (code numeric, string or
 * missing), `{message}` / `{type:"error",code,message}`, non-JSON text (an HTML page from a proxy),
 * and no body at all. Everything that reaches the error is redacted.
 */
export function createAPIError(src: ErrorSource): APIError {
  const body = redactDeep(src.body, src.redact);
  const root = isObject(body) ? body : undefined;
  const err = root && isObject(root["error"]) ? root["error"] : root;

  const metadata = err && isObject(err["metadata"]) ? parseRawMetadata(err["metadata"]) : undefined;
  const providerName = asString(metadata?.["provider_name"]);
  const code = pickCode(err, root, src.status);
  // In band: the status a numeric, HTTP-like code names (`undefined` when none: plain APIError).
  const inBandStatus = src.inBand ? httpLikeStatus(code) : 0;
  const status = inBandStatus || src.status;
  const cls = inBandStatus === undefined ? APIError : errorClassForStatus(status);

  const serverMessage =
    asString(err?.["message"]) ??
    asString(root?.["message"]) ??
    asString(root?.["error"]) ??
    (typeof body === "string" ? summarizeText(body) : undefined);
  const message = src.redact(
    [
      String(status),
      serverMessage || (body === undefined || body === "" ? "status code (no body)" : undefined),
      providerSuffix(providerName, metadata?.["raw"]),
    ]
      .filter(Boolean)
      .join(" "),
  );

  const headers = src.headers ? redactHeaders(src.headers, src.redact) : undefined;
  return new cls(message, {
    status,
    code,
    metadata,
    providerName,
    headers,
    requestId:
      headers?.get("x-request-id") ?? headers?.get("x-generation-id") ?? asString(root?.["id"]),
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
    isObject(value) &&
    isObject(value["error"]) &&
    !["choices", "data", "output", "object", "results"].some((k) => k in value)
  );
}

/**
 * True for a stream event that reports a failure: a non-null top-level `error` (chat chunks with or
 * without `choices`, Anthropic-style `/messages` events) or `type: "error"` (`/responses` events).
 */
export function isStreamErrorEvent(value: unknown): boolean {
  return isObject(value) && (isObject(value["error"]) || value["type"] === "error");
}

function pickCode(err: JsonObject | undefined, root: JsonObject | undefined, status: number) {
  for (const candidate of [
    err?.["code"],
    err?.["http_status"],
    err?.["error_type"],
    root?.["http_status"],
    root?.["error_type"],
  ]) {
    if (typeof candidate === "number" || (typeof candidate === "string" && candidate)) {
      return candidate;
    }
  }
  return status;
}

/** A numeric (or numeric-string) code in the HTTP error range, else undefined. */
function httpLikeStatus(code: number | string): number | undefined {
  const n = typeof code === "number" || /^\d{3}$/.test(code) ? Number(code) : NaN;
  return Number.isInteger(n) && n >= 400 && n <= 599 ? n : undefined;
}

/** Providers' own error bodies arrive as a JSON string in `metadata.raw`; parse it when possible. */
function parseRawMetadata(metadata: JsonObject): JsonObject {
  const raw = metadata["raw"];
  if (typeof raw !== "string") return metadata;
  const parsed = parseErrorText(raw);
  return isObject(parsed) || Array.isArray(parsed) ? { ...metadata, raw: parsed } : metadata;
}

function providerSuffix(providerName: string | undefined, raw: unknown): string | undefined {
  const rawMessage = rawProviderMessage(raw);
  return providerName ? `[${providerName}]${rawMessage ? ` ${rawMessage}` : ""}` : rawMessage;
}

function rawProviderMessage(raw: unknown): string | undefined {
  if (typeof raw === "string") return truncate(raw.trim(), 300) || undefined;
  if (isObject(raw)) {
    const error = raw["error"];
    const message =
      (isObject(error) ? asString(error["message"]) : asString(error)) ??
      asString(raw["message"]) ??
      asString(raw["detail"]);
    if (message) return truncate(message, 300);
  } else if (!Array.isArray(raw)) return undefined;
  return truncate(JSON.stringify(raw), 300);
}

/** Turns an HTML error page into one readable line: tags stripped, whitespace collapsed, truncated. */
function summarizeText(text: string): string {
  const stripped = /<[a-z!/]/i.test(text)
    ? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ")
    : text;
  return truncate(stripped.replace(/\s+/g, " ").trim(), MAX_TEXT);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}
