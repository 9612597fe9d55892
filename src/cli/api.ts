/**
 * The library API (SPEC §11): the same pipeline the CLI runs, for scripts and notebooks.
 * It lives beside the CLI because it reads files through the Node.js file system.
 */
import { resolve } from "node:path";
import { audit as runAudit } from "../audit/index.js";
import type { PairRequest } from "../audit/pairs.js";
import { type AuditResult, type Verdict } from "../result.js";
import { type Policy, resolvePolicy } from "../policy/policy.js";
import { runRules } from "../policy/rules/index.js";
import { outputText } from "../report/context.js";
import { reporterFor, type ReportContext } from "../report/index.js";
import { loadTopology as loadFiles, type LoadedTopology } from "../topology/index.js";
import type { Selector } from "../topology/types.js";
import { version } from "../version.js";
import { expandInputs, heapLimitBytes, nodeHost } from "./host.js";

export interface LoadTopologyOptions {
  /** Folder relative paths are resolved against, and shown relative to (default: the process's). */
  cwd?: string;
  /** Compute input digests for reports (default true). */
  hash?: boolean;
}

/** Loads topology files and folders into one checked Topology (throws InputError with every problem). */
export function loadTopology(paths: string | readonly string[], options: LoadTopologyOptions = {}): LoadedTopology {
  const cwd = options.cwd ?? process.cwd();
  const files = expandInputs(typeof paths === "string" ? [paths] : paths, cwd);
  return loadFiles(files, nodeHost(cwd), { hash: options.hash ?? true, heapLimitBytes: heapLimitBytes() });
}

export interface LoadPolicyOptions {
  cwd?: string;
  /** Policy files or built-in profile names, merged after the topology files' own policy keys. */
  policies?: readonly string[];
  unknownVendor?: "risky" | "clean";
  riskVendors?: readonly string[];
}

/** The merged policy for a loaded topology: its files' policy keys, then `policies` in order. */
export function loadPolicy(loaded: LoadedTopology, options: LoadPolicyOptions = {}): Policy {
  const cwd = options.cwd ?? process.cwd();
  const host = nodeHost(cwd);
  const policyArgs = (options.policies ?? []).map((value) => {
    if (!/\.(ya?ml|json)$/i.test(value)) return { value };
    const extra = loadFiles([resolve(cwd, value)], host, { policyFiles: new Set([host.realpath(resolve(cwd, value))]) });
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
  /** YYYY-MM-DD; default today. */
  asOf?: string;
  maxPairs?: number;
}

/** Audits a loaded topology under a policy (default: the files' own, else Huawei and ZTE). */
export function audit(loaded: LoadedTopology, policy: Policy = loadPolicy(loaded), options: AuditOptions = {}): AuditResult {
  const failOn = options.failOn ?? "routed-dirty";
  const failures = options.failures ?? 0;
  const requests: PairRequest[] = [];
  if (options.from !== undefined && options.to !== undefined) requests.push({ flow: null, from: options.from, to: options.to, failures, failOn });
  if (options.flows ?? (options.from === undefined)) {
    for (const f of loaded.topology.flows) {
      requests.push({ flow: f.id, from: f.from, to: f.to, failures: f.failures ?? failures, failOn: (f.failOn as Verdict | undefined) ?? failOn, location: f.location });
    }
  }
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  return runAudit({
    topology: loaded.topology,
    registry: loaded.registry,
    spec: policy.spec,
    requests,
    rules: options.rules === false ? [] : policy.rules,
    runRules,
    waivers: policy.waivers,
    asOf: options.asOf ?? now.slice(0, 10),
    generatedAt: now,
    version,
    maxPairs: options.maxPairs ?? 10_000,
  });
}

/** Renders a result in any format (`table`, `json`, …). */
export function render(result: AuditResult, format: string, context: Partial<ReportContext> = {}): string {
  return outputText(reporterFor(format)(result, { color: false, version, ...context }));
}
