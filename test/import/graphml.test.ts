import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { checkImported } from "../../src/import/check.js";
import { importGraphml } from "../../src/import/graphml.js";
import type { ImportResult } from "../../src/import/types.js";
import { datasetFile, datasets, filesUnder } from "./datasets.js";

const zoo = join(datasets, "topologyzoo", "graphml");
const zooFiles = filesUnder(zoo, /\.graphml$/);

interface IndexRow {
  nodes: number;
  edges: number;
  selfLoops: number;
  withCoords: number;
  external: number;
  hyper: number;
}

/** INDEX.csv (derived, per the datasets README): one row per file. */
function zooIndex(): Map<string, IndexRow> {
  const lines = readFileSync(join(datasets, "topologyzoo", "INDEX.csv"), "utf8").trim().split("\n");
  const header = lines[0]!.split(",");
  const col = (name: string) => header.indexOf(name);
  const out = new Map<string, IndexRow>();
  for (const line of lines.slice(1)) {
    // No quoted fields in the numeric columns; take them from the end to avoid commas in names.
    const cells = line.split(",");
    const tail = cells.slice(cells.length - (header.length - col("nodes")));
    const at = (name: string) => Number(tail[col(name) - col("nodes")]);
    out.set(cells[0]!, { nodes: at("nodes"), edges: at("edges"), selfLoops: at("self_loops"), withCoords: at("nodes_with_coords"), external: at("external_nodes(Internal=0)"), hyper: at("hyperedge_nodes") });
  }
  return out;
}

const results = new Map<string, ImportResult>(zooFiles.map((f) => [f.split("/").pop()!, importGraphml([datasetFile(f)], {})]));

function graphml(body: string, keys = ""): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
${keys}
<graph edgedefault="undirected">
${body}
</graph>
</graphml>`;
}

describe("graphml importer on the Topology Zoo", () => {
  it("finds all 276 files", () => {
    expect(zooFiles).toHaveLength(276);
  });

  it("imports every file into a topology that passes the checks", () => {
    const failures = [...results].filter(([, r]) => checkImported(r.document).length > 0).map(([f]) => f);
    expect(failures).toEqual([]);
  });

  it("matches the README totals: 10,952 nodes and 13,976 edges, of which 2 self-loops are dropped", () => {
    const all = [...results.values()];
    expect(all.reduce((n, r) => n + r.document.elements.length, 0)).toBe(10952);
    expect(all.reduce((n, r) => n + r.document.links.length, 0)).toBe(13976 - 2);
    const loops = all.flatMap((r) => r.skipped.filter((s) => s.why.startsWith("self-loop")));
    expect(loops).toHaveLength(2);
    expect(loops.every((s) => s.location?.file === "topologyzoo/graphml/Interoute.graphml")).toBe(true);
  });

  it("matches INDEX.csv file by file (nodes, edges, self-loops, located nodes, external and hyperedge nodes)", () => {
    const index = zooIndex();
    expect(index.size).toBe(276);
    const mismatches: string[] = [];
    for (const [file, r] of results) {
      const row = index.get(file)!;
      const sites = r.document.sites ?? {};
      const located = r.document.elements.filter((e) => e.site !== undefined && sites[e.site]!.lat !== undefined).length;
      const got = {
        nodes: r.document.elements.length,
        edges: r.document.links.length + r.skipped.filter((s) => s.why.startsWith("self-loop")).length,
        withCoords: located,
        external: r.document.elements.filter((e) => e.tags?.includes("external")).length,
        hyper: r.document.elements.filter((e) => e.tags?.includes("segment")).length,
      };
      const want = { nodes: row.nodes, edges: row.edges, withCoords: row.withCoords, external: row.external, hyper: row.hyper };
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${file}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("keeps parallel edges as parallel links (Airtel has 11 extra edges on repeated pairs)", () => {
    const links = results.get("Airtel.graphml")!.document.links;
    const pairs = new Set(links.map((l) => [l.a, l.b].sort().join("|")));
    expect(links.length - pairs.size).toBe(11);
  });

  it("uses node ids as element ids and keeps non-unique labels as names", () => {
    const doc = results.get("BeyondTheNetwork.graphml")!.document;
    const ny = doc.elements.filter((e) => e.name === "New York");
    expect(ny).toHaveLength(2);
    expect(new Set(ny.map((e) => e.id)).size).toBe(2);
    expect(doc.elements.every((e, i) => e.id === String(i))).toBe(true);
  });

  it("maps Country names to ISO codes and trims the network name", () => {
    const doc = results.get("Cogentco.graphml")!.document;
    expect(doc.name).toBe("Cogent");
    const countries = new Set(Object.values(doc.sites!).map((s) => s.country));
    expect(countries.has("US")).toBe(true);
    expect(countries.has(undefined)).toBe(false);
  });

  it("marks Internal=0 nodes as external and hyperedge nodes as passive segments", () => {
    const all = [...results.values()].flatMap((r) => r.document.elements);
    const external = all.filter((e) => e.tags?.includes("external"));
    const segments = all.filter((e) => e.tags?.includes("segment"));
    expect(external).toHaveLength(975);
    expect(segments).toHaveLength(226);
    expect(external.every((e) => e.role === "other")).toBe(true);
    expect(segments.every((e) => e.role === "other" && e.passive === true)).toBe(true);
  });
});

describe("graphml importer on small inputs", () => {
  const keys = `<key attr.name="label" attr.type="string" for="node" id="k7"/>
