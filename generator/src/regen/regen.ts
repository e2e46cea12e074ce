/**
 * `pnpm regen`: adopt a new OpenRouter spec in one step. Diff it against the pinned one,
 * regenerate the packages in place, check the workspace, and write one changeset plus a report,
 * so the bot's pull request carries both the code and the release notes.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT, resolveContext } from "../context.js";
import type { ApiDiff } from "../diff/index.js";
import { runPipeline } from "../pipeline.js";
import { buildAndTest } from "./build.js";
import { renderChangeset, writeChangeset } from "./changeset.js";
import { compareSpecs } from "./compare.js";
import type { RegenOptions } from "./options.js";
import {
  affectedPackages,
  packageNameOfTag,
  umbrellaBump,
  type AffectedPackage,
} from "./packages.js";
import { renderRegenReport } from "./report.js";
import { loadNewSpec, loadOldSpec } from "./spec-input.js";
import { Stopwatch, type StepTiming } from "./timer.js";

/** The new spec is the pinned one: nothing was written. */
export interface RegenUnchanged {
  status: "unchanged";
  sha256: string;
}

/** The packages were regenerated from a new spec. */
export interface RegenDone {
  status: "regenerated";
  oldSha256: string;
  newSha256: string;
  diff: ApiDiff;
  packages: AffectedPackage[];
  /** Absolute path of the changeset, unless no package needed a release. */
  changesetPath?: string;
  changeset?: string;
  reportPath: string;
  report: string;
  timings: StepTiming[];
  totalMs: number;
}

export type RegenResult = RegenUnchanged | RegenDone;

/** Runs a regeneration; see {@link RegenOptions}. Throws InputError/SpecError for bad input, Error when the build fails. */
export async function regen(options: RegenOptions = {}): Promise<RegenResult> {
  const repoRoot = path.resolve(options.repoRoot ?? REPO_ROOT);
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const watch = new Stopwatch();

  const next = await watch.time(options.spec ? "load new spec" : "download new spec", () =>
    loadNewSpec(repoRoot, options.spec),
  );
  try {
    const { input: newInput } = next;
    if (options.saveSpec) {
      await mkdir(path.dirname(options.saveSpec), { recursive: true });
      await writeFile(options.saveSpec, newInput.specText);
    }
    // The lock records the spec the packages came from: the same hash means there is nothing to do.
    if (newInput.specHash === newInput.lock.sha256)
      return { status: "unchanged", sha256: newInput.specHash };
    log(
      `new spec ${newInput.specHash.slice(0, 12)} (pinned: ${newInput.lock.sha256.slice(0, 12)})`,
    );

    const old = await watch.time("load old spec", () => loadOldSpec(repoRoot, newInput.lock, env));
    const { diff, oldOverlay } = await watch.time("overlay + diff", () =>
      compareSpecs(old.input, newInput),
    );
    log(`diff: ${diff.changes.length} changes in ${diff.packages.length} tags`);

    // Generate in place from the new spec: writes the packages and the lock, removes stale files.
    const pipeline = await watch.time("generate", () =>
      runPipeline(
        resolveContext({
          spec: next.file,
          repoRoot,
          env: {},
          // Record where the adopted spec will live: the saved copy, the given file, or (for a
          // download nobody saved) the old defaultPath, which then needs ORKIT_SPEC to diff again.
          lockDefaultPath: options.saveSpec
            ? path.relative(repoRoot, options.saveSpec).split(path.sep).join("/")
            : options.spec
              ? undefined
              : newInput.lock.defaultPath,
        }),
      ),
    );
    watch.steps[watch.steps.length - 1]!.detail = pipeline.timings
      .map((t) => `${t.stage} ${(t.ms / 1000).toFixed(1)}s`)
      .join(", ");
    log(
      `generated: ${pipeline.write.changed.length} files written, ${pipeline.write.stale.length} stale removed`,
    );

    if (!options.skipBuild)
      await watch.time("install + build + typecheck + test", () => buildAndTest(repoRoot, log));

    const ctx = resolveContext({ repoRoot, env: {} });
    const packages = affectedPackages(diff, newInput.naming, ctx.outDir);
    const oldVersion = { sha256: old.input.specHash, date: newInput.lock.date };
    const newVersion = { sha256: newInput.specHash, date: newInput.nextLock.date };
    const changeset = renderChangeset(packages, oldVersion, newVersion);
    const changesetPath = changeset
      ? await writeChangeset(repoRoot, newInput.specHash, changeset)
      : undefined;

    const totalMs = watch.elapsed();
    const report = renderRegenReport({
      oldSpec: { ...oldVersion, source: old.path },
      newSpec: { ...newVersion, source: newInput.specSource },
      diff,
      packages,
      packageNameOfTag: (tag) => packageNameOfTag(tag, newInput.naming),
      changeset: changesetPath && path.relative(repoRoot, changesetPath).split(path.sep).join("/"),
      pipeline,
      oldOverlay,
      built: !options.skipBuild,
      timings: watch.steps,
      totalMs,
    });
    const reportPath = options.report ?? path.join(repoRoot, "regen-report.md");
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, report);
    log(`umbrella bump: ${umbrellaBump(packages) ?? "none"}`);
    return {
      status: "regenerated",
      oldSha256: old.input.specHash,
      newSha256: newInput.specHash,
      diff,
      packages,
      changesetPath,
      changeset,
      reportPath,
      report,
      timings: watch.steps,
      totalMs,
    };
  } finally {
    await next.cleanup();
  }
}
