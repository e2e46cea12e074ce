/**
 * Renders an {@link ApiDiff} as Markdown for a pull request body: a summary
 * table first (what reviewers and the release need), then each package's
 * changes in plain words, grouped by operation, breaking changes first.
 */
import {
  compareBumpDesc,
  type ApiChange,
  type ApiDiff,
  type Bump,
  type PackageBump,
} from "./types.js";

/** Options for {@link renderDiffReport}. */
export interface RenderDiffReportOptions {
  /** Maps an OpenAPI tag to its npm package name, e.g. `Chat` → `@orkit/openrouter-chat`. */
  packageName: (tag: string) => string;
  /** Names the old spec version in the heading, e.g. a date or commit. */
  oldLabel?: string;
  /** Names the new spec version in the heading. */
  newLabel?: string;
  /**
   * Most changes listed per package; the rest are counted, so a large spec
   * refresh still fits a PR body (GitHub caps them at 65,536 characters).
   * @default 100
   */
  maxChangesPerPackage?: number;
}

const code = (text: string): string => `\`${text}\``;

function heading(opts: RenderDiffReportOptions): string {
  if (opts.oldLabel && opts.newLabel) return `## API changes: ${opts.oldLabel} → ${opts.newLabel}`;
  if (opts.newLabel) return `## API changes in ${opts.newLabel}`;
  return "## API changes";
}

function countByBump(changes: ApiChange[]): string {
  const counts: Record<Bump, number> = { major: 0, minor: 0, patch: 0 };
  for (const c of changes) counts[c.bump]++;
  return (["major", "minor", "patch"] as const)
    .filter((b) => counts[b] > 0)
    .map((b) => `${counts[b]} ${b}`)
    .join(", ");
}

function renderPackage(pkg: PackageBump, opts: RenderDiffReportOptions): string[] {
  const limit = opts.maxChangesPerPackage ?? 100;
  const lines = [`### ${code(opts.packageName(pkg.tag))}: ${pkg.bump}`, ""];
  // Group by operation in the diff's order; inside a group, breaking changes lead.
  const groups = new Map<string, ApiChange[]>();
  for (const change of pkg.changes) {
    const group = groups.get(change.operation) ?? [];
    group.push(change);
    groups.set(change.operation, group);
  }
  let shown = 0;
  for (const [operation, group] of groups) {
    if (shown >= limit) break;
    const ordered = [...group].sort((a, b) => compareBumpDesc(a.bump, b.bump));
    const items = ordered.slice(0, limit - shown);
    shown += items.length;
    lines.push(`- ${operation === "" ? "Package" : code(operation)}`);
    for (const c of items)
      lines.push(`  - ${c.bump === "major" ? "**major**" : c.bump}: ${c.message}`);
  }
  if (shown < pkg.changes.length) {
    const rest = pkg.changes.length - shown;
    lines.push(
      `- …and ${rest} more change${rest === 1 ? "" : "s"} not listed (${countByBump(pkg.changes)} in total).`,
    );
  }
  lines.push("");
  return lines;
}

/**
 * Renders `diff` as Markdown: a table of package, bump and change count, then
 * one section per package listing its changes in plain words.
 *
 * @example
 * renderDiffReport(diffSpecs(oldSpec, newSpec), {
 *   packageName: (tag) => `@orkit/openrouter-${tag.toLowerCase().replace(/\W+/g, "-")}`,
 *   oldLabel: "2026-08-11",
 *   newLabel: "2026-08-22",
 * });
 */
export function renderDiffReport(diff: ApiDiff, opts: RenderDiffReportOptions): string {
  const lines = [heading(opts), ""];
  if (diff.packages.length === 0) {
    lines.push("No API changes.");
    return `${lines.join("\n")}\n`;
  }
  lines.push("| Package | Bump | Changes |", "| --- | --- | ---: |");
  for (const pkg of diff.packages)
    lines.push(`| ${code(opts.packageName(pkg.tag))} | ${pkg.bump} | ${pkg.changes.length} |`);
  lines.push("");
  if (diff.addedTags.length > 0)
    lines.push(
      `New packages: ${diff.addedTags.map((t) => code(opts.packageName(t))).join(", ")}.`,
      "",
    );
  if (diff.removedTags.length > 0) {
    lines.push(
      `Packages with no operations left: ${diff.removedTags.map((t) => code(opts.packageName(t))).join(", ")}.`,
      "",
    );
  }
  for (const pkg of diff.packages) lines.push(...renderPackage(pkg, opts));
  return `${lines.join("\n").trimEnd()}\n`;
}
