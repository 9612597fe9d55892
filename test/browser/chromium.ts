import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { root, scratch } from "../helpers/cli.js";

// Debian's Chromium, never a downloaded browser. Missing is a failure, not a skip: the HTML reports'
// promise (open offline, work, print cleanly) is only checked in a browser.
const executablePath = "/usr/bin/chromium";

/** A page opened from a file, with what it asked for and what it said. */
export interface Opened {
  page: Page;
  requests: string[];
  blocked: string[];
  errors: string[];
  dialogs: string[];
}

/** Headless Chromium without a sandbox, GPU or background traffic. */
export async function launch(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install Debian's chromium: apt-get install chromium`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

/** Opens `file`, recording every request (all but the file itself aborted), console error or warning, and dialog. */
export async function open(browser: Browser, file: string): Promise<Opened> {
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

/** Where browser tests leave their screenshots and PDFs for a person to look at (git ignores it). */
export const out = join(root, "test", "browser", "out");

/**
 * One browser for the test file, launched before its tests and closed after them, with a scratch
 * folder for the pages: `open(file)` opens a page in it.
 */
export function useChromium(): { work: ReturnType<typeof scratch>; open: (file: string) => Promise<Opened> } {
  let browser: Browser | undefined;
  const work = scratch({});
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(out, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    work.cleanup();
  });
  return { work, open: (file) => open(browser!, file) };
}
