import { describe, expect, it } from "vitest";
import { vendorlessKinds } from "../../src/data/containerlab.js";
import { vendors } from "../../src/data/vendors.js";
import { VendorRegistry } from "../../src/vendors/registry.js";
import { isDay, kebab, sourceProblems } from "./helpers.js";

const byId = new Map(vendors.map((v) => [v.id, v]));

describe("built-in vendors", () => {
  it("have unique kebab-case ids", () => {
    expect(byId.size).toBe(vendors.length);
    expect(vendors.map((v) => v.id).filter((id) => !kebab.test(id))).toEqual([]);
  });

  it("cite at least one well-formed source each, and every parent link cites one too", () => {
    const problems: string[] = [];
    for (const v of vendors) {
      if (v.sources.length === 0) problems.push(`${v.id}: no source`);
      v.sources.forEach((s, i) => problems.push(...sourceProblems(`${v.id}.sources[${i}]`, s)));
      for (const p of v.parents ?? []) {
        if (p.sources.length === 0) problems.push(`${v.id} → ${p.vendor}: no source`);
        p.sources.forEach((s, i) => problems.push(...sourceProblems(`${v.id} → ${p.vendor} [${i}]`, s)));
      }
    }
    expect(problems).toEqual([]);
  });

  it("give parent links real days with validFrom before validTo", () => {
    const problems: string[] = [];
    for (const v of vendors) {
      for (const p of v.parents ?? []) {
        if (p.validFrom !== undefined && !isDay(p.validFrom)) problems.push(`${v.id}: validFrom ${p.validFrom}`);
        if (p.validTo !== undefined && !isDay(p.validTo)) problems.push(`${v.id}: validTo ${p.validTo}`);
        if (p.validFrom !== undefined && p.validTo !== undefined && p.validFrom >= p.validTo) problems.push(`${v.id}: empty period`);
        if (!byId.has(p.vendor)) problems.push(`${v.id}: unknown parent ${p.vendor}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("use ISO 3166-1 alpha-2 upper-case countries (ZZ for unknown)", () => {
    expect(vendors.filter((v) => !/^[A-Z]{2}$/.test(v.country)).map((v) => v.id)).toEqual([]);
  });

  it("include every vendor the registry must know", () => {
    const required = [
      "huawei", "hisilicon", "futurewei", "huawei-device", "huawei-cloud", "huawei-digital-power", "honor", "xfusion",
      "hmn-technologies", "zte", "nubia", "ztesoft", "zonergy", "zte-microelectronics", "sanechips", "hikvision", "ezviz",
      "dahua", "lorex", "imou", "hytera", "fiberhome", "h3c", "kaspersky", "dji", "autel", "nokia", "ericsson", "samsung",
      "cisco", "juniper", "arista", "ciena", "fujitsu", "nec", "mavenir", "hpe", "dell", "extreme", "ubiquiti", "mikrotik",
      "palo-alto", "fortinet", "f5", "keysight", "nvidia", "vyos", "arrcus", "ip-infusion", "check-point", "6wind",
      "spirent", "brocade", "opengear", "apc", "panduit", "lenovo", "alibaba", "baidu", "tencent", "aws", "microsoft",
      "google", "oracle", "corning", "subcom", "asn",
    ];
    expect(required.filter((id) => !byId.has(id))).toEqual([]);
  });

  it("keep the research's unverified marks", () => {
    const unverified = (id: string) => byId.get(id)?.sources.some((s) => s.confidence === "unverified") ?? false;
    for (const id of ["huawei-device", "huawei-cloud", "huawei-digital-power", "sanechips", "imou", "xfusion", "lorex"]) {
      expect(unverified(id), id).toBe(true);
    }
    // The Huawei–3Com end date is inferred from "2006–07": the link itself says so.
    expect(byId.get("h3c")?.parents?.[0]?.sources.some((s) => s.confidence === "unverified")).toBe(true);
    expect(unverified("huawei")).toBe(false);
  });

  it("model the ownership history the research gives", () => {
    const parent = (id: string, of: string) => byId.get(id)?.parents?.find((p) => p.vendor === of);
    expect(parent("honor", "huawei")).toMatchObject({ relationship: "former-subsidiary", validTo: "2020-11-17" });
    expect(parent("xfusion", "huawei")).toMatchObject({ relationship: "former-subsidiary", validTo: "2021-11-05" });
    expect(parent("h3c", "huawei")).toMatchObject({ relationship: "joint-venture", validFrom: "2003-01-01" });
    expect(parent("hmn-technologies", "huawei")?.validTo).toBe("2020-04-01");
    expect(parent("hmn-technologies", "hengtong")?.validFrom).toBe("2020-03-01");
    expect(parent("lorex", "dahua")?.validFrom).toBe("2018-01-01");
    expect(byId.get("fiberhome")?.parents).toBeUndefined();
  });

  it("write containerlab kinds in lower case", () => {
    for (const v of vendors) for (const k of v.containerlabKinds ?? []) expect(k, v.id).toBe(k.toLowerCase());
  });

  it("never list a vendor-less containerlab kind on a vendor", () => {
    const claimed = new Set(vendors.flatMap((v) => v.containerlabKinds ?? []));
    expect(vendorlessKinds.filter((k) => claimed.has(k.kind)).map((k) => k.kind)).toEqual([]);
  });

  it("build a registry without collisions", () => {
    expect(() => new VendorRegistry()).not.toThrow();
  });
});
