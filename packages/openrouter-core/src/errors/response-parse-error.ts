import type { Redactor } from "../internal/redact.js";
import { OpenRouterError } from "./openrouter-error.js";

/**
 * A 2xx response (or an event in a stream) could not be decoded: invalid JSON, or an event
 * stream was expected and something else arrived. `raw` holds the offending text (truncated).
 */
export class ResponseParseError extends OpenRouterError {
  static override readonly errorName: string = "ResponseParseError";

  /** The text that failed to parse, truncated to 1,000 characters. */
  declare readonly raw: string;

  constructor(message: string, raw: string, options?: { cause?: unknown }) {
    super(message, options);
    this.raw = raw.length > 1000 ? `${raw.slice(0, 1000)}…` : raw;
  }
}

/**
 * `JSON.parse(text)`, or a ResponseParseError saying `<what> is not valid JSON: <text>`, its preview
 * cut at 200 characters after redaction (so no part of a key straddling the cut can show).
 */
export function parseJsonText(text: string, what: string, redact: Redactor): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const raw = redact(text);
    throw new ResponseParseError(`${what} is not valid JSON: ${raw.slice(0, 200)}`, raw, {
      cause: error,
    });
  }
}
