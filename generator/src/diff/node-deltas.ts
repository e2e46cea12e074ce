/**
 * Changes to the keywords of one schema node (not its children), with the bump
 * each implies for the given direction. Requests may widen and responses may
 * narrow without breaking anyone; the reverse breaks code that compiled before.
 */
import type { SchemaDelta } from "./delta-tree.js";
import {
  enumOf,
  formatTypes,
  isTypeSubset,
  typeSetOf,
  withoutNull,
  type SchemaObject,
} from "./schema-types.js";
import type { Direction } from "./types.js";

const show = (value: unknown): string => `\`${JSON.stringify(value)}\``;

/** `deprecated` flips: newly deprecated is minor (a heads-up), un-deprecated is patch. */
export function deprecationDeltas(oldS: SchemaObject, newS: SchemaObject): SchemaDelta[] {
  const was = oldS.deprecated === true;
  const is = newS.deprecated === true;
  if (was === is) return [];
  return is
    ? [{ kind: "deprecated", bump: "minor", predicate: "is now deprecated" }]
    : [{ kind: "undeprecated", bump: "patch", predicate: "is no longer deprecated" }];
}

/** Documentation-only keywords; any change is a patch. */
export function docDeltas(oldS: SchemaObject, newS: SchemaObject): SchemaDelta[] {
  const deltas: SchemaDelta[] = [];
  if (oldS.description !== newS.description || oldS.title !== newS.title) {
    deltas.push({ kind: "description-changed", bump: "patch", predicate: "has a new description" });
  }
  // Examples can be large; compare them only when both sides have one.
  const oldEx = oldS.example ?? oldS.examples;
  const newEx = newS.example ?? newS.examples;
  if (
    (oldEx === undefined) !== (newEx === undefined) ||
    (oldEx !== undefined && JSON.stringify(oldEx) !== JSON.stringify(newEx))
  ) {
    deltas.push({ kind: "example-changed", bump: "patch", predicate: "has a new example" });
  }
  return deltas;
}

/**
 * Enum values added or removed. Added values are minor either way: unknown enum
 * values never break users at runtime. A removed value breaks callers who send
 * it; a response that stops returning a value breaks no one.
 */
export function enumDeltas(
  oldS: SchemaObject,
  newS: SchemaObject,
  direction: Direction,
): SchemaDelta[] {
  // `null` in an enum is nullability, which nullabilityDeltas reports once for every spelling of it.
  const oldValues = enumOf(oldS)?.filter((v) => v !== null);
  const newValues = enumOf(newS)?.filter((v) => v !== null);
  if (!oldValues && !newValues) return [];
  if (!oldValues) {
    return [
      {
        kind: "enum-restricted",
        bump: direction === "request" ? "major" : "minor",
        predicate: `is now limited to ${newValues!.map(show).join(", ")}`,
      },
    ];
  }
  if (!newValues) {
    return [
      {
        kind: "enum-relaxed",
        bump: "minor",
        predicate: "is no longer limited to a fixed set of values",
      },
    ];
  }
  const oldKeys = new Set(oldValues.map((v) => JSON.stringify(v)));
  const newKeys = new Set(newValues.map((v) => JSON.stringify(v)));
  const deltas: SchemaDelta[] = [];
  for (const value of newValues) {
    if (!oldKeys.has(JSON.stringify(value)))
      deltas.push({
        kind: "enum-value-added",
        bump: "minor",
        predicate: `gained enum value ${show(value)}`,
      });
  }
  for (const value of oldValues) {
    if (!newKeys.has(JSON.stringify(value))) {
      deltas.push({
        kind: "enum-value-removed",
        bump: direction === "request" ? "major" : "minor",
        predicate: `lost enum value ${show(value)}`,
      });
    }
  }
  return deltas;
}

/**
 * Type changes. Returns `incompatible: true` when the kinds of value differ
 * outright, so callers stop comparing children that no longer line up.
 */
export function typeDeltas(
  oldS: SchemaObject,
  newS: SchemaObject,
  direction: Direction,
): { deltas: SchemaDelta[]; incompatible: boolean } {
  const oldFull = typeSetOf(oldS);
  const newFull = typeSetOf(newS);
  // An untyped side says nothing we can compare against; unions are left to variant matching.
  if (!oldFull || !newFull) return { deltas: [], incompatible: false };
  // Nullability is reported by nullabilityDeltas, unless one side is null and nothing else.
  const [oldTypes, newTypes] =
    withoutNull(oldFull).size > 0 && withoutNull(newFull).size > 0
      ? [withoutNull(oldFull), withoutNull(newFull)]
      : [oldFull, newFull];
  const widened = isTypeSubset(oldTypes, newTypes);
  const narrowed = isTypeSubset(newTypes, oldTypes);
  if (widened && narrowed) return { deltas: [], incompatible: false };
  const from = formatTypes(oldTypes);
  const to = formatTypes(newTypes);
  const safe = direction === "request" ? widened : narrowed;
  if (safe) {
    const kind = widened ? "type-widened" : "type-narrowed";
    return {
      deltas: [{ kind, bump: "minor", predicate: `changed type from \`${from}\` to \`${to}\`` }],
      incompatible: false,
    };
  }
  const overlap = [...oldTypes].some((t) => isTypeSubset(new Set([t]), newTypes));
  return {
    deltas: [
      {
        kind: "type-changed",
        bump: "major",
        predicate: `changed type from \`${from}\` to \`${to}\``,
      },
    ],
    incompatible: !overlap,
  };
}

/**
 * `null` allowed or not any more. A request that accepts `null` too is safe;
 * a response that may now be `null` breaks code that reads it without a check.
 */
export function nullabilityDeltas(
  wasNullable: boolean | null,
  isNullable: boolean | null,
  direction: Direction,
): SchemaDelta[] {
  // `null` means the schema is untyped, so neither side can be compared (as in typeDeltas).
  if (wasNullable === null || isNullable === null || wasNullable === isNullable) return [];
  if (isNullable) {
    return direction === "request"
      ? [{ kind: "type-widened", bump: "minor", predicate: "now also accepts `null`" }]
      : [{ kind: "type-changed", bump: "major", predicate: "may now be `null`" }];
  }
  return direction === "request"
    ? [{ kind: "type-changed", bump: "major", predicate: "no longer accepts `null`" }]
    : [{ kind: "type-narrowed", bump: "minor", predicate: "is never `null` any more" }];
}

/** Whether a schema lets objects carry keys beyond its `properties`. */
function allowsExtraKeys(schema: SchemaObject): boolean {
  return schema.additionalProperties !== false;
}

/** `additionalProperties: false` switched on or off; only closing a request object breaks callers. */
export function extraKeyDeltas(
  oldS: SchemaObject,
  newS: SchemaObject,
  direction: Direction,
): SchemaDelta[] {
  const was = allowsExtraKeys(oldS);
  const is = allowsExtraKeys(newS);
  if (was === is) return [];
  if (was) {
    return [
      {
        kind: "additional-properties-removed",
        bump: direction === "request" ? "major" : "minor",
        predicate: "no longer allows extra keys",
      },
    ];
  }
  return [
    { kind: "additional-properties-added", bump: "minor", predicate: "now allows extra keys" },
  ];
}
