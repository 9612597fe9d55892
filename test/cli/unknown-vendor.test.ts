import { afterAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/result.js";
import { runCli, scratch } from "../helpers/cli.js";

// A router whose vendor nobody registered sits on the shortest path; a Nokia detour is clean.
const topology = `cleanpath: 1
elements:
  - { id: branch, role: endpoint, vendor: Cisco }
  - { id: rtr-acme, role: aggregation, vendor: Acme Routers }
  - { id: agg-1, role: aggregation, vendor: Nokia }
  - { id: agg-2, role: aggregation, vendor: Nokia }
  - { id: dc, role: datacenter, vendor: Dell }
links:
  - [branch, rtr-acme, 1]
  - [rtr-acme, dc, 1]
  - [branch, agg-1, 2]
  - [agg-1, agg-2, 2]
  - [agg-2, dc, 2]
`;

const dir = scratch({ "topo.yaml": topology });
afterAll(() => dir.cleanup());

function audit(...extra: string[]): { code: number | null; result: AuditResult } {
  const r = runCli(["audit", "path", dir.path("topo.yaml"), "--from", "branch", "--to", "dc", "--failures", "1", "--format", "json", ...extra], {
    env: { SOURCE_DATE_EPOCH: "1767225600" },
  });
  expect(r.stderr).toContain("W_UNKNOWN_VENDOR");
  return { code: r.code, result: JSON.parse(r.stdout) as AuditResult };
}

describe("cleanpath audit path: an unknown-vendor router on the route", () => {
  it("by default (unknown counts as risky): routed-dirty, the router in riskyItems, exposure and unknownItems; exit 1", () => {
    const { code, result } = audit();
    expect(code).toBe(1);
    expect(result.designation.unknownVendor).toBe("risky");
    const p = result.pairs[0]!;
    expect(p.verdict).toBe("routed-dirty");
    expect(p.verdictIfUnknownClean).toBe("clean");
    expect(p.routed).toEqual({
      metric: 2,
      paths: [["branch", "rtr-acme", "dc"]],
      pathCount: 1,
      items: ["branch--rtr-acme", "rtr-acme", "rtr-acme--dc"],
      riskyItems: ["rtr-acme"],
      unknownItems: ["rtr-acme"],
    });
    expect(p.exposure).toEqual({ items: ["rtr-acme"], count: 1, approximate: false });
    expect(p.unknownItems).toEqual(["rtr-acme"]);
    expect(p.cleanAlternative).toEqual({ metric: 6, path: ["branch", "agg-1", "agg-2", "dc"], links: ["branch--agg-1", "agg-1--agg-2", "agg-2--dc"] });
    expect(result.items["rtr-acme"]).toMatchObject({ risk: "unknown", vendor: "Acme Routers" });
    expect(result.summary.byVerdict).toEqual({ "routed-dirty": 1 });
  });

  it("with --unknown-vendor clean: clean, no risky item anywhere, the router still listed as unknown; exit 0", () => {
    const { code, result } = audit("--unknown-vendor", "clean");
    expect(code).toBe(0);
    const p = result.pairs[0]!;
    expect(p.verdict).toBe("clean");
    expect(p.verdictIfUnknownClean).toBeUndefined();
    expect(p.routed).toMatchObject({ riskyItems: [], unknownItems: ["rtr-acme"] });
    expect(p.exposure).toEqual({ items: [], count: 0, approximate: false });
    expect(p.failover!.dirtyAfter).toEqual([]);
    expect(p.unknownItems).toEqual(["rtr-acme"]);
    expect(p.cleanAlternative!.path).toEqual(["branch", "rtr-acme", "dc"]);
  });
});

describe("the unknown-vendor warning's advice follows the mode in force", () => {
  const run = (...extra: string[]): string =>
    runCli(["audit", "path", dir.path("topo.yaml"), "--from", "branch", "--to", "dc", ...extra]).stderr;

  it("by default it suggests declaring the vendor or passing --unknown-vendor clean", () => {
    expect(run()).toMatch(/W_UNKNOWN_VENDOR {2}vendor `Acme Routers` is not in the registry; it counts as risky until you declare it under `vendors:` or pass --unknown-vendor clean/);
  });

  it("with --unknown-vendor clean it does not suggest the flag just given", () => {
    const err = run("--unknown-vendor", "clean");
    expect(err).toMatch(/W_UNKNOWN_VENDOR {2}vendor `Acme Routers` is not in the registry; it is listed as unknown \(and counted clean, as --unknown-vendor clean asks\) until you declare it under `vendors:`/);
    expect(err).not.toMatch(/pass --unknown-vendor clean/);
  });
});
