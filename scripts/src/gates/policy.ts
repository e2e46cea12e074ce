/**
 * The manifest policy of a published package, checked on the manifest *as packed* (after pnpm has
 * rewritten `workspace:` ranges) and on the tarball's file list. Returns one message per breach.
 *
 * The generated packages get these fields from `generator/src/emit/package-files.ts`
 * (`publishFields`); the core and umbrella manifests are hand-written and must match.
 */
import type { WorkspacePackage } from "../release/packages.ts";

/**
 * ESM-only packages, loaded from CommonJS with require(esm): unflagged from Node 20.19 and 22.12.
 * Kept equal to `NODE_ENGINES` in generator/src/emit/package-files.ts.
 */
export const NODE_ENGINES = "^20.19.0 || >=22.12.0";
export const REPOSITORY_URL = "git+https://github.com/orkit/orkit.git";
export const SCOPE = "@orkit/";
export const CORE = "@orkit/openrouter-core";
export const UMBRELLA = "@orkit/openrouter";

/**
 * Runtime dependencies allowed besides the workspace's own packages: none. Core bundles the
 * openapi-fetch serialisers it uses into its dist (one module to load instead of two), so nothing
 * from outside the workspace ships to users.
 */
const THIRD_PARTY_RUNTIME: Record<string, string[]> = {};

/** Lifecycle scripts that run on the *consumer's* machine when the package is installed. */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

export function checkManifest(
  pkg: WorkspacePackage,
  m: Record<string, unknown>,
  files: string[],
): string[] {
  const out: string[] = [];
  const obj = (v: unknown) =>
    v && typeof v === "object" ? (v as Record<string, unknown>) : undefined;

  if (m.type !== "module")
    out.push(`"type" must be "module" (ESM-only), is ${JSON.stringify(m.type)}`);
  if (m.sideEffects !== false) out.push(`"sideEffects" must be false`);
  if (m.license !== "MIT") out.push(`"license" must be "MIT"`);
  if (obj(m.engines)?.node !== NODE_ENGINES) {
    out.push(
      `"engines.node" must be ${JSON.stringify(NODE_ENGINES)}, is ${JSON.stringify(obj(m.engines)?.node)}`,
    );
  }
  const repo = obj(m.repository);
  if (repo?.type !== "git" || repo.url !== REPOSITORY_URL || repo.directory !== pkg.relDir) {
    out.push(
      `"repository" must be { type: "git", url: ${JSON.stringify(REPOSITORY_URL)}, directory: ${JSON.stringify(pkg.relDir)} }`,
    );
  }
  const pub = obj(m.publishConfig);
  if (pub?.access !== "public" || pub.provenance !== true) {
    out.push(`"publishConfig" must be { access: "public", provenance: true }`);
  }
  for (const s of INSTALL_SCRIPTS) {
    if (obj(m.scripts)?.[s] !== undefined) out.push(`install script "scripts.${s}" is not allowed`);
  }
  if (m.gypfile || files.includes("package/binding.gyp"))
    out.push("native build files are not allowed");

  const exportsRoot = obj(obj(m.exports)?.["."]);
  if (
    !exportsRoot ||
    typeof exportsRoot.types !== "string" ||
    typeof exportsRoot.default !== "string"
  ) {
    out.push(`"exports['.']" must have "types" and "default" conditions`);
  }

  // dependencies
  for (const field of [
    "peerDependencies",
    "optionalDependencies",
    "bundleDependencies",
    "bundledDependencies",
  ]) {
    if (m[field] !== undefined) out.push(`"${field}" is not allowed`);
  }
  const deps = (obj(m.dependencies) ?? {}) as Record<string, string>;
  for (const [dep, range] of Object.entries(deps)) {
    if (/^(workspace|file|link|portal|git|github):/.test(range)) {
      out.push(`dependency ${dep}@${range}: a local or git range was packed`);
    }
    if (dep.startsWith(SCOPE)) {
      if (pkg.name === CORE) out.push(`the runtime may not depend on ${dep}`);
      else if (pkg.name !== UMBRELLA && dep !== CORE)
        out.push(`a resource package may depend only on ${CORE}, not ${dep}`);
      if (!/^\^\d+\.\d+\.\d+/.test(range))
        out.push(`dependency ${dep}@${range}: expected a caret range`);
    } else if (!(THIRD_PARTY_RUNTIME[pkg.name] ?? []).includes(dep)) {
      out.push(`runtime dependency ${dep} is not on the allow-list (scripts/src/gates/policy.ts)`);
    }
  }
  if (pkg.name !== CORE && deps[CORE] === undefined) out.push(`must depend on ${CORE}`);

  // contents
  const stray = files.filter((f) =>
    /\.(test|spec)\.[cm]?[jt]s$|\/test\/|\/__snapshots__\/|tsbuildinfo$/.test(f),
  );
  if (stray.length) out.push(`tests or build state packed: ${stray.slice(0, 5).join(", ")}`);
  for (const f of ["package/package.json", "package/README.md"]) {
    if (!files.includes(f)) out.push(`${f.slice("package/".length)} is not in the tarball`);
  }
  return out;
}
