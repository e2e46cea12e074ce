import path from "node:path";
import { packageDir } from "../config.js";
import type { GeneratorContext } from "../context.js";
import { emitApiListing } from "../emit/api-listing.js";
import { emitOperationModule } from "../emit/operation-module.js";
import {
  resourcePackageJson,
  resourceReadme,
  resourceTsconfig,
  standaloneTsconfig,
  umbrellaPackageJson,
} from "../emit/package-files.js";
import { printStructure } from "../emit/print.js";
import { emitPackageIndex, emitResourceClass } from "../emit/resource-class.js";
import { banner } from "../emit/ts-helpers.js";
import { emitTypesModule } from "../emit/types-module.js";
import { emitUmbrellaClient, emitUmbrellaExports } from "../emit/umbrella-client.js";
import type { ApiIR } from "../ir/types.js";
import type { LoadedInput } from "./load.js";
import { resourceBySlug, type Plan } from "./plan.js";
import type { PackageTypes } from "./types.js";

/** An emitted file, before formatting. `format` says which prettier parser applies, if any. */
export interface EmittedFile {
  path: string;
  content: string;
  format: "typescript" | "json" | "markdown" | "none";
  /**
   * True for a file whose content is not a pure function of the spec and the generator (the
   * hand-edited umbrella manifest, the `--out` tsconfig with a machine-specific path): left out of
   * the manifest's hashes.
   */
  partial?: boolean;
}

/**
 * Turns every planned file into text. TypeScript comes from ts-morph structures; the large
 * `schema.gen.ts` is openapi-typescript's printer output and is left as printed (`format: none`):
 * it is already deterministic, and prettier on ~2 MB of types would cost more than the rest.
 */
export function emit(
  api: ApiIR,
  planned: Plan,
  types: PackageTypes[],
  input: LoadedInput,
  ctx: GeneratorContext,
): EmittedFile[] {
  const head = banner(input.specHash);
  const typesBySlug = new Map(types.map((t) => [t.slug, t]));
  const packageOf = (slug: string) => planned.packageNames.get(slug)!;
  const out: EmittedFile[] = [];
  for (const file of planned.files) {
    const a = file.artifact;
    const ts = (content: string): EmittedFile => ({
      path: file.path,
      content,
      format: "typescript",
    });
    switch (a.kind) {
      case "schema":
        out.push({
          path: file.path,
          content: `${head}\n// The types below are openapi-typescript's output for the part of the spec this package reaches.\n\n${typesBySlug.get(a.slug)!.source}`,
          format: "none",
        });
        break;
      case "types":
        out.push(
          ts(
            printStructure(
              emitTypesModule(resourceBySlug(api, a.slug), typesBySlug.get(a.slug)!.schemas),
              head,
            ),
          ),
        );
        break;
      case "operation": {
        const op = resourceBySlug(api, a.slug).operations.find(
          (o) => o.operationId === a.operationId,
        )!;
        out.push(ts(printStructure(emitOperationModule(op, planned.coreName), head)));
        break;
      }
      case "resource":
        out.push(
          ts(
            printStructure(emitResourceClass(resourceBySlug(api, a.slug), planned.coreName), head),
          ),
        );
        break;
      case "index":
        out.push(ts(printStructure(emitPackageIndex(resourceBySlug(api, a.slug)), head)));
        break;
      case "package-json": {
        const dir = packageDir(a.slug);
        const version = input.versions.get(dir) ?? "0.1.0";
        out.push({
          path: file.path,
          content: resourcePackageJson(
            resourceBySlug(api, a.slug),
            packageOf(a.slug),
            planned.coreName,
            version,
          ),
          format: "json",
        });
        break;
      }
      case "tsconfig":
        out.push({ path: file.path, content: resourceTsconfig(), format: "json" });
        break;
      case "readme":
        out.push({
          path: file.path,
          content: resourceReadme(
            resourceBySlug(api, a.slug),
            packageOf(a.slug),
            planned.coreName,
            planned.umbrellaName,
          ),
          format: "markdown",
        });
        break;
      case "umbrella-client":
        out.push(
          ts(
            printStructure(
              emitUmbrellaClient(api, (r) => packageOf(r.slug), planned.coreName),
              head,
            ),
          ),
        );
        break;
      case "umbrella-exports":
        out.push(
          ts(
            printStructure(
              emitUmbrellaExports(api, (r) => packageOf(r.slug)),
              head,
            ),
          ),
        );
        break;
      case "umbrella-package-json":
        out.push({
          path: file.path,
          content: umbrellaPackageJson(
            input.existing.get(file.path),
            [...planned.packageNames.values()],
            planned.coreName,
            ctx.scope,
          ),
          format: "json",
          partial: true,
        });
        break;
      case "api-listing":
        out.push({
          path: file.path,
          content: emitApiListing(api, packageOf, planned.umbrellaName),
          format: "markdown",
        });
        break;
      case "standalone-tsconfig": {
        const corePath = path.relative(
          ctx.outDir,
          path.join(ctx.repoRoot, "packages", packageDir("core"), "src", "index.ts"),
        );
        const paths: Record<string, string[]> = {
          [planned.coreName]: [corePath.split(path.sep).join("/")],
        };
        for (const r of api.resources)
          paths[packageOf(r.slug)] = [`./${packageDir(r.slug)}/src/index.gen.ts`];
        // Holds a path relative to this machine's checkout: kept out of the manifest's hashes.
        out.push({
          path: file.path,
          content: standaloneTsconfig(paths),
          format: "json",
          partial: true,
        });
        break;
      }
      case "manifest":
        break; // written by the write stage, which hashes the final (formatted) files
    }
  }
  return out;
}
