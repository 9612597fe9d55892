import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkImported } from "../../src/import/check.js";
import { importSndlib, metricOf } from "../../src/import/sndlib.js";
import type { ImportResult } from "../../src/import/types.js";
import { decodeSource } from "../../src/load/index.js";
import { inputErrorOf } from "../helpers/errors.js";
import { datasetFile, datasets } from "./datasets.js";

const dir = join(datasets, "sndlib");
// Nodes and links of each network, as the datasets README lists them.
const sizes: Record<string, [number, number]> = {
  abilene: [12, 15], atlanta: [15, 22], brain: [161, 332], cost266: [37, 57], "dfn-bwin": [10, 45], "dfn-gwin": [11, 47],
  "di-yuan": [11, 42], france: [25, 45], geant: [22, 36], germany50: [50, 88], giul39: [39, 172], india35: [35, 80],
  "janos-us": [26, 84], "janos-us-ca": [39, 122], newyork: [16, 49], "nobel-eu": [28, 41], "nobel-germany": [17, 26],
  "nobel-us": [14, 21], norway: [27, 51], pdh: [11, 34], pioro40: [40, 89], polska: [12, 18], sun: [27, 102], ta1: [24, 55],
  ta2: [65, 108], zib54: [54, 81],
};
const pixel = new Set(["atlanta", "di-yuan", "france", "giul39", "newyork", "norway", "sun", "ta1", "ta2", "zib54", "pioro40"]);
const parallel: Record<string, number> = { brain: 166, giul39: 86, "janos-us": 42, "janos-us-ca": 61, sun: 51, ta1: 4, zib54: 1 };
const names = Object.keys(sizes);

const native = new Map<string, ImportResult>(names.map((n) => [n, importSndlib([datasetFile(join(dir, "native", n, `${n}.txt`))])]));
const xmlPath = (n: string) => join(dir, "xml", n, `${n}.xml`);
const xml = new Map<string, ImportResult>(names.filter((n) => existsSync(xmlPath(n))).map((n) => [n, importSndlib([datasetFile(xmlPath(n))])]));

const run = (file: string, text: string) => importSndlib([decodeSource(file, Buffer.from(text))]);

const header = "?SNDlib native format; type: network; version: 1.0\n";
const small = `${header}# network small\nNODES (\n  A ( 10.5 50.1 )\n  B ( 11.0 51.0 )\n)\nLINKS (\n  L1 ( A B ) 0.00 0.00 2.18 0.00 ( 10.00 5.00 )\n  L2 ( B A ) 40.00 0.00 0.00 0.00 ( )\n)\nDEMANDS (\n  D1 ( A B ) 1 10.00 UNLIMITED\n)\n`;

describe("sndlib: every network of the SNDlib extract", () => {
  it("reads 26 native and 25 XML networks (pioro40 has no XML)", () => {
    expect(native.size).toBe(26);
    expect(xml.size).toBe(25);
    expect(xml.has("pioro40")).toBe(false);
  });

  it.each(names)("%s: every node and link, parallel links kept, output that validates", (n) => {
    const { document } = native.get(n)!;
    const [nodes, links] = sizes[n]!;
    expect(document.name).toBe(n);
    expect(document.elements).toHaveLength(nodes);
    expect(document.links).toHaveLength(links);
    expect(document.elements.every((e) => e.role === "backbone")).toBe(true);
    const pairs = new Set(document.links.map((l) => [l.a, l.b].sort().join(" ")));
    expect(links - pairs.size).toBe(parallel[n] ?? 0);
    expect(checkImported(document)).toEqual([]);
    // Geographical coordinates become sites; pixel positions stay under meta.
    expect(Object.keys(document.sites ?? {})).toHaveLength(pixel.has(n) ? 0 : nodes);
    if (pixel.has(n)) expect(document.elements.every((e) => typeof e.meta?.x === "number" && typeof e.meta?.y === "number")).toBe(true);
  });

  it.each(names.filter((n) => n !== "pioro40"))("%s: the native and the XML form give the same topology", (n) => {
    expect(xml.get(n)!.document).toEqual(native.get(n)!.document);
    expect(xml.get(n)!.mapped).toEqual(native.get(n)!.mapped);
  });

  it("uses the routing cost, rounded up, as the metric", () => {
    const metrics = (n: string) => new Set(native.get(n)!.document.links.map((l) => l.metric));
    expect(metrics("atlanta")).toEqual(new Set([68])); // 67.8 everywhere
    expect(metrics("newyork")).toEqual(new Set([2]));
    expect(metrics("abilene")).toEqual(new Set([undefined])); // cost 0: the default metric 1
    const cost266 = native.get("cost266")!.document.links.find((l) => l.id === "L1")!;
    expect(cost266).toMatchObject({ a: "Amsterdam", b: "Brussels", metric: 3, meta: { routingCost: 2.59 } });
    expect(native.get("cost266")!.mapped).toContain("routing cost → metric on 57 links (54 rounded up to a whole number; the cost is kept as meta.routingCost)");
  });

  it.each([
    [0, 1],
    [0.2, 1],
    [1, 1],
    [2, 2],
    [2.18, 3],
    [67.8, 68],
    [1e12, 1e9],
  ])("metricOf(%s) = %s", (cost, metric) => {
    expect(metricOf(cost)).toBe(metric);
  });

  it("keeps geographical coordinates as sites (x is the longitude) and reports pixel positions", () => {
    const abilene = native.get("abilene")!.document;
    expect(abilene.sites!.ATLAM5).toEqual({ name: "ATLAM5", lat: 33.75, lon: -84.3833 });
    expect(abilene.elements[0]).toEqual({ id: "ATLAM5", role: "backbone", site: "ATLAM5" });
    expect(native.get("atlanta")!.skipped.map((s) => s.why)).toEqual([expect.stringMatching(/^they are not longitudes and latitudes/)]);
    expect(xml.get("atlanta")!.skipped.map((s) => s.why)).toEqual([expect.stringMatching(/^the file says they are pixel positions/)]);
  });
});

