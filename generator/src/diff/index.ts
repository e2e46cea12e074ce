/**
 * Semantic diff of two OpenAPI 3.x documents, and a Markdown report of it for
 * pull requests. Pure functions: callers load and print.
 */
export { diffSpecs, compareChanges } from "./diff-specs.js";
export { renderDiffReport, type RenderDiffReportOptions } from "./render-report.js";
export { maxBump, type ApiChange, type ApiDiff, type Bump, type PackageBump } from "./types.js";
