import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, isAbsolute, join, resolve } from "node:path";
import { Argument, Option, type Command } from "commander";
import { InputError, usageError } from "../../diagnostics.js";
import {
  describeSkipped,
  importerFor,
  importFormats,
  importTopology,
  metricSources,
  parseVendorMap,
  renderImport,
  type ImportFile,
  type MetricSource,
} from "../../import/index.js";
import { refuseInputTargets } from "../../run/outputs.js";
import { writeFileAtomic } from "../files.js";
import { nodeHost } from "../host.js";
import type { CliContext, CommandModule } from "./index.js";

interface ImportOpts {
  output?: string;
  vendorMap?: string;
  metric?: MetricSource;
  force?: boolean;
}

const examples = `
Examples:
  $ cleanpath import containerlab lab.clab.yml -o lab.yaml
  $ cleanpath import graphml Geant2012.graphml --metric distance --vendor-map vendors.yaml -o geant.yaml
  $ cleanpath import netbox devices.json cables.json sites.json circuits.json -o dc.yaml
  $ cleanpath import netbox netbox-dump.json -o dc.json        # .json output writes JSON
  $ cleanpath import csv elements.csv links.csv -o net.yaml

Without -o the topology goes to stdout. What could not be imported is listed on stderr and in the
header comment of the YAML output. An existing output file is only replaced with --force.
A vendor map (YAML \`id-or-name: Vendor\` or \`{vendor, role, model, tags, passive}\`, or CSV with
id|label|name and vendor columns) names vendors the source lacks; "*" covers the rest.`;

const stderrLimit = 50;

function notFound(path: string): InputError {
  return usageError("E_READ", `${path}: no such file or directory`);
}

// Bytes, not text: the importers decode them as `validate` does (invalid UTF-8 is refused, not replaced).
function readBytes(cwd: string, path: string): ImportFile {
  const full = isAbsolute(path) ? path : resolve(cwd, path);
  try {
    return { file: path, bytes: readFileSync(full) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw notFound(path);
    throw usageError("E_READ", `${path}: cannot read (${code ?? (err as Error).message})`);
  }
}

/** The input files: each argument, or the files of a directory with the importer's extensions. */
function readInputs(cwd: string, format: string, inputs: readonly string[]): ImportFile[] {
  const importer = importerFor(format);
  const files: ImportFile[] = [];
  for (const input of inputs) {
    const full = isAbsolute(input) ? input : resolve(cwd, input);
    if (!existsSync(full)) throw notFound(input);
    if (statSync(full).isDirectory()) {
      const names = readdirSync(full).filter((n) => importer.extensions.includes(extname(n).toLowerCase())).sort();
      if (names.length === 0) throw usageError("E_READ", `${input}: no ${importer.extensions.join("/")} files in this directory`);
      for (const n of names) files.push(readBytes(cwd, join(input, n)));
    } else {
      files.push(readBytes(cwd, input));
    }
  }
  if (importer.inputs === "one" && files.length !== 1) {
    throw usageError("E_IMPORT_INPUT", `${format} import takes exactly one file, got ${files.length}`);
  }
  return files;
}

function run(ctx: CliContext, format: string, inputs: string[], opts: ImportOpts): void {
  const { io } = ctx;
  if (opts.metric !== undefined && format !== "graphml") throw usageError("E_USAGE", "--metric applies to graphml imports only");
  const output = opts.output;
  const outPath = output === undefined ? undefined : isAbsolute(output) ? output : resolve(io.cwd, output);
  const files = readInputs(io.cwd, format, inputs);
  if (outPath !== undefined) {
    // Never over an input, even with --force: the source or the vendor map would be lost.
    const sources = [...files.map((f) => f.file), ...(opts.vendorMap !== undefined ? [opts.vendorMap] : [])];
    refuseInputTargets(nodeHost(io.cwd), [{ path: outPath, flag: `-o ${output}` }], sources.map((f) => resolve(io.cwd, f)));
    // Refused before converting anything, and again (atomically) when writing.
    if (!opts.force && existsSync(outPath)) throw usageError("E_EXISTS", `${output} already exists; pass --force to overwrite it`);
  }
  const vendorMap = opts.vendorMap === undefined ? undefined : parseVendorMap(readBytes(io.cwd, opts.vendorMap));
  const outcome = importTopology({ format, files, ...(opts.metric ? { options: { metric: opts.metric } } : {}), ...(vendorMap ? { vendorMap } : {}) });
  const text = renderImport(outcome, output !== undefined && /\.json$/i.test(output) ? "json" : "yaml");

  const { document, skipped } = outcome;
  const sites = Object.keys(document.sites ?? {}).length;
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? "" : "s"}`;
  io.stderr(`cleanpath import ${format}: ${count(document.elements.length, "element")}, ${count(document.links.length, "link")}, ${count(sites, "site")}${output !== undefined ? ` → ${output}` : ""}\n`);
  if (skipped.length > 0) {
    io.stderr(`not imported or not mapped (${skipped.length}):\n`);
    for (const s of skipped.slice(0, stderrLimit)) io.stderr(`  - ${describeSkipped(s)}\n`);
    if (skipped.length > stderrLimit) io.stderr(`  … and ${skipped.length - stderrLimit} more${output !== undefined && !/\.json$/i.test(output) ? ` (all listed at the top of ${output})` : ""}\n`);
  }
  if (outPath !== undefined) writeFileAtomic(outPath, text, { overwrite: opts.force === true });
  else io.stdout(text);
  ctx.exitCode = 0;
}

/** `cleanpath import <format> <inputs...>`: foreign inventories → a checked topology file. */
export const importCommand: CommandModule = (program: Command, ctx: CliContext) => {
  program
    .command("import")
    .description("convert a containerlab lab, a GraphML map, a NetBox export or CSV tables into a checked topology")
    .addArgument(new Argument("<format>", "input format").choices(importFormats))
    .argument("<inputs...>", "input file(s), or a directory of them")
    .option("-o, --output <file>", "write the topology here (.json → JSON, otherwise YAML); default stdout")
    .option("--vendor-map <file>", "YAML or CSV overlay naming vendors (and roles) by element id or name")
    .addOption(new Option("--metric <source>", "GraphML link metric: hops (1 each), distance (km) or speed (100G = 1)").choices(metricSources))
    .option("--force", "overwrite the output file if it exists")
    .addHelpText("after", examples)
    .action((format: string, inputs: string[], opts: ImportOpts) => run(ctx, format, inputs, opts));
};
