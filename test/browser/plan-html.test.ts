import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanResult } from "../../src/result.js";
import { planHtml } from "../../src/report/plan/html.js";
import { costText } from "../../src/report/plan/words.js";
import { budgetPlan, completePlan, emptyPlan, hostilePlan } from "../report/plan-fixtures.js";
import { type Opened, out, useChromium } from "./chromium.js";

const ctx = { color: false, version: "0.1.0" };
const { work, open } = useChromium();

async function render(name: string, r: PlanResult): Promise<Opened> {
  const file = work.path(`${name}.html`);
  writeFileSync(file, planHtml(r, ctx));
  return open(file);
}

describe("the HTML plan of a complete plan, in Chromium", () => {
  let o: Opened;
  const r = completePlan();

  beforeAll(async () => {
    o = await render("plan", r);
  });

  it("opens with no request but the file itself and no console error", () => {
    expect(o.blocked).toEqual([]);
    expect(o.requests).toEqual([pathToFileURL(work.path("plan.html")).href]);
    expect(o.errors).toEqual([]);
    expect(o.dialogs).toEqual([]);
  });

  it("shows the plan's figures", async () => {
    const stat = (name: string) => o.page.locator(`[data-stat="${name}"]`).innerText();
    expect(await stat("passed")).toBe("PASS");
    expect(await stat("items")).toBe(String(r.items.length));
    expect(await stat("totalCost")).toBe(costText(r.totalCost));
    expect(await stat("failing-pairs-before")).toBe(String(r.before.failedPairs));
    expect(await stat("failing-pairs-after")).toBe(String(r.after.failedPairs));
    expect(await stat("failing-rules-before")).toBe(String(r.before.failedRules));
  });

  it("draws one bar per phase, in order, their heights in proportion to the costs, and the cumulative line", async () => {
    const bars = o.page.locator(".phase-chart rect.phase-bar");
    expect(await bars.count()).toBe(r.phases.length);
    const boxes = [];
    for (let i = 0; i < r.phases.length; i++) {
      expect(await bars.nth(i).getAttribute("data-phase")).toBe(r.phases[i]!.name);
      boxes.push((await bars.nth(i).boundingBox())!);
    }
    // Left to right, each bar standing on the same axis.
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.width);
      expect(boxes[i]!.y + boxes[i]!.height).toBeCloseTo(boxes[0]!.y + boxes[0]!.height, 0);
    }
    // Heights in proportion to the costs, to within rounding (a pixel and a half).
    const perCost = boxes[0]!.height / r.phases[0]!.cost;
    for (let i = 1; i < boxes.length; i++) expect(Math.abs(boxes[i]!.height - r.phases[i]!.cost * perCost)).toBeLessThan(1.5);
    expect(await o.page.locator(".phase-chart circle.cumulative-point").count()).toBe(r.phases.length);
    const points = (await o.page.locator(".phase-chart polyline.cumulative").getAttribute("points"))!.split(" ");
    expect(points).toHaveLength(r.phases.length);
    // The cumulative cost never falls: each point is at or above the one before (SVG y grows downwards).
    const ys = points.map((p) => Number(p.split(",")[1]));
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeLessThanOrEqual(ys[i - 1]!);
    await o.page.locator(".phase-chart").screenshot({ path: join(out, "plan-chart.png") });
  });

  it("lists each item once, with its cost, phase and what it fixes", async () => {
    const rows = o.page.locator("#items-table tbody tr");
    expect(await rows.count()).toBe(r.items.length);
    for (const it of r.items) {
      const row = o.page.locator(`#items-table tr[data-item="${it.id}"]`);
      const cells = await row.locator("> td").allInnerTexts();
      expect(cells[0]).toContain(it.id);
      expect(cells[1]).toBe(it.type);
      expect(cells[6]).toBe(costText(it.cost));
      expect(cells[7]).toBe(it.phase);
      for (const [from, to] of it.fixes.pairs.slice(0, 8)) expect(cells[8]).toContain(`${from}→${to}`);
      for (const rule of it.fixes.rules) expect(cells[8]).toContain(`rule ${rule}`);
    }
  });

  it("shows every pair that failed, with its verdict before and after", async () => {
    const rows = o.page.locator("#pairs-table tbody tr");
    expect(await rows.count()).toBe(r.pairs.length);
    const text = await o.page.locator("#pairs-table").innerText();
    expect(text).toContain("gnb-gla-1→ims-lon");
    expect(text).toMatch(/dirty\s*→\s*clean/);
    await o.page.screenshot({ path: join(out, "plan.png"), fullPage: true });
  });

  it("prints with the chart, every table and every row, and makes a PDF", async () => {
    const { page } = o;
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav.toc").isVisible()).toBe(false);
    for (const sel of [".phase-chart svg", "#phases-table", "#items-table", "#pairs-table", "#verdicts-table", "#failing", "#model"]) {
      expect(await page.locator(sel).isVisible(), sel).toBe(true);
    }
    expect(await page.locator("#items-table tbody tr:visible").count()).toBe(r.items.length);
    expect(await page.locator("#pairs-table tbody tr:visible").count()).toBe(r.pairs.length);
    expect(await page.locator(".phase-chart rect.phase-bar:visible").count()).toBe(r.phases.length);
    await page.screenshot({ path: join(out, "plan-print.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(out, "plan.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
  });
});

describe("HTML plans that fall short, are empty or carry hostile text, in Chromium", () => {
  it("a budget-limited plan says what stays failing", async () => {
    const r = budgetPlan();
    const o = await render("plan-budget", r);
    expect(o.errors).toEqual([]);
    expect(await o.page.locator('[data-stat="passed"]').innerText()).toBe("FAIL");
    expect(await o.page.locator('[data-stat="optimal"]').innerText()).toBe("gap 0.97%");
    expect(await o.page.locator("#failing li[data-left-failing]").count()).toBe(r.leftFailing.length);
    // The pair still failing comes first.
    expect(await o.page.locator("#pairs-table tbody tr").first().getAttribute("data-status")).toBe("failed");
    await o.page.close();
  });

  it("an empty plan draws no chart and says there is nothing to replace", async () => {
    const o = await render("plan-empty", emptyPlan());
    expect(o.errors).toEqual([]);
    expect(await o.page.locator(".phase-chart").count()).toBe(0);
    expect(await o.page.locator("#phases").innerText()).toContain("Nothing to replace.");
    await o.page.close();
  });

  it("runs nothing from the data, requests nothing, and shows hostile ids as text", async () => {
    const o = await render("plan-hostile", hostilePlan());
    expect(await o.page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(o.dialogs).toEqual([]);
    expect(o.blocked).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(await o.page.locator("script, img, iframe, object, embed").count()).toBe(0);
    expect(await o.page.locator("#items-table").innerText()).toContain("<script>window.__pwned=1</script>");
    expect(await o.page.locator(".phase-chart rect.phase-bar").count()).toBe(2);
    await o.page.close();
  });
});
