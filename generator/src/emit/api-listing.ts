import type { ApiIR } from "../ir/types.js";

/**
 * `API.md` of the umbrella package: every operation with its namespace call, standalone function,
 * package and HTTP route (in the spirit of openai-node's `api.md`), regenerated with the code so
 * it can never drift from it.
 */
export function emitApiListing(
  api: ApiIR,
  packageOf: (slug: string) => string,
  umbrellaName: string,
): string {
  const lines = [
    "# API listing",
    "",
    `Generated from the OpenRouter OpenAPI spec; do not edit. Every operation is a method of \`new OpenRouter()\` from \`${umbrellaName}\` and a standalone function of its own package (\`fn(client, params, options)\`, with \`client = createClient()\`).`,
    "",
  ];
  for (const r of api.resources) {
    const aliases =
      r.aliases.length > 0 ? ` (also \`client.${r.aliases.join("`, `client.")}\`)` : "";
    lines.push(
      `## ${r.tag}: \`client.${r.namespace}\`${aliases}`,
      "",
      `Package \`${packageOf(r.slug)}\`. ${r.description ?? ""}`.trimEnd(),
      "",
    );
    lines.push("| Method | Function | HTTP | Returns |", "| --- | --- | --- | --- |");
    for (const op of r.operations) {
      const returns =
        op.response.streamMediaType !== undefined
          ? "JSON, or `Stream` with `stream: true`"
          : op.response.kind === "sse"
            ? "`Stream`"
            : op.response.kind === "binary"
              ? "`Response` (binary)"
              : op.response.kind === "text"
                ? "`string`"
                : op.response.kind === "empty"
                  ? "`void`"
                  : op.mediaSwitch
                    ? `JSON, or \`string\` with \`${op.mediaSwitch.param}: "${op.mediaSwitch.value}"\``
                    : "JSON";
      lines.push(
        `| \`${r.namespace}.${op.methodName}\`${op.deprecated ? " (deprecated)" : ""} | \`${op.functionName}\` | \`${op.method} ${op.path}\` | ${returns} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}
