/**
 * Structural diff of two schemas (JSON Schema as used by OpenAPI 3.x §4.8.24),
 * one per document, in a given direction. Results are memoised per pair of
 * schema nodes and direction: the real spec reaches a few hundred shared
 * components from ~100 operations, and each pair is compared only once.
 */
import {
  ANY_KEY_SEGMENT,
  EMPTY_TREE,
  ITEMS_SEGMENT,
  makeTree,
  propSegment,
  variantSegment,
  type DeltaTree,
  type SchemaDelta,
} from "./delta-tree.js";
import { mergeAllOf, type AllOfCache } from "./merge-all-of.js";
import {
  deprecationDeltas,
  docDeltas,
  enumDeltas,
  extraKeyDeltas,
  nullabilityDeltas,
  typeDeltas,
} from "./node-deltas.js";
import type { RefResolver } from "./ref-resolver.js";
import { asSchema, typeSetOf, type SchemaObject } from "./schema-types.js";
import {
  fieldAdded,
  fieldNowOptional,
  fieldNowRequired,
  fieldRemoved,
  variantAdded,
  variantRemoved,
} from "./structural-deltas.js";
import type { Direction } from "./types.js";
import { effectiveSchema, nullableOf, type Effective, type Flatten } from "./union-shape.js";
import { matchVariants } from "./variant-match.js";

/** Compares schemas of the old document with schemas of the new one. */
export interface SchemaDiffer {
  /** Diffs `oldNode` (old document) against `newNode` (new document); either may be a `$ref`. */
  diff(oldNode: unknown, newNode: unknown, direction: Direction): DeltaTree;
}

/** Options for {@link createSchemaDiffer}. */
export interface SchemaDifferOptions {
  /**
   * How many schema levels to descend before giving up. Deeper changes are not
   * reported; real payloads nest well under this.
   * @default 48
   */
  maxDepth?: number;
}

/** One document's view: how to follow refs, and how to resolve + merge `allOf` (cached). */
interface Side {
  resolver: RefResolver;
  flatten: Flatten;
}

type Children = Array<{ segment: string; tree: DeltaTree }>;

function createSide(resolver: RefResolver): Side {
  const cache: AllOfCache = new WeakMap();
  return {
    resolver,
    flatten: (node) => mergeAllOf(asSchema(resolver.resolve(node).node), resolver, cache),
  };
}

function isObjectLike(schema: SchemaObject): boolean {
  return schema.properties !== undefined || typeSetOf(schema)?.has("object") === true;
}

