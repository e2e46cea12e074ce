/** The semantic diff between the old and new spec, as the generator sees them (overlays applied). */
import { diffSpecs, type ApiDiff } from "../diff/index.js";
import type { LoadedInput } from "../stages/load.js";
import { applyOverlaysGuarded, type GuardedOverlayResult } from "../stages/overlay-guard.js";
import { validate } from "../stages/validate.js";

export interface SpecComparison {
  diff: ApiDiff;
  /** The guarded overlay run on the old spec (its left-out files are reported). */
  oldOverlay: GuardedOverlayResult;
  newOverlay: GuardedOverlayResult;
}

/**
 * Validates and overlays both specs the way the pipeline does, then diffs them. Overlays go on
 * both sides because the packages are generated from the overlaid spec: an overlay that restores
 * a field must not show up as the field being added or removed. The guarded stage leaves out
 * overlay files that do not fit a spec (an older version), as generation would.
 */
export function compareSpecs(oldInput: LoadedInput, newInput: LoadedInput): SpecComparison {
  const oldOverlay = applyOverlaysGuarded(validate(oldInput.spec), oldInput.overlays);
  const newOverlay = applyOverlaysGuarded(validate(newInput.spec), newInput.overlays);
  return { diff: diffSpecs(oldOverlay.spec, newOverlay.spec), oldOverlay, newOverlay };
}
