import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { InputError } from "../../src/diagnostics.js";
import { parseFile } from "../../src/load/index.js";
import { buildTopology } from "../../src/topology/index.js";
import type { Topology } from "../../src/topology/types.js";
import { computeUnderlay, type UnderlayElement } from "../../src/topology/underlay.js";

function load(text: string, file = "t.yaml") {
  return buildTopology([parseFile(file, `/x/${file}`, new TextEncoder().encode(text))]);
}

function problems(text: string, file = "t.yaml"): string[] {
  try {
    load(text, file);
  } catch (err) {
    if (err instanceof InputError) return err.message.split("\n");
    throw err;
  }
  throw new Error("expected an InputError");
}

const ids = (t: Topology, i: number): string[] => {
  const u = t.underlay!;
  const E = t.elements.length;
  return [...u.items.subarray(u.start[i]!, u.start[i + 1]!)].map((x) => (x < E ? t.elements[x]!.id : t.links[x - E]!.id));
};
const item = (t: Topology, id: string): number => t.elementIndex.get(id) ?? t.elements.length + t.linkIndex.get(id)!;

/** SPEC §4.1's example, with one planned server and a link resting on an element it ends at's neighbour. */
const spec = `cleanpath: 1
elements:
  - { id: core-gdl, role: core, vendor: nokia }
  - { id: core-mty, role: core, vendor: nokia }
  - { id: upf-mty, role: core, vendor: nokia, underlay: [srv-mty-7] }
  - { id: srv-mty-7, role: datacenter, vendor: huawei }
  - { id: oadm-gdl, role: transport, vendor: huawei }
  - { id: oadm-mty, role: transport, vendor: huawei }
  - { id: duct-57, role: other, passive: true }
links:
  - { id: och-gdl-mty, a: oadm-gdl, b: oadm-mty, medium: optical, vendor: huawei, underlay: [duct-57] }
  - { id: ip-gdl-mty, a: core-gdl, b: core-mty, metric: 10, underlay: [oadm-gdl, och-gdl-mty, oadm-mty] }
  - { id: ip-gdl-mty-2, a: core-gdl, b: core-mty, metric: 12, underlay: [duct-57], medium: circuit }
  - { a: core-mty, b: upf-mty }
`;

describe("underlay in the topology", () => {
  it("keeps each item's underlay as written and computes closures depth first in written order", () => {
    const t = load(spec).topology;
    expect(t.links[1]!.underlay).toEqual(["oadm-gdl", "och-gdl-mty", "oadm-mty"]);
    expect(t.elements[2]!.underlay).toEqual(["srv-mty-7"]);
    expect(t.elements[0]!.underlay).toBeUndefined();
    expect(t.links[3]!.underlay).toBeUndefined();
    expect(ids(t, item(t, "ip-gdl-mty"))).toEqual(["oadm-gdl", "och-gdl-mty", "duct-57", "oadm-mty"]);
    expect(ids(t, item(t, "ip-gdl-mty-2"))).toEqual(["duct-57"]);
    expect(ids(t, item(t, "upf-mty"))).toEqual(["srv-mty-7"]);
    expect(ids(t, item(t, "core-gdl"))).toEqual([]);
    expect([...t.underlay!.up].every((u) => u === 1)).toBe(true);
    expect(t.links[2]!.medium).toBe("circuit");
  });

  it("has no underlay index when no item lists one (nor when every list is empty)", () => {
    const plain = load("cleanpath: 1\nelements: [{id: a, role: core}, {id: b, role: core}]\nlinks: [[a, b], {a: b, b: a}]\n").topology;
    expect(plain.underlay).toBeUndefined();
    expect("underlay" in plain).toBe(false);
    const empty = load("cleanpath: 1\nelements: [{id: a, role: core, underlay: []}, {id: b, role: core}]\nlinks: [{a: a, b: b, underlay: []}]\n").topology;
    expect(empty.underlay).toBeUndefined();
    expect(empty.elements[0]!.underlay).toEqual([]);
  });

  it("resolves derived link ids, parallels included", () => {
    const t = load(`cleanpath: 1
elements: [{id: a, role: core}, {id: b, role: core}, {id: c, role: core}, {id: d, role: core}]
links:
  - [a, b]
  - [a, b]
  - {a: c, b: d, underlay: [a--b#2, a--b]}
`).topology;
    expect(ids(t, item(t, "c--d"))).toEqual(["a--b#2", "a--b"]);
  });

  it("puts out of service whatever rests on an item not in service, and the links of a down element", () => {
    const t = load(spec.replace("{ id: duct-57, role: other, passive: true }", "{ id: duct-57, role: other, passive: true, state: out-of-service }").replace("{ id: srv-mty-7, role: datacenter, vendor: huawei }", "{ id: srv-mty-7, role: datacenter, vendor: huawei, state: planned }")).topology;
    const up = (id: string) => t.underlay!.up[item(t, id)];
    expect(up("duct-57")).toBe(0);
    expect(up("och-gdl-mty")).toBe(0);
    expect(up("ip-gdl-mty")).toBe(0);
    expect(up("ip-gdl-mty-2")).toBe(0);
    expect(up("srv-mty-7")).toBe(0);
    expect(up("upf-mty")).toBe(0);
    expect(up("core-mty--upf-mty")).toBe(0); // its end is down
    expect(up("core-gdl")).toBe(1);
    expect(up("oadm-gdl")).toBe(1);
  });

  it("ends when an element rests on one of its own links", () => {
    const t = load("cleanpath: 1\nelements: [{id: a, role: core, underlay: [a--b]}, {id: b, role: core}]\nlinks: [[a, b]]\n").topology;
    expect([...t.underlay!.up]).toEqual([1, 1, 1]);
    const down = load("cleanpath: 1\nelements: [{id: a, role: core, underlay: [a--b]}, {id: b, role: core, state: planned}]\nlinks: [[a, b]]\n").topology;
    expect([...down.underlay!.up]).toEqual([0, 0, 0]);
  });
});

