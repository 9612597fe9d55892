import { Timings } from "../context.js";
import { type AuditFlags, auditLoaded, auditOptions, clockOf, finish, loadInputs, outputSpecs, thresholds } from "./audit.js";
import type { CommandModule } from "./index.js";

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
      outputSpecs(flags);
      const clock = clockOf(ctx, flags.asOf);
      const loaded = loadInputs(ctx, files, flags, timings);
      // The same audit as `cleanpath audit` (flows and rules) or `audit path` (--from/--to); a report
      // of a network with nothing declared still shows its inventory, vendor shares and map.
      const mode = flags.from !== undefined || flags.to !== undefined ? "path" : "all";
      const result = auditLoaded(loaded, mode, flags, th, clock, timings, { allowEmpty: true });
      await finish(ctx, result, flags, th, timings);
    });
};
