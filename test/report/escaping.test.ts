import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/result.js";
import { csv, csvCell } from "../../src/report/csv.js";
import { escapeData, escapeProperty, github, maxAnnotationsPerLevel } from "../../src/report/github.js";
import { junit, xmlText } from "../../src/report/junit.js";
import { markdown, mdText } from "../../src/report/markdown.js";
import { encodePath, repoPath } from "../../src/report/paths.js";
import { sarifLog } from "../../src/report/sarif.js";
import { cases, goldenContext, parseCsv, parseXml } from "./helpers.js";

const dirty = cases().find((c) => c.name === "03-dirty-with-remediation")!.result;

/** The dirty case with every id renamed by `rename` (items, paths, findings). */
function renamed(rename: (id: string) => string): AuditResult {
  const r = structuredClone(dirty);
  const map = (id: string) => rename(id);
  const p = r.pairs[0]!;
  p.from = map(p.from);
  p.to = map(p.to);
  p.flow = rename("flow");
  p.routed!.paths = p.routed!.paths.map((path) => path.map(map));
  p.routed!.items = p.routed!.items.map(map);
  p.routed!.riskyItems = p.routed!.riskyItems.map(map);
  p.exposure.items = p.exposure.items.map(map);
  p.remediation!.items = p.remediation!.items.map(map);
  r.items = Object.fromEntries(Object.entries(r.items).map(([k, v]) => [map(k), { ...v, ...(v.a ? { a: map(v.a), b: map(v.b!) } : {}) }]));
  r.findings = [{ rule: rename("rule"), kind: "forbid", level: "error", message: rename("message"), items: [map("agg-hw")], location: { file: rename("file.yaml"), line: 3, column: 1 } }];
  return r;
}

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom("\n::error::forged", "%0A::warning::x", "\r\n::notice file=a::b", "\u001b[2J", "::", "%", "a\u2028b", "\u0085::error::x"),
  fc.array(fc.constantFrom("\n", "\r", ":", ",", "%", "::error::", "\u001b", "<", "|", "`", "@", "=", "a"), { maxLength: 12 }).map((a) => a.join("")),
);

describe("github annotations", () => {
  it("escape like @actions/core", () => {
    expect(escapeData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
  });

  it("never let an id start a workflow command of its own", () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        const text = github(renamed((id) => `${a}${id}${b}`), goldenContext);
        const lines = text.split("\n");
        expect(lines.pop()).toBe("");
        for (const line of lines) {
          if (line.startsWith("::")) expect(line).toMatch(/^::(error|warning|notice) (file=[^,:]*,line=\d+,col=\d+,)?title=[^,:]*::[^\r]*$/);
          else expect(line).toMatch(/^cleanpath: (passed|failed) \(/);
        }
        expect(lines.filter((l) => l.startsWith("::"))).toHaveLength(2);
      }),
      { numRuns: 200 },
    );
  });

  it("cap each level at 10 and say how many more there are", () => {
    const r = structuredClone(dirty);
    r.findings = Array.from({ length: 25 }, (_, i) => ({ rule: "core", kind: "forbid", level: "error" as const, message: `m${i}`, items: [`x${String(i).padStart(2, "0")}`] }));
    const lines = github(r, goldenContext).trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::error "))).toHaveLength(maxAnnotationsPerLevel);
    expect(lines.filter((l) => l.startsWith("::notice "))).toEqual([expect.stringContaining("16 errors more not shown")]);
  });
});

describe("junit", () => {
  it("removes XML-illegal characters and escapes the five specials", () => {
    expect(xmlText("a\u001b[31m<&>\"'\u0000\uFFFE")).toBe("a[31m&lt;&amp;&gt;&quot;&apos;");
  });

  it("parses strictly whatever the ids hold", () => {
    fc.assert(
      fc.property(hostile, (a) => {
        const doc = parseXml(junit(renamed((id) => `${id}${a}`), goldenContext));
        expect(doc.attributes.failures).toBe("2");
      }),
      { numRuns: 100 },
    );
  });
});

