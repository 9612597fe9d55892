import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { configDialect, expandBatfish, importBatfish } from "../../src/import/batfish.js";
import { checkImported } from "../../src/import/check.js";
import { importTopology, parseVendorMap } from "../../src/import/index.js";
import type { FolderView } from "../../src/import/types.js";
import { problem } from "./problem.js";
import { datasetFile, datasetInput, datasets, inputOf } from "./datasets.js";

const bf = join(datasets, "batfish");

/** The real file system, as src/run shows it to an importer. */
const realView: FolderView = {
  isFolder: (p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  list: (p) => {
    try {
      return readdirSync(p).sort();
    } catch {
      return [];
    }
  },
  join,
  dirname,
  basename,
};

const snapshot = (input: string) => importBatfish(expandBatfish(input, realView).map(datasetFile));
const src = (value: unknown, file = "layer1_topology.json") => ({ file, text: JSON.stringify(value, null, 2) });

describe("batfish importer on the real samples", () => {
  it("example: the snapshot folder and its layer1_topology.json read the same 13 configs and 2 hosts", () => {
    const files = expandBatfish(join(bf, "example", "live"), realView).map((f) => f.slice(bf.length + 1));
    expect(files[0]).toBe("example/live/layer1_topology.json");
    expect(files.filter((f) => f.includes("/configs/"))).toHaveLength(13);
    expect(files.filter((f) => f.includes("/hosts/"))).toEqual(["example/live/hosts/host1.json", "example/live/hosts/host2.json"]);
    expect(expandBatfish(join(bf, "example", "live", "layer1_topology.json"), realView)).toEqual(expandBatfish(join(bf, "example", "live"), realView));
  });

  it("example: 15 elements (13 Cisco IOS routers, 2 hosts), 19 links from 40 edges listed both ways, the self-loop dropped", () => {
    const { document, skipped } = snapshot(join(bf, "example", "live"));
    expect(checkImported(document)).toEqual([]);
    expect(document.elements).toHaveLength(15);
    expect(document.elements.filter((e) => e.vendor === "Cisco")).toHaveLength(13);
    expect(document.elements.filter((e) => e.role === "endpoint").map((e) => e.id)).toEqual(["host1", "host2"]);
    expect(document.elements.find((e) => e.id === "as1border1")).toEqual({ id: "as1border1", role: "other", vendor: "Cisco", meta: { config: "configs/as1border1.cfg", dialect: "cisco-ios" } });
    expect(document.links).toHaveLength(19);
    expect(document.links.some((l) => l.a === "as3core1" && l.b === "as3core1")).toBe(false);
    expect(skipped.map((s) => s.what)).toEqual(["edge as3core1 GigabitEthernet2/0 – GigabitEthernet3/0", "20 edges listed again", "13 devices without a role"]);
    expect(skipped[0]!.location).toMatchObject({ line: 363, column: 5 });
  });

  it("af19-demo: 392 edges listed once → 392 links between 102 devices; no configs, so no vendors (and a note saying so)", () => {
    for (const input of [join(bf, "af19-demo"), join(bf, "af19-demo", "batfish", "layer1_topology.json")]) {
      const { document, skipped } = snapshot(input);
      expect(checkImported(document)).toEqual([]);
      expect(document.elements).toHaveLength(102);
      expect(document.links).toHaveLength(392);
      expect(document.elements.every((e) => e.vendor === undefined)).toBe(true);
      expect(skipped.map((s) => s.what)).toEqual(["vendors", "102 devices without a role"]);
    }
  });

  it("passes the import pipeline's validate check with a vendor map overlay", () => {
    const out = importTopology({ format: "batfish", files: expandBatfish(join(bf, "af19-demo"), realView).map(datasetInput), vendorMap: parseVendorMap(inputOf("m.yaml", '"*": NVIDIA\nspine01: {vendor: NVIDIA, role: aggregation}\n')) });
    expect(out.document.elements.every((e) => e.vendor === "NVIDIA")).toBe(true);
    expect(out.document.elements.find((e) => e.id === "spine01")!.role).toBe("aggregation");
  });
});

describe("batfish importer", () => {
  it("tells config dialects apart", () => {
    expect(configDialect("!\nversion 15.2\nboot-start-marker\nhostname r1\n")).toEqual({ name: "cisco-ios", vendor: "Cisco" });
    expect(configDialect("!! IOS XR Configuration 6.1.2\nhostname xr1\n")?.vendor).toBe("Cisco");
    expect(configDialect("! device: leaf1 (vEOS, EOS-4.21.1F)\nhostname leaf1\n")?.vendor).toBe("Arista Networks");
    expect(configDialect("set system host-name mx1\nset interfaces ge-0/0/0 unit 0\n")?.vendor).toBe("Juniper Networks");
    expect(configDialect("!RANCID-CONTENT-TYPE: cisco-nx\nhostname n1\n")).toEqual({ name: "cisco-nx", vendor: "Cisco" });
    expect(configDialect("!Software Version V200R010C00SPC600\nsysname ne40\n#\nreturn\n")?.vendor).toBe("Huawei");
    // `sysname` alone is VRP or Comware: no vendor rather than a guess.
    expect(configDialect("sysname sw1\n#\nreturn\n")).toEqual({ name: "vrp-or-comware" });
    expect(configDialect("just some text\n")).toBeUndefined();
  });

  it("keeps parallel links between two devices on different interfaces, and lower-cases hostnames as Batfish does", () => {
    const edge = (a: string, ai: string, b: string, bi: string) => ({ node1: { hostname: a, interfaceName: ai }, node2: { hostname: b, interfaceName: bi } });
    const { document } = importBatfish([src({ edges: [edge("R1", "e1", "r2", "e1"), edge("r1", "e2", "r2", "e2"), edge("r2", "e1", "r1", "e1")] })]);
    expect(document.links).toEqual([
      { a: "r1", b: "r2", meta: { aInterface: "e1", bInterface: "e1" } },
      { a: "r1", b: "r2", meta: { aInterface: "e2", bInterface: "e2" } },
    ]);
  });

  it("refuses other formats with a located message that names the right importer", () => {
    expect(problem(() => importBatfish([src({ type: "NetworkGraph", nodes: [], links: [] })]))).toBe(
      'layer1_topology.json:1:1 E_BATFISH not a Batfish layer-1 topology: expected {"edges": [{"node1": {"hostname", "interfaceName"}, "node2": …}]} (this looks like NetJSON: use `cleanpath import netjson`)',
    );
    expect(problem(() => importBatfish([src({ edges: [{ node1: { hostname: "a", interfaceName: "e1" } }] })]))).toBe("layer1_topology.json:3:5 E_BATFISH edge 0: `node2` needs a `hostname` and an `interfaceName`");
    expect(problem(() => importBatfish([src({ edges: [{ source: "a", target: "b" }] })]))).toMatch(/edge 0: .*NetJSON's legacy form/);
    expect(problem(() => importBatfish([{ file: "t.json", text: '{"edges": [{"node1": ' }]))).toMatch(/^t\.json:1:\d+ E_JSON_SYNTAX /);
    expect(problem(() => expandBatfish(join(datasets, "netjson"), realView))).toMatch(/E_BATFISH .*not a Batfish snapshot/);
  });

  it("gives the same topology whichever direction each edge is listed in, and however often (property)", () => {
    const host = fc.constantFrom("r1", "r2", "r3", "R4", "spine01");
    const iface = fc.constantFrom("e1", "e2", "GigabitEthernet0/0", "swp1");
    const end = fc.record({ hostname: host, interfaceName: iface });
    const edges = fc.uniqueArray(fc.tuple(end, end), { maxLength: 12, selector: ([a, b]) => [a, b].map((e) => `${e.hostname.toLowerCase()}|${e.interfaceName}`).sort().join("/") });
    fc.assert(
      fc.property(edges, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 12, maxLength: 12 }), (list, how) => {
        const forward = list.map(([a, b]) => ({ node1: a, node2: b }));
        const backward = list.map(([a, b]) => ({ node1: b, node2: a }));
        // Per edge: one direction, the other, or both (in either order).
        const mixed = list.flatMap(([a, b], i) => (how[i] === 0 ? [{ node1: a, node2: b }] : how[i] === 1 ? [{ node1: b, node2: a }] : [{ node1: b, node2: a }, { node1: a, node2: b }]));
        const run = (e: unknown[]) => importBatfish([src({ edges: e })]).document;
        const expected = run(forward);
        expect(run(backward)).toEqual(expected);
        expect(run([...backward, ...forward])).toEqual(expected);
        expect(run(mixed.reverse())).toEqual(expected);
      }),
    );
  });
});
