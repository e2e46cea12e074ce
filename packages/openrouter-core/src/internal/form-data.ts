/**
 * Converts a plain object into `FormData` for `multipart/form-data` operations:
 * Blob/File values become file parts (a File keeps its name), arrays become repeated fields,
 * other objects are sent as JSON strings, everything else through `String()`. `undefined` and
 * `null` are skipped. The runtime sets the boundary in Content-Type.
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
