import { describe, expect, it } from "vitest";
import { analyzePairs } from "../../src/graph/analyze.js";
import { buildGraph } from "../../src/graph/build.js";
import type { NetGraph, PairFacts } from "../../src/graph/types.js";
import { verdictOf } from "../../src/graph/verdict.js";
import { type TinyLink, type TinyNet, topologyOf } from "./tiny.js";

/** Facts for one pair, with item numbers turned back into ids for readable expectations. */
function audit(
  net: TinyNet,
  from: string,
  to: string,
  failures = 0,
  opts: { costs?: boolean; maxExposureItems?: number; level?: 1 | 2 } = {},
) {
  const g = buildGraph(topologyOf(net));
  const risky = new Uint8Array(g.n + g.m);
  const costs = new Float64Array(g.n + g.m);
  const level = opts.level ?? 1;
  const flag = (x: { risky?: boolean; unknown?: boolean }): number => (x.risky || (level === 2 && x.unknown) ? 1 : 0);
  for (const e of net.elements) {
    const v = g.nodeIndex.get(e.id);
    if (v === undefined) continue;
    risky[v] = flag(e);
    costs[v] = e.cost ?? 1;
  }
  const topo = topologyOf(net);
  const linkOf = new Map(g.linkIds.map((id, k) => [id, k]));
  topo.links.forEach((l, i) => {
    const k = linkOf.get(l.id);
    if (k === undefined) return;
    risky[g.n + k] = flag(net.links[i]!);
    costs[g.n + k] = net.links[i]!.cost ?? 1;
  });
  const s = g.nodeIndex.get(from)!;
  const t = g.nodeIndex.get(to)!;
  const [f] = analyzePairs(g, risky, [{ s, t, failures }], {
    costs: opts.costs ? costs : undefined,
    maxExposureItems: opts.maxExposureItems,
  });
  return { g, f: f!, verdict: verdictOf(f!, failures), ids: (items: number[]) => idsOf(g, items) };
}

function idsOf(g: NetGraph, items: number[]): string[] {
  return items.map((i) => (i < g.n ? g.nodeIds[i]! : g.linkIds[i - g.n]!));
}

function path(g: NetGraph, f: PairFacts): string[] | undefined {
  return f.cleanAlternative?.path.map((v) => g.nodeIds[v]!);
}

const els = (...ids: string[]) => ids.map((id) => ({ id }));
const L = (a: string, b: string, metric = 1, more: Partial<TinyLink> = {}): TinyLink => ({ a, b, metric, ...more });

