/**
 * Benchmark (not a test): what orkit costs at run time next to a plain-`fetch` floor, `openai` and
 * `@openrouter/sdk`, all against one loopback node:http server (src/runtime/server.mjs) that runs
 * in its own process, so its CPU is never counted as the client's.
 *
 *   pnpm --filter @orkit/bench runtime-bench      # BENCH_ROUNDS=2 by default; ~2–3 minutes
 *
 * 1. Request overhead: per client process, 200 warm-up chat calls, then 2000 sequential, 2000 at
 *    concurrency 32, and 200 `models.list` calls (300-model body). Wall/N, overhead over the
 *    floor, client CPU (process.cpuUsage) per request. Best of BENCH_ROUNDS rounds per figure; the
 *    overhead is the median over rounds of the difference to the floor's process in the same round.
 * 1b. Library only: 10,000 chat calls through each SDK's custom-fetch hook answered in-process
 *    (no sockets): the library's own cost per call, and heap retained per call (leak check).
 * 2. Streaming: one response of 20,000 chat chunks (`: OPENROUTER PROCESSING` every 50 events,
 *    every write cut inside a UTF-8 multi-byte character), consumed fully; events/s, peak RSS
 *    delta; every consumer must reassemble the exact content.
 * 3. Bundle size: esbuild (minified ESM, platform neutral) + gzip, for chat only, models only and
 *    the full client.
 * 4. Cold import: `node --input-type=module -e "await import(…)"`, 31 interleaved runs; the median
 *    of each run's difference to bare `node -e ""` in the same run.
 * 5. Retries: 429 + Retry-After: 1, 503 ×2, connection reset ×1, 503 forever; attempts (counted
 *    by the server), total time, outcome.
 *
 * Client code lives in src/runtime/client.mjs and runs as plain `node` (no TypeScript loader) in
 * a fresh process per measurement. Results are printed as Markdown and written to
 * results/runtime.json. Every loop is bounded; the server exits with this process (and on its own
 * after 8 minutes at the latest).
 */
import { execFile, fork, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runtimeDir = path.join(benchDir, "src", "runtime");
const resultsFile = path.join(benchDir, "results", "runtime.json");

const ROUNDS = Number.parseInt(process.env["BENCH_ROUNDS"] ?? "2", 10);
/** Processes of the paired measurement ("1a"), each 40 interleaved rounds; the median is reported. */
const PAIRED_PROCESSES = Math.max(
  1,
  Number.parseInt(process.env["BENCH_PAIRED_PROCESSES"] ?? "5", 10) || 5,
);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || ROUNDS > 5) {
  throw new Error("BENCH_ROUNDS must be an integer from 1 to 5");
}
const COLD_RUNS = 31;
const STREAM_EVENTS = 20_000;
const CHILD_TIMEOUT_MS = 120_000;

type Sdk = "floor" | "orkit" | "openai" | "ors";
const SDKS: Sdk[] = ["floor", "orkit", "openai", "ors"];
const LABEL: Record<Sdk, string> = {
  floor: "floor (fetch + JSON.parse)",
  orkit: "orkit",
  openai: "openai",
  ors: "@openrouter/sdk",
};
const ANCHORS: Sdk[] = ["openai", "ors"];

const problems: string[] = [];
function expect(ok: boolean, message: string): void {
  if (!ok) problems.push(message);
}

// ---------------------------------------------------------------- formatting

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");
const ratio = (a: number, b: number) =>
  b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : "–";

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const sep = header.map((_, i) => (i === 0 ? "---" : "--:"));
  return [line(header), line(sep), ...rows.map(line)].join("\n");
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// ---------------------------------------------------------------- server and clients

interface ServerInfo {
  port: number;
  modelsBytes: number;
  chatBytes: number;
  streamBytes: number;
  streamWrites: number;
  streamSplitWrites: number;
}

function startServer(): Promise<{ child: ChildProcess; info: ServerInfo }> {
  const child = fork(path.join(runtimeDir, "server.mjs"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 20 s")), 20_000);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`server exited early (${code})`)));
    child.on("message", (message: { type?: string } & ServerInfo) => {
      if (message.type !== "ready") return;
      clearTimeout(timer);
      resolve({ child, info: message });
    });
  });
}

