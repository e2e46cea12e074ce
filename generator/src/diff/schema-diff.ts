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
import { allowsNull, asSchema, isNullOnly, typeSetOf, type SchemaObject } from "./schema-types.js";
import type { Direction } from "./types.js";
import { matchVariants, type UnionSide } from "./variant-match.js";

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

function unionOf(schema: SchemaObject): unknown[] | undefined {
  if (Array.isArray(schema.oneOf)) return schema.oneOf;
  if (Array.isArray(schema.anyOf)) return schema.anyOf;
  return undefined;
}

function isObjectLike(schema: SchemaObject): boolean {
  return schema.properties !== undefined || typeSetOf(schema)?.has("object") === true;
}

/** Field added/removed/required deltas, worded for the direction. */
const FIELD = {
  removed: (d: Direction): SchemaDelta => ({
    kind: `${d}-field-removed`,
    bump: "major",
    predicate: "was removed",
  }),
  added: (d: Direction, required: boolean): SchemaDelta =>
    d === "request"
      ? required
        ? { kind: "request-field-added", bump: "major", predicate: "was added and is required" }
        : { kind: "request-field-added", bump: "minor", predicate: "was added (optional)" }
      : { kind: "response-field-added", bump: "minor", predicate: "was added" },
  nowRequired: (d: Direction): SchemaDelta =>
    d === "request"
      ? { kind: "request-field-required", bump: "major", predicate: "is now required" }
      : { kind: "response-field-required", bump: "minor", predicate: "is now always present" },
  nowOptional: (d: Direction): SchemaDelta =>
    d === "request"
      ? { kind: "request-field-optional", bump: "minor", predicate: "is now optional" }
      : {
          kind: "response-field-optional",
          bump: "major",
          predicate: "is now optional (may be missing)",
        },
};

const VARIANT = {
  added: (label: string): SchemaDelta => ({
    kind: "variant-added",
    bump: "minor",
    predicate: `has a new variant \`${label}\``,
  }),
  removed: (d: Direction, label: string): SchemaDelta =>
    // A caller who sent the removed shape breaks; a reader who handled it just has dead code.
    ({
      kind: "variant-removed",
      bump: d === "request" ? "major" : "minor",
      predicate: `lost variant \`${label}\``,
    }),
};

