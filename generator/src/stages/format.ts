import * as prettier from "prettier";
import type { EmittedFile } from "./emit.js";

/**
 * Formats every emitted file in memory with prettier. The options are fixed here rather than read
 * from the repository's config, so output does not depend on where the generator runs.
 */
export async function format(files: EmittedFile[]): Promise<EmittedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      if (file.format === "none") return file;
      const content = await prettier.format(file.content, {
        // babel-ts prints the same TypeScript as the `typescript` parser here, about twice as fast.
        // package.json gets prettier's `json-stringify` parser, as `prettier --check` picks for it.
        parser:
          file.format === "typescript"
            ? "babel-ts"
            : file.path.endsWith("package.json")
              ? "json-stringify"
              : file.format,
        printWidth: 100,
        trailingComma: "all",
        proseWrap: "preserve",
      });
      return { ...file, content };
    }),
  );
}
