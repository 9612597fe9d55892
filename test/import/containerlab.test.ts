import { join } from "node:path";
import { VendorRegistry } from "../../src/vendors/registry.js";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { checkImported } from "../../src/import/check.js";
import { containerlabKind } from "../../src/import/containerlab-kinds.js";
import { importContainerlab } from "../../src/import/containerlab.js";
import type { ImportResult } from "../../src/import/types.js";
import { datasetFile, datasets, filesUnder } from "./datasets.js";

const labFiles = filesUnder(join(datasets, "containerlab"), /(\.clab\.ya?ml|-clab\.yml)$/);
const results = new Map<string, ImportResult>(labFiles.map((f) => [f, importContainerlab([datasetFile(f)])]));
const all = [...results.values()];

function lab(yaml: string): ImportResult {
  return importContainerlab([{ file: "t.clab.yml", text: yaml }]);
}

describe("containerlab importer on the containerlab lab examples", () => {
  it("finds the 53 topology files", () => {
    expect(labFiles).toHaveLength(53);
  });

  it("imports every file into a topology that passes the checks", () => {
    const failures = [...results].filter(([, r]) => checkImported(r.document).length > 0).map(([f]) => f);
    expect(failures).toEqual([]);
  });

  it("imports all 168 nodes", () => {
    expect(all.reduce((n, r) => n + r.document.elements.length, 0)).toBe(168);
  });

  it("accounts for all 141 link entries: 130 links, 8 ends that are not nodes, 3 self-loops", () => {
    const links = all.reduce((n, r) => n + r.document.links.length, 0);
    const skippedLinks = all.flatMap((r) => r.skipped.filter((s) => s.what.startsWith("link ")));
    expect(links).toBe(130);
    expect(skippedLinks).toHaveLength(11);
    expect(skippedLinks.filter((s) => /self-loop/.test(s.why))).toHaveLength(3);
    expect(skippedLinks.filter((s) => /`host:` end/.test(s.why))).toHaveLength(4);
    expect(skippedLinks.filter((s) => /single-ended/.test(s.why))).toHaveLength(4);
    expect(skippedLinks.every((s) => s.location !== undefined)).toBe(true);
  });

  it("derives vendors from kinds, matching the README's kind table", () => {
    // Counted by the vendor the registry resolves the written name to, named as the README names it.
    const byVendor = new Map<string, number>();
    for (const e of all.flatMap((r) => r.document.elements)) {
      const name = e.vendor === undefined ? "(none)" : readmeName(e.vendor);
      byVendor.set(name, (byVendor.get(name) ?? 0) + 1);
    }
    // nokia_srlinux 56 + nokia_srsim 31 + nokia_sros 8; cisco_iol 4 + xrd + xrv + xrv9k + asav; …
    expect(Object.fromEntries(byVendor)).toEqual({
      Nokia: 95, Cisco: 8, Arista: 3, Juniper: 6, Fortinet: 2, Ciena: 2, NVIDIA: 2, "VyOS Networks": 2, F5: 1, Arrcus: 1, Keysight: 1, Veesix: 1,
      "(none)": 44, // linux 35 (29 + 6 through frr01's groups), freebsd, generic_vm, bridge, ext-container 3, k8s-kind 2, sonic-vs
    });
  });

  it("resolves kinds through groups (frr01's nodes have none of their own)", () => {
    const frr = [...results].find(([f]) => f.endsWith("frr01.clab.yml"))![1].document;
    expect(frr.elements.map((e) => [e.id, e.role, e.meta?.kind])).toEqual([
      ["router1", "endpoint", "linux"], ["router2", "endpoint", "linux"], ["router3", "endpoint", "linux"],
      ["PC1", "endpoint", "linux"], ["PC2", "endpoint", "linux"], ["PC3", "endpoint", "linux"],
    ]);
  });

  it("splits endpoints at the first colon, keeping interface names with `/`", () => {
    const sr = [...results].find(([f]) => f.endsWith("sr-sim/sros-srl.clab.yml"))![1].document;
    const ifaces = sr.links.flatMap((l) => [l.meta?.aInterface, l.meta?.bInterface]);
    expect(ifaces.some((i) => typeof i === "string" && i.includes("/"))).toBe(true);
  });
});

