/**
 * Diffs two versions of one operation that kept its method, path and tag.
 */
import type { ChangeSink } from "./change-sink.js";
import type { OperationEntry } from "./operation-index.js";
import { diffParameters } from "./parameter-diff.js";
import type { RefResolver } from "./ref-resolver.js";
import { diffRequestBody } from "./request-body-diff.js";
import { diffResponses } from "./response-diff.js";
import type { SchemaDiffer } from "./schema-diff.js";

/** Everything an operation diff needs besides the two operations. */
export interface OperationDiffContext {
  resolvers: { old: RefResolver; new: RefResolver };
  differ: SchemaDiffer;
}

/** Records every change between `oldOp` and `newOp` into `sink`. */
export function diffOperation(
  oldOp: OperationEntry,
  newOp: OperationEntry,
  ctx: OperationDiffContext,
  sink: ChangeSink,
): void {
  if (oldOp.operationId !== newOp.operationId) {
    // Matching is by method + path, so this is the same endpoint under a new name: a note, not a break.
    sink.add(
      "operation-renamed",
      "patch",
      "operationId",
      `renamed operationId from \`${oldOp.operationId ?? "(none)"}\` to \`${newOp.operationId ?? "(none)"}\``,
    );
  }
  const wasDeprecated = oldOp.node.deprecated === true;
  const isDeprecated = newOp.node.deprecated === true;
  if (!wasDeprecated && isDeprecated)
    sink.add("deprecated", "minor", "deprecated", "operation is now deprecated");
  if (wasDeprecated && !isDeprecated)
    sink.add("undeprecated", "patch", "deprecated", "operation is no longer deprecated");
  for (const field of ["summary", "description"] as const) {
    if (oldOp.node[field] !== newOp.node[field])
      sink.add("description-changed", "patch", field, `operation ${field} changed`);
  }

  diffParameters(oldOp.parameters, newOp.parameters, ctx.differ, sink);
  diffRequestBody(oldOp.node, newOp.node, ctx.resolvers, ctx.differ, sink);
  diffResponses(oldOp.node, newOp.node, ctx.resolvers, ctx.differ, sink);
}
