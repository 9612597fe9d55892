import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkImported } from "../../src/import/check.js";
import { importTopology } from "../../src/import/index.js";
import { importNetjson } from "../../src/import/netjson.js";
import type { ImportResult } from "../../src/import/types.js";
import { problem } from "./problem.js";
import { datasetFile, datasetInput, datasets, filesUnder } from "./datasets.js";

const dir = join(datasets, "netjson");
const samples = filesUnder(dir, /\.json$/);
const results = new Map<string, ImportResult>(samples.map((f) => [f.slice(dir.length + 1), importNetjson([datasetFile(f)])]));
const result = (name: string): ImportResult => results.get(name)!;
const src = (value: unknown, file = "g.json") => ({ file, text: typeof value === "string" ? value : JSON.stringify(value, null, 2) });

describe("netjson importer on the real samples", () => {
  it("finds the six samples and imports each into a topology that validates", () => {
    expect([...results.keys()].sort()).toEqual([
      "netjson/examples/network-graph.json",
      "netjson/legacy-008574db/network-graph.json",
      "netjsongraph.js/examples/data/AWMN.json",
      "netjsongraph.js/examples/data/netjson-multipleInterfaces.json",
      "netjsongraph.js/examples/data/netjson.json",
      "netjsongraph.js/examples/data/netjsonmap.json",
    ]);
    for (const f of samples) expect(() => importTopology({ format: "netjson", files: [datasetInput(f)] })).not.toThrow();
    for (const r of results.values()) expect(checkImported(r.document)).toEqual([]);
  });

  it("imports the spec example and its legacy `edges` form (a list of lists, `weight` for `cost`) alike", () => {
    for (const name of ["netjson/examples/network-graph.json", "netjson/legacy-008574db/network-graph.json"]) {
      const { document } = result(name);
      expect(document.elements.map((e) => [e.id, e.name])).toEqual([["172.16.40.24", "node-A"], ["172.16.40.60", "node-B"]]);
      expect(document.links).toMatchObject([{ a: "172.16.40.24", b: "172.16.40.60", metric: 1 }]);
    }
    expect(result("netjson/examples/network-graph.json").document.elements[0]!.meta).toEqual({ hostname: "node1.my.net", localAddresses: ["10.0.0.1", "10.0.0.2"] });
    // The legacy node `type` names no cleanpath role: reported, not guessed.
    expect(result("netjson/legacy-008574db/network-graph.json").skipped.map((s) => s.what)).toEqual(["role of node 172.16.40.24", "role of node 172.16.40.60"]);
  });

  it("AWMN: 443 nodes, 600 links, the 32 `down` links out of service, rawAs kept", () => {
    const { document, skipped } = result("netjsongraph.js/examples/data/AWMN.json");
    expect(document.name).toBe("AWMN");
    expect(document.elements).toHaveLength(443);
    expect(document.links).toHaveLength(600);
    expect(document.links.filter((l) => l.state === "out-of-service")).toHaveLength(32);
    expect(document.elements.find((e) => e.id === "Sxoleio_Kallonis")!.meta).toMatchObject({ rawAs: "21566" });
    expect(skipped.map((s) => s.what)).toEqual(["32 links with status down"]);
  });

  it("Ninux Roma: 147 nodes, 191 links, ETX costs rounded up (4096 stays 4096, fractions kept in meta)", () => {
    const { document } = result("netjsongraph.js/examples/data/netjson.json");
    expect(document.elements).toHaveLength(147);
    expect(document.links).toHaveLength(191);
    const metrics = document.links.map((l) => l.metric ?? 1);
    expect(Math.max(...metrics)).toBe(4096);
    expect(metrics.every((m) => Number.isInteger(m) && m >= 1)).toBe(true);
    const frac = document.links.find((l) => l.meta?.cost === 1.0712890625)!;
    expect(frac.metric).toBe(2);
  });

  it("netjsonmap: coordinates on the node (not under properties) become sites", () => {
    const { document } = result("netjsongraph.js/examples/data/netjsonmap.json");
    expect(document.elements).toHaveLength(55);
    expect(document.links).toHaveLength(25);
    const e = document.elements.find((x) => x.id === "172.16.146.6")!;
    expect(e.name).toBe("l8dt6nqh");
    expect(document.sites![e.site!]).toEqual({ lat: 46.499750000000006, lon: 24.905 });
  });

  it("multipleInterfaces: link ends that are local addresses resolve to their node; one duplicate and one self-loop drop", () => {
    const { document, skipped } = result("netjsongraph.js/examples/data/netjson-multipleInterfaces.json");
    expect(document.elements).toHaveLength(6);
    expect(document.links.map((l) => [l.a, l.b])).toEqual([["172.31.2.100", "172.31.0.5"], ["172.31.1.100", "172.31.0.5"]]);
    expect(skipped.map((s) => s.what)).toEqual(["link 172.31.2.2–172.31.2.1", "1 duplicate link"]);
    expect(skipped[0]!.location).toMatchObject({ file: "netjson/netjsongraph.js/examples/data/netjson-multipleInterfaces.json", line: 58, column: 5 });
  });
});

