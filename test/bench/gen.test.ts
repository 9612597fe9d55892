import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BENCH_TAGS, ensureTopology, generateTopology, type GeneratedDocument, type TopologyPaths } from "../../bench/gen.mjs";
import { validate } from "../../src/generated/topology-all.js";

type Doc = Required<GeneratedDocument>;
type Link = Doc["links"][number];

const N = 10_000;
const ends = (l: Link): [string, string] => (Array.isArray(l) ? [l[0], l[1]] : [l.a, l.b]);

describe("bench topology generator", () => {
  let dir: string;
  let paths: TopologyPaths;
  let yamlText: string;
  let jsonText: string;
  let doc: Doc;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cleanpath-gen-"));
    paths = ensureTopology({ elements: N, seed: 7, outDir: join(dir, "a") }).paths;
    yamlText = readFileSync(paths.yaml, "utf8");
    jsonText = readFileSync(paths.json, "utf8");
    doc = JSON.parse(jsonText) as Doc;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes byte-identical files for the same seed, and different ones for another seed", () => {
    const again = ensureTopology({ elements: N, seed: 7, outDir: join(dir, "b") }).paths;
    expect(readFileSync(again.yaml, "utf8") === yamlText).toBe(true);
    expect(readFileSync(again.json, "utf8") === jsonText).toBe(true);
    expect(readFileSync(again.flowsYaml, "utf8")).toBe(readFileSync(paths.flowsYaml, "utf8"));
    const other = ensureTopology({ elements: N, seed: 8, outDir: join(dir, "c") }).paths;
    expect(readFileSync(other.json, "utf8") === jsonText).toBe(false);
  });

  it("writes the same data as YAML and as JSON, and what it built in memory", () => {
    expect(parse(yamlText)).toEqual(doc);
    expect(parse(readFileSync(paths.flowsYaml, "utf8"))).toEqual(JSON.parse(readFileSync(paths.flowsJson, "utf8")));
    const { topology } = generateTopology({ elements: N, seed: 7 });
    expect(JSON.parse(JSON.stringify(topology))).toEqual(doc);
  });

  it("uses the large-file YAML style: flow maps per element, object and compact links", () => {
    // test() rather than toMatch(): a failure would print the whole file.
    expect(/^ {2}- \{id: cr-[a-z]+-1, role: core, vendor: \w+/m.test(yamlText)).toBe(true);
    expect(/^ {2}- \[du-\d+, csr-\d+-\d\]$/m.test(yamlText)).toBe(true);
    expect(/^ {2}- \[[a-z0-9-]+, [a-z0-9-]+, \d+\]$/m.test(yamlText)).toBe(true);
    expect(/^ {2}- \{a: [a-z0-9-]+, b: [a-z0-9-]+, metric: \d+, medium: microwave/m.test(yamlText)).toBe(true);
    expect(/installed: \d{4}-\d\d-\d\d[,}]/.test(yamlText)).toBe(true);
  });

  it("passes the topology schema, flows file included", () => {
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(JSON.parse(readFileSync(paths.flowsJson, "utf8")))).toBe(true);
  });

  it("has exactly N elements with unique ids, and every reference resolves", () => {
    expect(doc.elements).toHaveLength(N);
    const ids = new Set(doc.elements.map((e) => e.id));
    expect(ids.size).toBe(N);
    const missing = doc.links.flatMap(ends).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    const selfLoops = doc.links.filter((l) => ends(l)[0] === ends(l)[1]);
    expect(selfLoops).toEqual([]);
    const sites = new Set(Object.keys(doc.sites));
    expect(doc.elements.filter((e) => !sites.has(e.site as string))).toEqual([]);
    const operators = Object.keys(doc.operators);
    expect(operators.length).toBeGreaterThanOrEqual(2);
    expect(operators.length).toBeLessThanOrEqual(3);
    expect(doc.elements.filter((e) => !operators.includes(e.operator as string))).toEqual([]);
  });

  it("has the telecom structure and mix the benchmark promises", () => {
    const roles: Record<string, number> = {};
    for (const e of doc.elements) roles[e.role] = (roles[e.role] ?? 0) + 1;
    expect(roles.core).toBe(8);
    expect(roles.datacenter).toBeGreaterThanOrEqual(2);
    expect(roles.aggregation).toBeGreaterThan(20);
    expect(roles.access).toBeGreaterThan(N * 0.2);
    expect(roles.ran).toBeGreaterThan(N * 0.5);

    const ratio = doc.links.length / N;
    expect(ratio).toBeGreaterThan(1.25);
    expect(ratio).toBeLessThan(1.38);

    const highRisk = doc.elements.filter((e) => e.vendor === "Huawei" || e.vendor === "ZTE").length / N;
    expect(highRisk).toBeGreaterThanOrEqual(0.1);
    expect(highRisk).toBeLessThanOrEqual(0.2);

    const share = (pred: (e: Doc["elements"][number]) => boolean) => doc.elements.filter(pred).length / N;
    expect(share((e) => e.vendor === undefined || e.vendor === "TelcoParts SA de CV")).toBeGreaterThan(0.002);
    expect(share((e) => e.vendor === undefined || e.vendor === "TelcoParts SA de CV")).toBeLessThan(0.01);
    expect(share((e) => e.state === "planned" || e.state === "out-of-service")).toBeGreaterThan(0.005);
    expect(share((e) => e.state === "planned" || e.state === "out-of-service")).toBeLessThan(0.02);
    expect(doc.elements.some((e) => JSON.stringify(e.components ?? []).includes("HiSilicon"))).toBe(true);
    expect(doc.elements.some((e) => typeof e.installed === "string")).toBe(true);

    const objects = doc.links.filter((l) => !Array.isArray(l)) as Array<Record<string, unknown>>;
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.length).toBeLessThan(doc.links.length / 2);
    expect(objects.some((l) => l.medium === "microwave" && typeof l.vendor === "string")).toBe(true);
    expect(doc.links.every((l) => Number.isInteger(Array.isArray(l) ? (l[2] ?? 1) : (l.metric ?? 1)))).toBe(true);
  });

  it("places every site in Mexico, from the US border to the south", () => {
    const sites = Object.values(doc.sites) as Array<{ country: string; lat: number; lon: number; tags?: string[] }>;
    expect(sites.every((s) => s.country === "MX")).toBe(true);
    expect(sites.every((s) => s.lat > 14 && s.lat < 33.5 && s.lon > -118.5 && s.lon < -86)).toBe(true);
    expect(Math.max(...sites.map((s) => s.lat))).toBeGreaterThan(30);
    expect(Math.min(...sites.map((s) => s.lat))).toBeLessThan(19);
    expect(sites.some((s) => s.tags?.includes("border-zone"))).toBe(true);
  });

  it("tags endpoints so that the bench selectors give fixed pair counts", () => {
    const tagged = (tag: string) => doc.elements.filter((e) => e.tags?.includes(tag));
    const src1k = tagged(BENCH_TAGS.src1k.tag);
    const src10k = tagged(BENCH_TAGS.src10k.tag);
    const dst = tagged(BENCH_TAGS.dst.tag);
    expect(src1k.length * dst.length).toBe(1000);
    expect(src10k.length * dst.length).toBe(10_000);
    expect(tagged(BENCH_TAGS.src1.tag).length * tagged(BENCH_TAGS.dst1.tag).length).toBe(1);
    expect(dst.every((e) => e.role === "datacenter")).toBe(true);
    expect(src1k.every((e) => e.role === "ran" && e.id.startsWith("ru-"))).toBe(true);
    expect([...src1k, ...src10k, ...dst].every((e) => e.state === undefined)).toBe(true);
    const flows = JSON.parse(readFileSync(paths.flowsJson, "utf8")) as Doc;
    expect(flows.flows.map((f) => f.id)).toEqual(["bench-1", "bench-1k", "bench-10k"]);
  });

  it("reuses cached files, and regenerates a damaged one", () => {
    const outDir = join(dir, "a");
    expect(ensureTopology({ elements: N, seed: 7, outDir }).cached).toBe(true);
    writeFileSync(paths.yaml, "cleanpath: 1\n");
    expect(ensureTopology({ elements: N, seed: 7, outDir }).cached).toBe(false);
    expect(readFileSync(paths.yaml, "utf8") === yamlText).toBe(true);
  });
});

