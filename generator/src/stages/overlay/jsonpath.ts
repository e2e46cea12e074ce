/**
 * Evaluates RFC 9535 JSONPath queries (the subset parsed by `./jsonpath-parse.ts`) and returns
 * each selected node together with its parent and key, so overlay actions can replace or remove
 * it in place.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9535
 */
import {
  parseJsonPath,
  type Comparable,
  type FilterExpression,
  type FilterQuery,
  type JsonPathQuery,
  type JsonPathSegment,
  type JsonPathSelector,
} from "./jsonpath-parse.js";

export { parseJsonPath, JsonPathSyntaxError, type JsonPathQuery } from "./jsonpath-parse.js";

/** A JSON object as produced by `JSON.parse` / YAML `parse`. */
export type JsonObject = Record<string, unknown>;

/** One node selected by a query. */
export interface JsonPathMatch {
  /** The selected value (the live node in the queried document, not a copy). */
  value: unknown;
  /** The object or array that holds `value`; `undefined` when the root itself was selected. */
  parent: JsonObject | unknown[] | undefined;
  /** `value`'s member name or array index in `parent`; `undefined` for the root. */
  key: string | number | undefined;
  /** Member names and indices from the root to `value` (RFC 9535 2.7 normalized path). */
  path: Array<string | number>;
}

/**
 * Selects the nodes of `document` that `query` matches, in RFC 9535 order (document order for
 * wildcards and descendants, selector order for unions).
 *
 * @throws JsonPathSyntaxError when `query` is a malformed string.
 * @example
 * queryJsonPath(spec, "$.paths['/keys/{hash}'].get") // → [{ value: {...}, parent, key: "get", path }]
 */
export function queryJsonPath(document: unknown, query: string | JsonPathQuery): JsonPathMatch[] {
  const parsed = typeof query === "string" ? parseJsonPath(query) : query;
  const root: Node = { value: document, parent: undefined, key: undefined, crumb: undefined };
  return evaluate([root], parsed.segments, document).map((node) => ({
    value: node.value,
    parent: node.parent,
    key: node.key,
    path: crumbsToPath(node.crumb),
  }));
}

/**
 * Formats a path from `JsonPathMatch.path` as an RFC 9535 normalized path, e.g.
 * `$['paths']['/keys/{hash}']['get']`, for messages and logs.
 */
export function formatNormalizedPath(path: ReadonlyArray<string | number>): string {
  return (
    "$" +
    path
      .map((key) =>
        typeof key === "number"
          ? `[${key}]`
          : `['${key.replace(/[\\']/g, (c) => `\\${c}`).replace(/[\u0000-\u001f]/g, escapeControl)}']`,
      )
      .join("")
  );
}

function escapeControl(c: string): string {
  const named: Record<string, string> = {
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
  };
  return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

// Paths are kept as a linked list while evaluating so that `$..x` over a large spec doesn't copy
// an array for every visited node; only the matches are turned into arrays.
interface Crumb {
  prev: Crumb | undefined;
  key: string | number;
}

interface Node {
  value: unknown;
  parent: JsonObject | unknown[] | undefined;
  key: string | number | undefined;
  crumb: Crumb | undefined;
}

function crumbsToPath(crumb: Crumb | undefined): Array<string | number> {
  const path: Array<string | number> = [];
  for (let c = crumb; c; c = c.prev) path.push(c.key);
  return path.reverse();
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(node: Node, key: string | number): Node {
  const container = node.value as JsonObject | unknown[];
  return {
    value: (container as Record<string | number, unknown>)[key],
    parent: container,
    key,
    crumb: { prev: node.crumb, key },
  };
}

function children(node: Node): Node[] {
  if (Array.isArray(node.value)) return node.value.map((_, i) => child(node, i));
  if (isObject(node.value)) return Object.keys(node.value).map((k) => child(node, k));
  return [];
}

/** The node followed by all its descendants, depth first, in document order. */
function selfAndDescendants(node: Node, out: Node[] = []): Node[] {
  out.push(node);
  for (const c of children(node)) selfAndDescendants(c, out);
  return out;
}

function evaluate(nodes: Node[], segments: JsonPathSegment[], root: unknown): Node[] {
  let current = nodes;
  for (const segment of segments) {
    const next: Node[] = [];
    for (const node of current) {
      const inputs = segment.kind === "descendant" ? selfAndDescendants(node) : [node];
      for (const input of inputs) {
        for (const selector of segment.selectors) next.push(...select(input, selector, root));
      }
    }
    current = next;
  }
  return current;
}

function select(node: Node, selector: JsonPathSelector, root: unknown): Node[] {
  const value = node.value;
  switch (selector.type) {
    case "name":
      return isObject(value) && Object.hasOwn(value, selector.name)
        ? [child(node, selector.name)]
        : [];
    case "wildcard":
      return children(node);
    case "index": {
      if (!Array.isArray(value)) return [];
      const i = selector.index < 0 ? value.length + selector.index : selector.index;
      return i >= 0 && i < value.length ? [child(node, i)] : [];
    }
    case "filter":
      return children(node).filter((c) => test(selector.expression, c.value, root));
  }
}

// RFC 9535 2.3.5.2.2: a comparison side that selects no node is "Nothing", distinct from null.
const NOTHING = Symbol("Nothing");

function test(expression: FilterExpression, current: unknown, root: unknown): boolean {
  switch (expression.type) {
    case "or":
      return expression.operands.some((e) => test(e, current, root));
    case "and":
      return expression.operands.every((e) => test(e, current, root));
    case "not":
      return !test(expression.operand, current, root);
    case "exists":
      return runFilterQuery(expression.query, current, root).length > 0;
    case "compare":
      return compare(
        expression.operator,
        operand(expression.left, current, root),
        operand(expression.right, current, root),
      );
  }
}

function runFilterQuery(query: FilterQuery, current: unknown, root: unknown): Node[] {
  const start = query.root === "@" ? current : root;
  return evaluate(
    [{ value: start, parent: undefined, key: undefined, crumb: undefined }],
    query.segments,
    root,
  );
}

function operand(side: Comparable, current: unknown, root: unknown): unknown {
  if (side.type === "literal") return side.value;
  const nodes = runFilterQuery(side, current, root);
  return nodes.length > 0 ? nodes[0]!.value : NOTHING;
}

function compare(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case "==":
      return equal(left, right);
    case "!=":
      return !equal(left, right);
    case "<":
      return less(left, right);
    case "<=":
      return less(left, right) || equal(left, right);
    case ">":
      return less(right, left);
    default:
      return less(right, left) || equal(left, right);
  }
}

/** Only numbers with numbers and strings with strings are ordered (RFC 9535 2.3.5.2.2). */
function less(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return a < b;
  return false;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]))
    );
  }
  return false;
}
