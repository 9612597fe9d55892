import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { audit, loadPolicy, loadTopology, render } from "../../src/index.js";

/** A network of `n` located sites with one element each: every 1,000th Huawei, every 700th of an unknown vendor. */
function network(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "cleanpath-inventory-"));
  const sites: Record<string, object> = {};
  const elements: object[] = [];
  for (let i = 0; i < n; i++) {
    const id = `s-${String(i).padStart(5, "0")}`;
    sites[id] = { country: "MX", lat: 19 + (i % 100) / 100, lon: -99 + Math.floor(i / 100) / 100 };
    const vendor = i % 1000 === 999 ? "Huawei" : i % 700 === 699 ? "Acme Radio Works" : "Nokia";
    elements.push({ id: `e-${i}`, role: "ran", vendor, site: id });
  }
  const file = join(dir, "net.json");
  writeFileSync(file, JSON.stringify({ cleanpath: 1, sites, elements, links: [] }));
  return file;
}

describe("inventory of located sites", () => {
  it("lists every site of a small network, risky ones first", () => {
    const loaded = loadTopology(network(1500));
    const r = audit(loaded, loadPolicy(loaded), { asOf: "2026-01-01" });
    expect(r.inventory.sitesLocated).toBe(1500);
    expect(r.inventory.sites).toHaveLength(1500);
    expect(r.inventory.sites.slice(0, 1).map((s) => [s.id, s.high])).toEqual([["s-00999", 1]]);
    expect(r.inventory.sites.slice(1, 3).map((s) => [s.id, s.unknown])).toEqual([
      ["s-00699", 1],
      ["s-01399", 1],
    ]);
  });

  it("keeps 5,000 of a large one (high-risk, then unknown, then clean by id) and the map says how many it left out", () => {
    const loaded = loadTopology(network(7000));
    const r = audit(loaded, loadPolicy(loaded), { asOf: "2026-01-01" });
    expect(r.inventory.sitesLocated).toBe(7000);
    expect(r.inventory.sites).toHaveLength(5000);
    const high = r.inventory.sites.filter((s) => s.high > 0).map((s) => s.id);
    expect(high).toEqual(["s-00999", "s-01999", "s-02999", "s-03999", "s-04999", "s-05999", "s-06999"]);
    expect(r.inventory.sites.slice(0, 7).map((s) => s.id)).toEqual(high);
    // Nine sites with an unknown vendor: 699, 1399, … 6299 (6999 is Huawei, so high-risk).
    const unknown = r.inventory.sites.slice(7).filter((s) => s.unknown > 0);
    expect(unknown).toHaveLength(9);
    expect(r.inventory.sites.slice(7, 16)).toEqual(unknown);
    // Then clean sites by id, up to the cap.
    expect(r.inventory.sites[16]!.id).toBe("s-00000");
    expect(r.inventory.sites[4999]!.high + r.inventory.sites[4999]!.unknown).toBe(0);
    const html = render(r, "html");
    expect(html).toMatch(/2,000 more located sites not drawn: the map shows 5,000, those with high-risk equipment first/);
  });
});
