/**
 * results/chart.svg: one small panel per headline metric, horizontal bars per client, orkit
 * highlighted, values labelled, the product's goal drawn as a dashed line (green when met, red
 * when missed). Hand-written SVG; every coordinate is rounded so the output is byte-stable.
 */
import { LABEL, type Results, type Sdk } from "./data.js";
import { GOALS, meets, typecheckRatio, type Figures } from "./figures.js";
import { compact, num } from "./format.js";
import { datesLine } from "./markdown.js";

type Tone = "orkit" | "orkit2" | "openai" | "ors" | "floor";
const FILL: Record<Tone, string> = {
  orkit: "#7c3aed",
  orkit2: "#a78bfa",
  openai: "#64748b",
  ors: "#94a3b8",
  floor: "#cbd5e1",
};
const MET = "#15803d";
const MISSED = "#dc2626";
const INK = "#111827";
const MUTED = "#4b5563";
const GRID = "#e5e7eb";
const FONT = "-apple-system, 'Segoe UI', Helvetica, Arial, 'DejaVu Sans', sans-serif";

interface Bar {
  label: string;
  tone: Tone;
  value: number | undefined;
  /** The value label; defaults to compact(value). */
  text?: string;
  /** A goal that applies to this bar only (drawn across its row). */
  goal?: { value: number; met: boolean };
}
interface Group {
  label?: string;
  bars: Bar[];
}
interface PanelGoal {
  text: string;
  met: boolean;
  /** Where the line is drawn across every row; omitted for goals drawn per bar. */
  value?: number;
}
interface Panel {
  title: string;
  subtitle: string;
  scale: "log" | "linear";
  groups: Group[];
  goals: PanelGoal[];
}

