import { describe, expect, it } from "vitest";
import { outputText } from "../../src/report/context.js";
import { csv } from "../../src/report/csv.js";
import { github } from "../../src/report/github.js";
import { html } from "../../src/report/html.js";
import { junit } from "../../src/report/junit.js";
import { markdown } from "../../src/report/markdown.js";
import { sarif } from "../../src/report/sarif.js";
import { table } from "../../src/report/table.js";
import { cases, expectGolden, goldenContext, parseCsv, parseXml, sarifSchemaErrors, schemaErrors } from "./helpers.js";

const all = cases();
const formats = [
  { name: "sarif", ext: "sarif", render: sarif },
  { name: "junit", ext: "junit.xml", render: junit },
  { name: "github", ext: "github.txt", render: github },
  { name: "markdown", ext: "md", render: markdown },
  { name: "csv", ext: "csv", render: csv },
  { name: "table", ext: "table.txt", render: table },
  // Without Graphviz (no diagrams): the rest of the page is pinned byte for byte.
  { name: "html", ext: "html", render: html },
] as const;

describe("report cases", () => {
  it("are the numbered set, 00 to 08", () => {
    expect(all.map((c) => c.name)).toEqual([
      "00-empty",
      "01-clean",
      "02-routed-dirty",
      "03-dirty-with-remediation",
      "04-fragile",
      "05-rules-and-waivers",
      "06-unknown-vendors",
      "07-hostile-ids",
      "08-underlay",
    ]);
  });

  it.each(all)("$name is a valid result (report schema)", ({ result }) => {
    expect(schemaErrors(result)).toEqual([]);
  });
});

describe.each(formats)("$name golden files", ({ ext, render }) => {
  it.each(all)("$name", ({ name, result }) => {
    const text = outputText(render(result, goldenContext));
    expectGolden(`${name}.${ext}`, text);
    // Rendering is a pure function: the same input gives the same bytes.
    expect(outputText(render(structuredClone(result), goldenContext))).toBe(text);
  });
});

describe("golden outputs are well-formed", () => {
  it.each(all)("$name: SARIF passes the official SARIF 2.1.0 schema", ({ result }) => {
    const log = JSON.parse(outputText(sarif(result, goldenContext))) as {
      runs: { results: { locations?: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs).toHaveLength(1);
    for (const r of log.runs[0]!.results) {
      const region = r.locations![0]!.physicalLocation.region;
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(all)("$name: JUnit parses with a strict XML parser and its counts add up", ({ result }) => {
    const doc = parseXml(junit(result, goldenContext));
    expect(doc.name).toBe("testsuites");
    let tests = 0;
    let failures = 0;
    let errors = 0;
    const names = new Set<string>();
    for (const suite of doc.children) {
      expect(suite.name).toBe("testsuite");
      const cs = suite.children.filter((c) => c.name === "testcase");
      const f = cs.filter((c) => c.children.some((x) => x.name === "failure")).length;
      const e = cs.filter((c) => c.children.some((x) => x.name === "error")).length;
      expect(suite.attributes).toMatchObject({ tests: String(cs.length), failures: String(f), errors: String(e), skipped: "0", time: "0" });
      expect(cs.every((c) => !c.children.some((x) => x.name === "skipped"))).toBe(true);
      for (const c of cs) names.add(`${c.attributes.classname}\u0000${c.attributes.name}`);
      tests += cs.length;
      failures += f;
      errors += e;
    }
    expect(names.size).toBe(tests);
    expect(doc.attributes).toMatchObject({ tests: String(tests), failures: String(failures), errors: String(errors) });
    const builtin = new Set(result.findings.map((f) => f.rule).filter((r) => !result.rules.some((x) => x.id === r)));
    expect(tests).toBe(result.pairs.length + result.rules.length + builtin.size);
  });

  it.each(all)("$name: CSV parses as RFC 4180 into three sections of even rows (four with underlay items)", ({ result }) => {
    const rows = parseCsv(csv(result, goldenContext));
    const blanks = rows.map((r, i) => (r.length === 1 && r[0] === "" ? i : -1)).filter((i) => i >= 0);
    const underlay = result.pairs.some((p) => p.via !== undefined);
    expect(blanks).toHaveLength(underlay ? 3 : 2);
    const sections = [0, ...blanks.map((b) => b + 1)].map((start, k) => rows.slice(start, blanks[k] ?? rows.length));
    const viaRows = result.pairs.reduce((n, p) => n + Object.keys(p.via ?? {}).length, 0);
    expect(sections.map((s) => s.length - 1)).toEqual([result.pairs.length, result.rules.length, result.findings.length, ...(underlay ? [viaRows] : [])]);
    for (const s of sections) for (const r of s) expect(r.length).toBe(s[0]!.length);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it.each(all)("$name: every GitHub command line is one we started", ({ result }) => {
    const lines = github(result, goldenContext).split("\n");
    expect(lines.pop()).toBe("");
    for (const l of lines.filter((x) => x.startsWith("::"))) {
      expect(l).toMatch(/^::(error|warning|notice) (file=[^,:\n]*,line=\d+,col=\d+,)?title=[^,:\n]*::[^\n\r]*$/);
    }
    const plain = lines.filter((l) => !l.startsWith("::"));
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(/^cleanpath: (passed|failed) /);
  });

  it.each(all)("$name: Markdown keeps ids from making HTML, mentions or extra table cells", ({ result }) => {
    const md = markdown(result, goldenContext);
    expect(md).not.toMatch(/<script|<b>|\u001b|@here/);
    // Every row of a table has as many cell separators as its header: no id split a row.
    let header: number | undefined;
    for (const line of md.split("\n")) {
      if (!line.startsWith("|")) {
        header = undefined;
        continue;
      }
      const bars = line.split("|").length;
      header ??= bars;
      expect(bars, line).toBe(header);
    }
  });
});
