/* eslint-disable no-console -- a script. */
/**
 * Release gates: `pnpm run gates` (part of `npm test`). Every publishable package under `packages/`
 * is packed once with `pnpm pack` (exactly what `changeset publish` would upload) and its tarball
 * must pass, with no message at all:
 *
 * 1. the manifest policy (`policy.ts`): engines, repository, publishConfig, no install scripts,
 *    no `workspace:` left, runtime dependencies limited to what the runtime needs;
 * 2. publint, every level (errors, warnings and suggestions);
 * 3. Are The Types Wrong (`@arethetypeswrong/core`, the engine of `attw`) with the settings of the
 *    root `.attw.json`, the same ones `npx attw --pack packages/<pkg>` picks up from the root;
 *
 * and then TypeDoc must build the API reference (`pnpm run docs`) with no warning.
 *
 * Why `.attw.json` says `profile: node16` + `ignoreRules: [cjs-resolves-to-esm]` rather than the
 * `esm-only` profile: the packages are ESM-only on purpose, and CommonJS code loads them through
 * Node's require(esm) (unflagged from Node 20.19 / 22.12, the `engines` range). attw reports exactly
 * that design as the `cjs-resolves-to-esm` rule, so that one rule is ignored. The `esm-only` profile
 * would instead ignore *every* problem of the `node16 (from CJS)` resolution (missing types, failed
 * resolution, …), which is the resolution a CommonJS TypeScript project uses: keeping it checked
 * guards the require(esm) path that `pnpm run smoke` exercises at run time. `node10` (TypeScript's
 * legacy `moduleResolution: node`, which does not read `exports`) is ignored by the node16 profile.
 *
 * Flags: `--no-docs` skips TypeDoc; `--keep` keeps the tarballs and prints where they are.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkPackage, createPackageFromTarballData } from "@arethetypeswrong/core";
import type { Problem, ResolutionKind } from "@arethetypeswrong/core";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { packPackages, publishablePackages, removeDir, root, since } from "../release/packages.ts";
import { checkManifest } from "./policy.ts";

const args = new Set(process.argv.slice(2));
const start = performance.now();

// ---- attw settings: the root .attw.json, read the way the attw CLI reads it ----
const attwConfig = JSON.parse(readFileSync(path.join(root, ".attw.json"), "utf8")) as {
  profile?: "strict" | "node16" | "esm-only";
  ignoreRules?: string[];
};
/** The attw CLI's profiles (`@arethetypeswrong/cli/dist/profiles.js`). */
const profiles: Record<string, ResolutionKind[]> = {
  strict: [],
  node16: ["node10"],
  "esm-only": ["node10", "node16-cjs"],
};
/** The attw CLI's rule names (`problemFlags` in `@arethetypeswrong/cli/dist/problemUtils.js`). */
const ruleOf: Record<Problem["kind"], string> = {
  NoResolution: "no-resolution",
  UntypedResolution: "untyped-resolution",
  FalseCJS: "false-cjs",
  FalseESM: "false-esm",
  CJSResolvesToESM: "cjs-resolves-to-esm",
  FallbackCondition: "fallback-condition",
  CJSOnlyExportsDefault: "cjs-only-exports-default",
  NamedExports: "named-exports",
  FalseExportDefault: "false-export-default",
  MissingExportEquals: "missing-export-equals",
  UnexpectedModuleSyntax: "unexpected-module-syntax",
  InternalResolutionError: "internal-resolution-error",
};
const ignoredResolutions = profiles[attwConfig.profile ?? "strict"];
if (!ignoredResolutions) throw new Error(`.attw.json: unknown profile ${attwConfig.profile}`);
const ignoredRules = new Set(attwConfig.ignoreRules ?? []);
for (const rule of ignoredRules) {
  if (!Object.values(ruleOf).includes(rule)) throw new Error(`.attw.json: unknown rule ${rule}`);
}

function describeProblem(p: Problem): string {
  const where = [
    "entrypoint" in p ? p.entrypoint : undefined,
    "resolutionKind" in p ? p.resolutionKind : undefined,
  ].filter(Boolean);
  return `${ruleOf[p.kind]}${where.length ? ` (${where.join(", ")})` : ""}: ${JSON.stringify(p)}`;
}

// ---- pack ----
const packages = publishablePackages();
let t = performance.now();
const packed = packPackages(packages);
const packDir = path.dirname(packed[0]!.tarball);
console.log(`packed ${packed.length} packages into ${packDir} in ${since(t)}`);

// ---- check each tarball ----
const failures: string[] = [];
const counts = { policy: 0, publint: 0, attw: 0 };
t = performance.now();
for (const pkg of packed) {
  const data = readFileSync(pkg.tarball);
  const problems: string[] = [];

  // 1. manifest policy, on the manifest as packed (workspace: ranges rewritten)
  const packedManifest = JSON.parse(
    execFileSync("tar", ["-xzOf", pkg.tarball, "package/package.json"], { encoding: "utf8" }),
  ) as Record<string, unknown>;
  const files = execFileSync("tar", ["-tzf", pkg.tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  for (const m of checkManifest(pkg, packedManifest, files)) {
    problems.push(`policy: ${m}`);
    counts.policy++;
  }

  // 2. publint, all levels, warnings as errors
  const lint = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
    level: "suggestion",
    strict: true,
  });
  for (const m of lint.messages) {
    problems.push(`publint ${m.type}: ${formatMessage(m, lint.pkg, { color: false }) ?? m.code}`);
    counts.publint++;
  }

  // 3. attw
  const analysis = await checkPackage(await createPackageFromTarballData(new Uint8Array(data)));
  if (!analysis.types) {
    problems.push("attw: the package ships no types");
    counts.attw++;
  } else {
    for (const p of analysis.problems) {
      if (ignoredRules.has(ruleOf[p.kind])) continue;
      if ("resolutionKind" in p && ignoredResolutions.includes(p.resolutionKind)) continue;
      problems.push(`attw: ${describeProblem(p)}`);
      counts.attw++;
    }
  }

  const size = (data.byteLength / 1024).toFixed(1);
  console.log(
    `${problems.length ? "✗" : "✓"} ${pkg.name}@${pkg.version} (${files.length} files, ${size} KiB packed)`,
  );
  for (const p of problems) console.log(`    ${p}`);
  if (problems.length) failures.push(pkg.name);
}
console.log(
  `publint + attw (${attwConfig.profile} profile, ignoring ${[...ignoredRules].join(", ") || "no rule"}) + policy over ${packed.length} packages in ${since(t)}: ` +
    `${counts.policy} policy, ${counts.publint} publint, ${counts.attw} attw problems`,
);
if (args.has("--keep")) console.log(`tarballs kept in ${packDir}`);
else removeDir(packDir);

// ---- API reference ----
if (!args.has("--no-docs")) {
  t = performance.now();
  const docs = spawnSync(
    path.join(root, "node_modules", ".bin", "typedoc"),
    ["--logLevel", "Warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (docs.status !== 0) failures.push("typedoc (pnpm run docs)");
  else console.log(`✓ API reference built into docs-site/ in ${since(t)}`);
}

if (failures.length) {
  console.error(`gates failed: ${failures.join(", ")} (${since(start)})`);
  process.exit(1);
}
console.log(`gates passed: ${packed.length} packages (${since(start)})`);
