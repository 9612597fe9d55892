import { describe, expect, it } from "vitest";
import type { PlanItem, PlanResult } from "../../src/result.js";
import { maxMarkdownLength } from "../../src/report/markdown.js";
import { niceMax } from "../../src/report/plan/chart.js";
import { planColumns } from "../../src/report/plan/csv.js";
import { planFormatNames, planReporters } from "../../src/report/plan/index.js";
import { maxPairRows } from "../../src/report/plan/table.js";
import { costText, gapText } from "../../src/report/plan/words.js";
import { goldenContext, parseCsv } from "./helpers.js";
import { budgetPlan, completePlan, emptyPlan, hostile, hostilePlan, planCases, unfixablePlan } from "./plan-fixtures.js";

const ctx = goldenContext;
const { table, markdown, csv, html } = planReporters;
const ansi = /\x1b\[/;

describe("the plan format registry", () => {
  it("names the five formats, none a stub any more", () => {
    expect(planFormatNames).toEqual(["table", "json", "markdown", "csv", "html"]);
    for (const name of planFormatNames) for (const { result } of planCases()) expect(typeof planReporters[name](result, ctx)).toBe("string");
  });
});

describe("plan figures as text", () => {
  it("writes costs with thousands separators, rounded to cents", () => {
    expect(costText(0)).toBe("0");
    expect(costText(1_250_000)).toBe("1,250,000");
    expect(costText(85_000.5)).toBe("85,000.5");
    expect(costText(0.1 + 0.2)).toBe("0.3");
    expect(costText(1234.5678)).toBe("1,234.57");
    expect(costText(0.12345)).toBe("0.12");
  });

  it("writes the gap as a percentage", () => {
    expect(gapText(0)).toBe("0%");
    expect(gapText(0.00968)).toBe("0.97%");
    expect(gapText(0.25)).toBe("25%");
  });

  it("tops the cost axis with a round figure at or above the largest cost", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(2_475_000.5)).toBe(3_000_000);
    expect(niceMax(1_240_000)).toBe(1_600_000);
    expect(niceMax(15)).toBe(16);
    expect(niceMax(9.5)).toBe(10);
    for (const x of [0.3, 7, 99, 101, 12_345, 9_999_999]) {
      expect(niceMax(x)).toBeGreaterThanOrEqual(x);
      expect(niceMax(x)).toBeLessThan(x * 1.3);
    }
  });
});

