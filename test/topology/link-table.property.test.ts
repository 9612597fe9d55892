import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audit, loadPolicy } from "../../src/index.js";
import { parseFile } from "../../src/load/index.js";
import { buildTopology } from "../../src/topology/index.js";
import { columnsOf, linkAt, linkColumns, stateIndex } from "../../src/topology/link-table.js";
import type { Topology } from "../../src/topology/types.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 150);

const names = ["a", "b", "c", "d", "e", "f"];

/** Links between six elements, as objects (some with ids, states, one-way, vendors) or compact arrays. */
const linkDoc = fc.array(
  fc.record({
    a: fc.constantFrom(...names),
    b: fc.constantFrom(...names),
    compact: fc.boolean(),
    metric: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    id: fc.option(fc.stringMatching(/^l[0-9]{1,3}$/), { nil: undefined }),
    state: fc.option(fc.constantFrom("in-service", "planned", "out-of-service"), { nil: undefined }),
    forward: fc.boolean(),
    vendor: fc.option(fc.constantFrom("Huawei", "Nokia", "Acme"), { nil: undefined }),
    operator: fc.option(fc.constantFrom("op1", ["op1"], ["op1", "op2"]), { nil: undefined }),
  }),
  { maxLength: 14 },
);

interface WrittenLink {
  a: string;
  b: string;
  compact: boolean;
  metric?: number;
  id?: string;
  state?: string;
  forward: boolean;
  vendor?: string;
  operator?: unknown;
}

function links(spec: readonly WrittenLink[]): unknown[] {
  const used = new Set<string>();
  const out: unknown[] = [];
  for (const l of spec) {
    if (l.a === l.b) continue;
    if (l.compact) {
      out.push(l.metric === undefined ? [l.a, l.b] : [l.a, l.b, l.metric]);
      continue;
    }
    const o: Record<string, unknown> = { a: l.a, b: l.b };
    if (l.id !== undefined && !used.has(l.id)) {
      used.add(l.id);
      o.id = l.id;
    }
    if (l.metric !== undefined) o.metric = l.metric;
    if (l.state !== undefined) o.state = l.state;
    if (l.forward) o.direction = "forward";
    if (l.vendor !== undefined) o.vendor = l.vendor;
    if (l.operator !== undefined) o.operator = l.operator;
    out.push(o);
  }
  return out;
}

/** The topology of two files (the second includes nothing; both are given), links split between them. */
function loaded(all: unknown[], split: number): ReturnType<typeof buildTopology> {
  const head = { cleanpath: 1, operators: { op1: {}, op2: {} }, elements: names.map((id) => ({ id, role: "core", vendor: "Nokia" })), links: all.slice(0, split) };
  const tail = { cleanpath: 1, links: all.slice(split) };
  const files = [parseFile("one.json", "one.json", Buffer.from(JSON.stringify(head))), parseFile("two.json", "two.json", Buffer.from(JSON.stringify(tail, null, 1)))];
  return buildTopology(files);
}

function load(all: unknown[], split: number): Topology {
  return loaded(all, split).topology;
}

describe("the link columns of a normalised topology", () => {
  it("say what the link objects say, link by link, across files, without building them", () => {
    fc.assert(
      fc.property(linkDoc, fc.nat(), (spec, cut) => {
        const written = links(spec);
        // Generated ids may clash with explicit ones only through `--`, which `l123` ids never contain.
        const split = cut % (written.length + 1);
        const t = load(written, split);
        const cols = linkColumns(t);
        expect(cols.length).toBe(written.length);
        // One link's view without every link's: the topology's `links` is still unbuilt.
        if (cols.length > 0) expect(linkAt(t, cols.length - 1).id).toBe(cols.id(cols.length - 1));
        expect(Object.getOwnPropertyDescriptor(t, "links")?.get).toBeDefined();
        const views = t.links;
        expect(views).toHaveLength(written.length);
        for (let i = 0; i < cols.length; i++) {
          const l = views[i]!;
          expect(cols.id(i)).toBe(l.id);
          expect(cols.ai[i]).toBe(l.ai);
          expect(cols.bi[i]).toBe(l.bi);
          expect(t.elements[l.ai]!.id).toBe(l.a);
          expect(cols.metric[i]).toBe(l.metric);
          expect(cols.state[i]).toBe(stateIndex(l.state));
          expect(cols.oneWay[i]).toBe(l.direction === "forward" ? 1 : 0);
          expect(cols.fields(i).vendor).toBe(l.vendor);
          expect(linkAt(t, i)).toBe(l);
          const w = written[i]!;
          expect(l.metric).toBe(Array.isArray(w) ? (w[2] ?? 1) : ((w as { metric?: number }).metric ?? 1));
          expect(l.location.file).toBe(i < split ? "one.json" : "two.json");
        }
        // Columns built from the link objects (a changed copy of a topology) agree too.
        const copy = columnsOf(views);
        for (let i = 0; i < cols.length; i++) {
          expect([copy.id(i), copy.ai[i], copy.bi[i], copy.metric[i], copy.state[i], copy.oneWay[i]]).toEqual([cols.id(i), cols.ai[i], cols.bi[i], cols.metric[i], cols.state[i], cols.oneWay[i]]);
        }
      }),
      { numRuns: runs },
    );
  });

  it("locate each link in the file that wrote it", () => {
    const t = load([["a", "b"], { a: "b", b: "c" }, ["c", "d"], { a: "d", b: "e", id: "x" }], 2);
    expect(t.links.map((l) => [l.id, l.location.file, l.location.line])).toEqual([
      ["a--b", "one.json", 1],
      ["b--c", "one.json", 1],
      ["c--d", "two.json", 4],
      ["x", "two.json", 8],
    ]);
  });

  it("serve an audit of paths without one object per link", () => {
    const chain = names.slice(1).map((id, k) => [names[k]!, id, 1 + k]);
    const input = loaded([...chain, { a: "a", b: "f", vendor: "Huawei", metric: 1 }], 3);
    const t = input.topology;
    const r = audit(input, loadPolicy(input), { asOf: "2026-01-01", from: "a", to: "f" });
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]!.verdict).toBe("routed-dirty");
    expect(Object.keys(r.items)).toContain("a--f");
    expect(r.items["a--f"]!.risk).toBe("high");
    expect(Object.getOwnPropertyDescriptor(t, "links")?.get).toBeDefined();
  });
});
