/**
 * cleanpath as a library: load a topology, merge policies, audit, decide, render. A thin facade
 * over the application layer (src/run/), bound to the real file system; the CLI runs the same
 * pipeline. Pass `now` and `asOf` to `audit` for output that is the same on every run.
 */
import type { Policy } from "./policy/policy.js";
import type { ReportContext, ReportOutput } from "./report/context.js";
import type { AuditResult, PlanResult } from "./result.js";
import {
  type AuditOptions,
  auditWith,
  type LoadPolicyOptions,
  loadPolicyWith,
  type LoadTopologyOptions,
  loadTopologyWith,
  type PlanOptions,
  planWith,
  renderPiecesOf,
  renderResult,
} from "./run/library.js";
import type { LoadedTopology } from "./topology/index.js";
import { nodeHost, systemClock } from "./cli/host.js";

/** Loads topology files and folders into one checked Topology (throws InputError with every problem). */
export function loadTopology(paths: string | readonly string[], options: LoadTopologyOptions = {}): LoadedTopology {
  return loadTopologyWith(nodeHost(options.cwd ?? systemClock.cwd()), paths, options);
}

/** The merged policy for a loaded topology: its files' policy keys, then `policies` in order. */
export function loadPolicy(loaded: LoadedTopology, options: LoadPolicyOptions = {}): Policy {
  return loadPolicyWith(nodeHost(options.cwd ?? systemClock.cwd()), loaded, options);
}

/** Audits a loaded topology under a policy (default: the files' own, else Huawei and ZTE). */
export function audit(loaded: LoadedTopology, policy: Policy = loadPolicy(loaded), options: AuditOptions = {}): AuditResult {
  return auditWith(loaded, policy, { ...options, now: options.now ?? systemClock.now() });
}

/** The cheapest rip-and-replace plan (SPEC §7.1) for a loaded topology under a policy; HiGHS solves it, no network. */
export function plan(loaded: LoadedTopology, policy: Policy = loadPolicy(loaded), options: PlanOptions = {}): Promise<PlanResult> {
  return planWith(loaded, policy, { ...options, now: options.now ?? systemClock.now() });
}

/** Renders a result in any format (`table`, `json`, …); give `graphviz` (from `loadGraphviz()`) for html diagrams. */
export function render(result: AuditResult, format: string, context: Partial<ReportContext> = {}): string {
  return renderResult(result, format, context);
}

/** `render` for results of any size: the text as the format gives it, one string or pieces to write in order. */
export function renderPieces(result: AuditResult, format: string, context: Partial<ReportContext> = {}): ReportOutput {
  return renderPiecesOf(result, format, context);
}

export type { AuditOptions, LoadPolicyOptions, LoadTopologyOptions, PlanOptions, ReportOutput };
export { decide, settle, findingFails, type Decision, type FailLevel, type Thresholds } from "./decide.js";
export type { SourceLocation, Diagnostic, Severity } from "./diagnostics.js";
export { InputError, formatDiagnostic } from "./diagnostics.js";
export type * from "./topology/types.js";
export type { LoadedTopology } from "./topology/index.js";
export type * from "./result.js";
export { verdicts, atOrWorse } from "./result.js";
export type { Policy, ResolvedRule, ResolvedWaiver } from "./policy/policy.js";
export { VendorRegistry } from "./vendors/registry.js";
export { formats, reporters } from "./report/index.js";
export { loadGraphviz } from "./report/graphviz.js";
export { importers, importTopology, renderImport } from "./import/index.js";
export { version } from "./version.js";
