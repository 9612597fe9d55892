import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkImported } from "../../src/import/check.js";
import { importTopology } from "../../src/import/index.js";
import { importLldp, normaliseInterface } from "../../src/import/lldp.js";
import type { DocLink, ImportResult, TopologyDocument } from "../../src/import/types.js";
import { vendorInText } from "../../src/import/vendor-text.js";
import { problem } from "./problem.js";
import { datasetFile, datasetInput, datasets, filesUnder } from "./datasets.js";

const dir = join(datasets, "lldp");
const samples = filesUnder(dir, /\.(json|yml)$/);
const ntc = (platform: string, name: string) => datasetFile(join(dir, "ntc-templates", "tests", platform, platform === "huawei_vrp" ? "display_lldp_neighbor" : "show_lldp_neighbors_detail", name));
/** A NAPALM sample under the name of the device it came from (the dataset files are all `expected_result.json`). */
const napalm = (driver: string, device: string) => ({ file: `${device}.json`, text: readFileSync(join(dir, "napalm", "test", driver, "mocked_data", "test_get_lldp_neighbors_detail", "normal", "expected_result.json"), "utf8") });
const src = (file: string, value: unknown) => ({ file, text: typeof value === "string" ? value : JSON.stringify(value, null, 2) });

const element = (doc: TopologyDocument, id: string) => doc.elements.find((e) => e.id === id)!;
const linkText = (l: DocLink) => `${l.a} ${String(l.meta?.aInterface ?? "")} — ${l.b} ${String(l.meta?.bInterface ?? "")}`;

describe("vendor from free text", () => {
  it("finds the vendor a description names, never one a word merely resembles", () => {
    expect(vendorInText("Huawei Versatile Routing Platform Software")).toBe("Huawei");
    expect(vendorInText("VRP (R) software, Version 8.180")).toBe("Huawei");
    expect(vendorInText("Cisco IOS XR Software, Version 6.1.2")).toBe("Cisco");
    expect(vendorInText("Juniper Networks, Inc. ex2200-24t-4g , version 12.3R9.4")).toBe("Juniper Networks");
    expect(vendorInText("ArubaOS (MODEL: 225), Version 6.4.2.6")).toBe("Hewlett Packard Enterprise");
    expect(vendorInText("Huawei-3Com Comware Software")).toBe("H3C");
    expect(vendorInText("Arista Networks EOS version 4.20.1F")).toBe("Arista Networks");
    expect(vendorInText("Linux 3.18.22-cloudflare x86_64")).toBeUndefined();
    expect(vendorInText("1.1.111.1 (Unknown)")).toBeUndefined();
    expect(vendorInText("Ciscoish switch")).toBeUndefined();
  });
});

describe("interface names", () => {
  it("spells known type prefixes one way and leaves other names alone", () => {
    expect(normaliseInterface("Gi1/0/1")).toBe(normaliseInterface("GigabitEthernet1/0/1"));
    expect(normaliseInterface("gi 1/0/1")).toBe(normaliseInterface("GigabitEthernet1/0/1"));
    expect(normaliseInterface("Eth1/6")).toBe(normaliseInterface("Ethernet1/6"));
    expect(normaliseInterface("Te0/0/0/8")).toBe(normaliseInterface("TenGigE0/0/0/8"));
    expect(normaliseInterface("Po1")).toBe(normaliseInterface("Port-channel1"));
    expect(normaliseInterface("Gi1/0/1")).not.toBe(normaliseInterface("Gi1/0/10"));
    expect(normaliseInterface("ge-0/0/0")).toBe("ge-0/0/0");
    expect(normaliseInterface("Gi1/0/1")).not.toBe(normaliseInterface("Te1/0/1"));
    expect(normaliseInterface("swp1")).toBe("swp1");
  });
});

