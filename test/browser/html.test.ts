import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/result.js";
import { loadGraphviz } from "../../src/report/graphviz.js";
import { html } from "../../src/report/html.js";
import { root, runCli, scratch } from "../helpers/cli.js";
import { handResult } from "../report/html-fixtures.js";

// Debian's Chromium, never a downloaded browser. Missing is a failure, not a skip: the HTML report's
// promise (opens offline, filters work, prints cleanly) is only checked here.
const executablePath = "/usr/bin/chromium";
const out = join(root, "test", "browser", "out");

interface Opened {
  page: Page;
  requests: string[];
  blocked: string[];
  errors: string[];
  dialogs: string[];
}

let browser: Browser;
const work = scratch({});

async function open(file: string): Promise<Opened> {
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const o: Opened = { page, requests: [], blocked: [], errors: [], dialogs: [] };
  page.on("request", (r) => void o.requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") o.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => void o.errors.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    o.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route("**/*", (route) => {
    if (route.request().url() === url) return route.continue();
    o.blocked.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: "load" });
  return o;
}

const visibleRows = (page: Page, kind: "pair" | "rule") => page.locator(`tr[data-kind="${kind}"]:visible`).count();

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install Debian's chromium: apt-get install chromium`);
  }
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  mkdirSync(out, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  work.cleanup();
});

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
