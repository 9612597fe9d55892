import { describe, expect, it } from "vitest";
import { audit, InputError, loadPolicy, loadTopology, plan, render } from "../src/index.js";
import { root } from "./helpers/cli.js";

describe("library API", () => {
  it("loads, audits the declared flows and renders, like the CLI", () => {
    const loaded = loadTopology("examples/embassy-to-hq.yaml", { cwd: root });
    const result = audit(loaded, loadPolicy(loaded, { cwd: root }), { asOf: "2026-01-01" });
    expect(result.pairs.map((p) => [p.flow, p.verdict, p.passed])).toEqual([["embassy-to-hq", "routed-dirty", false]]);
    expect(JSON.parse(render(result, "json")).summary.failedPairs).toBe(1);
    expect(render(result, "table")).toMatch(/embassy-cpe → hq-dc {2}routed-dirty/);
  });

  it("audits ad-hoc pairs with selectors and a built-in profile", () => {
    const loaded = loadTopology(["examples/national-wholesale.yaml"], { cwd: root });
    const policy = loadPolicy(loaded, { cwd: root, policies: ["us-clean-network-2020"] });
    const result = audit(loaded, policy, { from: { role: "ran", tag: "border" }, to: "dc-mty", flows: false });
    expect(result.pairs).toHaveLength(10);
    expect(result.designation.origin).toBe("us-clean-network-2020");
  });

  it("plans the cheapest replacements, like `cleanpath plan`", async () => {
    const loaded = loadTopology("examples/uk-mobile.yaml", { cwd: root });
    const result = await plan(loaded, loadPolicy(loaded, { cwd: root, policies: ["uk-dvd-2022"] }), { asOf: "2024-06-30", by: "count" });
    expect(result).toMatchObject({ kind: "plan", optimal: true, totalCost: 3, passed: true });
    expect(result.items.map((i) => i.id)).toEqual(["gnb-cdf-1", "olt-bir-2", "sc-base-n"]);
  });

  it("throws InputError with located diagnostics for bad input", () => {
    expect(() => loadTopology("test/audit/fixtures/missing.yaml", { cwd: root })).toThrow(InputError);
  });
});
