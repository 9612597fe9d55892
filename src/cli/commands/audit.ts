import type { Command } from "commander";
import { reportFormats } from "../../report/index.js";
import type { AuditFlags } from "../../run/request.js";
import { auditAndDeliver } from "../deliver.js";
import { auditOptions, examples, exitCodes } from "../options.js";
import type { CommandModule } from "./index.js";

function subcommand(parent: Command, name: string, summary: string, description: string, args: string): Command {
  return auditOptions(parent.command(name).summary(summary).description(description).argument(args, "topology and policy files or folders (together they form one topology)"), reportFormats);
}

export const auditCommand: CommandModule = (command, ctx) => {
  const auditCmd = auditOptions(
    command
      .description(
        "Audit a network: every flow the files declare (each pair its selectors expand to) and every rule of the policies in effect (--policy, and the policy keys in the files). Exits 1 when any flow or rule fails; findings below the --fail-on level (default error) never fail the run.",
      )
      .argument("[files...]", "topology and policy files or folders (together they form one topology)")
      // `audit` and its subcommands share option names: without this the parent would take them.
      .enablePositionalOptions(),
    reportFormats,
  )
    .addHelpText(
      "after",
      examples(
        "cleanpath audit examples/embassy-to-hq.yaml",
        "cleanpath audit topo/ --policy uk-dvd-2022 --as-of 2027-12-31",
        "cleanpath audit topo/ --policy policy.yaml --format table --format sarif:cleanpath.sarif",
      ) + exitCodes,
    )
    .action((files: string[], flags: AuditFlags) => auditAndDeliver(ctx, "all", files, flags));

  subcommand(
    auditCmd,
    "path",
    "audit the paths between --from and --to",
    "Audit every path between two endpoints (or the pairs two selectors expand to): whether the routed (shortest, equal-cost) paths cross high-risk equipment, whether a clean path exists, whether one failure moves traffic onto risky equipment, and which risky items lie on any path at all. The verdict is one word, worst first: unreachable, dirty, routed-dirty, fragile, exposed, clean.",
    "<files...>",
  )
    .requiredOption("--from <endpoint>", "an element id, or a selector key=value[,key=value…] (keys: id, role, vendor, operator, site, country, region, tag)")
    .requiredOption("--to <endpoint>", "an element id or a selector, as --from")
    .addHelpText(
      "after",
      examples(
        "cleanpath audit path examples/embassy-to-hq.yaml --from embassy-cpe --to hq-dc",
        "cleanpath audit path topo.yaml --from role=ran,tag=border --to dc-mty --failures 1",
        "cleanpath audit path topo/ --from gw --to hq --format json -o audit.json",
      ) + exitCodes,
    )
    .action((files: string[], flags: AuditFlags) => auditAndDeliver(ctx, "path", files, flags));

  subcommand(
    auditCmd,
    "flows",
    "audit every flow the files declare",
    "Audit every declared flow (topology and policy files): each with its own failOn and failures, or --fail-on and --failures.",
    "<files...>",
  )
    .addHelpText("after", examples("cleanpath audit flows examples/embassy-to-hq.yaml", "cleanpath audit flows topo/ --failures 1") + exitCodes)
    .action((files: string[], flags: AuditFlags) => auditAndDeliver(ctx, "flows", files, flags));

  subcommand(
    auditCmd,
    "rules",
    "check the placement, cap, diversity and deadline rules of the policies",
    "Check the rules of the policies in effect: forbidden placements, share caps, vendor diversity, removal deadlines and installation bans, as of --as-of.",
    "<files...>",
  )
    .addHelpText(
      "after",
      examples("cleanpath audit rules topo/ --policy uk-dvd-2022", "cleanpath audit rules topo/ --policy uk-dvd-2022 --as-of 2027-12-31   will the planned swaps make the deadline?") + exitCodes,
    )
    .action((files: string[], flags: AuditFlags) => auditAndDeliver(ctx, "rules", files, flags));
};
