/**
 * Applies one validated overlay action to a document, in place.
 *
 * @see https://spec.openapis.org/overlay/v1.0.0.html#action-object
 */
import { deepMerge, isPlainObject } from "./deep-merge.js";
import { formatNormalizedPath, queryJsonPath, type JsonPathMatch } from "./jsonpath.js";
import type { OverlayAction } from "./overlay-document.js";
import { OverlayError } from "./overlay-error.js";

/** Where an action came from, for error messages. */
export interface ActionSource {
  file: string;
  actionIndex: number;
}

/**
 * Runs `action` against `document` and returns how many distinct nodes its target selected.
 * Zero means nothing changed; the caller decides how to report that.
 *
 * @throws OverlayError when the selected nodes cannot take this action (e.g. `update` on a string).
 */
export function applyAction(
  document: Record<string, unknown>,
  action: OverlayAction,
  source: ActionSource,
): number {
  // Select everything before changing anything, so an action never sees its own edits.
  const matches = uniqueMatches(queryJsonPath(document, action.target));
  if (action.remove === true) removeMatches(matches, source);
  else for (const match of matches) updateMatch(match, action.update, source);
  return matches.length;
}

function updateMatch(match: JsonPathMatch, update: unknown, source: ActionSource): void {
  const at = `/actions/${source.actionIndex}`;
  const where = formatNormalizedPath(match.path);
  if (Array.isArray(match.value)) {
    // Overlay 1.0: "If the target selects an array, the value of this field MUST be an entry to
    // append to the array" — one entry, even when that entry is itself an array.
    match.value.push(structuredClone(update));
  } else if (isPlainObject(match.value)) {
    if (!isPlainObject(update)) {
      throw new OverlayError(
        source.file,
        `${at}/update`,
        `target selects an object at ${where}, so update must be an object to merge into it`,
      );
    }
    deepMerge(match.value, update);
  } else {
    throw new OverlayError(
      source.file,
      `${at}/target`,
      `target selects ${describe(match.value)} at ${where}; update needs objects or arrays, ` +
        `so target the containing object and update the property instead`,
    );
  }
}

function removeMatches(matches: JsonPathMatch[], source: ActionSource): void {
  const arrayRemovals = new Map<unknown[], number[]>();
  for (const { parent, key } of matches) {
    if (parent === undefined) {
      throw new OverlayError(
        source.file,
        `/actions/${source.actionIndex}/target`,
        "target selects the document root, which cannot be removed",
      );
    }
    if (Array.isArray(parent)) {
      const indices = arrayRemovals.get(parent) ?? [];
      indices.push(key as number);
      arrayRemovals.set(parent, indices);
    } else {
      delete parent[key as string];
    }
  }
  // Highest index first, so earlier splices don't shift the elements still to be removed.
  for (const [array, indices] of arrayRemovals) {
    for (const i of indices.sort((a, b) => b - a)) array.splice(i, 1);
  }
}

/**
 * Drops repeated selections of the same node (e.g. `$['a','a']`), so an update appends once and a
 * removal doesn't take out a neighbouring element.
 */
function uniqueMatches(matches: JsonPathMatch[]): JsonPathMatch[] {
  const seen = new Map<object | undefined, Set<string | number | undefined>>();
  return matches.filter(({ parent, key }) => {
    const keys = seen.get(parent) ?? new Set();
    seen.set(parent, keys);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return `a string (${JSON.stringify(value).slice(0, 40)})`;
  return `a ${typeof value}`;
}
