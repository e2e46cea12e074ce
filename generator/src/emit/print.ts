import { Project, type OptionalKind as OptionalKindOf, type SourceFileStructure } from "ts-morph";

let project: Project | undefined;

/**
 * Prints a ts-morph source-file structure to text. One in-memory project is reused (creating
 * one costs ~100 ms); each file is removed after printing so memory stays flat.
 */
export function printStructure(
  structure: OptionalKindOf<SourceFileStructure>,
  leading: string,
): string {
  project ??= new Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true });
  const file = project.createSourceFile("/print.ts", structure, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return `${leading}\n\n${text}`;
}