describe("netjson importer", () => {
  const graph = {
    type: "NetworkGraph",
    label: "mesh",
    nodes: [
      { id: "a", properties: { vendor: "Ubiquiti", role: "access", site: "Roof 1", country: "Greece", lat: 38, lng: 23.7, firmware: "6.2" } },
      { id: "b", label: "B node", properties: { manufacturer: "MikroTik", model: "hAP ac" } },
      { id: "bad id!" },
    ],
    links: [
      { source: "a", target: "b", cost: 2.5 },
      { source: "b", target: "a", cost: 1.2 },
      { source: "a", target: "a", cost: 1 },
      { source: "b", target: "c", cost: 0 },
      { source: "bad id!", target: "a", cost: -3 },
    ],
  };

  it("maps vendor, role, site, country and coordinates; keeps the lower cost of a pair; drops self-loops; adds unlisted ends", () => {
    const { document, skipped } = importNetjson([src(graph)]);
    expect(document.elements).toEqual([
      { id: "a", role: "access", vendor: "Ubiquiti", site: "roof-1", meta: { firmware: "6.2" } },
      { id: "b", name: "B node", role: "other", vendor: "MikroTik", model: "hAP ac" },
      { id: "bad-id", role: "other", meta: { netjsonId: "bad id!" } },
      { id: "c", role: "other", tags: ["unlisted"] },
    ]);
    expect(document.sites).toEqual({ "roof-1": { name: "Roof 1", country: "GR", lat: 38, lon: 23.7 } });
    expect(document.links).toEqual([
      { a: "a", b: "b", metric: 2, meta: { cost: 1.2 } },
      { a: "b", b: "c", metric: 1 },
      { a: "bad-id", b: "a" },
    ]);
    expect(skipped.map((s) => s.what)).toEqual(["link a–a", "1 duplicate link", "1 link cost", "1 link end that is not a node"]);
    expect(checkImported(document)).toEqual([]);
  });

  it("reads a NetworkCollection as one topology", () => {
    const coll = { type: "NetworkCollection", collection: [{ ...graph, links: [] }, { type: "NetworkGraph", nodes: [{ id: "z" }], links: [{ source: "z", target: "a" }] }] };
    const { document } = importNetjson([src(coll)]);
    expect(document.elements.map((e) => e.id)).toEqual(["a", "b", "bad-id", "z"]);
    expect(document.links).toEqual([{ a: "z", b: "a" }]);
  });

  it("refuses other formats with a located message that names the right importer", () => {
    expect(problem(() => importNetjson([src({ edges: [{ node1: { hostname: "r1", interfaceName: "e1" }, node2: { hostname: "r2", interfaceName: "e1" } }] })]))).toBe(
      "g.json:1:1 E_NETJSON not a NetJSON NetworkGraph: no `nodes` list (this looks like a Batfish layer-1 topology: use `cleanpath import batfish`)",
    );
    expect(problem(() => importNetjson([src({ type: "DeviceConfiguration", general: {} })]))).toBe('g.json:2:11 E_NETJSON not a NetJSON NetworkGraph: `type` is "DeviceConfiguration"');
    expect(problem(() => importNetjson([src({ nodes: [{ id: "a" }, { label: "no id" }] })]))).toBe("g.json:6:5 E_NETJSON node without an `id`");
    expect(problem(() => importNetjson([src({ nodes: [{ id: "a" }], links: [{ source: "a" }] })]))).toBe("g.json:8:5 E_NETJSON link without a `target`");
    expect(problem(() => importNetjson([src('{"nodes": [{"id": "a"}], "links": [')]))).toMatch(/^g\.json:1:\d+ E_JSON_SYNTAX /);
  });
});