function runClient<T>(args: string[], nodeFlags: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...nodeFlags, path.join(runtimeDir, "client.mjs"), ...args],
      { cwd: benchDir, timeout: CHILD_TIMEOUT_MS, maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`client ${args.join(" ")} failed: ${error.message}\n${stderr}`));
          return;
        }
        try {
          resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "") as T);
        } catch (parseError) {
          reject(
            new Error(`client ${args.join(" ")} printed no JSON: ${stdout}\n${stderr}`, {
              cause: parseError,
            }),
          );
        }
      },
    );
  });
}

// ---------------------------------------------------------------- 1. request overhead

interface Phase {
  n: number;
  concurrency: number;
  wallUs: number;
  cpuUs: number;
  errors: number;
  firstError?: string;
}
interface OverheadRun {
  sdk: Sdk;
  warmupErrors: number;
  warmupError?: string;
  seq: Phase;
  conc: Phase;
  models: Phase;
}
type PhaseName = "seq" | "conc" | "models";
interface PerRequest {
  us: number;
  cpuUs: number;
}
const PHASES: Array<{ key: PhaseName; title: string }> = [
  { key: "seq", title: "Chat, 2000 sequential calls" },
  { key: "conc", title: "Chat, 2000 calls at concurrency 32" },
  { key: "models", title: "models.list, 200 sequential calls (300 models)" },
];

async function requestOverhead(port: number) {
  const runs: OverheadRun[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so drift in background load doesn't always hit the same client.
    const order = round % 2 === 0 ? SDKS : [...SDKS].reverse();
    for (const sdk of order) {
      const run = await runClient<OverheadRun>(["overhead", sdk, String(port)]);
      runs.push(run);
      const errs = run.warmupErrors + run.seq.errors + run.conc.errors + run.models.errors;
      expect(
        errs === 0,
        `overhead ${sdk} round ${round + 1}: ${errs} failed calls (${run.warmupError ?? run.seq.firstError ?? run.conc.firstError ?? run.models.firstError})`,
      );
      process.stderr.write(`  overhead ${sdk} round ${round + 1} done\n`);
    }
  }
  // Best (lowest wall) round per SDK and phase; CPU from that same round.
  const best = {} as Record<Sdk, Record<PhaseName, PerRequest>>;
  // The overhead: per round, each client's figure minus the floor's of the same round, then the
  // median over rounds. Processes of one round run within seconds of each other; best-of figures
  // can come from rounds minutes apart, and this VM drifts by more than the overhead between them.
  const overFloor = {} as Record<Sdk, Record<PhaseName, PerRequest>>;
  const roundsOverFloor = {} as Record<Sdk, Record<PhaseName, PerRequest[]>>;
  const perRequest = (p: Phase): PerRequest => ({ us: p.wallUs / p.n, cpuUs: p.cpuUs / p.n });
  const byRound = (sdk: Sdk) => runs.filter((r) => r.sdk === sdk);
  const floorRuns = byRound("floor");
  for (const sdk of SDKS) {
    best[sdk] = {} as Record<PhaseName, PerRequest>;
    overFloor[sdk] = {} as Record<PhaseName, PerRequest>;
    roundsOverFloor[sdk] = {} as Record<PhaseName, PerRequest[]>;
    for (const { key } of PHASES) {
      const phases = byRound(sdk).map((r) => r[key]);
      const top = phases.reduce((a, b) => (b.wallUs < a.wallUs ? b : a));
      best[sdk][key] = perRequest(top);
      const diffs = phases.map((p, round) => {
        const own = perRequest(p);
        const floor = perRequest(floorRuns[round]![key]);
        return { us: own.us - floor.us, cpuUs: own.cpuUs - floor.cpuUs };
      });
      overFloor[sdk][key] = {
        us: median(diffs.map((d) => d.us)),
        cpuUs: median(diffs.map((d) => d.cpuUs)),
      };
      roundsOverFloor[sdk][key] = diffs;
    }
  }
  return { runs, best, overFloor, roundsOverFloor };
}

// ------------------------------------------------------- 1a. paired: every client in one process

interface PairedClient {
  wallUs: number;
  cpuUs: number;
  overFloorWallUs: number;
  overFloorCpuUs: number;
}
interface PairedRun {
  rounds: number;
  batch: number;
  errors: number;
  clients: Record<Sdk, PairedClient>;
}

/**
 * PAIRED_PROCESSES processes of the paired measurement, combined field by field as the median over
 * processes: on this 2-core VM one process's figure for the same code moved between +40 and +115 µs
 * (15 runs), so three processes still left the median swinging by tens of µs. `runs` lists each
 * process's overhead for the record.
 */
