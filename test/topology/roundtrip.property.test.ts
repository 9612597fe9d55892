import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseFile } from "../../src/load/index.js";
import { plainItem } from "../../src/topology/copy.js";
import { buildTopology } from "../../src/topology/index.js";
import { roles } from "../../src/topology/types.js";
import type { Topology } from "../../src/topology/types.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 150);

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);

/** A valid topology document: ids unique, references resolvable, dates real. */
const topologyDoc = fc
  .record({
    elements: fc.uniqueArray(id, { minLength: 1, maxLength: 12 }),
    sites: fc.uniqueArray(id, { maxLength: 4 }),
    seed: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
    compact: fc.boolean(),
  })
  .map(({ elements, sites, seed, compact }) => {
    let k = 0;
    const pick = <T>(xs: readonly T[]): T => xs[seed[k++ % seed.length]! % xs.length]!;
    const doc: Record<string, unknown> = { cleanpath: 1, name: "round trip" };
    if (sites.length) doc.sites = Object.fromEntries(sites.map((s) => [s, { country: "MX", lat: 19.4, lon: -99.1, tags: ["t"] }]));
    doc.elements = elements.map((e, i) => {
      const el: Record<string, unknown> = { id: e, role: pick(roles) };
      if (i % 2 === 0) el.vendor = pick(["Nokia", "Huawei", "ZTE", "Cisco Systems, Inc.", "HiSilicon", "Acme Radio"]);
      if (sites.length && i % 3 === 0) el.site = pick(sites);
      if (i % 4 === 1) el.installed = "2019-05-01";
      if (i % 5 === 2) el.state = pick(["planned", "out-of-service", "in-service"]);
      if (i % 6 === 3) el.components = [{ vendor: "HiSilicon", part: "SoC" }];
      if (i % 7 === 4) el.tags = ["gov", "x"];
      return el;
    });
    const links: unknown[] = [];
    for (let i = 1; i < elements.length; i++) {
      const a = elements[i]!;
      const b = elements[seed[i]! % i]!;
      links.push(compact && i % 2 ? [a, b, 1 + (seed[i]! % 9)] : { a, b, metric: 1 + (seed[i]! % 9), ...(i % 3 ? {} : { vendor: "Huawei", medium: "microwave" }) });
      if (seed[i]! % 4 === 0) links.push([a, b]);
    }
    doc.links = links;
    return doc;
  });

function load(text: string, file: string): Topology {
  return buildTopology([parseFile(file, file, Buffer.from(text))]).topology;
}

/** The normalised topology as plain data, locations left out (they differ by format). */
function plain(t: Topology): unknown {
  const strip = (x: object) => {
    const out: Record<string, unknown> = {};
    // Normalised items read their fields through getters: take every field, not only own properties.
    for (const [k, v] of Object.entries(plainItem(x))) if (k !== "location" && v !== undefined && typeof v !== "function") out[k] = v;
    if ("components" in x) out.components = (x as { components: { vendor: string; part?: string }[] }).components.map((c) => ({ vendor: c.vendor, part: c.part }));
    return out;
  };
  return {
    elements: t.elements.map(strip),
    links: t.links.map(strip),
    sites: [...t.sites.values()].map(strip),
    flows: t.flows.map(strip),
  };
}

describe("a topology written as YAML and as JSON", () => {
  it("loads to the same Topology, in block and flow YAML styles", () => {
    fc.assert(
      fc.property(topologyDoc, (doc) => {
        const fromJson = plain(load(JSON.stringify(doc, null, 2), "t.json"));
        expect(plain(load(stringify(doc), "t.yaml"))).toEqual(fromJson);
        expect(plain(load(stringify(doc, { collectionStyle: "flow" }), "t.yaml"))).toEqual(fromJson);
        expect(plain(load(stringify(doc, { flowCollectionPadding: false, indent: 4 }), "t.yaml"))).toEqual(fromJson);
      }),
      { numRuns: runs },
    );
  });

  it("numbers parallel links a--b, a--b#2 in file order and keeps ids unique", () => {
    fc.assert(
      fc.property(topologyDoc, (doc) => {
        const t = load(JSON.stringify(doc), "t.json");
        const ids = t.links.map((l) => l.id);
        expect(new Set(ids).size).toBe(ids.length);
        const seen = new Map<string, number>();
        for (const l of t.links) {
          const k = (seen.get(`${l.a}|${l.b}`) ?? 0) + 1;
          seen.set(`${l.a}|${l.b}`, k);
          expect(l.id).toBe(k === 1 ? `${l.a}--${l.b}` : `${l.a}--${l.b}#${k}`);
          expect(t.elements[l.ai]!.id).toBe(l.a);
          expect(t.elements[l.bi]!.id).toBe(l.b);
          expect(t.linkIndex.get(l.id)).toBe(t.links.indexOf(l));
        }
      }),
      { numRuns: runs },
    );
  });
});
