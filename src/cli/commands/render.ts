import { resolve } from "node:path";
import { settle } from "../../decide.js";
import { reportFormats } from "../../report/index.js";
import { parseOutputs, refuseInputTargets } from "../../run/outputs.js";
import { parseFailLevel } from "../../run/request.js";
import { loadSavedResult, readInput } from "../../run/saved.js";
import { parseMegabytes, Timings } from "../context.js";
import { nodeHost } from "../host.js";
import { collect, displayOptions, examples, outputOptions } from "../options.js";
import { deliver } from "../deliver.js";
import type { CommandModule } from "./index.js";

interface RenderFlags {
  format?: string[];
  output?: string;
  failOn?: string[];
  color?: boolean;
  quiet?: boolean;
  maxFileSize?: number;
}

export const renderCommand: CommandModule = (command, ctx) => {
  const cmd = command
    .description(
      "Render a result saved with `--format json` in any format, later and elsewhere (a CI job that audits once and publishes SARIF, JUnit and a Markdown comment from the same result). The file is checked against the report schema first. The exit code comes from the result, as audit's does: each pair keeps the threshold it was audited with, and findings fail at the level the audit used unless --fail-on says otherwise.",
    )
    .argument("<result>", "a result saved with --format json");
  outputOptions(cmd, reportFormats, "table").option("--fail-on <level>", "fail on unwaived rule findings at this level or worse (error, warning; default: the level the result was audited with)", collect);
  displayOptions(cmd)
    .option("--max-file-size <MB>", "largest input file accepted (default 1024)", parseMegabytes("--max-file-size"))
    .addHelpText(
      "after",
      examples(
        "cleanpath audit path topo.yaml --from gw --to hq --format json -o result.json",
        "cleanpath render result.json --format sarif:cleanpath.sarif --format junit:junit.xml --format github",
        "cleanpath render result.json --format markdown -o comment.md",
      ) + "\nExit codes: 0 the result passes, 1 it fails, 2 the file is not a valid result or bad usage.",
    )
    .action(async (path: string, flags: RenderFlags) => {
      parseFailLevel(flags.failOn ?? []);
      const outputs = parseOutputs(reportFormats, flags, "table");
      const host = nodeHost(ctx.io.cwd);
      refuseInputTargets(host, outputs, [resolve(ctx.io.cwd, path)]);
      const saved = loadSavedResult(readInput(host, path, flags.maxFileSize));
      // At another level than the audit's, decided afresh: summary, rules and exit code agree.
      const recorded = saved.summary.failOnLevel ?? "error";
      const level = parseFailLevel(flags.failOn ?? [], recorded);
      const result = level === recorded ? saved : settle(saved, level);
      await deliver(ctx, result, { outputs, quiet: flags.quiet === true, thresholds: { pairs: "routed-dirty", findings: level } }, flags.color, new Timings(false));
    });
};
