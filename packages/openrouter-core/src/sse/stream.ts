import { createParser, type SSEMessage } from "./parse.js";

/** Options for {@link SSEDecoderStream}. */
export interface SSEDecoderStreamOptions {
  /** Called for every comment line (`: OPENROUTER PROCESSING` keep-alives). @default undefined */
  onComment?: (comment: string) => void;
  /** Called for every chunk received, before parsing; the idle timer hooks in here. @default undefined */
  onChunk?: () => void;
}

/**
 * A `TransformStream` from raw event-stream bytes (or already-decoded strings) to parsed
 * {@link SSEMessage}s, e.g. `response.body.pipeThrough(new SSEDecoderStream())`. A thin adapter over
 * the pure parser (after eventsource-parser's `src/stream.ts`).
 */
export interface SSEDecoderStream extends TransformStream<Uint8Array | string, SSEMessage> {}

/**
 * The {@link SSEDecoderStream} constructor. Built by a pure-annotated factory rather than declared
 * as `class … extends TransformStream`: bundlers must keep a class whose base is a global (reading
 * it could throw), so the declaration would land in every bundle, used or not.
 */
export const SSEDecoderStream: new (options?: SSEDecoderStreamOptions) => SSEDecoderStream =
  /* @__PURE__ */ defineDecoderStream();

function defineDecoderStream() {
  return class SSEDecoderStream extends TransformStream<Uint8Array | string, SSEMessage> {
    constructor(options: SSEDecoderStreamOptions = {}) {
      // `stream: true` keeps an incomplete UTF-8 sequence at a chunk's end for the next chunk, so a
      // multibyte character split across network reads decodes intact. The decoder drops a BOM.
      const decoder = new TextDecoder();
      let parser: ReturnType<typeof createParser> | undefined;
      super({
        start(controller) {
          parser = createParser({
            onEvent: (message) => controller.enqueue(message),
            onComment: options.onComment,
          });
        },
        transform(chunk) {
          options.onChunk?.();
          parser!.feed(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
        },
        flush() {
          parser!.feed(decoder.decode());
          parser!.reset({ consume: true });
        },
      });
    }
  };
}
