import { describe, expect, it } from "vitest";
import { diffResults, topologyItems } from "../../src/diff/compare.js";
import { diffGithub, diffJson, diffMarkdown, diffTable } from "../../src/diff/report.js";
import { parseFile } from "../../src/load/index.js";
import type { AuditResult } from "../../src/result.js";
import { buildTopology } from "../../src/topology/index.js";
import { cases, goldenContext } from "../report/helpers.js";

const empty = cases()[0]!.result;
const topology = (file: string, text: string) => buildTopology([parseFile(file, `/x/${file}`, new TextEncoder().encode(text))]).topology;

const before = `cleanpath: 1
elements:
  - { id: core-gdl, role: core }
  - { id: core-mty, role: core }
  - { id: oadm-gdl, role: transport, vendor: huawei }
  - { id: oadm-mty, role: transport, vendor: huawei }
  - { id: duct-57, role: other, passive: true }
  - { id: duct-58, role: other, passive: true }
links:
  - { id: och-gdl-mty, a: oadm-gdl, b: oadm-mty, medium: optical, vendor: huawei, underlay: [duct-57] }
  - { id: ip-gdl-mty, a: core-gdl, b: core-mty, underlay: [duct-58] }
  - { id: ip-2, a: core-gdl, b: core-mty, underlay: [och-gdl-mty] }
`;
// ip-gdl-mty moves from duct-58 onto the optical channel; och-gdl-mty leaves duct-57 (so ip-2's
// closure shrinks with no change to its own entries); a new link arrives already on a duct.
const after = before
  .replace("underlay: [duct-58] }", "underlay: [och-gdl-mty] }")
  .replace("vendor: huawei, underlay: [duct-57] }", "vendor: huawei }")
  .concat("  - { id: ip-3, a: core-gdl, b: core-mty, underlay: [duct-57, duct-58] }\n");

function underlayDiff() {
  return diffResults(empty, structuredClone(empty), {
    mode: "topology",
    version: "0.1.0",
    items: { before: topologyItems(topology("old.yaml", before)), after: topologyItems(topology("new.yaml", after)) },
  });
}

