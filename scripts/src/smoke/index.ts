/* eslint-disable no-console -- a script. */
/**
 * Packed-install smoke test: `pnpm run smoke` (part of `npm test`; the packages must be built).
 *
 * 1. `pnpm pack` every publishable package (the umbrella depends on all 30 resource packages, and
 *    packing all 32 takes about two seconds), so `workspace:^` ranges become real ones;
 * 2. a scratch CommonJS project (`"type": "commonjs"`) in a temp dir installs the tarballs with
 *    plain `npm install` (nothing comes from the registry: no package has a third-party runtime
 *    dependency), and must end up with no package that has an install script;
 * 3. `consumer/esm.mjs` (the README quick start: umbrella + standalone `chatSend`) and
 *    `consumer/require.js` (`require("@orkit/openrouter")`, `require("@orkit/openrouter-chat")`:
 *    Node's require(esm)) call a node:http server on 127.0.0.1 (`server.ts`);
 * 4. under this Node (20) and under a newer Node from the npm registry: the `node` package's
 *    per-platform binary package `node-<os>-<arch>@<major>`, installed without scripts into
 *    node_modules/.cache/orkit-smoke/ and reused. (`npm install node@22` works too, but only by
 *    running a preinstall script that installs that same package.)
 *
 * Env: `ORKIT_SMOKE_NODE=22` (default) picks the second Node major, `ORKIT_SMOKE_NODE=none` runs
 * only under the current one. Flags: `--keep` keeps the scratch project and prints where it is.
 */
import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { packPackages, removeDir, root, since } from "../release/packages.ts";
import { SMOKE_API_KEY, startSmokeServer } from "./server.ts";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const keep = process.argv.includes("--keep");
const secondMajor = process.env.ORKIT_SMOKE_NODE ?? "22";
const start = performance.now();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Environment for child processes: no loader or option of ours leaks into the consumer. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  delete env.OPENROUTER_DEBUG;
  for (const key of Object.keys(env)) if (key.startsWith("npm_")) delete env[key];
  return env;
}

/** A Node binary of `major` from the npm registry, cached under node_modules/.cache. */
async function nodeFromRegistry(major: string): Promise<string> {
  const os = process.platform === "win32" ? "win" : process.platform;
  const pkg = `node-${os}-${process.arch}`;
  const dir = path.join(root, "node_modules", ".cache", "orkit-smoke", `node-${major}`);
  const bin = path.join(
    dir,
    "node_modules",
    pkg,
    "bin",
    process.platform === "win32" ? "node.exe" : "node",
  );
  if (!existsSync(bin)) {
    const t = performance.now();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true }) + "\n");
    await run(
      npm,
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
        "--loglevel=error",
        `${pkg}@${major}`,
      ],
      {
        cwd: dir,
        env: childEnv(),
      },
    );
    console.log(`installed ${pkg}@${major} from the npm registry in ${since(t)}`);
  }
  return bin;
}

const work = mkdtempSync(path.join(tmpdir(), "orkit-smoke-"));
const server = await startSmokeServer();
let failed = false;
try {
  // ---- pack + install ----
  let t = performance.now();
  const packed = packPackages(undefined, path.join(work, "tarballs"));
  console.log(`packed ${packed.length} packages in ${since(t)}`);

  const project = path.join(work, "project");
  mkdirSync(project);
  writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify(
      { name: "orkit-smoke-consumer", version: "0.0.0", private: true, type: "commonjs" },
      null,
      2,
    ) + "\n",
  );
  t = performance.now();
  await run(
    npm,
    ["install", "--no-audit", "--no-fund", "--loglevel=error", ...packed.map((p) => p.tarball)],
    {
      cwd: project,
      env: childEnv(),
    },
  );
  const lock = JSON.parse(readFileSync(path.join(project, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
  };
  const installed = Object.entries(lock.packages).filter(([key]) =>
    key.startsWith("node_modules/"),
  );
  const thirdParty = installed
    .map(([key, v]) => `${key.slice("node_modules/".length)}@${v.version}`)
    .filter((n) => !n.startsWith("@orkit/"));
  console.log(
    `npm installed ${installed.length} packages from the tarballs in ${since(t)}: ${installed.length - thirdParty.length} @orkit/*, third-party: ${thirdParty.join(", ")}`,
  );
  const withScripts = installed.filter(([, v]) => v.hasInstallScript).map(([key]) => key);
  if (withScripts.length) {
    console.error(`✗ packages with install scripts: ${withScripts.join(", ")}`);
    failed = true;
  }
  for (const file of ["esm.mjs", "require.js"])
    copyFileSync(path.join(here, "consumer", file), path.join(project, file));

  // ---- run the consumers under each Node ----
  const nodes: { label: string; bin: string }[] = [
    { label: `node ${process.version} (this one)`, bin: process.execPath },
  ];
  if (secondMajor !== "none") {
    try {
      const bin = await nodeFromRegistry(secondMajor);
      const { stdout } = await run(bin, ["--version"]);
      nodes.push({ label: `node ${stdout.trim()} (npm registry)`, bin });
    } catch (err) {
      console.error(
        `✗ could not obtain Node ${secondMajor} from the npm registry: ${(err as Error).message}`,
      );
      failed = true;
    }
  }
  const env = childEnv({ OPENROUTER_API_KEY: SMOKE_API_KEY, OPENROUTER_BASE_URL: server.baseURL });
  for (const node of nodes) {
    for (const file of ["esm.mjs", "require.js"]) {
      t = performance.now();
      const before = server.requests.length;
      try {
        const { stdout, stderr } = await run(node.bin, [file], {
          cwd: project,
          env,
          timeout: 60_000,
        });
        const requests = server.requests.length - before;
        console.log(
          `✓ ${node.label} ${file}: ${stdout.trim()} [${requests} requests, ${since(t)}]`,
        );
        if (stderr.trim()) console.log(`    stderr: ${stderr.trim().split("\n").join("\n    ")}`);
      } catch (err) {
        const e = err as { stdout?: string; stderr?: string; message: string };
        console.error(`✗ ${node.label} ${file}: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
        failed = true;
      }
    }
  }

  console.log(`loopback server on 127.0.0.1 answered ${server.requests.length} requests`);
} finally {
  await server.close();
  if (keep) console.log(`scratch project kept in ${work}`);
  else removeDir(work);
}
if (failed) {
  console.error(`smoke failed (${since(start)})`);
  process.exit(1);
}
console.log(`smoke passed (${since(start)})`);
