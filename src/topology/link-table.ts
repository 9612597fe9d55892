import type { Component, Link, Topology } from "./types.js";
import { states } from "./types.js";

/**
 * The fields of a link that decide its risk, as written. A normalised topology reads them from the
 * parsed link itself (no record per link); `components` entries carry only what was written.
 */
export interface LinkFields {
  readonly vendor?: string;
  readonly operator?: string | readonly string[];
  readonly components?: readonly Pick<Component, "vendor" | "part" | "model">[];
  readonly tags?: readonly string[];
  readonly passive?: boolean;
  readonly risk?: "high";
  readonly installed?: string;
  readonly decommission?: string;
  readonly replacementCost?: number;
}

/**
 * The links of a topology as columns: what the graph and the audit read for every link, in typed
 * arrays, with one link's object view built only when someone asks for that link (a result, a
 * diagnostic, a report). Indices are those of `Topology.links`.
 */
export interface LinkColumns {
  readonly length: number;
  /** Element indices of the two ends (-1 for an end that is not an element; never in a valid topology). */
  readonly ai: Int32Array;
  readonly bi: Int32Array;
  readonly metric: Float64Array;
  /** Index in `states`: 0 in-service, 1 planned, 2 out-of-service. */
  readonly state: Uint8Array;
  /** 1 for `direction: forward`. */
  readonly oneWay: Uint8Array;
  /** The risk fields of link i, as written. */
  fields(i: number): LinkFields;
  /** The id of link i (SPEC §7). */
  id(i: number): string;
  /** Link i as an object. */
  at(i: number): Link;
}

/** Index of `in-service` in the `state` column. */
export const IN_SERVICE = 0;

const stateCode = new Map<string, number>(states.map((s, k) => [s, k]));

/** The code of a state in the `state` column. */
export function stateIndex(state: string): number {
  return stateCode.get(state) ?? IN_SERVICE;
}

const tables = new WeakMap<Topology, LinkColumns>();

/** Records the columns normalisation built for a topology. */
export function attachLinkColumns(topology: Topology, columns: LinkColumns): void {
  tables.set(topology, columns);
}

/**
 * The link columns of a topology: those its normalisation built, or, for a topology made some
 * other way (a changed copy, a test's literal), columns built once from its `links`.
 */
export function linkColumns(topology: Topology): LinkColumns {
  let t = tables.get(topology);
  if (t === undefined) {
    t = columnsOf(topology.links);
    tables.set(topology, t);
  }
  return t;
}

/** Link i of a topology, without building an object for every other link. */
export function linkAt(topology: Topology, i: number): Link {
  return linkColumns(topology).at(i);
}

/** Columns over link objects. */
export function columnsOf(links: readonly Link[]): LinkColumns {
  const m = links.length;
  const ai = new Int32Array(m);
  const bi = new Int32Array(m);
  const metric = new Float64Array(m);
  const state = new Uint8Array(m);
  const oneWay = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const l = links[i]!;
    ai[i] = l.ai;
    bi[i] = l.bi;
    metric[i] = l.metric;
    state[i] = stateIndex(l.state);
    oneWay[i] = l.direction === "forward" ? 1 : 0;
  }
  return {
    length: m,
    ai,
    bi,
    metric,
    state,
    oneWay,
    fields: (i) => links[i]!,
    id: (i) => links[i]!.id,
    at: (i) => links[i]!,
  };
}
