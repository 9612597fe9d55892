import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { audit } from "../../audit/index.js";
import type { PairRequest } from "../../audit/pairs.js";
import { type AuditResult, type Verdict, verdicts } from "../../result.js";
import { errorAt, InputError } from "../../diagnostics.js";
import { type Policy, resolvePolicy } from "../../policy/policy.js";
import { runRules } from "../../policy/rules/index.js";
import { loadGraphviz } from "../../report/graphviz.js";
import { formats, reporterFor } from "../../report/index.js";
import { loadTopology, type LoadedTopology } from "../../topology/index.js";
import { isCalendarDate } from "../../topology/normalise.js";
import { parseSelectorArg } from "../../topology/select.js";
import type { Topology } from "../../topology/types.js";
import { version } from "../../version.js";
import { parseMegabytes, printDiagnostics, Progress, Timings, useColor } from "../context.js";
import { writeFileAtomic } from "../files.js";
import { expandInputs, heapLimitBytes, nodeHost } from "../host.js";
import type { CliContext, CommandModule } from "./index.js";

/** Options every audit command shares (SPEC §6). */
export interface AuditFlags {
  format: string[];
  output?: string;
  failOn: string[];
  failures: number;
  asOf?: string;
  unknownVendor?: "risky" | "clean";
  riskVendor: string[];
  policy: string[];
  maxPairs: number;
  color?: boolean;
  quiet?: boolean;
  progress?: boolean;
  maxFileSize?: number;
  maxFullYamlSize?: number;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function positiveInt(flag: string, max = Number.MAX_SAFE_INTEGER): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 0 || n > max) {
      throw new InputError([errorAt("E_USAGE", `${flag} takes a whole number${max < 1e6 ? ` from 0 to ${max}` : ""}, not \`${v}\``)]);
    }
    return n;
  };
}

/** Adds the shared audit options to a command. */
export function auditOptions(cmd: Command): Command {
  return cmd
    .option(
      "-f, --format <format[:file]>",
      `output format (${formats.join(", ")}); repeat for several outputs, each with its own file: --format table --format sarif:out.sarif`,
      collect,
      [],
    )
    .option("-o, --output <file>", "write the report (the format given without a file) to this file, atomically, instead of stdout")
    .option(
      "--fail-on <threshold>",
      `fail on a pair verdict this bad or worse (${verdicts.join(", ")}; default routed-dirty), or on rule findings at this level (error, warning; default error); repeat to set both`,
      collect,
      [],
    )
    .option("--failures <n>", "single failures (1) or pairs of failures (2) to simulate for the fragile verdict", positiveInt("--failures", 2), 0)
    .option("--as-of <date>", "judge dates, aliases and deadlines on this day (YYYY-MM-DD; default today)")
    .option("-p, --policy <file|profile>", "a policy file or a built-in profile (`cleanpath profiles`); repeatable, merged in order", collect, [])
    .addOption(new Option("--unknown-vendor <mode>", "count items of unknown vendor as risky or clean (default: the policy's, else risky)").choices(["risky", "clean"]))
    .option("--risk-vendor <name>", "designate exactly these vendors (repeatable), replacing the default Huawei and ZTE and any policy's vendors and lists", collect, [])
    .option("--max-pairs <n>", "refuse selectors that expand to more pairs than this", positiveInt("--max-pairs"), 10_000)
    .option("--no-color", "never colour the output")
    .option("-q, --quiet", "print only what fails")
    .option("--no-progress", "never show progress on the terminal")
    .option("--max-file-size <MB>", "largest input file accepted (default 1024)", parseMegabytes("--max-file-size"))
    .option("--max-full-yaml-size <MB>", "largest YAML file read by the full parser (default 10)", parseMegabytes("--max-full-yaml-size"));
}

export interface Thresholds {
  pairs: Verdict;
  findings: "error" | "warning";
}

export function thresholds(values: readonly string[]): Thresholds {
  const out: Thresholds = { pairs: "routed-dirty", findings: "error" };
  for (const v of values) {
    if ((verdicts as readonly string[]).includes(v)) out.pairs = v as Verdict;
    else if (v === "error" || v === "warning") out.findings = v;
    else {
      throw new InputError([
        errorAt("E_USAGE", `--fail-on takes a verdict (${verdicts.join(", ")}) or a finding level (error, warning), not \`${v}\``),
      ]);
    }
  }
  return out;
}

