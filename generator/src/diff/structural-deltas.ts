/**
 * Deltas about an object's fields and a union's variants, worded and bumped for
 * the direction data flows: callers break when inputs narrow, readers break
 * when outputs widen or lose something they relied on.
 */
import type { SchemaDelta } from "./delta-tree.js";
import type { Direction } from "./types.js";

/** A field that exists only in the old schema: someone sent or read it. */
export function fieldRemoved(direction: Direction): SchemaDelta {
  return { kind: `${direction}-field-removed`, bump: "major", predicate: "was removed" };
}

/** A field that exists only in the new schema; only a new required input breaks callers. */
export function fieldAdded(direction: Direction, required: boolean): SchemaDelta {
  if (direction === "response") {
    return { kind: "response-field-added", bump: "minor", predicate: "was added" };
  }
  return required
    ? { kind: "request-field-added", bump: "major", predicate: "was added and is required" }
    : { kind: "request-field-added", bump: "minor", predicate: "was added (optional)" };
}

/** A field listed in `required` now but not before. */
export function fieldNowRequired(direction: Direction): SchemaDelta {
  return direction === "request"
    ? { kind: "request-field-required", bump: "major", predicate: "is now required" }
    : { kind: "response-field-required", bump: "minor", predicate: "is now always present" };
}

/** A field no longer listed in `required`: readers who relied on it must now check. */
export function fieldNowOptional(direction: Direction): SchemaDelta {
  return direction === "request"
    ? { kind: "request-field-optional", bump: "minor", predicate: "is now optional" }
    : {
        kind: "response-field-optional",
        bump: "major",
        predicate: "is now optional (may be missing)",
      };
}

/** A union variant only in the new schema; like an enum value, it breaks no one at runtime. */
export function variantAdded(label: string): SchemaDelta {
  return { kind: "variant-added", bump: "minor", predicate: `has a new variant \`${label}\`` };
}

/** A union variant only in the old schema. */
export function variantRemoved(direction: Direction, label: string): SchemaDelta {
  // A caller who sent the removed shape breaks; a reader who handled it just has dead code.
  return {
    kind: "variant-removed",
    bump: direction === "request" ? "major" : "minor",
    predicate: `lost variant \`${label}\``,
  };
}
