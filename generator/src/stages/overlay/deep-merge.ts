/**
 * Merges an overlay `update` object into a target object, in place.
 *
 * Overlay 1.0.0, Action Object: properties of the update replace the target's properties with the
 * same name and new properties are added. Where both sides hold an object the merge recurses;
 * arrays and scalars on the update side replace the target's value outright (to append to an
 * array, write a separate action whose target is the array).
 *
 * @see https://spec.openapis.org/overlay/v1.0.0.html#action-object
 */
export function deepMerge(target: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    // hasOwn, not `target[key]`: a "__proto__" key must never reach Object.prototype.
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(existing) && isPlainObject(value)) {
      deepMerge(existing, value);
    } else {
      // Copy so that later actions never edit the overlay document (or each other's values).
      Object.defineProperty(target, key, {
        value: structuredClone(value),
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
}

/** True for JSON objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
