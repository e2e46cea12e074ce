/**
 * Diffs the parameters of a matched operation (OpenAPI 3.x §4.8.12). Parameters
 * are inputs: adding a required one or removing any breaks callers.
 */
import { appendPath, type ChangeSink } from "./change-sink.js";
import { deprecationDeltas } from "./node-deltas.js";
import type { ParameterEntry } from "./operation-index.js";
import type { SchemaDiffer } from "./schema-diff.js";
import { asSchema } from "./schema-types.js";

/** A parameter's schema, from `schema` or else its single `content` entry (§4.8.12.5). */
function schemaOf(param: ParameterEntry): unknown {
  if (param.node.schema !== undefined) return param.node.schema;
  const first = Object.values(asSchema(param.node.content))[0];
  return asSchema(first).schema;
}

const subjectOf = (p: ParameterEntry, rel = ""): string =>
  `${p.in} parameter \`${appendPath(p.name, rel)}\``;

/** Records parameter changes between two versions of one operation. */
export function diffParameters(
  oldParams: ParameterEntry[],
  newParams: ParameterEntry[],
  differ: SchemaDiffer,
  sink: ChangeSink,
): void {
  const newByKey = new Map(newParams.map((p) => [p.key, p]));
  const oldKeys = new Set(oldParams.map((p) => p.key));

  for (const oldParam of oldParams) {
    const newParam = newByKey.get(oldParam.key);
    const oldLocation = `parameters.${oldParam.in}.${oldParam.name}`;
    if (!newParam) {
      sink.add("parameter-removed", "major", oldLocation, `${subjectOf(oldParam)} was removed`);
      continue;
    }
    const location = `parameters.${newParam.in}.${newParam.name}`;
    if (newParam.name !== oldParam.name) {
      // Same URL, but generated functions take path parameters by name, so callers must rename theirs.
      sink.add(
        "parameter-renamed",
        "major",
        location,
        `${subjectOf(oldParam)} was renamed to \`${newParam.name}\``,
      );
    }
    if (!oldParam.required && newParam.required)
      sink.add("parameter-required", "major", location, `${subjectOf(newParam)} is now required`);
    if (oldParam.required && !newParam.required)
      sink.add("parameter-optional", "minor", location, `${subjectOf(newParam)} is now optional`);
    for (const d of deprecationDeltas(oldParam.node, newParam.node))
      sink.add(d.kind, d.bump, location, `${subjectOf(newParam)} ${d.predicate}`);
    if (oldParam.node.description !== newParam.node.description) {
      sink.add(
        "description-changed",
        "patch",
        location,
        `${subjectOf(newParam)} has a new description`,
      );
    }
    const tree = differ.diff(schemaOf(oldParam), schemaOf(newParam), "request");
    sink.addTree(tree, location, (rel) => subjectOf(newParam, rel));
  }

  for (const newParam of newParams) {
    if (oldKeys.has(newParam.key)) continue;
    const location = `parameters.${newParam.in}.${newParam.name}`;
    if (newParam.required)
      sink.add(
        "parameter-added",
        "major",
        location,
        `${subjectOf(newParam)} was added and is required`,
      );
    else
      sink.add("parameter-added", "minor", location, `${subjectOf(newParam)} was added (optional)`);
  }
}
