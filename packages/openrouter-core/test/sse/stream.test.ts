import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SSEDecoderStream, type SSEMessage } from "../../src/index.js";
import { HOSTILE_EVENTS, HOSTILE_STREAM, splitAt } from "./fixtures.js";

async function decode(chunks: Uint8Array[]): Promise<SSEMessage[]> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(c));
      controller.close();
    },
  });
  const events: SSEMessage[] = [];
  const reader = source.pipeThrough(new SSEDecoderStream()).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) events.push(r.value);
  return events;
}

describe("SSEDecoderStream", () => {
  const bytes = new TextEncoder().encode(HOSTILE_STREAM);

  it("decodes the whole byte sequence", async () => {
    expect(await decode([bytes])).toEqual(HOSTILE_EVENTS);
  });

  it("yields identical events for any byte split, including inside UTF-8 characters and CRLF", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: bytes.length }), { maxLength: 80 }),
        async (offsets) => {
          expect(await decode(splitAt(bytes, offsets))).toEqual(HOSTILE_EVENTS);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survives one byte per chunk", async () => {
    const single = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(await decode(single)).toEqual(HOSTILE_EVENTS);
  });

  it("flushes a final event without its blank line", async () => {
    expect(await decode([new TextEncoder().encode('data: {"a":1}')])).toEqual([
      { event: undefined, id: undefined, data: '{"a":1}' },
    ]);
  });
});
