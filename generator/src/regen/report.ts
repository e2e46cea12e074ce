/** The Markdown report of a regeneration: the pull request body a reviewer reads. */
import { renderDiffReport, type ApiDiff } from "../diff/index.js";
import type { PipelineResult } from "../pipeline.js";
import type { GuardedOverlayResult } from "../stages/overlay-guard.js";
import type { SpecVersion } from "./changeset.js";
import type { AffectedPackage } from "./packages.js";
import type { StepTiming } from "./timer.js";

/** Everything the report shows; gathered by `regen()`, rendered here without I/O. */
export interface RegenReportInput {
  oldSpec: SpecVersion & { source: string };
  newSpec: SpecVersion & { source: string };
  diff: ApiDiff;
  packages: AffectedPackage[];
  packageNameOfTag: (tag: string) => string;
  /** The changeset's path relative to the repo root, or undefined when none was needed. */
  changeset?: string;
  pipeline: PipelineResult;
  oldOverlay: GuardedOverlayResult;
  built: boolean;
  timings: StepTiming[];
  totalMs: number;
}

const code = (text: string): string => `\`${text}\``;
const short = (sha: string): string => code(sha.slice(0, 12));

function list(items: string[], empty: string): string[] {
  return items.length === 0 ? [`- ${empty}`] : items.map((i) => `- ${i}`);
}

function overlaySection(input: RegenReportInput): string[] {
  const { pipeline, oldOverlay } = input;
  const lines = ["### Overlays", "", "On the new spec (what was generated):", ""];
  lines.push(
    ...list(
      pipeline.unmatchedOverlays.map((u) => `matched nothing: ${u}`),
      "every overlay action matched",
    ),
  );
  lines.push(
    ...list(
      pipeline.inapplicableOverlays.map((i) => `left out as inapplicable: ${i}`),
      "no overlay file was left out",
    ),
  );
  // Only worth a line when it differs: a file left out on one side only can surface as an API change.
  const oldOut = oldOverlay.inapplicable.map((i) => i.file);
  if (oldOut.length > 0)
    lines.push("", `On the old spec, left out as inapplicable: ${oldOut.map(code).join(", ")}.`);
  return [...lines, ""];
}

function packagesSection(input: RegenReportInput): string[] {
  const added = input.packages.filter((p) => p.status === "added");
  const removed = input.packages.filter((p) => p.status === "removed");
  const lines: string[] = [];
  if (added.length > 0) {
    lines.push("### New packages", "");
    for (const p of added)
      lines.push(
        `- ${code(p.name)} (tag ${p.tags.map(code).join(", ")}): generated for the first time, ${p.bump}.`,
      );
    lines.push("");
  }
  if (removed.length > 0) {
    lines.push("### Removed tags", "");
    for (const p of removed)
      lines.push(
        `- ${p.tags.map(code).join(", ")} → ${code(p.name)}: no operations left in the spec. The package is no longer ` +
          `generated (its generated files were removed as stale) and stays on npm at its last published version.`,
      );
    lines.push("");
  }
  return lines;
}

function timingSection(input: RegenReportInput): string[] {
  const lines = ["### Timings", "", "| Step | Time |", "| --- | ---: |"];
  for (const t of input.timings)
    lines.push(`| ${t.step}${t.detail ? ` (${t.detail})` : ""} | ${(t.ms / 1000).toFixed(1)} s |`);
  lines.push(`| **total** | ${(input.totalMs / 1000).toFixed(1)} s |`, "");
  return lines;
}

/** Renders the report: header with both spec versions, the API diff, packages, overlays, generation, timings. */
export function renderRegenReport(input: RegenReportInput): string {
  const { oldSpec, newSpec, pipeline } = input;
  const w = pipeline.write;
  const lines = [
    `# OpenRouter spec update: ${oldSpec.date} → ${newSpec.date}`,
    "",
    "| | Date | sha256 | Source |",
    "| --- | --- | --- | --- |",
    `| Old | ${oldSpec.date} | ${short(oldSpec.sha256)} | ${code(oldSpec.source)} |`,
    `| New | ${newSpec.date} | ${short(newSpec.sha256)} | ${code(newSpec.source)} |`,
    "",
  ];
  lines.push(
    input.changeset
      ? `Changeset: ${code(input.changeset)}. ` +
          (input.built
            ? "Built, typechecked and tested."
            : "Build, typecheck and tests were skipped (--skip-build).")
      : "No package needs a release: the spec changed without an API change, so no changeset was written.",
    "",
  );
  // The diff report brings its own `##` heading and summary table.
  lines.push(
    renderDiffReport(input.diff, {
      packageName: input.packageNameOfTag,
      oldLabel: oldSpec.date,
      newLabel: newSpec.date,
    }).trimEnd(),
    "",
    "## Regeneration",
    "",
    ...packagesSection(input),
    ...overlaySection(input),
    "### Generated files",
    "",
    `${w.changed.length} written, ${w.stale.length} stale removed, ${w.unchanged} unchanged; ` +
      `${pipeline.api.resources.length} packages, ${pipeline.overlayChanges} overlay actions applied.`,
    "",
  );
  if (pipeline.warnings.length > 0) {
    // New tags and operations missing from spec/naming.json get derived names: worth pinning there.
    lines.push(
      `Naming warnings (${pipeline.warnings.length}), names were derived; consider adding them to ${code("spec/naming.json")}:`,
      "",
    );
    const shown = pipeline.warnings.slice(0, 20);
    lines.push(...shown.map((x) => `- ${x.message}`));
    if (pipeline.warnings.length > shown.length)
      lines.push(`- …and ${pipeline.warnings.length - shown.length} more`);
    lines.push("");
  }
  lines.push(...timingSection(input));
  return `${lines.join("\n").trimEnd()}\n`;
}