/** Creates a differ bound to one old and one new document. */
export function createSchemaDiffer(
  oldResolver: RefResolver,
  newResolver: RefResolver,
  options: SchemaDifferOptions = {},
): SchemaDiffer {
  const maxDepth = options.maxDepth ?? 48;
  const before = createSide(oldResolver);
  const after = createSide(newResolver);
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const memo = new Map<string, DeltaTree>();
  const inProgress = new Set<string>();

  function idOf(node: unknown): string {
    if (node === null || typeof node !== "object") return String(node);
    let id = ids.get(node);
    if (id === undefined) ids.set(node, (id = ++nextId));
    return `#${id}`;
  }

  function diff(
    oldNode: unknown,
    newNode: unknown,
    direction: Direction,
    depth: number,
  ): DeltaTree {
    const key = `${idOf(oldResolver.resolve(oldNode).node)}|${idOf(newResolver.resolve(newNode).node)}|${direction}`;
    const hit = memo.get(key);
    if (hit) return hit;
    // A pair already on the stack is a cycle (e.g. a tree node schema); its changes are
    // reported where we entered it. Results cut short this way are still memoised: the
    // missing part is reported at the outer entry, and re-diffing would cost exponential time.
    if (inProgress.has(key) || depth > maxDepth) return EMPTY_TREE;
    inProgress.add(key);
    try {
      const tree = compare(oldNode, newNode, direction, depth);
      memo.set(key, tree);
      return tree;
    } finally {
      inProgress.delete(key);
    }
  }

  function compare(
    oldNode: unknown,
    newNode: unknown,
    direction: Direction,
    depth: number,
  ): DeltaTree {
    const o = before.flatten(oldNode);
    const n = after.flatten(newNode);
    const own: SchemaDelta[] = [
      ...deprecationDeltas(o, n),
      ...docDeltas(o, n),
      ...nullabilityDeltas(
        nullableOf(o, before.flatten) ?? null,
        nullableOf(n, after.flatten) ?? null,
        direction,
      ),
    ];
    const children: Children = [];
    const oe = effectiveSchema(o, oldNode, before.flatten);
    const ne = effectiveSchema(n, newNode, after.flatten);

    if (!oe.union !== !ne.union) {
      // One side became (or stopped being) a union: compare the plain side as a one-variant
      // union, and skip keyword checks that would misread the union wrapper as untyped.
      const asUnion = (e: Effective) => e.union ?? [e.node];
      variants(asUnion(oe), oe.schema, asUnion(ne), ne.schema, direction, depth, own, children);
      return makeTree(own, children);
    }
    if (!oe.union) {
      const types = typeDeltas(oe.schema, ne.schema, direction);
      own.push(...types.deltas);
      if (types.incompatible) return makeTree(own, []);
    }
    own.push(...enumDeltas(oe.schema, ne.schema, direction));

    if (isObjectLike(oe.schema) && isObjectLike(ne.schema)) {
      properties(oe.schema, ne.schema, direction, depth, children);
      own.push(...extraKeyDeltas(oe.schema, ne.schema, direction));
      const oldExtra = oe.schema.additionalProperties;
      const newExtra = ne.schema.additionalProperties;
      if (oldExtra && newExtra && typeof oldExtra === "object" && typeof newExtra === "object") {
        children.push({
          segment: ANY_KEY_SEGMENT,
          tree: diff(oldExtra, newExtra, direction, depth + 1),
        });
      }
    }
    if (oe.schema.items && ne.schema.items) {
      children.push({
        segment: ITEMS_SEGMENT,
        tree: diff(oe.schema.items, ne.schema.items, direction, depth + 1),
      });
    }
    if (oe.union && ne.union) {
      variants(oe.union, oe.schema, ne.union, ne.schema, direction, depth, own, children);
    }
    return makeTree(own, children);
  }

  function properties(
    o: SchemaObject,
    n: SchemaObject,
    direction: Direction,
    depth: number,
    children: Children,
  ): void {
    // Users never send readOnly fields and never receive writeOnly ones (OpenAPI 3.x §4.8.24.2).
    const hidden = direction === "request" ? "readOnly" : "writeOnly";
    const visible = (props: unknown, side: Side) =>
      new Map(
        Object.entries(asSchema(props)).filter(
          ([, prop]) => asSchema(side.resolver.resolve(prop).node)[hidden] !== true,
        ),
      );
    const oldProps = visible(o.properties, before);
    const newProps = visible(n.properties, after);
    const oldRequired = new Set(Array.isArray(o.required) ? o.required : []);
    const newRequired = new Set(Array.isArray(n.required) ? n.required : []);

    for (const [name, oldProp] of oldProps) {
      const segment = propSegment(name);
      if (!newProps.has(name)) {
        children.push({ segment, tree: makeTree([fieldRemoved(direction)], []) });
        continue;
      }
      const flips: SchemaDelta[] = [];
      if (!oldRequired.has(name) && newRequired.has(name)) flips.push(fieldNowRequired(direction));
      if (oldRequired.has(name) && !newRequired.has(name)) flips.push(fieldNowOptional(direction));
      const child = diff(oldProp, newProps.get(name), direction, depth + 1);
      // The memoised child tree is shared, so required flips go in a new node beside it.
      const tree =
        flips.length === 0 ? child : makeTree([...flips, ...child.own], [...child.children]);
      children.push({ segment, tree });
    }
    for (const name of newProps.keys()) {
      if (oldProps.has(name)) continue;
      children.push({
        segment: propSegment(name),
        tree: makeTree([fieldAdded(direction, newRequired.has(name))], []),
      });
    }
  }

  function variants(
    oldVariants: unknown[],
    o: SchemaObject,
    newVariants: unknown[],
    n: SchemaObject,
    direction: Direction,
    depth: number,
    own: SchemaDelta[],
    children: Children,
  ): void {
    const pairs = matchVariants(
      {
        variants: oldVariants,
        resolver: oldResolver,
        flatten: before.flatten,
        discriminator: o.discriminator,
      },
      {
        variants: newVariants,
        resolver: newResolver,
        flatten: after.flatten,
        discriminator: n.discriminator,
      },
    );
    for (const pair of pairs) {
      if (pair.old === undefined) own.push(variantAdded(pair.label));
      else if (pair.new === undefined) own.push(variantRemoved(direction, pair.label));
      else
        children.push({
          segment: variantSegment(pair.label),
          tree: diff(pair.old, pair.new, direction, depth + 1),
        });
    }
  }

  return { diff: (oldNode, newNode, direction) => diff(oldNode, newNode, direction, 0) };
}
