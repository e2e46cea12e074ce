/** A header map as accepted in options: `undefined` is skipped, `null` removes the header. */
export type HeadersInput = Headers | Record<string, string | null | undefined>;

/** Merges header sources left to right; later sources win, `null` deletes. */
export function mergeHeaders(...sources: ReadonlyArray<HeadersInput | undefined>): Headers {
  const out = new Headers();
  for (const source of sources) {
    if (!source) continue;
    if (source instanceof Headers) {
      source.forEach((value, key) => out.set(key, value));
      continue;
    }
    for (const [key, value] of Object.entries(source)) {
      if (value === null) out.delete(key);
      else if (value !== undefined) out.set(key, value);
    }
  }
  return out;
}