describe("bad underlays, located at the entry", () => {
  const base = "cleanpath: 1\nelements:\n  - {id: core-1, role: core}\n  - {id: core-2, role: core}\n";

  it("refuses an unknown id with a suggestion", () => {
    expect(problems(`${base}links:\n  - {id: och-1, a: core-1, b: core-2}\n  - {a: core-2, b: core-1, underlay: [och-2]}\n`)).toEqual([
      "t.yaml:7:39  E_UNKNOWN_ITEM  `underlay` of `core-2--core-1` names `och-2`, which is not an element or a link — did you mean `och-1`?",
    ]);
  });

  it("refuses an item listing itself, and a link listing its own end", () => {
    expect(problems(`${base}  - {id: x, role: core, underlay: [x]}\nlinks:\n  - {a: core-1, b: core-2, underlay: [x, core-2]}\n`)).toEqual([
      "t.yaml:5:36  E_UNDERLAY_SELF  `underlay` of `x` lists itself",
      "t.yaml:7:42  E_UNDERLAY_SELF  `underlay` of `core-1--core-2` lists its own end `core-2` (a link rests on what carries it, not on the elements it joins)",
    ]);
  });

  it("names a cycle at the entry that closes it, once per cycle, in YAML and JSON", () => {
    const yaml = `${base}  - {id: x, role: core, underlay: [y]}\n  - id: y\n    role: core\n    underlay:\n      - z\n      - x\n  - {id: z, role: core}\n`;
    expect(problems(yaml)).toEqual(["t.yaml:10:9  E_UNDERLAY_CYCLE  `underlay` entry `x` of `y` closes a cycle: x → y → x (see t.yaml:5:5)"]);
    const json = JSON.stringify({ cleanpath: 1, elements: [{ id: "p", role: "core", underlay: ["q"] }, { id: "q", role: "core", underlay: ["p"] }, { id: "r", role: "core", underlay: ["s"] }, { id: "s", role: "core", underlay: ["r"] }] }, null, 1);
    expect(problems(json, "t.json")).toEqual([
      "t.json:15:5  E_UNDERLAY_CYCLE  `underlay` entry `p` of `q` closes a cycle: p → q → p (see t.json:4:3)",
      "t.json:29:5  E_UNDERLAY_CYCLE  `underlay` entry `r` of `s` closes a cycle: r → s → r (see t.json:18:3)",
    ]);
  });

  it("warns about an id listed twice and keeps one", () => {
    const { topology, warnings } = load(`${base}  - {id: x, role: core, underlay: [core-1, core-2, core-1]}\n`);
    expect(warnings.map((w) => `${w.location!.line}:${w.location!.column} ${w.code} ${w.message}`)).toEqual([
      "5:52 W_UNDERLAY_DUPLICATE `underlay` of `x` lists `core-1` twice (the second is ignored)",
    ]);
    expect(ids(topology, 2)).toEqual(["core-1", "core-2"]);
  });

  it("refuses a schema-invalid entry before normalising", () => {
    expect(problems(`${base}  - {id: x, role: core, underlay: ["a b"]}\n`)).toEqual([
      "t.yaml:5:36  E_SCHEMA_ID  `a b` is not a valid id in elements[2].underlay[0]: use letters, digits and _ . : / @ + # -, starting with a letter or digit",
    ]);
    expect(problems(`${base}  - {id: x, role: core, underlay: core-1}\n`)).toEqual(["t.yaml:5:35  E_SCHEMA_TYPE  elements[2].underlay must be a list, not text"]);
  });
});

