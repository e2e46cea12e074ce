/**
 * The set of JSON types a schema allows, so two schemas can be compared by
 * subset: a request may widen what it accepts, a response may narrow what it returns.
 */

/** A JSON Schema object, loosely typed: OpenAPI 3.0 and 3.1 keywords both appear. */
export type SchemaObject = Record<string, unknown>;

/** Reads a node as a schema object (`true`/`false`/missing schemas become `{}`). */
export function asSchema(node: unknown): SchemaObject {
  return node !== null && typeof node === "object" && !Array.isArray(node)
    ? (node as SchemaObject)
    : {};
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** The enum of a schema, with `const` treated as a one-value enum. */
export function enumOf(schema: SchemaObject): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ("const" in schema) return [schema.const];
  return undefined;
}

/**
 * The JSON types `schema` allows, or `undefined` when it does not say (an
 * untyped schema, or a union whose variants decide). 3.0 `nullable: true` and
 * 3.1 `type: [..., "null"]` both yield `null`, so a 3.0 → 3.1 move is no change.
 */
export function typeSetOf(schema: SchemaObject): Set<string> | undefined {
  let types: Set<string> | undefined;
  if (typeof schema.type === "string") types = new Set([schema.type]);
  else if (Array.isArray(schema.type))
    types = new Set(schema.type.filter((t): t is string => typeof t === "string"));
  else {
    const values = enumOf(schema);
    if (values) types = new Set(values.map(jsonTypeOf));
    else if (schema.properties || schema.additionalProperties) types = new Set(["object"]);
    else if (schema.items) types = new Set(["array"]);
  }
  if (types && schema.nullable === true) types.add("null");
  return types;
}

/** Whether a schema only allows `null` (`{type: "null"}`, `{enum: [null]}`, `{const: null}`). */
export function isNullOnly(schema: SchemaObject): boolean {
  const types = typeSetOf(schema);
  if (types) return types.size === 1 && types.has("null");
  // A bare `{nullable: true}` variant is how some 3.0 emitters (zod-to-openapi) spell "or null".
  return schema.nullable === true && !COMPOSITION.some((k) => k in schema);
}

const COMPOSITION = ["$ref", "allOf", "oneOf", "anyOf", "not"];

/**
 * Whether a schema allows `null`, however it says so: 3.0 `nullable`, a 3.1
 * `"null"` type, a `null` enum value, or a null-only `oneOf`/`anyOf` variant
 * (checked by the caller, who can follow refs).
 */
export function allowsNull(schema: SchemaObject): boolean {
  return schema.nullable === true || typeSetOf(schema)?.has("null") === true;
}

/** A copy of a type set without `null`, which is compared separately as nullability. */
export function withoutNull(types: Set<string>): Set<string> {
  const copy = new Set(types);
  copy.delete("null");
  return copy;
}

/** Whether every type in `a` is allowed by `b`; an integer fits where a number does. */
export function isTypeSubset(a: Set<string>, b: Set<string>): boolean {
  for (const t of a) if (!b.has(t) && !(t === "integer" && b.has("number"))) return false;
  return true;
}

/** A type set as users read it in TypeScript-ish form: `number | null`. */
export function formatTypes(types: Set<string>): string {
  return [...types].sort().join(" | ");
}