describe("bench topology generator, optical layer (--optical)", () => {
  const plain = generateTopology({ elements: N, seed: 7 }).topology as Doc;
  const { topology, stats } = generateTopology({ elements: N, seed: 7, optical: true });
  const opt = topology as Doc;
  type Obj = { id?: string; a: string; b: string; medium?: string; underlay?: string[]; [key: string]: unknown };
  const objects = opt.links.filter((l) => !Array.isArray(l)) as Obj[];
  const elementById = new Map(opt.elements.map((e) => [e.id, e]));
  const linkById = new Map(objects.filter((l) => l.id !== undefined).map((l) => [l.id!, l]));
  const underlayOf = (id: string): string[] => ((elementById.get(id)?.underlay ?? linkById.get(id)?.underlay ?? []) as string[]);
  const carried = objects.filter((l) => l.id === undefined && l.underlay !== undefined);
  /** Every item under `start`, depth first (the SPEC's closure: underlays of underlays, ends not brought along). */
  const closure = (start: string[]): Set<string> => {
    const out = new Set<string>();
    const stack = [...start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...underlayOf(id));
    }
    return out;
  };

  it("leaves the IP layer as it is without the option: same elements first, same links with underlay added", () => {
    expect(opt.elements.slice(0, N)).toEqual(plain.elements);
    const ip = opt.links.slice(0, plain.links.length).map((l) => {
      if (Array.isArray(l)) return l;
      const { underlay: _, ...rest } = l as Obj;
      return rest;
    });
    expect(ip).toEqual(plain.links);
    expect(opt.sites).toEqual(plain.sites);
    expect(stats.ipElements).toBe(N);
    expect(stats.elements).toBe(opt.elements.length);
  });

  it("keeps the size comparable: the optical items add 1–10% to the elements", () => {
    const o = stats.optical!;
    expect(o.items).toBe(opt.elements.length - N + opt.links.length - plain.links.length);
    expect(o.items / N).toBeGreaterThan(0.01);
    expect(o.items / N).toBeLessThan(0.1);
    expect(o.oadms + o.ducts).toBe(opt.elements.length - N);
    expect(o.ipLinksWithUnderlay).toBe(carried.length);
  });

  it("resolves every underlay id, with unique item ids, never a link's own end", () => {
    const linkIds = objects.map((l) => l.id).filter((id) => id !== undefined);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    expect(linkIds.filter((id) => elementById.has(id))).toEqual([]);
    const unresolved: string[] = [];
    for (const item of [...opt.elements, ...objects] as Array<{ underlay?: unknown }>) {
      for (const id of (item.underlay ?? []) as string[]) if (!elementById.has(id) && !linkById.has(id)) unresolved.push(id);
    }
    expect(unresolved).toEqual([]);
    expect(objects.filter((l) => l.underlay?.some((id) => id === l.a || id === l.b || id === l.id))).toEqual([]);
  });

  it("puts 3–5 items under every core and aggregation link between two sites, and under nothing else of the IP layer", () => {
    const backbone = (id: string) => ["core", "aggregation"].includes(elementById.get(id)!.role);
    const interSite = objects.filter((l) => l.medium === "fiber" && backbone(l.a) && backbone(l.b) && elementById.get(l.a)!.site !== elementById.get(l.b)!.site);
    expect(interSite.length).toBeGreaterThan(50);
    expect(carried).toEqual(interSite);
    const sizes = carried.map((l) => closure(l.underlay!).size);
    expect(Math.min(...sizes)).toBe(3);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(4);
    expect(sizes.every((n) => n >= 3 && n <= 5)).toBe(true);
    // OADM at each end, the channel between them.
    for (const l of carried) {
      const [oa, ch, ob] = l.underlay!;
      expect([oa, ob]).toEqual([`oadm-${String(elementById.get(l.a)!.site)}`, `oadm-${String(elementById.get(l.b)!.site)}`]);
      const c = linkById.get(ch!)!;
      expect(c.medium).toBe("optical");
      expect([c.a, c.b].sort()).toEqual([oa, ob].sort());
    }
  });

  it("is acyclic (a DAG: IP link → channel → duct)", () => {
    const state = new Map<string, 1 | 2>();
    const cyclic: string[] = [];
    const visit = (id: string): void => {
      if (state.get(id) === 2) return;
      if (state.get(id) === 1) {
        cyclic.push(id);
        return;
      }
      state.set(id, 1);
      for (const u of underlayOf(id)) visit(u);
      state.set(id, 2);
    };
    for (const id of [...elementById.keys(), ...linkById.keys()]) visit(id);
    expect(cyclic).toEqual([]);
    expect(opt.elements.filter((e) => e.id.startsWith("oadm-") && e.underlay !== undefined)).toEqual([]);
  });

  it("shares channels and ducts between IP links, mixes OADM vendors (Huawei among them), and keeps ducts passive", () => {
    const uses = new Map<string, number>();
    for (const l of carried) for (const id of closure(l.underlay!)) uses.set(id, (uses.get(id) ?? 0) + 1);
    const channels = [...linkById.values()].filter((l) => l.medium === "optical");
    expect(channels.length).toBe(stats.optical!.channels);
    expect(channels.some((c) => (uses.get(c.id!) ?? 0) >= 2)).toBe(true);
    const ducts = opt.elements.filter((e) => e.id.startsWith("duct-"));
    expect(ducts.length).toBeGreaterThan(0);
    expect(ducts.every((d) => d.passive === true && d.vendor === undefined)).toBe(true);
    expect(ducts.some((d) => (uses.get(d.id) ?? 0) >= 2)).toBe(true);
    const vendors = new Set(opt.elements.filter((e) => e.id.startsWith("oadm-")).map((e) => e.vendor));
    expect(vendors.has("Huawei")).toBe(true);
    expect(vendors.size).toBeGreaterThanOrEqual(3);
  });

  it("writes byte-identical files for the same seed, beside the plain ones, with the same pairs", () => {
    const d = mkdtempSync(join(tmpdir(), "cleanpath-gen-opt-"));
    try {
      const a = ensureTopology({ elements: N, seed: 7, optical: true, outDir: join(d, "a") });
      const b = ensureTopology({ elements: N, seed: 7, optical: true, outDir: join(d, "b") });
      expect(a.paths.json.endsWith("topo-1e4-seed7-optical.json")).toBe(true);
      expect(readFileSync(a.paths.json, "utf8") === readFileSync(b.paths.json, "utf8")).toBe(true);
      expect(readFileSync(a.paths.yaml, "utf8") === readFileSync(b.paths.yaml, "utf8")).toBe(true);
      const fromYaml = parse(readFileSync(a.paths.yaml, "utf8")) as Doc;
      expect(fromYaml).toEqual(JSON.parse(readFileSync(a.paths.json, "utf8")));
      expect(fromYaml).toEqual(JSON.parse(JSON.stringify(opt)));
      expect(a.meta.pairs).toEqual(generateTopology({ elements: N, seed: 7 }).stats.pairs);
      // The plain files of the same size and seed are not taken for the optical ones, nor the reverse.
      expect(ensureTopology({ elements: N, seed: 7, optical: true, outDir: join(d, "a") }).cached).toBe(true);
      expect(ensureTopology({ elements: N, seed: 7, outDir: join(d, "a") }).cached).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
