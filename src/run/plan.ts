/**
 * `cleanpath plan` in the application layer: the request (audit flags plus the plan's own), the
 * inputs loaded with every output (and --write-after) refused when it names one, the plan, and
 * its outputs rendered through the plan format registry.
 */
import * as highsModule from "highs";
import type { Highs } from "highs";
import type { PairRequest } from "../audit/pairs.js";
import { errorAt, InputError } from "../diagnostics.js";
import { plan, type PlanOutcome } from "../plan/index.js";
import { topologyAfterYaml } from "../plan/write-after.js";
import { runRules } from "../policy/rules/index.js";
import { planFormats } from "../report/plan/index.js";
import type { PlanResult } from "../result.js";
import { version } from "../version.js";
import { flowRequests } from "./audit.js";
import type { RunHost } from "./host.js";
import { type Loaded, loadInputs, type RunEvents } from "./load.js";
import { type AuditFlags, type AuditRequest, auditRequest, type Clock } from "./request.js";

/** The flags of `cleanpath plan` beyond the audit's (SPEC §7.1). */
export interface PlanFlags extends AuditFlags {
  budget?: number;
  by?: "cost" | "count";
  defaultCost?: number;
  replaceWith?: string;
  timeLimit?: number;
  writeAfter?: string;
}

export interface PlanRequest extends AuditRequest {
  budget: number | null;
  by: "cost" | "count";
  defaultCost?: number;
  replaceWith: string;
  /** Seconds. */
  timeLimit: number;
  writeAfter?: string;
}

/** Parses the flags of `plan` into a request; usage mistakes are refused here. */
export function planRequest(inputs: readonly string[], flags: PlanFlags, clock: Clock): PlanRequest {
  const base = auditRequest(inputs, flags, { mode: "all", clock, registry: planFormats, pairOptional: true });
  if (flags.by === "count" && flags.defaultCost !== undefined) throw new InputError([errorAt("E_USAGE", "--default-cost gives a cost to items without one; with --by count every item costs 1: give one or the other")]);
  return {
    ...base,
    budget: flags.budget ?? null,
    by: flags.by ?? "cost",
    ...(flags.defaultCost !== undefined ? { defaultCost: flags.defaultCost } : {}),
    replaceWith: flags.replaceWith ?? "replacement",
    timeLimit: flags.timeLimit ?? 60,
    ...(flags.writeAfter !== undefined ? { writeAfter: flags.writeAfter } : {}),
  };
}

/** The pairs a plan fixes: the --from/--to pair when given, and the declared flows. */
function requestsOf(loaded: Loaded, request: PlanRequest): PairRequest[] {
  const out: PairRequest[] = [];
  if (request.pair) out.push({ flow: null, from: request.pair.from, to: request.pair.to, failures: request.failures, failOn: request.thresholds.pairs });
  out.push(...flowRequests(loaded.topology, request.failures, request.thresholds));
  return out;
}

/** A plan and, with --write-after, the topology with it applied as YAML. */
export interface PlanRun {
  loaded: Loaded;
  outcome: PlanOutcome;
  afterYaml?: string;
}

type HighsLoader = () => Promise<Highs>;
let highsInstance: Promise<Highs> | undefined;

/** HiGHS, compiled once per process (WebAssembly, no network). */
export function solver(): Promise<Highs> {
  // The package's types describe its CommonJS face; imported as ESM, the loader is the default export.
  const m = highsModule as unknown as { default: HighsLoader | { default: HighsLoader } };
  const load = typeof m.default === "function" ? m.default : m.default.default;
  highsInstance ??= load();
  return highsInstance;
}

/** Loads the inputs (refusing outputs and --write-after that name one), plans, and writes the after-topology text. */
export async function planRequestWith(host: RunHost, request: PlanRequest, events: RunEvents = {}): Promise<PlanRun> {
  const outputs = [...request.outputs, ...(request.writeAfter !== undefined ? [{ path: request.writeAfter, flag: `--write-after ${request.writeAfter}` }] : [])];
  const loaded = loadInputs(host, { ...request, outputs }, events);
  const requests = requestsOf(loaded, request);
  if (requests.length === 0 && loaded.policy.rules.length === 0) {
    throw new InputError([errorAt("E_NOTHING_TO_AUDIT", "nothing to plan for: the files declare no flows and no policy with rules applies (add `flows:`, pass --policy, or give --from and --to)")]);
  }
  events.progress?.note(`cleanpath: planning for ${requests.length} request${requests.length === 1 ? "" : "s"} and ${loaded.policy.rules.length} rules…`);
  const outcome = plan({
    topology: loaded.topology,
    registry: loaded.registry,
    spec: loaded.policy.spec,
    requests,
    rules: loaded.policy.rules,
    runRules,
    waivers: loaded.policy.waivers,
    asOf: request.asOf,
    generatedAt: request.generatedAt,
    version,
    maxPairs: request.maxPairs,
    failOnLevel: request.thresholds.findings,
    highs: await solver(),
    budget: request.budget,
    by: request.by,
    ...(request.defaultCost !== undefined ? { defaultCost: request.defaultCost } : {}),
    replaceWith: request.replaceWith,
    timeLimit: request.timeLimit,
    ...(events.timings ? { timings: events.timings } : {}),
  });
  events.progress?.clear();
  if (request.writeAfter === undefined) return { loaded, outcome };
  const phases = new Map(outcome.result.items.map((i) => [i.id, i.phase]));
  return { loaded, outcome, afterYaml: topologyAfterYaml(loaded.topology, outcome.after, phases) };
}

/** The one line on stderr after writing files. */
export function planOutcomeLine(result: PlanResult, files: readonly string[]): string {
  const n = result.items.length;
  const proof = result.optimal ? "optimal" : `not proven optimal, gap ${(result.gap * 100).toFixed(2)}%`;
  return `cleanpath: plan of ${n} item${n === 1 ? "" : "s"}, ${result.objective === "count" ? "count" : "cost"} ${result.totalCost} (${proof}); ${result.passed ? "everything passes after it" : "some checks still fail"}; wrote ${files.join(", ")}\n`;
}
