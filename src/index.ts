export type { SourceLocation, Diagnostic, Severity } from "./diagnostics.js";
export { InputError, formatDiagnostic } from "./diagnostics.js";
export type * from "./topology/types.js";
export type * from "./audit/result.js";
export { version } from "./version.js";
