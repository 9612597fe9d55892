import { readFileSync } from "node:fs";
import { instance } from "@viz-js/viz";
import { describe, expect, it } from "vitest";
import { runCli, scratch } from "../helpers/cli.js";
import { checkMermaid } from "../report/graph-mermaid-check.js";

describe("cleanpath graph", () => {
  it("writes DOT that Graphviz reads, risky items red with their reason", async () => {
    const r = runCli(["graph", "examples/embassy-to-hq.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('digraph "embassy-to-hq" {')).toBe(true);
    const viz = await instance();
    const out = viz.render(r.stdout, { format: "json0" });
    expect(out.status).toBe("success");
    const j = JSON.parse(out.output!) as { objects: { label: string; color: string; tooltip: string }[] };
    expect(j.objects).toHaveLength(17);
    const agg = j.objects.find((o) => o.label.startsWith("mr-agg-1"))!;
    expect(agg.color).toBe("#c62828");
    expect(agg.tooltip).toContain("vendor huawei");
  });

  it("writes Mermaid in the checked subset", () => {
    const r = runCli(["graph", "examples/national-wholesale.yaml", "--format", "mermaid"]);
    expect(r.code).toBe(0);
    expect(checkMermaid(r.stdout)).toEqual([]);
  });

  it("draws a flow's neighbourhood as SVG, with the routed and clean paths emphasised", () => {
    const s = scratch({});
    try {
      const r = runCli(["graph", "examples/national-wholesale.yaml", "--flow", "border-to-core", "--format", "svg", "-o", s.path("g.svg")]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/cleanpath graph: 23 elements, 25 links; wrote/);
      const svg = readFileSync(s.path("g.svg"), "utf8");
      expect(svg).toMatch(/^<\?xml[^>]*\?>\n<svg/);
      expect(svg).toContain('stroke="#1f4e9c"');
      expect(svg).toContain('stroke="#2e7d32"');
      expect(svg).not.toContain("<script");
    } finally {
      s.cleanup();
    }
  });

  it("draws the neighbourhood of --from/--to", () => {
    const r = runCli(["graph", "examples/embassy-to-hq.yaml", "--from", "embassy-cpe", "--to", "hq-dc", "--format", "mermaid"]);
    expect(r.code).toBe(0);
    expect(checkMermaid(r.stdout)).toEqual([]);
    expect(r.stdout).toContain("embassy-cpe");
  });

  it("refuses past --max-nodes, unknown flows and --flow with --from, with exit code 2", () => {
    const big = runCli(["graph", "examples/national-wholesale.yaml", "--max-nodes", "10"]);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/the topology has \d+ elements, more than --max-nodes 10: pick a flow/);
    expect(big.stdout).toBe("");
    const flow = runCli(["graph", "examples/national-wholesale.yaml", "--flow", "border-to-cor"]);
    expect(flow.code).toBe(2);
    expect(flow.stderr).toContain("did you mean `border-to-core`?");
    const both = runCli(["graph", "examples/national-wholesale.yaml", "--flow", "gov-to-dc", "--from", "a", "--to", "b"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give --flow or --from/--to, not both");
    const format = runCli(["graph", "examples/national-wholesale.yaml", "--format", "png"]);
    expect(format.code).toBe(2);
  });

  it("shows examples in --help", () => {
    const r = runCli(["graph", "--help"]);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("--max-nodes");
  });
});
