import { SpecError } from "../errors.js";

/** A JSON value in a parsed spec. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch"] as const;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a local JSON pointer (`#/components/schemas/Foo`) from the document. */
export function getPointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}

/**
 * Follows `$ref` chains to the node they name. Siblings of `$ref` (3.1 allows a description
 * beside it) are ignored here: they never change the shape the generator cares about.
 */
export function deref(doc: unknown, node: unknown, pointer: string): unknown {
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) throw new SpecError(`circular $ref ${ref}`, pointer);
    seen.add(ref);
    const next = getPointer(doc, ref);
    if (next === undefined) throw new SpecError(`unresolved $ref ${ref}`, pointer);
    current = next;
  }
  return current;
}

/** Visits every `$ref` string in a node, with the JSON pointer where it sits. */
export function forEachRef(
  node: unknown,
  pointer: string,
  visit: (ref: string, at: string) => void,
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => forEachRef(item, `${pointer}/${i}`, visit));
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (key === "$ref" && typeof value === "string") visit(value, at);
      else forEachRef(value, at, visit);
    }
  }
}
