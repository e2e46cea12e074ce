import type { OperationIR } from "../ir/types.js";

/** The exported type names of one operation; one place so every emitter agrees. */
export interface OperationTypeNames {
  params: string;
  parameters: string;
  body: string;
  response: string;
  streamChunk: string;
  alternate: string;
}

export function operationTypeNames(op: OperationIR): OperationTypeNames {
  const s = op.typeStem;
  return {
    params: `${s}Params`,
    parameters: `${s}Parameters`,
    body: `${s}Body`,
    response: `${s}Response`,
    streamChunk: `${s}StreamChunk`,
    alternate: `${s}AlternateResponse`,
  };
}

/** True when callers may omit the params argument entirely. */
export function paramsOptional(op: OperationIR): boolean {
  return !op.parameters.some((p) => p.required) && !(op.body?.required ?? false);
}

/** True when the operation takes any params at all. */
export function hasParams(op: OperationIR): boolean {
  return op.parameters.length > 0 || op.body !== undefined;
}

/** The TypeScript type an operation resolves to in its default (non-stream) form. */
export function resultType(op: OperationIR): string {
  const names = operationTypeNames(op);
  switch (op.response.kind) {
    case "json":
      return names.response;
    case "sse":
      return `Stream<${names.streamChunk}>`;
    case "binary":
      return "Response";
    case "text":
      return "string";
    case "empty":
      return "void";
  }
}
