#!/usr/bin/env node
// Runs the portability suite (suite.js) against the loopback server (server.mjs) in every runtime
// core claims to support: Node, Bun, Deno and headless Chromium. Prints a table runtime → result.
//
//   node test/portable/run.mjs [--install] [--strict] [--only=node,bun,deno,chromium] [--timeout=MS]
//
//   --install  install what is missing: the npm devDependencies (bun, deno, playwright-core,
//              esbuild) through `pnpm install --frozen-lockfile`, and Chromium through
//              scripts/src/install-browser.sh (apt-get, root only). Never downloads a browser build.
//   --strict   a runtime that cannot run (SKIPPED) fails the run. On by default when CI is set.
//   --only     run only the named runtimes (prefix match on the row name).
//   --timeout  per-runtime limit in ms (default 60000; Chromium gets 30 s more for its launch).
//
// Each runtime runs the same suite twice over: once importing the built `dist/` through normal
// module resolution (as an app would), once as a single esbuild bundle (suite + dist +
// openapi-fetch, platform "neutral": no Node or browser conditions). The browser loads the bundle
// from a page on a second loopback origin, so every API call is a real CORS request.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = resolve(here, "../..");
const repoRoot = resolve(pkgDir, "../..");
const require = createRequire(import.meta.url);

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const INSTALL = flag("install");
const STRICT = flag("strict") || isTruthy(process.env.CI);
const ONLY = option("only")?.split(",").filter(Boolean);
const TIMEOUT_MS = Number(option("timeout") ?? 60_000);
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const wallStart = Date.now();
const log = (line) => process.stdout.write(`${line}\n`);

// ---- prerequisites --------------------------------------------------------------------------

const distEntry = join(pkgDir, "dist/index.js");
if (!existsSync(distEntry)) {
  log(
    `portable: ${relative(repoRoot, distEntry)} is missing; run \`pnpm --filter @orkit/openrouter-core build\` first.`,
  );
  process.exit(1);
}
if (newestMtime(join(pkgDir, "src")) > statSync(distEntry).mtimeMs) {
  log("portable: warning: src/ is newer than dist/; results are for the last build.");
}

if (
  INSTALL &&
  ["bun", "deno", "playwright-core", "esbuild"].some((m) => !canResolve(`${m}/package.json`))
) {
  log("portable: installing the missing devDependencies (pnpm install --frozen-lockfile)…");
  const pnpm =
    process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath)
      ? [process.execPath, process.env.npm_execpath]
      : [join(repoRoot, "node_modules/.bin/pnpm")];
  spawnSync(pnpm[0], [...pnpm.slice(1), "install", "--frozen-lockfile"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
}

let chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let chromiumInstallMs = 0;
if (wanted("chromium") && !existsSync(chromiumPath) && INSTALL) {
  const started = Date.now();
  spawnSync("bash", [join(repoRoot, "scripts/src/install-browser.sh")], { stdio: "inherit" });
  chromiumInstallMs = Date.now() - started;
}

// ---- the bundle and the server ----------------------------------------------------------------

const work = await mkdtemp(join(tmpdir(), "orkit-portable-"));
const bundlePath = join(work, "suite.bundle.mjs");
let bundleError;
try {
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [join(here, "main.js")],
    outfile: bundlePath,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    logLevel: "silent",
  });
} catch (error) {
  bundleError = `esbuild unavailable or failed: ${firstLine(error)}`;
}

const server = await startServer();
if (!bundleError) {
  server.assets.set("suite.bundle.js", {
    type: "text/javascript",
    body: await readFile(bundlePath),
  });
  server.assets.set("index.html", {
    type: "text/html; charset=utf-8",
    body: `<!doctype html><meta charset="utf-8"><title>orkit portable</title>
<script type="module" src="./suite.bundle.js"></script>\n`,
  });
}

// ---- runtimes ---------------------------------------------------------------------------------

