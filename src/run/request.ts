/**
 * An audit request: everything a run needs, parsed once from the command line (or built by the
 * library API), checked before any file is read.
 */
import { type FailLevel, failLevels, type Thresholds } from "../decide.js";
import { errorAt, InputError } from "../diagnostics.js";
import type { Verdict } from "../result.js";
import { verdicts } from "../result.js";
import { isCalendarDate } from "../topology/normalise.js";
import { parseSelectorArg } from "../topology/select.js";
import type { Selector } from "../topology/types.js";
import { type FormatRegistry, type OutputSpec, parseOutputs } from "./outputs.js";

/** What to audit: one pair (`audit path`), the declared flows, the rules, or flows and rules. */
export type AuditMode = "path" | "flows" | "rules" | "all";

/** Limits on what is read. */
export interface InputLimits {
  maxFileBytes?: number;
  maxFullYamlBytes?: number;
}

/** The options shared by every command that audits, as commander collects them. */
export interface AuditFlags {
  format?: string[];
  output?: string;
  failOn?: string[];
  failures: number;
  asOf?: string;
  unknownVendor?: "risky" | "clean";
  riskVendor?: string[];
  policy?: string[];
  maxPairs: number;
  from?: string;
  to?: string;
  color?: boolean;
  quiet?: boolean;
  progress?: boolean;
  maxFileSize?: number;
  maxFullYamlSize?: number;
}

/** How a run chooses its policy: files and profiles, designated vendors, the unknown-vendor mode. */
export interface PolicyChoice {
  /** `--policy` values in order: policy files or built-in profile names. */
  policies: readonly string[];
  /** `--risk-vendor`: exactly these vendors are designated. */
  riskVendors: readonly string[];
  unknownVendor?: "risky" | "clean";
}

export interface AuditRequest extends PolicyChoice {
  mode: AuditMode;
  /** Topology (and policy) files and folders, as given. */
  inputs: readonly string[];
  /** The pair of `--from/--to`, parsed. */
  pair?: { from: Selector; to: Selector };
  /** Default `failures` of the pairs (a flow may set its own). */
  failures: number;
  thresholds: Thresholds;
  /** YYYY-MM-DD: the day dates, aliases and deadlines are judged on. */
  asOf: string;
  /** The report's timestamp. */
  generatedAt: string;
  maxPairs: number;
  limits: InputLimits;
  outputs: OutputSpec[];
  /** Audit even when nothing is declared (a report still shows the inventory, shares and map). */
  allowEmpty: boolean;
  quiet: boolean;
}

/** The clock of a run: now, or SOURCE_DATE_EPOCH (whole seconds) for reproducible output. */
export interface Clock {
  now: Date;
  sourceDateEpoch?: string;
}

/** `generatedAt` and `asOf` of a run: `--as-of`, else the day of `generatedAt`. */
export function runDates(clock: Clock, asOf: string | undefined): { generatedAt: string; asOf: string } {
  const epoch = clock.sourceDateEpoch;
  let now = clock.now;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new InputError([errorAt("E_USAGE", `SOURCE_DATE_EPOCH must be a whole number of seconds, not \`${epoch}\``)]);
    now = new Date(Number(epoch) * 1000);
  }
  const generatedAt = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    throw new InputError([errorAt("E_USAGE", `--as-of takes a date written YYYY-MM-DD, not \`${asOf}\``)]);
  }
  return { generatedAt, asOf: asOf ?? generatedAt.slice(0, 10) };
}

/** `--fail-on` values: a verdict sets the pairs' threshold, `error`/`warning` the findings'. */
export function parseThresholds(values: readonly string[]): Thresholds {
  const out: Thresholds = { pairs: "routed-dirty", findings: "error" };
  for (const v of values) {
    if ((verdicts as readonly string[]).includes(v)) out.pairs = v as Verdict;
    else if ((failLevels as readonly string[]).includes(v)) out.findings = v as FailLevel;
    else {
      throw new InputError([
        errorAt("E_USAGE", `--fail-on takes a verdict (${verdicts.join(", ")}) or a finding level (${failLevels.join(", ")}), not \`${v}\``),
      ]);
    }
  }
  return out;
}

/** `--fail-on` where only a finding level makes sense (render keeps each pair's recorded threshold). */
export function parseFailLevel(values: readonly string[], recorded: FailLevel = "error"): FailLevel {
  let level = recorded;
  for (const v of values) {
    if ((failLevels as readonly string[]).includes(v)) level = v as FailLevel;
    else throw new InputError([errorAt("E_USAGE", `each pair keeps its recorded threshold; --fail-on takes a finding level here (${failLevels.join(", ")}), not \`${v}\``)]);
  }
  return level;
}

export interface RequestOptions {
  mode: AuditMode;
  clock: Clock;
  registry: FormatRegistry<never>;
  /** Format when no --format is given (table; html for `report`). */
  defaultFormat?: string;
  allowEmpty?: boolean;
  /** `graph`: --from/--to are optional even in mode "path". */
  pairOptional?: boolean;
}

/** Parses the flags of an audit command into a request; every usage mistake is refused here. */
export function auditRequest(inputs: readonly string[], flags: AuditFlags, options: RequestOptions): AuditRequest {
  if (inputs.length === 0) throw new InputError([errorAt("E_USAGE", "give the topology files or folders to audit")]);
  const thresholds = parseThresholds(flags.failOn ?? []);
  const outputs = parseOutputs(options.registry, flags, options.defaultFormat ?? "table");
  const dates = runDates(options.clock, flags.asOf);
  if ((flags.from === undefined) !== (flags.to === undefined)) {
    throw new InputError([errorAt("E_USAGE", "give both --from and --to, or neither (to use the flows declared in the files)")]);
  }
  const pair = flags.from !== undefined && flags.to !== undefined ? { from: parseSelectorArg(flags.from, "--from"), to: parseSelectorArg(flags.to, "--to") } : undefined;
  if (options.mode === "path" && !pair && !options.pairOptional) throw new InputError([errorAt("E_USAGE", "give --from and --to: the endpoints of the pair to audit")]);
  return {
    mode: options.mode,
    inputs,
    policies: flags.policy ?? [],
    riskVendors: flags.riskVendor ?? [],
    ...(flags.unknownVendor ? { unknownVendor: flags.unknownVendor } : {}),
    ...(pair ? { pair } : {}),
    failures: flags.failures,
    thresholds,
    ...dates,
    maxPairs: flags.maxPairs,
    limits: {
      ...(flags.maxFileSize ? { maxFileBytes: flags.maxFileSize } : {}),
      ...(flags.maxFullYamlSize ? { maxFullYamlBytes: flags.maxFullYamlSize } : {}),
    },
    outputs,
    allowEmpty: options.allowEmpty ?? false,
    quiet: flags.quiet === true,
  };
}
