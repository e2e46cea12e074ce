/**
 * The headline figures and the product's goals for them, shared by the Markdown tables and the
 * chart so the two always agree.
 */
import {
  CONSUMERS,
  SDKS,
  coldImport,
  typecheckRow,
  type Consumer,
  type PhaseName,
  type Results,
  type Sdk,
} from "./data.js";
import { kib } from "./format.js";

export interface Goal {
  /** "≤ 6 KiB" */
  text: string;
  test: (value: number) => boolean;
}
const atMost = (limit: number, unit: string): Goal => ({
  text: `≤ ${limit}${unit}`,
  test: (v) => v <= limit,
});
const below = (limit: number, unit: string): Goal => ({
  text: `< ${limit}${unit}`,
  test: (v) => v < limit,
});
const atLeast = (limit: number, text: string): Goal => ({ text, test: (v) => v >= limit });

/** The product's goals (the values the chart draws as goal lines). */
export const GOALS = {
  chatBundleKiB: { ...atMost(6, " KiB"), value: 6 },
  fullBundleKiB: { ...atMost(25, " KiB"), value: 25 },
  coldImportCoreChatMs: { ...below(25, " ms"), value: 25 },
  coldImportUmbrellaMs: { ...below(40, " ms"), value: 40 },
  overheadCpuUs: { ...atMost(100, " µs"), value: 100 },
  streamEventsPerSec: { ...atLeast(100_000, "≥ 100,000 events/s"), value: 100_000 },
  /** On the ratio to the floor's type-check time. */
  typecheckRatio: { ...atMost(1.2, "× floor"), value: 1.2 },
} as const;

/** Type-check figures of the headline: tsc (the stable compiler), skipLibCheck on. */
export const TYPECHECK_COMPILER = "tsc";
export const TYPECHECK_SKIP_LIB_CHECK = true;

export interface Figures {
  /** min + gzip KiB */
  chatBundleKiB: Partial<Record<Sdk, number>>;
  fullBundleKiB: Partial<Record<Sdk, number>>;
  modelsBundleKiB: Partial<Record<Sdk, number>>;
  /** Median import time minus bare `node`, ms; `bareMs` is bare `node` itself. */
  coldImportMs: {
    bareMs: number | undefined;
    coreChat: number | undefined;
    umbrella: number | undefined;
    openai: number | undefined;
    ors: number | undefined;
  };
  /** Per request: client CPU µs and its excess over the floor's, per phase. */
  overhead: Record<PhaseName, Record<Sdk, { cpuUs: number; overFloorCpuUs: number }>>;
  /** All clients in one process, interleaved batches; undefined for results that predate it. */
  pairedOverhead: Results["runtime"]["pairedOverhead"];
  streamEventsPerSec: Record<Sdk, number>;
  /** Median wall ms of tsc with skipLibCheck, per consumer; undefined when it did not compile. */
  typecheckMs: Record<Consumer, number | undefined>;
  typecheckVersion: string;
}

export function figures({ runtime, typecheck }: Results): Figures {
  const bundle = (kind: "chat" | "models" | "full") =>
    Object.fromEntries(
      SDKS.flatMap((sdk) => {
        const b = runtime.bundles[kind][sdk];
        return b ? [[sdk, kib(b.gzipBytes)]] : [];
      }),
    ) as Partial<Record<Sdk, number>>;
  const best = runtime.requestOverhead.bestPerRequestUs;
  const overhead = {} as Figures["overhead"];
  for (const phase of ["seq", "conc", "models"] as const) {
    overhead[phase] = {} as Record<Sdk, { cpuUs: number; overFloorCpuUs: number }>;
    for (const sdk of SDKS) {
      overhead[phase][sdk] = {
        cpuUs: best[sdk][phase].cpuUs,
        overFloorCpuUs: best[sdk][phase].cpuUs - best.floor[phase].cpuUs,
      };
    }
  }
  const typecheckMs = {} as Record<Consumer, number | undefined>;
  for (const c of CONSUMERS) {
    const row = typecheckRow(typecheck, c, TYPECHECK_COMPILER, TYPECHECK_SKIP_LIB_CHECK);
    typecheckMs[c] = row?.ok ? row.medianWallMs : undefined;
  }
  return {
    chatBundleKiB: bundle("chat"),
    fullBundleKiB: bundle("full"),
    modelsBundleKiB: bundle("models"),
    coldImportMs: {
      bareMs: coldImport(runtime, "floor")?.medianMs,
      coreChat: coldImport(runtime, "orkit")?.overBareMs,
      umbrella: coldImport(runtime, "orkit-umbrella")?.overBareMs,
      openai: coldImport(runtime, "openai")?.overBareMs,
      ors: coldImport(runtime, "ors")?.overBareMs,
    },
    overhead,
    pairedOverhead: runtime.pairedOverhead,
    streamEventsPerSec: Object.fromEntries(
      SDKS.map((sdk) => [sdk, runtime.streaming.best[sdk].eventsPerSec]),
    ) as Record<Sdk, number>,
    typecheckMs,
    typecheckVersion:
      typecheck.compilers.find((c) => c.name === TYPECHECK_COMPILER)?.version ??
      typecheck.versions["typescript"] ??
      "?",
  };
}

/** A goal check: undefined (no figure) counts as missed. */
export function meets(goal: Goal, value: number | undefined): boolean {
  return value !== undefined && Number.isFinite(value) && goal.test(value);
}

export const typecheckRatio = (f: Figures, c: Consumer): number | undefined => {
  const v = f.typecheckMs[c];
  const floor = f.typecheckMs.floor;
  return v !== undefined && floor !== undefined && floor > 0 ? v / floor : undefined;
};