describe("containerlab importer on small labs", () => {
  it("resolves the kind node → group → defaults", () => {
    const { document } = lab(`
topology:
  defaults: { kind: nokia_srlinux }
  groups: { spines: { kind: arista_ceos } }
  kinds: { juniper_crpd: { image: crpd } }
  nodes:
    a: { kind: cisco_xrd, group: spines }
    b: { group: spines }
    c: {}
`);
    expect(document.elements.map((e) => readmeName(e.vendor!))).toEqual(["Cisco", "Arista", "Nokia"]);
  });

  it("maps labels to role, site, operator and tags", () => {
    const { document, skipped } = lab(`
name: l
topology:
  nodes:
    r1: { kind: huawei_vrp, labels: { role: core, site: Mexico City, operator: altan, graph-level: 2 } }
    r2: { kind: srl, labels: { role: spine } }
    r3: { kind: srl, labels: { site: Mexico City } }
`);
    expect(document.elements[0]).toEqual({ id: "r1", role: "core", vendor: "Huawei", operator: "altan", site: "mexico-city", tags: ["graph-level:2"], meta: { kind: "huawei_vrp" } });
    expect(document.elements[2]!.site).toBe("mexico-city");
    expect(document.sites).toEqual({ "mexico-city": { name: "Mexico City" } });
    expect(document.operators).toEqual({ altan: {} });
    expect(document.elements[1]).toMatchObject({ role: "other", tags: ["role:spine"] });
    expect(skipped.some((s) => s.what === "role label of node r2")).toBe(true);
    expect(checkImported(document)).toEqual([]);
  });

  it("gives vendor-less kinds no vendor and the endpoint or other role, and reports them", () => {
    const { document, skipped } = lab(`
topology:
  nodes:
    h: { kind: linux }
    br: { kind: bridge }
    ovs: { kind: ovs-bridge }
    x: { kind: ext-container }
    k: { kind: k8s-kind }
    vm: { kind: generic_vm }
    ho: { kind: host }
`);
    expect(document.elements.map((e) => [e.id, e.vendor, e.role])).toEqual([
      ["h", undefined, "endpoint"], ["br", undefined, "other"], ["ovs", undefined, "other"], ["x", undefined, "endpoint"],
      ["k", undefined, "endpoint"], ["vm", undefined, "endpoint"], ["ho", undefined, "endpoint"],
    ]);
    expect(skipped.filter((s) => s.what.startsWith("vendor of"))).toHaveLength(7);
  });

  it("reads brief and extended links, and skips host:, mgmt-net: and macvlan: ends with their position", () => {
    const { document, skipped } = lab(`
topology:
  nodes: { a: { kind: srl }, b: { kind: srl } }
  links:
    - endpoints: ["a:e1-1", "b:e1-1"]
    - endpoints: [a:ethernet-1/2, b:ethernet-1/2]
    - type: veth
      endpoints: [{ node: a, interface: e1-3 }, { node: b, interface: e1-3 }]
    - endpoints: ["a:e1-4", "host:a-e1-4"]
    - endpoints: ["a:e1-5", "mgmt-net:a-e1-5"]
    - endpoints: ["a:e1-6", "macvlan:enp0s3"]
    - type: vxlan
      endpoint: { node: a, interface: e1-7 }
    - endpoints: ["a:e1-8", "ghost:e1"]
    - endpoints: ["a:e1-9", "a:e1-10"]
    - endpoints: ["a-e1-11", "b:e1-11"]
`);
    expect(document.links).toEqual([
      { a: "a", b: "b", meta: { aInterface: "e1-1", bInterface: "e1-1" } },
      { a: "a", b: "b", meta: { aInterface: "ethernet-1/2", bInterface: "ethernet-1/2" } },
      { a: "a", b: "b", meta: { aInterface: "e1-3", bInterface: "e1-3" } },
    ]);
    const links = skipped.filter((s) => s.what.startsWith("link "));
    expect(links.map((s) => [s.what.split(" (")[0], s.location?.line])).toEqual([
      ["link 4", 9], ["link 5", 10], ["link 6", 11], ["link 7", 12], ["link 8", 14], ["link 9", 15], ["link 10", 16],
    ]);
    expect(links[2]!.why).toMatch(/management network|macvlan/);
  });

  it("slugifies node names that are not ids and keeps the original as name", () => {
    const { document } = lab(`
topology:
  nodes: { "_x y": { kind: srl }, b: { kind: srl } }
  links: [{ endpoints: ["_x y:e1", "b:e1"] }]
`);
    expect(document.elements[0]).toMatchObject({ id: "x-y", name: "_x y" });
    expect(document.links[0]).toMatchObject({ a: "x-y", b: "b" });
  });

  it("rejects files that are not containerlab topologies, and YAML errors, with positions", () => {
    expect(() => lab("name: x\n")).toThrow(/t\.clab\.yml:1:1 .*no `topology:`/);
    expect(() => lab("topology:\n  nodes:\n    a: {}\n    a: {}\n")).toThrow(InputError);
    // The loader's YAML reader and codes, as `validate` gives them: the duplicate points at its first occurrence.
    expect(() => lab("topology:\n  nodes:\n    a: {}\n    a: {}\n")).toThrow(/t\.clab\.yml:4:5 +E_DUPLICATE_KEY +duplicate key `a` in this mapping \(see t\.clab\.yml:3:5\)/);
    expect(() => lab("topology:\n  nodes: [a, b\n")).toThrow(/t\.clab\.yml:2:10 +E_YAML_SYNTAX +unterminated flow collection/);
    expect(() => lab("topology: &t\n  nodes: *t\n")).toThrow(/E_RECURSIVE_ALIAS/);
    expect(() => lab("topology:\n  nodes: [a]\n")).toThrow(/t\.clab\.yml:2:10 .*map of node names/);
  });
});

