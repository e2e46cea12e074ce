/**
 * Turns schema delta trees into `ApiChange`s for one operation: full locations
 * and messages that name the field the way a reader of the docs would.
 */
import { flattenDeltas, type DeltaTree } from "./delta-tree.js";
import type { ApiChange, Bump } from "./types.js";

/** Collects changes for one operation of one tag. */
export interface ChangeSink {
  /** Records one change at `location` (dotted path inside the operation). */
  add(kind: string, bump: Bump, location: string, message: string): void;
  /** Records every delta of `tree`, located under `base` and described by `subject`. */
  addTree(tree: DeltaTree, base: string, subject: (path: string) => string): void;
}

/** Appends a relative schema path to a base location, with a dot unless it starts with `[` or `<`. */
export function appendPath(base: string, rel: string): string {
  if (rel === "") return base;
  if (base === "" || rel.startsWith("[") || rel.startsWith("<")) return base + rel;
  return `${base}.${rel}`;
}

/**
 * Creates a sink that appends to `out`. Within one sink (one operation), a
 * shared schema's changes are listed once, where the operation first uses it.
 */
export function createChangeSink(out: ApiChange[], tag: string, operation: string): ChangeSink {
  const seen = new WeakSet<DeltaTree>();
  const add = (kind: string, bump: Bump, location: string, message: string) => {
    out.push({ kind, bump, tag, operation, location, message });
  };
  return {
    add,
    addTree(tree, base, subject) {
      flattenDeltas(
        tree,
        (path, delta) =>
          add(
            delta.kind,
            delta.bump,
            appendPath(base, path),
            `${subject(path)} ${delta.predicate}`,
          ),
        seen,
      );
    },
  };
}

/** Joins the non-empty qualifiers of a subject, e.g. ` (status 201, text/event-stream)`. */
export function qualifier(parts: Array<string | false>): string {
  const kept = parts.filter((p): p is string => Boolean(p));
  return kept.length === 0 ? "" : ` (${kept.join(", ")})`;
}
