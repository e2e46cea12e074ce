/**
 * Diffs the success responses of a matched operation (OpenAPI 3.x §4.8.16–17).
 * Generated functions return the 2xx body and throw `APIError` for the rest, so
 * only 2xx schemas are compared; error statuses coming or going is a patch note.
 */
import { appendPath, qualifier, type ChangeSink } from "./change-sink.js";
import type { RefResolver } from "./ref-resolver.js";
import type { SchemaDiffer } from "./schema-diff.js";
import { asSchema, type SchemaObject } from "./schema-types.js";

const isSuccess = (status: string): boolean => /^2(\d\d|XX)$/i.test(status);

/** Records response changes between two versions of one operation. */
export function diffResponses(
  oldOp: SchemaObject,
  newOp: SchemaObject,
  resolvers: { old: RefResolver; new: RefResolver },
  differ: SchemaDiffer,
  sink: ChangeSink,
): void {
  const oldResponses = asSchema(oldOp.responses);
  const newResponses = asSchema(newOp.responses);

  for (const status of Object.keys(oldResponses)) {
    if (status in newResponses) continue;
    if (isSuccess(status))
      sink.add(
        "response-removed",
        "major",
        `responses.${status}`,
        `no longer returns status ${status}`,
      );
    else
      sink.add(
        "response-removed",
        "patch",
        `responses.${status}`,
        `no longer documents error status ${status}`,
      );
  }
  for (const [status, rawNew] of Object.entries(newResponses)) {
    const location = `responses.${status}`;
    if (!(status in oldResponses)) {
      if (isSuccess(status))
        sink.add("response-added", "minor", location, `may now return status ${status}`);
      else sink.add("response-added", "patch", location, `now documents error status ${status}`);
      continue;
    }
    if (!isSuccess(status)) continue;
    const oldResponse = asSchema(resolvers.old.resolve(oldResponses[status]).node);
    const newResponse = asSchema(resolvers.new.resolve(rawNew).node);
    diffContent(status, oldResponse, newResponse, differ, sink);
  }
}

function diffContent(
  status: string,
  oldResponse: SchemaObject,
  newResponse: SchemaObject,
  differ: SchemaDiffer,
  sink: ChangeSink,
): void {
  const oldContent = asSchema(oldResponse.content);
  const newContent = asSchema(newResponse.content);
  for (const media of Object.keys(oldContent)) {
    if (!(media in newContent)) {
      sink.add(
        "media-type-removed",
        "major",
        `responses.${status}.${media}`,
        `response ${status} is no longer returned as \`${media}\``,
      );
    }
  }
  for (const [media, newMedia] of Object.entries(newContent)) {
    const location = `responses.${status}.${media}`;
    if (!(media in oldContent)) {
      sink.add(
        "media-type-added",
        "minor",
        location,
        `response ${status} may now be returned as \`${media}\``,
      );
      continue;
    }
    const tree = differ.diff(
      asSchema(oldContent[media]).schema,
      asSchema(newMedia).schema,
      "response",
    );
    const suffix = qualifier([
      status !== "200" && `status ${status}`,
      media !== "application/json" && media,
    ]);
    sink.addTree(tree, location, (rel) =>
      rel === "" ? `response body${suffix}` : `response field \`${appendPath("", rel)}\`${suffix}`,
    );
  }
}
