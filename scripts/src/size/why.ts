/* eslint-disable no-console -- a script. */
/**
 * `pnpm run size:why`: what each size budget of the root `.size-limit.json` is made of. Bundles
 * every check the way `@size-limit/esbuild` does (the same `import` entry, minified, tree-shaken)
 * with esbuild's metafile, then prints the minified+gzipped total and the minified bytes each
 * package and module contributes, largest first. `size-limit` itself enforces the budgets
 * (`pnpm run size`); this only explains them.
 *
 * Flags: `--top N` modules per check (default 12); `--json` prints the figures as JSON.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { removeDir, root } from "../release/packages.ts";

interface Check {
  name: string;
  path: string | string[];
  import?: string | Record<string, string>;
  limit?: string;
}

const argv = process.argv.slice(2);
const top = Number(argv[argv.indexOf("--top") + 1]) || 12;
const asJson = argv.includes("--json");
const checks = JSON.parse(readFileSync(path.join(root, ".size-limit.json"), "utf8")) as Check[];
const work = mkdtempSync(path.join(tmpdir(), "orkit-size-"));

/** `node_modules/.pnpm/openapi-fetch@0.17.0/node_modules/openapi-fetch/dist/index.js` → `openapi-fetch`. */
function packageOf(file: string): string {
  const nm = file.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = file.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /^packages\/([^/]+)\//.exec(file);
  if (m) return m[1] === "openrouter" ? "@orkit/openrouter" : `@orkit/${m[1]}`;
  return file;
}

const kib = (n: number) => `${(n / 1024).toFixed(2)} KiB`;
const report: unknown[] = [];
try {
  for (const [i, check] of checks.entries()) {
    const paths = Array.isArray(check.path) ? check.path : [check.path];
    const imports =
      typeof check.import === "string"
        ? { [paths[0]!]: check.import }
        : (check.import ?? Object.fromEntries(paths.map((p) => [p, "*"])));
    const lines: string[] = [];
    let n = 0;
    for (const [file, spec] of Object.entries(imports)) {
      const abs = path.join(root, file);
      if (spec === "*") {
        lines.push(`import * as m${n} from ${JSON.stringify(abs)};`, `console.log(m${n});`);
      } else {
        // `{ createClient }` → import it and use it, as size-limit's entry does
        lines.push(
          `import ${spec} from ${JSON.stringify(abs)};`,
          `console.log([${spec.replace(/[{}]/g, "").trim()}]);`,
        );
      }
      n++;
    }
    const entry = path.join(work, `entry-${i}.js`);
    writeFileSync(entry, lines.join("\n") + "\n");
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      treeShaking: true,
      format: "esm",
      platform: "browser",
      metafile: true,
      write: false,
      outfile: path.join(work, `out-${i}.js`),
      logLevel: "silent",
      absWorkingDir: root,
    });
    const out = result.outputFiles.find((f) => f.path.endsWith(".js"))!;
    const gz = gzipSync(out.contents, { level: 9 }).byteLength;
    const meta = Object.values(result.metafile.outputs)[0]!;
    const modules = Object.entries(meta.inputs)
      .map(([file, v]) => ({ file, bytes: v.bytesInOutput }))
      .filter((m) => m.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
    const byPackage = new Map<string, number>();
    for (const m of modules)
      byPackage.set(packageOf(m.file), (byPackage.get(packageOf(m.file)) ?? 0) + m.bytes);
    const packages = [...byPackage.entries()].sort((a, b) => b[1] - a[1]);
    report.push({
      name: check.name,
      limit: check.limit,
      minified: out.contents.byteLength,
      gzip: gz,
      packages: Object.fromEntries(packages),
      modules: modules.slice(0, top),
    });
    if (asJson) continue;
    console.log(
      `\n${check.name}: ${kib(gz)} min+gzip, ${kib(out.contents.byteLength)} minified (budget ${check.limit ?? "none"})`,
    );
    for (const [pkg, bytes] of packages) {
      console.log(
        `  ${((100 * bytes) / out.contents.byteLength).toFixed(1).padStart(5)}%  ${kib(bytes).padStart(10)}  ${pkg}`,
      );
    }
    console.log(`  largest modules (minified bytes in the bundle):`);
    for (const m of modules.slice(0, top))
      console.log(`    ${String(m.bytes).padStart(7)}  ${m.file}`);
  }
} finally {
  removeDir(work);
}
if (asJson) console.log(JSON.stringify(report, null, 2));
