import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { parseFile } from "../../src/load/index.js";
import { defaultRiskSpec } from "../../src/policy/risk-spec.js";
import { html } from "../../src/report/html.js";
import { markdown } from "../../src/report/markdown.js";
import { table } from "../../src/report/table.js";
import { csv } from "../../src/report/csv.js";
import type { AuditResult, PairResult, Verdict } from "../../src/result.js";
import { buildTopology } from "../../src/topology/index.js";

/*
 * SPEC §3: every list of risky items follows the active unknown-vendor mode. Under `risky` an
 * item of unknown vendor is in routed.riskyItems, exposure.items and failover's riskyItems (and in
 * unknownItems, to tell it apart); under `clean` it is in none of them, only in unknownItems.
 */

type Doc = { elements: object[]; links: unknown[] };

function run(doc: Doc, mode: "risky" | "clean", opts: { from?: string; to?: string; failures?: number; failOn?: Verdict } = {}): AuditResult {
  const file = parseFile("t.json", "t.json", Buffer.from(JSON.stringify({ cleanpath: 1, ...doc })));
  const { topology, registry } = buildTopology([file]);
  return audit({
    topology,
    registry,
    spec: defaultRiskSpec(mode),
    requests: [{ flow: null, from: opts.from ?? "a", to: opts.to ?? "b", failures: opts.failures ?? 0, failOn: opts.failOn ?? "routed-dirty" }],
    asOf: "2026-01-01",
    generatedAt: "2026-01-01T00:00:00Z",
    version: "test",
    maxPairs: 10,
  });
}

const el = (id: string, vendor: string) => ({ id, role: id === "a" || id === "b" ? "endpoint" : "transport", vendor });

/** a → m → b is routed (m of unknown vendor); a → c → d → b is the clean detour. */
const unknownOnRoute: Doc = {
  elements: [el("a", "Cisco"), el("m", "Acme Radio"), el("c", "Nokia"), el("d", "Nokia"), el("b", "Cisco")],
  links: [["a", "m", 1], ["m", "b", 1], ["a", "c", 5], ["c", "d", 5], ["d", "b", 5]],
};

const only = (r: AuditResult): PairResult => {
  expect(r.pairs).toHaveLength(1);
  return r.pairs[0]!;
};

describe("a routed-dirty pair whose only risky item is of unknown vendor", () => {
  it("under --unknown-vendor risky lists it as risky and as unknown, and routes the clean alternative around it", () => {
    const p = only(run(unknownOnRoute, "risky"));
    expect(p.verdict).toBe("routed-dirty");
    expect(p.routed).toMatchObject({ items: ["a--m", "m", "m--b"], riskyItems: ["m"], unknownItems: ["m"] });
    expect(p.exposure).toEqual({ items: ["m"], count: 1, approximate: false });
    expect(p.unknownItems).toEqual(["m"]);
    expect(p.verdictIfUnknownClean).toBe("clean");
    expect(p.cleanAlternative).toEqual({ metric: 15, path: ["a", "c", "d", "b"], links: ["a--c", "c--d", "d--b"] });
  });

  it("under --unknown-vendor clean is clean, lists nothing as risky, and still names the unknown item", () => {
    const p = only(run(unknownOnRoute, "clean"));
    expect(p.verdict).toBe("clean");
    expect(p.routed).toMatchObject({ riskyItems: [], unknownItems: ["m"] });
    expect(p.exposure).toEqual({ items: [], count: 0, approximate: false });
    expect(p.unknownItems).toEqual(["m"]);
    expect(p.verdictIfUnknownClean).toBeUndefined();
    expect(p.cleanAlternative).toEqual({ metric: 2, path: ["a", "m", "b"], links: ["a--m", "m--b"] });
  });
});

