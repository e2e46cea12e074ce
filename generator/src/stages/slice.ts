import type { ResourceIR } from "../ir/types.js";
import { forEachRef, getPointer, isObject, type JsonObject } from "../openapi/refs.js";

/**
 * Cuts the spec down to what one resource's operations reach: its paths (only its methods)
 * and the components they reference, transitively. The chat package then type-checks 168
 * schemas instead of all 769, which is what keeps a chat-only consumer's `tsc` fast.
 */
export function sliceSpec(
  spec: Record<string, unknown>,
  resource: ResourceIR,
): Record<string, unknown> {
  const paths: Record<string, JsonObject> = {};
  const roots: unknown[] = [];
  const allPaths = spec.paths as Record<string, JsonObject>;
  for (const op of resource.operations) {
    const item = allPaths[op.path]!;
    const method = op.method.toLowerCase();
    const sliced: JsonObject = (paths[op.path] ??= {});
    if (item.parameters !== undefined) sliced.parameters = item.parameters;
    sliced[method] = item[method]!;
    roots.push(item.parameters, item[method]);
  }

  // Breadth-first over refs: each component is visited once however many times it is used.
  const reached = new Set<string>();
  const queue: string[] = [];
  const enqueue = (ref: string) => {
    if (!reached.has(ref)) {
      reached.add(ref);
      queue.push(ref);
    }
  };
  for (const root of roots) forEachRef(root, "#", enqueue);
  while (queue.length > 0) forEachRef(getPointer(spec, queue.shift()!), "#", enqueue);

  const components: Record<string, Record<string, unknown>> = {};
  for (const ref of [...reached].sort()) {
    const [, section, kind, ...rest] = ref.split("/");
    if (section !== "components" || !kind || rest.length !== 1) continue;
    const name = rest[0]!.replace(/~1/g, "/").replace(/~0/g, "~");
    (components[kind] ??= {})[name] = getPointer(spec, ref);
  }
  // Security schemes are tiny and openapi-typescript ignores them; keep them for a valid document.
  const allComponents = isObject(spec.components) ? spec.components : {};
  if (isObject(allComponents.securitySchemes))
    components.securitySchemes = allComponents.securitySchemes;

  const sortedPaths = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((p) => [p, paths[p]]),
  );
  return { openapi: spec.openapi, info: spec.info, paths: sortedPaths, components };
}

/** The component schema names a sliced spec carries, in a stable order. */
export function schemaNames(sliced: Record<string, unknown>): string[] {
  const components = sliced.components as Record<string, Record<string, unknown>> | undefined;
  return Object.keys(components?.schemas ?? {}).sort();
}