describe("lldp importer on the real samples", () => {
  it("imports every sample into a topology that validates", () => {
    expect(samples).toHaveLength(9);
    for (const f of samples) {
      const out = importTopology({ format: "lldp", files: [datasetInput(f)] });
      expect(checkImported(out.document)).toEqual([]);
    }
  });

  const counts: [string, number, number, ImportResult][] = [
    ["huawei_vrp 1", 2, 2, importLldp([ntc("huawei_vrp", "huawei_vrp_display_lldp_neighbor.yml")])],
    ["huawei_vrp 4", 3, 2, importLldp([ntc("huawei_vrp", "huawei_vrp_display_lldp_neighbor4.yml")])],
    ["huawei_vrp 5", 6, 5, importLldp([ntc("huawei_vrp", "huawei_vrp_display_lldp_neighbor5.yml")])],
    ["cisco_ios detail1", 4, 3, importLldp([ntc("cisco_ios", "cisco_ios_show_lldp_neighbors_detail1.yml")])],
    ["cisco_ios detail_01", 3, 2, importLldp([ntc("cisco_ios", "cisco_ios_show_lldp_neighbors_detail_01.yml")])],
    ["cisco_ios detail2", 5, 4, importLldp([ntc("cisco_ios", "cisco_ios_show_lldp_neighbors_detail2.yml")])],
    ["napalm eos", 22, 41, importLldp([napalm("eos", "tor1")])],
    ["napalm iosxr", 5, 15, importLldp([napalm("iosxr", "edge1")])],
    ["napalm nxos", 3, 3, importLldp([napalm("nxos", "n9k1")])],
  ];
  it.each(counts)("%s: %i elements, %i links", (_name, elements, links, r) => {
    expect(r.document.elements).toHaveLength(elements);
    expect(r.document.links).toHaveLength(links);
  });

  it("huawei_vrp: one Cisco neighbour on two ports under two chassis ids is one element with two parallel links", () => {
    const { document } = counts[0]![3];
    expect(element(document, "tsa-2960-sw01")).toMatchObject({ vendor: "Cisco", model: "WS-C2960S-48LPS-L" });
    expect(document.links.map(linkText)).toEqual([
      "huawei_vrp_display_lldp_neighbor GigabitEthernet0/0/1 — tsa-2960-sw01 Gi1/0/1",
      "huawei_vrp_display_lldp_neighbor GigabitEthernet0/0/8 — tsa-2960-sw01 Gi1/0/2",
    ]);
  });

  it("huawei_vrp: the vendor comes from the description, not the name (AP_Huawei is a Cisco AP)", () => {
    const { document } = counts[2]![3];
    expect(element(document, "ap_huawei")).toMatchObject({ name: "AP_Huawei", vendor: "Cisco" });
    expect(element(document, "ap_ruckus").vendor).toBe("Cisco");
    expect(element(document, "ap_europe").vendor).toBe("Huawei");
  });

  it("cisco_ios: a neighbour without a system name is its chassis id; an access point is `access`", () => {
    const { document } = counts[3]![3];
    expect(element(document, "7c25.86c9.aaaa")).toMatchObject({ vendor: "Juniper Networks" });
    expect(element(document, "44:48:c1:c4:dd:dd")).toMatchObject({ role: "access", vendor: "Hewlett Packard Enterprise" });
    expect(element(document, "hpswitch")).toMatchObject({ name: "HpSwitch", vendor: "Hewlett Packard Enterprise" });
    // A MAC as the port id says less than the port description.
    expect(document.links.map(linkText)).toContain("cisco_ios_show_lldp_neighbors_detail1 Gi1/0/1 — hpswitch 13");
  });

  it("cisco_ios detail2: records without a local interface still make links, and say so", () => {
    const { document, skipped } = counts[5]![3];
    expect(document.links.every((l) => l.meta?.aInterface === undefined || l.a !== "cisco_ios_show_lldp_neighbors_detail2")).toBe(true);
    expect(skipped.map((s) => s.what)).toContain("4 neighbours without a local port");
  });

  it("napalm eos: 20 Linux hosts on two ports each stay parallel links and vendor-less; the Juniper switch is Juniper", () => {
    const { document, skipped } = counts[6]![3];
    expect(document.links.filter((l) => l.b === "78m1" || l.a === "78m1")).toHaveLength(2);
    expect(element(document, "ms01.bru01").vendor).toBe("Juniper Networks");
    expect(document.elements.filter((e) => e.vendor === undefined).map((e) => e.id)).toHaveLength(21);
    expect(skipped.map((s) => s.what)).toEqual(["1 listed device no table describes", "20 devices whose descriptions name no vendor"]);
  });

  it("napalm iosxr: names with different domain suffixes stay different devices", () => {
    const { document } = counts[7]![3];
    expect(document.elements.map((e) => e.id)).toEqual(["core01.yyz01", "core02.yyz01", "core03.yyz01.as13335.com", "core04.yyz01.as13335.net", "edge1"]);
    expect(document.links.map(linkText)).toContain("core01.yyz01 xe-0/1/0.0 — edge1 TenGigE0/0/0/3");
  });
});

