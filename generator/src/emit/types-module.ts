import {
  StructureKind,
  type StatementStructures,
  type OptionalKind as OptionalKindOf,
  type SourceFileStructure,
} from "ts-morph";
import type { OperationIR, ResourceIR } from "../ir/types.js";
import { isIdentifier, pascalCase } from "../naming/index.js";
import { docBlock, indexAccess, propertyKey } from "./ts-helpers.js";
import { operationTypeNames } from "./type-names.js";

/** Global names a schema alias must not shadow inside the generated modules. */
const RESERVED = new Set([
  "Response",
  "Blob",
  "File",
  "NonNullable",
  "Record",
  "Partial",
  "Promise",
  "Array",
  "Date",
  "Error",
  "Omit",
  "Pick",
  "Stream",
  "Client",
]);

/**
 * `types.gen.ts`: named request/response types per operation, indexing into the package's
 * openapi-typescript output, plus one alias per component schema the package reaches.
 */
export function emitTypesModule(
  resource: ResourceIR,
  schemas: string[],
): OptionalKindOf<SourceFileStructure> {
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./schema.gen.js",
      isTypeOnly: true,
      namedImports: ["components", "operations"],
    },
  ];
  const taken = new Set<string>([resource.className]);
  for (const op of resource.operations) {
    for (const name of Object.values(operationTypeNames(op))) taken.add(name);
    statements.push(...operationTypes(op));
  }
  for (const schema of schemas) {
    let alias = isIdentifier(schema) ? schema : pascalCase(schema);
    if (taken.has(alias) || RESERVED.has(alias)) alias = `${alias}Schema`;
    if (taken.has(alias)) continue; // two schema names collapsing to one alias: keep the first (sorted) one
    taken.add(alias);
    statements.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: alias,
      type: `components["schemas"]${indexAccess(schema)}`,
    });
  }
  return { statements };
}

function operationTypes(op: OperationIR): StatementStructures[] {
  const names = operationTypeNames(op);
  const opType = `operations${indexAccess(op.operationId)}`;
  const out: StatementStructures[] = [];
  const doc = (text: string) => [{ kind: StructureKind.JSDoc as const, description: text }];

  if (op.parameters.length > 0) {
    out.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: names.parameters,
      docs: doc(`Path, query and header parameters of \`${op.method} ${op.path}\`.`),
      properties: op.parameters.map((p) => ({
        kind: StructureKind.PropertySignature,
        name: propertyKey(p.key),
        hasQuestionToken: !p.required,
        type: `NonNullable<${opType}["parameters"]["${p.location}"]>${indexAccess(p.wireName)}`,
        docs: (() => {
          const text = docBlock(
            p.description,
            p.key !== p.wireName &&
              `Sent as the \`${p.wireName}\` ${p.location}${p.location === "header" ? "" : " parameter"}.`,
            p.deprecated && "@deprecated",
          );
          return text ? doc(text) : [];
        })(),
      })),
    });
  }

  if (op.body) {
    const content = `NonNullable<${opType}["requestBody"]>["content"]`;
    const forms = [op.body.mediaType, op.body.multipartMediaType].filter(
      (m): m is string => m !== undefined,
    );
    out.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: names.body,
      docs: doc(
        `Request body of \`${op.method} ${op.path}\`${forms.length > 1 ? " (JSON, or multipart when a value is a Blob)" : ""}.`,
      ),
      type: forms.map((m) => `${content}${indexAccess(m)}`).join(" | "),
    });
  }

  const parts: string[] = [];
  if (op.parameters.length > 0) parts.push(names.parameters);
  if (op.body)
    parts.push(
      op.body.flattened ? names.body : `{ body${op.body.required ? "" : "?"}: ${names.body} }`,
    );
  out.push({
    kind: StructureKind.TypeAlias,
    isExported: true,
    name: names.params,
    docs: doc(`Everything \`${op.functionName}\` takes: ${describeParams(op)}.`),
    type: parts.length > 0 ? parts.join(" & ") : "Record<string, never>",
  });

  const content = `${opType}["responses"]${indexAccess(op.response.status)}["content"]`;
  const { response } = op;
  if (response.kind === "json") {
    out.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: names.response,
      docs: doc(`The \`${response.mediaType}\` result of \`${op.method} ${op.path}\`.`),
      type: `${content}${indexAccess(response.mediaType!)}`,
    });
  }
  const sse = response.kind === "sse" ? response.mediaType : response.streamMediaType;
  if (sse) {
    out.push({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: names.streamChunk,
      docs: doc(
        `One streamed event of \`${op.method} ${op.path}\` (the parsed \`data\` of an SSE message).`,
      ),
      type: `${content}${indexAccess(sse)}${response.streamWrapsData ? '["data"]' : ""}`,
    });
  }
  return out;
}

function describeParams(op: OperationIR): string {
  const bits: string[] = [];
  for (const location of ["path", "query", "header"] as const) {
    const keys = op.parameters.filter((p) => p.location === location).map((p) => `\`${p.key}\``);
    if (keys.length > 0) bits.push(`${location} ${keys.join(", ")}`);
  }
  if (op.body) bits.push(op.body.flattened ? "the body's fields" : "the body as `body`");
  return bits.length > 0 ? bits.join("; ") : "nothing";
}
