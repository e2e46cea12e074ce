/**
 * A pure, push-based parser for the `text/event-stream` format (WHATWG HTML, "Server-sent events",
 * §9.2.6 "Interpreting an event stream"). No I/O and no timers: feed it strings, get callbacks.
 * Modelled on eventsource-parser's `createParser` (rexxars/eventsource-parser, `src/parse.ts`).
 */

/** One dispatched event. */
export interface SSEMessage {
  /** The `event:` field, when the server set one (`/messages` does; chat completions don't). */
  event: string | undefined;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The `id:` field, when set. */
  id: string | undefined;
}

/** What the parser reports. Only `onEvent` is required. */
export interface ParserCallbacks {
  /** A complete event (a blank line ended it and it had at least one `data:` line). */
  onEvent(message: SSEMessage): void;
  /** A comment line, without its leading `:` and one optional space (OpenRouter's keep-alives). */
  onComment?(comment: string): void;
  /** A valid `retry:` field, in milliseconds. */
  onRetry?(ms: number): void;
}

/** A parser instance. */
export interface SSEParser {
  /** Pushes the next piece of decoded text. Pieces may split anywhere, even inside a CRLF. */
  feed(chunk: string): void;
  /**
   * Ends the stream. With `consume: true`, a final line without a terminator is processed and a
   * pending event without its blank line is dispatched (lenient: the HTML spec would drop it, but a
   * server that closes cleanly after the last event meant to send it). Otherwise pending state is
   * discarded. The parser can be reused afterwards.
   */
  reset(options?: { consume?: boolean }): void;
}

// A byte-order mark is only meaningful as the very first character of the stream.
const BOM = "\uFEFF";

/** Creates a parser. */
export function createParser(callbacks: ParserCallbacks): SSEParser {
  // The unterminated rest of the text (a huge line arriving in many small chunks is concatenated
  // cheaply and never scanned again).
  let pending: string;
  // A character the next chunk drops if it starts with it: the BOM at the start of the stream, or
  // the LF completing a CRLF whose CR ended the previous chunk (that CR already ended the line).
  let skip: string;
  let data: string | undefined;
  let eventName: string | undefined;
  let lastId: string | undefined;

  function feed(chunk: string): void {
    if (!chunk) return;
    if (chunk[0] === skip) chunk = chunk.slice(1);
    skip = chunk.endsWith("\r") ? "\n" : "";
    // Only the new text is scanned: the pending text holds no line break.
    const lines = chunk.split(/\r\n?|\n/);
    lines[0] = pending + lines[0];
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line) {
        // A blank line ends the event. One without data lines is not dispatched, but its name is
        // still reset (spec step 2).
        if (data !== undefined)
          callbacks.onEvent({ event: eventName || undefined, data, id: lastId });
        data = eventName = undefined;
        continue;
      }
      // The field name runs to the first colon (the whole line without one); one optional space
      // after the colon is not part of the value. `[^]` also matches U+2028/U+2029, unlike `.`.
      const [, field, value = ""] = /^([^:]*):? ?([^]*)/.exec(line)!;
      if (field === "data") data = data === undefined ? value : `${data}\n${value}`;
      else if (field === "event") eventName = value;
      // The spec ignores ids containing NULL so they cannot truncate Last-Event-ID headers.
      else if (field === "id") lastId = value.includes("\0") ? lastId : value;
      else if (field === "retry") {
        if (/^\d+$/.test(value)) callbacks.onRetry?.(Number(value));
      }
      // A comment (OpenRouter's `: OPENROUTER PROCESSING` keep-alives).
      else if (!field) callbacks.onComment?.(value);
      // Unknown fields are ignored, per spec.
    }
  }

  function reset(options?: { consume?: boolean }): void {
    // A blank line ends a final unterminated line and dispatches the pending event.
    if (options?.consume) feed("\n\n");
    pending = "";
    data = eventName = lastId = undefined;
    skip = BOM;
  }

  // The initial state is the reset one.
  reset();
  return { feed, reset };
}