describe("csv", () => {
  it("quotes per RFC 4180 and defuses formulas", () => {
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("�x"); // control characters are replaced first, so no tab or CR leads a cell
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(3)).toBe("3");
  });

  it("round-trips any id through a strict CSV parser, one row per pair", () => {
    fc.assert(
      fc.property(hostile, (a) => {
        const rows = parseCsv(csv(renamed((id) => `${a}${id}`), goldenContext));
        expect(rows[1]).toHaveLength(rows[0]!.length);
        for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 100 },
    );
  });
});

describe("markdown", () => {
  it("turns HTML, table and code characters into entities and never mentions anyone", () => {
    expect(mdText("<b>|`x`@team*_[a](b)")).toBe("&#60;b&#62;&#124;&#96;x&#96;&#64;team&#42;&#95;&#91;a&#93;(b)");
  });

  it("keeps every table row's cells whatever the ids hold", () => {
    fc.assert(
      fc.property(hostile, (a) => {
        const md = markdown(renamed((id) => `${a}${id}`), goldenContext);
        let header: number | undefined;
        for (const line of md.split("\n")) {
          if (!line.startsWith("|")) {
            header = undefined;
            continue;
          }
          header ??= line.split("|").length;
          expect(line.split("|").length).toBe(header);
        }
        expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
      }),
      { numRuns: 100 },
    );
  });

  it("drops whole sections, never half of one, when the comment would be too long", () => {
    const r = structuredClone(dirty);
    r.pairs = Array.from({ length: 400 }, (_, i) => ({ ...dirty.pairs[0]!, from: `branch-${i}` }));
    const md = markdown(r, goldenContext);
    expect(md.length).toBeLessThan(65_536);
    expect(md.match(/<details>/g)!.length).toBe(md.match(/<\/details>/g)!.length);
    expect(md).toMatch(/more sections left out to fit a comment/);
  });
});

describe("sarif paths", () => {
  it("makes file paths repository-relative with / and no leading ./ or /", () => {
    expect(repoPath("./topo/a.yaml", "/repo")).toEqual({ relative: "topo/a.yaml" });
    expect(repoPath("/repo/topo/a.yaml", "/repo")).toEqual({ relative: "topo/a.yaml" });
    expect(repoPath("topo\\a.yaml", "/repo")).toEqual({ relative: "topo/a.yaml" });
    expect(repoPath("/elsewhere/a.yaml", "/repo")).toEqual({ absolute: "/elsewhere/a.yaml" });
    expect(repoPath("../a.yaml", "/repo/sub")).toEqual({ absolute: "/repo/a.yaml" });
    expect(encodePath("dir with space/a%b#c.yaml")).toBe("dir%20with%20space/a%25b%23c.yaml");
  });

  it("locates a failing pair at its flow, else at the first risky item on its route, else at its from", () => {
    const at = (r: AuditResult) => (sarifLog(r, goldenContext).runs as { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[])[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine;
    const r = structuredClone(dirty);
    r.pairs[0]!.location = { file: "t.yaml", line: 40, column: 3 };
    expect(at(r)).toBe(40);
    expect(at(dirty)).toBe(dirty.items["agg-hw"]!.location.line);
    const u = structuredClone(dirty);
    Object.assign(u.pairs[0]!, { verdict: "unreachable", reachable: false, routed: null, exposure: { items: [], count: 0, approximate: false } });
    expect(at(u)).toBe(dirty.items.branch!.location.line);
  });

  it("keeps fingerprints when lines move and changes them when the items do", () => {
    const fp = (r: AuditResult) => JSON.stringify((sarifLog(r, goldenContext).runs as { results: { partialFingerprints: unknown }[] }[])[0]!.results.map((x) => x.partialFingerprints));
    const moved = structuredClone(dirty);
    for (const it of Object.values(moved.items)) it.location.line += 10;
    expect(fp(moved)).toBe(fp(dirty));
    expect(fp(renamed((id) => `${id}-2`))).not.toBe(fp(renamed((id) => id)));
  });
});