describe("diff of underlays", () => {
  it("reports entries added and removed per item, and what that does to closures", () => {
    const d = underlayDiff();
    expect(d.summary).toMatchObject({ itemsAdded: 1, itemsRemoved: 0, itemsChanged: 3, gotWorse: false });
    expect(d.items.added).toEqual([{ id: "ip-3", type: "link", after: { type: "link", underlay: ["duct-57", "duct-58"] } }]);
    expect(d.items.changed).toEqual([
      {
        id: "ip-2",
        type: "link",
        before: { type: "link", underlay: ["och-gdl-mty"] },
        after: { type: "link", underlay: ["och-gdl-mty"] },
        closure: { added: [], removed: ["duct-57"] },
        location: { file: "new.yaml", line: 12, column: 5 },
      },
      {
        id: "ip-gdl-mty",
        type: "link",
        before: { type: "link", underlay: ["duct-58"] },
        after: { type: "link", underlay: ["och-gdl-mty"] },
        underlay: { added: ["och-gdl-mty"], removed: ["duct-58"] },
        closure: { added: ["och-gdl-mty"], removed: ["duct-58"] },
        location: { file: "new.yaml", line: 11, column: 5 },
      },
      {
        id: "och-gdl-mty",
        type: "link",
        before: { type: "link", vendor: "huawei", underlay: ["duct-57"] },
        after: { type: "link", vendor: "huawei" },
        underlay: { added: [], removed: ["duct-57"] },
        closure: { added: [], removed: ["duct-57"] },
        location: { file: "new.yaml", line: 10, column: 5 },
      },
    ]);
  });

  it("prints them in every format", () => {
    const d = underlayDiff();
    expect(diffTable(d, goldenContext)).toBe(
      [
        "Items",
        "  + link ip-3 (no vendor, underlay duct-57, duct-58)",
        "  ~ link ip-2: closure -duct-57",
        "  ~ link ip-gdl-mty: underlay +och-gdl-mty -duct-58; closure +och-gdl-mty -duct-58",
        "  ~ link och-gdl-mty: underlay -duct-57; closure -duct-57",
        "",
        "not worse: items: 1 added, 0 removed, 3 changed",
        "",
      ].join("\n"),
    );
    expect(diffMarkdown(d, goldenContext)).toContain(
      [
        "- added link ip-3 (no vendor, underlay duct-57, duct-58)",
        "- changed link ip-2: closure -duct-57",
        "- changed link ip-gdl-mty: underlay +och-gdl-mty -duct-58; closure +och-gdl-mty -duct-58",
        "- changed link och-gdl-mty: underlay -duct-57; closure -duct-57",
      ].join("\n"),
    );
    expect(diffGithub(d, goldenContext)).toBe(
      [
        "::notice file=new.yaml,line=12,col=5,title=cleanpath%3A underlay of ip-2 changed::link ip-2: closure -duct-57",
        "::notice file=new.yaml,line=11,col=5,title=cleanpath%3A underlay of ip-gdl-mty changed::link ip-gdl-mty: underlay +och-gdl-mty -duct-58; closure +och-gdl-mty -duct-58",
        "::notice file=new.yaml,line=10,col=5,title=cleanpath%3A underlay of och-gdl-mty changed::link och-gdl-mty: underlay -duct-57; closure -duct-57",
        "cleanpath diff: not worse (items: 1 added, 0 removed, 3 changed)",
        "",
      ].join("\n"),
    );
    expect(JSON.parse(diffJson(d, goldenContext)).items).toEqual(JSON.parse(JSON.stringify(d.items)));
  });

  it("shortens long lists in lines, never in json, and caps the annotations", () => {
    // Links l1..l10 each move from one duct onto two: eleven annotations' worth of changes.
    const many = Array.from({ length: 12 }, (_, i) => `d${String(i).padStart(2, "0")}`);
    const els = [...many, "z"].map((id) => `  - { id: ${id}, role: other }\n`).join("");
    const links = Array.from({ length: 11 }, (_, i) => `  - { id: l${i}, a: d00, b: d01${i === 0 ? "" : `, underlay: [${many[i + 1]}]`} }\n`).join("");
    const old = `cleanpath: 1\nelements:\n${els}links:\n${links}`;
    const now = old.replace("{ id: l0, a: d00, b: d01 }", `{ id: l0, a: d00, b: d01, underlay: [${many.slice(2).join(", ")}, l1] }`).replace(/underlay: \[(d\d\d)\] \}/g, "underlay: [$1, z] }");
    const d = diffResults(empty, structuredClone(empty), { mode: "topology", version: "0.1.0", items: { before: topologyItems(topology("a.yaml", old)), after: topologyItems(topology("b.yaml", now)) } });
    const l0 = d.items.changed.find((x) => x.id === "l0")!;
    expect(l0.underlay!.added).toHaveLength(11);
    expect(diffTable(d, goldenContext)).toContain("  ~ link l0: underlay +d02 +d03 +d04 +d05 +d06 +d07 +d08 +d09 +d10 +d11 … 1 more; closure +d02");
    const github = diffGithub(d, goldenContext).split("\n");
    expect(github.filter((l) => l.startsWith("::notice file="))).toHaveLength(10);
    expect(github).toContain("::notice title=cleanpath::1 more underlay changes not shown as annotations: run cleanpath diff locally for the full list.");
  });

  it("compares closures of saved results, and adds nothing when no item has an underlay", () => {
    const a = structuredClone(cases().find((c) => c.name === "02-routed-dirty")!.result) as AuditResult;
    const b = structuredClone(a);
    const [first] = Object.keys(b.items);
    b.items[first!]!.closure = ["agg-mid"];
    const d = diffResults(a, b, { mode: "result", version: "0.1.0" });
    expect(d.items.changed).toMatchObject([{ id: first, closure: { added: ["agg-mid"], removed: [] } }]);
    expect(d.items.changed[0]!.underlay).toBeUndefined();
    const plain = diffResults(empty, structuredClone(empty), {
      mode: "topology",
      version: "0.1.0",
      items: { before: topologyItems(topology("a.yaml", "cleanpath: 1\nelements: [{id: a, role: core, vendor: nokia}]\n")), after: topologyItems(topology("b.yaml", "cleanpath: 1\nelements: [{id: a, role: core, vendor: huawei}]\n")) },
    });
    expect(plain.items.changed).toEqual([{ id: "a", type: "element", before: { type: "element", vendor: "nokia" }, after: { type: "element", vendor: "huawei" } }]);
    expect(diffTable(plain, goldenContext)).toContain("  ~ element a: nokia → huawei\n");
  });
});
