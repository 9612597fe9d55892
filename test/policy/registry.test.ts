import { describe, expect, it } from "vitest";
import { vendorlessKinds } from "../../src/data/containerlab.js";
import type { VendorEntry } from "../../src/data/types.js";
import { InputError } from "../../src/diagnostics.js";
import { VendorRegistry } from "../../src/vendors/registry.js";
import type { VendorDeclaration } from "../../src/topology/types.js";

const registry = new VendorRegistry();
const src = [{ title: "test fixture", date: "2020-01-01" }];
const at = { file: "topo.yaml", line: 3, column: 5 };

function entry(id: string, extra: Partial<VendorEntry> = {}): VendorEntry {
  return { id, name: id.toUpperCase(), legalNames: [], aliases: [], country: "ZZ", sources: src, ...extra };
}

function declarations(...ds: Omit<VendorDeclaration, "location">[]): Map<string, VendorDeclaration> {
  return new Map(ds.map((d) => [d.id, { ...d, location: at }]));
}

const chainOf = (name: string, date: string) => registry.resolve(name, date)?.chain.map((l) => l.vendor);

describe("VendorRegistry.lookup", () => {
  it.each([
    ["Nokia Solutions and Networks Oy", "nokia"],
    ["HUAWEI TECHNOLOGIES CO., LTD.", "huawei"],
    ["Cisco Systems, Inc.", "cisco"],
    ["Hangzhou Hikvision Digital Technology Co., Ltd.", "hikvision"],
    ["huawei", "huawei"],
    ["HiSilicon", "hisilicon"],
    ["Huawei Marine Networks", "hmn-technologies"],
    ["Super Fusion Digital Technology Co., Ltd.", "xfusion"],
    ["Telefonaktiebolaget LM Ericsson (publ)", "ericsson"],
    ["Juniper Networks, Inc.", "juniper"],
    ["Juniper Networks", "juniper"],
    ["HPE", "hpe"],
    ["Aruba Networks", "hpe"],
    ["Zhejiang Dahua Technology Co., Ltd.", "dahua"],
    ["Hytera Communications Corporation Limited", "hytera"],
    ["AO Kaspersky Lab", "kaspersky"],
    ["Kaspersky Lab, Inc.", "kaspersky"],
    ["SZ DJI Technology Co., Ltd.", "dji"],
    ["SIA \"Mikrotīkls\"", "mikrotik"],
    ["6WIND", "6wind"],
  ])("%s → %s", (name, id) => {
    expect(registry.lookup(name)?.id).toBe(id);
  });

  it("does not know names it was not given, even near ones", () => {
    for (const name of ["Generic", "", "China", "Nokia Shanghai Bell", "Huawei Cloudy", "Alcatel-Lucent"]) {
      expect(registry.lookup(name), name).toBeUndefined();
    }
  });

  it("resolves every NetBox demo manufacturer except Generic", () => {
    const manufacturers = ["Arista", "Brocade", "Cisco", "Dell", "Extreme", "F5", "Juniper", "Opengear", "Palo Alto", "Ubiquiti", "APC", "Panduit", "Lenovo"];
    expect(manufacturers.filter((m) => registry.lookup(m) === undefined)).toEqual([]);
    expect(registry.lookup("Generic")).toBeUndefined();
  });

  it("keeps H3C distinct from Huawei", () => {
    expect(registry.lookup("H3C")?.id).toBe("h3c");
    expect(registry.lookup("New H3C Technologies Co., Ltd.")?.id).toBe("h3c");
  });

  it("gives the same answer from the cache as the first time, past the cache limit too", () => {
    expect(registry.lookup("Cisco Systems")?.id).toBe("cisco");
    expect(registry.lookup("Cisco Systems")?.id).toBe("cisco");
    const r = new VendorRegistry();
    for (let i = 0; i < 70_000; i++) r.lookup(`unknown vendor ${i}`);
    expect(r.lookup("Cisco Systems")?.id).toBe("cisco");
    expect(r.lookup("unknown vendor 5")).toBeUndefined();
  });
});

