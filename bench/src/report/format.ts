/** Number formatting and Markdown tables for the report. Locale-independent, so output is stable. */

/** `n` with `digits` decimals and `,` thousands separators; "–" for a missing value. */
export function num(n: number | undefined, digits = 0): string {
  if (n === undefined || !Number.isFinite(n)) return "–";
  const fixed = Math.abs(n).toFixed(digits);
  const [int = "0", frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = n < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${frac === undefined ? "" : `.${frac}`}`;
}

/** A signed difference: "+12.3" / "−4.0". */
export function signed(n: number | undefined, digits = 1): string {
  if (n === undefined || !Number.isFinite(n)) return "–";
  return n > 0 ? `+${num(n, digits)}` : num(n, digits);
}

/** `a ÷ b` as "1.34×"; "–" when either is missing or `b` is not positive. */
export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !(b > 0)) return "–";
  return `${num(a / b, 2)}×`;
}

/** Compact numbers for chart labels: 0.28, 9.84, 437.9, 2,546, 81.6k, 1.30M. */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${num(n / 1e6, 2)}M`;
  if (a >= 1e4) return `${num(n / 1e3, 1)}k`;
  if (a >= 1000) return num(n, 0);
  if (a >= 100) return num(n, 1);
  return num(n, 2);
}

export const kib = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 1024);

/** The date part of an ISO timestamp. */
export const day = (iso: string) => iso.slice(0, 10);

export function table(header: string[], rows: string[][], align?: Array<"l" | "r">): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  const sep = header.map((_, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "l" ? "---" : "--:"));
  return [line(header), line(sep), ...rows.map(line)].join("\n");
}
