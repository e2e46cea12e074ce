/**
 * Public data shapes of the semantic API diff, plus the one rule shared by every
 * module: how bumps compare.
 */

/** A semver release bump, as seen by someone who uses the generated SDK. */
export type Bump = "major" | "minor" | "patch";

/** One difference between two OpenAPI documents that a package user could notice. */
export interface ApiChange {
  /** What happened, e.g. `operation-added`, `request-field-required`, `enum-value-removed`. */
  kind: string;
  /** The release bump this change alone implies. */
  bump: Bump;
  /** The OpenAPI tag of the operation (its first tag); each tag is one npm package. */
  tag: string;
  /** `METHOD /path (operationId)`; empty for changes to a whole tag. */
  operation: string;
  /** Dotted path of the changed thing inside the operation, e.g. `requestBody.application/json.messages[].role`. */
  location: string;
  /** The change in plain words, e.g. "request field `provider.sort` is now required". */
  message: string;
}

/** The release bump one package (one tag) needs, with the changes behind it. */
export interface PackageBump {
  /** The OpenAPI tag the package is generated from. */
  tag: string;
  /** The largest bump among `changes`. */
  bump: Bump;
  /** Every change to this tag, in the diff's deterministic order. */
  changes: ApiChange[];
}

/** The result of {@link diffSpecs}. */
export interface ApiDiff {
  /** All changes, sorted by tag, operation, location, kind, then message. */
  changes: ApiChange[];
  /** One entry per tag with at least one change, sorted by tag. */
  packages: PackageBump[];
  /** Tags that have operations in the new document only (new packages). */
  addedTags: string[];
  /** Tags that have operations in the old document only (packages left without operations). */
  removedTags: string[];
}

/** Which way data flows through a schema; it decides whether a change breaks users. */
export type Direction = "request" | "response";

const BUMP_RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The larger of two bumps (`major` > `minor` > `patch`). */
export function maxBump(a: Bump, b: Bump): Bump {
  return BUMP_RANK[a] >= BUMP_RANK[b] ? a : b;
}

/** Orders bumps largest first, for reports that lead with what breaks. */
export function compareBumpDesc(a: Bump, b: Bump): number {
  return BUMP_RANK[b] - BUMP_RANK[a];
}