async function pairedOverhead(
  port: number,
): Promise<PairedRun & { processes: number; runs: Record<Sdk, number[]> }> {
  const runs: PairedRun[] = [];
  for (let i = 0; i < PAIRED_PROCESSES; i++) {
    const run = await runClient<PairedRun>(["paired", "all", String(port)]);
    expect(run.errors === 0, `paired overhead: ${run.errors} failed calls`);
    runs.push(run);
  }
  const field = (sdk: Sdk, key: keyof PairedClient) =>
    median(runs.map((run) => run.clients[sdk][key]));
  const clients = {} as Record<Sdk, PairedClient>;
  const overByRun = {} as Record<Sdk, number[]>;
  for (const sdk of SDKS) {
    clients[sdk] = {
      wallUs: field(sdk, "wallUs"),
      cpuUs: field(sdk, "cpuUs"),
      overFloorWallUs: field(sdk, "overFloorWallUs"),
      overFloorCpuUs: field(sdk, "overFloorCpuUs"),
    };
    overByRun[sdk] = runs.map((run) => run.clients[sdk].overFloorWallUs);
  }
  return { ...runs[0]!, errors: 0, clients, processes: runs.length, runs: overByRun };
}

function pairedTable(run: PairedRun): string {
  const rows = SDKS.map((sdk) => {
    const c = run.clients[sdk];
    const isFloor = sdk === "floor";
    return [
      LABEL[sdk],
      f1(c.wallUs),
      isFloor ? "–" : f1(c.overFloorWallUs),
      f1(c.cpuUs),
      isFloor ? "–" : f1(c.overFloorCpuUs),
    ];
  });
  return table(
    [
      "client",
      "µs/call (median)",
      "over floor µs (median of paired)",
      "CPU µs/call",
      "CPU over floor µs",
    ],
    rows,
  );
}

function overheadTables({
  best,
  overFloor,
}: {
  best: Record<Sdk, Record<PhaseName, PerRequest>>;
  overFloor: Record<Sdk, Record<PhaseName, PerRequest>>;
}): string {
  const out: string[] = [];
  for (const { key, title } of PHASES) {
    const floor = best.floor[key];
    const rows = SDKS.map((sdk) => {
      const b = best[sdk][key];
      return [
        LABEL[sdk],
        f1(b.us),
        sdk === "floor" ? "–" : f1(overFloor[sdk][key].us),
        f1(b.cpuUs),
        sdk === "floor" ? "–" : f1(overFloor[sdk][key].cpuUs),
        ratio(b.us, floor.us),
        ...ANCHORS.map((a) => ratio(b.us, best[a][key].us)),
        ...ANCHORS.map((a) => ratio(b.cpuUs, best[a][key].cpuUs)),
      ];
    });
    out.push(
      `**${title}**\n\n` +
        table(
          [
            "client",
            "µs/req (wall/N)",
            "over floor µs",
            "client CPU µs/req",
            "CPU over floor µs",
            "wall ×floor",
            "wall ×openai",
            "wall ×@openrouter/sdk",
            "CPU ×openai",
            "CPU ×@openrouter/sdk",
          ],
          rows,
        ),
    );
  }
  return out.join("\n\n");
}

// ---------------------------------------------------------------- 1b. library only (stub fetch)

interface StubRun {
  sdk: Sdk;
  warmupErrors: number;
  warmupError?: string;
  run: Phase;
  retainedBytesPerCall: number;
}

/** Each SDK through its own custom-fetch hook, answered in-process: the library's cost alone. */
async function libraryOnly(port: number) {
  const runs = {} as Record<Sdk, StubRun>;
  for (const sdk of SDKS) {
    const r = await runClient<StubRun>(["stub", sdk, String(port)], ["--expose-gc"]);
    runs[sdk] = r;
    expect(
      r.warmupErrors + r.run.errors === 0,
      `stub ${sdk}: failed calls (${r.warmupError ?? r.run.firstError})`,
    );
    process.stderr.write(`  library-only ${sdk} done\n`);
  }
  return runs;
}

