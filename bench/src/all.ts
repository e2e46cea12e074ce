/**
 * Every benchmark, then the report:
 *
 *   pnpm --filter @orkit/bench bench
 *
 * Runs `src/runtime.ts` (results/runtime.json), then `src/typecheck.ts` (results/typecheck.json),
 * each in its own child process and one after the other so they never compete for the CPU, then
 * `src/report.ts` (results/summary.md, results/chart.svg, the README block). Stops at the first
 * step that fails and exits with its status. About 5 minutes on an idle 2-core machine.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const steps = [
  ["runtime benchmark", "src/runtime.ts"],
  ["type-check benchmark", "src/typecheck.ts"],
  ["report", "src/report.ts"],
] as const;

for (const [name, script] of steps) {
  process.stderr.write(`\n=== ${name} (${script})\n\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", script], {
    cwd: benchDir,
    stdio: "inherit",
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
    process.stderr.write(`\n${name} failed (${why}) after ${seconds} s; later steps skipped\n`);
    process.exit(r.status || 1);
  }
  process.stderr.write(`\n=== ${name} done in ${seconds} s\n`);
}
