import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.js";
import type { NetGraph } from "../../src/graph/types.js";
import { linkItem } from "../../src/graph/types.js";
import { topologyOf } from "./tiny.js";

/** Arcs of the CSR as "from>to:link" strings, node by node. */
function arcs(g: NetGraph, side: "out" | "in"): string[] {
  const start = side === "out" ? g.outStart : g.inStart;
  const other = side === "out" ? g.outTo : g.inFrom;
  const link = side === "out" ? g.outLink : g.inLink;
  const out: string[] = [];
  for (let v = 0; v < g.n; v++) {
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const [from, to] = side === "out" ? [v, other[k]!] : [other[k]!, v];
      out.push(`${g.nodeIds[from]}>${g.nodeIds[to]}:${g.linkIds[link[k]!]}`);
    }
  }
  return out;
}

describe("buildGraph", () => {
  const topo = topologyOf({
    elements: [{ id: "a" }, { id: "p", state: "planned" }, { id: "b" }, { id: "c" }, { id: "o", state: "out-of-service" }],
    links: [
      { a: "a", b: "b", metric: 3 },
      { a: "a", b: "b", metric: 5 },
      { a: "b", b: "c", oneWay: true },
      { a: "a", b: "p" },
      { a: "c", b: "a", state: "planned" },
      { a: "o", b: "c" },
    ],
  });
  const g = buildGraph(topo);

  it("keeps in-service elements in order and in-service links between them", () => {
    expect(g.nodeIds).toEqual(["a", "b", "c"]);
    expect(Array.from(g.nodeElement)).toEqual([0, 2, 3]);
    expect(g.linkIds).toEqual(["a--b", "a--b#2", "b--c"]);
    expect(Array.from(g.linkTopo)).toEqual([0, 1, 2]);
    expect([g.n, g.m]).toEqual([3, 3]);
    expect(Array.from(g.linkMetric)).toEqual([3, 5, 1]);
    expect(Array.from(g.linkOneWay)).toEqual([0, 0, 1]);
    expect(g.hasOneWay).toBe(true);
    expect(linkItem(g, 2)).toBe(5);
  });

  it("lists both arcs of two-way links, parallel links apart, and one arc for a one-way link", () => {
    expect(arcs(g, "out")).toEqual(["a>b:a--b", "a>b:a--b#2", "b>a:a--b", "b>a:a--b#2", "b>c:b--c"]);
    expect(arcs(g, "in")).toEqual(["b>a:a--b", "b>a:a--b#2", "a>b:a--b", "a>b:a--b#2", "b>c:b--c"]);
  });

  it("shares one CSR for both directions when every link is two-way", () => {
    const u = buildGraph(topologyOf({ elements: [{ id: "x" }, { id: "y" }], links: [{ a: "x", b: "y" }] }));
    expect(u.hasOneWay).toBe(false);
    expect(u.inStart).toBe(u.outStart);
    expect(u.inFrom).toBe(u.outTo);
    expect(arcs(u, "in").sort()).toEqual(arcs(u, "out").sort());
  });

  it("maps ids to nodes, and only in-service ones", () => {
    expect(g.nodeIndex.get("c")).toBe(2);
    expect(g.nodeIndex.get("p")).toBeUndefined();
    expect(g.nodeIndex.get("nope")).toBeUndefined();
    expect(g.nodeIndex.has("o")).toBe(false);
    expect(g.nodeIndex.size).toBe(3);
    expect([...g.nodeIndex]).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
    expect([...g.nodeIndex.keys()]).toEqual(["a", "b", "c"]);
    expect([...g.nodeIndex.values()]).toEqual([0, 1, 2]);
  });

  it("handles an empty topology", () => {
    const e = buildGraph(topologyOf({ elements: [], links: [] }));
    expect([e.n, e.m, e.outStart.length]).toEqual([0, 0, 1]);
  });
});