const registry = new VendorRegistry();
const readmeNames = ["Nokia", "Cisco", "Arista", "Juniper", "Fortinet", "Ciena", "NVIDIA", "VyOS Networks", "F5", "Arrcus", "Keysight", "Veesix", "Huawei", "HPE Aruba", "Dell", "MikroTik", "IP Infusion", "Palo Alto Networks", "Check Point", "6WIND", "Spirent", "PLVision"];
/** The README's name for the vendor a written name resolves to (the importer writes the registry's display name). */
function readmeName(written: string): string {
  const id = registry.lookup(written)?.id;
  return readmeNames.find((n) => registry.lookup(n)?.id === id) ?? `unresolved ${written}`;
}

describe("containerlab kind table", () => {
  // Every kind and alias the datasets README lists, with the vendor it implies.
  const table: [string, string | undefined][] = [
    ["nokia_srlinux", "Nokia"], ["srl", "Nokia"], ["nokia_sros", "Nokia"], ["vr-sros", "Nokia"], ["vr-nokia_sros", "Nokia"], ["nokia_srsim", "Nokia"],
    ["arista_ceos", "Arista"], ["ceos", "Arista"], ["arista_veos", "Arista"], ["vr-veos", "Arista"], ["vr-arista_veos", "Arista"],
    ["juniper_crpd", "Juniper"], ["crpd", "Juniper"], ["juniper_vmx", "Juniper"], ["vr-vmx", "Juniper"], ["vr-juniper_vmx", "Juniper"],
    ["juniper_vqfx", "Juniper"], ["vr-vqfx", "Juniper"], ["juniper_vsrx", "Juniper"], ["vr-vsrx", "Juniper"], ["juniper_csrx", "Juniper"],
    ["juniper_vjunosrouter", "Juniper"], ["juniper_vjunosswitch", "Juniper"], ["juniper_vjunosevolved", "Juniper"],
    ["juniper_cjunosevolved", "Juniper"], ["cjunosevolved", "Juniper"],
    ["cisco_xrd", "Cisco"], ["xrd", "Cisco"], ["cisco_xrd_vrouter", "Cisco"], ["cisco_xrv", "Cisco"], ["vr-xrv", "Cisco"],
    ["cisco_xrv9k", "Cisco"], ["vr-xrv9k", "Cisco"], ["cisco_csr1000v", "Cisco"], ["vr-csr", "Cisco"], ["cisco_n9kv", "Cisco"],
    ["vr-n9kv", "Cisco"], ["cisco_c8000", "Cisco"], ["c8000", "Cisco"], ["cisco_c8000v", "Cisco"], ["cisco_cat9kv", "Cisco"],
    ["cisco_ftdv", "Cisco"], ["cisco_vios", "Cisco"], ["cisco_sdwan", "Cisco"], ["cisco_iol", "Cisco"], ["cisco_asav", "Cisco"],
    ["vr-cisco_csr1000v", "Cisco"],
    ["cumulus_cvx", "NVIDIA"], ["cvx", "NVIDIA"], ["nvidia_cumulusvx", "NVIDIA"],
    ["aruba_aoscx", "HPE Aruba"], ["vr-aoscx", "HPE Aruba"], ["dell_ftosv", "Dell"], ["vr-ftosv", "Dell"], ["dell_sonic", "Dell"],
    ["mikrotik_ros", "MikroTik"], ["vr-ros", "MikroTik"], ["huawei_vrp", "Huawei"], ["vr-huawei_vrp", "Huawei"], ["ipinfusion_ocnos", "IP Infusion"],
    ["paloalto_panos", "Palo Alto Networks"], ["vr-pan", "Palo Alto Networks"], ["checkpoint_cloudguard", "Check Point"],
    ["6wind_vsr", "6WIND"], ["spirent_stc", "Spirent"], ["keysight_ixia-c-one", "Keysight"], ["fortinet_fortigate", "Fortinet"],
    ["ciena_saos", "Ciena"], ["vyosnetworks_vyos", "VyOS Networks"], ["f5_bigip-ve", "F5"], ["arrcus_arcos", "Arrcus"],
    ["veesix_osvbng", "Veesix"], ["plvision_sonic", "PLVision"],
    ["fdio_vpp", undefined], ["rare", undefined], ["sonic-vm", undefined], ["sonic-vs", undefined], ["openbsd", undefined],
    ["openwrt", undefined], ["freebsd", undefined], ["ovs-bridge", undefined], ["linux", undefined], ["bridge", undefined],
    ["host", undefined], ["ext-container", undefined], ["k8s-kind", undefined], ["generic_vm", undefined],
  ];

  it.each(table)("%s → %s", (kind, vendor) => {
    const info = containerlabKind(kind);
    expect(info.known).toBe(true);
    expect(info.vendor === undefined ? undefined : readmeName(info.vendor)).toBe(vendor);
  });

  it("falls back to the vendor prefix for kinds it does not list, and knows when it cannot", () => {
    expect(containerlabKind("huawei_ne40e")).toMatchObject({ known: true });
    expect(readmeName(containerlabKind("huawei_ne40e").vendor!)).toBe("Huawei");
    expect(containerlabKind("acme_router")).toEqual({ known: false });
  });
});
