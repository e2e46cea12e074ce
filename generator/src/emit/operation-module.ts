import {
  StructureKind,
  type FunctionDeclarationOverloadStructure,
  type ImportDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type SourceFileStructure,
} from "ts-morph";
import type { OperationIR } from "../ir/types.js";
import { docBlock } from "./ts-helpers.js";
import { hasParams, operationTypeNames, paramsOptional, resultType } from "./type-names.js";

/** One call shape of an operation: what it takes and what it resolves to. */
export interface Signature {
  /** The params argument type, or undefined when the operation takes none. */
  params?: string;
  paramsOptional: boolean;
  result: string;
}

/**
 * The public signatures of an operation, most specific first. Streaming operations get the
 * overload pair users expect (`stream: true` → `Stream<Chunk>`, otherwise the JSON result) plus a
 * catch-all for a `stream` flag only known at run time; media switches work the same way.
 */
export function signatures(op: OperationIR): Signature[] {
  const names = operationTypeNames(op);
  const base = resultType(op);
  if (!hasParams(op)) return [{ paramsOptional: true, result: base }];
  const optional = paramsOptional(op);
  const params = names.params;
  if (op.response.streamMediaType) {
    const stream = `Stream<${names.streamChunk}>`;
    const streamParams = op.body!.flattened
      ? `${params} & { stream: true }`
      : `${params} & { body: { stream: true } }`;
    const jsonParams = op.body!.flattened
      ? `${params} & { stream?: false | null }`
      : `${params} & { body: { stream?: false | null } }`;
    return [
      { params: streamParams, paramsOptional: false, result: stream },
      { params: jsonParams, paramsOptional: optional, result: base },
      { params, paramsOptional: optional, result: `${base} | ${stream}` },
    ];
  }
  if (op.mediaSwitch) {
    const alt =
      op.mediaSwitch.kind === "text"
        ? "string"
        : op.mediaSwitch.kind === "binary"
          ? "Response"
          : "unknown";
    return [
      {
        params: `${params} & { ${op.mediaSwitch.param}: ${JSON.stringify(op.mediaSwitch.value)} }`,
        paramsOptional: false,
        result: alt,
      },
      { params, paramsOptional: optional, result: base },
    ];
  }
  return [{ params, paramsOptional: optional, result: base }];
}

export function signatureParameters(
  sig: Signature,
  withClient: boolean,
): OptionalKind<ParameterDeclarationStructure>[] {
  const out: OptionalKind<ParameterDeclarationStructure>[] = [];
  if (withClient) out.push({ name: "client", type: "Client" });
  if (sig.params)
    out.push({ name: "params", type: sig.params, hasQuestionToken: sig.paramsOptional });
  out.push({ name: "options", type: "RequestOptions", hasQuestionToken: true });
  return out;
}

/** The union of every overload's result: the implementation signature's return type. */
export function implementationSignature(op: OperationIR): Signature {
  const all = signatures(op);
  const results = [...new Set(all.flatMap((s) => s.result.split(" | ")))];
  return {
    params: all.at(-1)!.params,
    paramsOptional: all.at(-1)!.paramsOptional,
    result: results.join(" | "),
  };
}

/** The JSDoc of an operation, shared by the standalone function and the resource method. */
export function operationDoc(op: OperationIR): string {
  return (
    docBlock(
      op.summary,
      op.description !== op.summary && op.description,
      `\`${op.method} ${op.path}\``,
      op.deprecated && "@deprecated The API marks this operation as deprecated.",
    ) ?? `\`${op.method} ${op.path}\``
  );
}

/** Locals an operation's params may not be bound to, since the function body uses them. */
const RESERVED_LOCALS = new Set(["client", "params", "options", "body", "request"]);

function local(key: string): string {
  return RESERVED_LOCALS.has(key) ? `${key}Param` : key;
}

/**
 * The runtime values an operation's request needs from core besides `client.request`: the URL
 * builder for path/query parameters, the multipart encoders, the event-stream reader. Imported per
 * operation, so a bundle includes them only when one of its operations uses them.
 */
export function runtimeImports(op: OperationIR): string[] {
  const names: string[] = [];
  if (op.parameters.some((p) => p.location === "path" || p.location === "query"))
    names.push("paramsURL");
  if (op.body?.multipartMediaType) names.push("formDataIfFiles");
  else if (op.body?.mediaType.startsWith("multipart/")) names.push("toFormData");
  if (op.response.streamMediaType) names.push("sseStream");
  return names;
}

/**
 * The statements that turn the flat params object into a request description for the runtime;
 * `imports` are the core values the module imports (see `runtimeImports`).
 */
