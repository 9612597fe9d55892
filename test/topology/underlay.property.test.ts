import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { State } from "../../src/topology/types.js";
import { computeUnderlay, type UnderlayElement, type UnderlayLink } from "../../src/topology/underlay.js";

const runs = Number(process.env.CLEANPATH_PROPERTY_RUNS ?? 300);

/** A small item space: elements e0.., links l0.. with distinct ends, random states and underlays. */
interface World {
  elements: UnderlayElement[];
  links: UnderlayLink[];
  /** Direct underlay of each item as item numbers, written order, duplicates kept. */
  lists: number[][];
}

const states: State[] = ["in-service", "in-service", "in-service", "planned", "out-of-service"];

const world = fc
  .record({ E: fc.integer({ min: 2, max: 7 }), L: fc.integer({ min: 0, max: 6 }), seed: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }), density: fc.integer({ min: 0, max: 4 }) })
  .map(({ E, L, seed, density }): World => {
    let k = 0;
    const next = (): number => seed[k++ % seed.length]! + k;
    const N = E + L;
    const ends: [number, number][] = [];
    for (let l = 0; l < L; l++) {
      const a = next() % E;
      const b = (a + 1 + (next() % (E - 1))) % E;
      ends.push([a, b]);
    }
    const lists: number[][] = [];
    for (let i = 0; i < N; i++) {
      const list: number[] = [];
      const count = next() % (density + 1);
      for (let j = 0; j < count; j++) {
        const t = next() % N;
        // Self and own-end references are errors of their own, tested apart.
        if (t === i || (i >= E && (t === ends[i - E]![0] || t === ends[i - E]![1]))) continue;
        list.push(t);
      }
      lists.push(list);
    }
    const id = (i: number): string => (i < E ? `e${i}` : `l${i - E}`);
    const stateOf = (): State => states[next() % states.length]!;
    const elements = Array.from({ length: E }, (_, i) => ({ id: id(i), state: stateOf(), ...(lists[i]!.length ? { underlay: lists[i]!.map(id) } : {}) }));
    const links = ends.map(([ai, bi], l) => ({ id: id(E + l), state: stateOf(), ai, bi, ...(lists[E + l]!.length ? { underlay: lists[E + l]!.map(id) } : {}) }));
    return { elements, links, lists };
  });

function run(w: World) {
  const ids = [...w.elements.map((e) => e.id), ...w.links.map((l) => l.id)];
  const index = new Map(ids.map((id, i) => [id, i]));
  return { ids, result: computeUnderlay(w.elements, w.links, (id) => index.get(id) ?? -1, () => ids) };
}

/** Items reachable from i over one or more underlay entries. */
function reach(w: World, i: number): Set<number> {
  const seen = new Set<number>();
  const todo = [...w.lists[i]!];
  while (todo.length) {
    const x = todo.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    todo.push(...w.lists[x]!);
  }
  return seen;
}

/** Depth-first preorder from i, written order, each item once (recursive: the inputs are tiny). */
function preorder(w: World, i: number): number[] {
  const seen = new Set<number>([i]);
  const out: number[] = [];
  const visit = (x: number): void => {
    for (const c of w.lists[x]!) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
      visit(c);
    }
  };
  visit(i);
  return out;
}

/** The "up" fixpoint by repeated sweeps until nothing changes. */
function upByFixpoint(w: World): number[] {
  const E = w.elements.length;
  const N = E + w.links.length;
  const state = (i: number): State => (i < E ? w.elements[i]!.state : w.links[i - E]!.state);
  const up = Array.from({ length: N }, () => 1);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < N; i++) {
      if (!up[i]) continue;
      const ends = i >= E ? [w.links[i - E]!.ai, w.links[i - E]!.bi] : [];
      if (state(i) !== "in-service" || ends.some((e) => !up[e]) || w.lists[i]!.some((c) => !up[c])) {
        up[i] = 0;
        changed = true;
      }
    }
  }
  return up;
}

describe("underlay closures, cycles and up items against brute force", () => {
  it("reports a cycle exactly when one exists, each closing entry once, each named cycle real", () => {
    fc.assert(
      fc.property(world, (w) => {
        const N = w.lists.length;
        const cyclic = Array.from({ length: N }, (_, i) => reach(w, i).has(i)).some(Boolean);
        const { ids, result } = run(w);
        const cycles = result.problems.filter((p) => p.code === "E_UNDERLAY_CYCLE");
        expect(cycles.length > 0).toBe(cyclic);
        expect(result.index === undefined).toBe(cyclic || w.lists.every((l) => l.length === 0));
        const entries = cycles.map((p) => `${p.item}:${p.entry}`);
        expect(new Set(entries).size).toBe(entries.length);
        for (const p of cycles) {
          const named = p.message.split(": ").pop()!.split(" → ").map((id) => ids.indexOf(id));
          expect(named[0]).toBe(named[named.length - 1]);
          for (let k = 0; k + 1 < named.length; k++) expect(w.lists[named[k]!]).toContain(named[k + 1]);
          // The closing entry is the last step of the cycle, back to where it started.
          expect(named[named.length - 2]).toBe(p.item);
          expect(ids[w.lists[p.item!]![p.entry!]!]).toBe(ids[named[0]!]);
        }
      }),
      { numRuns: runs },
    );
  });

  it("gives every item its reachable set, depth first in written order, and up equal to the fixpoint", () => {
    fc.assert(
      fc.property(world, (w) => {
        const N = w.lists.length;
        if (Array.from({ length: N }, (_, i) => reach(w, i).has(i)).some(Boolean)) return;
        const { result } = run(w);
        expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
        const duplicates = w.lists.reduce((s, l) => s + l.length - new Set(l).size, 0);
        expect(result.problems.filter((p) => p.code === "W_UNDERLAY_DUPLICATE")).toHaveLength(duplicates);
        if (w.lists.every((l) => l.length === 0)) {
          expect(result.index).toBeUndefined();
          return;
        }
        const index = result.index!;
        expect(index.start).toHaveLength(N + 1);
        for (let i = 0; i < N; i++) {
          const closure = [...index.items.subarray(index.start[i]!, index.start[i + 1]!)];
          expect(new Set(closure)).toEqual(reach(w, i));
          expect(closure).toEqual(preorder(w, i));
        }
        expect([...index.up]).toEqual(upByFixpoint(w));
      }),
      { numRuns: runs },
    );
  });
});
