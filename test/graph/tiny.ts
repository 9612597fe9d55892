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