function libraryTable(runs: Record<Sdk, StubRun>): string {
  const us = (sdk: Sdk) => runs[sdk].run.wallUs / runs[sdk].run.n;
  const cpu = (sdk: Sdk) => runs[sdk].run.cpuUs / runs[sdk].run.n;
  return table(
    [
      "client",
      "µs/call",
      "over floor µs",
      "CPU µs/call",
      "wall ×floor",
      "wall ×openai",
      "wall ×@openrouter/sdk",
      "heap retained B/call",
    ],
    SDKS.map((sdk) => [
      LABEL[sdk],
      f1(us(sdk)),
      sdk === "floor" ? "–" : f1(us(sdk) - us("floor")),
      f1(cpu(sdk)),
      ratio(us(sdk), us("floor")),
      ...ANCHORS.map((a) => ratio(us(sdk), us(a))),
      f0(runs[sdk].retainedBytesPerCall),
    ]),
  );
}

// ---------------------------------------------------------------- 2. streaming

interface StreamRun {
  sdk: Sdk;
  events: number;
  wallMs: number;
  cpuMs: number;
  eventsPerSec: number;
  rssBaseMiB: number;
  peakRssDeltaMiB: number;
  chunks?: number;
  withContent?: number;
  contentOk: boolean;
  contentLength?: number;
  expectedLength: number;
  finishReason?: string;
  splitCheck: { chunks: number; contentOk: boolean };
  error?: string;
}

async function streaming(port: number) {
  const runs: StreamRun[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? SDKS : [...SDKS].reverse();
    for (const sdk of order) {
      const run = await runClient<StreamRun>(
        ["stream", sdk, String(port), String(STREAM_EVENTS)],
        ["--expose-gc"],
      );
      runs.push(run);
      expect(!run.error, `stream ${sdk}: ${run.error}`);
      expect(
        run.withContent === STREAM_EVENTS && run.chunks === STREAM_EVENTS + 1,
        `stream ${sdk}: saw ${run.withContent} content chunks of ${STREAM_EVENTS} (${run.chunks} chunks in all)`,
      );
      expect(
        run.contentOk,
        `stream ${sdk}: reassembled content differs (${run.contentLength} vs ${run.expectedLength} chars)`,
      );
      expect(run.finishReason === "stop", `stream ${sdk}: finish reason ${run.finishReason}`);
      expect(
        run.splitCheck.contentOk && run.splitCheck.chunks === 301,
        `stream ${sdk}: slow split-UTF-8 check failed`,
      );
      process.stderr.write(`  stream ${sdk} round ${round + 1} done\n`);
    }
  }
  const best = {} as Record<Sdk, StreamRun>;
  for (const sdk of SDKS) {
    best[sdk] = runs.filter((r) => r.sdk === sdk).reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  }
  return { runs, best };
}

function streamTable(best: Record<Sdk, StreamRun>): string {
  const rows = SDKS.map((sdk) => {
    const r = best[sdk];
    return [
      LABEL[sdk],
      f0(r.eventsPerSec),
      f0(r.wallMs),
      f0(r.cpuMs),
      f1(r.peakRssDeltaMiB),
      f0(r.rssBaseMiB),
      ratio(r.wallMs, best.floor.wallMs),
      ...ANCHORS.map((a) => ratio(r.wallMs, best[a].wallMs)),
      `${r.withContent}/${STREAM_EVENTS}${r.contentOk ? ", content exact" : ", CONTENT WRONG"}${r.splitCheck.contentOk ? "" : ", SPLIT CHECK FAILED"}`,
    ];
  });
  return table(
    [
      "client",
      "events/s",
      "wall ms",
      "client CPU ms",
      "peak RSS Δ MiB",
      "RSS before MiB",
      "time ×floor",
      "time ×openai",
      "time ×@openrouter/sdk",
      "events seen",
    ],
    rows,
  );
}

// ---------------------------------------------------------------- 3. bundle size

