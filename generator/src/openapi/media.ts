import type { ResponseKind } from "../ir/types.js";

/** Classifies a media type by how the runtime must read it. */
export function mediaKind(mediaType: string): ResponseKind {
  const type = mediaType.toLowerCase().split(";")[0]!.trim();
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "text/event-stream") return "sse";
  if (type.startsWith("text/") || type.endsWith("/xml") || type.endsWith("+xml")) return "text";
  return "binary";
}

/** Preference order when one status offers several non-stream media types. */
const MAIN_ORDER: ResponseKind[] = ["json", "binary", "text"];

export function pickMain(mediaTypes: string[]): string | undefined {
  for (const kind of MAIN_ORDER) {
    const hit = mediaTypes.find((m) => mediaKind(m) === kind);
    if (hit) return hit;
  }
  return undefined;
}
