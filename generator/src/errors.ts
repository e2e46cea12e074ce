/**
 * Errors the generator raises on purpose. `SpecError` is the spec's (or the user's input's) fault
 * and names the JSON pointer where the problem is; anything else escaping the pipeline is a bug.
 */
export class SpecError extends Error {
  override name = "SpecError";
  constructor(
    message: string,
    /** JSON pointer into the spec document, e.g. `#/paths/~1keys~1{hash}/patch`. */
    readonly pointer: string,
  ) {
    super(`${message} (at ${pointer})`);
  }
}

/** Bad command-line input or configuration: a missing file, a hash mismatch. */
export class InputError extends Error {
  override name = "InputError";
}

/** Escapes one JSON pointer token (RFC 6901). */
export function escapePointer(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Builds `#/a/b~1c` from tokens. */
export function pointerOf(...tokens: (string | number)[]): string {
  return "#/" + tokens.map((t) => escapePointer(String(t))).join("/");
}