describe("VendorRegistry.resolve", () => {
  it("counts Honor as Huawei only for equipment installed before the sale", () => {
    expect(chainOf("Honor", "2019-06-01")).toContain("huawei");
    expect(chainOf("Honor", "2020-11-16")).toContain("huawei");
    expect(chainOf("Honor", "2020-11-17")).toEqual([]);
    expect(chainOf("Honor", "2022-01-01")).toEqual([]);
    expect(registry.resolve("Honor Device Co., Ltd.", "2019-06-01")?.chain[0]).toEqual({
      vendor: "huawei",
      relationship: "former-subsidiary",
      validTo: "2020-11-17",
    });
  });

  it("chains HiSilicon and Futurewei to Huawei", () => {
    expect(chainOf("HiSilicon", "2023-05-01")).toEqual(["huawei"]);
    expect(chainOf("Futurewei Technologies, Inc.", "2015-01-01")).toEqual(["huawei"]);
  });

  it("does not chain H3C to Huawei for a 2020 install, but does during the 2003 joint venture", () => {
    expect(chainOf("H3C", "2020-06-01")).toEqual([]);
    expect(chainOf("H3C", "2005-06-01")).toEqual(["huawei"]);
  });

  it("follows HMN Technologies from Huawei to Hengtong", () => {
    expect(chainOf("HMN Tech", "2015-01-01")).toEqual(["huawei"]);
    expect(chainOf("HMN Tech", "2020-03-15")).toEqual(["huawei", "hengtong"]);
    expect(chainOf("HMN Tech", "2021-01-01")).toEqual(["hengtong"]);
  });

  it("drops xFusion's Huawei link from 2021-11-05", () => {
    expect(chainOf("xFusion", "2021-11-04")).toEqual(["huawei"]);
    expect(chainOf("xFusion", "2021-11-05")).toEqual([]);
  });

  it("returns undefined for unknown names", () => {
    expect(registry.resolve("Acme Radio", "2020-01-01")).toBeUndefined();
  });

  it("walks ancestors transitively, each link judged on the date, nearest first", () => {
    const r = new VendorRegistry(new Map(), [
      entry("a", { parents: [{ vendor: "b", relationship: "subsidiary", validFrom: "2010-01-01", sources: src }] }),
      entry("b", {
        parents: [
          { vendor: "c", relationship: "affiliate", validTo: "2015-01-01", sources: src },
          { vendor: "d", relationship: "subsidiary", sources: src },
        ],
      }),
      entry("c", { parents: [{ vendor: "d", relationship: "brand", sources: src }] }),
      entry("d"),
    ]);
    expect(r.ancestorsAt("a", "2009-12-31")).toEqual([]);
    expect(r.ancestorsAt("a", "2012-01-01")).toEqual(["b", "c", "d"]);
    expect(r.ancestorsAt("a", "2016-01-01")).toEqual(["b", "d"]);
    expect(r.ancestorsAt("nobody", "2016-01-01")).toEqual([]);
    expect(r.resolve("A", "2012-01-01")?.chain).toEqual([
      { vendor: "b", relationship: "subsidiary", validFrom: "2010-01-01" },
      { vendor: "c", relationship: "affiliate", validTo: "2015-01-01" },
      { vendor: "d", relationship: "subsidiary" },
    ]);
  });
});

