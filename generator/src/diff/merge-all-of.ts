/**
 * Flattens `allOf` into one schema so composed and inlined objects compare
 * equal. OpenAPI 3.1 §4.8.24 uses JSON Schema 2020-12 §10.2.1.1 `allOf`.
 */
import type { RefResolver } from "./ref-resolver.js";
import { asSchema, type SchemaObject } from "./schema-types.js";

/** Keeps the merge of each schema object, so a shared component is merged once per document. */
export type AllOfCache = WeakMap<object, SchemaObject>;

/**
 * Merges the `allOf` parts of `schema` (refs followed) into one object:
 * properties and `required` are unioned; other keywords keep the first value
 * seen, with the outer schema first so its own description wins.
 * Returns `schema` itself when it has no `allOf`.
 */
export function mergeAllOf(
  schema: SchemaObject,
  resolver: RefResolver,
  cache: AllOfCache,
  depth = 0,
): SchemaObject {
  if (!Array.isArray(schema.allOf)) return schema;
  const cached = cache.get(schema);
  if (cached) return cached;

  const { allOf, ...own } = schema;
  const merged: SchemaObject = { ...own };
  const properties: Record<string, unknown> = { ...asSchema(own.properties) };
  const required = new Set<string>(Array.isArray(own.required) ? own.required : []);

  for (const part of allOf as unknown[]) {
    const resolved = asSchema(resolver.resolve(part).node);
    // Nested allOf is flattened too; the depth limit only stops self-including parts.
    const flat = depth < 16 ? mergeAllOf(resolved, resolver, cache, depth + 1) : resolved;
    for (const [name, prop] of Object.entries(asSchema(flat.properties))) {
      if (!(name in properties)) properties[name] = prop;
    }
    if (Array.isArray(flat.required)) for (const name of flat.required) required.add(String(name));
    for (const [key, value] of Object.entries(flat)) {
      if (key !== "properties" && key !== "required" && !(key in merged)) merged[key] = value;
    }
  }

  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  if (merged.type === undefined && merged.properties) merged.type = "object";
  cache.set(schema, merged);
  return merged;
}