describe("the other lists follow the mode the same way", () => {
  it("a link of unknown vendor on the route is a risky item under risky, only unknown under clean", () => {
    const doc: Doc = {
      elements: [el("a", "Cisco"), el("x", "Nokia"), el("c", "Nokia"), el("b", "Cisco")],
      links: [{ a: "a", b: "x" }, { a: "x", b: "b", vendor: "Acme Radio", medium: "microwave" }, ["a", "c", 5], ["c", "b", 5]],
    };
    const risky = only(run(doc, "risky"));
    expect(risky.verdict).toBe("routed-dirty");
    expect(risky.routed).toMatchObject({ riskyItems: ["x--b"], unknownItems: ["x--b"] });
    const clean = only(run(doc, "clean"));
    expect(clean.verdict).toBe("clean");
    expect(clean.routed).toMatchObject({ riskyItems: [], unknownItems: ["x--b"] });
  });

  it("high-risk and unknown items together: both listed under risky, the high-risk one alone under clean", () => {
    const doc: Doc = {
      elements: [el("a", "Cisco"), el("h", "Huawei"), el("m", "Acme Radio"), el("c", "Nokia"), el("b", "Cisco")],
      links: [["a", "h", 1], ["h", "m", 1], ["m", "b", 1], ["a", "c", 5], ["c", "b", 5]],
    };
    const risky = only(run(doc, "risky"));
    expect(risky.verdict).toBe("routed-dirty");
    expect(risky.routed).toMatchObject({ riskyItems: ["h", "m"], unknownItems: ["m"] });
    expect(risky.exposure.items).toEqual(["h", "m"]);
    expect(risky.verdictIfUnknownClean).toBeUndefined(); // h keeps it routed-dirty
    const clean = only(run(doc, "clean"));
    expect(clean.verdict).toBe("routed-dirty");
    expect(clean.routed).toMatchObject({ riskyItems: ["h"], unknownItems: ["m"] });
    expect(clean.exposure.items).toEqual(["h"]);
  });

  it("failover: a failure that re-routes over an unknown item makes the pair fragile only under risky", () => {
    // a → x → b is routed and clean; without x (or its links) traffic takes a → m → b.
    const doc: Doc = {
      elements: [el("a", "Cisco"), el("x", "Nokia"), el("m", "Acme Radio"), el("b", "Cisco")],
      links: [["a", "x", 1], ["x", "b", 1], ["a", "m", 2], ["m", "b", 2]],
    };
    const risky = only(run(doc, "risky", { failures: 1 }));
    expect(risky.verdict).toBe("fragile");
    expect(risky.routed!.riskyItems).toEqual([]);
    expect(risky.failover!.dirtyAfter).toEqual([
      { failed: "x", riskyItems: ["m"] },
      { failed: "a--x", riskyItems: ["m"] },
      { failed: "x--b", riskyItems: ["m"] },
    ]);
    expect(risky.unknownItems).toEqual(["m"]);
    expect(risky.verdictIfUnknownClean).toBe("clean");
    const clean = only(run(doc, "clean", { failures: 1 }));
    expect(clean.verdict).toBe("clean");
    expect(clean.failover!.dirtyAfter).toEqual([]);
    expect(clean.exposure.items).toEqual([]);
  });

  it("remediation: replacing the unknown item opens a clean path under risky; nothing to replace under clean", () => {
    const doc: Doc = {
      elements: [el("a", "Cisco"), el("m", "Acme Radio"), el("h", "Huawei"), el("b", "Cisco")],
      links: [["a", "m", 1], ["m", "b", 1], ["a", "h", 2], ["h", "b", 2]],
    };
    const risky = only(run(doc, "risky"));
    expect(risky.verdict).toBe("dirty");
    expect(risky.routed).toMatchObject({ riskyItems: ["m"], unknownItems: ["m"] });
    expect(risky.remediation).toEqual({ items: ["m"], cost: 1, measure: "count" });
    expect(risky.verdictIfUnknownClean).toBe("exposed");
    const clean = only(run(doc, "clean"));
    expect(clean.verdict).toBe("exposed");
    expect(clean.routed).toMatchObject({ riskyItems: [], unknownItems: ["m"] });
    expect(clean.remediation).toBeNull();
    expect(clean.exposure.items).toEqual(["h"]);
  });

  it("an endpoint of unknown vendor is in no list of path risk (it gets its own finding)", () => {
    const doc: Doc = { elements: [el("a", "Acme Radio"), el("x", "Nokia"), el("b", "Cisco")], links: [["a", "x"], ["x", "b"]] };
    const r = run(doc, "risky");
    const p = only(r);
    expect(p.verdict).toBe("clean");
    expect(p.routed).toMatchObject({ riskyItems: [], unknownItems: [] });
    expect(p.unknownItems).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.items])).toEqual([["risky-endpoint", ["a"]]]);
  });
});

describe("reports count each risky item once", () => {
  const ctx = { color: false, version: "test" };

  it("under risky the unknown item is counted and explained once", () => {
    const r = run(unknownOnRoute, "risky");
    const text = table(r, ctx);
    expect(text).toMatch(/│ a\s+│ b\s+│ routed-dirty ✗\* │ 2\s+│ 1\s+│/);
    expect(text.match(/• m \(/g)).toHaveLength(1);
    expect(text).toContain("Risky on the routed paths:");
    expect(text).not.toContain("counted clean");
    expect(markdown(r, ctx)).toContain("| routed-dirty | 2 | 1 | metric 15 |");
    expect(csv(r, ctx).split("\r\n")[1]).toBe(",a,b,routed-dirty,clean,routed-dirty,false,2,m,15,1,1,");
    const page = html(r, ctx);
    expect(page.match(/<li class="unknown"><code>m<\/code>/g)).toHaveLength(1);
    expect(page).toContain("<h4>Risky items on the routed path</h4>");
  });

  it("under clean the unknown item is shown apart, never as risky", () => {
    const r = run(unknownOnRoute, "clean", { failOn: "clean" });
    const text = table(r, ctx);
    expect(text).toMatch(/│ a\s+│ b\s+│ clean ✗\s+│ 2\s+│ 0\s+│/);
    expect(text).not.toContain("Risky on the routed paths:");
    expect(text).toContain("Of unknown vendor on the routed paths (counted clean):\n    • m (");
    expect(markdown(r, ctx)).toContain("| clean | 2 | 0 | metric 2 |");
    const page = html(r, ctx);
    expect(page).not.toContain("<h4>Risky items on the routed path</h4>");
    expect(page).toContain("Items of unknown vendor on the routed path <span class=\"muted\">(counted clean)</span>");
  });
});