describe("VendorRegistry.forContainerlabKind", () => {
  const readmeKinds: [string, string][] = [
    ["nokia_srlinux", "nokia"], ["nokia_srsim", "nokia"], ["nokia_sros", "nokia"], ["srl", "nokia"], ["vr-sros", "nokia"],
    ["vr-nokia_sros", "nokia"], ["cisco_iol", "cisco"], ["cisco_xrd", "cisco"], ["cisco_xrv", "cisco"], ["cisco_xrv9k", "cisco"],
    ["cisco_asav", "cisco"], ["xrd", "cisco"], ["cisco_xrd_vrouter", "cisco"], ["vr-xrv", "cisco"], ["vr-xrv9k", "cisco"],
    ["cisco_csr1000v", "cisco"], ["vr-csr", "cisco"], ["cisco_n9kv", "cisco"], ["vr-n9kv", "cisco"], ["cisco_c8000", "cisco"],
    ["c8000", "cisco"], ["cisco_c8000v", "cisco"], ["cisco_cat9kv", "cisco"], ["cisco_ftdv", "cisco"], ["cisco_vios", "cisco"],
    ["cisco_sdwan", "cisco"], ["arista_ceos", "arista"], ["ceos", "arista"], ["arista_veos", "arista"], ["vr-veos", "arista"],
    ["juniper_vmx", "juniper"], ["juniper_crpd", "juniper"], ["juniper_vjunosswitch", "juniper"], ["juniper_vjunosevolved", "juniper"],
    ["juniper_cjunosevolved", "juniper"], ["crpd", "juniper"], ["vr-vmx", "juniper"], ["juniper_vqfx", "juniper"], ["vr-vqfx", "juniper"],
    ["juniper_vsrx", "juniper"], ["vr-vsrx", "juniper"], ["juniper_csrx", "juniper"], ["juniper_vjunosrouter", "juniper"],
    ["cjunosevolved", "juniper"], ["fortinet_fortigate", "fortinet"], ["ciena_saos", "ciena"], ["cumulus_cvx", "nvidia"],
    ["cvx", "nvidia"], ["nvidia_cumulusvx", "nvidia"], ["vyosnetworks_vyos", "vyos"], ["f5_bigip-ve", "f5"], ["arrcus_arcos", "arrcus"],
    ["keysight_ixia-c-one", "keysight"], ["veesix_osvbng", "veesix"], ["aruba_aoscx", "hpe"], ["vr-aoscx", "hpe"],
    ["dell_ftosv", "dell"], ["vr-ftosv", "dell"], ["dell_sonic", "dell"], ["mikrotik_ros", "mikrotik"], ["vr-ros", "mikrotik"],
    ["huawei_vrp", "huawei"], ["ipinfusion_ocnos", "ip-infusion"], ["paloalto_panos", "palo-alto"], ["vr-pan", "palo-alto"],
    ["checkpoint_cloudguard", "check-point"], ["6wind_vsr", "6wind"], ["spirent_stc", "spirent"], ["plvision_sonic", "plvision"],
  ];
  const readmeVendorless = [
    "linux", "sonic-vs", "freebsd", "generic_vm", "bridge", "ext-container", "k8s-kind", "host",
    "fdio_vpp", "rare", "sonic-vm", "openbsd", "openwrt", "ovs-bridge",
  ];

  it.each(readmeKinds)("%s → %s", (kind, id) => {
    expect(registry.forContainerlabKind(kind)?.id).toBe(id);
  });

  it("maps no vendor-less kind, and says they are vendor-less", () => {
    for (const kind of readmeVendorless) {
      expect(registry.forContainerlabKind(kind), kind).toBeUndefined();
      expect(registry.isVendorlessKind(kind), kind).toBe(true);
    }
    expect(vendorlessKinds.map((k) => k.kind).sort()).toEqual([...readmeVendorless].sort());
  });

  it("reads the vr-<vendor>_<x> spelling, case and future kinds of a known vendor", () => {
    expect(registry.forContainerlabKind("vr-cisco_csr1000v")?.id).toBe("cisco");
    expect(registry.forContainerlabKind("vr-juniper_vmx")?.id).toBe("juniper");
    expect(registry.forContainerlabKind("vr-huawei_vrp")?.id).toBe("huawei");
    expect(registry.forContainerlabKind("Nokia_SRLinux")?.id).toBe("nokia");
    expect(registry.forContainerlabKind("huawei_ce12800")?.id).toBe("huawei");
    expect(registry.forContainerlabKind("acme_router")).toBeUndefined();
    expect(registry.forContainerlabKind("unknownkind")).toBeUndefined();
    expect(registry.isVendorlessKind("nokia_srlinux")).toBe(false);
  });
});