describe("plan table", () => {
  it("fits 80 columns and has no colour codes when colour is off", () => {
    for (const r of [completePlan(), budgetPlan(), unfixablePlan(), emptyPlan()]) {
      const text = table(r, ctx);
      expect(text).not.toMatch(ansi);
      for (const line of text.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });

  it("colours when allowed, and says optimal or best found", () => {
    const text = table(completePlan(), { ...ctx, color: true });
    expect(text).toMatch(ansi);
    expect(text).toContain("Optimal plan");
    const best = table(budgetPlan(), ctx);
    expect(best).toContain("Best plan found (not proven optimal)");
    expect(best).toContain("lower bound 1,228,000, gap 0.97%");
    expect(best).toContain("budget 1,300,000");
  });

  it("lists every item with its cost and phase, and each item's fixes", () => {
    const r = completePlan();
    const text = table(r, ctx);
    for (const it of r.items) expect(text).toMatch(new RegExp(`│ ${it.id} +│.*│ ${costText(it.cost).replace(".", "\\.")} +│ ${it.phase} +│`));
    expect(text).toContain("lnk-bir-man fixes 5 pairs: gnb-bir-1 → ims-lon, olt-bir-1 → ims-lon, sc-base-n\n      → ims-lon and 2 more");
    expect(text.trimEnd().split("\n").pop()).toBe("Plan passes: with the plan applied, every check passes");
  });

  it("in quiet mode prints only what stays failing", () => {
    const text = table(unfixablePlan(), { ...ctx, quiet: true });
    expect(text).not.toContain("Phases");
    expect(text).not.toContain("Items to replace");
    expect(text).not.toContain("gnb-lon-1");
    expect(text).toContain("Pairs still failing");
    expect(text).toContain("kirkwall-gw → ims-lon");
    expect(text).toContain("rule no-huawei-endpoints");
    expect(table(completePlan(), { ...ctx, quiet: true })).toBe("Plan passes: with the plan applied, every check passes\n");
  });

  it("cuts a long list of pairs and says how many it left out", () => {
    const r = manyPairs(maxPairRows + 7);
    const text = table(r, ctx);
    expect(text).toContain(`… and 7 more pairs (see --format json)`);
    // Failing after first: the one failing pair is shown although it is last in the result.
    expect(text).toContain("p-last");
  });

  it("lets no control character through", () => {
    const text = table(hostilePlan(), ctx);
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(text).not.toMatch(/^forged/m);
  });
});

describe("plan markdown", () => {
  it("starts with the outcome, then the counts before and after", () => {
    const md = markdown(budgetPlan(), ctx);
    expect(md.split("\n")[0]).toBe("### ❌ cleanpath plan: replace 2 items, total cost 1,240,000 (by replacement cost) — fails: 3 checks left failing within the budget");
    expect(md).toContain("| **failing pairs** | 5 | 1 |");
    expect(md).toContain("#### What stays failing");
  });

  it("keeps each table row to its columns whatever the ids, and mentions no one", () => {
    const md = markdown(hostilePlan(), ctx);
    expect(md).not.toContain("<script");
    expect(md).not.toContain("@everyone");
    expect(md).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    const widths = new Map<string, number>();
    let header = "";
    for (const line of md.split("\n")) {
      if (!line.startsWith("|")) {
        header = "";
        continue;
      }
      const cells = line.split("|").length;
      if (header === "") widths.set((header = line), cells);
      expect(cells, line).toBe(widths.get(header));
    }
    expect(widths.size).toBeGreaterThanOrEqual(4);
  });

  it("in quiet mode keeps the outcome and what stays failing", () => {
    const md = markdown(unfixablePlan(), { ...ctx, quiet: true });
    expect(md).not.toContain("#### Phases");
    expect(md).not.toContain("#### Items to replace");
    expect(md).toContain("**unfixable** pair kirkwall-gw → ims-lon (flow islands)");
    expect(md).toContain("Pairs still failing (1)");
  });

  it("stays within a GitHub comment on a huge plan", () => {
    const md = markdown(hugePlan(5_000, 20_000), ctx);
    expect(md.length).toBeLessThanOrEqual(maxMarkdownLength + 1000);
    expect(md).toContain("4,900 more items not in this table");
  });
});

describe("plan csv", () => {
  it("has a header row and one row per item, each with every column", () => {
    for (const { result } of planCases()) {
      const rows = parseCsv(csv(result, ctx));
      expect(rows[0]).toEqual([...planColumns]);
      expect(rows).toHaveLength(result.items.length + 1);
      for (const row of rows) expect(row).toHaveLength(planColumns.length);
    }
  });

  it("keeps the figures a sheet computes with", () => {
    const rows = parseCsv(csv(completePlan(), ctx));
    const sum = rows.slice(1).reduce((s, row) => s + Number(row[6]), 0);
    expect(sum).toBe(completePlan().totalCost);
    const link = rows.find((row) => row[0] === "lnk-bir-man")!;
    expect(link).toEqual(["lnk-bir-man", "link", "ZTE", "", "bir-pop", "albion fibrelink", "40000", "flows", "gnb-bir-1→ims-lon olt-bir-1→ims-lon sc-base-n→ims-lon agg-bir→core-man-1 agg-cdf→core-man-1", ""]);
  });

  it("guards every cell a spreadsheet would run as a formula", () => {
    const rows = parseCsv(csv(hostilePlan(), ctx));
    const cells = rows.flat();
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain(`'${hostile.formula}`);
    expect(cells).toContain(`'${hostile.plus}`);
    expect(cells.some((c) => c.startsWith("'@everyone"))).toBe(true);
    expect(csv(hostilePlan(), ctx)).not.toMatch(/\x1b|forged: line\r\n/);
  });
});

describe("plan html", () => {
  it("is self-contained: no script, nothing fetched, a CSP that allows neither", () => {
    for (const { result } of planCases()) {
      const page = html(result, ctx);
      expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'none';/);
      expect(page).not.toMatch(/<script|<img|<link|<iframe|\bsrc=|url\(/i);
      expect(page.match(/<style>/g)).toHaveLength(1);
    }
  });

  it("draws one bar and one cumulative point per phase, and a row per item and per pair", () => {
    const r = completePlan();
    const page = html(r, ctx);
    expect(page.match(/<rect class="phase-bar /g)).toHaveLength(r.phases.length);
    expect(page.match(/<circle class="cumulative-point"/g)).toHaveLength(r.phases.length);
    expect(page.match(/<tr data-item=/g)).toHaveLength(r.items.length);
    expect(page.match(/<tr data-status=/g)).toHaveLength(r.pairs.length);
    expect(page).toContain('<span class="stat-value" data-stat="totalCost">2,475,000.5</span>');
  });

  it("shows hostile ids as text", () => {
    const page = html(hostilePlan(), ctx);
    const body = page.slice(page.indexOf("<body>"));
    expect(body).not.toContain("<script");
    expect(body).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(body).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
  });

  it("renders a huge plan in bounded size, saying what it left out", () => {
    const page = html(hugePlan(5_000, 20_000), ctx);
    expect(page.match(/<tr data-status=/g)).toHaveLength(2000);
    expect(page).toContain("18,000 more pairs in the JSON result");
    // Linear in the items (each listed, about 1 KB with its first fixes), not in the pairs they fix.
    expect(page.length).toBeLessThan(6_000_000);
  });
});

/** A plan whose pairs all pass after it but the last one. */
function manyPairs(n: number): PlanResult {
  const r = completePlan();
  const pairs = Array.from({ length: n }, (_, i) => ({ ...r.pairs[0]!, from: i === n - 1 ? "p-last" : `p-${String(i).padStart(4, "0")}`, passedAfter: i !== n - 1 }));
  return { ...r, pairs };
}

function hugePlan(items: number, pairs: number): PlanResult {
  const r = completePlan();
  const list: PlanItem[] = Array.from({ length: items }, (_, i) => ({
    ...r.items[3]!,
    id: `lnk-${String(i).padStart(5, "0")}`,
    fixes: { pairs: Array.from({ length: 30 }, (_, k) => [`a-${i}-${k}`, "core"] as [string, string]), flows: [], rules: ["uk-ran-cap"] },
  }));
  const changes = Array.from({ length: pairs }, (_, i) => ({ ...r.pairs[0]!, from: `a-${i}` }));
  return { ...r, items: list, phases: [{ name: "flows", by: null, items: list.map((it) => it.id), cost: 40_000 * items, cumulativeCost: 40_000 * items }], pairs: changes };
}