describe("long underlay chains (iterative walks)", () => {
  const chain = (n: number, closeAt: number | null): UnderlayElement[] =>
    Array.from({ length: n }, (_, i) => ({ id: `c${i}`, state: "in-service" as const, ...(i + 1 < n ? { underlay: [`c${i + 1}`] } : closeAt === null ? {} : { underlay: [`c${closeAt}`] }) }));
  const find = (id: string) => Number(id.slice(1));

  it("finds the cycle closing a 10^6-long chain, naming its ends", () => {
    const r = computeUnderlay(chain(1_000_000, 0), [], find, () => []);
    expect(r.index).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!).toMatchObject({ code: "E_UNDERLAY_CYCLE", item: 999_999, entry: 0 });
    expect(r.problems[0]!.message).toBe("`underlay` entry `c0` of `c999999` closes a cycle: c0 → c1 → c2 → c3 → c4 → … 999,990 more … → c999995 → c999996 → c999997 → c999998 → c999999 → c0");
  });

  it("refuses a 10^6-long acyclic chain whose closures do not fit, without crashing", () => {
    const r = computeUnderlay(chain(1_000_000, null), [], find, () => []);
    expect(r.index).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(["E_TOO_LARGE"]);
    expect(r.problems[0]!.message).toMatch(/^the underlay closures hold more than 50,000,000 entries in all/);
  });

  it("computes the closures of a 3,000-long chain", () => {
    const n = 3000;
    const r = computeUnderlay(chain(n, null), [], find, () => []);
    const u = r.index!;
    expect(u.items.length).toBe((n * (n - 1)) / 2);
    expect([...u.items.subarray(u.start[0]!, u.start[1]!)]).toEqual(Array.from({ length: n - 1 }, (_, i) => i + 1));
    expect(u.start[n - 1]).toBe(u.start[n]);
  });
});

describe("underlays written as YAML and as JSON", () => {
  it("give the same closures and up items, located entries aside", () => {
    const doc = fc
      .record({ n: fc.integer({ min: 2, max: 9 }), seed: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }) })
      .map(({ n, seed }) => {
        // Each item rests only on earlier ones: acyclic by construction.
        const elements = Array.from({ length: n }, (_, i) => ({
          id: `e${i}`,
          role: "core",
          ...(seed[i]! % 5 === 0 ? { state: "planned" } : {}),
          ...(i > 0 && seed[i]! % 2 ? { underlay: [`e${seed[i + 1]! % i}`] } : {}),
        }));
        const links = Array.from({ length: n - 1 }, (_, i) => {
          const carrier = `e${seed[20 + i]! % n}`;
          // A link may not rest on its own ends: it rests on the link before it instead.
          const own = carrier === `e${i}` || carrier === `e${i + 1}`;
          const under = !own ? [carrier] : i > 0 ? [`e${i - 1}--e${i}`] : [];
          return { a: `e${i}`, b: `e${i + 1}`, ...(under.length ? { underlay: under } : {}) };
        });
        return { cleanpath: 1, elements, links };
      });
    fc.assert(
      fc.property(doc, (d) => {
        const json = load(JSON.stringify(d, null, 2), "t.json").topology.underlay;
        for (const text of [stringify(d), stringify(d, { collectionStyle: "flow" })]) {
          const yaml = load(text).topology.underlay;
          expect(yaml === undefined).toBe(json === undefined);
          if (!yaml || !json) continue;
          expect([...yaml.start]).toEqual([...json.start]);
          expect([...yaml.items]).toEqual([...json.items]);
          expect([...yaml.up]).toEqual([...json.up]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