const CHAT_CALL = `{ model: "openai/gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }`;
const BUNDLES: Record<"chat" | "models" | "full", Partial<Record<Sdk, string>>> = {
  chat: {
    floor: `export async function run(key) {
  const res = await fetch("https://openrouter.ai/api/v1/chat/completions", { method: "POST", headers: { authorization: "Bearer " + key, "content-type": "application/json" }, body: JSON.stringify(${CHAT_CALL}) });
  if (!res.ok) throw new Error("HTTP " + res.status);
  return JSON.parse(await res.text());
}`,
    orkit: `import { createClient } from "@orkit/openrouter-core";
import { chatSend } from "@orkit/openrouter-chat";
export async function run(apiKey) { return chatSend(createClient({ apiKey }), ${CHAT_CALL}); }`,
    openai: `import OpenAI from "openai";
export async function run(apiKey) { return new OpenAI({ apiKey, baseURL: "https://openrouter.ai/api/v1" }).chat.completions.create(${CHAT_CALL}); }`,
    ors: `import { OpenRouterCore } from "@openrouter/sdk/core.js";
import { chatSend } from "@openrouter/sdk/funcs/chatSend.js";
export async function run(apiKey) { return chatSend(new OpenRouterCore({ apiKey }), { chatRequest: ${CHAT_CALL} }); }`,
  },
  models: {
    floor: `export async function run() {
  const res = await fetch("https://openrouter.ai/api/v1/models");
  if (!res.ok) throw new Error("HTTP " + res.status);
  return JSON.parse(await res.text());
}`,
    orkit: `import { createClient } from "@orkit/openrouter-core";
import { modelsList } from "@orkit/openrouter-models";
export async function run(apiKey) { return modelsList(createClient({ apiKey })); }`,
    openai: `import OpenAI from "openai";
export async function run(apiKey) { return new OpenAI({ apiKey, baseURL: "https://openrouter.ai/api/v1" }).models.list(); }`,
    ors: `import { OpenRouterCore } from "@openrouter/sdk/core.js";
import { modelsList } from "@openrouter/sdk/funcs/modelsList.js";
export async function run(apiKey) { return modelsList(new OpenRouterCore({ apiKey })); }`,
  },
  full: {
    orkit: `import { OpenRouter } from "@orkit/openrouter";
export async function run(apiKey) { return new OpenRouter({ apiKey }).chat.send(${CHAT_CALL}); }`,
    openai: `import OpenAI from "openai";
export async function run(apiKey) { return new OpenAI({ apiKey, baseURL: "https://openrouter.ai/api/v1" }).chat.completions.create(${CHAT_CALL}); }`,
    ors: `import { OpenRouter } from "@openrouter/sdk";
export async function run(apiKey) { return new OpenRouter({ apiKey }).chat.send({ chatRequest: ${CHAT_CALL} }); }`,
  },
};
const BUNDLE_TITLES = {
  chat: "chat only (most tree-shakable API)",
  models: "models list only",
  full: "full client",
};
const BUNDLE_API: Record<Sdk, Record<"chat" | "models" | "full", string>> = {
  floor: { chat: "fetch", models: "fetch", full: "–" },
  orkit: {
    chat: "createClient + chatSend",
    models: "createClient + modelsList",
    full: "new OpenRouter() from @orkit/openrouter",
  },
  openai: {
    chat: "new OpenAI() + chat.completions.create",
    models: "new OpenAI() + models.list",
    full: "new OpenAI()",
  },
  ors: {
    chat: "OpenRouterCore + funcs/chatSend.js",
    models: "OpenRouterCore + funcs/modelsList.js",
    full: "new OpenRouter() from @openrouter/sdk",
  },
};

interface BundleResult {
  minBytes: number;
  gzipBytes: number;
  warnings: number;
}

