import type { GeneratorContext } from "./context.js";
import { emit } from "./stages/emit.js";
import { format } from "./stages/format.js";
import { load } from "./stages/load.js";
import { normalize } from "./stages/normalize.js";
import { applyOverlaysGuarded } from "./stages/overlay-guard.js";
import { plan } from "./stages/plan.js";
import { generateTypes } from "./stages/types.js";
import { validate } from "./stages/validate.js";
import { write, type WriteResult } from "./stages/write.js";
import type { ApiIR } from "./ir/types.js";
import type { NamingWarning } from "./naming/index.js";

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface PipelineResult {
  api: ApiIR;
  timings: StageTiming[];
  warnings: NamingWarning[];
  overlayChanges: number;
  unmatchedOverlays: string[];
  /** Overlay files left out because they do not fit this spec (e.g. an older version). */
  inapplicableOverlays: string[];
  write: WriteResult;
  specHash: string;
}

/** Runs the named, timed stages in order: load → validate → overlay → normalize → types → plan → emit → format → write. */
export async function runPipeline(ctx: GeneratorContext): Promise<PipelineResult> {
  const timings: StageTiming[] = [];
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    timings.push({ stage, ms: performance.now() - start });
    return result;
  };

  const input = await timed("load", () => load(ctx));
  const valid = await timed("validate", () => validate(input.spec));
  // Each overlay file is re-validated as it applies (a dangling $ref, a duplicate operationId).
  const overlaid = await timed("overlay", () => applyOverlaysGuarded(valid, input.overlays));
  const spec = overlaid.spec;
  const { api, warnings } = await timed("normalize", () => normalize(spec, input.naming));
  const types = await timed("types", () => generateTypes(spec, api));
  const planned = await timed("plan", () => plan(api, ctx));
  const emitted = await timed("emit", () => emit(api, planned, types, input, ctx));
  const formatted = await timed("format", () => format(emitted));
  const written = await timed("write", () => write(formatted, input, ctx));
  return {
    api,
    timings,
    warnings,
    overlayChanges: overlaid.changes.length,
    unmatchedOverlays: overlaid.unmatched.map(
      (u) => `${u.file} action ${u.actionIndex} (${u.target})`,
    ),
    inapplicableOverlays: overlaid.inapplicable.map((i) => `${i.file}: ${i.reason}`),
    write: written,
    specHash: input.specHash,
  };
}