const bun = resolveBinary("bun", bunPackages(), "bin/bun");
const deno = resolveBinary("deno", denoPackages(), "deno");
const childEnv = {
  ...process.env,
  // No background update checks or prompts: only loopback traffic.
  DENO_NO_UPDATE_CHECK: "1",
  DENO_NO_PROMPT: "1",
  NO_COLOR: "1",
};
delete childEnv.OPENROUTER_API_KEY; // the suite configures everything explicitly
delete childEnv.OPENROUTER_BASE_URL;
delete childEnv.OPENROUTER_DEBUG;

const mainJs = join(here, "main.js");
const rows = [
  { name: "node (dist, in-process import)", run: () => runInProcess() },
  {
    name: "node (bundle)",
    run: () => runChild(process.execPath, [bundlePath, server.url]),
    needsBundle: true,
  },
  bun.path
    ? { name: "bun (dist)", run: () => runChild(bun.path, ["run", mainJs, server.url]) }
    : { name: "bun (dist)", skip: bun.reason },
  bun.path
    ? {
        name: "bun (bundle)",
        run: () => runChild(bun.path, ["run", bundlePath, server.url]),
        needsBundle: true,
      }
    : { name: "bun (bundle)", skip: bun.reason },
  deno.path
    ? {
        name: "deno (dist, --allow-net --allow-env)",
        run: () =>
          runChild(deno.path, [
            "run",
            "--no-prompt",
            "--allow-net=127.0.0.1",
            "--allow-env",
            mainJs,
            server.url,
          ]),
      }
    : { name: "deno (dist, --allow-net --allow-env)", skip: deno.reason },
  deno.path
    ? {
        name: "deno (bundle, --allow-net only)",
        run: () =>
          runChild(deno.path, [
            "run",
            "--no-prompt",
            "--allow-net=127.0.0.1",
            bundlePath,
            server.url,
          ]),
        needsBundle: true,
      }
    : { name: "deno (bundle, --allow-net only)", skip: deno.reason },
  {
    name: "chromium (bundle, cross-origin)",
    run: () => runChromium(),
    needsBundle: true,
    browser: true,
  },
].filter((row) => wanted(row.name));

const results = [];
for (const row of rows) {
  const started = Date.now();
  let result;
  if (row.skip) result = { status: "SKIPPED", detail: row.skip };
  else if (row.needsBundle && bundleError) result = { status: "SKIPPED", detail: bundleError };
  else {
    try {
      result = await row.run();
    } catch (error) {
      result = {
        status: "FAILED",
        detail: firstLine(error),
        output: String(error?.stack ?? error),
      };
    }
  }
  result.ms = Date.now() - started;
  results.push({ name: row.name, ...result });
  log(
    `… ${row.name}: ${result.status}${result.counts ? ` (${result.counts})` : ""} in ${fmtMs(result.ms)}`,
  );
}

await server.close();
await rm(work, { recursive: true, force: true });

// ---- report -----------------------------------------------------------------------------------

for (const r of results.filter((r) => r.status === "FAILED")) {
  log(`\n--- ${r.name}: output ---`);
  // Passing tests are in the table's counts; show what failed (and any stderr).
  const output = (r.output ?? r.detail ?? "").replace(/^ok \d+ - .*\n?/gm, "");
  log(trimOutput(output));
}