/** One entry bundled as every SDK is: esbuild, minified ESM, platform neutral; gzip level 9. */
async function bundleSize(contents: string, sourcefile: string): Promise<BundleResult> {
  const out = await build({
    stdin: { contents, resolveDir: benchDir, loader: "js", sourcefile },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2022",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  const code = out.outputFiles[0]!.contents;
  return {
    minBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    warnings: out.warnings.length,
  };
}

async function bundleSizes() {
  const results = {} as Record<"chat" | "models" | "full", Partial<Record<Sdk, BundleResult>>>;
  for (const kind of ["chat", "models", "full"] as const) {
    results[kind] = {};
    for (const sdk of SDKS) {
      const contents = BUNDLES[kind][sdk];
      if (contents) results[kind][sdk] = await bundleSize(contents, `${kind}-${sdk}.js`);
    }
  }
  return results;
}

// Libraries an SDK could be assembled from, each making the chat call its own way: what the
// chat-only budget has to be weighed against. Not SDKs: none has typed status errors, logging,
// key redaction or a per-read idle timeout.
const BUILDING_BLOCKS: Array<{ name: string; has: string; code: string }> = [
  {
    name: "openapi-fetch",
    has: "typed fetch client, serialisers, middleware",
    code: `import createClient from "openapi-fetch";
export async function run(key) { return createClient({ baseUrl: "https://openrouter.ai/api/v1", headers: { authorization: "Bearer " + key } }).POST("/chat/completions", { body: ${CHAT_CALL} }); }`,
  },
  {
    name: "eventsource-parser",
    has: "SSE parser",
    code: `import { createParser } from "eventsource-parser";
export function run(onEvent) { return createParser({ onEvent }); }`,
  },
  {
    name: "ky",
    has: "fetch wrapper: retries (Retry-After), timeout, HTTPError, hooks",
    code: `import ky from "ky";
export async function run(key) { return ky.post("https://openrouter.ai/api/v1/chat/completions", { headers: { authorization: "Bearer " + key }, json: ${CHAT_CALL} }).json(); }`,
  },
  {
    name: "ky + eventsource-parser",
    has: "both of the above: a chat call that can stream",
    code: `import ky from "ky";
import { createParser } from "eventsource-parser";
export async function run(key, onEvent) {
  const res = await ky.post("https://openrouter.ai/api/v1/chat/completions", { headers: { authorization: "Bearer " + key }, json: { ...${CHAT_CALL}, stream: true } });
  const parser = createParser({ onEvent });
  const decoder = new TextDecoder();
  for await (const bytes of res.body) parser.feed(decoder.decode(bytes, { stream: true }));
}`,
  },
];

interface BuildingBlockResult extends BundleResult {
  name: string;
  has: string;
}

async function buildingBlockSizes(): Promise<BuildingBlockResult[]> {
  const results: BuildingBlockResult[] = [];
  for (const { name, has, code } of BUILDING_BLOCKS) {
    results.push({ name, has, ...(await bundleSize(code, `block-${name}.js`)) });
  }
  return results;
}

function buildingBlockTable(
  blocks: BuildingBlockResult[],
  bundles: Awaited<ReturnType<typeof bundleSizes>>,
): string {
  const orkit = bundles.chat.orkit?.gzipBytes ?? NaN;
  return table(
    ["library", "what it does", "min KiB", "min+gzip KiB", "orkit chat-only ×"],
    blocks.map((b) => [
      `${b.name} ${pkgVersion(b.name.split(" ")[0]!)}${b.name.includes("+") ? ` + ${pkgVersion("eventsource-parser")}` : ""}`,
      b.has,
      f1(b.minBytes / 1024),
      f1(b.gzipBytes / 1024),
      ratio(orkit, b.gzipBytes),
    ]),
  );
}

function bundleTable(results: Awaited<ReturnType<typeof bundleSizes>>): string {
  const rows: string[][] = [];
  for (const kind of ["chat", "models", "full"] as const) {
    for (const sdk of SDKS) {
      const r = results[kind][sdk];
      if (!r) continue;
      rows.push([
        BUNDLE_TITLES[kind],
        LABEL[sdk],
        BUNDLE_API[sdk][kind],
        f1(r.minBytes / 1024),
        f1(r.gzipBytes / 1024),
        ...ANCHORS.map((a) => ratio(r.gzipBytes, results[kind][a]?.gzipBytes ?? NaN)),
      ]);
    }
  }
  return table(
    ["bundle", "client", "API", "min KiB", "min+gzip KiB", "gzip ×openai", "gzip ×@openrouter/sdk"],
    rows,
  );
}

// ---------------------------------------------------------------- 4. cold import

const IMPORTS: Array<{ name: string; code: string; compare: Sdk | "orkit-umbrella" }> = [
  { name: "bare node (subtracted)", code: "", compare: "floor" },
  {
    name: "orkit core + chat",
    code: "await Promise.all([import('@orkit/openrouter-core'), import('@orkit/openrouter-chat')])",
    compare: "orkit",
  },
  {
    name: "orkit umbrella (@orkit/openrouter)",
    code: "await import('@orkit/openrouter')",
    compare: "orkit-umbrella",
  },
  { name: "openai", code: "await import('openai')", compare: "openai" },
  { name: "@openrouter/sdk", code: "await import('@openrouter/sdk')", compare: "ors" },
];

function coldImport() {
  const samples = IMPORTS.map(() => [] as number[]);
  // Verify each entry loads at all before timing it.
  for (const entry of IMPORTS) {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", entry.code], {
      cwd: benchDir,
      encoding: "utf8",
    });
    expect(r.status === 0, `cold import ${entry.name} failed: ${r.stderr}`);
  }
  for (let run = 0; run < COLD_RUNS; run++) {
    IMPORTS.forEach((entry, i) => {
      const t0 = performance.now();
      spawnSync(process.execPath, ["--input-type=module", "-e", entry.code], {
        cwd: benchDir,
        stdio: "ignore",
      });
      samples[i]!.push(performance.now() - t0);
    });
  }
  const medians = samples.map(median);
  // The import cost is the median of per-run differences to bare node in the same run: the
  // machine's speed drifts between runs (bare node alone spans 60–100 ms on a shared VM), and a
  // difference of medians taken from different runs can even come out negative.
  const bare = samples[0]!;
  return IMPORTS.map((entry, i) => ({
    name: entry.name,
    compare: entry.compare,
    medianMs: medians[i]!,
    overBareMs: i === 0 ? 0 : median(samples[i]!.map((ms, run) => ms - bare[run]!)),
    samplesMs: samples[i]!.map((x) => Math.round(x * 10) / 10),
  }));
}

