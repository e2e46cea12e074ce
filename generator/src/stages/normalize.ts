import { SpecError, pointerOf } from "../errors.js";
import type {
  ApiIR,
  HttpMethod,
  MediaSwitchIR,
  OperationIR,
  ParameterIR,
  RequestBodyIR,
  ResourceIR,
  ResponseIR,
} from "../ir/types.js";
import {
  camelCase,
  dedupeMethodNames,
  functionName,
  isIdentifier,
  resolveMethodName,
  resolveResourceNames,
  typeStem,
  type NamingTable,
  type NamingWarning,
} from "../naming/index.js";
import { mediaKind, pickMain } from "../openapi/media.js";
import { HTTP_METHODS, deref, isObject, type JsonObject } from "../openapi/refs.js";

export interface NormalizeResult {
  api: ApiIR;
  warnings: NamingWarning[];
}

const DEFAULT_TAG = "General";

/**
 * Turns the overlaid spec into the intermediate model (OpenAPI 3.1 §4.8.10 Operation Object):
 * one resource per tag, operations with flattened parameters, the body's shape and the
 * success response's media types classified. Later stages never touch the raw spec.
 */
export function normalize(spec: Record<string, unknown>, naming: NamingTable): NormalizeResult {
  const warnings: NamingWarning[] = [];
  const warn = (w: NamingWarning) => warnings.push(w);
  const byTag = new Map<string, OperationIR[]>();
  const paths = spec.paths as Record<string, unknown>;

  for (const path of Object.keys(paths).sort()) {
    const item = paths[path];
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op) || op["x-orkit-ignore"] === true) continue;
      const pointer = pointerOf("paths", path, method);
      const tag =
        Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : DEFAULT_TAG;
      const operationId = op.operationId as string;
      const hint =
        typeof op["x-speakeasy-name-override"] === "string"
          ? op["x-speakeasy-name-override"]
          : undefined;
      const parameters = normalizeParameters(spec, item, op, pointer);
      const body = normalizeBody(spec, op, parameters, pointer);
      const ir: OperationIR = {
        operationId,
        method: method.toUpperCase() as HttpMethod,
        path,
        tag,
        methodName: resolveMethodName(operationId, hint, naming, pointer, warn),
        functionName: "",
        typeStem: "",
        summary: text(op.summary),
        description: text(op.description),
        deprecated: op.deprecated === true,
        parameters,
        body,
        response: normalizeResponse(spec, op, body, pointer, warn),
        mediaSwitch: normalizeMediaSwitch(op, parameters, pointer),
        pointer,
      };
      byTag.set(tag, [...(byTag.get(tag) ?? []), ir]);
    }
  }

  const tagDescriptions = new Map<string, string>();
  for (const t of Array.isArray(spec.tags) ? spec.tags : []) {
    if (isObject(t) && typeof t.name === "string" && typeof t.description === "string") {
      tagDescriptions.set(t.name, t.description);
    }
  }

  const resources: ResourceIR[] = [...byTag.entries()].map(([tag, operations]) => {
    const names = resolveResourceNames(tag, naming, warn);
    dedupeMethodNames(operations);
    for (const op of operations) {
      op.functionName = functionName(names.namespace, op.methodName);
      op.typeStem = typeStem(names.namespace, op.methodName);
    }
    return { tag, description: tagDescriptions.get(tag), ...names, operations };
  });
  resources.sort((a, b) => a.slug.localeCompare(b.slug));
  assertUniqueSlugs(resources);

  const info = isObject(spec.info) ? spec.info : {};
  return {
    api: { title: text(info.title) ?? "API", version: text(info.version) ?? "0", resources },
    warnings,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function assertUniqueSlugs(resources: ResourceIR[]): void {
  const seen = new Map<string, string>();
  for (const r of resources) {
    const other = seen.get(r.slug);
    if (other)
      throw new SpecError(
        `tags "${other}" and "${r.tag}" both map to package "${r.slug}"`,
        "#/tags",
      );
    seen.set(r.slug, r.tag);
  }
}

/** Path-item parameters apply to every operation unless the operation redefines them (§4.8.9). */
function normalizeParameters(
  spec: unknown,
  item: JsonObject,
  op: JsonObject,
  pointer: string,
): ParameterIR[] {
  const merged = new Map<string, JsonObject>();
  const add = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const p = deref(spec, raw, `${at}/parameters/${i}`);
      if (!isObject(p) || typeof p.name !== "string" || typeof p.in !== "string") {
        throw new SpecError("parameter without name or in", `${at}/parameters/${i}`);
      }
      merged.set(`${p.in}:${p.name}`, p);
    });
  };
  add(item.parameters, pointer.replace(/\/[a-z]+$/, ""));
  add(op.parameters, pointer);
  const out: ParameterIR[] = [];
  for (const p of merged.values()) {
    const location = p.in as string;
    if (location === "cookie") continue; // browsers own cookies; nothing in this API uses them
    if (location !== "path" && location !== "query" && location !== "header") {
      throw new SpecError(`unknown parameter location "${location}"`, pointer);
    }
    const wireName = p.name as string;
    out.push({
      wireName,
      key: location === "header" || !isIdentifier(wireName) ? camelCase(wireName) : wireName,
      location,
      required: location === "path" || p.required === true,
      description: text(p.description),
      deprecated: p.deprecated === true,
    });
  }
  const order = { path: 0, query: 1, header: 2 } as const;
  return out.sort((a, b) => order[a.location] - order[b.location]);
}

