/**
 * The library API over the application layer: the same pipeline the CLI runs, for scripts and
 * notebooks. src/index.ts binds it to the real file system and clock.
 */
import { resolve } from "node:path";
import { decide, type FailLevel } from "../decide.js";
import { type Policy, resolvePolicy } from "../policy/policy.js";
import { outputText, type ReportContext, type ReportOutput } from "../report/context.js";
import { reportFormats } from "../report/index.js";
import type { PairRequest } from "../audit/pairs.js";
import { plan } from "../plan/index.js";
import { runRules } from "../policy/rules/index.js";
import type { AuditResult, PlanResult, Verdict } from "../result.js";
import { loadTopology as loadFiles, type LoadedTopology } from "../topology/index.js";
import type { Selector } from "../topology/types.js";
import { version } from "../version.js";
import { auditParts, flowRequests } from "./audit.js";
import { solver } from "./plan.js";
import type { RunHost } from "./host.js";
import { parseOutputs } from "./outputs.js";
import { runDates } from "./request.js";

export interface LoadTopologyOptions {
  /** Folder relative paths are resolved against, and shown relative to (default: the process's). */
  cwd?: string;
  /** Compute input digests for reports (default true). */
  hash?: boolean;
}

/** Loads topology files and folders into one checked Topology (throws InputError with every problem). */
export function loadTopologyWith(host: RunHost, paths: string | readonly string[], options: LoadTopologyOptions = {}): LoadedTopology {
  const files = host.expandInputs(typeof paths === "string" ? [paths] : paths, () => {});
  return loadFiles(files, host, { hash: options.hash ?? true, heapLimitBytes: host.heapLimitBytes });
}

export interface LoadPolicyOptions {
  cwd?: string;
  /** Policy files or built-in profile names, merged after the topology files' own policy keys. */
  policies?: readonly string[];
  unknownVendor?: "risky" | "clean";
  riskVendors?: readonly string[];
}

/** The merged policy for a loaded topology: its files' policy keys, then `policies` in order. */
export function loadPolicyWith(host: RunHost, loaded: LoadedTopology, options: LoadPolicyOptions = {}): Policy {
  const policyArgs = (options.policies ?? []).map((value) => {
    if (!/\.(ya?ml|json)$/i.test(value)) return { value };
    const abs = resolve(host.cwd, value);
    const extra = loadFiles([abs], host, { policyFiles: new Set([host.realpath(abs)]) });
    return { value, file: extra.files[0]! };
  });
  return resolvePolicy(loaded.files, loaded.registry, host, {
    policyArgs,
    ...(options.unknownVendor ? { unknownVendor: options.unknownVendor } : {}),
    ...(options.riskVendors ? { riskVendors: options.riskVendors } : {}),
  });
}

export interface AuditOptions {
  /** Audit these pairs (selectors as in SPEC §4); default: the flows declared in the files. */
  from?: Selector;
  to?: Selector;
  /** Audit the declared flows (default: true unless from/to are given). */
  flows?: boolean;
  /** Check the policy's rules (default true). */
  rules?: boolean;
  failures?: number;
  failOn?: Verdict;
  /** Finding level that fails the result (default error). */
  failOnLevel?: FailLevel;
  /** The report's time (`generatedAt`): pass it, with `asOf`, for reproducible output. */
  now?: Date;
  /** YYYY-MM-DD; default the day of `now`. */
  asOf?: string;
  maxPairs?: number;
}

/** Audits a loaded topology under a policy; `now` comes from the caller, so the result is reproducible. */
export function auditWith(loaded: LoadedTopology, policy: Policy, options: AuditOptions & { now: Date }): AuditResult {
  const pair = options.from !== undefined && options.to !== undefined ? { from: options.from, to: options.to } : undefined;
  return auditParts(
    { ...loaded, policy },
    {
      ...(pair ? { pair } : {}),
      flows: options.flows ?? options.from === undefined,
      rules: options.rules ?? true,
      failures: options.failures ?? 0,
      thresholds: { pairs: options.failOn ?? "routed-dirty", findings: options.failOnLevel ?? "error" },
      ...runDates({ now: options.now }, options.asOf),
      maxPairs: options.maxPairs ?? 10_000,
    },
  );
}

/**
 * Renders a result in any format (`table`, `json`, …) as one string. The html format draws its
 * diagrams when given Graphviz (`context.graphviz = await loadGraphviz()`).
 */
export function renderResult(result: AuditResult, format: string, context: Partial<ReportContext> = {}): string {
  return outputText(renderPiecesOf(result, format, context));
}

/** The same, as the reporter gives it: one string or pieces in order (a JSON result may pass V8's longest string). */
export function renderPiecesOf(result: AuditResult, format: string, context: Partial<ReportContext> = {}): ReportOutput {
  const reporter = reportFormats.reporters[format];
  if (!reporter) parseOutputs(reportFormats, { format: [format] }, format); // the usual message, with a suggestion
  return reporter!(result, { color: false, version, ...context });
}

export { decide };

export interface PlanOptions extends Omit<AuditOptions, "flows" | "rules"> {
  /** Spend at most this much (SPEC §7.1); default: no budget. */
  budget?: number;
  /** Minimise total replacementCost (default) or the number of items. */
  by?: "cost" | "count";
  /** Cost of items without a replacementCost. */
  defaultCost?: number;
  /** Vendor replaced items get (default `replacement`, a clean placeholder). */
  replaceWith?: string;
  /** Seconds for the solver (default 60). */
  timeLimit?: number;
}

/** The cheapest plan for a loaded topology under a policy: the declared flows (and from/to) and the rules. */
export async function planWith(loaded: LoadedTopology, policy: Policy, options: PlanOptions & { now: Date }): Promise<PlanResult> {
  const th = { pairs: options.failOn ?? "routed-dirty", findings: options.failOnLevel ?? "error" } as const;
  const requests: PairRequest[] = [];
  if (options.from !== undefined && options.to !== undefined) requests.push({ flow: null, from: options.from, to: options.to, failures: options.failures ?? 0, failOn: th.pairs });
  requests.push(...flowRequests(loaded.topology, options.failures ?? 0, th));
  const dates = runDates({ now: options.now }, options.asOf);
  return plan({
    topology: loaded.topology,
    registry: loaded.registry,
    spec: policy.spec,
    requests,
    rules: policy.rules,
    runRules,
    waivers: policy.waivers,
    ...dates,
    version,
    maxPairs: options.maxPairs ?? 10_000,
    failOnLevel: th.findings,
    highs: await solver(),
    budget: options.budget ?? null,
    by: options.by ?? "cost",
    ...(options.defaultCost !== undefined ? { defaultCost: options.defaultCost } : {}),
    replaceWith: options.replaceWith ?? "replacement",
    timeLimit: options.timeLimit ?? 60,
  }).result;
}
