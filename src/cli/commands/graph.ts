import { Option } from "commander";
import { audit } from "../../audit/index.js";
import type { PairRequest } from "../../audit/pairs.js";
import type { PairResult } from "../../result.js";
import { errorAt, InputError } from "../../diagnostics.js";
import { designate } from "../../policy/designation.js";
import { toDot } from "../../report/graph-dot.js";
import { toMermaid } from "../../report/graph-mermaid.js";
import { topologyDiagram } from "../../report/graph-model.js";
import { loadGraphviz, svgDocument } from "../../report/graphviz.js";
import { closest } from "../../suggest.js";
import { version } from "../../version.js";
import { parseMegabytes, Timings } from "../context.js";
import { writeFileAtomic } from "../files.js";
import { parseSelectorArg } from "../../topology/select.js";
import type { Topology } from "../../topology/types.js";
import { type AuditFlags, clockOf, flowRequests, loadInputs } from "./audit.js";
import type { CommandModule } from "./index.js";

export const graphFormats = ["dot", "mermaid", "svg"] as const;

interface GraphFlags {
  format: (typeof graphFormats)[number];
  output?: string;
  flow?: string;
  from?: string;
  to?: string;
  maxNodes: number;
  failures: number;
  asOf?: string;
  unknownVendor?: "risky" | "clean";
  riskVendor: string[];
  policy: string[];
  color?: boolean;
  quiet?: boolean;
  maxFileSize?: number;
  maxFullYamlSize?: number;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function count(flag: string, min: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min) throw new InputError([errorAt("E_USAGE", `${flag} takes a whole number of at least ${min}, not \`${v}\``)]);
    return n;
  };
}

/** The pairs whose neighbourhood is drawn: one flow, one `--from/--to` pair, or none (the whole topology). */
function requestsFor(flags: GraphFlags, topology: Topology): PairRequest[] {
  if (flags.flow !== undefined && (flags.from !== undefined || flags.to !== undefined)) {
    throw new InputError([errorAt("E_USAGE", "give --flow or --from/--to, not both")]);
  }
  if ((flags.from === undefined) !== (flags.to === undefined)) throw new InputError([errorAt("E_USAGE", "give both --from and --to")]);
  const th = { pairs: "routed-dirty", findings: "error" } as const;
  if (flags.flow !== undefined) {
    const flow = topology.flows.find((f) => f.id === flags.flow);
    if (!flow) {
      const ids = topology.flows.map((f) => f.id);
      const guess = closest(flags.flow, ids);
      throw new InputError([
        errorAt("E_USAGE", `no flow \`${flags.flow}\`${guess ? ` — did you mean \`${guess}\`?` : ""}${ids.length > 0 ? ` (flows: ${ids.slice(0, 10).join(", ")})` : " (the files declare no flows)"}`),
      ]);
    }
    return flowRequests({ ...topology, flows: [flow] }, flags, th);
  }
  if (flags.from !== undefined && flags.to !== undefined) {
    return [{ flow: null, from: parseSelectorArg(flags.from, "--from"), to: parseSelectorArg(flags.to, "--to"), failures: flags.failures, failOn: th.pairs }];
  }
  return [];
}

export const graphCommand: CommandModule = (program, ctx) => {
  program
    .command("graph")
    .summary("draw the topology, or a flow's neighbourhood, as DOT, Mermaid or SVG")
    .description(
      "Draw the topology with high-risk items in red (the reason in the label and tooltip), items of\n" +
        "unknown vendor in amber and items not in service dashed. With --flow or --from/--to, draw only\n" +
        "the neighbourhood of that pair: its routed paths (blue), its clean alternative (green), the risky\n" +
        "items on any path between them and every link among those elements. SVG is laid out by Graphviz\n" +
        "(built in, nothing to install), the same renderer as the HTML report's diagrams.",
    )
    .argument("<files...>", "topology files or folders (together they form one topology)")
    .addOption(new Option("-f, --format <format>", "output format").choices(graphFormats).default("dot"))
    .option("-o, --output <file>", "write to this file (atomically) instead of stdout")
    .option("--flow <id>", "draw the neighbourhood of this declared flow's pairs")
    .option("--from <endpoint>", "draw the neighbourhood of this pair: an element id or a selector key=value[,key=value…]")
    .option("--to <endpoint>", "the other end, as --from")
    .option("--max-nodes <n>", "refuse to draw more elements than this", count("--max-nodes", 1), 300)
    .option("--failures <n>", "failures to simulate when auditing the pair (0, 1 or 2)", count("--failures", 0), 0)
    .option("--as-of <date>", "judge dates and aliases on this day (YYYY-MM-DD; default today)")
    .option("-p, --policy <file|profile>", "a policy file or a built-in profile, for who counts as high-risk (repeatable)", collect, [])
    .addOption(new Option("--unknown-vendor <mode>", "count items of unknown vendor as risky or clean (default: the policy's, else risky)").choices(["risky", "clean"]))
    .option("--risk-vendor <name>", "designate exactly these vendors (repeatable)", collect, [])
    .option("--no-color", "never colour the messages")
    .option("-q, --quiet", "print no warnings")
    .option("--max-file-size <MB>", "largest input file accepted (default 1024)", parseMegabytes("--max-file-size"))
    .option("--max-full-yaml-size <MB>", "largest YAML file read by the full parser (default 10)", parseMegabytes("--max-full-yaml-size"))
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  cleanpath graph examples/embassy-to-hq.yaml --format svg -o embassy.svg\n" +
        "  cleanpath graph examples/national-wholesale.yaml --flow border-to-core --format mermaid\n" +
        "  cleanpath graph topo/ --from gw-1 --to dc-1 --format dot | dot -Tpdf -o pair.pdf\n" +
        "\nColours: red high-risk, amber unknown vendor, blue routed path, green clean alternative; dashed: not in service.",
    )
    .action(async (files: string[], flags: GraphFlags) => {
      const timings = new Timings(false);
      const clock = clockOf(ctx, flags.asOf);
      const auditFlags: AuditFlags = { ...flags, format: [], failOn: [], maxPairs: 10_000 };
      const loaded = loadInputs(ctx, files, auditFlags, timings);
      const { topology, registry } = loaded;
      const requests = requestsFor(flags, topology);
      const spec = loaded.policy.spec;
      let pairs: PairResult[] = [];
      if (requests.length > 0) pairs = audit({ topology, registry, spec, requests, ...clock, version, maxPairs: 10_000 }).pairs;
      const diagram = topologyDiagram(topology, designate(topology, registry, spec, clock.asOf), pairs, { maxNodes: flags.maxNodes });
      const title = topology.name ?? "cleanpath";
      let text: string;
      if (flags.format === "dot") text = toDot(diagram, title);
      else if (flags.format === "mermaid") text = toMermaid(diagram);
      else text = svgDocument((await loadGraphviz())(toDot(diagram, title)));
      if (flags.output !== undefined) {
        writeFileAtomic(flags.output, text);
        if (!flags.quiet) ctx.io.stderr(`cleanpath graph: ${diagram.nodes.length} element${diagram.nodes.length === 1 ? "" : "s"}, ${diagram.edges.length} link${diagram.edges.length === 1 ? "" : "s"}; wrote ${flags.output}\n`);
      } else {
        ctx.io.stdout(text);
      }
      ctx.exitCode = 0;
    });
};