function coldTable(rows: ReturnType<typeof coldImport>): string {
  const by = (c: string) => rows.find((r) => r.compare === c)!.overBareMs;
  return table(
    [
      "entry",
      "median ms (incl. node start)",
      "import ms (minus bare node)",
      "×openai",
      "×@openrouter/sdk",
    ],
    rows.map((r, i) => [
      r.name,
      f1(r.medianMs),
      i === 0 ? "–" : f1(r.overBareMs),
      i === 0 ? "–" : ratio(r.overBareMs, by("openai")),
      i === 0 ? "–" : ratio(r.overBareMs, by("ors")),
    ]),
  );
}

// ---------------------------------------------------------------- 5. retries

const SCENARIOS = [
  { key: "429", title: "429 + Retry-After: 1, then 200" },
  { key: "503x2", title: "503 twice, then 200" },
  { key: "reset", title: "connection reset once, then 200" },
  { key: "503inf", title: "503 forever" },
] as const;
const RETRY_SDKS: Sdk[] = ["orkit", "openai", "ors"];
interface RetryRun {
  sdk: Sdk;
  scenario: string;
  attempts: number;
  attemptTimesMs: number[];
  totalMs: number;
  outcome: string;
  detail?: string;
}

async function retries(port: number) {
  const runs: RetryRun[] = [];
  for (const { key } of SCENARIOS) {
    for (const sdk of RETRY_SDKS)
      runs.push(await runClient<RetryRun>(["retry", sdk, String(port), key]));
  }
  return runs;
}

function retryTable(runs: RetryRun[]): string {
  return table(
    ["server scenario", ...RETRY_SDKS.map((s) => LABEL[s])],
    SCENARIOS.map(({ key, title }) => [
      title,
      ...RETRY_SDKS.map((sdk) => {
        const r = runs.find((x) => x.sdk === sdk && x.scenario === key)!;
        return `${r.attempts} attempt${r.attempts === 1 ? "" : "s"}, ${f0(r.totalMs)} ms, ${r.outcome}`;
      }),
    ]),
  );
}

// ---------------------------------------------------------------- main

