import { Argument, Option, type Command } from "commander";
import { describeSkipped, importFormats, metricSources, type MetricSource } from "../../import/index.js";
import { importRequest } from "../../run/import.js";
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
  $ cleanpath import cables open_undersea_cable_map/ -o cables.yaml   # cable/, landing-point/
  $ cleanpath import sndlib germany50.xml -o germany50.yaml            # or germany50.txt (native)
  $ cleanpath import netjson olsr-graph.json -o mesh.yaml
  $ cleanpath import batfish snapshot/ -o campus.yaml       # or snapshot/batfish/layer1_topology.json
  $ cleanpath import lldp tables/ -o dc.yaml                # one neighbour table per device: leaf1.json, spine1.yml…

Without -o the topology goes to stdout. What could not be imported is listed on stderr and in the
header comment of the YAML output. An existing output file is only replaced with --force.
A vendor map (YAML \`id-or-name: Vendor\` or \`{vendor, role, model, tags, passive}\`, or CSV with
id|label|name and vendor columns) names vendors the source lacks; "*" covers the rest.`;

const stderrLimit = 50;

function run(ctx: CliContext, format: string, inputs: string[], opts: ImportOpts): void {
  const { io } = ctx;
  const output = opts.output;
  const { outcome, text, outPath } = importRequest(nodeHost(io.cwd), {
    format,
    inputs,
    force: opts.force === true,
    ...(output !== undefined ? { output } : {}),
    ...(opts.vendorMap !== undefined ? { vendorMap: opts.vendorMap } : {}),
    ...(opts.metric !== undefined ? { metric: opts.metric } : {}),
  });
  const { document, skipped } = outcome;
  const sites = Object.keys(document.sites ?? {}).length;
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? "" : "s"}`;
  io.stderr(`cleanpath import ${format}: ${count(document.elements.length, "element")}, ${count(document.links.length, "link")}, ${count(sites, "site")}${output !== undefined ? ` → ${output}` : ""}\n`);
  for (const m of outcome.mapped ?? []) io.stderr(`  mapped: ${m}\n`);
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
export const importCommand: CommandModule = (command, ctx) => {
  command
    .description("Convert a foreign inventory into a checked cleanpath topology: a containerlab lab, a GraphML map (Internet Topology Zoo and similar), a NetBox export, CSV tables of elements and links, submarine cables in TeleGeography's layout, a NetJSON NetworkGraph, a Batfish snapshot (or its layer1_topology.json), LLDP neighbour tables (lldpctl, NAPALM, ntc-templates), or an SNDlib network. Inputs are read as validate reads files (UTF-8, positions in every message), and the output passes validate.")
    .addArgument(new Argument("<format>", "input format").choices(importFormats))
    .argument("<inputs...>", "input file(s), or a directory of them")
    .option("-o, --output <file>", "write the topology here (.json → JSON, otherwise YAML); default stdout; never one of the inputs")
    .option("--vendor-map <file>", "YAML or CSV overlay naming vendors (and roles) by element id or name")
    .addOption(new Option("--metric <source>", "GraphML link metric: hops (1 each), distance (km) or speed (100G = 1)").choices(metricSources))
    .option("--force", "overwrite the output file if it exists")
    .addHelpText("after", examples)
    .action((format: string, inputs: string[], opts: ImportOpts) => run(ctx, format, inputs, opts));
};
