import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import type { ApiIR } from "../ir/types.js";
import { schemaNames, sliceSpec } from "./slice.js";

/** The schema types of one package, as openapi-typescript prints them. */
export interface PackageTypes {
  slug: string;
  /** TypeScript source declaring `paths`, `components` and `operations` for this package only. */
  source: string;
  /** Component schema names present in `source`. */
  schemas: string[];
}

const BLOB = ts.factory.createTypeReferenceNode("Blob");

/**
 * Calls openapi-typescript's Node API once per package on the sliced spec. Options, and why:
 * - `defaultNonNullable: false`: a field with a `default` stays optional. The default of `true`
 *   makes request fields such as `stream` required, which is wrong for the caller who relies on
 *   the server-side default; in responses the field simply reads as optional.
 * - `emptyObjectsUnknown: true`: a schema `{ type: object }` without properties means "any
 *   object", not "no keys". The spec composes such objects into `allOf`s (e.g. `ChatContentCacheControl`),
 *   where the default `Record<string, never>` made every real value (`{ type: "ephemeral" }`) a type error.
 * - `format: binary` becomes `Blob`, so multipart uploads take a `Blob`/`File`.
 * - `enum: false` / `additionalProperties: false` (defaults): string-literal unions and closed
 *   object types in TypeScript only; nothing is validated at runtime, so an unknown field or a new
 *   enum value from the server never throws in a user's program.
 */
export async function generateTypes(
  spec: Record<string, unknown>,
  api: ApiIR,
): Promise<PackageTypes[]> {
  const out: PackageTypes[] = [];
  // Sequential on purpose: openapi-typescript is CPU-bound, and output order must not depend on timing.
  for (const resource of api.resources) {
    const sliced = sliceSpec(spec, resource);
    const ast = await openapiTS(sliced as never, {
      defaultNonNullable: false,
      emptyObjectsUnknown: true,
      silent: true,
      transform(schemaObject) {
        if ((schemaObject as { format?: string }).format === "binary") return BLOB;
        return undefined;
      },
    });
    out.push({ slug: resource.slug, source: astToString(ast), schemas: schemaNames(sliced) });
  }
  return out;
}