describe("lldp importer", () => {
  const lldpctlJson = {
    lldp: {
      interface: [
        { eth0: { via: "LLDP", chassis: { spine1: { id: { type: "mac", value: "50:00:00:03:00:00" }, descr: "Cumulus Linux version 3.7.6", "mgmt-ip": "192.168.0.15", capability: [{ type: "Bridge", enabled: true }, { type: "Router", enabled: true }] } }, port: { id: { type: "ifname", value: "swp1" }, descr: "swp1" } } },
        { eth1: { via: "LLDP", chassis: { id: { type: "mac", value: "50:00:00:04:00:00" }, descr: "Huawei Versatile Routing Platform Software" }, port: { id: { type: "ifname", value: "GE0/0/1" } } } },
      ],
    },
  };
  const lldpctlJson0 = {
    lldp: [{ interface: [{ name: "eth0", via: "LLDP", chassis: [{ id: [{ type: "mac", value: "50:00:00:03:00:00" }], name: [{ value: "spine1" }], descr: [{ value: "Cumulus Linux version 3.7.6" }] }], port: [{ id: [{ type: "ifname", value: "swp1" }], descr: [{ value: "swp1" }] }] }] }],
  };

  it("reads lldpctl -f json (named and unnamed chassis) and -f json0", () => {
    const { document } = importLldp([src("server1.json", lldpctlJson)]);
    expect(document.elements).toEqual([
      { id: "50:00:00:04:00:00", role: "other", vendor: "Huawei", description: "Huawei Versatile Routing Platform Software", meta: { chassisId: "50:00:00:04:00:00" } },
      { id: "server1", role: "other" },
      { id: "spine1", role: "other", vendor: "NVIDIA", description: "Cumulus Linux version 3.7.6", meta: { chassisId: "50:00:00:03:00:00", mgmtAddress: "192.168.0.15" } },
    ]);
    expect(document.links.map(linkText)).toEqual(["50:00:00:04:00:00 GE0/0/1 — server1 eth1", "server1 eth0 — spine1 swp1"]);
    const zero = importLldp([src("server1.json", lldpctlJson0)]).document;
    expect(zero.links.map(linkText)).toEqual(["server1 eth0 — spine1 swp1"]);
    expect(element(zero, "spine1").vendor).toBe("NVIDIA");
  });

  it("makes one link of a port pair seen from both ends (bare name ↔ FQDN, Gi ↔ GigabitEthernet), and describes each end from the other's table", () => {
    const a = { Ethernet1: [{ remote_system_name: "B", remote_port: "Gi0/1", remote_port_description: "", remote_chassis_id: "", remote_system_description: "Cisco IOS Software" }] };
    const b = [{ local_interface: "GigabitEthernet0/1", neighbor_name: "a.example.net", neighbor_port_id: "Et1", neighbor_description: "Arista Networks EOS version 4.2" }];
    const { document, skipped } = importLldp([src("a.json", a), src("b.json", b)]);
    expect(document.elements).toEqual([
      { id: "a", role: "other", vendor: "Arista Networks", description: "Arista Networks EOS version 4.2" },
      { id: "b", role: "other", vendor: "Cisco", description: "Cisco IOS Software" },
    ]);
    expect(document.links.map(linkText)).toEqual(["a Ethernet1 — b GigabitEthernet0/1"]);
    expect(skipped).toEqual([]);
  });

  it("does not merge what only looks alike: another port, another domain, an ambiguous short name", () => {
    const a = { Ethernet1: [{ remote_system_name: "b", remote_port: "Gi0/2" }] };
    const b = [{ local_interface: "Gi0/1", neighbor_name: "a", neighbor_port_id: "Ethernet1" }];
    const r = importLldp([src("a.json", a), src("b.json", b)]);
    expect(r.document.links).toHaveLength(2);
    expect(r.skipped.map((s) => s.what)).toEqual(["2 listed devices no table describes", "2 links listed by one end only"]);
    const c = { e1: [{ remote_system_name: "sw1.lab", remote_port: "1" }], e2: [{ remote_system_name: "sw1.prod", remote_port: "1" }], e3: [{ remote_system_name: "SW1.LAB", remote_port: "2" }] };
    expect(importLldp([src("c.json", c)]).document.elements.map((e) => e.id)).toEqual(["c", "sw1.lab", "sw1.prod"]);
    const two = importLldp([src("sw1.lab.json", {}), src("sw1.prod.json", {}), src("x.json", { e1: [{ remote_system_name: "sw1", remote_port: "1" }] })]).document;
    expect(two.elements.map((e) => e.id)).toEqual(["sw1", "sw1.lab", "sw1.prod", "x"]);
  });

  it("reads a network file: device name → table, in any of the forms", () => {
    const net = {
      r1: { "Gi0/0": [{ remote_system_name: "r2", remote_port: "Gi0/0", remote_system_description: "Cisco IOS" }] },
      r2: [{ local_interface: "Gi0/0", neighbor_name: "r1", neighbor_port_id: "Gi0/0" }],
      r3: lldpctlJson0,
    };
    const { document } = importLldp([src("network.json", net)]);
    expect(document.elements.map((e) => e.id)).toEqual(["r1", "r2", "r3", "spine1"]);
    expect(document.links.map(linkText)).toEqual(["r1 Gi0/0 — r2 Gi0/0", "r3 eth0 — spine1 swp1"]);
  });

  it("reads ntc-templates YAML, with or without the parsed_sample wrapper", () => {
    const yaml = "- local_interface: Gi1\n  neighbor_name: core\n  neighbor_port_id: xe-0/0/1\n  neighbor_description: Juniper Networks, Inc. mx204\n";
    const plain = importLldp([{ file: "acc.yml", text: yaml }]).document;
    const wrapped = importLldp([{ file: "acc.yml", text: "parsed_sample:\n" + yaml.replace(/^/gm, "  ") }]).document;
    expect(plain.links.map(linkText)).toEqual(["acc Gi1 — core xe-0/0/1"]);
    expect(wrapped).toEqual(plain);
  });

  it("refuses other formats with a located message that names the right importer", () => {
    expect(problem(() => importLldp([src("g.json", { type: "NetworkGraph", nodes: [], links: [] })]))).toMatch(/^g\.json:1:1 E_LLDP not an LLDP neighbour table: .*\(this looks like NetJSON: use `cleanpath import netjson`\)$/);
    expect(problem(() => importLldp([src("l1.json", { edges: [{ node1: {}, node2: {} }] })]))).toMatch(/^l1\.json:1:1 E_LLDP .*use `cleanpath import batfish`/);
    expect(problem(() => importLldp([src("net.json", { r1: { Eth1: [{ remote_port: "1" }] }, r2: 7 })]))).toMatch(/^net\.json:9:9 E_LLDP `r2` is not an LLDP neighbour table/);
    expect(problem(() => importLldp([src("t.json", '{"Ethernet1": [{"remote_system_name": "b", ')]))).toMatch(/^t\.json:1:\d+ E_JSON_SYNTAX /);
    expect(problem(() => importLldp([{ file: "t.yml", text: "- local_interface: Gi1\n  neighbor_name: [oops\n" }]))).toMatch(/^t\.yml:2:\d+ E_YAML/);
  });

  // Devices and their ports: the name a port has on its own device, and how its neighbour reports it.
  const deviceNames = ["sw1", "sw2", "core-1", "leaf3", "edge9"];
  const ports: [string, string][] = [
    ["GigabitEthernet0/1", "Gi0/1"],
    ["Gi0/2", "GigabitEthernet0/2"],
    ["Ethernet1/1", "Eth1/1"],
    ["TenGigE0/0/0/8", "Te0/0/0/8"],
    ["swp1", "swp1"],
    ["xe-0/0/1", "xe-0/0/1"],
  ];
  interface Rec {
    localPort: string;
    name: string;
    port: string;
  }
  /** One device's records in one of the three formats. */
  function table(device: string, recs: Rec[], form: number): { file: string; text: string } {
    const desc = "Cisco IOS Software";
    if (form === 0) {
      const t: Record<string, unknown[]> = {};
      for (const r of recs) (t[r.localPort] ??= []).push({ remote_system_name: r.name, remote_port: r.port, remote_port_description: "", remote_chassis_id: "", remote_system_description: desc });
      return src(`${device}.json`, t);
    }
    if (form === 1) {
      const ifaces = recs.map((r) => ({ [r.localPort]: { chassis: { [r.name]: { id: { type: "mac", value: "00:00:00:00:00:01" }, descr: desc } }, port: { id: { type: "ifname", value: r.port } } } }));
      return src(`${device}.json`, { lldp: { interface: ifaces.length === 1 ? ifaces[0] : ifaces } });
    }
    return src(`${device}.json`, recs.map((r) => ({ local_interface: r.localPort, neighbor_name: r.name, neighbor_port_id: r.port, neighbor_description: desc })));
  }

  it("gives the same devices and links from either end's table or both (property)", () => {
    const link = fc.record({ a: fc.nat(deviceNames.length - 1), ap: fc.nat(ports.length - 1), b: fc.nat(deviceNames.length - 1), bp: fc.nat(ports.length - 1) });
    const links = fc.array(link, { maxLength: 10 }).map((ls) => {
      // A port carries one link; a device does not link to itself.
      const used = new Set<string>();
      return ls.filter((l) => {
        if (l.a === l.b || used.has(`${l.a}/${l.ap}`) || used.has(`${l.b}/${l.bp}`)) return false;
        used.add(`${l.a}/${l.ap}`).add(`${l.b}/${l.bp}`);
        return true;
      });
    });
    const sides = fc.array(fc.nat(2), { minLength: 10, maxLength: 10 });
    const forms = fc.array(fc.nat(2), { minLength: deviceNames.length, maxLength: deviceNames.length });
    const shape = (doc: TopologyDocument) => ({
      elements: doc.elements.map((e) => e.id),
      links: doc.links.map((l) => `${l.a} ${normaliseInterface(String(l.meta?.aInterface))} — ${l.b} ${normaliseInterface(String(l.meta?.bInterface))}`).sort(),
    });
    fc.assert(
      fc.property(links, sides, forms, (ls, side, form) => {
        const run = (pick: (i: number) => number) => {
          const recs = new Map<number, Rec[]>();
          ls.forEach((l, i) => {
            const s = pick(i);
            if (s !== 1) (recs.get(l.a) ?? recs.set(l.a, []).get(l.a)!).push({ localPort: ports[l.ap]![0], name: deviceNames[l.b]!, port: ports[l.bp]![1] });
            if (s !== 0) (recs.get(l.b) ?? recs.set(l.b, []).get(l.b)!).push({ localPort: ports[l.bp]![0], name: deviceNames[l.a]!, port: ports[l.ap]![1] });
          });
          const files = [...recs].map(([d, r]) => table(deviceNames[d]!, r, form[d]!));
          return shape(importLldp(files).document);
        };
        const truth = {
          elements: [...new Set(ls.flatMap((l) => [deviceNames[l.a]!, deviceNames[l.b]!]))].sort(),
          links: ls
            .map((l) => {
              const x = [deviceNames[l.a]!, normaliseInterface(ports[l.ap]![0])] as const;
              const y = [deviceNames[l.b]!, normaliseInterface(ports[l.bp]![0])] as const;
              const [p, q] = x[0] < y[0] ? [x, y] : [y, x];
              return `${p[0]} ${p[1]} — ${q[0]} ${q[1]}`;
            })
            .sort(),
        };
        expect(run(() => 0)).toEqual(truth);
        expect(run(() => 1)).toEqual(truth);
        expect(run(() => 2)).toEqual(truth);
        expect(run((i) => side[i]!)).toEqual(truth);
      }),
    );
  });
});
