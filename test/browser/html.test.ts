import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/result.js";
import { loadGraphviz } from "../../src/report/graphviz.js";
import { html } from "../../src/report/html.js";
import { runCli } from "../helpers/cli.js";
import { cases } from "../report/helpers.js";
import { handResult } from "../report/html-fixtures.js";
import { type Opened, out, useChromium } from "./chromium.js";

const { work, open } = useChromium();

const visibleRows = (page: Page, kind: "pair" | "rule") => page.locator(`tr[data-kind="${kind}"]:visible`).count();

describe("the HTML report of examples/national-wholesale.yaml in Chromium", () => {
  let o: Opened;
  let result: AuditResult;

  beforeAll(async () => {
    const htmlFile = work.path("national.html");
    const jsonFile = work.path("national.json");
    const r = runCli(["report", "examples/national-wholesale.yaml", "--format", `html:${htmlFile}`, "--format", `json:${jsonFile}`], {
      env: { SOURCE_DATE_EPOCH: "1767225600" },
    });
    expect(r.stderr).toContain("wrote");
    expect(r.code).toBe(1);
    result = JSON.parse(readFileSync(jsonFile, "utf8")) as AuditResult;
    o = await open(htmlFile);
  });

  it("opens with no request but the file itself and no console error", () => {
    expect(o.blocked).toEqual([]);
    expect(o.requests).toEqual([pathToFileURL(work.path("national.html")).href]);
    expect(o.errors).toEqual([]);
  });

  it("shows the summary figures of the JSON result", async () => {
    const stat = (name: string) => o.page.locator(`[data-stat="${name}"]`).innerText();
    expect(await stat("pairs")).toBe(String(result.summary.pairs));
    expect(await stat("failedPairs")).toBe(String(result.summary.failedPairs));
    expect(await stat("failedRules")).toBe(String(result.summary.failedRules));
    expect(await stat("passed")).toBe(result.summary.passed ? "PASS" : "FAIL");
    expect(await stat("elements")).toBe(String(result.inventory.elements));
    for (const [verdict, n] of Object.entries(result.summary.byVerdict)) {
      expect(await o.page.locator(`[data-verdict-count="${verdict}"]`).innerText()).toBe(String(n));
    }
  });

  it("filters rows by result, verdict and text, and resets", async () => {
    const { page } = o;
    expect(await visibleRows(page, "pair")).toBe(result.pairs.length);
    await page.selectOption("#f-status", "failed");
    expect(await visibleRows(page, "pair")).toBe(result.summary.failedPairs);
    await page.selectOption("#f-status", "");
    await page.selectOption("#f-verdict", "exposed");
    expect(await visibleRows(page, "pair")).toBe(result.summary.byVerdict.exposed);
    await page.selectOption("#f-verdict", "");
    await page.fill("#f-text", "RAN-REY-2");
    expect(await visibleRows(page, "pair")).toBe(1);
    expect(await page.locator("#f-count").innerText()).toBe(`showing 1 of ${result.pairs.length} pairs, 0 of 0 rules`);
    await page.click("#f-reset");
    await page.waitForFunction('document.querySelectorAll("tr.off").length === 0');
    expect(await visibleRows(page, "pair")).toBe(result.pairs.length);
  });

  it("draws the failing pairs' diagrams, the charts and the map", async () => {
    expect(await o.page.locator(".diagram svg").count()).toBe(result.summary.failedPairs);
    expect(await o.page.locator(".chart-svg").count()).toBe(2);
    expect(await o.page.locator(".map-svg circle").count()).toBe(result.inventory.sites.length);
    await o.page.screenshot({ path: join(out, "report.png"), fullPage: true });
  });

  it("prints without the filters and with every row, and makes a PDF", async () => {
    const { page } = o;
    await page.fill("#f-text", "no such id");
    expect(await visibleRows(page, "pair")).toBe(0);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#filters").isVisible()).toBe(false);
    expect(await page.locator("nav.toc").isVisible()).toBe(false);
    expect(await visibleRows(page, "pair")).toBe(result.pairs.length);
    await page.screenshot({ path: join(out, "report-print.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(out, "report.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
  });
});

describe("a hand-written result with rules, findings and hostile text, in Chromium", () => {
  let o: Opened;
  const r = handResult();

  beforeAll(async () => {
    const file = work.path("hand.html");
    writeFileSync(file, html(r, { color: false, version: "0.1.0", graphviz: await loadGraphviz() }));
    o = await open(file);
  });

  it("runs nothing from the data and requests nothing", async () => {
    expect(await o.page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(o.dialogs).toEqual([]);
    expect(o.blocked).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(await o.page.locator("img, iframe, object, embed").count()).toBe(0);
    expect(await o.page.locator("script").count()).toBe(1);
  });

  it("shows hostile ids as text", async () => {
    expect(await o.page.locator("#pairs-table").innerText()).toContain("<script>window.__pwned=1</script>");
  });

  it("filters the rules table too", async () => {
    const { page } = o;
    expect(await visibleRows(page, "rule")).toBe(2);
    await page.selectOption("#f-status", "failed");
    expect(await visibleRows(page, "rule")).toBe(1);
    expect(await visibleRows(page, "pair")).toBe(4);
    await page.selectOption("#f-verdict", "dirty");
    expect(await visibleRows(page, "pair")).toBe(1);
    // The verdict filter is about pairs: the failing rule stays.
    expect(await visibleRows(page, "rule")).toBe(1);
    await page.screenshot({ path: join(out, "hand.png"), fullPage: true });
  });
});

describe("the HTML report of a multi-layer network (test/report/cases/08-underlay.json), in Chromium", () => {
  let o: Opened;
  const r = cases().find((c) => c.name === "08-underlay")!.result;

  beforeAll(async () => {
    const file = work.path("underlay.html");
    writeFileSync(file, html(r, { color: false, version: "0.1.0", graphviz: await loadGraphviz() }));
    o = await open(file);
  });

  it("opens with no request but the file itself and no console error", () => {
    expect(o.blocked).toEqual([]);
    expect(o.errors).toEqual([]);
  });

  it("draws the underlay beneath each failing pair's path, risky underlay items red", async () => {
    const diagrams = o.page.locator(".diagram svg");
    expect(await diagrams.count()).toBe(r.summary.failedPairs);
    // The routed-dirty pair: its IP link rests on the Huawei channel, drawn under it with a dashed arrow.
    const pair = o.page.locator("article.pair", { hasText: "flow gdl-to-mty" });
    const node = (id: string) => pair.locator(".diagram svg g.node", { has: o.page.locator(`text:text-is("${id}")`) });
    for (const id of ["och-gdl-mty", "oadm-gdl"]) expect(await node(id).locator("path, polygon").first().getAttribute("fill")).toBe("#fde2e1");
    for (const id of ["oadm-mty", "duct-12", "duct-57"]) expect(await node(id).locator("path, polygon").first().getAttribute("fill")).toBe("#ffffff");
    expect(await pair.locator(".diagram svg g.edge path[stroke-dasharray]").count()).toBe(5);
    // Under the hop they carry: between the link's two ends, in the column of the link's middle.
    const box = async (id: string) => (await node(id).boundingBox())!;
    const left = await box("core-gdl");
    const right = await box("core-mty");
    for (const id of ["och-gdl-mty", "oadm-gdl", "oadm-mty", "duct-12", "duct-57"]) {
      const b = await box(id);
      expect(b.x).toBeGreaterThan(left.x + left.width);
      expect(b.x + b.width).toBeLessThan(right.x);
    }
    await pair.screenshot({ path: join(out, "underlay-pair.png") });
  });

  it("lists what each hop rests on under the path, and what each risky underlay item carries", async () => {
    const pair = o.page.locator("article.pair", { hasText: "flow gdl-to-mty" });
    expect(await pair.innerText()).toContain("core-gdl ─ip-gdl-mty→ core-mty over oadm-gdl huawei och-gdl-mty huawei duct-12 oadm-mty");
    expect(await pair.locator(".hop-high", { hasText: "och-gdl-mty" }).count()).toBeGreaterThan(0);
    const row = o.page.locator("#items-table tr", { hasText: "och-gdl-mty" }).first();
    expect(await row.innerText()).toContain("carries ip-gdl-mty");
    const upf = o.page.locator("#items-table tbody tr").filter({ has: o.page.locator('td:first-child code:text-is("upf-mty")') });
    expect(await upf.innerText()).toContain("rests on srv-mty-7, tor-mty-3");
    await o.page.screenshot({ path: join(out, "underlay.png"), fullPage: true });
  });
});
