import { reportFormats } from "../../report/index.js";
import type { AuditFlags } from "../../run/request.js";
import { auditOptions, examples, pairOptions } from "../options.js";
import { auditAndDeliver } from "../deliver.js";
import type { CommandModule } from "./index.js";

export const reportCommand: CommandModule = (command, ctx) => {
  const cmd = command
    .description(
      "Audit the flows declared in the files (or the pair --from/--to) and write a report for people: by default one self-contained HTML file (nothing is fetched when it opens) with the summary, filterable tables of pairs and rules, a diagram of each failing pair, vendor shares per role and operator, a map of the located sites and the findings with the regulation each cites. It prints cleanly to PDF. Same options as `audit`; --format defaults to html here.",
    )
    .argument("<files...>", "topology files or folders (together they form one topology)");
  pairOptions(auditOptions(cmd, reportFormats, "html"), "audit this pair instead of the declared flows")
    .addHelpText(
      "after",
      examples(
        "cleanpath report examples/national-wholesale.yaml -o report.html",
        "cleanpath report examples/embassy-to-hq.yaml --from embassy-cpe --to hq-dc --failures 1 -o embassy.html",
        "cleanpath report topo/ --as-of 2026-01-01 --format html:client.html --format json:audit.json",
      ) + "\nThe exit code is the audit's: 0 every pair passes, 1 a pair or rule fails, 2 bad input or usage.",
    )
    // The same audit as `cleanpath audit` (flows and rules) or `audit path` (--from/--to); a report
    // of a network with nothing declared still shows its inventory, vendor shares and map.
    .action((files: string[], flags: AuditFlags) =>
      auditAndDeliver(ctx, flags.from !== undefined || flags.to !== undefined ? "path" : "all", files, flags, { defaultFormat: "html", allowEmpty: true }),
    );
};
