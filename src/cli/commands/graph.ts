import { graphRegistry } from "../../report/graph-formats.js";
import { graphDrawing } from "../../run/graph.js";
import { renderOutputs } from "../../run/outputs.js";
import { type AuditFlags, auditRequest } from "../../run/request.js";
import { version } from "../../version.js";
import { runEvents, Timings } from "../context.js";
import { nodeHost } from "../host.js";
import { displayOptions, examples, limitOptions, outputOptions, pairOptions, policyOptions, wholeNumber } from "../options.js";
import { writeOutputs } from "../outputs.js";
import { clockOf } from "../deliver.js";
import type { CommandModule } from "./index.js";

interface GraphFlags extends Omit<AuditFlags, "failOn" | "maxPairs"> {
  flow?: string;
  maxNodes: number;
}

export const graphCommand: CommandModule = (command, ctx) => {
  const cmd = command
    .description(
      "Draw the topology with high-risk items in red (the reason in the label and tooltip), items of unknown vendor in amber and items not in service dashed. With --flow or --from/--to, draw only the neighbourhood of that pair: its routed paths (blue), its clean alternative (green), the risky items on any path between them and every link among those elements. SVG is laid out by Graphviz (built in, nothing to install), the same renderer as the HTML report's diagrams.",
    )
    .argument("<files...>", "topology files or folders (together they form one topology)");
  outputOptions(cmd, graphRegistry, "dot").option("--flow <id>", "draw the neighbourhood of this declared flow's pairs");
  pairOptions(cmd, "draw the neighbourhood of this pair")
    .option("--max-nodes <n>", "refuse to draw more elements than this", wholeNumber("--max-nodes", 1), 300)
    .option("--failures <n>", "failures to simulate when auditing the pair (0, 1 or 2)", wholeNumber("--failures", 0, 2), 0);
  policyOptions(cmd);
  limitOptions(displayOptions(cmd, "print no warnings"))
    .addHelpText(
      "after",
      examples(
        "cleanpath graph examples/embassy-to-hq.yaml --format svg -o embassy.svg",
        "cleanpath graph examples/national-wholesale.yaml --flow border-to-core --format mermaid",
        "cleanpath graph topo/ --from gw-1 --to dc-1 --format dot | dot -Tpdf -o pair.pdf",
      ) + "\nColours: red high-risk, amber unknown vendor, blue routed path, green clean alternative; dashed: not in service.",
    )
    .action(async (files: string[], flags: GraphFlags) => {
      const request = auditRequest(files, { ...flags, failOn: [], maxPairs: 10_000 }, { mode: "path", clock: clockOf(ctx), registry: graphRegistry, defaultFormat: "dot", pairOptional: true });
      const drawing = graphDrawing(nodeHost(ctx.io.cwd), { ...request, maxNodes: flags.maxNodes, ...(flags.flow !== undefined ? { flow: flags.flow } : {}) }, runEvents(ctx.io, flags, new Timings(false)));
      const rendered = await renderOutputs(graphRegistry, drawing, request.outputs, { color: () => false, version });
      const written = writeOutputs(ctx.io, rendered);
      if (written.length > 0 && !flags.quiet) {
        const { nodes, edges } = drawing.diagram;
        ctx.io.stderr(`cleanpath graph: ${nodes.length} element${nodes.length === 1 ? "" : "s"}, ${edges.length} link${edges.length === 1 ? "" : "s"}; wrote ${written.join(", ")}\n`);
      }
      ctx.exitCode = 0;
    });
};
