/**
 * cleanpath as a library: load a topology, merge policies, audit, render. The CLI is a thin
 * layer over these.
 */
export { loadTopology, loadPolicy, audit, render, type AuditOptions, type LoadPolicyOptions, type LoadTopologyOptions } from "./cli/api.js";
export type { SourceLocation, Diagnostic, Severity } from "./diagnostics.js";
export { InputError, formatDiagnostic } from "./diagnostics.js";
export type * from "./topology/types.js";
export type { LoadedTopology } from "./topology/index.js";
export type * from "./result.js";
export { verdicts, atOrWorse } from "./result.js";
export type { Policy, ResolvedRule, ResolvedWaiver } from "./policy/policy.js";
export { VendorRegistry } from "./vendors/registry.js";
export { formats, reporters } from "./report/index.js";
export { importers, importTopology, renderImport } from "./import/index.js";
export { version } from "./version.js";