export function panels(f: Figures): Panel[] {
  const b = (label: string, tone: Tone, value: number | undefined, text?: string): Bar =>
    text === undefined ? { label, tone, value } : { label, tone, value, text };
  const kibText = (v: number | undefined) => (v === undefined ? "–" : `${num(v, 2)} KiB`);
  const goalOf = (
    g: { text: string; value: number; test: (v: number) => boolean },
    v?: number,
  ) => ({
    text: `goal ${g.text}`,
    met: meets(g, v),
    value: g.value,
  });

  const chat = f.chatBundleKiB;
  const full = f.fullBundleKiB;
  const cold = f.coldImportMs;
  const coreChatMet = meets(GOALS.coldImportCoreChatMs, cold.coreChat);
  const umbrellaMet = meets(GOALS.coldImportUmbrellaMs, cold.umbrella);
  // One group of overhead bars: the floor's base per request, then each client's excess over it.
  const overheadBars = (label: string, baseUs: number, overUs: (s: Sdk) => number): Group => ({
    label,
    bars: [
      b(LABEL.floor, "floor", 0, `0 (base ${num(baseUs)} µs/req)`),
      ...(["orkit", "openai", "ors"] as const).map((s) =>
        b(LABEL[s], s, overUs(s), `${num(overUs(s), 1)} µs`),
      ),
    ],
  });
  const overheadGroup = (phase: "seq" | "conc", label: string): Group =>
    overheadBars(label, f.overhead[phase].floor.cpuUs, (s) => f.overhead[phase][s].overFloorCpuUs);
  const paired = f.pairedOverhead;
  const pairedGroup = (p: NonNullable<typeof paired>): Group =>
    overheadBars(
      "one process, sequential",
      p.clients.floor.wallUs,
      (s) => p.clients[s].overFloorWallUs,
    );
  const tc = f.typecheckMs;
  const tcText = (c: keyof typeof tc) => {
    const v = tc[c];
    if (v === undefined) return "did not compile";
    const r = typecheckRatio(f, c);
    return c === "floor" || r === undefined ? `${num(v)} ms` : `${num(v)} ms (${num(r, 2)}×)`;
  };
  const tcGoal = tc.floor === undefined ? undefined : tc.floor * GOALS.typecheckRatio.value;
  const tcMet = meets(GOALS.typecheckRatio, typecheckRatio(f, "orkit"));
  const tcUmbrellaMet = meets(GOALS.typecheckRatio, typecheckRatio(f, "orkit-umbrella"));

  return [
    {
      title: "Chat-only bundle",
      subtitle: "min + gzip KiB · lower is better · log scale",
      scale: "log",
      groups: [
        {
          bars: [
            b(LABEL.floor, "floor", chat.floor, kibText(chat.floor)),
            b("orkit core + chat", "orkit", chat.orkit, kibText(chat.orkit)),
            b(LABEL.openai, "openai", chat.openai, kibText(chat.openai)),
            b(LABEL.ors, "ors", chat.ors, kibText(chat.ors)),
          ],
        },
      ],
      goals: [goalOf(GOALS.chatBundleKiB, chat.orkit)],
    },
    {
      title: "Full-client bundle",
      subtitle: "min + gzip KiB · lower is better · log scale",
      scale: "log",
      groups: [
        {
          bars: [
            b("orkit umbrella", "orkit2", full.orkit, kibText(full.orkit)),
            b(LABEL.openai, "openai", full.openai, kibText(full.openai)),
            b(LABEL.ors, "ors", full.ors, kibText(full.ors)),
          ],
        },
      ],
      goals: [goalOf(GOALS.fullBundleKiB, full.orkit)],
    },
    {
      title: "Cold import",
      subtitle: `ms over bare node (${num(cold.bareMs)} ms) · lower is better · log scale`,
      scale: "log",
      groups: [
        {
          bars: [
            {
              ...b("orkit core + chat", "orkit", cold.coreChat, `${num(cold.coreChat, 1)} ms`),
              goal: { value: GOALS.coldImportCoreChatMs.value, met: coreChatMet },
            },
            {
              ...b("orkit umbrella", "orkit2", cold.umbrella, `${num(cold.umbrella, 1)} ms`),
              goal: { value: GOALS.coldImportUmbrellaMs.value, met: umbrellaMet },
            },
            b(LABEL.openai, "openai", cold.openai, `${num(cold.openai, 1)} ms`),
            b(LABEL.ors, "ors", cold.ors, `${num(cold.ors, 1)} ms`),
          ],
        },
      ],
      goals: [
        { text: `goal core + chat ${GOALS.coldImportCoreChatMs.text}`, met: coreChatMet },
        { text: `umbrella ${GOALS.coldImportUmbrellaMs.text}`, met: umbrellaMet },
      ],
    },
    {
      title: "Streaming",
      subtitle: "events/s, one 20,000-chunk response · higher is better",
      scale: "linear",
      groups: [
        {
          bars: (["floor", "orkit", "openai", "ors"] as const).map((s) =>
            b(LABEL[s], s, f.streamEventsPerSec[s], `${compact(f.streamEventsPerSec[s])}/s`),
          ),
        },
      ],
      goals: [
        {
          ...goalOf(GOALS.streamEventsPerSec, f.streamEventsPerSec.orkit),
          text: "goal ≥ 100k events/s",
        },
      ],
    },
    {
      title: "Type-check",
      subtitle: `tsc ${f.typecheckVersion}, skipLibCheck on, chat-only program · ms · lower is better`,
      scale: "linear",
      groups: [
        {
          bars: [
            b(LABEL.floor, "floor", tc.floor, tcText("floor")),
            b("orkit core + chat", "orkit", tc.orkit, tcText("orkit")),
            b("orkit umbrella", "orkit2", tc["orkit-umbrella"], tcText("orkit-umbrella")),
            b(LABEL.openai, "openai", tc.openai, tcText("openai")),
            b(LABEL.ors, "ors", tc["@openrouter/sdk"], tcText("@openrouter/sdk")),
          ],
        },
      ],
      goals: [
        {
          text: `goal ${GOALS.typecheckRatio.text}${tcGoal === undefined ? "" : ` (${num(tcGoal)} ms)`}`,
          met: tcMet && tcUmbrellaMet,
          ...(tcGoal === undefined ? {} : { value: tcGoal }),
        },
      ],
    },
    {
      title: "Request overhead",
      subtitle: paired
        ? "µs/request over the floor: wall, or CPU per process · lower is better"
        : "client CPU µs per chat request over the floor · lower is better",
      scale: "linear",
      groups: [
        ...(paired ? [pairedGroup(paired)] : []),
        overheadGroup("seq", paired ? "per process, 2000 sequential" : "2000 sequential"),
        overheadGroup("conc", paired ? "per process, concurrency 32" : "concurrency 32"),
      ],
      // Judged on the one-process figure where there is one (see markdown.ts), else per process.
      goals: [
        paired
          ? goalOf(GOALS.overheadUs, paired.clients.orkit.overFloorWallUs)
          : {
              ...goalOf(GOALS.overheadUs, f.overhead.seq.orkit.overFloorCpuUs),
              met:
                meets(GOALS.overheadUs, f.overhead.seq.orkit.overFloorCpuUs) &&
                meets(GOALS.overheadUs, f.overhead.conc.orkit.overFloorCpuUs),
            },
      ],
    },
  ];
}

