import { packageDir } from "../config.js";
import type { ResourceIR } from "../ir/types.js";

/**
 * Where the packages are published from. npm checks `repository.url` against the GitHub repository
 * named in a provenance statement, so this must be the repository the release workflow runs in.
 */
export const REPOSITORY_URL = "git+https://github.com/orkit/orkit.git";

/**
 * Node versions the packages support. They are ESM-only; CommonJS code loads them with
 * `require()`, which Node runs on ES modules unflagged from 20.19 and 22.12 ("require(esm)"), so
 * these are the releases where both `import` and `require` work.
 */
export const NODE_ENGINES = "^20.19.0 || >=22.12.0";

/** The fields every published package's manifest carries (see scripts/src/gates for the checks). */
export function publishFields(dir: string): Record<string, unknown> {
  return {
    repository: { type: "git", url: REPOSITORY_URL, directory: `packages/${dir}` },
    engines: { node: NODE_ENGINES },
    publishConfig: { access: "public", provenance: true },
  };
}

/**
 * The esbuild command that bundles a package's entry into one ESM file. Dependencies stay external
 * (`--packages=external`), so two packages never inline each other; `platform=neutral` keeps the
 * output free of Node built-ins for browsers and edge runtimes.
 */
export function esbuildCommand(entry: string, outfile: string): string {
  return `esbuild ${entry} --bundle --format=esm --platform=neutral --target=es2022 --packages=external --sourcemap --outfile=${outfile} --log-level=warning`;
}

/** Package manifest fields every generated package shares; the version is kept from disk. */
export function resourcePackageJson(
  resource: ResourceIR,
  name: string,
  coreName: string,
  version: string,
): string {
  const manifest = {
    name,
    version,
    description: `${resource.description ?? resource.tag} of the OpenRouter API, typed and tree-shakable. Generated from the OpenRouter OpenAPI spec.`,
    license: "MIT",
    type: "module",
    sideEffects: false,
    main: "./dist/index.gen.js",
    types: "./dist/index.gen.d.ts",
    exports: {
      ".": { types: "./dist/index.gen.d.ts", default: "./dist/index.gen.js" },
      "./package.json": "./package.json",
    },
    files: ["dist", "src"],
    keywords: ["openrouter", "llm", "sdk", resource.slug],
    ...publishFields(packageDir(resource.slug)),
    scripts: {
      // One bundled ESM file (fewer modules to load at import time) plus tsc's declarations.
      build: `tsc -p tsconfig.json --emitDeclarationOnly && ${esbuildCommand("src/index.gen.ts", "dist/index.gen.js")}`,
      typecheck: "tsc --noEmit -p tsconfig.json",
    },
    dependencies: { [coreName]: "workspace:^" },
    devDependencies: { esbuild: "~0.28.2", typescript: "~5.9.3" },
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}

export function resourceTsconfig(): string {
  return (
    JSON.stringify(
      {
        extends: "../../tsconfig.base.json",
        compilerOptions: { outDir: "dist", rootDir: "src" },
        include: ["src"],
      },
      null,
      2,
    ) + "\n"
  );
}

/**
 * The umbrella's manifest: hand-written except its dependency list, which must name every
 * resource package (a new spec tag is wired in here automatically).
 */
export function umbrellaPackageJson(
  existing: string | undefined,
  resourceNames: string[],
  coreName: string,
  scope: string,
): string {
  const manifest = existing
    ? (JSON.parse(existing) as Record<string, unknown>)
    : { name: `${scope}/openrouter`, version: "0.1.0" };
  const deps = { ...((manifest.dependencies as Record<string, string> | undefined) ?? {}) };
  for (const key of Object.keys(deps)) if (key.startsWith(`${scope}/`)) delete deps[key];
  for (const name of [coreName, ...resourceNames]) deps[name] = "workspace:^";
  manifest.dependencies = Object.fromEntries(
    Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)),
  );
  return JSON.stringify(manifest, null, 2) + "\n";
}

export function resourceReadme(
  resource: ResourceIR,
  name: string,
  coreName: string,
  umbrellaName: string,
): string {
  const rows = resource.operations.map(
    (op) =>
      `| \`${op.functionName}\` | \`client.${resource.namespace}.${op.methodName}\` | \`${op.method} ${op.path}\` | ${(op.summary ?? "").replace(/\|/g, "\\|")}${op.deprecated ? " (deprecated)" : ""} |`,
  );
  const first = resource.operations[0]!;
  return [
    `# ${name}`,
    "",
    `${resource.description ?? resource.tag} of the [OpenRouter](https://openrouter.ai) API: one standalone, typed function per operation. Generated from the OpenRouter OpenAPI spec; do not edit by hand.`,
    "",
    "```sh",
    `npm install ${coreName} ${name}`,
    "```",
    "",
    "```ts",
    `import { createClient } from "${coreName}";`,
    `import { ${first.functionName} } from "${name}";`,
    "",
    "const client = createClient(); // reads OPENROUTER_API_KEY",
    `const result = await ${first.functionName}(client${first.parameters.length > 0 || first.body ? ", { /* params */ }" : ""});`,
    "```",
    "",
    `Or install \`${umbrellaName}\` and call \`client.${resource.namespace}.${first.methodName}(…)\`.`,
    "",
    "| Function | On the client | HTTP | Summary |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

/**
 * With `--out DIR`, a tsconfig that typechecks the emitted packages against the workspace's core
 * source: `npx tsc -p DIR`.
 */
export function standaloneTsconfig(paths: Record<string, string[]>): string {
  return (
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2022", "DOM", "DOM.Iterable", "ESNext.Disposable", "ESNext.AsyncIterable"],
          module: "ESNext",
          moduleResolution: "Bundler",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          isolatedModules: true,
          types: [],
          paths,
        },
        include: ["./**/*.gen.ts"],
      },
      null,
      2,
    ) + "\n"
  );
}
