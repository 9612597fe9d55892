import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/result.js";
import { runCli, scratch } from "../helpers/cli.js";

/**
 * A 50,000-hop chain e0 … e50000 (compact links), Huawei every 10,000 elements: the pair e0 → e50000
 * is dirty and every one of its 50,001 elements is on the routed path. Human formats show the two
 * ends; the JSON keeps every hop.
 */
const hops = 50_000;
const elements = hops + 1;
const huawei = (i: number): boolean => i > 0 && i < hops && i % 10_000 === 0;

function chain(): string {
  const els = Array.from({ length: elements }, (_, i) => JSON.stringify({ id: `e${i}`, role: "transport", vendor: huawei(i) ? "Huawei" : "Nokia" }));
  const links = Array.from({ length: hops }, (_, i) => JSON.stringify([`e${i}`, `e${i + 1}`]));
  return `{"cleanpath":1,"elements":[\n${els.join(",\n")}\n],"links":[\n${links.join(",\n")}\n]}\n`;
}

describe("a 50,000-hop path", () => {
  let files: ReturnType<typeof scratch>;
  const audit = (format: string) => runCli(["audit", "path", files.path("chain.json"), "--from", "e0", "--to", `e${hops}`, "--format", format], { env: { SOURCE_DATE_EPOCH: "1767225600" } });

  beforeAll(() => {
    files = scratch({ "chain.json": chain() });
  });
  afterAll(() => files.cleanup());

  it("prints in the table as its first and last 20 hops with the count of those left out", () => {
    const r = audit("table");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const routed = r.stdout.slice(r.stdout.indexOf("Routed ("), r.stdout.indexOf("Risky on the routed paths"));
    const shown = [...routed.matchAll(/\be(\d+)\b/g)].map((m) => Number(m[1]));
    const ends = [...Array.from({ length: 20 }, (_, i) => i), ...Array.from({ length: 20 }, (_, i) => hops - 19 + i)];
    expect(shown).toEqual(ends);
    expect(routed).toContain(`… ${(elements - 40).toLocaleString("en-US")} hops not shown (the JSON result lists every hop) …`);
    // The risky items are listed in full below the path, although none is among the hops shown.
    for (const i of [10_000, 20_000, 30_000, 40_000]) expect(r.stdout).toContain(`• e${i} (transport, Huawei)`);
    expect(r.stdout).toContain("To fix: replace e10000, e20000, e30000, e40000 (4 items)");
    expect(r.stdout.length).toBeLessThan(10_000);
  });

  it("keeps every hop in the JSON result", () => {
    const r = audit("json");
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout) as AuditResult;
    const pair = result.pairs[0]!;
    expect(pair.verdict).toBe("dirty");
    expect(pair.routed!.paths).toEqual([Array.from({ length: elements }, (_, i) => `e${i}`)]);
    expect(pair.routed!.riskyItems).toEqual(["e10000", "e20000", "e30000", "e40000"]);
    expect(Object.keys(result.items)).toHaveLength(elements + hops);
  });

  it.each(["markdown", "junit", "html"])("prints in %s as its two ends, with the count left out", (format) => {
    const r = audit(format);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`… ${(elements - 40).toLocaleString("en-US")} hops not shown (the JSON result lists every hop) …`);
    expect(r.stdout).toMatch(/\be19\b/);
    expect(r.stdout).toMatch(/\be49981\b/);
    expect(r.stdout).not.toMatch(/\be20\b|\be25000\b|\be49980\b/);
  });
});
