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
  type RuntimeJson,
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
  overheadUs: { ...atMost(100, " µs"), value: 100 },
  streamEventsPerSec: { ...atLeast(100_000, "≥ 100,000 events/s"), value: 100_000 },
  /** On the ratio to the floor's type-check time. */
  typecheckRatio: { ...atMost(1.2, "× floor"), value: 1.2 },
} as const;

/** Type-check figures of the headline: tsc (the stable compiler), skipLibCheck on. */
export const TYPECHECK_COMPILER = "tsc";
export const TYPECHECK_SKIP_LIB_CHECK = true;

export interface OverheadFigure {
  cpuUs: number;
  overFloorCpuUs: number;
  /** [lowest, highest] CPU excess over the floor among single rounds. */
  overFloorCpuRange?: [number, number];
}

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
  /**
   * Per request: client CPU µs and its excess over the floor's, per phase; with the lowest and
   * highest excess of single rounds when the results have them.
   */
  overhead: Record<PhaseName, Record<Sdk, OverheadFigure>>;
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
  const overFloor = overFloorUs(runtime);
  const overhead = {} as Figures["overhead"];
  for (const phase of ["seq", "conc", "models"] as const) {
    overhead[phase] = {} as Record<Sdk, OverheadFigure>;
    for (const sdk of SDKS) {
      const rounds = runtime.requestOverhead.roundsOverFloorUs?.[sdk][phase].map((d) => d.cpuUs);
      overhead[phase][sdk] = {
        cpuUs: best[sdk][phase].cpuUs,
        overFloorCpuUs: overFloor[sdk][phase].cpuUs,
        ...(rounds?.length
          ? { overFloorCpuRange: [Math.min(...rounds), Math.max(...rounds)] as [number, number] }
          : {}),
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

/**
 * Each SDK's overhead over the floor per phase: the median of same-round differences, or, for
 * results from before those were recorded, the best round's figure minus the floor's best.
 */
export function overFloorUs(
  runtime: RuntimeJson,
): Record<Sdk, Record<PhaseName, { us: number; cpuUs: number }>> {
  const { bestPerRequestUs: best, medianOverFloorUs } = runtime.requestOverhead;
  if (medianOverFloorUs) return medianOverFloorUs;
  const out = {} as Record<Sdk, Record<PhaseName, { us: number; cpuUs: number }>>;
  for (const sdk of SDKS) {
    out[sdk] = {} as Record<PhaseName, { us: number; cpuUs: number }>;
    for (const phase of ["seq", "conc", "models"] as const) {
      out[sdk][phase] = {
        us: best[sdk][phase].us - best.floor[phase].us,
        cpuUs: best[sdk][phase].cpuUs - best.floor[phase].cpuUs,
      };
    }
  }
  return out;
}
