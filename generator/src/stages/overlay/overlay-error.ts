/**
 * Thrown when an overlay document is invalid or one of its actions cannot be applied.
 * It names the overlay file and the JSON pointer (RFC 6901) of the offending part of that file,
 * e.g. `spec/overlays/010-x.yaml#/actions/3/target`, so the fix is one jump away.
 *
 * A target that matches nothing is not an `OverlayError`: that is reported in
 * `OverlayResult.unmatched` instead.
 */
export class OverlayError extends Error {
  override name = "OverlayError";
  constructor(
    /** The overlay file (as given in `LoadedOverlay.file`). */
    readonly file: string,
    /** JSON pointer into the overlay document, e.g. `/actions/3/target`; `""` is the whole file. */
    readonly pointer: string,
    /** What is wrong, without the location (it is prefixed automatically). */
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}#${pointer}: ${detail}`, options);
  }
}

/** Builds a JSON pointer (RFC 6901) from keys, escaping `~` and `/`. */
export function toJsonPointer(keys: ReadonlyArray<string | number>): string {
  return keys.map((k) => "/" + String(k).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