// ------------------------------------------------------------------ geometry

const r1 = (n: number) => Math.round(n * 10) / 10;
const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

interface Scale {
  x: (v: number) => number;
  ticks: Array<{ v: number; label: string }>;
}

function logScale(values: number[], x0: number, x1: number): Scale {
  const positive = values.filter((v) => v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  const span = Math.log10(hi) - Math.log10(lo) || 1;
  const ticks = [];
  for (let e = Math.log10(lo); e <= Math.log10(hi) + 1e-9; e++) {
    const v = 10 ** Math.round(e);
    ticks.push({
      v,
      label: compact(v)
        .replace(/\.0+(?=\D*$)/, "")
        .replace(/^0\.10$/, "0.1"),
    });
  }
  return {
    x: (v) => (v > 0 ? x0 + ((Math.log10(v) - Math.log10(lo)) / span) * (x1 - x0) : x0),
    ticks,
  };
}

function linearScale(values: number[], x0: number, x1: number): Scale {
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const rough = (max - min) / 4 || 1;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const n = rough / mag;
  const step = mag * (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks = [];
  for (let v = lo; v <= hi + step / 1e6; v += step) {
    const rounded = Math.round(v / step) * step;
    ticks.push({ v: rounded, label: compact(rounded).replace(/\.0+(?=\D*$)/, "") });
  }
  return { x: (v) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0), ticks };
}

const PANEL_W = 484;
const GAP = 16;
const MARGIN = 16;
const WIDTH = MARGIN * 2 + PANEL_W * 2 + GAP;
const LABEL_W = 124;
const VALUE_W = 112;
const ROW_H = 22;
const BAR_H = 14;
const GROUP_H = 17;
const TOP = 64;
const AXIS_H = 28;

function panelHeight(p: Panel): number {
  const rows = p.groups.reduce((n, g) => n + g.bars.length, 0);
  const groupLabels = p.groups.filter((g) => g.label).length;
  return TOP + rows * ROW_H + groupLabels * GROUP_H + AXIS_H;
}

function text(
  x: number,
  y: number,
  s: string,
  attrs: Record<string, string | number> = {},
): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? r1(v) : esc(v)}"`)
    .join("");
  return `<text x="${r1(x)}" y="${r1(y)}"${a}>${esc(s)}</text>`;
}

