/**
 * The publishable packages of the workspace and their tarballs, shared by the release gates
 * (`pnpm run gates`) and the packed-install smoke test (`pnpm run smoke`).
 *
 * Everything is packed the way it is published: `pnpm pack` rewrites `workspace:^` ranges to real
 * versions and applies `files`, so what is checked is exactly what npm would receive.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const pnpmBin = path.join(root, "node_modules", ".bin", "pnpm");

export interface WorkspacePackage {
  /** `@orkit/openrouter-chat` */
  name: string;
  version: string;
  /** absolute path of the package folder */
  dir: string;
  /** `packages/openrouter-chat` */
  relDir: string;
  manifest: Record<string, unknown>;
}

export interface PackedPackage extends WorkspacePackage {
  /** absolute path of the `.tgz` */
  tarball: string;
}

/** Every non-private package under `packages/`, sorted by name. */
export function publishablePackages(): WorkspacePackage[] {
  const base = path.join(root, "packages");
  const out: WorkspacePackage[] = [];
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(base, entry.name);
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Record<
        string,
        unknown
      >;
    } catch {
      continue;
    }
    if (manifest.private === true) continue;
    out.push({
      name: String(manifest.name),
      version: String(manifest.version),
      dir,
      relDir: `packages/${entry.name}`,
      manifest,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The file name `pnpm pack` gives a package: `@orkit/openrouter-chat@0.1.0` → `orkit-openrouter-chat-0.1.0.tgz`. */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, "").replace(/\//g, "-")}-${version}.tgz`;
}

/**
 * Packs `packages` (all publishable ones by default) into `dest` (a new temp dir by default) with
 * one recursive `pnpm pack`, and checks that every expected tarball is there. The packages must be
 * built (`turbo run build`): `dist/` is what is packed.
 */
export function packPackages(
  packages: WorkspacePackage[] = publishablePackages(),
  dest: string = mkdtempSync(path.join(tmpdir(), "orkit-pack-")),
): PackedPackage[] {
  const filters = packages.flatMap((p) => ["--filter", `./${p.relDir}`]);
  execFileSync(pnpmBin, ["-r", ...filters, "pack", "--pack-destination", dest], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const present = new Set(readdirSync(dest));
  return packages.map((p) => {
    const file = tarballName(p.name, p.version);
    if (!present.has(file))
      throw new Error(`pnpm pack did not produce ${file} for ${p.name} in ${dest}`);
    return { ...p, tarball: path.join(dest, file) };
  });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `12.3 s`-style elapsed time since `start` (from `performance.now()`). */
export function since(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}
