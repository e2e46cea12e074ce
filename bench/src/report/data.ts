/**
 * The two result files (results/runtime.json from `runtime-bench`, results/typecheck.json from
 * `typecheck-bench`): the parts of their shape the report reads, and the figures it derives.
 */
import { readFileSync } from "node:fs";

export type Sdk = "floor" | "orkit" | "openai" | "ors";
export const SDKS: Sdk[] = ["floor", "orkit", "openai", "ors"];
/** The SDKs every ratio is also taken against, besides the floor. */
export const ANCHORS: Sdk[] = ["openai", "ors"];
export const LABEL: Record<Sdk, string> = {
  floor: "floor",
  orkit: "orkit",
  openai: "openai",
  ors: "@openrouter/sdk",
};

// ------------------------------------------------------------------ runtime.json

export type PhaseName = "seq" | "conc" | "models";
export interface Phase {
  n: number;
  concurrency: number;
  wallUs: number;
  cpuUs: number;
  errors: number;
}
export interface StreamRun {
  sdk: Sdk;
  events: number;
  wallMs: number;
  cpuMs: number;
  eventsPerSec: number;
  rssBaseMiB: number;
  peakRssDeltaMiB: number;
  withContent?: number;
  contentOk: boolean;
  splitCheck: { chunks: number; contentOk: boolean };
}
export interface BundleResult {
  minBytes: number;
  gzipBytes: number;
  warnings: number;
}
export type BundleKind = "chat" | "models" | "full";
export interface ColdImport {
  name: string;
  compare: Sdk | "orkit-umbrella";
  medianMs: number;
  overBareMs: number;
  samplesMs: number[];
}
export interface RetryRun {
  sdk: Sdk;
  scenario: string;
  attempts: number;
  totalMs: number;
  outcome: string;
}
export interface RuntimeJson {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string };
  node: string;
  versions: Record<string, string>;
  rounds: number;
  server: { chatBytes: number; modelsBytes: number; streamBytes: number; streamWrites: number };
  requestOverhead: {
    bestPerRequestUs: Record<Sdk, Record<PhaseName, { us: number; cpuUs: number }>>;
    /**
     * Per SDK and phase, the median over rounds of (this SDK − the floor) in the same round
     * (absent in results from before it existed: then best minus best).
     */
    medianOverFloorUs?: Record<Sdk, Record<PhaseName, { us: number; cpuUs: number }>>;
    /** The per-round differences that median is taken over, in round order (absent in older results). */
    roundsOverFloorUs?: Record<Sdk, Record<PhaseName, Array<{ us: number; cpuUs: number }>>>;
  };
  /** Every client in one process, interleaved batches (absent in results from before it existed). */
  pairedOverhead?: {
    rounds: number;
    batch: number;
    /** Processes whose figures were combined (median); absent in results from before. */
    processes?: number;
    /** Each process's wall overhead over the floor, µs. */
    runs?: Record<Sdk, number[]>;
    clients: Record<
      Sdk,
      { wallUs: number; cpuUs: number; overFloorWallUs: number; overFloorCpuUs: number }
    >;
  };
  libraryOnly: Record<Sdk, { run: Phase; retainedBytesPerCall: number }>;
  streaming: { best: Record<Sdk, StreamRun> };
  bundles: Record<BundleKind, Partial<Record<Sdk, BundleResult>>>;
  /** Libraries an SDK could be made of, bundled the same way (absent in older results). */
  buildingBlocks?: Array<BundleResult & { name: string; has: string }>;
  coldImport: ColdImport[];
  retries: RetryRun[];
  problems: string[];
  totalSeconds: number;
}

// ------------------------------------------------------------------ typecheck.json

export type Consumer = "floor" | "orkit" | "orkit-umbrella" | "@openrouter/sdk" | "openai";
export const CONSUMERS: Consumer[] = [
  "floor",
  "orkit",
  "orkit-umbrella",
  "openai",
  "@openrouter/sdk",
];
export interface TypecheckRow {
  consumer: Consumer;
  compiler: string;
  compilerVersion: string;
  skipLibCheck: boolean;
  ok: boolean;
  error?: string;
  medianWallMs?: number;
  minWallMs?: number;
  peakMB?: number;
  checkTimeMs?: number;
  types?: number;
  instantiations?: number;
  files?: number;
}
export interface TypecheckJson {
  generatedAt: string;
  runs: number;
  versions: Record<string, string>;
  environment: {
    platform: string;
    cpu: string;
    cpus: number;
    loadAverageAtStart?: number[];
    loadAverageAtEnd?: number[];
    memorySource?: string;
  };
  compilers: Array<{ name: string; version: string; note?: string }>;
  tsgoUnavailable?: string;
  rows: TypecheckRow[];
}

export interface Results {
  runtime: RuntimeJson;
  typecheck: TypecheckJson;
}

export function loadResults(runtimeFile: string, typecheckFile: string): Results {
  const read = <T>(file: string): T => {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as T;
    } catch (error) {
      throw new Error(`cannot read ${file}: run the benchmark that writes it first`, {
        cause: error,
      });
    }
  };
  return { runtime: read<RuntimeJson>(runtimeFile), typecheck: read<TypecheckJson>(typecheckFile) };
}

export function typecheckRow(
  t: TypecheckJson,
  consumer: Consumer,
  compiler: string,
  skipLibCheck: boolean,
): TypecheckRow | undefined {
  return t.rows.find(
    (r) => r.consumer === consumer && r.compiler === compiler && r.skipLibCheck === skipLibCheck,
  );
}

/** The consumer of typecheck.json that stands for an SDK of runtime.json. */
export const CONSUMER_OF: Record<Sdk, Consumer> = {
  floor: "floor",
  orkit: "orkit",
  openai: "openai",
  ors: "@openrouter/sdk",
};

export function coldImport(r: RuntimeJson, compare: ColdImport["compare"]): ColdImport | undefined {
  return r.coldImport.find((c) => c.compare === compare);
}
