export * from "./case.js";
export * from "./table.js";
