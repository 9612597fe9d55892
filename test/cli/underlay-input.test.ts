import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { root, runCli, scratch } from "../helpers/cli.js";

/**
 * SPEC §9 for underlays (§4.1): a cycle, an unknown id, an item listing itself and a link listing
 * its own end each exit 2 with nothing on stdout and a message at the `underlay` entry, whether
 * the file is YAML or JSON.
 */
const elements = [
  { id: "core-gdl", role: "core" },
  { id: "core-mty", role: "core" },
  { id: "oadm-gdl", role: "transport", vendor: "huawei" },
  { id: "oadm-mty", role: "transport", vendor: "huawei" },
];

interface Case {
  name: string;
  doc: Record<string, unknown>;
  code: string;
  /** line:column in the YAML and in the JSON form. */
  yaml: string;
  json: string;
  message: string;
}

const cases: Case[] = [
  {
    name: "an underlay cycle",
    doc: {
      cleanpath: 1,
      elements,
      links: [
        { id: "och-1", a: "oadm-gdl", b: "oadm-mty", medium: "optical", underlay: ["och-2"] },
        { id: "och-2", a: "oadm-gdl", b: "oadm-mty", medium: "optical", underlay: ["och-1"] },
      ],
    },
    code: "E_UNDERLAY_CYCLE",
    yaml: "25:9",
    json: "39:9",
    message: "`underlay` entry `och-1` of `och-2` closes a cycle: och-1 → och-2 → och-1",
  },
  {
    name: "an unknown underlay id",
    doc: { cleanpath: 1, elements, links: [{ id: "och-1", a: "oadm-gdl", b: "oadm-mty" }, { a: "core-gdl", b: "core-mty", underlay: ["och-11"] }] },
    code: "E_UNKNOWN_ITEM",
    yaml: "20:9",
    json: "33:9",
    message: "`underlay` of `core-gdl--core-mty` names `och-11`, which is not an element or a link — did you mean `och-1`?",
  },
  {
    name: "an item listing itself",
    doc: { cleanpath: 1, elements: [...elements, { id: "srv-1", role: "datacenter", underlay: ["srv-1"] }] },
    code: "E_UNDERLAY_SELF",
    yaml: "16:9",
    json: "26:9",
    message: "`underlay` of `srv-1` lists itself",
  },
  {
    name: "a link listing its own end",
    doc: { cleanpath: 1, elements, links: [{ a: "core-gdl", b: "core-mty", underlay: ["oadm-gdl", "core-mty"] }] },
    code: "E_UNDERLAY_SELF",
    yaml: "18:9",
    json: "29:9",
    message: "`underlay` of `core-gdl--core-mty` lists its own end `core-mty` (a link rests on what carries it, not on the elements it joins)",
  },
];

describe("bad underlays through the CLI (exit 2, nothing on stdout, located at the entry)", () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((c) => c()));

  for (const form of ["yaml", "json"] as const) {
    it.each(cases)(`$name → $code (${form})`, (c) => {
      const file = `t.${form}`;
      const text = form === "yaml" ? stringify(c.doc) : JSON.stringify(c.doc, null, 2);
      const s = scratch({ [file]: text });
      cleanups.push(s.cleanup);
      const r = runCli(["validate", file], { cwd: s.dir });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.split("\n").filter((l) => l.includes(`  ${c.code}  `));
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]!.startsWith(`${file}:${form === "yaml" ? c.yaml : c.json}  ${c.code}  ${c.message}`), lines[0]).toBe(true);
    });
  }

  it("accepts SPEC §4.1's example and warns about an id listed twice", () => {
    const doc = {
      cleanpath: 1,
      elements: [...elements, { id: "duct-57", role: "other", passive: true }],
      links: [
        { id: "och-gdl-mty", a: "oadm-gdl", b: "oadm-mty", medium: "optical", vendor: "huawei", underlay: ["duct-57"] },
        { id: "ip-gdl-mty", a: "core-gdl", b: "core-mty", metric: 10, underlay: ["oadm-gdl", "och-gdl-mty", "oadm-mty", "oadm-gdl"] },
        { a: "core-gdl", b: "core-mty", medium: "circuit", underlay: ["duct-57"] },
      ],
    };
    const s = scratch({ "t.yaml": stringify(doc, { collectionStyle: "flow" }) });
    cleanups.push(s.cleanup);
    const r = runCli(["validate", "t.yaml"], { cwd: s.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^valid {2}t\.yaml {2}5 elements, 3 links, 1 warning/);
    expect(r.stderr).toMatch(/^t\.yaml:\d+:\d+ {2}W_UNDERLAY_DUPLICATE {2}`underlay` of `ip-gdl-mty` lists `oadm-gdl` twice \(the second is ignored\) \(see t\.yaml:\d+:\d+\)$/m);
  });

  it("prints exactly the messages docs/underlay.md shows for its example", () => {
    const doc = readFileSync(join(root, "docs", "underlay.md"), "utf8");
    const section = doc.slice(doc.indexOf("This file has one of each"));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const shown = /```text\n\$ cleanpath validate t\.yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const s = scratch({ "t.yaml": yaml });
    cleanups.push(s.cleanup);
    const r = runCli(["validate", "t.yaml"], { cwd: s.dir });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toBe(shown);
  });

  it("diffs two topologies whose underlays differ, through the CLI", () => {
    const links = (ipUnder: string) => [
      { id: "och-gdl-mty", a: "oadm-gdl", b: "oadm-mty", medium: "optical", vendor: "huawei", underlay: ["duct-57"] },
      { id: "ip-gdl-mty", a: "core-gdl", b: "core-mty", underlay: [ipUnder] },
    ];
    const doc = (ipUnder: string) => ({
      cleanpath: 1,
      elements: [...elements, { id: "duct-57", role: "other", passive: true }, { id: "duct-58", role: "other", passive: true }],
      links: links(ipUnder),
      flows: [{ id: "f", from: "core-gdl", to: "core-mty" }],
    });
    const s = scratch({ "old.yaml": stringify(doc("duct-58")), "new.yaml": stringify(doc("och-gdl-mty")) });
    cleanups.push(s.cleanup);
    const table = runCli(["diff", "old.yaml", "new.yaml"], { cwd: s.dir });
    expect(table.stderr).toBe("");
    expect(table.stdout).toContain("  ~ link ip-gdl-mty: underlay +och-gdl-mty -duct-58; closure +duct-57 +och-gdl-mty -duct-58\n");
    const json = runCli(["diff", "old.yaml", "new.yaml", "--format", "json"], { cwd: s.dir });
    expect(JSON.parse(json.stdout).items.changed).toMatchObject([
      { id: "ip-gdl-mty", underlay: { added: ["och-gdl-mty"], removed: ["duct-58"] }, closure: { added: ["duct-57", "och-gdl-mty"], removed: ["duct-58"] }, location: { file: "new.yaml" } },
    ]);
  });
});
