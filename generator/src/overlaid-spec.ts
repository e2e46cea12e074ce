import { resolveContext, type CliOptions } from "./context.js";
import { load } from "./stages/load.js";
import { applyOverlaysGuarded } from "./stages/overlay-guard.js";
import { validate } from "./stages/validate.js";

/**
 * The pinned spec with our overlays applied: the API as the SDK understands it. Mock servers use
 * it so that contract tests validate requests against the corrected spec (restored operations,
 * fixed security), not the published one.
 */
export async function loadOverlaidSpec(options: CliOptions = {}): Promise<Record<string, unknown>> {
  const ctx = resolveContext(options);
  const input = await load(ctx);
  return applyOverlaysGuarded(validate(input.spec), input.overlays).spec;
}
