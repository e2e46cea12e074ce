/**
 * The benchmark report: reads results/runtime.json (`runtime-bench`) and results/typecheck.json
 * (`typecheck-bench`), prints one set of Markdown tables with ratios to the floor, `openai` and
 * `@openrouter/sdk`, and writes results/summary.md, results/chart.svg and the repository README's
 * block between `<!-- bench:start -->` and `<!-- bench:end -->`.
 *
 *   pnpm --filter @orkit/bench report
 *
 * The output depends only on the two JSON files (no clock, no locale), so the same input always
 * gives the same bytes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { chartSvg } from "./report/chart.js";
import { loadResults } from "./report/data.js";
import { figures } from "./report/figures.js";
import { readmeBlock, summaryMarkdown } from "./report/markdown.js";
import { spliceReadme } from "./report/readme.js";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(benchDir, "results");
const repoReadme = path.join(benchDir, "..", "README.md");
const summaryFile = path.join(resultsDir, "summary.md");
const chartFile = path.join(resultsDir, "chart.svg");

const results = loadResults(
  path.join(resultsDir, "runtime.json"),
  path.join(resultsDir, "typecheck.json"),
);
const f = figures(results);

/** Formatted as the repository's Prettier config would, so `prettier --check` passes. */
async function markdown(source: string, filepath: string): Promise<string> {
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(source, { ...options, parser: "markdown", filepath });
}

const summary = await markdown(`${summaryMarkdown(results, f)}\n`, summaryFile);
process.stdout.write(summary);

writeIfChanged(summaryFile, summary);
writeIfChanged(chartFile, chartSvg(results, f));

const block = await markdown(`${readmeBlock(results, f)}\n`, repoReadme);
writeIfChanged(repoReadme, spliceReadme(readFileSync(repoReadme, "utf8"), block));

function writeIfChanged(file: string, contents: string): void {
  let old: string | undefined;
  try {
    old = readFileSync(file, "utf8");
  } catch {
    old = undefined;
  }
  const rel = path.relative(process.cwd(), file);
  if (old === contents) {
    process.stderr.write(`${rel}: unchanged\n`);
    return;
  }
  writeFileSync(file, contents);
  process.stderr.write(`${rel}: written\n`);
}