function renderPanel(p: Panel, px: number, py: number, height: number): string {
  const out: string[] = [];
  const labels: string[] = [];
  const plotX0 = px + 12 + LABEL_W;
  const plotX1 = px + PANEL_W - 12 - VALUE_W;
  const plotTop = py + TOP;
  // A panel shorter than its neighbour spreads its rows out (up to 1.6×) instead of leaving a gap.
  const rows = p.groups.reduce((n, g) => n + g.bars.length, 0);
  const groupSpace = p.groups.filter((g) => g.label).length * GROUP_H;
  const rowH = Math.min(ROW_H * 1.6, (height - TOP - AXIS_H - groupSpace) / rows);
  const plotBottom = plotTop + rows * rowH + groupSpace;
  const values = p.groups.flatMap((g) => g.bars.map((b) => b.value)).filter((v) => v !== undefined);
  const goalValues = [
    ...p.goals.flatMap((g) => (g.value === undefined ? [] : [g.value])),
    ...p.groups.flatMap((g) => g.bars.flatMap((b) => (b.goal ? [b.goal.value] : []))),
  ];
  const scale = (p.scale === "log" ? logScale : linearScale)(
    [...values, ...goalValues],
    plotX0,
    plotX1,
  );

  out.push(
    `<rect x="${px}" y="${py}" width="${PANEL_W}" height="${height}" rx="6" fill="#ffffff" stroke="#d1d5db"/>`,
  );
  out.push(text(px + 12, py + 20, p.title, { "font-size": 14, "font-weight": 700, fill: INK }));
  out.push(text(px + 12, py + 36, p.subtitle, { "font-size": 11.5, fill: MUTED }));

  // Goal legend: a dashed swatch, then "goal …: met/missed" in each goal's colour (one <text>,
  // so the parts flow without width guesses).
  if (p.goals.length) {
    const gy = py + 52;
    const first = p.goals[0]!.met ? MET : MISSED;
    out.push(
      `<line x1="${px + 12}" y1="${gy - 4}" x2="${px + 28}" y2="${gy - 4}" stroke="${first}" stroke-width="2" stroke-dasharray="4 3"/>`,
    );
    const spans = p.goals.map((g, i) => {
      const label = `${g.text}: ${g.met ? "met" : "missed"}${i < p.goals.length - 1 ? ", " : ""}`;
      return `<tspan fill="${g.met ? MET : MISSED}">${esc(label)}</tspan>`;
    });
    out.push(
      `<text x="${px + 34}" y="${gy}" font-size="11.5" font-weight="600" xml:space="preserve">${spans.join("")}</text>`,
    );
  }

  // Grid and axis.
  for (const t of scale.ticks) {
    const x = r1(scale.x(t.v));
    out.push(
      `<line x1="${x}" y1="${r1(plotTop - 2)}" x2="${x}" y2="${r1(plotBottom)}" stroke="${GRID}" stroke-width="1"/>`,
    );
    out.push(
      text(x, plotBottom + 14, t.label, {
        "font-size": 10.5,
        fill: MUTED,
        "text-anchor": "middle",
      }),
    );
  }
  const zero = r1(scale.x(0));
  out.push(
    `<line x1="${zero}" y1="${r1(plotTop - 2)}" x2="${zero}" y2="${r1(plotBottom)}" stroke="#9ca3af" stroke-width="1"/>`,
  );

  // Bars; their value labels go in last, over the goal lines, with a white halo.
  let y = plotTop;
  for (const g of p.groups) {
    if (g.label) {
      out.push(
        text(px + 12, y + 12, g.label, { "font-size": 11, "font-style": "italic", fill: MUTED }),
      );
      y += GROUP_H;
    }
    for (const bar of g.bars) {
      const highlight = bar.tone === "orkit" || bar.tone === "orkit2";
      const cy = y + rowH / 2;
      out.push(
        text(px + 12 + (g.label ? 10 : 0), cy + 4, bar.label, {
          "font-size": 12,
          "font-weight": highlight ? 700 : 400,
          fill: highlight ? FILL.orkit : INK,
        }),
      );
      let end = zero;
      if (bar.value !== undefined && (p.scale === "linear" || bar.value > 0)) {
        const xv = r1(scale.x(bar.value));
        const w = r1(Math.abs(xv - zero));
        if (w > 0) {
          out.push(
            `<rect x="${r1(Math.min(xv, zero))}" y="${r1(cy - BAR_H / 2)}" width="${w}" height="${BAR_H}" rx="2" fill="${FILL[bar.tone]}"/>`,
          );
        }
        end = Math.max(xv, zero);
      }
      labels.push(
        text(end + 5, cy + 4, bar.text ?? (bar.value === undefined ? "–" : compact(bar.value)), {
          "font-size": 11.5,
          "font-weight": highlight ? 700 : 400,
          fill: INK,
          stroke: "#ffffff",
          "stroke-width": 3,
          "stroke-linejoin": "round",
          "paint-order": "stroke",
        }),
      );
      if (bar.goal) {
        const x = r1(scale.x(bar.goal.value));
        out.push(
          `<line x1="${x}" y1="${r1(cy - BAR_H / 2 - 3)}" x2="${x}" y2="${r1(cy + BAR_H / 2 + 3)}" stroke="${bar.goal.met ? MET : MISSED}" stroke-width="2" stroke-dasharray="4 3"/>`,
        );
      }
      y += rowH;
    }
  }
  for (const goal of p.goals) {
    if (goal.value === undefined) continue;
    const x = r1(scale.x(goal.value));
    out.push(
      `<line x1="${x}" y1="${r1(plotTop - 4)}" x2="${x}" y2="${r1(plotBottom + 2)}" stroke="${goal.met ? MET : MISSED}" stroke-width="2" stroke-dasharray="4 3"/>`,
    );
  }
  return [...out, ...labels].join("\n");
}

