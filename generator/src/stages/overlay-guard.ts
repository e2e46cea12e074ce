import { SpecError } from "../errors.js";
import { applyOverlays, type LoadedOverlay, type OverlayChange } from "./overlay.js";
import { validate } from "./validate.js";

/** An overlay file that could not apply to this spec as a whole, and why. */
export interface InapplicableOverlay {
  file: string;
  reason: string;
}

export interface GuardedOverlayResult {
  spec: Record<string, unknown>;
  changes: OverlayChange[];
  unmatched: OverlayChange[];
  inapplicable: InapplicableOverlay[];
}

/**
 * Applies overlay files one at a time, each all-or-nothing. Our overlays are written against the
 * pinned spec; on an older or newer spec an overlay may add a `$ref` to a schema that does not exist
 * there. Such a file is left out and reported (the regeneration bot lists it), instead of failing
 * the whole run or leaving a half-applied document. A malformed overlay is still an error.
 */
export function applyOverlaysGuarded(
  spec: Record<string, unknown>,
  overlays: LoadedOverlay[],
): GuardedOverlayResult {
  let current = spec;
  const changes: OverlayChange[] = [];
  const unmatched: OverlayChange[] = [];
  const inapplicable: InapplicableOverlay[] = [];
  for (const overlay of overlays) {
    const result = applyOverlays(current, [overlay]);
    try {
      validate(result.spec);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      inapplicable.push({ file: overlay.file, reason: error.message });
      continue;
    }
    current = result.spec;
    changes.push(...result.changes);
    unmatched.push(...result.unmatched);
  }
  return { spec: current, changes, unmatched, inapplicable };
}
