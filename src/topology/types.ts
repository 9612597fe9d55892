import type { Selector } from "../data/selector.js";
import type { SourceLocation } from "../diagnostics.js";
import type { VendorDeclaration } from "../vendors/registry.js";

/** Roles of SPEC §4. */
export const roles = [
  "core",
  "ran",
  "access",
  "aggregation",
  "transport",
  "backbone",
  "edge",
  "management",
  "datacenter",
  "cloud",
  "landing-station",
  "cable",
  "ixp",
  "endpoint",
  "service",
  "other",
] as const;
export type Role = (typeof roles)[number];

export const states = ["in-service", "planned", "out-of-service"] as const;
export type State = (typeof states)[number];

export const media = [
  "fiber",
  "microwave",
  "satellite",
  "submarine",
  "copper",
  "radio",
  "virtual",
  "optical",
  "circuit",
  "other",
] as const;
export type Medium = (typeof media)[number];

export { selectorKeys, type Selector, type SelectorKey, type SelectorObject } from "../data/selector.js";

/** A file that went into the topology, with its digest for the report. */
export interface InputFile {
  file: string;
  sha256: string;
}

export interface Component {
  /** Vendor as written. */
  vendor: string;
  part?: string;
  model?: string;
  location: SourceLocation;
}

export interface Element {
  id: string;
  name?: string;
  description?: string;
  role: Role;
  /** Vendor as written (any alias or legal name); resolved against the registry by the policy layer. */
  vendor?: string;
  model?: string;
  /** Operator id, or several (a shared RAN site): a list only when more than one is written (SPEC §4). */
  operator?: string | readonly string[];
  site?: string;
  components: readonly Component[];
  /** ISO dates (YYYY-MM-DD), already checked to be real calendar dates. */
  installed?: string;
  decommission?: string;
  replacementCost?: number;
  /** Weight for share rules (`cap` with `measure: weight`). */
  weight?: number;
  passive: boolean;
  risk?: "high";
  state: State;
  tags: readonly string[];
  /** Ids of the items this element depends on (servers, cloud, a shared duct), as written (SPEC §4.1). */
  underlay?: readonly string[];
  location: SourceLocation;
}

export interface Link {
  /** Explicit `id`, else `a--b` as written, with `#2`, `#3`… for later parallels (SPEC §7). */
  id: string;
  a: string;
  b: string;
  /** Indices of the two ends in `Topology.elements` (resolved once, here, for every later stage). */
  ai: number;
  bi: number;
  /** Positive integer, default 1. */
  metric: number;
  direction: "both" | "forward";
  medium?: Medium;
  vendor?: string;
  model?: string;
  /** Operator id, or several (a consortium cable): a list only when more than one is written (SPEC §4). */
  operator?: string | readonly string[];
  /** Name of the cable system (submarine or terrestrial) the link rides. */
  cable?: string;
  name?: string;
  description?: string;
  components: readonly Component[];
  installed?: string;
  decommission?: string;
  replacementCost?: number;
  passive: boolean;
  risk?: "high";
  state: State;
  tags: readonly string[];
  /** Ids of the items this link depends on (optical channel, circuit, duct), as written (SPEC §4.1). */
  underlay?: readonly string[];
  location: SourceLocation;
}

/**
 * Closures of every item (SPEC §4.1) in one item space: elements 0..E-1, then links E..E+L-1
 * (E = elements.length). Computed once per topology, linear in the closures' total size.
 */
export interface UnderlayIndex {
  /** Closure of item i: `items[start[i] .. start[i+1]-1]`, without i itself, depth first in written order. */
  readonly start: Int32Array;
  readonly items: Int32Array;
  /**
   * 1 when the item is up: in service, and so is everything it rests on (its closure, and for a
   * link its two ends with what they rest on). Only up items enter the path graph.
   */
  readonly up: Uint8Array;
}

export interface Site {
  id: string;
  name?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  region?: string;
  lat?: number;
  lon?: number;
  tags: readonly string[];
  location: SourceLocation;
}

export interface Operator {
  id: string;
  name?: string;
  country?: string;
  tags: readonly string[];
  location: SourceLocation;
}

export type { VendorDeclaration } from "../vendors/registry.js";

export interface Flow {
  id: string;
  description?: string;
  from: Selector;
  to: Selector;
  /** Verdict threshold for this flow; the command line's `--fail-on` when absent. */
  failOn?: string;
  failures?: number;
  /** How much fixing the flow counts for a plan within a budget (positive; 1 when absent). */
  weight?: number;
  location: SourceLocation;
}

/** The normalised network: every reference checked, every item located. */
export interface Topology {
  name?: string;
  inputs: InputFile[];
  /** In file order (files in argument order, includes depth first). */
  elements: Element[];
  links: Link[];
  sites: Map<string, Site>;
  operators: Map<string, Operator>;
  vendors: Map<string, VendorDeclaration>;
  flows: Flow[];
  elementIndex: ReadonlyMap<string, number>;
  /** Built on first use: most runs never look a link up by id. */
  readonly linkIndex: ReadonlyMap<string, number>;
  /** Present only when some item lists an `underlay` (SPEC §4.1). */
  readonly underlay?: UnderlayIndex;
}
