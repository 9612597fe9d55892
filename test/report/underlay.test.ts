import { describe, expect, it } from "vitest";
import type { AuditResult, PairResult } from "../../src/result.js";
import { outputText } from "../../src/report/context.js";
import { csv } from "../../src/report/csv.js";
import { hopsAtEachEnd, riskyLinks, shownHops } from "../../src/report/elide.js";
import { explainPair, pairLocation, pairMessage, underlayCause } from "../../src/report/explain.js";
import { github } from "../../src/report/github.js";
import { html } from "../../src/report/html.js";
import { junit } from "../../src/report/junit.js";
import { markdown, maxMarkdownLength } from "../../src/report/markdown.js";
import { collectProblems } from "../../src/report/problems.js";
import { sarifLog } from "../../src/report/sarif.js";
import { table } from "../../src/report/table.js";
import { carriesText, closureShown, maxClosureShown, riskyOnlyBelow, routedCarriers, underlayLines } from "../../src/report/underlay.js";
import { cases, goldenContext, parseXml } from "./helpers.js";

const all = cases();
const underlay = all.find((c) => c.name === "08-underlay")!.result;
const plainStyle = { hop: (id: string) => id, below: (id: string) => id, more: (n: number) => ` +${n}` };

/**
 * e0 … e<hops> in a line, every link carried by its own Huawei channel och-<i> (a routed-dirty
 * pair whose every risky item is an underlay item), written by hand as a saved result.
 */
function carriedChain(hops: number): AuditResult {
  const r = structuredClone(underlay);
  const loc = { file: "chain.yaml", line: 1, column: 1 };
  r.items = {};
  const path = Array.from({ length: hops + 1 }, (_, i) => `e${i}`);
  for (const id of path) r.items[id] = { type: "element", role: "transport", vendor: "Nokia", vendorId: "nokia", risk: "clean", reasons: [], location: loc };
  const links: string[] = [];
  const channels: string[] = [];
  const via: Record<string, string[]> = {};
  for (let i = 0; i < hops; i++) {
    const id = `e${i}--e${i + 1}`;
    links.push(id);
    channels.push(`och-${i}`);
    via[`och-${i}`] = [id];
    r.items[id] = { type: "link", a: `e${i}`, b: `e${i + 1}`, risk: "clean", reasons: [], closure: [`och-${i}`], location: { ...loc, line: i + 2 } };
    r.items[`och-${i}`] = { type: "link", a: `oadm-${i}`, b: `oadm-${i + 1}`, medium: "optical", vendor: "Huawei", vendorId: "huawei", risk: "high", reasons: [{ kind: "vendor", value: "huawei", source: "US 5G Clean Path (2020)" }], location: { ...loc, line: hops + i + 2 } };
  }
  const p: PairResult = {
    ...structuredClone(underlay.pairs[0]!),
    flow: null,
    from: "e0",
    to: `e${hops}`,
    routed: { metric: hops, paths: [path], pathCount: 1, items: [...path.slice(1, -1), ...links].sort(), riskyItems: [...channels].sort(), unknownItems: [] },
    cleanAlternative: null,
    verdict: "dirty",
    exposure: { items: [...channels].sort(), count: hops, approximate: false },
    remediation: { items: [...channels].sort(), cost: hops, measure: "count" },
    via,
  };
  delete p.location;
  r.pairs = [p];
  r.rules = [];
  r.findings = [];
  r.summary = { ...r.summary, pairs: 1, failedPairs: 1, failedRules: 0, byVerdict: { dirty: 1 }, findings: { error: 0, warning: 0, note: 0, waived: 0 } };
  return r;
}

