import { mkdtemp, mkdir, readFile, readdir, rm, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { resolveContext, type GeneratorContext } from "../src/context.js";
import { runPipeline, type PipelineResult } from "../src/pipeline.js";

export const GENERATOR_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = path.resolve(GENERATOR_ROOT, "..");
export const FIXTURE_SPECS = path.join(GENERATOR_ROOT, "test", "fixtures", "specs");
export const PINNED_SPEC = path.resolve(
  process.env.ORKIT_SPEC ?? path.join(REPO_ROOT, "../shared/openrouter-spec/openapi.yaml"),
);
export const HISTORY_DIR = path.resolve(
  process.env.ORKIT_SPEC_HISTORY ?? path.join(REPO_ROOT, "../shared/openrouter-spec/history"),
);

export interface GeneratedTree {
  ctx: GeneratorContext;
  result: PipelineResult;
  /** Output files by relative path. */
  files: Map<string, string>;
  cleanup: () => Promise<void>;
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? listFiles(path.join(dir, e.name), base)
        : [path.relative(base, path.join(dir, e.name))],
    ),
  );
  return nested
    .flat()
    .map((p) => p.split(path.sep).join("/"))
    .sort();
}

/**
 * Generates `spec` with `--out` into a temporary folder. Fixture specs get their own spec folder
 * (an empty naming table, optional overlays) so they never depend on the real one; the real spec
 * uses the repository's `spec/`.
 */
export async function generateInto(
  spec: string,
  options: { overlaysDir?: string; naming?: object; useRepoSpecDir?: boolean } = {},
): Promise<GeneratedTree> {
  const tmp = await mkdtemp(path.join(tmpdir(), "orkit-gen-"));
  let specDir: string | undefined;
  if (!options.useRepoSpecDir) {
    specDir = path.join(tmp, "spec");
    await mkdir(specDir, { recursive: true });
    await writeFile(
      path.join(specDir, "spec.lock.json"),
      JSON.stringify({
        sourceUrl: "http://127.0.0.1/openapi.json",
        sha256: "0",
        date: "2026-01-01",
        defaultPath: spec,
      }),
    );
    await writeFile(
      path.join(specDir, "naming.json"),
      JSON.stringify(options.naming ?? { resources: {}, operations: {} }),
    );
    if (options.overlaysDir)
      await cp(options.overlaysDir, path.join(specDir, "overlays"), { recursive: true });
  }
  const ctx = resolveContext({ spec, out: path.join(tmp, "out"), specDir, env: {} });
  const result = await runPipeline(ctx);
  const files = new Map<string, string>();
  for (const rel of await listFiles(ctx.outDir))
    files.set(rel, await readFile(path.join(ctx.outDir, rel), "utf8"));
  return { ctx, result, files, cleanup: () => rm(tmp, { recursive: true, force: true }) };
}

/** Type-checks a `--out` folder through its generated tsconfig; returns the diagnostics as text. */
export function typecheckOut(outDir: string): string[] {
  const configPath = path.join(outDir, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, outDir);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${path.relative(outDir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
