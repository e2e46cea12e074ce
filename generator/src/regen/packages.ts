/** Which npm packages a spec diff touches, named exactly as the generator names them. */
import { existsSync } from "node:fs";
import path from "node:path";
import { packageDir, packageName, UMBRELLA_SLUG } from "../config.js";
import { maxBump, type ApiChange, type ApiDiff, type Bump } from "../diff/index.js";
import { resolveResourceNames, type NamingTable } from "../naming/index.js";

/**
 * The diff files operations without a tag under `default`; the generator's normalize stage puts
 * them in a resource tagged `General`. Map one to the other so both name the same package.
 */
const DIFF_UNTAGGED = "default";
const GENERATOR_UNTAGGED = "General";

/** What happened to one package. */
export type PackageStatus = "changed" | "added" | "removed";

/** One package the diff touches. */
export interface AffectedPackage {
  /** The OpenAPI tag(s) it is generated from (two tags can share a package via naming.json). */
  tags: string[];
  slug: string;
  name: string;
  bump: Bump;
  status: PackageStatus;
  changes: ApiChange[];
  /**
   * True when its package.json exists after generation. A removed tag's generated files are
   * deleted as stale, so its package leaves the workspace; changesets cannot bump it, and it stays
   * on npm at its last published version.
   */
  inWorkspace: boolean;
}

/** The package slug of a tag, by the generator's rule: naming.json's `package`, else kebab-case. */
export function slugOfTag(tag: string, naming: NamingTable): string {
  const generatorTag = tag === DIFF_UNTAGGED ? GENERATOR_UNTAGGED : tag;
  // Warnings about unlisted tags are the pipeline's to report; here only the name matters.
  return resolveResourceNames(generatorTag, naming, () => {}).slug;
}

/** `Chat` → `@orkit/openrouter-chat`, for the report and the changeset. */
export function packageNameOfTag(tag: string, naming: NamingTable): string {
  return packageName(slugOfTag(tag, naming));
}

/**
 * Groups the diff's per-tag bumps by package (largest bump wins when tags share one), marks
 * new and removed packages, and checks which are still in the workspace under `packagesDir`.
 * Sorted by package name so the changeset is stable.
 */
export function affectedPackages(
  diff: ApiDiff,
  naming: NamingTable,
  packagesDir: string,
): AffectedPackage[] {
  const added = new Set(diff.addedTags);
  const removed = new Set(diff.removedTags);
  const bySlug = new Map<string, AffectedPackage>();
  for (const pkg of diff.packages) {
    const slug = slugOfTag(pkg.tag, naming);
    const status: PackageStatus = added.has(pkg.tag)
      ? "added"
      : removed.has(pkg.tag)
        ? "removed"
        : "changed";
    const entry = bySlug.get(slug);
    if (entry) {
      entry.tags.push(pkg.tag);
      entry.bump = maxBump(entry.bump, pkg.bump);
      entry.changes.push(...pkg.changes);
      // A package that lost one tag but still has another is changed, not gone.
      if (entry.status !== status) entry.status = "changed";
      continue;
    }
    bySlug.set(slug, {
      tags: [pkg.tag],
      slug,
      name: packageName(slug),
      bump: pkg.bump,
      status,
      changes: [...pkg.changes],
      inWorkspace: existsSync(path.join(packagesDir, packageDir(slug), "package.json")),
    });
  }
  return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The umbrella package re-exports every resource, so it takes the largest bump of any of them. */
export function umbrellaBump(packages: AffectedPackage[]): Bump | undefined {
  return packages.reduce<Bump | undefined>(
    (max, p) => (max ? maxBump(max, p.bump) : p.bump),
    undefined,
  );
}

/** The umbrella's npm name (`@orkit/openrouter`). */
export const UMBRELLA_NAME = packageName(UMBRELLA_SLUG);