/** The report date and the judging date: SOURCE_DATE_EPOCH makes both reproducible. */
export function clockOf(ctx: CliContext, asOf: string | undefined): { generatedAt: string; asOf: string } {
  const epoch = ctx.io.env.SOURCE_DATE_EPOCH;
  let now = ctx.io.now();
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

/** The inputs, loaded, plus the merged policy. */
export interface Loaded extends LoadedTopology {
  policy: Policy;
  progress: Progress;
}

/**
 * Loads the topology files and the `--policy` files (one topology, SPEC §6), then merges the
 * policies; prints the warnings.
 */
export function loadInputs(ctx: CliContext, paths: readonly string[], flags: AuditFlags, timings: Timings): Loaded {
  const color = useColor(ctx.io, "stderr", flags.color);
  const files = expandInputs(paths, ctx.io.cwd, (d) => {
    if (!flags.quiet) printDiagnostics(ctx.io, [d], color);
  });
  const host = nodeHost(ctx.io.cwd);
  const bytes = files.reduce((n, f) => n + host.stat(f).size, 0);
  const progress = Progress.for(ctx.io, flags.progress, bytes);
  progress.note(`cleanpath: reading ${files.length} file${files.length === 1 ? "" : "s"} (${Math.round(bytes / 1048576)} MB)…`);
  const policyFiles = new Map<string, string>();
  for (const p of flags.policy) {
    if (/\.(ya?ml|json)$/i.test(p)) policyFiles.set(resolve(ctx.io.cwd, p), p);
  }
  const loadOptions = {
    hash: true,
    heapLimitBytes: heapLimitBytes(),
    policyFiles: new Set([...policyFiles.keys()].map((p) => realpathOr(p))),
    ...(flags.maxFileSize ? { maxFileBytes: flags.maxFileSize } : {}),
    ...(flags.maxFullYamlSize ? { maxFullYamlBytes: flags.maxFullYamlSize } : {}),
    timings: timings.sink(),
  };
  const loaded = loadTopology([...files, ...policyFiles.keys()], host, loadOptions);
  const byPath = new Map(loaded.files.map((f) => [f.path, f]));
  const policyArgs = flags.policy.map((value) => {
    const path = /\.(ya?ml|json)$/i.test(value) ? realpathOr(resolve(ctx.io.cwd, value)) : undefined;
    const file = path ? byPath.get(path) : undefined;
    return file ? { value, file } : { value };
  });
  const argFiles = new Set(policyArgs.filter((a) => a.file).map((a) => a.file!.path));
  const policy = timings.time("policy", () =>
    resolvePolicy(
      loaded.files.filter((f) => !argFiles.has(f.path)),
      loaded.registry,
      host,
      {
        policyArgs,
        ...(flags.unknownVendor ? { unknownVendor: flags.unknownVendor } : {}),
        riskVendors: flags.riskVendor,
      },
    ),
  );
  progress.clear();
  if (!flags.quiet) printDiagnostics(ctx.io, loaded.warnings, color);
  return { ...loaded, policy, progress };
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Where each requested format goes: `name` (stdout, or -o) or `name:path`. */
export interface OutputSpec {
  format: string;
  path?: string;
}

/** What writing a report needs from the flags. */
export type OutputFlags = Pick<AuditFlags, "format" | "output" | "color" | "quiet">;

export function outputSpecs(flags: Pick<AuditFlags, "format" | "output">): OutputSpec[] {
  const specs: OutputSpec[] = (flags.format.length ? flags.format : ["table"]).map((f) => {
    const colon = f.indexOf(":");
    const format = colon < 0 ? f : f.slice(0, colon);
    reporterFor(format); // unknown names fail here, before any work
    if (colon >= 0 && f.slice(colon + 1) === "") throw new InputError([errorAt("E_USAGE", `--format ${f}: give a file after the colon, or no colon`)]);
    return colon < 0 ? { format } : { format, path: f.slice(colon + 1) };
  });
  const toStdout = specs.filter((s) => s.path === undefined);
  if (flags.output !== undefined) {
    if (toStdout.length !== 1) {
      throw new InputError([errorAt("E_USAGE", "-o names one file: use it with exactly one --format that has no file of its own")]);
    }
    toStdout[0]!.path = flags.output;
  } else if (toStdout.length > 1) {
    throw new InputError([
      errorAt("E_USAGE", `only one format can go to stdout (${toStdout.map((s) => s.format).join(", ")}); give the others a file: --format ${toStdout[1]!.format}:report.${toStdout[1]!.format}`),
    ]);
  }
  return specs;
}

/** Renders every output, writes the files (each atomically), and sets the exit code from the result — never from the formats. */
export async function finish(ctx: CliContext, result: AuditResult, flags: OutputFlags, th: Thresholds, timings: Timings): Promise<void> {
  const specs = outputSpecs(flags);
  // The html report draws its diagrams with Graphviz, whose WebAssembly starts asynchronously.
  const graphviz = specs.some((s) => s.format === "html") ? await loadGraphviz() : undefined;
  const rendered = timings.time("report", () =>
    specs.map((spec) => ({
      spec,
      text: reporterFor(spec.format)(result, {
        color: spec.path === undefined && useColor(ctx.io, "stdout", flags.color),
        version,
        baseDir: ctx.io.cwd,
        ...(flags.quiet ? { quiet: true } : {}),
        ...(graphviz ? { graphviz } : {}),
      }),
    })),
  );
  timings.time("write", () => {
    for (const { spec, text } of rendered) if (spec.path !== undefined) writeFileAtomic(spec.path, text);
  });
  for (const { spec, text } of rendered) if (spec.path === undefined) for (const piece of typeof text === "string" ? [text] : text) ctx.io.stdout(piece);
  const files = rendered.filter((r) => r.spec.path !== undefined).map((r) => r.spec.path!);
  if (files.length > 0 && !flags.quiet) {
    const s = result.summary;
    ctx.io.stderr(
      `cleanpath: ${s.passed ? "passed" : "failed"} (${s.pairs} pair${s.pairs === 1 ? "" : "s"}, ${s.failedPairs} failing; ${s.failedRules} rule${s.failedRules === 1 ? "" : "s"} failing); wrote ${files.join(", ")}\n`,
    );
  }
  ctx.exitCode = exitCode(result, th);
  timings.flush(ctx.io);
}

/** 1 when any pair fails its threshold or any unwaived finding reaches the findings level. */
export function exitCode(result: AuditResult, th: Thresholds): 0 | 1 {
  if (result.pairs.some((p) => !p.passed)) return 1;
  if (result.rules.some((r) => !r.passed)) return 1;
  const levels = th.findings === "warning" ? ["error", "warning"] : ["error"];
  if (result.findings.some((f) => !f.waived && levels.includes(f.level) && f.rule !== "risky-endpoint")) return 1;
  if (th.findings === "warning" && result.findings.some((f) => !f.waived && f.level === "warning")) return 1;
  return 0;
}

export type Mode = "path" | "flows" | "rules" | "all";

/** The flows declared in the files (topology and policy), as requests with their thresholds. */
export function flowRequests(topology: Topology, flags: Pick<AuditFlags, "failures">, th: Thresholds): PairRequest[] {
  return topology.flows.map((f) => ({
    flow: f.id,
    from: f.from,
    to: f.to,
    failures: f.failures ?? flags.failures,
    failOn: (f.failOn as Verdict | undefined) ?? th.pairs,
    location: f.location,
  }));
}

/**
 * Audits loaded inputs: the pair of --from/--to (mode "path"), the declared flows, the rules, or
 * flows and rules ("all"). Refuses to audit nothing.
 */
export function auditLoaded(
  loaded: Loaded,
  mode: Mode,
  flags: AuditFlags & { from?: string; to?: string },
  th: Thresholds,
  clock: { generatedAt: string; asOf: string },
  timings: Timings,
  options: { allowEmpty?: boolean } = {},
): AuditResult {
  const adhoc: PairRequest[] =
    flags.from !== undefined && flags.to !== undefined
      ? [{ flow: null, from: parseSelectorArg(flags.from, "--from"), to: parseSelectorArg(flags.to, "--to"), failures: flags.failures, failOn: th.pairs }]
      : [];
  if ((flags.from === undefined) !== (flags.to === undefined)) {
    throw new InputError([errorAt("E_USAGE", "give both --from and --to, or neither (to use the flows declared in the files)")]);
  }
  const requests: PairRequest[] = mode === "path" ? adhoc : mode === "flows" || mode === "all" ? flowRequests(loaded.topology, flags, th) : [];
  const rules = mode === "rules" || mode === "all" ? loaded.policy.rules : [];
  if (mode === "flows" && requests.length === 0) {
    throw new InputError([errorAt("E_NOTHING_TO_AUDIT", "no flows are declared in these files (add `flows:`, or use `cleanpath audit path --from … --to …`)")]);
  }
  if (mode === "rules" && rules.length === 0) {
    throw new InputError([errorAt("E_NOTHING_TO_AUDIT", "no rules apply: give a policy with rules (--policy FILE, or a profile such as --policy uk-dvd-2022; see `cleanpath profiles`)")]);
  }
  if (mode === "all" && requests.length === 0 && rules.length === 0 && !options.allowEmpty) {
    throw new InputError([
      errorAt("E_NOTHING_TO_AUDIT", "nothing to audit: the files declare no flows and no policy with rules applies (add `flows:`, pass --policy, or use `cleanpath audit path --from … --to …`)"),
    ]);
  }
  loaded.progress.note(`cleanpath: auditing ${requests.length} request${requests.length === 1 ? "" : "s"} and ${rules.length} rule${rules.length === 1 ? "" : "s"}…`);
  const result = audit({
    topology: loaded.topology,
    registry: loaded.registry,
    spec: loaded.policy.spec,
    requests,
    rules,
    runRules,
    waivers: loaded.policy.waivers,
    ...clock,
    version,
    maxPairs: flags.maxPairs,
    ...(timings.sink() ? { timings: timings.sink()! } : {}),
  });
  loaded.progress.clear();
  return result;
}

async function run(ctx: CliContext, mode: Mode, files: string[], flags: AuditFlags & { from?: string; to?: string }): Promise<void> {
  const timings = new Timings(ctx.io.env.CLEANPATH_TIMINGS === "1");
  const th = thresholds(flags.failOn);
  outputSpecs(flags);
  const clock = clockOf(ctx, flags.asOf);
  if (mode === "path") {
    parseSelectorArg(flags.from!, "--from");
    parseSelectorArg(flags.to!, "--to");
  }
  const loaded = loadInputs(ctx, files, flags, timings);
  const result = auditLoaded(loaded, mode, flags, th, clock, timings);
  await finish(ctx, result, flags, th, timings);
}

const exitCodes = "\nExit codes: 0 everything passes, 1 a pair or rule fails its --fail-on threshold, 2 bad input or usage.";

export const auditCommand: CommandModule = (program, ctx) => {
  const auditCmd = auditOptions(
    program
      .command("audit")
      .summary("audit the declared flows and the policy's rules (the CI one-liner)")
      .description(
        "Audit a network: every flow the files declare (each pair its selectors expand to) and every rule of\n" +
          "the policies in effect (--policy, and the policy keys in the files). Exits 1 when any flow or rule\n" +
          "fails; findings below the --fail-on level (default error) never fail the run.",
      )
      .argument("[files...]", "topology and policy files or folders (together they form one topology)")
      // `audit` and its subcommands share option names: without this the parent would take them.
      .enablePositionalOptions(),
  )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  cleanpath audit examples/embassy-to-hq.yaml\n" +
        "  cleanpath audit topo/ --policy uk-dvd-2022 --as-of 2027-12-31\n" +
        "  cleanpath audit topo/ --policy policy.yaml --format table --format sarif:cleanpath.sarif\n" +
        exitCodes,
    )
    .action((files: string[], flags: AuditFlags) => {
      if (files.length === 0) throw new InputError([errorAt("E_USAGE", "give the topology files or folders to audit (see `cleanpath audit --help`)")]);
      return run(ctx, "all", files, flags);
    });

  auditOptions(
    auditCmd
      .command("path")
      .summary("audit the paths between --from and --to")
      .description(
        "Audit every path between two endpoints (or the pairs two selectors expand to): whether the routed\n" +
          "(shortest, equal-cost) paths cross high-risk equipment, whether a clean path exists, whether one\n" +
          "failure moves traffic onto risky equipment, and which risky items lie on any path at all.\n" +
          "The verdict is one word, worst first: unreachable, dirty, routed-dirty, fragile, exposed, clean.",
      )
      .argument("<files...>", "topology files or folders (together they form one topology)")
      .requiredOption("--from <endpoint>", "an element id, or a selector key=value[,key=value…] (keys: id, role, vendor, operator, site, country, region, tag)")
      .requiredOption("--to <endpoint>", "an element id or a selector, as --from"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  cleanpath audit path examples/embassy-to-hq.yaml --from embassy-cpe --to hq-dc\n" +
        "  cleanpath audit path topo.yaml --from role=ran,tag=border --to dc-mty --failures 1\n" +
        "  cleanpath audit path topo/ --from gw --to hq --format json -o audit.json\n" +
        exitCodes,
    )
    .action((files: string[], flags: AuditFlags & { from: string; to: string }) => run(ctx, "path", files, flags));

  auditOptions(
    auditCmd
      .command("flows")
      .summary("audit every flow the files declare")
      .description("Audit every declared flow (topology and policy files): each with its own failOn and failures, or --fail-on and --failures.")
      .argument("<files...>", "topology and policy files or folders"),
  )
    .addHelpText("after", "\nExamples:\n  cleanpath audit flows examples/embassy-to-hq.yaml\n  cleanpath audit flows topo/ --failures 1\n" + exitCodes)
    .action((files: string[], flags: AuditFlags) => run(ctx, "flows", files, flags));

  auditOptions(
    auditCmd
      .command("rules")
      .summary("check the placement, cap, diversity and deadline rules of the policies")
      .description("Check the rules of the policies in effect: forbidden placements, share caps, vendor diversity, removal deadlines and installation bans, as of --as-of.")
      .argument("<files...>", "topology and policy files or folders"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  cleanpath audit rules topo/ --policy uk-dvd-2022\n  cleanpath audit rules topo/ --policy uk-dvd-2022 --as-of 2027-12-31   will the planned swaps make the deadline?\n" + exitCodes,
    )
    .action((files: string[], flags: AuditFlags) => run(ctx, "rules", files, flags));
};
