import type { PairRequest } from "../../audit/pairs.js";
import { audit } from "../../audit/index.js";
import { type Verdict, verdicts } from "../../audit/result.js";
import { errorAt, InputError } from "../../diagnostics.js";
import { defaultRiskSpec, riskVendorSpec } from "../../policy/risk-spec.js";
import { loadGraphviz } from "../../report/graphviz.js";
import type { Topology } from "../../topology/types.js";
import { parseSelectorArg } from "../../topology/select.js";
import { version } from "../../version.js";
import { Timings } from "../context.js";
import { type AuditFlags, auditOptions, clockOf, finish, loadInputs, outputSpecs, type Thresholds, thresholds } from "./audit.js";
import type { CommandModule } from "./index.js";

/**
 * What to audit: `--from/--to` (both or neither), else every flow declared in the files.
 * Policy flows join here once policies load (the policy loader is separate).
 */
export function pairRequests(topology: Topology, flags: { from?: string; to?: string; failures: number }, th: Thresholds): PairRequest[] {
  if ((flags.from === undefined) !== (flags.to === undefined)) {
    throw new InputError([errorAt("E_USAGE", `give both --from and --to, or neither (to use the flows declared in the files)`)]);
  }
  if (flags.from !== undefined && flags.to !== undefined) {
    return [{ flow: null, from: parseSelectorArg(flags.from, "--from"), to: parseSelectorArg(flags.to, "--to"), failures: flags.failures, failOn: th.pairs }];
  }
  if (topology.flows.length === 0) {
    throw new InputError([errorAt("E_USAGE", "the files declare no flows: declare some under `flows:`, or give a pair with --from and --to")]);
  }
  return topology.flows.map((f) => ({
    flow: f.id,
    from: f.from,
    to: f.to,
    failures: f.failures ?? flags.failures,
    // The schema admits only verdicts here; anything else falls back to the command line's threshold.
    failOn: (verdicts as readonly string[]).includes(f.failOn ?? "") ? (f.failOn as Verdict) : th.pairs,
    location: f.location,
  }));
}

type ReportFlags = AuditFlags & { from?: string; to?: string };

export const reportCommand: CommandModule = (program, ctx) => {
  auditOptions(
    program
      .command("report")
      .summary("write a self-contained report for a client (HTML by default, also Markdown)")
      .description(
        "Audit the flows declared in the files (or the pair --from/--to) and write a report for people:\n" +
          "by default one self-contained HTML file (nothing is fetched when it opens) with the summary,\n" +
          "filterable tables of pairs and rules, a diagram of each failing pair, vendor shares per role\n" +
          "and operator, a map of the located sites and the findings with the regulation each cites.\n" +
          "It prints cleanly to PDF. Same options as `audit`; --format defaults to html here.",
      )
      .argument("<files...>", "topology files or folders (together they form one topology)")
      .option("--from <endpoint>", "audit this pair instead of the declared flows: an element id or a selector key=value[,key=value…]")
      .option("--to <endpoint>", "the other end, as --from"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  cleanpath report examples/national-wholesale.yaml -o report.html\n" +
        "  cleanpath report examples/embassy-to-hq.yaml --from embassy-cpe --to hq-dc --failures 1 -o embassy.html\n" +
        "  cleanpath report topo/ --as-of 2026-01-01 --format html:client.html --format json:audit.json\n" +
        "\nThe exit code is the audit's: 0 every pair passes, 1 a pair or rule fails, 2 bad input or usage.",
    )
    .action(async (files: string[], flags: ReportFlags) => {
      const timings = new Timings(ctx.io.env.CLEANPATH_TIMINGS === "1");
      if (flags.format.length === 0) flags.format = ["html"];
      const th = thresholds(flags.failOn);
      const specs = outputSpecs(flags);
      const clock = clockOf(ctx, flags.asOf);
      const loaded = loadInputs(ctx, files, flags, timings);
      const requests = pairRequests(loaded.topology, flags, th);
      const spec = flags.riskVendor.length > 0 ? riskVendorSpec(flags.riskVendor, loaded.registry, flags.unknownVendor) : defaultRiskSpec(flags.unknownVendor);
      const result = audit({
        topology: loaded.topology,
        registry: loaded.registry,
        spec,
        requests,
        ...clock,
        version,
        maxPairs: flags.maxPairs,
        ...(timings.sink() ? { timings: timings.sink()! } : {}),
      });
      // Graphviz (WebAssembly) starts asynchronously; the html reporter is synchronous and finds it loaded.
      if (specs.some((s) => s.format === "html")) await loadGraphviz();
      finish(ctx, result, flags, th, timings);
    });
};
