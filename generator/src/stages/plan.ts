import { CORE_SLUG, UMBRELLA_SLUG, packageDir, packageName } from "../config.js";
import type { GeneratorContext } from "../context.js";
import type { ApiIR, ResourceIR } from "../ir/types.js";
import { kebabCase } from "../naming/index.js";

/** Which emitter produces a file. */
export type Artifact =
  | { kind: "schema"; slug: string }
  | { kind: "types"; slug: string }
  | { kind: "operation"; slug: string; operationId: string }
  | { kind: "resource"; slug: string }
  | { kind: "index"; slug: string }
  | { kind: "package-json"; slug: string }
  | { kind: "tsconfig"; slug: string }
  | { kind: "readme"; slug: string }
  | { kind: "umbrella-client" }
  | { kind: "umbrella-exports" }
  | { kind: "umbrella-package-json" }
  | { kind: "api-listing" }
  | { kind: "standalone-tsconfig" }
  | { kind: "manifest" };

export interface FilePlan {
  /** Path relative to the output folder, with `/` separators. */
  path: string;
  artifact: Artifact;
}

export interface Plan {
  files: FilePlan[];
  /** Package name by resource slug (and the core/umbrella names). */
  packageNames: Map<string, string>;
  coreName: string;
  umbrellaName: string;
}

/**
 * Decides every file, folder and package name before anything is emitted (data only).
 * Resource packages are wholly generated; the umbrella package keeps hand-written code and
 * only its `*.gen.ts` files (and its dependency list) come from here.
 */
export function plan(api: ApiIR, ctx: GeneratorContext): Plan {
  const files: FilePlan[] = [];
  const packageNames = new Map<string, string>();
  for (const resource of api.resources) {
    const dir = packageDir(resource.slug);
    const slug = resource.slug;
    packageNames.set(slug, packageName(slug, ctx.scope));
    files.push(
      { path: `${dir}/src/schema.gen.ts`, artifact: { kind: "schema", slug } },
      { path: `${dir}/src/types.gen.ts`, artifact: { kind: "types", slug } },
      { path: `${dir}/src/resource.gen.ts`, artifact: { kind: "resource", slug } },
      { path: `${dir}/src/index.gen.ts`, artifact: { kind: "index", slug } },
      ...resource.operations.map((op) => ({
        path: `${dir}/src/operations/${kebabCase(op.methodName)}.gen.ts`,
        artifact: { kind: "operation" as const, slug, operationId: op.operationId },
      })),
    );
    if (!ctx.standalone) {
      files.push(
        { path: `${dir}/package.json`, artifact: { kind: "package-json", slug } },
        { path: `${dir}/tsconfig.json`, artifact: { kind: "tsconfig", slug } },
        { path: `${dir}/README.md`, artifact: { kind: "readme", slug } },
      );
    }
  }
  const umbrella = packageDir(UMBRELLA_SLUG);
  files.push(
    { path: `${umbrella}/src/client.gen.ts`, artifact: { kind: "umbrella-client" } },
    { path: `${umbrella}/src/exports.gen.ts`, artifact: { kind: "umbrella-exports" } },
  );
  if (ctx.standalone)
    files.push({ path: "tsconfig.json", artifact: { kind: "standalone-tsconfig" } });
  else {
    files.push(
      { path: `${umbrella}/package.json`, artifact: { kind: "umbrella-package-json" } },
      { path: `${umbrella}/API.md`, artifact: { kind: "api-listing" } },
    );
  }
  files.push({ path: "manifest.gen.json", artifact: { kind: "manifest" } });
  files.sort((a, b) => a.path.localeCompare(b.path));
  return {
    files,
    packageNames,
    coreName: packageName(CORE_SLUG, ctx.scope),
    umbrellaName: packageName(UMBRELLA_SLUG, ctx.scope),
  };
}

export function resourceBySlug(api: ApiIR, slug: string): ResourceIR {
  const found = api.resources.find((r) => r.slug === slug);
  if (!found) throw new Error(`no resource with slug ${slug}`);
  return found;
}
