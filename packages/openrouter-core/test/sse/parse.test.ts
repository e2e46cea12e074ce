import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createParser, type SSEMessage } from "../../src/index.js";
import { HOSTILE_EVENTS, HOSTILE_STREAM, splitAt } from "./fixtures.js";

/** Feeds chunks to a fresh parser and records everything it reports. */
function parseAll(chunks: string[], consume = false) {
  const events: SSEMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = createParser({
    onEvent: (e) => events.push(e),
    onComment: (c) => comments.push(c),
    onRetry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) parser.feed(chunk);
  parser.reset({ consume });
  return { events, comments, retries };
}

const ev = (data: string, extra: Partial<SSEMessage> = {}): SSEMessage => ({
  event: undefined,
  id: undefined,
  data,
  ...extra,
});

describe("createParser", () => {
  const cases: Array<[string, string[], SSEMessage[]]> = [
    ["one event", ["data: hi\n\n"], [ev("hi")]],
    ["no space after colon", ["data:hi\n\n"], [ev("hi")]],
    ["only the first space is stripped", ["data:  hi\n\n"], [ev(" hi")]],
    ["multi-line data joined with \\n", ["data: a\ndata: b\n\n"], [ev("a\nb")]],
    ["CRLF", ["data: a\r\n\r\n"], [ev("a")]],
    ["bare CR", ["data: a\r\rdata: b\r\r"], [ev("a"), ev("b")]],
    ["CR at chunk end, LF at next chunk start", ["data: a\r", "\n\r", "\n"], [ev("a")]],
    ["comments skipped", [": OPENROUTER PROCESSING\n\n: x\ndata: a\n\n"], [ev("a")]],
    [
      "event name kept and reset per event",
      ["event: ping\ndata: 1\n\ndata: 2\n\n"],
      [ev("1", { event: "ping" }), ev("2")],
    ],
    [
      "id persists",
      ["id: 7\ndata: 1\n\ndata: 2\n\n"],
      [ev("1", { id: "7" }), ev("2", { id: "7" })],
    ],
    ["event without data is not dispatched", ["event: x\n\ndata: y\n\n"], [ev("y")]],
    ["empty data line still dispatches", ["data:\n\n"], [ev("")]],
    ["field without colon", ["data\n\n"], [ev("")]],
    ["unknown fields ignored", ["foo: bar\ndata: a\n\n"], [ev("a")]],
    ["BOM at the start only", ["\uFEFFdata: \uFEFFa\n\n"], [ev("\uFEFFa")]],
    ["incomplete event is not dispatched without consume", ["data: a\n"], []],
    [
      "field names near `data` are not data",
      ["dat: x\ndatum: y\ndataa: z\ndata: a\n\n"],
      [ev("a")],
    ],
    ["CR at chunk end, next chunk starts with data", ["data: a\r", "data: b\r\r"], [ev("a\nb")]],
    ["mixed CR, LF and CRLF in one chunk", ["data: a\rdata: b\ndata: c\r\n\r\n"], [ev("a\nb\nc")]],
    [
      "empty chunks change nothing",
      ["", "\uFEFF", "", "data: a\r", "", "\n\r", "", "\n"],
      [ev("a")],
    ],
    [
      "U+2028 and U+2029 are not line breaks",
      ["data: a\u2028b\u2029c\n\n"],
      [ev("a\u2028b\u2029c")],
    ],
    ["a colon in the value is kept", ['data: {"a":1}\n\n'], [ev('{"a":1}')]],
    [
      "multi-line data then single-line",
      ["data: a\ndata: b\n\ndata: c\n\n"],
      [ev("a\nb"), ev("c")],
    ],
  ];
  it.each(cases)("%s", (_name, chunks, want) => {
    expect(parseAll(chunks).events).toEqual(want);
  });

  it("reports comments and retry", () => {
    const got = parseAll([": OPENROUTER PROCESSING\nretry: 1500\nretry: soon\n"]);
    expect(got.comments).toEqual(["OPENROUTER PROCESSING"]);
    expect(got.retries).toEqual([1500]);
  });

  it("dispatches a trailing event at end of stream with consume", () => {
    expect(parseAll(["data: a\ndata: b"], true).events).toEqual([ev("a\nb")]);
  });

  it("dispatches at consume an event whose last line ended with CR", () => {
    expect(parseAll(["data: a\r"], true).events).toEqual([ev("a")]);
  });

  it("can be reused after reset(), which discards pending state", () => {
    const events: SSEMessage[] = [];
    const parser = createParser({ onEvent: (e) => events.push(e) });
    parser.feed("id: 1\nevent: x\ndata: lost\n");
    parser.reset();
    parser.feed("\uFEFFdata: b\n\n");
    expect(events).toEqual([ev("b")]);
  });

  it("handles a huge line delivered one character at a time", () => {
    const big = "x".repeat(200_000);
    const chunks = splitAt(
      `data: ${big}\n\n`,
      Array.from({ length: 2000 }, (_, i) => i * 100),
    );
    expect(parseAll(chunks).events).toEqual([ev(big)]);
  });

  it("yields identical events however the stream is split", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: HOSTILE_STREAM.length }), { maxLength: 60 }),
        (offsets) => {
          expect(parseAll(splitAt(HOSTILE_STREAM, offsets)).events).toEqual(HOSTILE_EVENTS);
        },
      ),
      { numRuns: 500 },
    );
  });
});
