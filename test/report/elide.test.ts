import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/index.js";
import { loadFiles } from "../../src/load/index.js";
import { defaultRiskSpec } from "../../src/policy/risk-spec.js";
import type { AuditResult } from "../../src/result.js";
import { outputText } from "../../src/report/context.js";
import { hopsAtEachEnd, joinSome, LinksByEnds, maxHopsShown, maxLinksPerHop, notIn, omittedHopsText, riskyLinks, shownHops, thousands } from "../../src/report/elide.js";
import { toDot } from "../../src/report/graph-dot.js";
import { pairDiagram } from "../../src/report/graph-model.js";
import { reporters } from "../../src/report/index.js";
import { maxFailRows, maxMarkdownLength } from "../../src/report/markdown.js";
import { buildTopology } from "../../src/topology/index.js";
import { bigResult } from "./html-fixtures.js";

/** Audits one pair of a topology given as JSON text, in memory. */
function auditJson(doc: object, from: string, to: string): AuditResult {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  const host = { readFile: () => bytes, stat: () => ({ size: bytes.length, isFile: true, isDirectory: false }), realpath: (p: string) => p, display: (p: string) => p };
  const { topology, registry } = buildTopology(loadFiles(["/t.json"], host, {}));
  return audit({ topology, registry, spec: defaultRiskSpec("risky"), requests: [{ flow: null, from, to, failures: 0, failOn: "routed-dirty" }], asOf: "2026-01-01", generatedAt: "2026-01-01T00:00:00Z", version: "0.1.0", maxPairs: 10 });
}

/** e0 … e<hops> in a line; the elements listed in `huawei` are Huawei. */
function chain(hops: number, huawei: readonly number[]): AuditResult {
  const risky = new Set(huawei);
  return auditJson(
    {
      cleanpath: 1,
      elements: Array.from({ length: hops + 1 }, (_, i) => ({ id: `e${i}`, role: "transport", vendor: risky.has(i) ? "Huawei" : "Nokia" })),
      links: Array.from({ length: hops }, (_, i) => [`e${i}`, `e${i + 1}`]),
    },
    "e0",
    `e${hops}`,
  );
}

/** a and b joined by `n` parallel links, the even ones Huawei, and a clean detour a–c–b. */
function parallel(n: number): AuditResult {
  return auditJson(
    {
      cleanpath: 1,
      elements: ["a", "b", "c"].map((id) => ({ id, role: "core", vendor: "Nokia" })),
      links: [
        ...Array.from({ length: n }, (_, k) => ({ id: `p${k + 1}`, a: "a", b: "b", ...((k + 1) % 2 === 0 ? { vendor: "Huawei" } : {}) })),
        ["a", "c", 5],
        ["c", "b", 5],
      ],
    },
    "a",
    "b",
  );
}

const ctx = { color: false, version: "0.1.0" };
const ids = (text: string): number[] => [...text.matchAll(/\be(\d+)\b/g)].map((m) => Number(m[1]));

describe("the hops a human format shows", () => {
  const none = new LinksByEnds([], chain(3, []));
  const path = (n: number) => Array.from({ length: n }, (_, i) => `e${i}`);

  it("are all of a path up to maxHopsShown elements", () => {
    const hops = shownHops(path(maxHopsShown), none);
    expect(hops.map((h) => (h.kind === "element" ? h.id : "gap"))).toEqual(path(maxHopsShown));
    expect(hops.filter((h) => h.kind === "element" && h.inner)).toHaveLength(maxHopsShown - 2);
  });

  it("are the first and last hopsAtEachEnd of a longer one, with the count left out between them", () => {
    const n = maxHopsShown + 1;
    const hops = shownHops(path(n), none);
    expect(hops).toHaveLength(2 * hopsAtEachEnd + 1);
    expect(hops[hopsAtEachEnd]).toEqual({ kind: "gap", omitted: n - 2 * hopsAtEachEnd });
    const shown = hops.filter((h) => h.kind === "element").map((h) => h.index);
    expect(shown).toEqual([...Array.from({ length: hopsAtEachEnd }, (_, i) => i), ...Array.from({ length: hopsAtEachEnd }, (_, i) => n - hopsAtEachEnd + i)]);
    // Only the two ends of the whole path are unmarked endpoints.
    expect(hops.filter((h) => h.kind === "element" && !h.inner).map((h) => h.kind === "element" && h.index)).toEqual([0, n - 1]);
  });

  it("name at most maxLinksPerHop links on a hop, and count the rest", () => {
    // 13 parallel links, 6 of them Huawei: 5 named, 1 counted.
    const r = parallel(2 * maxLinksPerHop + 3);
    const risky = riskyLinks(r.pairs[0]!.routed!.items, r);
    expect(risky.between("a", "b")).toEqual(risky.between("b", "a"));
    expect(risky.between("a", "b").every((l) => r.items[l]!.risk === "high")).toBe(true);
    const [, b] = shownHops(["a", "b"], risky);
    expect(b).toMatchObject({ kind: "element", id: "b", moreLinks: 1 });
    expect(b!.kind === "element" && b!.links).toHaveLength(maxLinksPerHop);
  });

  it("have helpers that count and cut lists", () => {
    expect(thousands(0)).toBe("0");
    expect(thousands(999)).toBe("999");
    expect(thousands(19960)).toBe("19,960");
    expect(thousands(1234567)).toBe("1,234,567");
    expect(omittedHopsText(1)).toBe("… 1 hop not shown (the JSON result lists every hop) …");
    expect(joinSome(["a", "b"], (x) => `<${x}>`)).toBe("<a>, <b>");
    expect(joinSome(Array.from({ length: 1025 }, (_, i) => `x${i}`), undefined, 2)).toBe("x0, x1 and 1,023 more");
    expect(notIn(["x", "a", "y", "x"], ["a", "b", "c"])).toEqual(["x", "y", "x"]);
    expect(notIn([], ["a"])).toEqual([]);
  });
});

