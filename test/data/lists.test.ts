import { describe, expect, it } from "vitest";
import { lists } from "../../src/data/lists.js";
import { VendorRegistry } from "../../src/vendors/registry.js";
import { isDay, kebab, sourceProblems } from "./helpers.js";

const registry = new VendorRegistry();
const list = (id: string) => {
  const l = lists.find((x) => x.id === id);
  if (!l) throw new Error(`no list ${id}`);
  return l;
};

describe("designation lists", () => {
  it("have unique ids and the three lists the profiles use", () => {
    expect(lists.map((l) => l.id).sort()).toEqual(["clean-network-2020", "fcc-covered-list", "ndaa-889"]);
  });

  it("cite sources everywhere and date every entry with a real day", () => {
    const problems: string[] = [];
    for (const l of lists) {
      if (l.sources.length === 0) problems.push(`${l.id}: no source`);
      l.sources.forEach((s, i) => problems.push(...sourceProblems(`${l.id}.sources[${i}]`, s)));
      for (const e of l.entries) {
        const where = `${l.id}/${e.kind}/${e.id}`;
        if (!isDay(e.added)) problems.push(`${where}: added ${e.added}`);
        if (e.sources.length === 0) problems.push(`${where}: no source`);
        if (e.scope.trim().length === 0) problems.push(`${where}: empty scope`);
        e.sources.forEach((s, i) => problems.push(...sourceProblems(`${where}[${i}]`, s)));
      }
    }
    expect(problems).toEqual([]);
  });

  it("reference registry ids that exist for vendors, clouds, cable vendors and software", () => {
    const missing = lists.flatMap((l) =>
      l.entries.filter((e) => e.kind !== "operator" && registry.byVendorId(e.id) === undefined).map((e) => `${l.id}/${e.id}`),
    );
    expect(missing).toEqual([]);
  });

  it("give operators kebab-case ids and names to match by", () => {
    const operators = lists.flatMap((l) => l.entries.filter((e) => e.kind === "operator"));
    expect(operators.length).toBeGreaterThan(0);
    for (const o of operators) {
      expect(o.id).toMatch(kebab);
      expect(o.aliases?.length ?? 0, o.id).toBeGreaterThan(0);
    }
  });

  it("never list one entity twice with the same kind", () => {
    for (const l of lists) {
      const keys = l.entries.map((e) => `${e.kind}/${e.id}`);
      expect(new Set(keys).size, l.id).toBe(keys.length);
    }
  });

  it("hold every row of the FCC Covered List with its added date", () => {
    const rows = list("fcc-covered-list").entries.map((e) => `${e.kind} ${e.id} ${e.added}`);
    expect(rows.sort()).toEqual(
      [
        "vendor huawei 2021-03-12",
        "vendor zte 2021-03-12",
        "vendor hytera 2021-03-12",
        "vendor hikvision 2021-03-12",
        "vendor dahua 2021-03-12",
        "vendor kaspersky 2022-03-25",
        "operator china-mobile 2022-03-25",
        "operator china-telecom 2022-03-25",
        "operator pacific-networks 2022-09-20",
        "operator comnet 2022-09-20",
        "operator china-unicom 2022-09-20",
        "software kaspersky 2024-09-03",
        "vendor dji 2025-12-22",
        "vendor autel 2025-12-22",
      ].sort(),
    );
  });

  it("say that the 2024 Kaspersky date is inferred", () => {
    const k = list("fcc-covered-list").entries.find((e) => e.kind === "software" && e.id === "kaspersky");
    expect(k?.scope).toMatch(/inferred/);
    expect(k?.sources.some((s) => s.confidence === "unverified" && /inferred/i.test(s.note ?? ""))).toBe(true);
  });

  it("keep the limited scope of Hytera, Hikvision and Dahua on the Covered List", () => {
    for (const id of ["hytera", "hikvision", "dahua"]) {
      expect(list("fcc-covered-list").entries.find((e) => e.id === id)?.scope).toMatch(/public safety/);
    }
  });

  it("date §889 from Part A and explain Part B", () => {
    const ndaa = list("ndaa-889");
    expect(ndaa.entries.map((e) => e.id).sort()).toEqual(["dahua", "hikvision", "huawei", "hytera", "zte"]);
    expect(ndaa.entries.every((e) => e.added === "2019-08-13" && e.scope.includes("2020-08-13"))).toBe(true);
    expect(ndaa.description).toMatch(/Part B.*2020-08-13/);
  });

  it("cover Clean Carrier, Clean Cloud and Clean Cable with the right kinds", () => {
    const clean = list("clean-network-2020").entries;
    const ids = (kind: string) => clean.filter((e) => e.kind === kind).map((e) => e.id).sort();
    expect(ids("operator")).toEqual(["china-mobile", "china-telecom", "china-unicom", "comnet", "pacific-networks"]);
    expect(ids("cloud")).toEqual(["alibaba", "baidu", "china-mobile", "china-telecom", "tencent"]);
    expect(ids("cable-vendor")).toEqual(["hmn-technologies"]);
    const hmn = clean.find((e) => e.kind === "cable-vendor");
    expect(hmn?.sources.some((s) => s.confidence === "unverified")).toBe(true);
    expect(hmn?.name).toMatch(/Huawei Marine/);
  });

  it("resolve every cloud through the registry by the name the list writes", () => {
    for (const e of lists.flatMap((l) => l.entries.filter((x) => x.kind === "cloud"))) {
      expect(registry.lookup(e.name)?.id, e.name).toBe(e.id);
    }
    expect(registry.lookup("Huawei Marine Networks")?.id).toBe("hmn-technologies");
  });
});