describe("sndlib: hand-written files and bad input", () => {
  it("reads a small native network: links keep ids, capacity and fractional costs under meta", () => {
    const r = run("small.txt", small);
    expect(r.document.links).toEqual([
      { id: "L1", a: "A", b: "B", metric: 3, meta: { routingCost: 2.18 } },
      { id: "L2", a: "B", b: "A", meta: { capacity: 40 } },
    ]);
    expect(r.document.sites).toEqual({ A: { name: "A", lat: 50.1, lon: 10.5 }, B: { name: "B", lat: 51, lon: 11 } });
  });

  it("skips self-loops and links to unknown nodes, with their position", () => {
    const r = run("loops.txt", `${header}NODES (\n  A ( 1 1 )\n)\nLINKS (\n  L1 ( A A ) 0 0 0 0 ( )\n  L2 ( A Z ) 0 0 0 0 ( )\n)\n`);
    expect(r.document.links).toEqual([]);
    expect(r.skipped.map((s) => `${s.what}: ${s.why} ${s.location?.line}:${s.location?.column}`)).toEqual([
      "link L1: self-loop (a link from a node to itself carries no traffic between elements) 6:3",
      "link L2: node `Z` is not in NODES 7:3",
    ]);
  });

  it.each([
    ["a truncated file", small.slice(0, small.indexOf("0.00 ( 10.00")), "the file ends inside the setup cost of link L1 (opened at line 8): is it truncated?", 8, 29],
    ["a word where a number goes", small.replace("2.18", "cheap"), "expected a number in the routing cost of link L1, found `cheap`", 8, 24],
    ["no LINKS section", `${header}NODES (\n  A ( 1 1 )\n)\n`, "an SNDlib network needs a NODES and a LINKS section", 5, 1],
    ["a demands file", "?SNDlib native format; type: demands; version: 1.0\n", "an SNDlib `demands` file, not a network", 1, 1],
    ["a JSON file", '{"nodes": []}', "not an SNDlib network: the native format starts with `?SNDlib native format; type: network`, the XML format with `<network xmlns=\"http://sndlib.zib.de/network\">`", 1, 1],
    ["a node without coordinates", `${header}NODES (\n  A B\n)\n`, "expected `(` in node A, found `B`", 3, 5],
  ])("refuses %s with its position", (_what, text, message, line, column) => {
    const err = inputErrorOf(() => run("net.txt", text));
    expect(err.diagnostics).toEqual([{ code: "E_SNDLIB", severity: "error", message, location: { file: "net.txt", line, column } }]);
  });

  it("reads the XML only up to the end of <networkStructure>, however the text around that tag looks", () => {
    const full = readFileSync(xmlPath("abilene"), "utf8");
    const expected = xml.get("abilene")!.document;
    // The demands are not read (as in the native form): a file cut inside them still imports.
    const cut = full.slice(0, full.indexOf("<demand ") + 20);
    expect(run("abilene.xml", cut).document).toEqual(expected);
    // The closing tag inside a comment first: the cut is wrong, so the whole file is parsed.
    const commented = full.replace('<nodes coordinatesType="geographical">', '<nodes coordinatesType="geographical"><!-- </networkStructure> -->');
    expect(run("abilene.xml", commented).document).toEqual(expected);
  });

  it("refuses a GraphML file, and a truncated XML network, at the right place", () => {
    const zoo = readFileSync(join(datasets, "topologyzoo", "graphml", "Abilene.graphml"), "utf8");
    const graphml = inputErrorOf(() => run("Abilene.xml", zoo));
    expect(graphml.diagnostics[0]).toMatchObject({ code: "E_SNDLIB", message: 'the root element is <graphml>, not SNDlib\'s <network xmlns="http://sndlib.zib.de/network">', location: { line: 1, column: 39 } });
    const full = readFileSync(xmlPath("abilene"), "utf8");
    const truncated = inputErrorOf(() => run("abilene.xml", full.slice(0, 3000)));
    expect(truncated.diagnostics[0]).toMatchObject({ code: "E_XML", location: { file: "abilene.xml", line: 127 } });
    const badCost = full.replace("<capacity>9920.0</capacity>", "<capacity>lots</capacity>");
    expect(inputErrorOf(() => run("abilene.xml", badCost)).diagnostics[0]).toMatchObject({ code: "E_SNDLIB", message: "<capacity> must be a number, not `lots`", location: { line: 89 } });
  });
});
