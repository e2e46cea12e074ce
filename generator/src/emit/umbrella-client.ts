import {
  Scope,
  StructureKind,
  type ClassDeclarationStructure,
  type OptionalKind as OptionalKindOf,
  type SourceFileStructure,
  type StatementStructures,
} from "ts-morph";
import type { ApiIR, ResourceIR } from "../ir/types.js";
import { upperFirst } from "../naming/index.js";
import { operationTypeNames } from "./type-names.js";

interface NamespaceNode {
  resource?: ResourceIR;
  children: Map<string, NamespaceNode>;
}

/** Builds the namespace tree: `chat`, `responses`, and `beta` → `responses` for aliases. */
function namespaceTree(api: ApiIR): NamespaceNode {
  const root: NamespaceNode = { children: new Map() };
  for (const resource of api.resources) {
    for (const path of [resource.namespace, ...resource.aliases]) {
      let node = root;
      for (const segment of path.split(".")) {
        let next = node.children.get(segment);
        if (!next) node.children.set(segment, (next = { children: new Map() }));
        node = next;
      }
      node.resource = resource;
    }
  }
  return root;
}

function groupClassName(path: string[]): string {
  return `${path.map(upperFirst).join("")}Namespace`;
}

/**
 * `client.gen.ts` of the umbrella package: `class OpenRouterResources extends OpenRouterClient` with one
 * lazily created namespace per resource (nothing is built until first use, so constructing the
 * client stays cheap), and plain group objects for dotted aliases such as `beta.responses`.
 */
export function emitUmbrellaClient(
  api: ApiIR,
  packageOf: (r: ResourceIR) => string,
  coreModule: string,
): OptionalKindOf<SourceFileStructure> {
  const tree = namespaceTree(api);
  const groups: ClassDeclarationStructure[] = [];

  const members = (node: NamespaceNode, path: string[]) => {
    const props: ClassDeclarationStructure["getAccessors"] = [];
    const fields: ClassDeclarationStructure["properties"] = [];
    for (const [name, child] of [...node.children.entries()].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const cache = `#${name}`;
      let type: string;
      let create: string;
      if (child.resource && child.children.size === 0) {
        type = child.resource.className;
        create = `new ${type}(${path.length === 0 ? "this" : "this.client"})`;
      } else {
        const groupPath = [...path, name];
        type = groupClassName(groupPath);
        create = `new ${type}(${path.length === 0 ? "this" : "this.client"})`;
        groups.push(groupClass(type, child, groupPath));
      }
      fields!.push({ name: cache, type: `${type} | undefined`, hasQuestionToken: false });
      props!.push({
        name,
        returnType: type,
        docs: [
          {
            description: child.resource
              ? `${child.resource.description ?? child.resource.tag} (\`${packageOf(child.resource)}\`).`
              : `The \`${[...path, name].join(".")}\` group.`,
          },
        ],
        statements: [`return (this.${cache} ??= ${create});`],
      });
    }
    return { props, fields };
  };

  const groupClass = (
    name: string,
    node: NamespaceNode,
    path: string[],
  ): ClassDeclarationStructure => {
    const { props, fields } = members(node, path);
    return {
      kind: StructureKind.Class,
      isExported: true,
      name,
      docs: [{ description: `Namespaces under \`client.${path.join(".")}\`.` }],
      ctors: [
        {
          parameters: [
            { name: "client", type: "Client", scope: Scope.Protected, isReadonly: true },
          ],
        },
      ],
      properties: fields,
      getAccessors: props,
    };
  };

  const { props, fields } = members(tree, []);
  const client: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    isExported: true,
    name: "OpenRouterResources",
    extends: "OpenRouterClient",
    docs: [
      {
        description: [
          "Every resource of the spec as a lazily created namespace on the core client. Users construct",
          "the hand-written `OpenRouter` subclass (`src/client.ts`), which adds the helper methods.",
          "",
          "@example",
          "```ts",
          "const client = new OpenRouter(); // reads OPENROUTER_API_KEY",
          'const completion = await client.chat.send({ model: "openai/gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] });',
          "```",
        ].join("\n"),
      },
    ],
    properties: fields,
    getAccessors: props,
  };

  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: coreModule,
      namedImports: ["OpenRouterClient", { name: "Client", isTypeOnly: true }],
    },
    ...api.resources.map((r) => ({
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: packageOf(r),
      namedImports: [r.className],
    })),
    client,
    ...groups.sort((a, b) => a.name!.localeCompare(b.name!)),
  ];
  return { statements };
}

/**
 * `exports.gen.ts` of the umbrella package: every standalone function, resource class and
 * operation type, re-exported by name (component schema aliases stay in their own packages, where
 * the same schema name can appear in several).
 */
export function emitUmbrellaExports(
  api: ApiIR,
  packageOf: (r: ResourceIR) => string,
): OptionalKindOf<SourceFileStructure> {
  return {
    statements: api.resources.map((r) => {
      const typeNames = new Set<string>();
      for (const op of r.operations) {
        const names = operationTypeNames(op);
        typeNames.add(names.params);
        if (op.parameters.length > 0) typeNames.add(names.parameters);
        if (op.body) typeNames.add(names.body);
        if (op.response.kind === "json") typeNames.add(names.response);
        if (op.response.streamMediaType || op.response.kind === "sse")
          typeNames.add(names.streamChunk);
      }
      return {
        kind: StructureKind.ExportDeclaration as const,
        moduleSpecifier: packageOf(r),
        namedExports: [
          ...r.operations.map((op) => op.functionName).sort(),
          r.className,
          ...[...typeNames].sort().map((name) => ({ name, isTypeOnly: true })),
        ],
      };
    }),
  };
}
