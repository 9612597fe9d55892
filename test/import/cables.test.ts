import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importCables, installedDate, splitNames } from "../../src/import/cables.js";
import { importTopology, renderImport } from "../../src/import/index.js";
import type { DocElement } from "../../src/import/types.js";
import { loadPolicy, loadTopology } from "../../src/index.js";
import { decodeSource } from "../../src/load/index.js";
import { designate } from "../../src/policy/designation.js";
import { CLEAN, HIGH } from "../../src/result.js";
import { inputErrorOf } from "../helpers/errors.js";
import { datasetInput, datasets, filesUnder } from "./datasets.js";

const root = join(datasets, "cables");
const cableFiles = filesUnder(join(root, "cable"), /\.json$/);
const geoFile = join(root, "landing-point", "landing-point-geo.json");

interface RawCable {
  id: string;
  name: string;
  landing_points: { id: string; country: string }[];
  owners: string;
  suppliers: string | null;
  is_planned: boolean;
  rfs_year: number | null;
}
const raw = cableFiles.map((f) => JSON.parse(readFileSync(f, "utf8")) as RawCable).filter((c) => "landing_points" in c);
const geo = JSON.parse(readFileSync(geoFile, "utf8")) as { features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] };

// The whole extract, as `cleanpath import cables <folder>` reads it (cable/, then landing-point/).
const outcome = importTopology({ format: "cables", files: [...cableFiles, geoFile].map(datasetInput) });
const doc = outcome.document;
const byId = new Map(doc.elements.map((e) => [e.id, e]));
const cablesOut = doc.elements.filter((e) => e.role === "cable");
const stations = doc.elements.filter((e) => e.role === "landing-station");
const hmn = raw.filter((c) => /HMN Tech/.test(c.suppliers ?? ""));
const prc = raw.filter((c) => splitNames(c.owners).some((o) => /^China (Telecom|Unicom|Mobile)$/.test(o)));

const text = (file: string, value: unknown) => decodeSource(file, Buffer.from(JSON.stringify(value)));
const cable = (over: Partial<RawCable> & { id: string }): RawCable => ({
  name: over.id.toUpperCase(),
  landing_points: [
    { id: "a-land", country: "Japan" },
    { id: "b-land", country: "United States" },
  ],
  owners: "Owner One",
  suppliers: "NEC",
  is_planned: false,
  rfs_year: 2010,
  ...over,
});


describe("splitNames: owner and supplier lists", () => {
  it.each([
    ["Seren Juno Network Co., Ltd.", ["Seren Juno Network Co., Ltd."]],
    ["Blackburn Technologies, LLC.", ["Blackburn Technologies, LLC."]],
    ["Ocean Specialists, Inc (OSI)", ["Ocean Specialists, Inc (OSI)"]],
    ["Virgin Islands Next Generation Networks, Inc., AT&T", ["Virgin Islands Next Generation Networks, Inc.", "AT&T"]],
    ["Telia Eesti (formerly Eesti Telekom, EMT, Elion), TDC Group", ["Telia Eesti (formerly Eesti Telekom, EMT, Elion)", "TDC Group"]],
    ["***Retelit*** (acquired), China Unicom", ["Retelit (acquired)", "China Unicom"]],
    ["Acme S.A., Beta, S.A.", ["Acme S.A.", "Beta, S.A."]],
    ["ASN, Fujitsu, SubCom", ["ASN", "Fujitsu", "SubCom"]],
    ["AT&T, , BT ", ["AT&T", "BT"]],
    ["", []],
  ])("%j", (input, expected) => {
    expect(splitNames(input)).toEqual(expected);
  });
});

describe("installedDate: ready-for-service → installed", () => {
  it.each([
    ["2023 Q1", 2023, "2023-01-01"],
    ["2020 Q3", 2020, "2020-07-01"],
    ["2012 August", 2012, "2012-08-01"],
    ["2024", 2024, "2024-01-01"],
    ["2020 Q3", 2019, "2019-01-01"], // the text disagrees with rfs_year: the year wins
    [undefined, 2001, "2001-01-01"],
    ["2024 Q2", undefined, undefined],
  ])("%s / %s → %s", (rfs, year, expected) => {
    expect(installedDate(rfs, year)).toBe(expected);
  });
});

