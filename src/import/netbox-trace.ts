// Cable tracing over a NetBox inventory, the way NetBox traces cable paths: from an interface
// across its cable; through patch panels (front port → rear port, and back out through the
// front port at the same position on the far panel); through circuits (one termination to the
// other). A trace ends at another interface, or at a circuit end that no device is cabled to
// (the provider's network). Iterative, with a step cap against malformed loops.
import type { NbModel, TermRef } from "./netbox-model.js";
import { PkMap } from "./pk-map.js";

export type TraceEnd =
  | { kind: "interface"; pk: number; device: number }
  | { kind: "provider"; circuit: number; providerNetwork?: number }
  | { kind: "open"; why: string };

export interface Trace {
  end: TraceEnd;
  cables: number[];
  circuits: number[];
}

export interface CableIndex {
  /** Per termination type, the cable each termination is on: +pk on the A end, −pk on the B end. */
  byTerm: Map<string, PkMap<number>>;
  /** Front port at (rear port, position). */
  frontAt: Map<string, number>;
  /** Front ports of each rear port (for single-position rear ports reached without a position). */
  frontsOfRear: Map<number, number[]>;
  /** Terminations of each circuit. */
  termsOfCircuit: Map<number, number[]>;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Indexes cables by termination and patch-panel ports by rear port and position. */
export function indexCables(m: NbModel): CableIndex {
  const byTerm: CableIndex["byTerm"] = new Map();
  const add = (t: TermRef, signed: number): void => {
    let inner = byTerm.get(t.type);
    if (!inner) byTerm.set(t.type, (inner = new PkMap()));
    inner.set(t.pk, signed);
  };
  m.cables.forEach((c, cable) => {
    for (const t of c.a) add(t, cable);
    for (const t of c.b) add(t, -cable);
  });
  const frontAt = new Map<string, number>();
  const frontsOfRear = new Map<number, number[]>();
  for (const [front, f] of m.frontPorts) {
    if (f.rear === undefined) continue;
    frontAt.set(`${f.rear}:${f.position}`, front);
    push(frontsOfRear, f.rear, front);
  }
  const termsOfCircuit = new Map<number, number[]>();
  for (const [id, t] of m.circuitTerms) if (t.circuit !== undefined) push(termsOfCircuit, t.circuit, id);
  return { byTerm, frontAt, frontsOfRear, termsOfCircuit };
}

interface State {
  /** The termination we stand on; we leave it through its cable. */
  at: TermRef;
  positions: number[];
  cables: number[];
  circuits: number[];
}

const maxSteps = 256;
const noCircuits: number[] = [];

/** The other termination of a circuit, from the circuit's own fields or by side. */
function otherTermination(m: NbModel, index: CableIndex, termPk: number): number | undefined {
  const t = m.circuitTerms.get(termPk);
  if (t?.circuit === undefined) return undefined;
  const c = m.circuits.get(t.circuit);
  if (c) {
    if (c.termA === termPk && c.termZ !== undefined) return c.termZ;
    if (c.termZ === termPk && c.termA !== undefined) return c.termA;
  }
  return index.termsOfCircuit.get(t.circuit)?.find((id) => id !== termPk && m.circuitTerms.get(id)?.side !== t.side);
}

/** Every place the cable from interface `ifPk` leads to. */
export function traceInterface(m: NbModel, index: CableIndex, ifPk: number): Trace[] {
  // Fast path, by far the most common: interface — cable — interface.
  const signed = index.byTerm.get("dcim.interface")?.get(ifPk);
  if (signed === undefined) return [];
  const cable = m.cables.get(Math.abs(signed))!;
  const far = signed > 0 ? cable.b : cable.a;
  if (far.length === 1 && far[0]!.type === "dcim.interface") {
    const device = m.interfaceDevice.get(far[0]!.pk);
    if (device !== undefined) return [{ end: { kind: "interface", pk: far[0]!.pk, device }, cables: [Math.abs(signed)], circuits: noCircuits }];
  }
  return traceSlow(m, index, ifPk);
}

function traceSlow(m: NbModel, index: CableIndex, ifPk: number): Trace[] {
  const out: Trace[] = [];
  const stack: State[] = [{ at: { type: "dcim.interface", pk: ifPk }, positions: [], cables: [], circuits: [] }];
  const seen = new Set<string>();
  let steps = 0;
  while (stack.length > 0) {
    const st = stack.pop()!;
    const stateKey = `${st.at.type}:${st.at.pk}|${st.positions.join(",")}`;
    if (seen.has(stateKey) || ++steps > maxSteps) {
      out.push({ end: { kind: "open", why: "the cable path loops back on itself" }, cables: st.cables, circuits: st.circuits });
      continue;
    }
    seen.add(stateKey);
    const signed = index.byTerm.get(st.at.type)?.get(st.at.pk);
    if (signed === undefined) {
      // Standing on a circuit termination with no cable: the circuit's far end is the provider's.
      if (st.at.type === "circuits.circuittermination") {
        const t = m.circuitTerms.get(st.at.pk);
        out.push({ end: { kind: "provider", circuit: t?.circuit ?? -1, ...(t?.providerNetwork !== undefined ? { providerNetwork: t.providerNetwork } : {}) }, cables: st.cables, circuits: st.circuits });
      } else if (st.cables.length > 0) {
        out.push({ end: { kind: "open", why: `${st.at.type.replace(/^\w+\./, "")} ${st.at.pk} has no cable` }, cables: st.cables, circuits: st.circuits });
      }
      continue;
    }
    const cablePk = Math.abs(signed);
    const cable = m.cables.get(cablePk)!;
    const far = signed > 0 ? cable.b : cable.a;
    const cables = [...st.cables, cablePk];
    if (far.length === 0) out.push({ end: { kind: "open", why: `cable ${cablePk} has no far end` }, cables, circuits: st.circuits });
    for (const f of far) step(m, index, f, { ...st, cables }, stack, out);
  }
  return out;
}

/** Arriving at termination `f` over a cable: stop at an interface, or keep walking. */
function step(m: NbModel, index: CableIndex, f: TermRef, st: State, stack: State[], out: Trace[]): void {
  const done = (end: TraceEnd): void => void out.push({ end, cables: st.cables, circuits: st.circuits });
  switch (f.type) {
    case "dcim.interface": {
      const device = m.interfaceDevice.get(f.pk);
      if (device === undefined) done({ kind: "open", why: `interface ${f.pk} belongs to no device in the export` });
      else done({ kind: "interface", pk: f.pk, device });
      return;
    }
    case "dcim.frontport": {
      const fp = m.frontPorts.get(f.pk);
      if (fp?.rear === undefined) done({ kind: "open", why: `front port ${f.pk}: its rear port is not in the export (add the front-ports list)` });
      else stack.push({ ...st, at: { type: "dcim.rearport", pk: fp.rear }, positions: [...st.positions, fp.position] });
      return;
    }
    case "dcim.rearport": {
      const positions = [...st.positions];
      const position = positions.pop();
      let front: number | undefined;
      if (position !== undefined) front = index.frontAt.get(`${f.pk}:${position}`);
      else {
        const fronts = index.frontsOfRear.get(f.pk) ?? [];
        if (fronts.length === 1) front = fronts[0];
        else if (fronts.length > 1) {
          done({ kind: "open", why: `rear port ${f.pk} has ${fronts.length} positions and the path does not say which` });
          return;
        }
      }
      if (front === undefined) done({ kind: "open", why: `rear port ${f.pk}: no front port at position ${position ?? 1}` });
      else stack.push({ ...st, at: { type: "dcim.frontport", pk: front }, positions });
      return;
    }
    case "circuits.circuittermination": {
      const t = m.circuitTerms.get(f.pk);
      const circuits = t?.circuit !== undefined ? [...st.circuits, t.circuit] : st.circuits;
      const other = otherTermination(m, index, f.pk);
      if (other === undefined) {
        out.push({ end: { kind: "provider", circuit: t?.circuit ?? -1 }, cables: st.cables, circuits });
      } else {
        const o = m.circuitTerms.get(other);
        if (o?.providerNetwork !== undefined && !index.byTerm.get("circuits.circuittermination")?.has(other)) {
          out.push({ end: { kind: "provider", circuit: t?.circuit ?? -1, providerNetwork: o.providerNetwork }, cables: st.cables, circuits });
        } else {
          stack.push({ ...st, at: { type: "circuits.circuittermination", pk: other }, circuits });
        }
      }
      return;
    }
    default:
      done({ kind: "open", why: `reaches a ${f.type.replace(/^\w+\./, "")}, not a data port` });
  }
}
