/**
 * The Overlay 1.0 document shape and its validation.
 *
 * @see https://spec.openapis.org/overlay/v1.0.0.html
 * @see https://spec.openapis.org/overlay/1.0/schema/2024-10-22 (the JSON Schema these checks follow)
 */
import { parseJsonPath, JsonPathSyntaxError } from "./jsonpath.js";
import { OverlayError, toJsonPointer } from "./overlay-error.js";
import { isPlainObject } from "./deep-merge.js";

/** An Overlay 1.0 document (Overlay Object). */
export interface OverlayDocument {
  /** Overlay Specification version; must be `1.0.x`. */
  overlay: string;
  /** Metadata about the overlay. */
  info: {
    title: string;
    version: string;
    description?: string;
    /** Our repository convention: one line saying why the overlay exists. */
    "x-reason"?: string;
  };
  /** URI of the document the overlay was written for (informational; never fetched). */
  extends?: string;
  /** Changes, applied in order. */
  actions: OverlayAction[];
}

/** One change (Action Object). Exactly one of `update` or `remove: true` is present. */
export interface OverlayAction {
  /** RFC 9535 JSONPath selecting the nodes to change. */
  target: string;
  description?: string;
  /** Object to deep-merge into each selected object, or entry to append to each selected array. */
  update?: unknown;
  /** `true` removes each selected node from its parent. */
  remove?: boolean;
}

const ROOT_FIELDS = new Set(["overlay", "info", "extends", "actions"]);
const INFO_FIELDS = new Set(["title", "version", "description"]);
const ACTION_FIELDS = new Set(["target", "description", "update", "remove"]);

/**
 * Checks that `document` (parsed YAML/JSON) is a valid Overlay 1.0 document whose targets all
 * parse, and returns it typed.
 *
 * Stricter than the spec in one way: an action must have exactly one of `update` and
 * `remove: true`. The spec lets `remove: true` silently win over `update`, which hides mistakes.
 *
 * @throws OverlayError naming `file` and the JSON pointer of the first problem found.
 */
export function validateOverlayDocument(file: string, document: unknown): OverlayDocument {
  const fail = (keys: Array<string | number>, detail: string): never => {
    throw new OverlayError(file, toJsonPointer(keys), detail);
  };

  if (!isPlainObject(document)) fail([], "an overlay document must be an object");
  const doc = document as Record<string, unknown>;
  rejectUnknownFields(doc, ROOT_FIELDS, [], fail);

  if (typeof doc.overlay !== "string" || !/^1\.0\.\d+$/.test(doc.overlay)) {
    fail(
      ["overlay"],
      `overlay must be a "1.0.x" version string, got ${JSON.stringify(doc.overlay)}`,
    );
  }

  if (!isPlainObject(doc.info)) fail(["info"], "info must be an object with title and version");
  const info = doc.info as Record<string, unknown>;
  rejectUnknownFields(info, INFO_FIELDS, ["info"], fail);
  for (const field of ["title", "version"]) {
    if (typeof info[field] !== "string" || info[field] === "") {
      fail(["info", field], `info.${field} must be a non-empty string`);
    }
  }
  for (const field of ["description", "x-reason"]) {
    if (field in info && typeof info[field] !== "string") {
      fail(["info", field], `info.${field} must be a string`);
    }
  }

  if ("extends" in doc && typeof doc.extends !== "string") {
    fail(["extends"], "extends must be a string (a URI reference)");
  }

  if (!Array.isArray(doc.actions) || doc.actions.length === 0) {
    fail(["actions"], "actions must be a non-empty array");
  }
  (doc.actions as unknown[]).forEach((action, i) => validateAction(action, ["actions", i], fail));

  return doc as unknown as OverlayDocument;
}

type Fail = (keys: Array<string | number>, detail: string) => never;

function validateAction(action: unknown, at: Array<string | number>, fail: Fail): void {
  if (!isPlainObject(action)) return fail(at, "an action must be an object");
  rejectUnknownFields(action, ACTION_FIELDS, at, fail);

  const { target } = action;
  if (typeof target !== "string") return fail([...at, "target"], "target must be a string");
  try {
    parseJsonPath(target);
  } catch (error) {
    if (!(error instanceof JsonPathSyntaxError)) throw error;
    fail([...at, "target"], `target is not a valid JSONPath: ${error.message}`);
  }

  if ("description" in action && typeof action.description !== "string") {
    fail([...at, "description"], "description must be a string");
  }
  if ("remove" in action && typeof action.remove !== "boolean") {
    fail([...at, "remove"], "remove must be a boolean");
  }
  const hasUpdate = Object.hasOwn(action, "update");
  if (hasUpdate && action.remove === true) {
    fail(at, "an action needs exactly one of update and remove: true; split it into two actions");
  }
  if (!hasUpdate && action.remove !== true) {
    fail(at, "an action needs exactly one of update and remove: true; this one does nothing");
  }
}

function rejectUnknownFields(
  object: Record<string, unknown>,
  known: ReadonlySet<string>,
  at: Array<string | number>,
  fail: Fail,
): void {
  for (const key of Object.keys(object)) {
    // Specification extensions (x-…) are allowed on every Overlay object.
    if (known.has(key) || key.startsWith("x-")) continue;
    const hint = key === "copy" ? " (copy is Overlay 1.1; this stage implements 1.0)" : "";
    fail([...at, key], `unknown field ${JSON.stringify(key)}${hint}`);
  }
}
