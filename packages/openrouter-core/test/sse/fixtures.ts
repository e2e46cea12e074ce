import type { SSEMessage } from "../../src/index.js";

/**
 * A realistic OpenRouter chat stream, hostile in every way the parser must survive: a BOM,
 * dozens of keep-alive comments before the first token, mixed CRLF / LF / CR line endings,
 * multibyte UTF-8 (2-, 3- and 4-byte), a multi-line data field, a named event, and [DONE].
 */
export const HOSTILE_STREAM =
  "\uFEFF" +
  ": OPENROUTER PROCESSING\n\n".repeat(30) +
  'data: {"id":"gen-1","choices":[{"delta":{"content":"héllo "}}]}\r\n\r\n' +
  ": OPENROUTER PROCESSING\r\n\r\n" +
  'data: {"id":"gen-1","choices":[{"delta":{"content":"世界 🎉"}}]}\r\r' +
  "event: response.output_text.delta\n" +
  'data: {"type":"response.output_text.delta",\n' +
  'data: "delta":"ß∂ƒ"}\n\n' +
  "id: 42\nretry: 1000\n" +
  'data: {"id":"gen-1","choices":[{"delta":{},"finish_reason":"stop"}]}\n\n' +
  "data: [DONE]\n\n";

export const HOSTILE_EVENTS: SSEMessage[] = [
  {
    event: undefined,
    id: undefined,
    data: '{"id":"gen-1","choices":[{"delta":{"content":"héllo "}}]}',
  },
  {
    event: undefined,
    id: undefined,
    data: '{"id":"gen-1","choices":[{"delta":{"content":"世界 🎉"}}]}',
  },
  {
    event: "response.output_text.delta",
    id: undefined,
    data: '{"type":"response.output_text.delta",\n"delta":"ß∂ƒ"}',
  },
  {
    event: undefined,
    id: "42",
    data: '{"id":"gen-1","choices":[{"delta":{},"finish_reason":"stop"}]}',
  },
  { event: undefined, id: "42", data: "[DONE]" },
];

/** Cuts `input` at the given (sorted, deduplicated) offsets. */
export function splitAt<T extends { slice(a: number, b?: number): T; length: number }>(
  input: T,
  offsets: number[],
): T[] {
  const cuts = [...new Set(offsets)].filter((o) => o > 0 && o < input.length).sort((a, b) => a - b);
  const parts: T[] = [];
  let start = 0;
  for (const cut of cuts) {
    parts.push(input.slice(start, cut));
    start = cut;
  }
  parts.push(input.slice(start));
  return parts;
}
