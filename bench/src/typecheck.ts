/**
 * Benchmark (not a test): what a chat-only consumer pays to type-check, side by side.
 *
 * Each folder of typecheck-fixtures/ is one consumer program (same chat call, non-streaming and
 * streaming) with its own strict tsconfig. For every consumer × compiler × skipLibCheck this runs
 * `tsc --noEmit -p <dir>` once with --extendedDiagnostics (which also verifies that the program
 * compiles without errors: a failing compile is not benchmarked), then BENCH_RUNS timed runs,
 * round-robin across configurations so that background load spreads evenly. It prints a Markdown
 * table and writes the same data to results/typecheck.json.
 *
 *   pnpm --filter @orkit/bench typecheck-bench        # BENCH_RUNS=5 by default
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixturesDir = path.join(benchDir, "typecheck-fixtures");
const resultsFile = path.join(benchDir, "results", "typecheck.json");

const RUNS = Number.parseInt(process.env["BENCH_RUNS"] ?? "5", 10);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a positive integer`);

/** The consumers, in table order. `floor` is what every ratio is taken against. */
const CONSUMERS = [
  { name: "floor", dir: "floor", packages: [] },
  { name: "orkit", dir: "orkit", packages: ["@orkit/openrouter-core", "@orkit/openrouter-chat"] },
  { name: "orkit-umbrella", dir: "orkit-umbrella", packages: ["@orkit/openrouter"] },
  { name: "@openrouter/sdk", dir: "openrouter-sdk", packages: ["@openrouter/sdk"] },
  { name: "openai", dir: "openai", packages: ["openai"] },
] as const;
type ConsumerName = (typeof CONSUMERS)[number]["name"];

interface Compiler {
  name: "tsc" | "tsgo";
  version: string;
  /** argv[0] and the arguments that precede the compiler's own. */
  command: string;
  prefix: string[];
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Compilers

/** `<dir>/node_modules/<name>/package.json`, searching up from `fromDir` as Node does (some packages,
 * such as openai, don't export `./package.json`, so `require.resolve` can't be used). */
function packageJsonPath(name: string, fromDir = benchDir): string {
  for (let dir = realpathSync(fromDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name, "package.json");
    if (existsSync(candidate)) return realpathSync(candidate);
    if (path.dirname(dir) === dir) throw new Error(`Cannot find package ${name} from ${fromDir}`);
  }
}

function packageVersion(name: string, fromDir = benchDir): string {
  return (JSON.parse(readFileSync(packageJsonPath(name, fromDir), "utf8")) as { version: string })
    .version;
}

function findTsc(): Compiler {
  const pkgJson = packageJsonPath("typescript");
  const tscJs = path.join(path.dirname(pkgJson), "lib", "tsc.js");
  return {
    name: "tsc",
    version: packageVersion("typescript"),
    command: process.execPath,
    prefix: [tscJs],
  };
}

/** tsgo from @typescript/native-preview, or the reason it can't run here. */
function findTsgo(): Compiler | { unavailable: string } {
  let pkgJson: string;
  try {
    pkgJson = packageJsonPath("@typescript/native-preview");
  } catch (error) {
    return { unavailable: `@typescript/native-preview is not installed (${String(error)})` };
  }
  const version = packageVersion("@typescript/native-preview");
  // Run the native executable directly, as the bin launcher does on Node >= 22.15 (process.execve);
  // on Node 20 the launcher would stay alive as a parent node process and add its startup and RSS.
  const platformPkg = `@typescript/native-preview-${process.platform}-${process.arch}`;
  let command: string;
  let prefix: string[] = [];
  let note: string | undefined;
  try {
    const nativeJson = packageJsonPath(platformPkg, path.dirname(pkgJson));
    command = path.join(
      path.dirname(nativeJson),
      "lib",
      process.platform === "win32" ? "tsgo.exe" : "tsgo",
    );
    if (!existsSync(command)) throw new Error(`${command} does not exist`);
    note = "native executable run directly (no node launcher)";
  } catch {
    command = process.execPath;
    prefix = [path.join(path.dirname(pkgJson), "bin", "tsgo")];
    note = `${platformPkg} not resolvable; run through the node launcher`;
  }
  const probe = spawnSync(command, [...prefix, "--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    return {
      unavailable: `tsgo ${version} does not run here: ${probe.error?.message ?? (probe.stderr || probe.stdout).trim()}`,
    };
  }
  return { name: "tsgo", version, command, prefix, note };
}

// ---------------------------------------------------------------------------------------------
// Running

const GNU_TIME = "/usr/bin/time";
const haveGnuTime = (() => {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ["-f", "%M", "true"], { encoding: "utf8" });
  return probe.status === 0 && /^\d+\s*$/.test(probe.stderr);
})();
const tmp = mkdtempSync(path.join(os.tmpdir(), "orkit-typecheck-bench-"));
const timeOut = path.join(tmp, "maxrss");

