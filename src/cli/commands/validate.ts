import { Option } from "commander";
import { compareDiagnostics, type Diagnostic, InputError } from "../../diagnostics.js";
import { type LoadedFile, loadFiles } from "../../load/index.js";
import { resolvePolicy } from "../../policy/policy.js";
import { buildTopology } from "../../topology/index.js";
import { chalkFor, parseMegabytes, printDiagnostics, Timings, useColor } from "../context.js";
import { expandInputs, heapLimitBytes, nodeHost } from "../host.js";
import type { CommandModule } from "./index.js";

interface ValidateOptions {
  format: "text" | "json";
  quiet?: boolean;
  color?: boolean;
  maxFileSize?: number;
  maxFullYamlSize?: number;
}

interface FileReport {
  file: string;
  valid: boolean;
  policy?: boolean;
  included: string[];
  counts?: { elements: number; links: number; sites: number; operators: number; flows: number; rules: number; waivers: number };
  diagnostics: Diagnostic[];
}

export const validateCommand: CommandModule = (program, ctx) => {
  program
    .command("validate")
    .summary("check topology files: syntax, schema, references, vendors")
    .description(
      "Check topology files: YAML/JSON syntax, the format-1 schema, references between items, and\n" +
        "vendor names. Each file is checked on its own, with the files it includes; a folder means the\n" +
        "*.yaml, *.yml and *.json files directly in it (files included by another one are checked as part of\n" +
        "it; files without a top-level `cleanpath:` key are skipped with a warning).\n" +
        "Problems are printed as `file:line:col  code  message`. Unknown vendors are warnings.",
    )
    .argument("<paths...>", "topology files or folders")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-q, --quiet", "print only errors")
    .option("--no-color", "never colour the output")
    .option("--max-file-size <MB>", "largest file accepted (default 1024)", parseMegabytes("--max-file-size"))
    .option(
      "--max-full-yaml-size <MB>",
      "largest YAML file read by the full parser when the fast reader cannot (default 10)",
      parseMegabytes("--max-full-yaml-size"),
    )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  cleanpath validate examples/                 every example, each on its own\n" +
        "  cleanpath validate topo.yaml --format json   diagnostics as JSON for tools\n" +
        "\nExit codes: 0 valid (warnings allowed), 2 invalid. With --format json the report goes to stdout either way.",
    )
    .action((paths: string[], opts: ValidateOptions) => {
      const { io } = ctx;
      const timings = new Timings(io.env.CLEANPATH_TIMINGS === "1");
      const skipped: Diagnostic[] = [];
      const files = expandInputs(paths, io.cwd, (d) => skipped.push(d));
      const host = nodeHost(io.cwd);
      const loadOptions = {
        heapLimitBytes: heapLimitBytes(),
        ...(opts.maxFileSize ? { maxFileBytes: opts.maxFileSize } : {}),
        ...(opts.maxFullYamlSize ? { maxFullYamlBytes: opts.maxFullYamlSize } : {}),
        timings: timings.sink(),
      };

      // Parse every file first, so that a file included by another is checked only as part of it.
      const parsed = new Map<string, { loaded?: LoadedFile[]; diagnostics: Diagnostic[] }>();
      const includedBy = new Set<string>();
      for (const f of files) {
        try {
          const loaded = timings.time("parse", () => loadFiles([f], host, loadOptions));
          parsed.set(f, { loaded, diagnostics: [] });
          for (const inc of loaded.slice(1)) includedBy.add(inc.path);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          parsed.set(f, { diagnostics: [...err.diagnostics] });
        }
      }
      const reports: FileReport[] = [];
      for (const f of files) {
        if (includedBy.has(f)) continue;
        const p = parsed.get(f)!;
        const shown = host.display(f);
        if (!p.loaded) {
          reports.push({ file: shown, valid: false, included: [], diagnostics: p.diagnostics });
          continue;
        }
        const included = p.loaded.slice(1).map((x) => x.file);
        try {
          const { topology, warnings, registry } = buildTopology(p.loaded, loadOptions);
          // Policy keys too: profile and list names, designated vendors, `extends` files.
          const policy = resolvePolicy(p.loaded, registry, host, {});
          const isPolicy = p.loaded[0]!.value.kind === "policy";
          reports.push({
            file: shown,
            valid: true,
            included,
            counts: {
              elements: topology.elements.length,
              links: topology.links.length,
              sites: topology.sites.size,
              operators: topology.operators.size,
              flows: topology.flows.length,
              rules: policy.rules.length,
              waivers: policy.waivers.length,
            },
            policy: isPolicy,
            diagnostics: warnings,
          });
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          reports.push({ file: shown, valid: false, included, diagnostics: [...err.diagnostics] });
        }
      }
      for (const r of reports) r.diagnostics.sort(compareDiagnostics);
      if (!opts.quiet) printDiagnostics(io, skipped, useColor(io, "stderr", opts.color));
      const valid = reports.every((r) => r.valid);
      ctx.exitCode = valid ? 0 : 2;

      const errColor = useColor(io, "stderr", opts.color);
      const all = reports.flatMap((r) => r.diagnostics).filter((d) => !opts.quiet || d.severity === "error");
      printDiagnostics(io, all, errColor);
      if (opts.format === "json") {
        io.stdout(JSON.stringify({ valid, files: reports.map(jsonReport) }, null, 2) + "\n");
      } else if (valid && !opts.quiet) {
        const c = chalkFor(useColor(io, "stdout", opts.color));
        for (const r of reports) io.stdout(`${c.green("valid")}  ${r.file}  ${describe(r)}\n`);
      }
      if (!valid) {
        const bad = reports.filter((r) => !r.valid).length;
        const errors = all.filter((d) => d.severity === "error").length;
        io.stderr(`cleanpath: ${bad} of ${reports.length} file${reports.length === 1 ? "" : "s"} invalid (${errors} error${errors === 1 ? "" : "s"})\n`);
      }
      timings.flush(io);
    });
};

function describe(r: FileReport): string {
  const c = r.counts!;
  const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? "" : "s"}`;
  const parts = r.policy ? [`policy: ${n(c.rules, "rule")}`] : [n(c.elements, "element"), n(c.links, "link")];
  if (!r.policy && c.rules) parts.push(n(c.rules, "rule"));
  if (c.waivers) parts.push(n(c.waivers, "waiver"));
  if (c.sites) parts.push(n(c.sites, "site"));
  if (c.operators) parts.push(n(c.operators, "operator"));
  if (c.flows) parts.push(n(c.flows, "flow"));
  const warnings = r.diagnostics.filter((d) => d.severity === "warning").length;
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  const inc = r.included.length ? ` (with ${r.included.join(", ")})` : "";
  return parts.join(", ") + inc;
}

function jsonReport(r: FileReport): object {
  return {
    file: r.file,
    valid: r.valid,
    included: r.included,
    ...(r.counts ? { counts: r.counts } : {}),
    diagnostics: r.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.location ? { file: d.location.file, line: d.location.line, column: d.location.column } : {}),
      ...(d.related ? { related: d.related } : {}),
    })),
  };
}
