/**
 * Lists the operations of one document (OpenAPI 3.x §4.8.8 Paths, §4.8.10
 * Operation), keyed by method and path with path parameter names blanked, so
 * `/keys/{hash}` and `/keys/{id}` are the same operation.
 */
import type { RefResolver } from "./ref-resolver.js";
import { asSchema, type SchemaObject } from "./schema-types.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Operations without a tag land in this package. */
export const UNTAGGED = "default";

/** A parameter after `$ref`s are followed and path-level ones are merged in. */
export interface ParameterEntry {
  /** Matching key: `path#<position>` for path parameters (their names may change), else `<in>:<name>`. */
  key: string;
  in: string;
  name: string;
  required: boolean;
  node: SchemaObject;
}

/** One operation of a document. */
export interface OperationEntry {
  /** `METHOD /normalised/{}/path`. */
  key: string;
  method: string;
  path: string;
  tag: string;
  operationId?: string;
  /** `METHOD /path (operationId)`, as reports show it. */
  label: string;
  node: SchemaObject;
  parameters: ParameterEntry[];
}

/** Blanks path parameter names: `/keys/{hash}` → `/keys/{}`. */
export function normalisePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

function parameterEntries(
  path: string,
  pathLevel: unknown,
  opLevel: unknown,
  resolver: RefResolver,
): ParameterEntry[] {
  const pathParamNames = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const byKey = new Map<string, ParameterEntry>();
  // Operation-level parameters override path-level ones with the same name and location (§4.8.10).
  for (const list of [pathLevel, opLevel]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const node = asSchema(resolver.resolve(raw).node);
      const where = String(node.in ?? "");
      const name = String(node.name ?? "");
      const position = where === "path" ? pathParamNames.indexOf(name) : -1;
      // HTTP header names are case-insensitive.
      const key =
        where === "path"
          ? `path#${position >= 0 ? position : name}`
          : `${where}:${where === "header" ? name.toLowerCase() : name}`;
      byKey.set(key, {
        key,
        in: where,
        name,
        required: node.required === true || where === "path",
        node,
      });
    }
  }
  return [...byKey.values()];
}

/** Every operation of `doc`, keyed by {@link OperationEntry.key}. */
export function indexOperations(doc: object, resolver: RefResolver): Map<string, OperationEntry> {
  const operations = new Map<string, OperationEntry>();
  for (const [path, rawItem] of Object.entries(asSchema((doc as SchemaObject).paths))) {
    const item = asSchema(resolver.resolve(rawItem).node);
    for (const method of METHODS) {
      if (!item[method]) continue;
      const node = asSchema(item[method]);
      const tags = Array.isArray(node.tags) ? node.tags : [];
      const operationId = typeof node.operationId === "string" ? node.operationId : undefined;
      const verb = method.toUpperCase();
      operations.set(`${verb} ${normalisePath(path)}`, {
        key: `${verb} ${normalisePath(path)}`,
        method: verb,
        path,
        tag: typeof tags[0] === "string" ? tags[0] : UNTAGGED,
        operationId,
        label: operationId ? `${verb} ${path} (${operationId})` : `${verb} ${path}`,
        node,
        parameters: parameterEntries(path, item.parameters, node.parameters, resolver),
      });
    }
  }
  return operations;
}
