/**
 * Entry point of the semantic API diff: which npm package (one per OpenAPI tag)
 * needs which semver bump between two versions of the spec.
 */
import { createChangeSink } from "./change-sink.js";
import { diffOperation } from "./operation-diff.js";
import { indexOperations, type OperationEntry } from "./operation-index.js";
import { createRefResolver } from "./ref-resolver.js";
import { createSchemaDiffer } from "./schema-diff.js";
import { maxBump, type ApiChange, type ApiDiff, type PackageBump } from "./types.js";

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders changes by tag, operation, location, kind, then message, independent of locale. */
export function compareChanges(a: ApiChange, b: ApiChange): number {
  return (
    cmp(a.tag, b.tag) ||
    cmp(a.operation, b.operation) ||
    cmp(a.location, b.location) ||
    cmp(a.kind, b.kind) ||
    cmp(a.message, b.message)
  );
}

function groupByTag(changes: ApiChange[]): PackageBump[] {
  const byTag = new Map<string, PackageBump>();
  for (const change of changes) {
    const pkg = byTag.get(change.tag);
    if (pkg) {
      pkg.changes.push(change);
      pkg.bump = maxBump(pkg.bump, change.bump);
    } else {
      byTag.set(change.tag, { tag: change.tag, bump: change.bump, changes: [change] });
    }
  }
  return [...byTag.values()].sort((a, b) => cmp(a.tag, b.tag));
}

function tagsOf(operations: Map<string, OperationEntry>): Set<string> {
  return new Set([...operations.values()].map((op) => op.tag));
}

/**
 * Compares two parsed OpenAPI 3.x documents (overlays already applied) and
 * reports every change a package user could notice, with the bump it implies.
 * Operations match by method and path (path parameter names ignored); an
 * operation whose first tag changed moves between packages, so it counts as
 * removed from the old one and added to the new one. Pure: no I/O.
 *
 * @example
 * const diff = diffSpecs(previousSpec, currentSpec);
 * for (const pkg of diff.packages) console.log(pkg.tag, pkg.bump);
 */
export function diffSpecs(oldSpec: object, newSpec: object): ApiDiff {
  const resolvers = { old: createRefResolver(oldSpec), new: createRefResolver(newSpec) };
  const oldOps = indexOperations(oldSpec, resolvers.old);
  const newOps = indexOperations(newSpec, resolvers.new);
  const ctx = { resolvers, differ: createSchemaDiffer(resolvers.old, resolvers.new) };
  const changes: ApiChange[] = [];

  for (const [key, oldOp] of oldOps) {
    const newOp = newOps.get(key);
    if (!newOp) {
      createChangeSink(changes, oldOp.tag, oldOp.label).add(
        "operation-removed",
        "major",
        "",
        `operation \`${oldOp.method} ${oldOp.path}\` was removed`,
      );
    } else if (newOp.tag !== oldOp.tag) {
      createChangeSink(changes, oldOp.tag, oldOp.label).add(
        "operation-removed",
        "major",
        "",
        `operation \`${oldOp.method} ${oldOp.path}\` was removed (moved to tag \`${newOp.tag}\`)`,
      );
      createChangeSink(changes, newOp.tag, newOp.label).add(
        "operation-added",
        "minor",
        "",
        `operation \`${newOp.method} ${newOp.path}\` was added (moved from tag \`${oldOp.tag}\`)`,
      );
    } else {
      diffOperation(oldOp, newOp, ctx, createChangeSink(changes, newOp.tag, newOp.label));
    }
  }
  for (const [key, newOp] of newOps) {
    if (oldOps.has(key)) continue;
    createChangeSink(changes, newOp.tag, newOp.label).add(
      "operation-added",
      "minor",
      "",
      `operation \`${newOp.method} ${newOp.path}\` was added`,
    );
  }

  const oldTags = tagsOf(oldOps);
  const newTags = tagsOf(newOps);
  const addedTags = [...newTags].filter((t) => !oldTags.has(t)).sort(cmp);
  const removedTags = [...oldTags].filter((t) => !newTags.has(t)).sort(cmp);
  for (const tag of addedTags)
    createChangeSink(changes, tag, "").add(
      "tag-added",
      "minor",
      "tags",
      `tag \`${tag}\` is new, so its package is new`,
    );
  for (const tag of removedTags)
    createChangeSink(changes, tag, "").add(
      "tag-removed",
      "major",
      "tags",
      `tag \`${tag}\` has no operations left`,
    );

  changes.sort(compareChanges);
  return { changes, packages: groupByTag(changes), addedTags, removedTags };
}