describe("a long path in the human formats", () => {
  const hops = 3000;
  const r = chain(hops, [10, 1500, 2995]);
  const gap = omittedHopsText(hops + 1 - 2 * hopsAtEachEnd);

  it("table: the two ends, the gap, the risky items in full; hidden risky hops stay listed", () => {
    const text = outputText(reporters.table(r, ctx));
    const routed = text.slice(text.indexOf("Routed ("), text.indexOf("Risky on the routed paths"));
    expect(routed).toContain(gap);
    expect(ids(routed)).toEqual([...Array.from({ length: 20 }, (_, i) => i), ...Array.from({ length: 20 }, (_, i) => hops - 19 + i)]);
    expect(routed).toContain("[huawei] e10");
    expect(routed).toContain("[huawei] e2995");
    expect(text).toContain("• e1500 (transport, Huawei)");
  });

  it.each(["markdown", "junit", "html"] as const)("%s: the two ends and the gap", (format) => {
    const text = outputText(reporters[format](r, ctx));
    expect(text).toContain(gap);
    expect(text).toMatch(/\be19\b/);
    expect(text).toMatch(/\be2981\b/);
    expect(text).not.toMatch(/\be20\b|\be1499\b|\be2980\b/);
  });

  it("diagram: the two ends joined by one dashed node that counts what it leaves out", () => {
    const d = pairDiagram(r, r.pairs[0]!);
    expect(d.nodes).toHaveLength(2 * hopsAtEachEnd + 1);
    expect(d.edges).toHaveLength(2 * hopsAtEachEnd);
    const gapNode = d.nodes.find((n) => n.elided)!;
    expect(gapNode).toMatchObject({ id: `… ${thousands(hops + 1 - 2 * hopsAtEachEnd)} hops not drawn …`, risk: "high", detail: ["1 high-risk among them"] });
    expect(d.omitted).toEqual({ hops: hops + 1 - 2 * hopsAtEachEnd, links: 0 });
    expect(d.edges.filter((e) => e.elided).map((e) => [e.a === gapNode.key || e.b === gapNode.key, e.routed])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(toDot(d)).toMatch(/style="rounded,filled,dashed"/);
  });

  it("a short path is drawn whole", () => {
    const short = chain(maxHopsShown - 1, [3]);
    const d = pairDiagram(short, short.pairs[0]!);
    expect(d.nodes).toHaveLength(maxHopsShown);
    expect(d.omitted).toBeUndefined();
    expect(d.nodes.some((n) => n.elided)).toBe(false);
  });
});

describe("a hop over many parallel links", () => {
  const n = 1000;
  const r = parallel(n);
  const risky = n / 2;

  it("table and markdown name a few of the risky links and count the rest", () => {
    const table = outputText(reporters.table(r, ctx));
    expect(table).toContain(`and ${thousands(risky - maxLinksPerHop)} more→ b`);
    expect(table).toContain(`… and ${thousands(risky - 20)} more (see --format json)`);
    const md = outputText(reporters.markdown(r, ctx));
    expect(md).toContain(`and ${thousands(risky - maxLinksPerHop)} more → b`);
    expect(table.length + md.length).toBeLessThan(20_000);
  });

  it("diagram: a few links and one dashed edge for the rest", () => {
    const d = pairDiagram(r, r.pairs[0]!);
    const routed = d.edges.filter((e) => e.routed);
    expect(routed).toHaveLength(maxLinksPerHop + 1);
    const more = routed.find((e) => e.elided)!;
    expect(more).toMatchObject({ label: `${thousands(n - maxLinksPerHop)} more links`, risk: "high" });
    expect(d.omitted).toEqual({ hops: 0, links: n - maxLinksPerHop });
  });
});

describe("markdown with thousands of failing pairs", () => {
  it("stays within a comment: at most maxFailRows rows, and the rest counted", () => {
    const r = bigResult(20_000);
    const failing = r.summary.failedPairs;
    const md = outputText(reporters.markdown(r, ctx));
    expect(md.length).toBeLessThanOrEqual(maxMarkdownLength + 1000);
    const rows = md.split("\n").filter((l) => l.startsWith("| <code>flow-"));
    expect(rows).toHaveLength(maxFailRows);
    expect(md).toContain(`${failing - maxFailRows} more failing pairs not in this table`);
  });
});

describe("the table of thousands of pairs", () => {
  it("is drawn in blocks that join into one table: one top and one bottom border, rows in order, one width", () => {
    const n = 1234;
    const text = outputText(reporters.table(bigResult(n), ctx));
    const lines = text.split("\n");
    // The pairs table is the first table (the rules table follows).
    const first = lines.findIndex((l) => l.startsWith("┌"));
    const last = lines.findIndex((l) => l.startsWith("└"));
    const body = lines.slice(first + 1, last);
    expect(body.filter((l) => !l.startsWith("│"))).toEqual([]);
    expect(body[0]).toMatch(/^│ flow +│ from +│ to +│ verdict +│ metric +│ risky +│$/);
    const flows = body.slice(1).map((l) => /^│ (flow-\d+) /.exec(l)?.[1]);
    expect(flows).toEqual(Array.from({ length: n }, (_, i) => `flow-${String(i).padStart(5, "0")}`));
    expect(new Set(lines.slice(first, last + 1).map((l) => l.length)).size).toBe(1);
  });
});
