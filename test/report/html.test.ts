import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { validate } from "../../src/generated/report-all.js";
import { loadGraphviz } from "../../src/report/graphviz.js";
import { html } from "../../src/report/html.js";
import { maxDetailedPairs } from "../../src/report/html/pairs.js";
import { maxTableRows } from "../../src/report/html/tables.js";
import { type ReportContext, reporterFor } from "../../src/report/index.js";
import { bigResult, evil, handResult } from "./html-fixtures.js";

const ctx: ReportContext = { color: false, version: "0.1.0" };

function count(text: string, re: RegExp): number {
  return [...text.matchAll(re)].length;
}

// Vitest isolates modules per file, so Graphviz is not loaded until the second block loads it.
describe("html reporter without Graphviz loaded", () => {
  it("still renders, with the hops but no diagram, and says where diagrams come from", () => {
    const out = html(handResult(), ctx);
    expect(out).not.toContain('<figure class="diagram">');
    expect(out).toContain('class="hops"');
    expect(out).toContain("Diagrams are drawn by <code>cleanpath report</code>");
  });
});

describe("html reporter", () => {
  beforeAll(async () => {
    ctx.graphviz = await loadGraphviz();
  });

  it("uses a schema-valid fixture", () => {
    const ok = validate(handResult());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("is registered as a format", () => {
    expect(reporterFor("html")).toBe(html);
  });

  it("is deterministic: same result, same bytes", () => {
    expect(html(handResult(), ctx)).toBe(html(handResult(), ctx));
  });

  it("references nothing outside the file", () => {
    const out = html(handResult(), ctx);
    expect(out).not.toMatch(/<[a-z][^>]*\ssrc\s*=/i);
    expect(out).not.toMatch(/<(link|img|iframe|object|embed|audio|video|source)\b/i);
    expect(out).not.toMatch(/url\(|@import/i);
    // The only absolute URLs: SVG namespaces and links to the regulations cited (followed only when clicked).
    const urls = [...out.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    const allowed = urls.filter((u) => !u.startsWith("http://www.w3.org/"));
    expect(allowed).toEqual(["https://www.gov.uk/dvd"]);
    expect(out).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it("pins the only style and script by hash in the CSP", () => {
    const out = html(handResult(), ctx);
    const style = /<style>([\s\S]*?)<\/style>/.exec(out)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(out)![1]!;
    const hash = (t: string) => createHash("sha256").update(t).digest("base64");
    expect(out).toContain(`style-src 'sha256-${hash(style)}'`);
    expect(out).toContain(`script-src 'sha256-${hash(script)}'`);
    expect(count(out, /<script/g)).toBe(1);
    expect(count(out, /<style/g)).toBe(1);
  });

  it("renders hostile ids, names and messages inert", () => {
    const out = html(handResult(), ctx);
    expect(out).not.toContain(evil.script);
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<b>bold</b>");
    expect(out).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(out).toContain("it&#39;s &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
    // A javascript: URL in a citation stays text, never an href.
    expect(out).not.toMatch(/href="javascript/i);
    expect(out).toContain('href="https://www.gov.uk/dvd"');
  });

  it("states the summary figures of the result", () => {
    const r = handResult();
    const out = html(r, ctx);
    const stat = (name: string) => new RegExp(`data-stat="${name}">([^<]*)<`).exec(out)?.[1];
    expect(stat("pairs")).toBe(String(r.summary.pairs));
    expect(stat("failedPairs")).toBe("4");
    expect(stat("failedRules")).toBe("1");
    expect(stat("passed")).toBe("FAIL");
    expect(stat("asOf")).toBe("2026-01-01");
    expect(/data-verdict-count="dirty">(\d+)</.exec(out)?.[1]).toBe("1");
    expect(/data-verdict-count="exposed">(\d+)</.exec(out)?.[1]).toBe("0");
    expect(out).toContain("0".repeat(64));
  });

  it("lists the designation's sources, each finding's citation and date, and every rule", () => {
    const out = html(handResult(), ctx);
    expect(out).toContain("vendor huawei</strong>: US 5G Clean Path (2020)");
    expect(out).toContain("Designated vendor direction<br><span class=\"date\">2022-10-13</span>");
    expect(out).toContain("<code>hrv-core</code>");
    expect(out).toContain("<code>ran-cap</code>");
    expect(count(out, /<tr data-kind="rule"/g)).toBe(2);
    expect(count(out, /<tr data-level=/g)).toBe(3);
    expect(out).toContain("level-waived");
  });

  it("draws a diagram for each failing reachable pair, the risky hop in red", () => {
    const out = html(handResult(), ctx);
    expect(count(out, /<article class="pair"/g)).toBe(4);
    expect(count(out, /<figure class="diagram"><svg/g)).toBe(3);
    expect(out).toMatch(/<figure class="diagram"><svg[\s\S]*?stroke="#c62828"[\s\S]*?<\/svg>/);
    expect(out).toContain("No path connects them");
    expect(out).toContain("No clean path exists");
    expect(out).toContain("Would be <strong>clean</strong> if the items of unknown vendor");
  });

  it("charts vendor shares with the designated vendors marked", () => {
    const out = html(handResult(), ctx);
    expect(count(out, /<figure class="chart">/g)).toBe(2);
    expect(out).toMatch(/<rect class="seg seg-high"[^>]*><title>core: huawei 1 of 4 \(25%\), high-risk<\/title>/);
    expect(out).toContain("25% high-risk (1/4)");
  });

  it("maps the located sites over the country outlines, coloured by risk", () => {
    const out = html(handResult(), ctx);
    expect(out).toContain("<title>Mexico</title>");
    expect(out).toContain("<title>United States of America</title>");
    expect(count(out, /<circle class="site-/g)).toBe(3);
    expect(count(out, /<circle class="site-high"/g)).toBe(1);
    expect(count(out, /<circle class="site-unknown"/g)).toBe(1);
    const noSites = handResult();
    noSites.inventory.sites = [];
    expect(html(noSites, ctx)).toContain("No site has coordinates");
  });

  it("keeps a 10,000-pair result small: capped table and details, the rest pointed to the JSON", () => {
    const out = html(bigResult(10_000), ctx);
    expect(count(out, /<tr data-kind="pair"/g)).toBe(maxTableRows);
    expect(count(out, /<article class="pair"/g)).toBe(maxDetailedPairs);
    expect(out).toContain("8,000 more pairs (all passing or less severe) are in the JSON result.");
    expect(out.length).toBeLessThan(3_000_000);
    // Failing pairs come first in the table.
    const firstRows = [...out.matchAll(/<tr data-kind="pair" data-status="(\w+)"/g)].slice(0, 1000).map((m) => m[1]);
    expect(new Set(firstRows)).toEqual(new Set(["failed"]));
  });

  it("handles an empty result", () => {
    const r = handResult();
    const empty = {
      ...r,
      pairs: [],
      rules: [],
      findings: [],
      items: {},
      summary: { pairs: 0, failedPairs: 0, failedRules: 0, byVerdict: {}, findings: { error: 0, warning: 0, note: 0, waived: 0 }, passed: true },
      inventory: { elements: 0, links: 0, high: 0, unknown: 0, vendorsByRole: {}, vendorsByOperator: {}, sites: [] },
    };
    const out = html(empty, ctx);
    expect(out).toContain('data-stat="passed">PASS<');
    expect(out).toContain("No pairs were checked.");
    expect(out).toContain("No findings.");
  });
});
