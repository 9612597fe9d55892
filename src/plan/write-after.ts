import { stringify } from "yaml";
import type { Component, Element, Flow, Link, Topology } from "../topology/types.js";

/**
 * The topology with a plan applied, as one YAML document (`--write-after`): every element,
 * link, site, operator, vendor and flow of the inputs (includes merged), each replaced item with
 * the new vendor and `meta.replaced: { vendor, plan }` (what stood there, and the plan phase).
 * Links keep their order, so derived ids (`a--b`, `a--b#2`) stay the same.
 */
export function topologyAfterYaml(original: Topology, after: Topology, replaced: ReadonlyMap<string, string>): string {
  const doc: Record<string, unknown> = { cleanpath: 1 };
  if (after.name !== undefined) doc.name = after.name;
  if (after.vendors.size > 0) doc.vendors = Object.fromEntries([...after.vendors].map(([id, v]) => [id, strip(v as unknown as Record<string, unknown>)]));
  if (after.operators.size > 0) doc.operators = Object.fromEntries([...after.operators].map(([id, o]) => [id, clean({ name: o.name, country: o.country, tags: o.tags.length ? [...o.tags] : undefined })]));
  if (after.sites.size > 0) {
    doc.sites = Object.fromEntries(
      [...after.sites].map(([id, s]) => [id, clean({ name: s.name, country: s.country, region: s.region, lat: s.lat, lon: s.lon, tags: s.tags.length ? [...s.tags] : undefined })]),
    );
  }
  doc.elements = after.elements.map((el, i) => withMeta(elementDoc(el), replaced.get(el.id), original.elements[i]!));
  doc.links = after.links.map((l, i) => withMeta(linkDoc(l), replaced.get(l.id), original.links[i]!));
  if (after.flows.length > 0) doc.flows = after.flows.map(flowDoc);
  return stringify(doc, { lineWidth: 0 });
}

function withMeta(d: Record<string, unknown>, phase: string | undefined, before: Element | Link): Record<string, unknown> {
  if (phase === undefined) return d;
  return { ...d, meta: { replaced: clean({ vendor: before.vendor ?? "(none)", plan: phase }) } };
}

function clean(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

function strip(v: Record<string, unknown>): Record<string, unknown> {
  const { location: _l, id: _id, ...rest } = v;
  return clean(rest);
}

function components(c: readonly Component[]): Record<string, unknown>[] | undefined {
  return c.length ? c.map((x) => clean({ vendor: x.vendor, part: x.part, model: x.model })) : undefined;
}

function common(x: Element | Link): Record<string, unknown> {
  return {
    vendor: x.vendor,
    model: x.model,
    operator: typeof x.operator === "string" || x.operator === undefined ? x.operator : [...x.operator],
    name: x.name,
    description: x.description,
    components: components(x.components),
    installed: x.installed,
    decommission: x.decommission,
    replacementCost: x.replacementCost,
    passive: x.passive ? true : undefined,
    risk: x.risk,
    state: x.state === "in-service" ? undefined : x.state,
    tags: x.tags.length ? [...x.tags] : undefined,
    underlay: x.underlay ? [...x.underlay] : undefined,
  };
}

function elementDoc(el: Element): Record<string, unknown> {
  return clean({ id: el.id, role: el.role, site: el.site, weight: el.weight, ...common(el) });
}

function linkDoc(l: Link): Record<string, unknown> {
  const derived = l.id === `${l.a}--${l.b}` || l.id.startsWith(`${l.a}--${l.b}#`);
  return clean({
    id: derived ? undefined : l.id,
    a: l.a,
    b: l.b,
    metric: l.metric === 1 ? undefined : l.metric,
    direction: l.direction === "both" ? undefined : l.direction,
    medium: l.medium,
    cable: l.cable,
    ...common(l),
  });
}

function flowDoc(f: Flow): Record<string, unknown> {
  return clean({ id: f.id, description: f.description, from: f.from, to: f.to, failOn: f.failOn, failures: f.failures, weight: f.weight });
}
