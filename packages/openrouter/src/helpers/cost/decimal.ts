/**
 * Exact decimal arithmetic on OpenRouter's price strings. A value is an integer scaled by a power of
 * ten (`int / 10^scale`), held in a `BigInt`, so `"0.0000001" × 3` is `"0.0000003"`, never
 * `3.0000000000000004e-7`. Internal to the helpers; not exported from the package.
 */

/**
 * A decimal number: `int / 10^scale`, with `scale >= 0`.
 *
 * @example
 * ```ts
 * const d: Decimal = { int: 3n, scale: 7 }; // 0.0000003
 * ```
 */
export interface Decimal {
  int: bigint;
  scale: number;
}

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Zero.
 *
 * @example
 * ```ts
 * formatDecimal(addDecimal(ZERO, parseDecimal("0.5"))); // "0.5"
 * ```
 */
export const ZERO: Decimal = { int: 0n, scale: 0 };

/**
 * Parses `"0.0000003"`, `"-1"`, `"15"`, `"1.5e-7"` exactly. Throws `TypeError` on anything else.
 *
 * @example
 * ```ts
 * formatDecimal(parseDecimal("1.5e-7")); // "0.00000015"
 * ```
 */
export function parseDecimal(text: string): Decimal {
  const match = DECIMAL_RE.exec(text.trim());
  const intPart = match?.[2] ?? "";
  const fracPart = match?.[3] ?? "";
  if (!match || (intPart === "" && fracPart === "")) {
    throw new TypeError(`Not a decimal number: ${JSON.stringify(text)}`);
  }
  let digits = intPart + fracPart;
  let scale = fracPart.length - (match[4] ? Number(match[4]) : 0);
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  const magnitude = BigInt(digits || "0");
  return { int: match[1] === "-" ? -magnitude : magnitude, scale };
}

/**
 * A JavaScript number as the decimal its shortest round-trip string shows (`25.75` → 25.75 exactly,
 * not the binary double's expansion), so `100.5 - 25.75` becomes `74.75` without drift.
 *
 * @example
 * ```ts
 * formatDecimal(subDecimal(decimalFromNumber(0.3), decimalFromNumber(0.1))); // "0.2"
 * ```
 */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new TypeError(`Not a finite number: ${value}`);
  return parseDecimal(String(value));
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.int * 10n ** BigInt(scale - a.scale), b.int * 10n ** BigInt(scale - b.scale), scale];
}

/**
 * `a + b`, exactly.
 *
 * @example
 * ```ts
 * formatDecimal(addDecimal(parseDecimal("0.1"), parseDecimal("0.2"))); // "0.3"
 * ```
 */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { int: x + y, scale };
}

/**
 * `a - b`, exactly.
 *
 * @example
 * ```ts
 * formatDecimal(subDecimal(parseDecimal("100.5"), parseDecimal("25.75"))); // "74.75"
 * ```
 */
export function subDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { int: x - y, scale };
}

/**
 * `a × n` for a whole number `n` (a token count), exactly.
 *
 * @example
 * ```ts
 * formatDecimal(mulDecimal(parseDecimal("0.0000001"), 3)); // "0.0000003"
 * ```
 */
export function mulDecimal(a: Decimal, n: number | bigint): Decimal {
  return { int: a.int * BigInt(n), scale: a.scale };
}

/**
 * Compares two decimals: negative, zero or positive like a sort comparator.
 *
 * @example
 * ```ts
 * compareDecimal(parseDecimal("0.000001"), parseDecimal("0.00001")) < 0; // true
 * ```
 */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The canonical decimal string: no exponent, no trailing fractional zeros, `"0"` for zero.
 *
 * @example
 * ```ts
 * formatDecimal({ int: 30n, scale: 8 }); // "0.0000003"
 * ```
 */
export function formatDecimal(value: Decimal): string {
  const negative = value.int < 0n;
  let digits = (negative ? -value.int : value.int).toString();
  let text = digits;
  if (value.scale > 0) {
    digits = digits.padStart(value.scale + 1, "0");
    const whole = digits.slice(0, -value.scale);
    const fraction = digits.slice(-value.scale).replace(/0+$/, "");
    text = fraction ? `${whole}.${fraction}` : whole;
  }
  return negative && text !== "0" ? `-${text}` : text;
}
