import { Option } from "commander";
import { describeReport, validateFiles, validationJson } from "../../run/validate.js";
import { chalkFor, printDiagnostics, Timings, useColor } from "../context.js";
import { nodeHost } from "../host.js";
import { examples, limitOptions } from "../options.js";
import type { CommandModule } from "./index.js";

interface ValidateOptions {
  format: "text" | "json";
  quiet?: boolean;
  color?: boolean;
  maxFileSize?: number;
  maxFullYamlSize?: number;
}

export const validateCommand: CommandModule = (command, ctx) => {
  const cmd = command
    .description(
      "Check topology files: YAML/JSON syntax, the format-1 schema, references between items, and vendor names. Each file is checked on its own, with the files it includes; a folder means the *.yaml, *.yml and *.json files directly in it (files included by another one are checked as part of it; files without a top-level `cleanpath:` key are skipped with a warning). Problems are printed as `file:line:col  code  message`. Unknown vendors are warnings.",
    )
    .argument("<paths...>", "topology files or folders")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-q, --quiet", "print only errors")
    .option("--no-color", "never colour the output");
  limitOptions(cmd)
    .addHelpText(
      "after",
      examples("cleanpath validate examples/                 every example, each on its own", "cleanpath validate topo.yaml --format json   diagnostics as JSON for tools") +
        "\nExit codes: 0 valid (warnings allowed), 2 invalid. With --format json the report goes to stdout either way.",
    )
    .action((paths: string[], opts: ValidateOptions) => {
      const { io } = ctx;
      const timings = new Timings(io.env.CLEANPATH_TIMINGS === "1");
      const limits = { ...(opts.maxFileSize ? { maxFileBytes: opts.maxFileSize } : {}), ...(opts.maxFullYamlSize ? { maxFullYamlBytes: opts.maxFullYamlSize } : {}) };
      const sink = timings.sink();
      const v = validateFiles(nodeHost(io.cwd), paths, limits, sink ? { timings: sink } : {});
      const errColor = useColor(io, "stderr", opts.color);
      if (!opts.quiet) printDiagnostics(io, v.skipped, errColor);
      ctx.exitCode = v.valid ? 0 : 2;
      const all = v.reports.flatMap((r) => r.diagnostics).filter((d) => !opts.quiet || d.severity === "error");
      printDiagnostics(io, all, errColor);
      if (opts.format === "json") {
        io.stdout(validationJson(v));
      } else if (v.valid && !opts.quiet) {
        const c = chalkFor(useColor(io, "stdout", opts.color));
        for (const r of v.reports) io.stdout(`${c.green("valid")}  ${r.file}  ${describeReport(r)}\n`);
      }
      if (!v.valid) {
        const bad = v.reports.filter((r) => !r.valid).length;
        const errors = all.filter((d) => d.severity === "error").length;
        io.stderr(`cleanpath: ${bad} of ${v.reports.length} file${v.reports.length === 1 ? "" : "s"} invalid (${errors} error${errors === 1 ? "" : "s"})\n`);
      }
      timings.flush(io);
    });
};
