import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { GENERATOR_VERSION } from "../config.js";
import type { GeneratorContext } from "../context.js";
import type { EmittedFile } from "./emit.js";
import { sha256, type LoadedInput } from "./load.js";

export interface WriteResult {
  /** Files whose content changed (or would change, with `--check`). */
  changed: string[];
  /** Files that were generated before and are no longer (deleted, or would be). */
  stale: string[];
  unchanged: number;
  /** True when `spec/spec.lock.json` was (or would be) updated. */
  lockChanged: boolean;
}

const MANIFEST = "manifest.gen.json";

/**
 * The provenance record: which spec, overlays, naming table and generator produced the output,
 * and a hash of every file, so a reviewer (or the regeneration bot) can tell what came from where.
 */
function manifest(files: EmittedFile[], input: LoadedInput): EmittedFile {
  const content = {
    generator: { name: "@orkit/generator", version: GENERATOR_VERSION },
    spec: { sha256: input.specHash, sourceUrl: input.lock.sourceUrl },
    overlays: input.overlays.map((o) => ({
      file: o.file,
      sha256: sha256(JSON.stringify(o.document)),
    })),
    naming: { sha256: sha256(JSON.stringify(input.naming)) },
    files: Object.fromEntries(
      files.filter((f) => !f.partial).map((f) => [f.path, sha256(f.content)]),
    ),
  };
  return { path: MANIFEST, content: JSON.stringify(content, null, 2) + "\n", format: "json" };
}

/**
 * The only stage that writes: changed files, deletion of stale generated files, the manifest and
 * (for a newly adopted spec) the lock. With `--check` it writes nothing and only reports.
 */
export async function write(
  files: EmittedFile[],
  input: LoadedInput,
  ctx: GeneratorContext,
): Promise<WriteResult> {
  const all = [...files, manifest(files, input)];
  const next = new Set(all.map((f) => f.path));
  const changed = all.filter((f) => input.existing.get(f.path) !== f.content).map((f) => f.path);
  const previous = input.existing.get(MANIFEST);
  const previouslyGenerated = new Set<string>([
    ...[...input.existing.keys()].filter((p) => p.endsWith(".gen.ts")),
    ...(previous
      ? Object.keys((JSON.parse(previous) as { files: Record<string, string> }).files)
      : []),
  ]);
  const stale = [...previouslyGenerated].filter((p) => !next.has(p)).sort();
  const lockChanged = !ctx.standalone && input.nextLock.sha256 !== input.lock.sha256;

  if (!ctx.check) {
    await Promise.all(
      all
        .filter((f) => changed.includes(f.path))
        .map(async (f) => {
          const abs = path.join(ctx.outDir, f.path);
          await mkdir(path.dirname(abs), { recursive: true });
          await writeFile(abs, f.content);
        }),
    );
    await Promise.all(stale.map((p) => rm(path.join(ctx.outDir, p), { force: true })));
    if (lockChanged) {
      await writeFile(
        path.join(ctx.specDir, "spec.lock.json"),
        JSON.stringify(input.nextLock, null, 2) + "\n",
      );
    }
  }
  return { changed, stale, unchanged: all.length - changed.length, lockChanged };
}
