/**
 * Diffs the request body of a matched operation (OpenAPI 3.x §4.8.13): its
 * presence, whether it is required, its media types, and each shared schema.
 */
import { appendPath, qualifier, type ChangeSink } from "./change-sink.js";
import type { RefResolver } from "./ref-resolver.js";
import type { SchemaDiffer } from "./schema-diff.js";
import { asSchema, type SchemaObject } from "./schema-types.js";

const JSON_MEDIA = "application/json";

function bodyOf(op: SchemaObject, resolver: RefResolver): SchemaObject | undefined {
  if (op.requestBody === undefined) return undefined;
  return asSchema(resolver.resolve(op.requestBody).node);
}

/** Records request body changes between two versions of one operation. */
export function diffRequestBody(
  oldOp: SchemaObject,
  newOp: SchemaObject,
  resolvers: { old: RefResolver; new: RefResolver },
  differ: SchemaDiffer,
  sink: ChangeSink,
): void {
  const oldBody = bodyOf(oldOp, resolvers.old);
  const newBody = bodyOf(newOp, resolvers.new);
  if (!oldBody && !newBody) return;
  if (!oldBody) {
    if (newBody!.required === true)
      sink.add(
        "request-body-added",
        "major",
        "requestBody",
        "request body was added and is required",
      );
    else
      sink.add("request-body-added", "minor", "requestBody", "request body was added (optional)");
    return;
  }
  if (!newBody) {
    sink.add("request-body-removed", "major", "requestBody", "request body was removed");
    return;
  }
  if (oldBody.required !== true && newBody.required === true)
    sink.add("request-body-required", "major", "requestBody", "request body is now required");
  if (oldBody.required === true && newBody.required !== true)
    sink.add("request-body-optional", "minor", "requestBody", "request body is now optional");
  if (oldBody.description !== newBody.description)
    sink.add("description-changed", "patch", "requestBody", "request body has a new description");

  const oldContent = asSchema(oldBody.content);
  const newContent = asSchema(newBody.content);
  for (const media of Object.keys(oldContent)) {
    if (!(media in newContent))
      sink.add(
        "media-type-removed",
        "major",
        `requestBody.${media}`,
        `request body no longer accepts \`${media}\``,
      );
  }
  for (const [media, newMedia] of Object.entries(newContent)) {
    const location = `requestBody.${media}`;
    if (!(media in oldContent)) {
      sink.add("media-type-added", "minor", location, `request body now also accepts \`${media}\``);
      continue;
    }
    const tree = differ.diff(
      asSchema(oldContent[media]).schema,
      asSchema(newMedia).schema,
      "request",
    );
    const suffix = qualifier([media !== JSON_MEDIA && media]);
    sink.addTree(tree, location, (rel) =>
      rel === "" ? `request body${suffix}` : `request field \`${appendPath("", rel)}\`${suffix}`,
    );
  }
}