const table = [
  ["runtime", "version", "result", "tests", "time"],
  ...results.map((r) => [
    r.name,
    r.version ?? "-",
    r.status,
    r.counts ?? (r.detail ? `(${r.detail})` : "-"),
    fmtMs(r.ms),
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
log("");
for (const [i, row] of table.entries()) {
  log(row.map((cell, j) => (j === row.length - 1 ? cell : cell.padEnd(widths[j]))).join("  "));
  if (i === 0) log(widths.map((w) => "-".repeat(w)).join("  "));
}
for (const r of results.filter((r) => r.note)) log(`note: ${r.name}: ${r.note}`);
const count = (status) => results.filter((r) => r.status === status).length;
const skipped = count("SKIPPED");
const failed = count("FAILED") + (STRICT ? skipped : 0);
log("");
if (STRICT && skipped)
  log(
    `portable: ${skipped} runtime(s) skipped in strict mode (CI or --strict): counted as failures.`,
  );
log(
  `portable: wall time ${fmtMs(Date.now() - wallStart)}` +
    (chromiumInstallMs ? ` (of which Chromium apt install ${fmtMs(chromiumInstallMs)})` : ""),
);
log(`runtimes: ${count("PASSED")} passed, ${failed} failed, ${STRICT ? 0 : skipped} skipped`);
process.exit(failed ? 1 : 0);

// ---- runners ----------------------------------------------------------------------------------

/** Node, in this very process: `import()` of the unbundled suite, which imports dist/. */
async function runInProcess() {
  const lines = [];
  const { runSuite } = await import("./suite.js");
  const outcome = await withTimeout(
    runSuite({ baseURL: server.url, print: (line) => lines.push(line) }),
    TIMEOUT_MS,
    "node (in-process)",
  );
  return verdict(lines.join("\n"), outcome.failed === 0 && outcome.passed > 0);
}

/** A child process (node, bun, deno): bounded by TIMEOUT_MS, killed (SIGKILL) past it. */
function runChild(command, args) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      cwd: here,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolvePromise({
        status: "FAILED",
        detail: `could not start: ${error.message}`,
        output: String(error),
      });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const output = stdout + (stderr ? `\n[stderr]\n${stderr}` : "");
      const r = verdict(output, code === 0);
      if (timedOut)
        Object.assign(r, { status: "FAILED", detail: `timed out after ${fmtMs(TIMEOUT_MS)}` });
      else if (code !== 0 && r.status === "PASSED") {
        Object.assign(r, { status: "FAILED", detail: `exit ${code ?? signal}` });
      }
      if (r.status === "FAILED" && !r.counts) r.detail ??= `exit ${code ?? signal}`;
      resolvePromise(r);
    });
  });
}

/** Headless Chromium via playwright-core, with Debian's browser; collects the console. */
async function runChromium() {
  if (!existsSync(chromiumPath)) {
    return {
      status: "SKIPPED",
      detail: `${chromiumPath} not found (${INSTALL ? "install-browser.sh could not install it" : "run with --install as root, or apt-get install chromium"})`,
    };
  }
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch (error) {
    return { status: "SKIPPED", detail: `playwright-core not installed: ${firstLine(error)}` };
  }
  const userDataDir = await mkdtemp(join(tmpdir(), "orkit-portable-chromium-"));
  const lines = [];
  const preflightsBefore = server.stats.preflights;
  let context;
  try {
    context = await withTimeout(
      chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        headless: true,
        args: CHROMIUM_FLAGS,
        timeout: 30_000,
      }),
      35_000,
      "chromium launch",
    );
    const page = context.pages()[0] ?? (await context.newPage());
    // The suite prints with console.log; the browser's own "Failed to load resource: 429" noise
    // (console errors for the deliberate error responses) is left out.
    page.on("console", (message) => message.type() === "log" && lines.push(message.text()));
    page.on("pageerror", (error) => lines.push(`pageerror: ${error.message}`));
    await page.goto(`${server.pageURL}/portable/index.html?api=${encodeURIComponent(server.url)}`, {
      timeout: 15_000,
    });
    const outcome = await page
      .waitForFunction(() => globalThis.__portableResult, null, { timeout: TIMEOUT_MS })
      .then((handle) => handle.jsonValue());
    const r = verdict(lines.join("\n"), outcome.failed === 0 && outcome.passed > 0);
    // The user agent is reduced (Chrome/156.0.0.0); ask the binary for its full version.
    const full = spawnSync(chromiumPath, ["--version"], { encoding: "utf8", timeout: 10_000 });
    const version = full.stdout?.match(/(\d+\.\d+\.\d+\.\d+)/)?.[1];
    if (version) r.version = `chromium ${version}`;
    r.note = `${server.stats.preflights - preflightsBefore} CORS preflights`;
    return r;
  } catch (error) {
    return {
      status: "FAILED",
      detail: firstLine(error),
      output: `${lines.join("\n")}\n${error?.stack ?? error}`,
    };
  } finally {
    await context?.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
}