function pkgVersion(name: string): string {
  const dirs = [
    path.join(benchDir, "node_modules", name),
    path.join(benchDir, "node_modules", ".pnpm"),
  ];
  try {
    return (
      JSON.parse(readFileSync(path.join(dirs[0]!, "package.json"), "utf8")) as { version: string }
    ).version;
  } catch {
    return "?";
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const versions = Object.fromEntries(
    [
      "@orkit/openrouter-core",
      "@orkit/openrouter-chat",
      "@orkit/openrouter-models",
      "@orkit/openrouter",
      "openai",
      "@openrouter/sdk",
      "esbuild",
    ].map((n) => [n, pkgVersion(n)]),
  );
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? "?",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };

  const { child: server, info } = await startServer();
  const stopServer = () => {
    if (server.connected) server.disconnect();
  };
  process.on("exit", stopServer);
  let overhead, paired, library, stream, retryRuns;
  try {
    process.stderr.write(`server on 127.0.0.1:${info.port}; request overhead…\n`);
    overhead = await requestOverhead(info.port);
    process.stderr.write("paired overhead (one process)…\n");
    paired = await pairedOverhead(info.port);
    process.stderr.write("library only (stub fetch)…\n");
    library = await libraryOnly(info.port);
    process.stderr.write("streaming…\n");
    stream = await streaming(info.port);
    process.stderr.write("retries…\n");
    retryRuns = await retries(info.port);
  } finally {
    stopServer();
  }
  process.stderr.write("bundles…\n");
  const bundles = await bundleSizes();
  const buildingBlocks = await buildingBlockSizes();
  process.stderr.write("cold import…\n");
  const cold = coldImport();

  const header = [
    `# Runtime benchmark (${new Date().toISOString().slice(0, 10)})`,
    "",
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${process.version}; ` +
      Object.entries(versions)
        .map(([n, v]) => `${n} ${v}`)
        .join(", ") +
      ".",
    `Best of ${ROUNDS} round(s) per figure; "over floor" is the median over rounds of the difference to the floor's process of the same round; ` +
      "each client in a fresh process; server in its own process on 127.0.0.1. " +
      "Ratios are cost ratios (>1× = slower, bigger or more CPU than the reference).",
  ].join("\n");
  const sections = [
    header,
    `## 1. Request overhead (chat body ${info.chatBytes} B, models body ${f0(info.modelsBytes / 1024)} KiB)\n\n${overheadTables(overhead)}`,
    `## 1a. Paired: every client in one process, ${paired.rounds} rounds × ${paired.batch} sequential chat calls each, interleaved\n\n` +
      "Each round runs every client's batch back to back (order rotated), so the floor and a client share the machine's state of " +
      "the moment; the overhead is the median over rounds of the per-call difference to the floor's batch of the same round. " +
      `Run in ${paired.processes} processes; each figure is the median over them (orkit per process: ` +
      `${paired.runs.orkit.map((us) => f1(us)).join(", ")} µs).\n\n` +
      pairedTable(paired),
    "## 1b. Library only: 10,000 sequential chat calls through each SDK's custom-fetch hook, answered in-process (no sockets)\n\n" +
      "Heap retained = heapUsed after two full GCs following the calls, minus the same before them (after 2000 warm-up calls), per call; " +
      "a steady figure well above the floor's is a per-call leak.\n\n" +
      libraryTable(library),
    `## 2. Streaming: ${f0(STREAM_EVENTS)} events (${f1(info.streamBytes / 2 ** 20)} MiB in ${info.streamWrites} writes, ${info.streamSplitWrites} of them cut inside a UTF-8 character)\n\n${streamTable(stream.best)}`,
    `## 3. Bundle size (esbuild ${versions["esbuild"]}, minified ESM, platform neutral; gzip level 9)\n\n${bundleTable(bundles)}`,
    "## 3a. Building blocks: libraries an SDK could be made of, doing the same chat call (same bundling)\n\n" +
      buildingBlockTable(buildingBlocks, bundles),
    `## 4. Cold import (median of ${COLD_RUNS} runs)\n\n${coldTable(cold)}`,
    "## 5. Retries (default settings; short delays where configurable: orkit `retry.initialDelayMs: 50`; " +
      "@openrouter/sdk backoff 50 ms initial, 2 s max interval, 5 s max elapsed (default 1 h); openai has no delay knob)\n\n" +
      retryTable(retryRuns),
  ];
  if (problems.length > 0)
    sections.push(`## Checks FAILED\n\n${problems.map((p) => `- ${p}`).join("\n")}`);
  else
    sections.push(
      "All checks passed: every call of every client succeeded, every stream consumer saw all events with exact content.",
    );
  console.log(sections.join("\n\n"));

  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        node: process.version,
        versions,
        rounds: ROUNDS,
        server: info,
        requestOverhead: {
          bestPerRequestUs: overhead.best,
          medianOverFloorUs: overhead.overFloor,
          roundsOverFloorUs: overhead.roundsOverFloor,
          runs: overhead.runs,
        },
        pairedOverhead: paired,
        libraryOnly: library,
        streaming: { best: stream.best, runs: stream.runs },
        bundles,
        buildingBlocks,
        coldImport: cold,
        retries: retryRuns,
        problems,
        totalSeconds: Math.round((performance.now() - started) / 100) / 10,
      },
      null,
      2,
    )}\n`,
  );
  process.stderr.write(
    `wrote ${path.relative(process.cwd(), resultsFile)} in ${f0((performance.now() - started) / 1000)} s\n`,
  );
  if (problems.length > 0) process.exitCode = 1;
}

await main();
