import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { GeneratorContext } from "../context.js";
import { InputError } from "../errors.js";
import type { NamingTable } from "../naming/index.js";
import type { LoadedOverlay } from "./overlay.js";

/** The shape of `spec/spec.lock.json`. */
export interface SpecLock {
  sourceUrl: string;
  sha256: string;
  date: string;
  defaultPath: string;
}

/** Everything the pipeline reads, gathered in one place: later stages do no I/O. */
export interface LoadedInput {
  spec: Record<string, unknown>;
  specText: string;
  specHash: string;
  /** Where the spec came from: a path, or the source URL. */
  specSource: string;
  lock: SpecLock;
  /** The lock as it should be after this run (differs only when another spec was chosen). */
  nextLock: SpecLock;
  overlays: LoadedOverlay[];
  naming: NamingTable;
  /** Generated files already on disk under the output folder, by path relative to it. */
  existing: Map<string, string>;
  /** Versions of existing packages, by folder name, so regeneration keeps changesets' bumps. */
  versions: Map<string, string>;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Parses JSON or YAML by content (a spec may come as either). */
export function parseSpecText(text: string, source: string): Record<string, unknown> {
  try {
    const trimmed = text.trimStart();
    const doc = trimmed.startsWith("{")
      ? JSON.parse(trimmed)
      : parseYaml(text, { maxAliasCount: -1 });
    if (!doc || typeof doc !== "object") throw new Error("not an object");
    return doc as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`cannot parse the spec ${source}: ${(error as Error).message}`);
  }
}

async function readSpec(
  ctx: GeneratorContext,
  lock: SpecLock,
): Promise<{ text: string; source: string }> {
  if (ctx.download) {
    // The real-world path: OpenRouter publishes the spec at the lock's source URL.
    const response = await fetch(lock.sourceUrl).catch((error: unknown) => {
      throw new InputError(`cannot download ${lock.sourceUrl}: ${(error as Error).message}`);
    });
    if (!response.ok)
      throw new InputError(`cannot download ${lock.sourceUrl}: HTTP ${response.status}`);
    return { text: await response.text(), source: lock.sourceUrl };
  }
  // Without --spec the lock says where the pinned file lives (relative to the repository root).
  const specPath = ctx.specPath ?? path.resolve(ctx.repoRoot, lock.defaultPath);
  if (!existsSync(specPath)) {
    throw new InputError(
      `spec not found at ${specPath}; pass --spec FILE, set ORKIT_SPEC, or use --download`,
    );
  }
  return { text: await readFile(specPath, "utf8"), source: specPath };
}

function parseOverlayText(text: string, file: string): unknown {
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    throw new InputError(`cannot parse overlay ${file}: ${(error as Error).message}`);
  }
}

async function readOverlays(dir: string): Promise<LoadedOverlay[]> {
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      file: `spec/overlays/${file}`,
      document: parseOverlayText(
        await readFile(path.join(dir, file), "utf8"),
        `spec/overlays/${file}`,
      ),
    })),
  );
}

/** Lists files below `dir`, skipping dependency and build folders. */
async function walk(dir: string, skip: Set<string>): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) return skip.has(e.name) ? [] : walk(abs, skip);
      return e.isFile() ? [abs] : [];
    }),
  );
  return nested.flat();
}

/** Snapshots generated files (and package manifests) already in the output folder. */
async function readExisting(
  outDir: string,
): Promise<{ files: Map<string, string>; versions: Map<string, string> }> {
  const files = new Map<string, string>();
  const versions = new Map<string, string>();
  if (!existsSync(outDir)) return { files, versions };
  const all = await walk(outDir, new Set(["node_modules", "dist", ".turbo"]));
  await Promise.all(
    all.map(async (abs) => {
      const rel = path.relative(outDir, abs).split(path.sep).join("/");
      const packageLevel = rel.split("/").length === 2;
      const isManifest = packageLevel && rel.endsWith("/package.json");
      const isPackageFile =
        packageLevel && /\/(package\.json|tsconfig\.json|README\.md|API\.md)$/.test(rel);
      if (!rel.endsWith(".gen.ts") && !rel.endsWith(".gen.json") && !isPackageFile) return;
      const text = await readFile(abs, "utf8");
      files.set(rel, text);
      if (isManifest) {
        const version = (JSON.parse(text) as { version?: string }).version;
        if (version) versions.set(rel.split("/")[0]!, version);
      }
    }),
  );
  return { files, versions };
}

/** The only stage that reads: the lock, the naming table, the overlays, the spec and the old output. */
export async function load(ctx: GeneratorContext): Promise<LoadedInput> {
  const specDir = ctx.specDir;
  const lock = JSON.parse(await readFile(path.join(specDir, "spec.lock.json"), "utf8")) as SpecLock;
  const naming = JSON.parse(
    await readFile(path.join(specDir, "naming.json"), "utf8"),
  ) as NamingTable;
  const [{ text, source }, overlays, existing] = await Promise.all([
    readSpec(ctx, lock),
    readOverlays(path.join(specDir, "overlays")),
    readExisting(ctx.outDir),
  ]);
  const specHash = sha256(text);
  if (specHash !== lock.sha256 && !ctx.specExplicit && !ctx.download) {
    throw new InputError(
      `the spec at ${source} has sha256 ${specHash}, but spec/spec.lock.json pins ${lock.sha256}. ` +
        `Run \`pnpm generate --spec ${source}\` to adopt it (this updates the lock), or restore the pinned file.`,
    );
  }
  const dated = /(\d{4}-\d{2}-\d{2})/.exec(path.basename(source))?.[1];
  const adoptedPath =
    ctx.lockDefaultPath ??
    (ctx.specPath
      ? path.relative(ctx.repoRoot, ctx.specPath).split(path.sep).join("/")
      : lock.defaultPath);
  const nextLock: SpecLock =
    specHash === lock.sha256
      ? lock
      : {
          ...lock,
          sha256: specHash,
          date: dated ?? new Date().toISOString().slice(0, 10),
          defaultPath: adoptedPath,
        };
  return {
    spec: parseSpecText(text, source),
    specText: text,
    specHash,
    specSource: source,
    lock,
    nextLock,
    overlays,
    naming,
    existing: existing.files,
    versions: existing.versions,
  };
}