describe("named graphs", () => {
  it("diamond, risky node on one of two equal routes: routed-dirty, the other route is the alternative", () => {
    const net: TinyNet = { elements: [{ id: "s" }, { id: "a", risky: true }, { id: "b" }, { id: "t" }], links: [L("s", "a"), L("a", "t"), L("s", "b"), L("b", "t")] };
    const { g, f, verdict, ids } = audit(net, "s", "t");
    expect(verdict).toBe("routed-dirty");
    expect(f.routed!.pathCount).toBe(2);
    expect(f.routed!.paths.map((p) => p.map((v) => g.nodeIds[v]))).toEqual([["s", "a", "t"], ["s", "b", "t"]]);
    expect(ids(f.routed!.riskyItems)).toEqual(["a"]);
    expect(path(g, f)).toEqual(["s", "b", "t"]);
    expect(f.cleanAlternative!.metric).toBe(f.routed!.metric);
    expect(ids(f.exposure.items)).toEqual(["a"]);
    expect(f.diversity).toBe(1);
  });

  it("diamond, risky route longer: exposed, and fragile once one failure is considered", () => {
    const net: TinyNet = { elements: [{ id: "s" }, { id: "a", risky: true }, { id: "b" }, { id: "t" }], links: [L("s", "a", 5), L("a", "t"), L("s", "b"), L("b", "t")] };
    expect(audit(net, "s", "t").verdict).toBe("exposed");
    const { f, verdict, ids } = audit(net, "s", "t", 1);
    expect(verdict).toBe("fragile");
    expect(f.failover!.dirtyAfter.map((e) => [ids(e.failed), ids(e.riskyItems)])).toEqual([
      [["b"], ["a"]],
      [["s--b"], ["a"]],
      [["b--t"], ["a"]],
    ]);
    expect(f.failover!.disconnectedBy).toEqual([]);
  });

  it("ring: the risky half is exposure only; two disjoint clean paths would need the risky side", () => {
    const net: TinyNet = {
      elements: [{ id: "s" }, { id: "a" }, { id: "t" }, { id: "b", risky: true }, { id: "c" }],
      links: [L("s", "a"), L("a", "t"), L("t", "b"), L("b", "c"), L("c", "s")],
    };
    const { f, verdict, ids } = audit(net, "s", "t", 1);
    expect(verdict).toBe("fragile"); // losing a (or its links) re-routes over b
    expect(ids(f.exposure.items)).toEqual(["b"]);
    expect(f.diversity).toBe(1);
    const clean = audit({ ...net, elements: net.elements.map((e) => ({ id: e.id })) }, "s", "t");
    expect(clean.verdict).toBe("clean");
    expect(clean.f.diversity).toBe(2);
  });

  it("bridge: a risky node beyond the bridge is on no simple path, a risky bridge makes the pair dirty", () => {
    const elements = [{ id: "s" }, { id: "x" }, { id: "y" }, { id: "t" }, { id: "p" }, { id: "q", risky: true }];
    // Triangle s-x-y, bridge y–t, triangle t-p-q hanging off t.
    const links = [L("s", "x"), L("x", "y"), L("y", "s"), L("y", "t"), L("t", "p"), L("p", "q"), L("q", "t")];
    const away = audit({ elements, links }, "s", "y");
    expect(away.verdict).toBe("clean");
    expect(away.f.exposure.count).toBe(0);
    const through = audit({ elements, links: links.map((l) => (l.a === "y" && l.b === "t" ? { ...l, risky: true } : l)) }, "s", "t");
    expect(through.verdict).toBe("dirty");
    expect(through.ids(through.f.remediation!.items)).toEqual(["y--t"]);
    expect(through.f.remediation!.cost).toBe(1);
    expect(through.f.diversity).toBe(0);
  });

  it("island: unreachable, with empty facts", () => {
    const { f, verdict } = audit({ elements: els("s", "a", "t"), links: [L("s", "a")] }, "s", "t", 1);
    expect(verdict).toBe("unreachable");
    expect(f.routed).toBeNull();
    expect(f.cleanAlternative).toBeNull();
    expect(f.remediation).toBeNull();
    expect(f.exposure).toEqual({ items: [], count: 0, approximate: false });
    expect(f.failover).toEqual({ failures: 1, dirtyAfter: [], disconnectedBy: [] });
  });

  it("an out-of-service element cuts the only path", () => {
    const net: TinyNet = { elements: [{ id: "s" }, { id: "a", state: "out-of-service" }, { id: "t" }], links: [L("s", "a"), L("a", "t")] };
    expect(audit(net, "s", "t").verdict).toBe("unreachable");
  });

  describe("parallel links, one risky and one clean", () => {
    const net = (risky: number, clean: number): TinyNet => ({
      elements: els("s", "t"),
      links: [L("s", "t", risky, { risky: true }), L("s", "t", clean)],
    });
    it("equal metrics: one node sequence, both links routed, routed-dirty", () => {
      const { g, f, verdict, ids } = audit(net(1, 1), "s", "t");
      expect(verdict).toBe("routed-dirty");
      expect(f.routed!.pathCount).toBe(1);
      expect(ids(f.routed!.items)).toEqual(["s--t", "s--t#2"]);
      expect(path(g, f)).toEqual(["s", "t"]);
      expect(ids(f.cleanAlternative!.links.map((l) => g.n + l))).toEqual(["s--t#2"]);
      expect(f.diversity).toBe(1); // direct links count once
    });
    it("risky one cheaper: routed-dirty with a dearer clean alternative", () => {
      const { f, verdict } = audit(net(1, 2), "s", "t");
      expect(verdict).toBe("routed-dirty");
      expect(f.cleanAlternative!.metric).toBe(2);
    });
    it("clean one cheaper: exposed, fragile when it fails", () => {
      expect(audit(net(2, 1), "s", "t").verdict).toBe("exposed");
      const { f, verdict, ids } = audit(net(2, 1), "s", "t", 1);
      expect(verdict).toBe("fragile");
      expect(ids(f.failover!.dirtyAfter[0]!.failed)).toEqual(["s--t#2"]);
    });
  });

  it("one-way links: the only forward route is risky, the clean route runs the other way", () => {
    const net: TinyNet = {
      elements: [{ id: "s" }, { id: "a", risky: true }, { id: "b" }, { id: "t" }],
      links: [L("s", "a", 1, { oneWay: true }), L("a", "t", 1, { oneWay: true }), L("t", "b", 1, { oneWay: true }), L("b", "s", 1, { oneWay: true })],
    };
    const { f, verdict, ids } = audit(net, "s", "t");
    expect(verdict).toBe("dirty");
    expect(f.exposure.approximate).toBe(true);
    expect(ids(f.exposure.items)).toEqual(["a"]);
    expect(ids(f.remediation!.items)).toEqual(["a"]);
    // Back from t to s only the clean way exists, and a is out of reach of t.
    const back = audit(net, "t", "s");
    expect(back.verdict).toBe("clean");
    expect(back.f.exposure).toEqual({ items: [], count: 0, approximate: true });
  });

  it("a risky cut vertex: dirty, replace it", () => {
    const net: TinyNet = {
      elements: [{ id: "s" }, { id: "x" }, { id: "c", risky: true }, { id: "y" }, { id: "t" }],
      links: [L("s", "x"), L("x", "c"), L("s", "c"), L("c", "y"), L("y", "t"), L("c", "t")],
    };
    const { f, verdict, ids } = audit(net, "s", "t");
    expect(verdict).toBe("dirty");
    expect(ids(f.remediation!.items)).toEqual(["c"]);
    expect(ids(f.exposure.items)).toEqual(["c"]);
  });

  it("a risky link inside a block is exposure for pairs of that block", () => {
    const net: TinyNet = {
      elements: els("s", "a", "t", "b"),
      links: [L("s", "a"), L("a", "t", 3, { risky: true }), L("s", "b"), L("b", "t")],
    };
    const { f, verdict, ids } = audit(net, "s", "t");
    expect(verdict).toBe("exposed");
    expect(ids(f.exposure.items)).toEqual(["a--t"]);
    expect(f.diversity).toBe(1);
  });

  it("risky endpoints never count", () => {
    const net: TinyNet = { elements: [{ id: "s", risky: true }, { id: "a" }, { id: "t", risky: true }], links: [L("s", "a"), L("a", "t")] };
    const { f, verdict } = audit(net, "s", "t", 2);
    expect(verdict).toBe("clean");
    expect(f.exposure.count).toBe(0);
    expect(f.routed!.riskyItems).toEqual([]);
    expect(f.diversity).toBe(1);
  });

  it("diversity is capped at four and counts a direct link once", () => {
    const mids = ["m1", "m2", "m3", "m4", "m5"];
    const net: TinyNet = {
      elements: els("s", "t", ...mids),
      links: [L("s", "t"), L("s", "t"), ...mids.flatMap((m) => [L("s", m, 2), L(m, "t", 2)])],
    };
    expect(audit(net, "s", "t").f.diversity).toBe(4);
    const three: TinyNet = { elements: els("s", "t", "m1", "m2"), links: [L("s", "t"), L("s", "t"), L("s", "m1"), L("m1", "t"), L("s", "m2"), L("m2", "t")] };
    expect(audit(three, "s", "t").f.diversity).toBe(3);
  });

  it("remediation: fewest replacements by default, cheapest with costs", () => {
    const net: TinyNet = {
      elements: [{ id: "s" }, { id: "a", risky: true, cost: 1 }, { id: "b", risky: true, cost: 1 }, { id: "c", risky: true, cost: 5 }, { id: "t" }],
      links: [L("s", "a"), L("a", "b"), L("b", "t"), L("s", "c"), L("c", "t")],
    };
    const unit = audit(net, "s", "t");
    expect(unit.ids(unit.f.remediation!.items)).toEqual(["c"]);
    expect(unit.f.remediation!.cost).toBe(1);
    const priced = audit(net, "s", "t", 0, { costs: true });
    expect(priced.ids(priced.f.remediation!.items)).toEqual(["a", "b"]);
    expect(priced.f.remediation!.cost).toBe(2);
  });

  it("two failures: pairs of failures that disconnect or re-route onto risk", () => {
    // s–a–t clean and short, s–b–t clean and longer, s–r–t risky and longest.
    const net: TinyNet = {
      elements: [{ id: "s" }, { id: "a" }, { id: "b" }, { id: "r", risky: true }, { id: "t" }],
      links: [L("s", "a"), L("a", "t"), L("s", "b", 2), L("b", "t", 2), L("s", "r", 3), L("r", "t", 3)],
    };
    expect(audit(net, "s", "t", 1).verdict).toBe("exposed");
    const { f, verdict, ids } = audit(net, "s", "t", 2);
    expect(verdict).toBe("fragile");
    expect(f.failover!.dirtyAfter.map((e) => ids(e.failed))).toEqual([
      ["a", "b"],
      ["a", "s--b"],
      ["a", "b--t"],
      ["b", "s--a"],
      ["b", "a--t"],
      ["s--a", "s--b"],
      ["s--a", "b--t"],
      ["a--t", "s--b"],
      ["a--t", "b--t"],
    ]);
  });

  it("exposure lists at most maxExposureItems, lowest first, and counts them all", () => {
    const net: TinyNet = {
      elements: [{ id: "s" }, { id: "a", risky: true }, { id: "b", risky: true }, { id: "t" }],
      links: [L("s", "a"), L("a", "t"), L("s", "b", 3), L("b", "t")],
    };
    const { f, ids } = audit(net, "s", "t", 0, { maxExposureItems: 1 });
    expect(f.exposure.count).toBe(2);
    expect(ids(f.exposure.items)).toEqual(["a"]);
  });

  it("unknown items count as risky only in the wider mask", () => {
    const net: TinyNet = { elements: [{ id: "s" }, { id: "u", unknown: true }, { id: "t" }], links: [L("s", "u"), L("u", "t")] };
    expect(audit(net, "s", "t", 0, { level: 1 }).verdict).toBe("clean");
    expect(audit(net, "s", "t", 0, { level: 2 }).verdict).toBe("dirty");
  });

  it("metrics summing past 2^31 keep exact distances", () => {
    const big = 2_000_000_000;
    const net: TinyNet = {
      elements: [{ id: "s" }, { id: "a" }, { id: "b", risky: true }, { id: "t" }],
      links: [L("s", "a", big), L("a", "t", big), L("s", "b", big), L("b", "t", big - 1)],
    };
    const { g, f, verdict } = audit(net, "s", "t", 1);
    expect(verdict).toBe("routed-dirty");
    expect(f.routed!.metric).toBe(2 * big - 1);
    expect(f.cleanAlternative!.metric).toBe(2 * big);
    expect(path(g, f)).toEqual(["s", "a", "t"]);
  });

  it("a long chain neither overflows the stack nor loses its way", () => {
    const k = 200_000;
    const ids = Array.from({ length: k }, (_, i) => `n${i}`);
    const net: TinyNet = {
      elements: ids.map((id, i) => ({ id, risky: i === k / 2 })),
      links: ids.slice(1).map((id, i) => L(ids[i]!, id)),
    };
    const { f, verdict, ids: name } = audit(net, "n0", `n${k - 1}`, 1);
    expect(verdict).toBe("dirty");
    expect(f.routed!.metric).toBe(k - 1);
    expect(f.exposure.count).toBe(1);
    expect(name(f.remediation!.items)).toEqual([`n${k / 2}`]);
    expect(f.failover!.disconnectedBy).toHaveLength(2 * (k - 1) - 1);
  });
});
