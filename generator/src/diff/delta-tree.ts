/**
 * The result of diffing one pair of schemas, kept as a tree of relative paths.
 * A tree is built once per schema pair and shared by every place that uses the
 * pair; only {@link flattenDeltas} spells out full paths, per usage.
 */
import type { Bump } from "./types.js";

/** One change found at a node, before we know where the node is used. */
export interface SchemaDelta {
  /** The `ApiChange.kind`, e.g. `request-field-removed`. */
  kind: string;
  bump: Bump;
  /** The words after the subject, e.g. "is now required". */
  predicate: string;
}

/** Changes at a node, plus non-empty subtrees keyed by their path segment. */
export interface DeltaTree {
  readonly own: readonly SchemaDelta[];
  readonly children: ReadonlyArray<{ segment: string; tree: DeltaTree }>;
  /** Total number of deltas in this tree, so empty subtrees can be dropped. */
  readonly size: number;
}

/** The tree of a pair of schemas that do not differ. */
export const EMPTY_TREE: DeltaTree = Object.freeze({ own: [], children: [], size: 0 });

/** Builds a tree, dropping empty children. */
export function makeTree(
  own: SchemaDelta[],
  children: Array<{ segment: string; tree: DeltaTree }>,
): DeltaTree {
  const kept = children.filter((child) => child.tree.size > 0);
  if (own.length === 0 && kept.length === 0) return EMPTY_TREE;
  return {
    own,
    children: kept,
    size: own.length + kept.reduce((sum, child) => sum + child.tree.size, 0),
  };
}

/** Path segment for a property. */
export const propSegment = (name: string): string => `.${name}`;
/** Path segment for array items. */
export const ITEMS_SEGMENT = "[]";
/** Path segment for `additionalProperties` (any other key). */
export const ANY_KEY_SEGMENT = ".*";
/** Path segment for a `oneOf`/`anyOf` variant. */
export const variantSegment = (label: string): string => `<${label}>`;

/** Appends a segment to a dotted path; a leading `.` is dropped at the root. */
export function joinPath(prefix: string, segment: string): string {
  if (prefix === "" && segment.startsWith(".")) return segment.slice(1);
  return prefix + segment;
}

/**
 * Calls `visit` for every delta in `tree`, with the path relative to the tree's root.
 * Subtrees already in `seen` are skipped: a shared schema reached along many
 * paths is listed once, at the first path, which also keeps a deep diamond of
 * refs from expanding into exponentially many paths.
 */
export function flattenDeltas(
  tree: DeltaTree,
  visit: (path: string, delta: SchemaDelta) => void,
  seen: WeakSet<DeltaTree>,
  prefix = "",
): void {
  if (tree.size === 0 || seen.has(tree)) return;
  seen.add(tree);
  for (const delta of tree.own) visit(prefix, delta);
  for (const child of tree.children)
    flattenDeltas(child.tree, visit, seen, joinPath(prefix, child.segment));
}
