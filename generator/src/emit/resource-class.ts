import {
  Scope,
  StructureKind,
  type OptionalKind as OptionalKindOf,
  type SourceFileStructure,
} from "ts-morph";
import type { ResourceIR } from "../ir/types.js";
import { kebabCase } from "../naming/index.js";
import { docBlock } from "./ts-helpers.js";
import {
  implementationSignature,
  operationDoc,
  referencedTypes,
  signatureParameters,
  signatures,
  typeImport,
} from "./operation-module.js";

/** The module path of an operation inside its package (`./operations/get-current-key-metadata.gen.js`). */
export function operationModulePath(methodName: string): string {
  return `./operations/${kebabCase(methodName)}.gen.js`;
}

/**
 * `resource.gen.ts`: the namespace class the umbrella client exposes (`client.chat`). Each method
 * repeats its function's overloads and delegates to it, so both styles share one implementation.
 */
export function emitResourceClass(
  resource: ResourceIR,
  coreModule: string,
): OptionalKindOf<SourceFileStructure> {
  const referenced = resource.operations.map(referencedTypes);
  const types = referenced.flatMap((r) => r.types);
  const usesStream = referenced.some((r) => r.usesStream);
  return {
    statements: [
      ...typeImport(coreModule, [
        "APIPromise",
        "Client",
        "RequestOptions",
        ...(usesStream ? ["Stream"] : []),
      ]),
      ...resource.operations.map((op) => ({
        kind: StructureKind.ImportDeclaration as const,
        moduleSpecifier: operationModulePath(op.methodName),
        namedImports: [op.functionName],
      })),
      ...typeImport("./types.gen.js", types),
      {
        kind: StructureKind.Class,
        isExported: true,
        name: resource.className,
        docs: [
          {
            description:
              docBlock(
                resource.description,
                `The \`${resource.namespace}\` namespace of the \`OpenRouter\` client. Each method calls the standalone function of the same name (\`${resource.operations[0]?.functionName ?? ""}\` …), which tree-shakes better when used alone.`,
              ) ?? "",
          },
        ],
        ctors: [
          {
            parameters: [
              { name: "client", type: "Client", scope: Scope.Protected, isReadonly: true },
            ],
          },
        ],
        methods: resource.operations.map((op) => {
          const sigs = signatures(op);
          const impl = implementationSignature(op);
          const args = ["this.client", ...(impl.params ? ["params"] : []), "options"].join(", ");
          return {
            name: op.methodName,
            docs: sigs.length > 1 ? [] : [{ description: operationDoc(op) }],
            overloads:
              sigs.length > 1
                ? sigs.map((sig) => ({
                    parameters: signatureParameters(sig, false),
                    returnType: `APIPromise<${sig.result}>`,
                    docs: [{ description: operationDoc(op) }],
                  }))
                : [],
            parameters: signatureParameters(impl, false),
            returnType: `APIPromise<${impl.result}>`,
            statements: [`return ${op.functionName}(${args});`],
          };
        }),
      },
    ],
  };
}

/** `index.gen.ts`: the package's public surface. */
export function emitPackageIndex(resource: ResourceIR): OptionalKindOf<SourceFileStructure> {
  return {
    statements: [
      ...resource.operations.map((op) => ({
        kind: StructureKind.ExportDeclaration as const,
        moduleSpecifier: operationModulePath(op.methodName),
        namedExports: [op.functionName],
      })),
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: "./resource.gen.js",
        namedExports: [resource.className],
      },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./types.gen.js" },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: "./schema.gen.js",
        isTypeOnly: true,
        namedExports: ["components", "operations", "paths"],
      },
    ],
  };
}