function requestStatements(op: OperationIR, result: string, imports: string[]): string[] {
  const lines: string[] = [];
  const fields: string[] = [
    `operationId: ${JSON.stringify(op.operationId)}`,
    `method: ${JSON.stringify(op.method)}`,
    `path: ${JSON.stringify(op.path)}`,
  ];
  const params = op.parameters;
  const source = paramsOptional(op) && hasParams(op) ? "(params ?? {})" : "params";
  const queryOnly =
    !op.body &&
    params.length > 0 &&
    params.every((p) => p.location === "query" && p.key === p.wireName);

  if (queryOnly) {
    fields.push("query: { ...params }");
  } else if (params.length > 0 || op.body) {
    const bindings = params.map((p) =>
      local(p.key) === p.key ? p.key : `${p.key}: ${local(p.key)}`,
    );
    const rest = op.body ? (op.body.flattened ? "...body" : "body") : undefined;
    lines.push(`const { ${[...bindings, ...(rest ? [rest] : [])].join(", ")} } = ${source};`);
    const group = (location: "path" | "query" | "header") =>
      params
        .filter((p) => p.location === location)
        .map((p) =>
          (location === "path" || location === "query") && p.wireName === local(p.key)
            ? p.wireName
            : `${JSON.stringify(p.wireName)}: ${local(p.key)}`,
        );
    const path = group("path");
    const query = group("query");
    const header = group("header");
    if (path.length) fields.push(`pathParams: { ${path.join(", ")} }`);
    if (query.length) fields.push(`query: { ${query.join(", ")} }`);
    if (header.length) fields.push(`headers: { ${header.join(", ")} }`);
    if (op.body) {
      // JSON, or multipart: always, or (a second media type) only when a file is attached.
      if (op.body.multipartMediaType) fields.push("body: formDataIfFiles(body)");
      else if (op.body.mediaType.startsWith("multipart/")) fields.push("body: toFormData(body)");
      else fields.push("body");
    }
  }
  if (imports.includes("paramsURL")) fields.push("buildURL: paramsURL");

  const kind = op.response.kind;
  if (op.response.streamMediaType) {
    fields.push(
      `response: body${op.body?.flattened ? "" : "?"}.stream === true ? "sse" : ${JSON.stringify(kind)}`,
      "readStream: sseStream",
    );
  } else if (op.mediaSwitch) {
    const switchKey = local(op.mediaSwitch.param);
    const ref = queryOnly ? `params?.${op.mediaSwitch.param}` : switchKey;
    fields.push(
      `response: ${ref} === ${JSON.stringify(op.mediaSwitch.value)} ? ${JSON.stringify(op.mediaSwitch.kind)} : ${JSON.stringify(kind)}`,
    );
  } else {
    fields.push(`response: ${JSON.stringify(kind)}`);
  }
  lines.push(`return client.request<${result}>({ ${fields.join(", ")} }, options);`);
  return lines;
}

/** The operation types (and whether `Stream`) an operation's signatures mention, for imports. */
export function referencedTypes(op: OperationIR): { types: string[]; usesStream: boolean } {
  const names = operationTypeNames(op);
  const text = signatures(op)
    .map((sig) => `${sig.params ?? ""} ${sig.result}`)
    .join(" ");
  const types = [names.params, names.response, names.streamChunk].filter((name) =>
    new RegExp(`\\b${name}\\b`).test(text),
  );
  return { types, usesStream: text.includes("Stream<") };
}

/** A type-only import of `names` from `moduleSpecifier`, or nothing when there are none. */
export function typeImport(
  moduleSpecifier: string,
  names: Iterable<string>,
): ImportDeclarationStructure[] {
  const sorted = [...new Set(names)].sort();
  return sorted.length > 0
    ? [
        {
          kind: StructureKind.ImportDeclaration,
          moduleSpecifier,
          isTypeOnly: true,
          namedImports: sorted,
        },
      ]
    : [];
}

/** `operations/<method>.gen.ts`: one standalone, tree-shakable function per operation. */
export function emitOperationModule(
  op: OperationIR,
  coreModule: string,
): OptionalKind<SourceFileStructure> {
  const sigs = signatures(op);
  const impl = implementationSignature(op);
  const { types, usesStream } = referencedTypes(op);
  const coreTypes = ["APIPromise", "Client", "RequestOptions", ...(usesStream ? ["Stream"] : [])];
  const overloads: OptionalKind<FunctionDeclarationOverloadStructure>[] =
    sigs.length > 1
      ? sigs.map((sig) => ({
          parameters: signatureParameters(sig, true),
          returnType: `APIPromise<${sig.result}>`,
          docs: [{ description: operationDoc(op) }],
        }))
      : [];
  const values = runtimeImports(op);
  return {
    statements: [
      ...typeImport(coreModule, coreTypes),
      ...(values.length > 0
        ? [
            {
              kind: StructureKind.ImportDeclaration as const,
              moduleSpecifier: coreModule,
              namedImports: values,
            },
          ]
        : []),
      ...typeImport("../types.gen.js", types),
      {
        kind: StructureKind.Function,
        isExported: true,
        name: op.functionName,
        docs: sigs.length > 1 ? [] : [{ description: operationDoc(op) }],
        overloads,
        parameters: signatureParameters(impl, true),
        returnType: `APIPromise<${impl.result}>`,
        statements: requestStatements(op, impl.result, values),
      },
    ],
  };
}