describe("VendorRegistry construction", () => {
  it("rejects two entries whose names normalise alike", () => {
    expect(() => new VendorRegistry(new Map(), [entry("a", { aliases: ["Acme Co."] }), entry("b", { legalNames: ["ACME, Inc."] })])).toThrow(
      /already means/,
    );
  });

  it("rejects duplicate ids, unknown parents and parent cycles", () => {
    expect(() => new VendorRegistry(new Map(), [entry("a"), entry("a")])).toThrow(/duplicate id/);
    expect(() => new VendorRegistry(new Map(), [entry("a", { parents: [{ vendor: "zz", relationship: "brand", sources: src }] })])).toThrow(
      /unknown parent/,
    );
    const link = (vendor: string) => [{ vendor, relationship: "subsidiary" as const, sources: src }];
    expect(() => new VendorRegistry(new Map(), [entry("a", { parents: link("b") }), entry("b", { parents: link("c") }), entry("c", { parents: link("a") })])).toThrow(
      /parent cycle/,
    );
    expect(() => new VendorRegistry(new Map(), [entry("a", { parents: link("a") })])).toThrow(/parent cycle a → a/);
  });

  it("rejects two vendors claiming one containerlab kind", () => {
    expect(() => new VendorRegistry(new Map(), [entry("a", { containerlabKinds: ["x_os"] }), entry("b", { containerlabKinds: ["x_os"] })])).toThrow(
      /containerlab kind/,
    );
  });

  it("lists entries sorted by id", () => {
    const ids = registry.entries().map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.length).toBeGreaterThan(60);
  });
});

describe("VendorRegistry declarations", () => {
  it("adds a declared vendor, found by id, name and alias", () => {
    const r = new VendorRegistry(declarations({ id: "acme-radio", name: "ACME Radio Ltd", country: "IL", aliases: ["ACMERad"] }));
    expect(r.lookup("acme-radio")?.id).toBe("acme-radio");
    expect(r.lookup("Acme Radio")?.country).toBe("IL");
    expect(r.lookup("acmerad")?.name).toBe("ACME Radio Ltd");
    expect(new VendorRegistry(declarations({ id: "bare", aliases: [] })).lookup("bare")?.country).toBe("ZZ");
  });

  it("extends a built-in entry when the id is the same, without changing the shared data", () => {
    const r = new VendorRegistry(declarations({ id: "huawei", name: "Huawei", country: "DE", aliases: ["HW Corp"] }));
    expect(r.lookup("HW Corp")?.id).toBe("huawei");
    expect(r.lookup("HiSilicon")?.parents?.[0]?.vendor).toBe("huawei");
    expect(r.lookup("huawei")?.country).toBe("CN");
    expect(r.forContainerlabKind("huawei_vrp")?.aliases).toContain("HW Corp");
    expect(r.warnings.map((w) => w.code)).toEqual(["W_VENDOR_COUNTRY"]);
    expect(registry.lookup("HW Corp")).toBeUndefined();
    expect(new VendorRegistry().lookup("huawei")?.aliases).not.toContain("HW Corp");
  });

  it("rejects a declaration that would make a name ambiguous, pointing at it", () => {
    let error: unknown;
    try {
      new VendorRegistry(declarations({ id: "my-nokia", aliases: ["Nokia Oyj"] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).diagnostics[0]).toMatchObject({ code: "E_VENDOR_AMBIGUOUS", location: at });
  });

  it("never touches prototypes with names like __proto__ or constructor", () => {
    expect(registry.lookup("__proto__")).toBeUndefined();
    expect(registry.lookup("constructor")).toBeUndefined();
    expect(registry.lookup("toString")).toBeUndefined();
    expect(registry.forContainerlabKind("__proto__")).toBeUndefined();
    expect(registry.forContainerlabKind("constructor_x")).toBeUndefined();
    const r = new VendorRegistry(declarations({ id: "__proto__", aliases: ["constructor"] }));
    expect(r.lookup("__proto__")?.id).toBe("__proto__");
    expect(r.lookup("constructor")?.id).toBe("__proto__");
    expect(r.ancestorsAt("__proto__", "2020-01-01")).toEqual([]);
    expect(({} as Record<string, unknown>)["id"]).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "id")).toBe(false);
  });
});

describe("VendorRegistry.suggest", () => {
  it.each([
    ["Huawey", "Huawei"],
    ["Cisko", "Cisco"],
    ["Jupiter", "Juniper"],
    ["Hickvision", "Hikvision"],
  ])("%s → %s", (typo, name) => {
    expect(registry.suggest(typo)).toBe(name);
  });

  it("suggests nothing for names far from any vendor", () => {
    expect(registry.suggest("Xyzzy Plugh")).toBeUndefined();
    expect(registry.suggest("")).toBeUndefined();
  });
});
