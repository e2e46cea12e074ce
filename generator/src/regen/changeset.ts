/** The one changeset a regeneration adds: which packages to release, with which bump, and why. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Bump } from "../diff/index.js";
import { UMBRELLA_NAME, umbrellaBump, type AffectedPackage } from "./packages.js";

/** Versions of the two specs, for the summary line. */
export interface SpecVersion {
  sha256: string;
  date: string;
}

/** What a bump means to someone reading the changelog. */
const BUMP_WORDS: Record<Bump, string> = { major: "breaking", minor: "added", patch: "other" };

function countsInWords(pkg: AffectedPackage): string {
  const counts: Record<Bump, number> = { major: 0, minor: 0, patch: 0 };
  for (const c of pkg.changes) counts[c.bump]++;
  return (["major", "minor", "patch"] as const)
    .filter((b) => counts[b] > 0)
    .map((b) => `${counts[b]} ${BUMP_WORDS[b]}`)
    .join(", ");
}

/** The `.changeset/` file name: keyed by the new spec, so re-running for one spec never adds a second. */
export function changesetFileName(newSha: string): string {
  return `regen-${newSha.slice(0, 12)}.md`;
}

/**
 * Renders the changeset, or `undefined` when no package in the workspace needs a release
 * (e.g. the spec only changed whitespace). Frontmatter: every affected package still in the
 * workspace with its bump, plus the umbrella with the largest bump of all (removed packages
 * count: the umbrella client loses their namespace). Body: a few plain lines per package; it
 * becomes each package's changelog entry.
 */
export function renderChangeset(
  packages: AffectedPackage[],
  oldSpec: SpecVersion,
  newSpec: SpecVersion,
): string | undefined {
  const umbrella = umbrellaBump(packages);
  if (umbrella === undefined) return undefined;
  const released = packages.filter((p) => p.inWorkspace);

  const front = [
    `"${UMBRELLA_NAME}": ${umbrella}`,
    ...released.map((p) => `"${p.name}": ${p.bump}`),
  ];
  const body = [
    `Regenerated from the OpenRouter API spec of ${newSpec.date} (sha256 ${newSpec.sha256.slice(0, 12)}; ` +
      `previously ${oldSpec.date}, ${oldSpec.sha256.slice(0, 12)}).`,
    "",
  ];
  for (const p of packages) {
    const counts = countsInWords(p);
    if (p.status === "added")
      body.push(`- New package \`${p.name}\` for the API's \`${p.tags.join("`, `")}\` endpoints.`);
    else if (p.status === "removed")
      body.push(
        `- \`${p.name}\` is no longer generated: the spec has no \`${p.tags.join("`, `")}\` operations left. ` +
          `Its published versions stay on npm.`,
      );
    else body.push(`- \`${p.name}\` (${p.bump}): changes: ${counts}.`);
  }
  body.push("", "See the regeneration pull request for every change in plain words.");
  return `---\n${front.join("\n")}\n---\n\n${body.join("\n")}\n`;
}

/** Writes the changeset into `<repoRoot>/.changeset/` and returns its path. */
export async function writeChangeset(
  repoRoot: string,
  newSha: string,
  content: string,
): Promise<string> {
  const file = path.join(repoRoot, ".changeset", changesetFileName(newSha));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}
