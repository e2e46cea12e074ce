/**
 * How a schema's `oneOf`/`anyOf` looks once `null` is set aside. `anyOf: [X,
 * {type: null}]`, `allOf: [X], nullable: true` and X with `type: [..., "null"]`
 * all mean "X or null"; unwrapping lets them compare as X, with nullability
 * compared on its own.
 */
import { allowsNull, isNullOnly, typeSetOf, type SchemaObject } from "./schema-types.js";

/** Resolves a node (following `$ref`s) and merges its `allOf`, in one document. */
export type Flatten = (node: unknown) => SchemaObject;

/** A schema as compared: unwrapped from a single-variant union, with its non-null variants. */
export interface Effective {
  schema: SchemaObject;
  /** The node `schema` came from, still a `$ref` if it was one (variant matching wants the name). */
  node: unknown;
  /** Non-null variants, when more than one is left (or the schema has its own fields too). */
  union?: unknown[];
}

/** The `oneOf` (or else `anyOf`) list of a schema. */
export function unionOf(schema: SchemaObject): unknown[] | undefined {
  if (Array.isArray(schema.oneOf)) return schema.oneOf;
  if (Array.isArray(schema.anyOf)) return schema.anyOf;
  return undefined;
}

/** Whether `null` is allowed; `undefined` for an untyped schema, which says nothing either way. */
export function nullableOf(schema: SchemaObject, flatten: Flatten): boolean | undefined {
  const union = unionOf(schema);
  if (union) return allowsNull(schema) || union.some((v) => allowsNull(flatten(v)));
  if (typeSetOf(schema) === undefined && schema.nullable !== true) return undefined;
  return allowsNull(schema);
}

/** Unwraps `schema` (from `node`) while its union has exactly one non-null variant. */
export function effectiveSchema(schema: SchemaObject, node: unknown, flatten: Flatten): Effective {
  // A few hops cover `anyOf: [{$ref: A}, null]` where A is itself such a wrapper.
  for (let hops = 0; hops < 8; hops++) {
    const union = unionOf(schema)?.filter((v) => !isNullOnly(flatten(v)));
    if (!union || union.length === 0) return { schema, node };
    if (union.length > 1 || schema.properties || schema.items) return { schema, node, union };
    node = union[0];
    schema = flatten(node);
  }
  return { schema, node };
}
