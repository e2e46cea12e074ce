/**
 * Pipeline stage "overlay": applies our OpenAPI Overlay 1.0 documents (spec/overlays/*) to the
 * loaded spec. Spec defects are fixed here, never by editing generated output.
 *
 * Pure: it reads no files (the load stage hands over parsed documents) and never mutates its
 * input. Each action is recorded in `changes` for the CLI to log; an action whose target no
 * longer matches anything is recorded in `unmatched` instead of failing, so a spec refresh can
 * report overlays that have gone stale rather than silently skipping them.
 *
 * @see https://spec.openapis.org/overlay/v1.0.0.html
 */
import { applyAction } from "./overlay/apply-action.js";
import { validateOverlayDocument, type OverlayDocument } from "./overlay/overlay-document.js";

export type { OverlayAction, OverlayDocument } from "./overlay/overlay-document.js";
export { OverlayError } from "./overlay/overlay-error.js";

/** An overlay file as read by the load stage. */
export interface LoadedOverlay {
  /** Path of the file, used in reports and errors (e.g. `spec/overlays/010-restore-completions.yaml`). */
  file: string;
  /** The parsed YAML/JSON, not yet validated. */
  document: unknown;
}

/** What one action did. */
export interface OverlayChange {
  file: string;
  /** Index of the action in the file's `actions` array. */
  actionIndex: number;
  /** The action's JSONPath target. */
  target: string;
  kind: "update" | "remove";
  /** How many distinct nodes the target selected (0 in `unmatched`). */
  matched: number;
  /** The action's own description, when it has one. */
  description?: string;
}

/** Output of {@link applyOverlays}. */
export interface OverlayResult {
  /** A patched copy of the input spec. */
  spec: Record<string, unknown>;
  /** Actions that selected at least one node, in the order they ran. */
  changes: OverlayChange[];
  /** Actions whose target selected nothing (nothing was changed for them). */
  unmatched: OverlayChange[];
}

/**
 * Applies `overlays` to a copy of `spec`: files in the given order, actions in file order.
 * Every file is validated before any action runs.
 *
 * @throws OverlayError for an invalid overlay document, a malformed JSONPath target, or an action
 *   its selected nodes cannot take (e.g. `update` on a string, `remove` on the root).
 * @example
 * const { spec: patched, changes, unmatched } = applyOverlays(spec, [
 *   { file: "spec/overlays/030-drop-unused-sse.yaml", document: parse(text) },
 * ]);
 */
export function applyOverlays(
  spec: Record<string, unknown>,
  overlays: LoadedOverlay[],
): OverlayResult {
  const validated: Array<{ file: string; document: OverlayDocument }> = overlays.map(
    ({ file, document }) => ({ file, document: validateOverlayDocument(file, document) }),
  );

  const result = structuredClone(spec);
  const changes: OverlayChange[] = [];
  const unmatched: OverlayChange[] = [];
  for (const { file, document } of validated) {
    document.actions.forEach((action, actionIndex) => {
      const matched = applyAction(result, action, { file, actionIndex });
      const change: OverlayChange = {
        file,
        actionIndex,
        target: action.target,
        kind: action.remove === true ? "remove" : "update",
        matched,
        ...(action.description === undefined ? {} : { description: action.description }),
      };
      (matched > 0 ? changes : unmatched).push(change);
    });
  }
  return { spec: result, changes, unmatched };
}
