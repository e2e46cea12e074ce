/**
 * Converts a plain object into `FormData` for `multipart/form-data` operations:
 * Blob/File values become file parts (a File keeps its name), arrays become repeated fields,
 * other objects are sent as JSON strings, everything else through `String()`. `undefined` and
 * `null` are skipped. The runtime sets the boundary in Content-Type. Generated code calls it for
 * `multipart/form-data` operations, so only their bundles include it.
 */
export function toFormData(body: unknown): FormData {
  if (body instanceof FormData) return body;
  const form = new FormData();
  if (typeof body !== "object" || body === null) return form;
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value])
      appendField(form, key, item);
  }
  return form;
}

/**
 * For operations that take JSON or, when files are attached, `multipart/form-data`: a `FormData`
 * (see {@link toFormData}) when any field holds a Blob/File, else `body` unchanged (sent as JSON).
 */
export function formDataIfFiles<T>(body: T): T | FormData {
  return typeof body === "object" && body !== null && Object.values(body).some(isBlob)
    ? toFormData(body)
    : body;
}

function isBlob(value: unknown): boolean {
  return value instanceof Blob;
}

function appendField(form: FormData, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) {
    const name = (value as Blob & { name?: unknown }).name;
    form.append(key, value, typeof name === "string" && name ? name : "blob");
  } else if (typeof value === "object") {
    form.append(key, JSON.stringify(value));
  } else {
    form.append(key, String(value));
  }
}
