/**
 * Pairs up the variants of two `oneOf`/`anyOf` lists so each pair can be diffed.
 * Keys, in order of trust: discriminator value (when both sides declare a
 * discriminator), component name, the fixed value of a `type`-like property
 * (tool and event unions rarely declare a discriminator), primitive type. Leftovers are then paired
 * by position (inline ones first, then the rest if both sides have as many),
 * so a renamed component is diffed field by field instead of counting as
 * removed + added; two different discriminator values are never paired.
 */
import type { RefResolver } from "./ref-resolver.js";
import { asSchema, enumOf, formatTypes, typeSetOf, type SchemaObject } from "./schema-types.js";

/** One side of a union: its variants, how to resolve them, and its discriminator. */
export interface UnionSide {
  variants: readonly unknown[];
  resolver: RefResolver;
  /** Resolves a variant and merges its `allOf`, so composed variants show their properties. */
  flatten: (variant: unknown) => SchemaObject;
  discriminator?: unknown;
}

/** A matched pair, or a variant present on one side only. */
export interface VariantPair {
  old?: unknown;
  new?: unknown;
  /** How reports name the variant: discriminator value, component name, type, or `#index`. */
  label: string;
}

type KeyKind = "disc" | "ref" | "tag" | "type";

interface Keyed {
  variant: unknown;
  keys: Partial<Record<KeyKind, string>>;
  label: string;
}

/** The single allowed value of property `name` of a variant, if it has exactly one. */
function fixedValue(variant: unknown, side: UnionSide, name: string): string | undefined {
  const prop = asSchema(side.flatten(variant).properties)[name];
  const values = prop === undefined ? undefined : enumOf(side.flatten(prop));
  return values?.length === 1 ? String(values[0]) : undefined;
}

function discriminatorValue(
  variant: unknown,
  side: UnionSide,
  refName: string | undefined,
  ref: string | undefined,
): string | undefined {
  const disc = asSchema(side.discriminator);
  if (typeof disc.propertyName !== "string") return undefined;
  // Explicit mapping first (OpenAPI 3.1 §4.8.25): values map to refs or bare component names.
  for (const [value, target] of Object.entries(asSchema(disc.mapping))) {
    if (target === ref || target === refName) return value;
  }
  const value = fixedValue(variant, side, disc.propertyName);
  if (value !== undefined) return value;
  // Without a mapping or a fixed value, the implicit value is the component name.
  return refName;
}

function keyVariants(side: UnionSide): Keyed[] {
  return side.variants.map((variant, index): Keyed => {
    const { node, refName, ref } = side.resolver.resolve(variant);
    const disc = discriminatorValue(variant, side, refName, ref);
    const types = typeSetOf(asSchema(node));
    const type = types && !types.has("object") ? formatTypes(types) : undefined;
    const tagProp = String(asSchema(side.discriminator).propertyName ?? "type");
    const tag = fixedValue(variant, side, tagProp);
    const keys: Keyed["keys"] = {};
    if (disc !== undefined) keys.disc = disc;
    if (refName !== undefined) keys.ref = refName;
    if (tag !== undefined) keys.tag = `${tagProp}=${tag}`;
    if (type !== undefined) keys.type = type;
    return { variant, keys, label: disc ?? refName ?? type ?? `#${index}` };
  });
}

/** Matches variants of `oldSide` with those of `newSide`; output follows the new order, then removed ones. */
export function matchVariants(oldSide: UnionSide, newSide: UnionSide): VariantPair[] {
  const olds = keyVariants(oldSide);
  const news = keyVariants(newSide);
  const matched = new Map<Keyed, Keyed>();
  const usedOld = new Set<Keyed>();
  const pair = (n: Keyed, o: Keyed) => {
    matched.set(n, o);
    usedOld.add(o);
  };
  const bothDiscriminated =
    oldSide.discriminator !== undefined && newSide.discriminator !== undefined;

  for (const kind of (bothDiscriminated
    ? ["disc", "ref", "tag", "type"]
    : ["ref", "tag", "type"]) as KeyKind[]) {
    // A key shared by two unmatched variants identifies neither.
    const unique = (list: Keyed[]) => {
      const byKey = new Map<string, Keyed | null>();
      for (const k of list) {
        const key = k.keys[kind];
        if (key !== undefined) byKey.set(key, byKey.has(key) ? null : k);
      }
      return byKey;
    };
    const oldByKey = unique(olds.filter((o) => !usedOld.has(o)));
    for (const [key, n] of unique(news.filter((n) => !matched.has(n)))) {
      const o = oldByKey.get(key);
      if (n && o) pair(n, o);
    }
  }

  const positional = (k: Keyed) => !(bothDiscriminated && k.keys.disc !== undefined);
  const spareOld = () => olds.filter((o) => !usedOld.has(o) && positional(o));
  const spareNew = () => news.filter((n) => !matched.has(n) && positional(n));
  // Inline variants without keys pair up in order (e.g. a catch-all `{type: object}` kept last).
  const inlineOld = spareOld().filter((o) => Object.keys(o.keys).length === 0);
  spareNew()
    .filter((n) => Object.keys(n.keys).length === 0)
    .forEach((n, i) => {
      const o = inlineOld[i];
      if (o) pair(n, o);
    });
  const restOld = spareOld();
  const restNew = spareNew();
  if (restOld.length === restNew.length) restNew.forEach((n, i) => pair(n, restOld[i]!));

  const pairs: VariantPair[] = news.map((n) => {
    const o = matched.get(n);
    return o
      ? { old: o.variant, new: n.variant, label: n.label }
      : { new: n.variant, label: n.label };
  });
  for (const o of olds) if (!usedOld.has(o)) pairs.push({ old: o.variant, label: o.label });
  return pairs;
}