describe("underlay lines", () => {
  it("are one per hop that rests on something, the link between its ends, risky closure items first", () => {
    const p = underlay.pairs[0]!;
    const lines = underlayLines(p.routed!.paths[0]!, riskyLinks(p.routed!.items, underlay), underlay, plainStyle);
    expect(lines).toEqual([{ head: "core-gdl ─ip-gdl-mty→ core-mty", over: ["oadm-gdl", "och-gdl-mty", "duct-12", "oadm-mty"] }]);
    const upf = underlay.pairs[2]!;
    expect(underlayLines(upf.routed!.paths[0]!, riskyLinks(upf.routed!.items, underlay), underlay, plainStyle)).toEqual([{ head: "upf-mty", over: ["srv-mty-7", "tor-mty-3"] }]);
  });

  it("leave the endpoints' closures out, as path risk does", () => {
    const r = structuredClone(underlay);
    r.items["site-gdl"]!.closure = ["srv-mty-7"];
    const p = r.pairs[0]!;
    expect(underlayLines(p.routed!.paths[0]!, riskyLinks(p.routed!.items, r), r, plainStyle).map((u) => u.head)).toEqual(["core-gdl ─ip-gdl-mty→ core-mty"]);
  });

  it("name a few closure items and count the rest", () => {
    const r = structuredClone(underlay);
    const extra = Array.from({ length: 10 }, (_, i) => `f${i}`);
    r.items["ip-gdl-mty"]!.closure = [...extra, ...r.items["ip-gdl-mty"]!.closure!];
    const { shown, more } = closureShown("ip-gdl-mty", r);
    expect(shown).toHaveLength(maxClosureShown);
    expect(shown.slice(0, 2)).toEqual(["oadm-gdl", "och-gdl-mty"]);
    expect(more).toBe(14 - maxClosureShown);
    const p = r.pairs[0]!;
    expect(underlayLines(p.routed!.paths[0]!, riskyLinks(p.routed!.items, r), r, plainStyle)[0]!.over.at(-1)).toBe(`f3 +${14 - maxClosureShown}`);
  });

  it("follow the long-path elision: a 10,000-hop path has lines for the hops shown only", () => {
    const r = carriedChain(10_000);
    const p = r.pairs[0]!;
    const path = p.routed!.paths[0]!;
    const shownLinks = shownHops(path, riskyLinks(p.routed!.items, r)).reduce((n, h) => n + (h.kind === "element" ? h.links.length : 0), 0);
    expect(shownLinks).toBe(2 * hopsAtEachEnd - 1);
    expect(underlayLines(path, riskyLinks(p.routed!.items, r), r, plainStyle)).toHaveLength(shownLinks);
    const text = table(r, goldenContext);
    expect(text.match(/└ e/g)).toHaveLength(shownLinks);
    expect(text).toContain("└ e0 ─e0--e1→ e1   over [huawei] och-0");
    expect(text).toContain(`└ e9999 ─e9999--e10000→ e10000   over [huawei] och-9999`);
    expect(text.length).toBeLessThan(20_000);
    // Bounded by what the formats cap anyway (risky items listed, the Markdown comment), not by the path.
    expect(markdown(r, goldenContext).length).toBeLessThan(maxMarkdownLength);
    expect(junit(r, goldenContext).length).toBeLessThan(20_000);
    expect(html(r, goldenContext).length).toBeLessThan(300_000);
  });
});

