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

/** Creates a parser. */
export function createParser(callbacks: ParserCallbacks): SSEParser {
  // Pieces of the current unterminated line. Kept as an array and joined once per line, so a huge
  // line arriving in many small chunks costs O(n) rather than O(n²) from repeated concatenation.
  let fragments: string[] = [];
  // The last chunk ended with CR: if the next one starts with LF, that LF belongs to the same CRLF.
  let skipLeadingLF = false;
  let atStreamStart = true;
  let data: string | string[] | undefined;
  let eventName: string | undefined;
  let lastId: string | undefined;

  function feed(input: string): void {
    let chunk = input;
    if (atStreamStart && chunk.length > 0) {
      // A byte-order mark is only meaningful as the very first character of the stream.
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      atStreamStart = false;
    }
    let lineStart = 0;
    const length = chunk.length;
    if (skipLeadingLF && length > 0) {
      if (chunk.charCodeAt(0) === 0x0a) lineStart = 1;
      skipLeadingLF = false;
    }
    // Scan with indexOf (native) rather than char by char; the next CR and LF positions are
    // remembered and searched again only once passed.
    let lf = chunk.indexOf("\n", lineStart);
    let cr = chunk.indexOf("\r", lineStart);
    while (lf !== -1 || cr !== -1) {
      let end: number;
      let next: number;
      if (cr === -1 || (lf !== -1 && lf < cr)) {
        end = lf;
        next = lf + 1;
      } else {
        end = cr;
        if (cr + 1 < length) {
          next = chunk.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1;
        } else {
          next = cr + 1;
          skipLeadingLF = true;
        }
      }
      let line: string;
      if (fragments.length === 0) {
        line = chunk.slice(lineStart, end);
      } else {
        fragments.push(chunk.slice(lineStart, end));
        line = fragments.join("");
        fragments = [];
      }
      lineStart = next;
      processLine(line);
      if (lf !== -1 && lf < next) lf = chunk.indexOf("\n", next);
      if (cr !== -1 && cr < next) cr = chunk.indexOf("\r", next);
    }
    if (lineStart < length) fragments.push(chunk.slice(lineStart));
  }

  function processLine(line: string): void {
    const length = line.length;
    if (length === 0) {
      dispatch();
      return;
    }
    const first = line.charCodeAt(0);
    if (first === 0x3a /* ":" */) {
      callbacks.onComment?.(line.charCodeAt(1) === 0x20 ? line.slice(2) : line.slice(1));
      return;
    }
    // Fast path for the overwhelmingly common `data:` line.
    if (
      first === 0x64 /* d */ &&
      line.charCodeAt(4) === 0x3a &&
      line.charCodeAt(1) === 0x61 &&
      line.charCodeAt(2) === 0x74 &&
      line.charCodeAt(3) === 0x61
    ) {
      pushData(line.slice(line.charCodeAt(5) === 0x20 ? 6 : 5));
      return;
    }
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    switch (field) {
      case "data":
        pushData(value);
        break;
      case "event":
        eventName = value;
        break;
      case "id":
        // The spec ignores ids containing NULL so they cannot truncate Last-Event-ID headers.
        if (!value.includes("\u0000")) lastId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) callbacks.onRetry?.(Number(value));
        break;
      default:
        // Unknown fields are ignored, per spec.
        break;
    }
  }

  // The first data line is kept as a string; an array only for multi-line data.
  function pushData(value: string): void {
    if (data === undefined) data = value;
    else if (typeof data === "string") data = [data, value];
    else data.push(value);
  }

  function dispatch(): void {
    // An event with no data lines is not dispatched, but its name is still reset (spec step 2).
    if (data !== undefined) {
      const joined = typeof data === "string" ? data : data.join("\n");
      data = undefined;
      callbacks.onEvent({ event: eventName || undefined, data: joined, id: lastId });
    }
    eventName = undefined;
  }

  function reset(options?: { consume?: boolean }): void {
    if (options?.consume) {
      if (fragments.length > 0) processLine(fragments.join(""));
      dispatch();
    }
    fragments = [];
    data = undefined;
    eventName = undefined;
    lastId = undefined;
    skipLeadingLF = false;
    atStreamStart = true;
  }

  return { feed, reset };
}
