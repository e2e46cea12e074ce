/** A header map as accepted in options: `undefined` is skipped, `null` removes the header. */
export type HeadersInput = Headers | Record<string, string | null | undefined>;

/**
 * Merges header sources left to right into one plain object with lower-case names; later sources
 * win, `null` deletes. A plain object rather than `Headers`: fetch copies whatever it is given into
 * its own header list, and copying a `Headers` (sorted iteration, re-validation) costs more than
 * the object. Invalid names or values are still rejected, by fetch, before anything is sent.
 */
export function mergeHeaders(
  ...sources: ReadonlyArray<HeadersInput | undefined>
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of sources) {
    if (!source) continue;
    const entries = source instanceof Headers ? source : Object.entries(source);
    for (const [key, value] of entries) {
      const name = key.toLowerCase();
      if (value === null) delete out[name];
      else if (value !== undefined) out[name] = value;
    }
  }
  return out;
}