/** Collects the property names of an object-like schema (through allOf/oneOf/anyOf), or null if not object-like. */
function objectProperties(
  spec: unknown,
  schema: unknown,
  pointer: string,
  depth = 0,
): Set<string> | null {
  const s = deref(spec, schema, pointer);
  if (!isObject(s) || depth > 8) return null;
  const names = new Set<string>(isObject(s.properties) ? Object.keys(s.properties) : []);
  const composed = [s.allOf, s.oneOf, s.anyOf].filter(Array.isArray).flat() as unknown[];
  for (const part of composed) {
    const inner = objectProperties(spec, part, pointer, depth + 1);
    if (inner === null) {
      if (s.allOf && (s.allOf as unknown[]).includes(part)) return null;
      continue; // a non-object variant of a union (rare) keeps the object variants flattened
    }
    inner.forEach((n) => names.add(n));
  }
  const type = s.type;
  const isObjectType = type === "object" || (Array.isArray(type) && type.includes("object"));
  if (!isObjectType && names.size === 0 && composed.length === 0) return null;
  return names;
}

function hasBooleanStream(spec: unknown, schema: unknown, pointer: string, depth = 0): boolean {
  const s = deref(spec, schema, pointer);
  if (!isObject(s) || depth > 8) return false;
  if (isObject(s.properties) && s.properties.stream !== undefined) {
    const flag = deref(spec, s.properties.stream, pointer);
    const type = isObject(flag) ? flag.type : undefined;
    if (type === "boolean" || (Array.isArray(type) && type.includes("boolean"))) return true;
  }
  const composed = [s.allOf, s.oneOf, s.anyOf].filter(Array.isArray).flat() as unknown[];
  return composed.some((part) => hasBooleanStream(spec, part, pointer, depth + 1));
}