interface RunResult {
  status: number | null;
  output: string;
  wallMs: number;
  /** Peak resident set size in MB (/usr/bin/time %M), when available. */
  peakMB: number | undefined;
}

function run(compiler: Compiler, dir: string, skipLibCheck: boolean, extra: string[] = []) {
  const args = [
    ...compiler.prefix,
    "--noEmit",
    "-p",
    path.join(fixturesDir, dir),
    "--skipLibCheck",
    String(skipLibCheck),
    ...extra,
  ];
  const [command, argv] = haveGnuTime
    ? [GNU_TIME, ["-f", "%M", "-o", timeOut, compiler.command, ...args]]
    : [compiler.command, args];
  const start = performance.now();
  const child = spawnSync(command, argv, {
    cwd: benchDir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (child.error) throw child.error;
  let peakMB: number | undefined;
  if (haveGnuTime) {
    const kb = Number.parseInt(readFileSync(timeOut, "utf8").trim().split("\n").pop() ?? "", 10);
    if (Number.isFinite(kb)) peakMB = kb / 1024;
  }
  return {
    status: child.status,
    output: `${child.stdout}${child.stderr}`,
    wallMs,
    peakMB,
  } satisfies RunResult;
}

interface Diagnostics {
  files?: number;
  types?: number;
  instantiations?: number;
  checkTimeMs?: number;
  /** The compiler's own "Memory used" (heap), in MB. */
  memoryUsedMB?: number;
}

function parseDiagnostics(output: string): Diagnostics {
  const field = (label: string): string | undefined =>
    new RegExp(`^${label}:\\s+(\\S+)`, "m").exec(output)?.[1];
  const int = (label: string) => {
    const raw = field(label);
    return raw === undefined ? undefined : Number.parseInt(raw.replace(/,/g, ""), 10);
  };
  const seconds = (label: string) => {
    const raw = field(label);
    return raw === undefined ? undefined : Number.parseFloat(raw) * 1000;
  };
  const memory = field("Memory used");
  return {
    files: int("Files"),
    types: int("Types"),
    instantiations: int("Instantiations"),
    checkTimeMs: seconds("Check time"),
    memoryUsedMB: memory === undefined ? undefined : Number.parseInt(memory, 10) / 1024,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number | undefined, digits = 0): number | undefined =>
  x === undefined ? undefined : Math.round(x * 10 ** digits) / 10 ** digits;
const fmt = (x: number | undefined, digits = 0): string =>
  x === undefined
    ? "–"
    : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined || b === 0 ? undefined : a / b;
const fmtRatio = (r: number | undefined): string => (r === undefined ? "–" : `${r.toFixed(2)}×`);

function markdownTable(header: string[], rows: string[][], rightAlignFrom = 3): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= rightAlignFrom ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (i >= rightAlignFrom ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Main

interface Config {
  consumer: ConsumerName;
  dir: string;
  compiler: Compiler;
  skipLibCheck: boolean;
  diagnostics?: Diagnostics;
  error?: string;
  wallSamplesMs: number[];
  peakSamplesMB: number[];
}

const compilers: Compiler[] = [findTsc()];
const tsgo = findTsgo();
if ("unavailable" in tsgo) console.log(`tsgo column skipped: ${tsgo.unavailable}\n`);
else compilers.push(tsgo);

const versions: Record<string, string> = {
  node: process.version,
  typescript: compilers[0]!.version,
};
if (!("unavailable" in tsgo)) versions["@typescript/native-preview"] = tsgo.version;
for (const c of CONSUMERS) for (const p of c.packages) versions[p] = packageVersion(p);
if (versions["@openrouter/sdk"]) {
  try {
    versions["zod (via @openrouter/sdk)"] = packageVersion(
      "zod",
      path.dirname(packageJsonPath("@openrouter/sdk")),
    );
  } catch {
    // zod's version is informational only
  }
}

const environment = {
  platform: `${process.platform}-${process.arch}`,
  cpu: os.cpus()[0]?.model ?? "unknown",
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  memorySource: haveGnuTime
    ? "/usr/bin/time -f %M (peak RSS of the compiler process)"
    : "--extendedDiagnostics 'Memory used' (compiler heap; /usr/bin/time not available)",
};

console.log(
  `Type-check cost of a chat-only consumer: ${RUNS} run(s) per configuration, median wall time.`,
);
console.log(
  `Versions: ${Object.entries(versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
);
console.log(
  `Machine: ${environment.cpus}× ${environment.cpu}, load average ${environment.loadAverageAtStart.join(" ")}; memory from ${environment.memorySource}\n`,
);

const configs: Config[] = [];
for (const c of CONSUMERS)
  for (const compiler of compilers)
    for (const skipLibCheck of [true, false])
      configs.push({
        consumer: c.name,
        dir: c.dir,
        compiler,
        skipLibCheck,
        wallSamplesMs: [],
        peakSamplesMB: [],
      });

const label = (c: Config) => `${c.consumer} / ${c.compiler.name} / skipLibCheck=${c.skipLibCheck}`;

// 1. One --extendedDiagnostics run per configuration: verifies that the consumer compiles cleanly,
//    collects the counters, and warms the file cache.
for (const config of configs) {
  const r = run(config.compiler, config.dir, config.skipLibCheck, ["--extendedDiagnostics"]);
  if (r.status !== 0) {
    const errors = r.output
      .split("\n")
      .filter((l) => /error TS\d+/.test(l) || /^\s/.test(l))
      .filter((l) => !/^\S+:\s+\S+$/.test(l.trim()))
      .slice(0, 40)
      .join("\n");
    config.error = errors || r.output.slice(0, 4000);
    console.log(
      `✗ ${label(config)}: does not type-check (exit ${r.status}); not benchmarked\n${config.error}\n`,
    );
    continue;
  }
  config.diagnostics = parseDiagnostics(r.output);
  process.stdout.write(`✓ ${label(config)} compiles (${config.diagnostics.files} files)\n`);
}

// 2. Timed runs, round-robin.
const runnable = configs.filter((c) => !c.error);
for (let i = 0; i < RUNS; i++) {
  process.stdout.write(`run ${i + 1}/${RUNS} `);
  for (const config of runnable) {
    const r = run(config.compiler, config.dir, config.skipLibCheck);
    if (r.status !== 0) throw new Error(`${label(config)} failed on a timed run:\n${r.output}`);
    config.wallSamplesMs.push(r.wallMs);
    if (r.peakMB !== undefined) config.peakSamplesMB.push(r.peakMB);
    process.stdout.write(".");
  }
  process.stdout.write("\n");
}
rmSync(tmp, { recursive: true, force: true });

// 3. Aggregate.
interface Row {
  consumer: ConsumerName;
  compiler: string;
  compilerVersion: string;
  skipLibCheck: boolean;
  ok: boolean;
  error?: string;
  medianWallMs?: number;
  /** Fastest run: less sensitive than the median to load from other processes. */
  minWallMs?: number;
  wallRatioToFloor?: number;
  peakMB?: number;
  checkTimeMs?: number;
  types?: number;
  instantiations?: number;
  files?: number;
  wallSamplesMs: number[];
  peakSamplesMB: number[];
  compilerMemoryUsedMB?: number;
}

const rows: Row[] = configs.map((c) => {
  const ok = !c.error;
  return {
    consumer: c.consumer,
    compiler: c.compiler.name,
    compilerVersion: c.compiler.version,
    skipLibCheck: c.skipLibCheck,
    ok,
    ...(c.error ? { error: c.error } : {}),
    medianWallMs: ok ? round(median(c.wallSamplesMs), 1) : undefined,
    minWallMs: ok ? round(Math.min(...c.wallSamplesMs), 1) : undefined,
    peakMB: c.peakSamplesMB.length
      ? round(median(c.peakSamplesMB), 1)
      : round(c.diagnostics?.memoryUsedMB, 1),
    checkTimeMs: round(c.diagnostics?.checkTimeMs, 1),
    types: c.diagnostics?.types,
    instantiations: c.diagnostics?.instantiations,
    files: c.diagnostics?.files,
    compilerMemoryUsedMB: round(c.diagnostics?.memoryUsedMB, 1),
    wallSamplesMs: c.wallSamplesMs.map((x) => round(x, 1)!),
    peakSamplesMB: c.peakSamplesMB.map((x) => round(x, 1)!),
  };
});
const find = (consumer: ConsumerName, compiler: string, skipLibCheck: boolean) =>
  rows.find(
    (r) => r.consumer === consumer && r.compiler === compiler && r.skipLibCheck === skipLibCheck,
  );
for (const r of rows) {
  r.wallRatioToFloor = round(
    ratio(r.medianWallMs, find("floor", r.compiler, r.skipLibCheck)?.medianWallMs),
    2,
  );
}

const METRICS = [
  ["medianWallMs", "wall"],
  ["peakMB", "peak MB"],
  ["checkTimeMs", "check time"],
  ["types", "types"],
  ["instantiations", "instantiations"],
  ["files", "files"],
] as const;

interface Comparison {
  consumer: ConsumerName;
  versus: ConsumerName;
  compiler: string;
  skipLibCheck: boolean;
  ratios: Partial<Record<(typeof METRICS)[number][0], number>>;
}
const comparisons: Comparison[] = [];
for (const consumer of ["orkit", "orkit-umbrella"] as const)
  for (const compiler of compilers)
    for (const skipLibCheck of [true, false]) {
      const a = find(consumer, compiler.name, skipLibCheck);
      const b = find("@openrouter/sdk", compiler.name, skipLibCheck);
      if (!a?.ok || !b?.ok) continue;
      const ratios: Comparison["ratios"] = {};
      for (const [key] of METRICS) {
        const value = round(ratio(a[key], b[key]), 3);
        if (value !== undefined) ratios[key] = value;
      }
      comparisons.push({
        consumer,
        versus: "@openrouter/sdk",
        compiler: compiler.name,
        skipLibCheck,
        ratios,
      });
    }

// 4. Print.
console.log(
  `\n${markdownTable(
    [
      "consumer",
      "compiler",
      "skipLibCheck",
      "median wall ms",
      "ratio to floor",
      "peak MB",
      "check time ms",
      "types",
      "instantiations",
      "files",
    ],
    rows.map((r) =>
      r.ok
        ? [
            r.consumer,
            r.compiler,
            String(r.skipLibCheck),
            fmt(r.medianWallMs),
            fmtRatio(r.wallRatioToFloor),
            fmt(r.peakMB),
            fmt(r.checkTimeMs),
            fmt(r.types),
            fmt(r.instantiations),
            fmt(r.files),
          ]
        : [
            r.consumer,
            r.compiler,
            String(r.skipLibCheck),
            "type errors",
            "–",
            "–",
            "–",
            "–",
            "–",
            "–",
          ],
    ),
  )}`,
);
if (comparisons.length) {
  console.log(
    `\norkit ÷ @openrouter/sdk (below 1 means orkit is cheaper):\n\n${markdownTable(
      ["consumer", "compiler", "skipLibCheck", ...METRICS.map(([, name]) => name)],
      comparisons.map((c) => [
        c.consumer,
        c.compiler,
        String(c.skipLibCheck),
        ...METRICS.map(([key]) => fmtRatio(c.ratios[key])),
      ]),
    )}`,
  );
}
const notes = compilers.filter((c) => c.note).map((c) => `${c.name}: ${c.note}`);
if ("unavailable" in tsgo) notes.push(`tsgo skipped: ${tsgo.unavailable}`);
if (notes.length) console.log(`\nNotes: ${notes.join("; ")}.`);

// 5. Write JSON (formatted like the rest of the repository, so `prettier --check .` passes).
const report = {
  generatedAt: new Date().toISOString(),
  runs: RUNS,
  versions,
  environment: { ...environment, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
  compilers: compilers.map(({ name, version, note }) => ({
    name,
    version,
    ...(note ? { note } : {}),
  })),
  ...("unavailable" in tsgo ? { tsgoUnavailable: tsgo.unavailable } : {}),
  rows,
  comparisons,
};
mkdirSync(path.dirname(resultsFile), { recursive: true });
const prettierOptions = (await prettier.resolveConfig(resultsFile)) ?? {};
writeFileSync(
  resultsFile,
  await prettier.format(JSON.stringify(report), { ...prettierOptions, filepath: resultsFile }),
);
console.log(`\nWrote ${path.relative(process.cwd(), resultsFile)}`);
if (rows.some((r) => !r.ok)) process.exitCode = 1;