/** Reads the suite's own output: its runtime line and its `portable: N passed, M failed` line. */
function verdict(output, ok) {
  const summary = output.match(/^portable: (\d+) passed, (\d+) failed$/m);
  const runtime = output.match(/^runtime: (.*)$/m)?.[1];
  const version = runtime?.match(/Chrome\/(\S+)/)
    ? `chromium ${runtime.match(/Chrome\/(\S+)/)[1]}`
    : runtime;
  const passed = ok && summary && summary[2] === "0";
  return {
    status: passed ? "PASSED" : "FAILED",
    version,
    counts: summary ? `${summary[1]} passed, ${summary[2]} failed` : undefined,
    detail: summary ? undefined : "no summary line",
    output,
  };
}

// ---- helpers ----------------------------------------------------------------------------------

/**
 * A runtime binary shipped inside an npm package: the platform package of the `bun`/`deno`
 * devDependency (resolved from that package, as its own launcher does), else one on PATH.
 * Bun's launcher (bin/bun.exe) is a stub until its postinstall runs, which pnpm skips for
 * packages not listed in onlyBuiltDependencies, so we go to the platform binary directly.
 */
function resolveBinary(name, platformPackages, binInPackage) {
  const candidates = [];
  try {
    const fromPkg = createRequire(require.resolve(`${name}/package.json`));
    for (const p of platformPackages) {
      try {
        candidates.push(join(dirname(fromPkg.resolve(`${p}/package.json`)), binInPackage));
      } catch {
        // not this platform's package
      }
    }
  } catch {
    // the npm package is not installed
  }
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) candidates.push(onPath);
  if (!candidates.length) {
    return {
      reason: `${name} not installed (npm package "${name}" for ${process.platform}-${process.arch} not found${INSTALL ? "" : "; run pnpm install"})`,
    };
  }
  const failures = [];
  for (const path of candidates) {
    const probe = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 20_000 });
    if (probe.status === 0) return { path };
    failures.push(
      `${path}: ${probe.error?.message ?? probe.signal ?? `exit ${probe.status}`} ${probe.stderr?.trim().split("\n")[0] ?? ""}`.trim(),
    );
  }
  return { reason: `${name} does not run here: ${failures.join("; ")}` };
}

function bunPackages() {
  const arch = { x64: "x64", arm64: "aarch64" }[process.arch] ?? process.arch;
  const os = process.platform === "win32" ? "windows" : process.platform;
  const base = `@oven/bun-${os}-${arch}`;
  return [base, `${base}-baseline`, `${base}-musl`, `${base}-musl-baseline`];
}

function denoPackages() {
  const arch = { x64: "x64", arm64: "arm64" }[process.arch] ?? process.arch;
  if (process.platform === "linux")
    return [`@deno/linux-${arch}-glibc`, `@deno/linux-${arch}-musl`];
  return [`@deno/${process.platform}-${arch}`];
}

function wanted(name) {
  return !ONLY || ONLY.some((prefix) => name.startsWith(prefix));
}

function canResolve(specifier) {
  try {
    require.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

function withTimeout(promise, ms, label) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${label} timed out after ${fmtMs(ms)}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function trimOutput(text) {
  const lines = text.split("\n");
  return lines.length > 60
    ? [...lines.slice(0, 60), `… (${lines.length - 60} more lines)`].join("\n")
    : text;
}

function firstLine(error) {
  return String(error?.message ?? error).split("\n")[0];
}

function fmtMs(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${(ms / 1000).toFixed(2)}s`;
}

function isTruthy(value) {
  return value !== undefined && ["1", "true", "yes", "on"].includes(value.trim().toLowerCase());
}
