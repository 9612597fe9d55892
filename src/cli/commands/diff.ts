import { diffRegistry } from "../../diff/report.js";
import { diffRequest } from "../../run/diff.js";
import { renderOutputs } from "../../run/outputs.js";
import { type AuditFlags, auditRequest } from "../../run/request.js";
import { version } from "../../version.js";
import { runEvents, useColor } from "../context.js";
import { nodeHost } from "../host.js";
import { auditOptions, examples, pairOptions } from "../options.js";
import { writeOutputs } from "../outputs.js";
import { clockOf } from "../deliver.js";
import type { CommandModule } from "./index.js";

export const diffCommand: CommandModule = (command, ctx) => {
  const cmd = command
    .description(
      "Compare two versions of a network: two topology files or folders (both audited here, with the flows they declare or the pair --from/--to, and the same options), or two results saved with `--format json`. Lists pairs whose verdict got worse or better (or that now fail), rules that now fail, findings that appeared or disappeared (matched by rule and items), and items added, removed or whose vendor changed.",
    )
    .argument("<before>", "topology file or folder, or a saved JSON result")
    .argument("<after>", "the same kind as <before>");
  pairOptions(auditOptions(cmd, diffRegistry), "compare this pair instead of the declared flows")
    .addHelpText(
      "after",
      examples(
        "cleanpath diff main/topo.yaml topo.yaml                      flows declared in the files",
        "cleanpath diff old/ new/ --from role=ran,tag=border --to dc-mty",
        "cleanpath diff before.json after.json --format markdown -o comment.md",
        "cleanpath diff base/ head/ --format markdown:comment.md --format github",
      ) +
        "\nExit codes: 0 nothing got worse, 1 a pair's verdict got worse or it now fails, a rule now fails, or a new unwaived error finding appeared; 2 bad input or usage.",
    )
    .action(async (before: string, after: string, flags: AuditFlags) => {
      const request = auditRequest([before, after], flags, { mode: flags.from !== undefined ? "path" : "all", clock: clockOf(ctx), registry: diffRegistry });
      const diff = diffRequest(nodeHost(ctx.io.cwd), before, after, request, runEvents(ctx.io, flags));
      const rendered = await renderOutputs(diffRegistry, diff, request.outputs, {
        color: (toStdout) => toStdout && useColor(ctx.io, "stdout", flags.color),
        version,
        baseDir: ctx.io.cwd,
        ...(flags.quiet ? { quiet: true } : {}),
      });
      writeOutputs(ctx.io, rendered);
      ctx.exitCode = diff.summary.gotWorse ? 1 : 0;
    });
};