/** Creates a differ bound to one old and one new document. */
export function createSchemaDiffer(
  oldResolver: RefResolver,
  newResolver: RefResolver,
  options: SchemaDifferOptions = {},
): SchemaDiffer {
  const maxDepth = options.maxDepth ?? 48;
  const ids = new WeakMap<object, number>();
  let nextId = 0;
  const memo = new Map<string, DeltaTree>();
  const inProgress = new Set<string>();
  const oldAllOf: AllOfCache = new WeakMap();
  const newAllOf: AllOfCache = new WeakMap();

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
    const oldResolved = oldResolver.resolve(oldNode).node;
    const newResolved = newResolver.resolve(newNode).node;
    const key = `${idOf(oldResolved)}|${idOf(newResolved)}|${direction}`;
    const hit = memo.get(key);
    if (hit) return hit;
    // A pair already on the stack is a cycle (e.g. a tree node schema); its changes are reported where we entered it.
    if (inProgress.has(key) || depth > maxDepth) return EMPTY_TREE;
    inProgress.add(key);
    try {
      const tree = compare(
        oldNode,
        newNode,
        asSchema(oldResolved),
        asSchema(newResolved),
        direction,
        depth,
      );
      memo.set(key, tree);
      return tree;
    } finally {
      inProgress.delete(key);
    }
  }

  /** A schema with the `null` variants of its union set aside, and unwrapped if one variant is left. */
  interface Effective {
    schema: SchemaObject;
    node: unknown;
    union?: unknown[];
  }

  function resolveMerged(node: unknown, resolver: RefResolver, cache: AllOfCache): SchemaObject {
    return mergeAllOf(asSchema(resolver.resolve(node).node), resolver, cache);
  }

  function nonNullVariants(
    schema: SchemaObject,
    resolver: RefResolver,
    cache: AllOfCache,
  ): unknown[] | undefined {
    return unionOf(schema)?.filter((v) => !isNullOnly(resolveMerged(v, resolver, cache)));
  }

  /** Whether `null` is allowed; `undefined` for an untyped schema, which says nothing either way. */
  function isNullable(
    schema: SchemaObject,
    resolver: RefResolver,
    cache: AllOfCache,
  ): boolean | undefined {
    const union = unionOf(schema);
    if (union)
      return allowsNull(schema) || union.some((v) => allowsNull(resolveMerged(v, resolver, cache)));
    if (typeSetOf(schema) === undefined && schema.nullable !== true) return undefined;
    return allowsNull(schema);
  }

  // `anyOf: [X, {type: null}]`, `allOf: [X], nullable: true` and `X` + `type: [..., "null"]` all mean
  // "X or null"; unwrapping lets them compare as X, with nullability compared on its own.
  function effective(
    schema: SchemaObject,
    node: unknown,
    resolver: RefResolver,
    cache: AllOfCache,
  ): Effective {
    for (let hops = 0; hops < 8; hops++) {
      const union = nonNullVariants(schema, resolver, cache);
      if (!union || union.length === 0) return { schema, node };
      if (union.length > 1 || schema.properties || schema.items) return { schema, node, union };
      node = union[0];
      schema = resolveMerged(node, resolver, cache);
    }
    return { schema, node };
  }

  function compare(
    oldNode: unknown,
    newNode: unknown,
    oldRaw: SchemaObject,
    newRaw: SchemaObject,
    direction: Direction,
    depth: number,
  ): DeltaTree {
    const o = mergeAllOf(oldRaw, oldResolver, oldAllOf);
    const n = mergeAllOf(newRaw, newResolver, newAllOf);
    const own: SchemaDelta[] = [
      ...deprecationDeltas(o, n),
      ...docDeltas(o, n),
      ...nullabilityDeltas(
        isNullable(o, oldResolver, oldAllOf) ?? null,
        isNullable(n, newResolver, newAllOf) ?? null,
        direction,
      ),
    ];
    const children: Array<{ segment: string; tree: DeltaTree }> = [];
    const oe = effective(o, oldNode, oldResolver, oldAllOf);
    const ne = effective(n, newNode, newResolver, newAllOf);

    if (!oe.union !== !ne.union) {
      // One side became (or stopped being) a union: compare the plain side as a one-variant union,
      // and skip keyword checks that would misread the union wrapper as an untyped schema.
      variants(
        oe.union ?? [oe.node],
        oe.schema,
        ne.union ?? [ne.node],
        ne.schema,
        direction,
        depth,
        own,
        children,
      );
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
    if (oe.union && ne.union)
      variants(oe.union, oe.schema, ne.union, ne.schema, direction, depth, own, children);
    return makeTree(own, children);
  }

  function properties(
    o: SchemaObject,
    n: SchemaObject,
    direction: Direction,
    depth: number,
    children: Array<{ segment: string; tree: DeltaTree }>,
  ): void {
    // Users never send readOnly fields and never receive writeOnly ones (OpenAPI 3.x §4.8.24.2).
    const hidden = direction === "request" ? "readOnly" : "writeOnly";
    const visible = (props: SchemaObject, resolver: RefResolver) =>
      new Map(
        Object.entries(props).filter(
          ([, prop]) => asSchema(resolver.resolve(prop).node)[hidden] !== true,
        ),
      );
    const oldProps = visible(asSchema(o.properties), oldResolver);
    const newProps = visible(asSchema(n.properties), newResolver);
    const oldRequired = new Set(Array.isArray(o.required) ? o.required : []);
    const newRequired = new Set(Array.isArray(n.required) ? n.required : []);

    for (const [name, oldProp] of oldProps) {
      const segment = propSegment(name);
      if (!newProps.has(name)) {
        children.push({ segment, tree: makeTree([FIELD.removed(direction)], []) });
        continue;
      }
      const flips: SchemaDelta[] = [];
      if (!oldRequired.has(name) && newRequired.has(name)) flips.push(FIELD.nowRequired(direction));
      if (oldRequired.has(name) && !newRequired.has(name)) flips.push(FIELD.nowOptional(direction));
      const child = diff(oldProp, newProps.get(name), direction, depth + 1);
      // The memoised child tree is shared, so required flips go in a new node beside it.
      children.push({
        segment,
        tree: flips.length === 0 ? child : makeTree([...flips, ...child.own], [...child.children]),
      });
    }
    for (const name of newProps.keys()) {
      if (!oldProps.has(name))
        children.push({
          segment: propSegment(name),
          tree: makeTree([FIELD.added(direction, newRequired.has(name))], []),
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
    children: Array<{ segment: string; tree: DeltaTree }>,
  ): void {
    const oldSide: UnionSide = {
      variants: oldVariants,
      resolver: oldResolver,
      discriminator: o.discriminator,
      flatten: (v) => resolveMerged(v, oldResolver, oldAllOf),
    };
    const newSide: UnionSide = {
      variants: newVariants,
      resolver: newResolver,
      discriminator: n.discriminator,
      flatten: (v) => resolveMerged(v, newResolver, newAllOf),
    };
    for (const pair of matchVariants(oldSide, newSide)) {
      if (pair.old === undefined) own.push(VARIANT.added(pair.label));
      else if (pair.new === undefined) own.push(VARIANT.removed(direction, pair.label));
      else
        children.push({
          segment: variantSegment(pair.label),
          tree: diff(pair.old, pair.new, direction, depth + 1),
        });
    }
  }

  return { diff: (oldNode, newNode, direction) => diff(oldNode, newNode, direction, 0) };
}
