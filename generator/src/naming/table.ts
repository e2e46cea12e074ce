import { camelCase, kebabCase, pascalCase, upperFirst } from "./case.js";

/** The shape of `spec/naming.json`. */
export interface NamingTable {
  resources: Record<string, { package: string; namespace: string; aliases?: string[] }>;
  operations: Record<string, string>;
}

export interface ResourceNames {
  slug: string;
  namespace: string;
  aliases: string[];
  className: string;
}

export interface NamingWarning {
  message: string;
  pointer: string;
}

/**
 * Names a tag's package and namespace: from the table when listed, otherwise derived
 * (`Video Generation` → slug `video-generation`, namespace `videoGeneration`) with a warning,
 * so a new tag in the spec still generates while the table catches up.
 */
export function resolveResourceNames(
  tag: string,
  table: NamingTable,
  warn: (w: NamingWarning) => void,
): ResourceNames {
  const entry = table.resources[tag];
  if (!entry) {
    warn({
      message: `tag "${tag}" is not in spec/naming.json; derived its names`,
      pointer: "#/tags",
    });
  }
  const namespace = entry?.namespace ?? camelCase(tag);
  return {
    slug: entry?.package ?? kebabCase(tag),
    namespace,
    aliases: [...(entry?.aliases ?? [])],
    className: `${upperFirst(namespace)}Resource`,
  };
}

/**
 * The method name of an operation: the table wins, then the spec's own name hint
 * (`x-speakeasy-name-override`), then the camel-cased operationId.
 */
export function resolveMethodName(
  operationId: string,
  hint: string | undefined,
  table: NamingTable,
  pointer: string,
  warn: (w: NamingWarning) => void,
): string {
  const listed = table.operations[operationId];
  if (listed) return listed;
  warn({
    message: `operation "${operationId}" is not in spec/naming.json; derived its name`,
    pointer,
  });
  return camelCase(hint ?? operationId);
}

/**
 * Makes method names unique inside one resource. Operations are visited in a fixed order
 * (by path, then method) so the same spec always resolves clashes the same way, whatever
 * order the spec lists them in: the first keeps the name, later ones take their operationId.
 */
export function dedupeMethodNames<
  T extends { methodName: string; operationId: string; path: string; method: string },
>(operations: T[]): T[] {
  const ordered = [...operations].sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
  const taken = new Set<string>();
  for (const op of ordered) {
    let name = op.methodName;
    if (taken.has(name)) name = camelCase(op.operationId);
    for (let n = 2; taken.has(name); n++) name = `${camelCase(op.operationId)}${n}`;
    op.methodName = name;
    taken.add(name);
  }
  return operations;
}

/** `chat` + `send` → `chatSend`; the stem of type names is its PascalCase form. */
export function functionName(namespace: string, method: string): string {
  return `${namespace}${upperFirst(method)}`;
}

export function typeStem(namespace: string, method: string): string {
  return pascalCase(namespace) + upperFirst(method);
}
