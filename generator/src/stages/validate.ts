import { SpecError, pointerOf } from "../errors.js";
import { HTTP_METHODS, forEachRef, getPointer, isObject } from "../openapi/refs.js";

/**
 * Checks what later stages rely on, failing at the first problem with its JSON pointer:
 * an OpenAPI 3.x document with paths, one operationId per operation and no duplicates
 * (operationIds key the naming table), and only local `$ref`s that resolve (the published
 * spec is a single bundled file; an external ref would mean we are reading the wrong thing).
 */
export function validate(spec: Record<string, unknown>): Record<string, unknown> {
  const version = spec.openapi;
  if (typeof version !== "string" || !/^3\.[01]\./.test(version)) {
    throw new SpecError(
      `expected OpenAPI 3.0 or 3.1, found ${JSON.stringify(version)}`,
      "#/openapi",
    );
  }
  if (!isObject(spec.paths)) throw new SpecError("the spec has no paths object", "#/paths");
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(spec.paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const at = pointerOf("paths", path, method);
      const id = op.operationId;
      if (typeof id !== "string" || id === "")
        throw new SpecError("operation has no operationId", at);
      const clash = seen.get(id);
      if (clash) throw new SpecError(`duplicate operationId "${id}" (also at ${clash})`, at);
      seen.set(id, at);
    }
  }
  forEachRef(spec, "#", (ref, at) => {
    if (!ref.startsWith("#/")) throw new SpecError(`external $ref ${ref} is not supported`, at);
    if (getPointer(spec, ref) === undefined) throw new SpecError(`unresolved $ref ${ref}`, at);
  });
  return spec;
}