function normalizeBody(
  spec: unknown,
  op: JsonObject,
  parameters: ParameterIR[],
  pointer: string,
): RequestBodyIR | undefined {
  if (op.requestBody === undefined) return undefined;
  const at = `${pointer}/requestBody`;
  const body = deref(spec, op.requestBody, at);
  if (!isObject(body) || !isObject(body.content))
    throw new SpecError("requestBody without content", at);
  const types = Object.keys(body.content);
  const json = types.find((t) => mediaKind(t) === "json");
  const multipart = types.find((t) => t.startsWith("multipart/form-data"));
  const mediaType = json ?? multipart ?? types[0];
  if (!mediaType) throw new SpecError("requestBody has no media types", at);
  const schema = (body.content[mediaType] as JsonObject | undefined)?.schema;
  const properties = objectProperties(spec, schema, at);
  // Body fields are spread into params unless they would clash with a parameter's key.
  const clash =
    properties !== null && parameters.some((p) => properties.has(p.key) || p.key === "body");
  return {
    mediaType,
    multipartMediaType: json && multipart ? multipart : undefined,
    required: body.required === true,
    flattened: properties !== null && !clash,
    hasStreamFlag: hasBooleanStream(spec, schema, at),
  };
}

/** Success statuses in the order a client should prefer their content. */
function successStatuses(responses: JsonObject): string[] {
  const codes = Object.keys(responses).filter((c) => /^2(\d\d|XX)$/i.test(c));
  return codes.sort((a, b) => (a === "204" ? 1 : 0) - (b === "204" ? 1 : 0) || a.localeCompare(b));
}

function normalizeResponse(
  spec: unknown,
  op: JsonObject,
  body: RequestBodyIR | undefined,
  pointer: string,
  warn: (w: NamingWarning) => void,
): ResponseIR {
  const at = `${pointer}/responses`;
  if (!isObject(op.responses)) throw new SpecError("operation has no responses", at);
  const statuses = successStatuses(op.responses);
  for (const status of statuses) {
    const res = deref(spec, op.responses[status], `${at}/${status}`);
    if (!isObject(res) || !isObject(res.content) || Object.keys(res.content).length === 0) continue;
    const types = Object.keys(res.content);
    const sse = types.find((t) => mediaKind(t) === "sse");
    const main = pickMain(types.filter((t) => t !== sse));
    const sseSchema = sse
      ? deref(spec, (res.content[sse] as JsonObject).schema, `${at}/${status}`)
      : undefined;
    const wraps =
      isObject(sseSchema) && isObject(sseSchema.properties) && "data" in sseSchema.properties;
    if (main && sse && !body?.hasStreamFlag) {
      warn({
        message: `response offers ${sse} but the request has no boolean \`stream\` flag; typed as ${main} only`,
        pointer: `${at}/${status}`,
      });
    }
    const streams = sse !== undefined && (main === undefined || body?.hasStreamFlag === true);
    return {
      status,
      mediaType: main ?? sse,
      kind: main ? mediaKind(main) : "sse",
      streamMediaType: streams && main ? sse : undefined,
      streamWrapsData: wraps,
      alternates: types.filter((t) => t !== main && t !== sse).sort(),
    };
  }
  return { status: statuses[0] ?? "200", kind: "empty", streamWrapsData: false, alternates: [] };
}

/**
 * Our overlays mark query flags that switch the media type (`x-orkit-media-switch`), so the
 * generator can type `modelsList(client, { use_rss: "true" })` as text rather than JSON.
 */
function normalizeMediaSwitch(
  op: JsonObject,
  parameters: ParameterIR[],
  pointer: string,
): MediaSwitchIR | undefined {
  const ext = op["x-orkit-media-switch"];
  if (ext === undefined) return undefined;
  if (
    !isObject(ext) ||
    typeof ext.param !== "string" ||
    typeof ext.value !== "string" ||
    typeof ext.mediaType !== "string"
  ) {
    throw new SpecError(
      "x-orkit-media-switch needs string param, value and mediaType",
      `${pointer}/x-orkit-media-switch`,
    );
  }
  const param = parameters.find((p) => p.wireName === ext.param);
  if (!param)
    throw new SpecError(`x-orkit-media-switch names unknown parameter "${ext.param}"`, pointer);
  return {
    param: param.key,
    value: ext.value,
    mediaType: ext.mediaType,
    kind: mediaKind(ext.mediaType),
  };
}