<key attr.name="Latitude" attr.type="double" for="node" id="zz"/>
<key attr.name="Longitude" attr.type="double" for="node" id="d0"/>
<key attr.name="Country" attr.type="string" for="node" id="d1"/>
<key attr.name="vendor" attr.type="string" for="node" id="v"/>
<key attr.name="LinkSpeedRaw" attr.type="double" for="edge" id="s"/>
<key attr.name="LinkType" attr.type="string" for="edge" id="t"/>`;
  const body = `<node id="a"><data key="k7">Paris</data><data key="zz">48.8566</data><data key="d0">2.3522</data><data key="d1">France</data><data key="v">Huawei</data></node>
<node id="b"><data key="k7">Berlin</data><data key="zz">52.52</data><data key="d0">13.405</data><data key="d1">Germany</data></node>
<node id="c"><data key="k7">Nowhere</data></node>
<edge source="a" target="b"><data key="s">10000000000</data><data key="t">Fibre</data></edge>
<edge source="b" target="c"/>
<edge source="c" target="c"/>
<edge source="a" target="x"/>`;

  it("resolves keys by attr.name, whatever their ids", () => {
    const { document } = importGraphml([{ file: "t.graphml", text: graphml(body, keys) }], {});
    expect(document.elements[0]).toMatchObject({ id: "a", name: "Paris", vendor: "Huawei", site: "paris" });
    expect(document.sites!.paris).toEqual({ name: "Paris", country: "FR", lat: 48.8566, lon: 2.3522 });
    expect(document.links[0]).toMatchObject({ a: "a", b: "b", medium: "fiber" });
  });

  it("drops self-loops and edges to unknown nodes, and says where", () => {
    const { document, skipped } = importGraphml([{ file: "t.graphml", text: graphml(body, keys) }], {});
    expect(document.links).toHaveLength(2);
    expect(skipped.map((s) => s.what)).toEqual(expect.arrayContaining(["edge c–c", "edge a–x"]));
    expect(skipped.find((s) => s.what === "edge c–c")!.location).toMatchObject({ file: "t.graphml", line: 16 });
  });

  it("computes distance metrics in km and reports links it cannot measure", () => {
    const { document, skipped } = importGraphml([{ file: "t.graphml", text: graphml(body, keys) }], { metric: "distance" });
    expect(document.links[0]!.metric).toBe(877); // Paris–Berlin, haversine on the mean Earth radius: 877.5 km
    expect(document.links[1]!.metric).toBeUndefined();
    expect(skipped.some((s) => s.what === "1 link without a distance metric")).toBe(true);
  });

  it("computes speed metrics against a 100 Gbit/s reference", () => {
    const { document } = importGraphml([{ file: "t.graphml", text: graphml(body, keys) }], { metric: "speed" });
    expect(document.links[0]!.metric).toBe(10);
  });

  it("writes hop metrics as the default (no metric)", () => {
    const { document } = importGraphml([{ file: "t.graphml", text: graphml(body, keys) }], { metric: "hops" });
    expect(document.links.every((l) => l.metric === undefined)).toBe(true);
  });

  it("slugifies node ids that are not valid ids and keeps the original under meta", () => {
    const { document } = importGraphml([{ file: "t.graphml", text: graphml(`<node id="n 1"/><node id="-x"/><edge source="n 1" target="-x"/>`) }], {});
    expect(document.elements.map((e) => e.id)).toEqual(["n-1", "x"]);
    expect(document.elements[0]!.meta).toEqual({ graphmlId: "n 1" });
    expect(document.links[0]).toEqual({ a: "n-1", b: "x" });
    expect(checkImported(document)).toEqual([]);
  });

  it("applies <default> values of keys", () => {
    const k = `<key attr.name="Internal" attr.type="int" for="node" id="i"><default>0</default></key>`;
    const { document } = importGraphml([{ file: "t.graphml", text: graphml(`<node id="a"/><node id="b"><data key="i">1</data></node>`, k) }], {});
    expect(document.elements.map((e) => e.tags)).toEqual([["external"], undefined]);
  });

  it("rejects a file whose root is not <graphml>, with its position", () => {
    const run = () => importGraphml([{ file: "t.xml", text: "<?xml version='1.0'?>\n<svg/>" }], {});
    expect(run).toThrow(InputError);
    expect(run).toThrow(/t\.xml:2:1 .*not <graphml>/);
  });
});