describe("cables: the whole Open Undersea Cable Map extract", () => {
  it("imports every cable and every landing point, joined by one link per incidence", () => {
    expect(raw).toHaveLength(521);
    expect(cablesOut).toHaveLength(521);
    expect(new Set(cablesOut.map((c) => c.id))).toEqual(new Set(raw.map((c) => c.id)));
    expect(stations).toHaveLength(1414);
    expect(new Set(stations.map((s) => s.id))).toEqual(new Set(geo.features.map((f) => f.properties.id)));
    expect(Object.keys(doc.sites ?? {})).toHaveLength(1414);
    expect(doc.links).toHaveLength(raw.reduce((n, c) => n + c.landing_points.length, 0));
    expect(doc.links).toHaveLength(2378);
    for (const c of raw) {
      const ends = doc.links.filter((l) => l.a === c.id).map((l) => l.b);
      expect(ends.sort(), c.id).toEqual(c.landing_points.map((p) => p.id).sort());
    }
    expect(doc.links.every((l) => l.medium === "submarine" && byId.get(l.a)?.role === "cable" && byId.get(l.b)?.role === "landing-station")).toBe(true);
  });

  it("gives every landing point its coordinates and country", () => {
    for (const f of geo.features) {
      const site = doc.sites![f.properties.id]!;
      expect([site.lon, site.lat]).toEqual(f.geometry.coordinates);
    }
    const countries = Object.values(doc.sites!).map((s) => s.country);
    expect(countries.every((c) => c !== undefined && /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(doc.sites!["muanda-congo-dem-rep-"]!.country).toBe("CD");
    expect(doc.sites!["frederiksted-virgin-islands-u-s-"]!.country).toBe("VI");
    // The map writes Hong Kong and Macau as China; the coordinates put them right.
    expect(doc.sites!["tseung-kwan-o-china"]).toMatchObject({ country: "HK", meta: { country: "China" } });
    expect(doc.sites!["taipa-china"]!.country).toBe("MO");
    expect(doc.sites!["shanghai-china"]?.country ?? "CN").toBe("CN");
  });

  it("maps suppliers through the registry, owners to operators, rfs_year and is_planned", () => {
    expect(cablesOut.filter((c) => c.vendor === "hmn-technologies")).toHaveLength(35);
    expect(hmn).toHaveLength(35);
    expect(cablesOut.filter((c) => c.vendor === undefined)).toHaveLength(raw.filter((c) => !c.suppliers).length);
    expect(cablesOut.filter((c) => c.state === "planned")).toHaveLength(65);
    expect(byId.get("2africa")).toMatchObject({ vendor: "asn", state: "planned", installed: "2023-01-01" });
    const faster = byId.get("faster")!;
    expect(faster.operator).toEqual(expect.arrayContaining(["china-mobile", "china-telecom", "google"]));
    expect(doc.operators!["china-mobile"]).toEqual({ name: "China Mobile" });
    expect(prc).toHaveLength(22);
    const prcOut = cablesOut.filter((c) => [c.operator ?? []].flat().some((o) => /^china-(telecom|unicom|mobile)$/.test(o)));
    expect(prcOut.map((c) => c.id).sort()).toEqual(prc.map((c) => c.id).sort());
    // Several suppliers: the first is the vendor, the others are components, all of them in meta.
    expect(byId.get("seamewe-3")).toMatchObject({ vendor: "asn", components: [{ vendor: "fujitsu", part: "co-supplier" }, { vendor: "subcom", part: "co-supplier" }], meta: { suppliers: ["ASN", "Fujitsu", "SubCom"] } });
    expect(doc.vendors).toMatchObject({ nsw: { name: "NSW" }, xtera: { name: "Xtera" } });
    expect(Object.keys(doc.vendors!)).toHaveLength(12);
    expect(doc.operators!["seren-juno-network-co-ltd"]).toEqual({ name: "Seren Juno Network Co., Ltd." });
  });

  it("reports what it mapped and what it skipped", () => {
    expect(outcome.mapped).toContain("supplier HMN Tech → hmn-technologies (35 cables)");
    expect(outcome.mapped).toContain("owner China Telecom → china-telecom (14 cables)");
    const whats = outcome.skipped.map((s) => `${s.what}: ${s.why}`);
    expect(whats).toContainEqual(expect.stringMatching(/^cables\/cable\/all\.json: an index of cables/));
    expect(whats).toContainEqual(expect.stringMatching(/^cables\/cable\/cable-geo\.json: a GeoJSON collection of MultiLineStrings/));
    expect(whats).toContainEqual(expect.stringMatching(/^12 suppliers not in the vendor registry: .*NSW \(5\), Nexans \(5\)/));
    expect(whats).toContainEqual(expect.stringMatching(/^212 cables without a supplier/));
    expect(outcome.skipped).toHaveLength(5);
  });

  it("designates the HMN Tech and PRC-carrier cables high-risk under us-clean-network-2020, and no other cable", () => {
    const dir = mkdtempSync(join(tmpdir(), "cleanpath-cables-"));
    try {
      writeFileSync(join(dir, "cables.yaml"), renderImport(outcome, "yaml"));
      const loaded = loadTopology([join(dir, "cables.yaml")], { cwd: dir });
      const policy = loadPolicy(loaded, { cwd: dir, policies: ["us-clean-network-2020"] });
      const d = designate(loaded.topology, loaded.registry, policy.spec, "2026-01-01");
      const level = new Map(loaded.topology.elements.map((e, i) => [e.id, { level: d.elements[i], reasons: d.reasons("element", i) }]));
      for (const c of hmn) {
        expect(level.get(c.id)!.level, c.id).toBe(HIGH);
        expect(level.get(c.id)!.reasons.some((r) => r.kind === "vendor" && r.value === "hmn-technologies"), c.id).toBe(true);
      }
      for (const c of prc) expect(level.get(c.id)!.reasons.some((r) => r.kind === "operator"), c.id).toBe(true);
      const high = new Set([...hmn, ...prc].map((c) => c.id));
      expect(high.size).toBe(35 + 22 - 4); // TSE-1, H2HE, SAIL and SEA-H2X are both
      const others = raw.filter((c) => !high.has(c.id));
      expect(others.filter((c) => level.get(c.id)!.level === HIGH).map((c) => c.id)).toEqual([]);
      expect(level.get("jupiter")!.level).toBe(CLEAN);
      expect(level.get("peace-cable")!.level).toBe(HIGH);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("cables: quirks and bad input", () => {
  const run = (files: [string, unknown][]) => importCables(files.map(([f, v]) => text(f, v)));

  it("puts a listed vendor first among several suppliers, and names owners that are carriers by their list id", () => {
    const r = run([["cable/x.json", cable({ id: "x", suppliers: "NEC, HMN Tech", owners: "China Unicom, Seren Juno Network Co., Ltd." })]]);
    const x = r.document.elements.find((e) => e.id === "x")!;
    expect(x).toMatchObject({ vendor: "hmn-technologies", components: [{ vendor: "nec", part: "co-supplier" }], operator: ["china-unicom", "seren-juno-network-co-ltd"] });
    expect(r.document.operators).toEqual({ "china-unicom": { name: "China Unicom" }, "seren-juno-network-co-ltd": { name: "Seren Juno Network Co., Ltd." } });
  });

  it("imports cables without the geo file, reporting sites without coordinates; keeps the first copy of a duplicate cable", () => {
    const r = run([
      ["cable/x.json", cable({ id: "x" })],
      ["cable/y.json", cable({ id: "x", name: "Other" })],
    ]);
    expect(r.document.elements.map((e: DocElement) => e.id)).toEqual(["a-land", "b-land", "x"]);
    expect(r.document.sites!["a-land"]).toEqual({ country: "JP" });
    const whats = r.skipped.map((s) => `${s.what}: ${s.why}`);
    expect(whats).toContainEqual(expect.stringMatching(/^cable x: listed a second time/));
    expect(whats).toContainEqual(expect.stringMatching(/^2 landing points without coordinates/));
    expect(whats).toContainEqual(expect.stringMatching(/^landing-point\/landing-point-geo\.json: not among the inputs/));
  });

  it("refuses files that are not cable data, with their position", () => {
    const netbox = inputErrorOf(() => run([["netbox.json", [{ model: "dcim.device", pk: 1, fields: {} }]]]));
    expect(netbox.diagnostics[0]).toMatchObject({ code: "E_CABLES", location: { file: "netbox.json", line: 1, column: 1 } });
    const xml = inputErrorOf(() => importCables([decodeSource("a.json", Buffer.from('<?xml version="1.0"?><graphml/>'))]));
    expect(xml.diagnostics[0]).toMatchObject({ code: "E_CABLES", message: expect.stringMatching(/^an XML file/) });
    const none = inputErrorOf(() => run([["landing-point/landing-point-geo.json", { type: "FeatureCollection", features: [] }]]));
    expect(none.diagnostics[0]!.message).toMatch(/^no cable files among the inputs/);
  });

  it("locates a bad landing point and a bad field inside a cable file", () => {
    const src = decodeSource("cable/x.json", Buffer.from('{\n  "id": "x",\n  "landing_points": [\n    {"id": "a"},\n    {"name": "no id"}\n  ]\n}\n'));
    expect(inputErrorOf(() => importCables([src])).diagnostics[0]).toMatchObject({ code: "E_CABLES", message: "a landing point needs a string `id`", location: { file: "cable/x.json", line: 5, column: 5 } });
    const year = decodeSource("cable/y.json", Buffer.from('{"id": "y", "landing_points": [], "rfs_year": "soon"}'));
    expect(inputErrorOf(() => importCables([year])).diagnostics[0]).toMatchObject({ message: "`rfs_year` must be a year or null", location: { line: 1, column: 47 } });
  });

  it("reports a truncated cable file at the place it stops", () => {
    const full = readFileSync(join(root, "cable", "2africa.json"), "utf8");
    const err = inputErrorOf(() => importCables([decodeSource("cable/2africa.json", Buffer.from(full.slice(0, 700)))]));
    expect(err.diagnostics[0]).toMatchObject({ code: "E_JSON_SYNTAX", location: { file: "cable/2africa.json", line: 1 } });
  });
});
