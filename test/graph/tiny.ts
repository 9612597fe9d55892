import type { Element, Link, State, Topology } from "../../src/topology/types.js";

/** A small network written compactly for tests; `risk` flags feed the masks. */
export interface TinyElement {
  id: string;
  state?: State;
  /** Designated (mask 1 and 2). */
  risky?: boolean;
  /** Unknown vendor (mask 2 only). */
  unknown?: boolean;
  cost?: number;
}

export interface TinyLink {
  a: string;
  b: string;
  metric?: number;
  oneWay?: boolean;
  state?: State;
  risky?: boolean;
  unknown?: boolean;
  cost?: number;
}

export interface TinyNet {
  elements: TinyElement[];
  links: TinyLink[];
}

const here = { file: "tiny.yaml", line: 1, column: 1 };

/** The normalised Topology for a tiny network (ids `a--b`, `#2`… for parallels, as SPEC §7). */
export function topologyOf(net: TinyNet): Topology {
  const elements: Element[] = net.elements.map((e) => ({
    id: e.id,
    role: "other",
    components: [],
    passive: false,
    state: e.state ?? "in-service",
    tags: [],
    location: here,
  }));
  const seen = new Map<string, number>();
  const indexOf = new Map(net.elements.map((e, i) => [e.id, i]));
  const links: Link[] = net.links.map((l) => {
    const base = `${l.a}--${l.b}`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return {
      id: k === 1 ? base : `${base}#${k}`,
      ai: indexOf.get(l.a) ?? -1,
      bi: indexOf.get(l.b) ?? -1,
      a: l.a,
      b: l.b,
      metric: l.metric ?? 1,
      direction: l.oneWay ? "forward" : "both",
      components: [],
      passive: false,
      state: l.state ?? "in-service",
      tags: [],
      location: here,
    };
  });
  return {
    inputs: [],
    elements,
    links,
    sites: new Map(),
    operators: new Map(),
    vendors: new Map(),
    flows: [],
    elementIndex: new Map(elements.map((e, i) => [e.id, i])),
    linkIndex: new Map(links.map((l, i) => [l.id, i])),
  };
}

/**
 * A graph closure (SPEC §4.1) from direct underlay lists in graph item space, computed
 * transitively here (the topology-side computation is not used by the engine's tests).
 * `direct[i]` lists the items item i rests on; the lists must form a DAG.
 */
export function closureFrom(total: number, direct: readonly (readonly number[])[]): number[][] {
  const memo: (number[] | undefined)[] = new Array(total);
  const state = new Uint8Array(total); // 1 = on the stack, 2 = done
  for (let root = 0; root < total; root++) {
    if (state[root] === 2) continue;
    // Depth-first without recursion (underlay chains may be long).
    const stack = [root];
    while (stack.length > 0) {
      const i = stack[stack.length - 1]!;
      if (state[i] === 0) {
        state[i] = 1;
        for (const j of direct[i] ?? []) {
          if (state[j] === 1) throw new Error("underlay cycle in a test graph");
          if (state[j] === 0) stack.push(j);
        }
        continue;
      }
      stack.pop();
      if (state[i] === 2) continue;
      const set = new Set<number>();
      for (const j of direct[i] ?? []) {
        set.add(j);
        for (const k of memo[j]!) set.add(k);
      }
      memo[i] = [...set].sort((a, b) => a - b);
      state[i] = 2;
    }
  }
  return memo as number[][];
}

/** The graph with these closures attached (undefined when every closure is empty). */
export function withClosure<G extends { n: number; m: number }>(g: G, closure: readonly (readonly number[])[]): G & { closure?: { start: Int32Array; items: Int32Array } } {
  const total = g.n + g.m;
  const start = new Int32Array(total + 1);
  for (let i = 0; i < total; i++) start[i + 1] = start[i]! + (closure[i]?.length ?? 0);
  if (start[total] === 0) return { ...g };
  const items = new Int32Array(start[total]!);
  for (let i = 0; i < total; i++) items.set(closure[i] ?? [], start[i]!);
  return { ...g, closure: { start, items } };
}