export function chartSvg(results: Results, f: Figures): string {
  const ps = panels(f);
  const { runtime } = results;
  const m = runtime.machine;
  const v = runtime.versions;
  const header = 92;
  const rowsOfPanels: Panel[][] = [];
  for (let i = 0; i < ps.length; i += 2) rowsOfPanels.push(ps.slice(i, i + 2));
  const heights = rowsOfPanels.map((row) => Math.max(...row.map(panelHeight)));
  const height = header + heights.reduce((a, h) => a + h + GAP, 0) + MARGIN - GAP;

  const body: string[] = [];
  body.push(`<rect width="${WIDTH}" height="${height}" fill="#f9fafb"/>`);
  body.push(
    text(MARGIN, 30, "orkit vs a plain-fetch floor, openai and @openrouter/sdk", {
      "font-size": 18,
      "font-weight": 700,
      fill: INK,
    }),
  );
  body.push(
    text(
      MARGIN,
      52,
      `${datesLine(results)} · ${m.cpu}, ${m.cores} cores, ${num(m.memoryGiB, 1)} GiB · Node ${runtime.node} · ` +
        `orkit ${v["@orkit/openrouter"] ?? "?"}, openai ${v["openai"] ?? "?"}, @openrouter/sdk ${v["@openrouter/sdk"] ?? "?"}`,
      { "font-size": 12, fill: MUTED },
    ),
  );
  // Legend, right-aligned on the title line.
  const legend: Array<[Tone, string]> = [
    ["orkit", "orkit core + chat"],
    ["orkit2", "orkit umbrella"],
    ["openai", "openai"],
    ["ors", "@openrouter/sdk"],
    ["floor", "floor"],
  ];
  let lx = MARGIN;
  for (const [tone, label] of legend) {
    body.push(
      `<rect x="${r1(lx)}" y="64" width="12" height="12" rx="2" fill="${FILL[tone]}"/>`,
      text(lx + 17, 74, label, { "font-size": 12, fill: INK }),
    );
    lx += 17 + label.length * 7.5 + 18;
  }
  let y = header;
  rowsOfPanels.forEach((row, i) => {
    row.forEach((p, j) => {
      body.push(renderPanel(p, MARGIN + j * (PANEL_W + GAP), y, heights[i]!));
    });
    y += heights[i]! + GAP;
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${esc(FONT)}">`,
    "<title>orkit benchmarks: bundle size, cold import, request overhead, streaming and type-check time next to a plain-fetch floor, openai and @openrouter/sdk</title>",
    ...body,
    "</svg>",
    "",
  ].join("\n");
}
