import type { Reason } from "../../result.js";
import type { Element, Link, Topology } from "../../topology/types.js";
import { type Designation, HIGH, UNKNOWN } from "../designation.js";
import { itemAt } from "../../topology/underlay.js";

/**
 * Why an element counts as high-risk (or unknown) for rules although it is not itself: the
 * items of its closure that are (SPEC §4.1, "Rules judge an element as high-risk when it or any
 * item of its closure is").
 */
export interface Lift {
  /** The level it counts at: HIGH, or UNKNOWN when only items of unknown vendor lie beneath it. */
  level: number;
  /** Item indices (elements 0..E-1, links E..E+L-1) of the closure items at that level, in closure order. */
  items: readonly number[];
  /** One `underlay` reason per item, naming it. */
  reasons: readonly Reason[];
}

/** How the items beneath an element stand on the as-of day. */
export const BELOW_UP = 0;
/** Something beneath is planned, not yet in service: the element is not in service either, but stands (deadlines see it). */
export const BELOW_PLANNED = 1;
/** Something beneath is out of service or decommissioned: so is the element, for every rule. */
export const BELOW_DOWN = 2;

/** The lifted view of the elements' levels that rules read; the designation itself is left as it is. */
export interface UnderlayView {
  /** Per element: its own level, or its lift's level when that is worse. */
  levels: Uint8Array;
  lifts: ReadonlyMap<number, Lift>;
  /** Per element: BELOW_UP, BELOW_PLANNED or BELOW_DOWN. */
  below: Uint8Array;
  /** Per element: the topology's `up` (in service with its closure and link ends), 1 for all without an underlay index. */
  up: Uint8Array | undefined;
}

export { itemAt };

/** The designation's reasons of item index `x`. */
export function itemReasons(topology: Topology, d: Designation, x: number): readonly Reason[] {
  const E = topology.elements.length;
  return x < E ? d.reasons("element", x) : d.reasons("link", x - E);
}

/** "vendor huawei — FCC Covered List", or "vendor `acme` not in the registry", for the reason's source. */
function ownReason(r: Reason | undefined): string {
  if (!r) return "high-risk";
  if (r.kind === "unknown-vendor") return r.value === "(no vendor)" ? "no vendor given" : `vendor \`${r.value}\` not in the registry`;
  return `${r.kind} ${r.value}${r.via ? ` (${r.via})` : ""} — ${r.source}`;
}

/**
 * Lifts element levels over the underlay once per run, linear in the closures: an element whose
 * closure holds a HIGH item is HIGH for rules; one that is clean itself and has items of unknown
 * vendor (and nothing HIGH) beneath it is UNKNOWN, and then counts as rules count unknown
 * elements (risky or clean by the unknown-vendor mode). Passive closure items are clean in the
 * designation unless passive items are designated too, so a duct never lifts anything. Elements
 * that are high-risk themselves keep their own reasons. Undefined without an underlay.
 */
export function liftOverUnderlay(topology: Topology, d: Designation, asOf: string): UnderlayView | undefined {
  const u = topology.underlay;
  if (!u) return undefined;
  const E = topology.elements.length;
  const own = d.elements;
  const links = d.links;
  const levels = Uint8Array.from(own);
  const below = new Uint8Array(E);
  const lifts = new Map<number, Lift>();
  const levelOf = (x: number): number => (x < E ? own[x]! : links[x - E]!);
  for (let i = 0; i < E; i++) {
    const from = u.start[i]!;
    const to = u.start[i + 1]!;
    if (from === to) continue;
    let worst = 0;
    let b = BELOW_UP;
    for (let k = from; k < to; k++) {
      const x = u.items[k]!;
      const lvl = levelOf(x);
      if (lvl === HIGH) worst = HIGH;
      else if (lvl === UNKNOWN && worst !== HIGH) worst = UNKNOWN;
      const item = itemAt(topology, x);
      if (item.state === "out-of-service" || (item.decommission !== undefined && item.decommission <= asOf)) b = BELOW_DOWN;
      else if (item.state === "planned" && b === BELOW_UP) b = BELOW_PLANNED;
    }
    below[i] = b;
    const mine = own[i]!;
    if (worst === 0 || mine === HIGH || (worst === UNKNOWN && mine === UNKNOWN)) continue;
    const items: number[] = [];
    const reasons: Reason[] = [];
    const id = topology.elements[i]!.id;
    for (let k = from; k < to; k++) {
      const x = u.items[k]!;
      if (levelOf(x) !== worst) continue;
      items.push(x);
      const first = itemReasons(topology, d, x)[0];
      const r: Reason = { kind: "underlay", value: itemAt(topology, x).id, source: `${id} rests on ${itemAt(topology, x).id} (${ownReason(first)})` };
      if (first?.list) r.list = first.list;
      if (first?.date) r.date = first.date;
      if (first?.confidence) r.confidence = first.confidence;
      reasons.push(r);
    }
    levels[i] = worst;
    lifts.set(i, { level: worst, items, reasons });
  }
  return { levels, lifts, below, up: u.up.subarray(0, E) };
}
