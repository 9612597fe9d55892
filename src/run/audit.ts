import { audit } from "../audit/index.js";
import type { PairRequest } from "../audit/pairs.js";
import type { Thresholds } from "../decide.js";
import { errorAt, InputError } from "../diagnostics.js";
import { runRules } from "../policy/rules/index.js";
import type { AuditResult, Verdict } from "../result.js";
import type { Topology } from "../topology/types.js";
import { version } from "../version.js";
import type { RunHost } from "./host.js";
import { type Loaded, loadInputs, type RunEvents } from "./load.js";
import type { AuditMode, AuditRequest } from "./request.js";

/** The flows declared in the files (topology and policy), as requests with their thresholds. */
export function flowRequests(topology: Topology, failures: number, th: Thresholds): PairRequest[] {
  return topology.flows.map((f) => ({
    flow: f.id,
    from: f.from,
    to: f.to,
    failures: f.failures ?? failures,
    failOn: (f.failOn as Verdict | undefined) ?? th.pairs,
    location: f.location,
  }));
}

/** What an audit of loaded inputs needs from a request. */
export type AuditSpec = Pick<AuditRequest, "mode" | "pair" | "failures" | "thresholds" | "asOf" | "generatedAt" | "maxPairs" | "allowEmpty">;

/** The parts of an audit: the one pair, the declared flows, the rules — any mix. */
export interface AuditParts extends Omit<AuditSpec, "mode" | "allowEmpty"> {
  flows: boolean;
  rules: boolean;
}

function nothingToAudit(mode: AuditMode): InputError {
  const why =
    mode === "flows"
      ? "no flows are declared in these files (add `flows:`, or use `cleanpath audit path --from … --to …`)"
      : mode === "rules"
        ? "no rules apply: give a policy with rules (--policy FILE, or a profile such as --policy uk-dvd-2022; see `cleanpath profiles`)"
        : "nothing to audit: the files declare no flows and no policy with rules applies (add `flows:`, pass --policy, or use `cleanpath audit path --from … --to …`)";
  return new InputError([errorAt("E_NOTHING_TO_AUDIT", why)]);
}

/**
 * Audits loaded inputs: the pair of --from/--to (mode "path"), the declared flows, the rules, or
 * flows and rules ("all"). Refuses to audit nothing unless the request allows it.
 */
export function auditLoaded(loaded: Loaded, spec: AuditSpec, events: RunEvents = {}): AuditResult {
  const mode = spec.mode;
  const flows = mode === "flows" || mode === "all";
  const rules = mode === "rules" || mode === "all";
  if (mode === "flows" && loaded.topology.flows.length === 0) throw nothingToAudit("flows");
  if (mode === "rules" && loaded.policy.rules.length === 0) throw nothingToAudit("rules");
  if (mode === "all" && loaded.topology.flows.length === 0 && loaded.policy.rules.length === 0 && !spec.allowEmpty) throw nothingToAudit("all");
  const { pair, ...rest } = spec;
  return auditParts(loaded, { ...rest, ...(mode === "path" && pair ? { pair } : {}), flows, rules }, events);
}

/**
 * The audit itself: the requested parts, settled at the request's finding level, so that
 * `summary.passed` is `decide()`'s answer.
 */
export function auditParts(loaded: Loaded, parts: AuditParts, events: RunEvents = {}): AuditResult {
  const th = parts.thresholds;
  const requests: PairRequest[] = [];
  if (parts.pair) requests.push({ flow: null, from: parts.pair.from, to: parts.pair.to, failures: parts.failures, failOn: th.pairs });
  if (parts.flows) requests.push(...flowRequests(loaded.topology, parts.failures, th));
  const rules = parts.rules ? loaded.policy.rules : [];
  events.progress?.note(`cleanpath: auditing ${requests.length} request${requests.length === 1 ? "" : "s"} and ${rules.length} rule${rules.length === 1 ? "" : "s"}…`);
  const result = audit({
    topology: loaded.topology,
    registry: loaded.registry,
    spec: loaded.policy.spec,
    requests,
    rules,
    runRules,
    waivers: loaded.policy.waivers,
    asOf: parts.asOf,
    generatedAt: parts.generatedAt,
    version,
    maxPairs: parts.maxPairs,
    failOnLevel: th.findings,
    ...(events.timings ? { timings: events.timings } : {}),
  });
  events.progress?.clear();
  return result;
}

/** The audit of a request: load its inputs (refusing outputs that name one), then audit. */
export function auditRequestWith(host: RunHost, request: AuditRequest, events: RunEvents = {}): { loaded: Loaded; result: AuditResult } {
  const loaded = loadInputs(host, request, events);
  return { loaded, result: auditLoaded(loaded, request, events) };
}