describe("what the formats say about underlay items", () => {
  it("name what each risky underlay item carries, a few and a count", () => {
    const p = { ...underlay.pairs[0]!, via: { "och-gdl-mty": ["a", "b", "c", "d", "e"] } };
    expect(carriesText("och-gdl-mty", p)).toBe("carries a, b, c and 2 more");
    expect(carriesText("oadm-gdl", p)).toBe("");
    expect(carriesText("x", { ...p, via: undefined } as PairResult)).toBe("");
  });

  it("do not mark an item risky only by what it rests on: the items under it are", () => {
    expect(riskyOnlyBelow(underlay.items["upf-mty"])).toBe(true);
    expect(riskyOnlyBelow(underlay.items["srv-mty-7"])).toBe(false);
    expect(riskyOnlyBelow(underlay.items["core-mty"])).toBe(false);
    const lines = explainPair(underlay.pairs[2]!, underlay);
    expect(lines[0]!.lines).toEqual(["gnb-mty-1 → agg-mty → upf-mty → dn-mty"]);
    expect(lines[0]!.under).toEqual([["upf-mty   over [huawei] srv-mty-7, [huawei] tor-mty-3"]]);
    expect(table(underlay, goldenContext)).not.toContain("] upf-mty");
  });

  it("say what a failed underlay item takes down on the routed paths", () => {
    expect(Object.fromEntries(routedCarriers(underlay.pairs[1]!, underlay))).toEqual({ "duct-57": ["ip-qro-mty-a"] });
    const fail = explainPair(underlay.pairs[1]!, underlay).find((s) => s.title.startsWith("Failures"))!;
    expect(fail.lines).toEqual(["if duct-57 (carries ip-qro-mty-a) fails → oadm-gdl (carries ip-gdl-mty), och-gdl-mty (carries ip-gdl-mty)"]);
  });

  it("mark approximate diversity and remediation, and leave them unmarked otherwise", () => {
    expect(table(underlay, goldenContext)).toContain("(2 items; not proven minimal)");
    expect(markdown(underlay, goldenContext)).toContain("≥ 1 clean path sharing no element, link or underlay item");
    const exact = structuredClone(underlay);
    for (const p of exact.pairs) {
      delete p.diversityApproximate;
      if (p.remediation) delete p.remediation.approximate;
    }
    for (const text of [table(exact, goldenContext), markdown(exact, goldenContext), html(exact, goldenContext), junit(exact, goldenContext)]) {
      expect(text).not.toContain("not proven minimal");
      expect(text).not.toContain("≥");
    }
    expect(csv(exact, goldenContext)).not.toContain("≥");
  });

  it("put a result at the risky underlay item, with what it carries and the flow as related locations", () => {
    const p = underlay.pairs[0]!;
    expect(underlayCause(p, underlay)).toBe("oadm-gdl");
    expect(pairLocation(p, underlay)).toEqual(underlay.items["oadm-gdl"]!.location);
    const problem = collectProblems(underlay).problems.find((x) => x.identity[1] === "gdl-to-mty")!;
    expect(problem.related).toEqual([
      { location: underlay.items["ip-gdl-mty"]!.location, message: "`ip-gdl-mty` rides on `oadm-gdl`" },
      { location: p.location, message: "flow `gdl-to-mty` is declared here" },
    ]);
    const result = (sarifLog(underlay, goldenContext).runs as { results: { ruleId: string; locations: unknown[]; relatedLocations?: { physicalLocation: { region: { startLine: number } } }[] }[] }[])[0]!.results;
    const dirty = result.find((x) => x.ruleId === "pair-routed-dirty")!;
    expect(dirty.relatedLocations!.map((x) => x.physicalLocation.region.startLine)).toEqual([underlay.items["ip-gdl-mty"]!.location.line, p.location!.line]);
    expect(github(underlay, goldenContext)).toContain("line=17,col=5,title=cleanpath routed-dirty%3A gdl-to-mty");
    expect(pairMessage(p, underlay)).toContain("Underlay: `oadm-gdl` carries `ip-gdl-mty`; `och-gdl-mty` carries `ip-gdl-mty`.");
  });

  it("stay where they were without underlays: the flow's line, no related locations", () => {
    for (const { result } of all.filter((c) => c.name !== "08-underlay")) {
      for (const p of result.pairs) expect(underlayCause(p, result)).toBeUndefined();
      for (const x of collectProblems(result).problems) expect(x.related).toBeUndefined();
    }
  });

  it("keep hostile ids in closures inert in every format", () => {
    const evil = "\u001b[2J<script>x</script>\n::error::forged|`@here";
    const r = structuredClone(underlay);
    const rename = (id: string) => (id === "och-gdl-mty" ? evil : id);
    r.items[evil] = r.items["och-gdl-mty"]!;
    delete r.items["och-gdl-mty"];
    r.items["ip-gdl-mty"]!.closure = r.items["ip-gdl-mty"]!.closure!.map(rename);
    for (const p of r.pairs) {
      if (p.routed) p.routed.riskyItems = p.routed.riskyItems.map(rename);
      p.exposure.items = p.exposure.items.map(rename);
      for (const d of p.failover?.dirtyAfter ?? []) d.riskyItems = d.riskyItems.map(rename);
      if (p.via?.["och-gdl-mty"]) {
        p.via[evil] = p.via["och-gdl-mty"];
        delete p.via["och-gdl-mty"];
      }
    }
    expect(table(r, goldenContext)).not.toMatch(/\u001b/);
    const md = markdown(r, goldenContext);
    expect(md).not.toMatch(/<script|@here|\u001b/);
    expect(html(r, goldenContext)).not.toContain("<script>x");
    parseXml(junit(r, goldenContext));
    for (const line of github(r, goldenContext).split("\n").filter(Boolean)) expect(line).toMatch(/^(::(error|warning|notice) [^\n\r]*|cleanpath: failed \(.*)$/);
    expect(outputText(csv(r, goldenContext)).split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
  });
});
