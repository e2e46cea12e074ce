/**
 * Follows local `$ref`s (`#/components/...`) inside one OpenAPI document.
 * Remote refs are out of scope: the pipeline bundles the spec before we ever see it.
 */

/** A node after following its `$ref` chain, with the name of the last ref followed. */
export interface Resolved {
  /** The target node; `undefined` when the ref does not point anywhere. */
  node: unknown;
  /** Last segment of the last `$ref` followed (a component name), if any. */
  refName?: string;
  /** The full last `$ref` followed, if any. */
  ref?: string;
}

/** Resolves refs within one document; pointer lookups are cached per document. */
export interface RefResolver {
  /** Follows `$ref`s from `node` until it reaches a node without one. */
  resolve(node: unknown): Resolved;
}

/** Reads a `$ref` string off a node, if it has one. */
export function refOf(node: unknown): string | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const ref = (node as { $ref?: unknown }).$ref;
  return typeof ref === "string" ? ref : undefined;
}

/** Creates a resolver for `doc`. */
export function createRefResolver(doc: object): RefResolver {
  const cache = new Map<string, unknown>();

  function lookup(ref: string): unknown {
    if (cache.has(ref)) return cache.get(ref);
    let target: unknown = undefined;
    if (ref.startsWith("#")) {
      target = doc;
      // RFC 6901: `~1` is `/` and `~0` is `~`, decoded in that order.
      const segments = ref.slice(1).split("/").slice(1);
      for (const raw of segments) {
        const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
        target =
          target !== null && typeof target === "object"
            ? (target as Record<string, unknown>)[key]
            : undefined;
      }
    }
    cache.set(ref, target);
    return target;
  }

  return {
    resolve(node) {
      let current = node;
      let ref: string | undefined;
      // A ref chain longer than this is a loop (`A: {$ref: B}`, `B: {$ref: A}`).
      for (let hops = 0; hops < 32; hops++) {
        const next = refOf(current);
        if (next === undefined) break;
        ref = next;
        current = lookup(next);
      }
      if (ref === undefined) return { node: current };
      return { node: current, ref, refName: ref.slice(ref.lastIndexOf("/") + 1) };
    },
  };
}
