import { type Diagnostic, errorAt, InputError, type SourceLocation, warningAt } from "../diagnostics.js";
import type { LoadedFile } from "../load/index.js";
import { closest } from "../suggest.js";
import type {
  Component,
  Element,
  Flow,
  Link,
  Medium,
  Operator,
  Role,
  Selector,
  Site,
  State,
  Topology,
  VendorDeclaration,
} from "./types.js";

export interface NormaliseOptions {
  /** Most errors reported before giving up (default 200). */
  maxErrors?: number;
}

export interface NormaliseResult {
  topology: Topology;
  warnings: Diagnostic[];
}

type Raw = Record<string, unknown>;
const EMPTY: readonly never[] = Object.freeze([]);

/** Where an item was written; resolved only when someone asks (most items are never shown). */
class ItemSource {
  constructor(
    readonly file: LoadedFile,
    readonly section: string,
  ) {}
  at(index: number): SourceLocation {
    return this.file.locate([this.section, index]);
  }
}

class ElementRecord implements Element {
  id: string;
  name?: string;
  description?: string;
  role: Role;
  vendor?: string;
  model?: string;
  operator?: string;
  site?: string;
  components: readonly Component[];
  installed?: string;
  decommission?: string;
  replacementCost?: number;
  weight?: number;
  passive: boolean;
  risk?: "high";
  state: State;
  tags: readonly string[];
  readonly #src: ItemSource;
  readonly #index: number;

  constructor(raw: Raw, src: ItemSource, index: number) {
    this.id = raw.id as string;
    this.name = raw.name as string | undefined;
    this.description = raw.description as string | undefined;
    this.role = raw.role as Role;
    this.vendor = raw.vendor as string | undefined;
    this.model = raw.model as string | undefined;
    this.operator = raw.operator as string | undefined;
    this.site = raw.site as string | undefined;
    this.components = EMPTY;
    this.installed = raw.installed as string | undefined;
    this.decommission = raw.decommission as string | undefined;
    this.replacementCost = raw.replacementCost as number | undefined;
    this.weight = raw.weight as number | undefined;
    this.passive = raw.passive === true;
    this.risk = raw.risk as "high" | undefined;
    this.state = (raw.state as State | undefined) ?? "in-service";
    this.tags = (raw.tags as string[] | undefined) ?? EMPTY;
    this.#src = src;
    this.#index = index;
  }

  get location(): SourceLocation {
    return this.#src.at(this.#index);
  }

  /** Where one of this item's fields is written (for error messages). */
  fieldLocation(field: string | number): SourceLocation {
    return this.#src.file.locate([this.#src.section, this.#index, field]);
  }
}

class LinkRecord implements Link {
  id: string;
  a: string;
  b: string;
  metric: number;
  direction: "both" | "forward";
  medium?: Medium;
  vendor?: string;
  model?: string;
  operator?: string;
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
  readonly #src: ItemSource;
  readonly #index: number;

  constructor(id: string, a: string, b: string, metric: number, raw: Raw | null, src: ItemSource, index: number) {
    this.id = id;
    this.a = a;
    this.b = b;
    this.metric = metric;
    this.direction = raw?.direction === "forward" ? "forward" : "both";
    this.medium = raw?.medium as Medium | undefined;
    this.vendor = raw?.vendor as string | undefined;
    this.model = raw?.model as string | undefined;
    this.operator = raw?.operator as string | undefined;
    this.cable = raw?.cable as string | undefined;
    this.name = raw?.name as string | undefined;
    this.description = raw?.description as string | undefined;
    this.components = EMPTY;
    this.installed = raw?.installed as string | undefined;
    this.decommission = raw?.decommission as string | undefined;
    this.replacementCost = raw?.replacementCost as number | undefined;
    this.passive = raw?.passive === true;
    this.risk = raw?.risk as "high" | undefined;
    this.state = (raw?.state as State | undefined) ?? "in-service";
    this.tags = (raw?.tags as string[] | undefined) ?? EMPTY;
    this.#src = src;
    this.#index = index;
  }

  get location(): SourceLocation {
    return this.#src.at(this.#index);
  }

  /** Where one of this item's fields is written (for error messages). */
  fieldLocation(field: string | number): SourceLocation {
    return this.#src.file.locate([this.#src.section, this.#index, field]);
  }
}

/** Where a field of a normalised item is written; the item's own location when unknown. */
export function fieldLocation(item: Element | Link, field: string | number): SourceLocation {
  return item instanceof ElementRecord || item instanceof LinkRecord ? item.fieldLocation(field) : item.location;
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : daysInMonth[mo - 1]!);
}

/**
 * Builds one Topology from schema-valid files: ids unique across elements and links, link ids
 * as SPEC §7 says, every reference checked. All errors are collected and thrown together.
 */
export function normalise(files: readonly LoadedFile[], options: NormaliseOptions = {}): NormaliseResult {
  const maxErrors = options.maxErrors ?? 200;
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const err = (d: Diagnostic): void => {
    if (errors.length < maxErrors) errors.push(d);
  };

  const sites = new Map<string, Site>();
  const operators = new Map<string, Operator>();
  const vendors = new Map<string, VendorDeclaration>();
  const elements: Element[] = [];
  const links: Link[] = [];
  const flows: Flow[] = [];
  const elementIndex = new Map<string, number>();
  const linkIndex = new Map<string, number>();
  let name: string | undefined;

  // Pass 1: declarations and elements (links and flows refer to them).
  for (const f of files) {
    const v = f.value;
    if (name === undefined && typeof v.name === "string") name = v.name;
    declare(f, "sites", v.sites, sites, (id, raw, loc) => ({
      id,
      name: raw.name as string | undefined,
      country: typeof raw.country === "string" ? raw.country.toUpperCase() : undefined,
      region: raw.region as string | undefined,
      lat: raw.lat as number | undefined,
      lon: raw.lon as number | undefined,
      tags: (raw.tags as string[] | undefined) ?? EMPTY,
      location: loc,
    }), err);
    declare(f, "operators", v.operators, operators, (id, raw, loc) => ({
      id,
      name: raw.name as string | undefined,
      country: typeof raw.country === "string" ? raw.country.toUpperCase() : undefined,
      tags: (raw.tags as string[] | undefined) ?? EMPTY,
      location: loc,
    }), err);
    declare(f, "vendors", v.vendors, vendors, (id, raw, loc) => ({
      id,
      name: raw.name as string | undefined,
      country: typeof raw.country === "string" ? raw.country.toUpperCase() : undefined,
      aliases: (raw.aliases as string[] | undefined) ?? EMPTY,
      location: loc,
    }), err);
    const list = v.elements as Raw[] | undefined;
    if (!list) continue;
    const src = new ItemSource(f, "elements");
    for (let i = 0; i < list.length; i++) {
      const raw = list[i]!;
      const el = new ElementRecord(raw, src, i);
      const prev = elementIndex.get(el.id);
      if (prev !== undefined) {
        err({ ...errorAt("E_DUPLICATE_ID", `element id \`${el.id}\` is already used`, el.location), related: [elements[prev]!.location] });
        continue;
      }
      if (raw.components) el.components = (raw.components as Raw[]).map((c) => component(c, el));
      elementIndex.set(el.id, elements.length);
      elements.push(el);
    }
  }

  // Pass 2: links, references, dates, flows.
  const parallel = new Map<string, number>();
  for (const f of files) {
    const list = f.value.links as (Raw | unknown[])[] | undefined;
    if (!list) continue;
    const src = new ItemSource(f, "links");
    for (let i = 0; i < list.length; i++) {
      const raw = list[i]!;
      let a: string;
      let b: string;
      let metric: number;
      let explicit: string | undefined;
      let obj: Raw | null = null;
      if (Array.isArray(raw)) {
        a = raw[0] as string;
        b = raw[1] as string;
        metric = (raw[2] as number | undefined) ?? 1;
      } else {
        obj = raw;
        a = raw.a as string;
        b = raw.b as string;
        metric = (raw.metric as number | undefined) ?? 1;
        explicit = raw.id as string | undefined;
      }
      let id: string;
      if (explicit !== undefined) id = explicit;
      else {
        const pairKey = `${a}\u0000${b}`;
        const k = (parallel.get(pairKey) ?? 0) + 1;
        parallel.set(pairKey, k);
        id = k === 1 ? `${a}--${b}` : `${a}--${b}#${k}`;
      }
      const link = new LinkRecord(id, a, b, metric, obj, src, i);
      if (a === b) err(errorAt("E_SELF_LOOP", `link \`${id}\` joins \`${a}\` to itself`, link.location));
      for (const [end, seg] of [[a, obj ? "a" : 0], [b, obj ? "b" : 1]] as const) {
        if (!elementIndex.has(end)) {
          err(errorAt("E_UNKNOWN_ELEMENT", `link end \`${end}\` is not an element${hint(end, elementIndex.keys())}`, link.fieldLocation(seg)));
        }
      }
      const clash = linkIndex.get(id);
      if (clash !== undefined || elementIndex.has(id)) {
        const other = clash !== undefined ? links[clash]!.location : elements[elementIndex.get(id)!]!.location;
        err({ ...errorAt("E_DUPLICATE_ID", `link id \`${id}\` is already used`, link.location), related: [other] });
        continue;
      }
      if (obj?.components) link.components = (obj.components as Raw[]).map((c) => component(c, link));
      linkIndex.set(id, links.length);
      links.push(link);
    }
  }

  const check = (item: ElementRecord | LinkRecord): void => {
    const site = item instanceof ElementRecord ? item.site : undefined;
    if (site !== undefined && !sites.has(site)) {
      err(errorAt("E_UNKNOWN_SITE", `site \`${site}\` is not declared under \`sites\`${hint(site, sites.keys())}`, item.fieldLocation("site")));
    }
    if (item.operator !== undefined && !operators.has(item.operator)) {
      const where = item.fieldLocation("operator");
      err(errorAt("E_UNKNOWN_OPERATOR", `operator \`${item.operator}\` is not declared under \`operators\`${hint(item.operator, operators.keys())}`, where));
    }
    for (const field of ["installed", "decommission"] as const) {
      const d = item[field];
      if (d !== undefined && !isCalendarDate(d)) err(errorAt("E_DATE", `\`${field}\` ${d} is not a calendar date`, item.fieldLocation(field)));
    }
    if (item.installed && item.decommission && item.decommission < item.installed) {
      warnings.push(warningAt("W_DATES", `\`${item.id}\` is decommissioned (${item.decommission}) before it is installed (${item.installed})`, item.location));
    }
  };
  for (const el of elements) check(el as ElementRecord);
  for (const link of links) check(link as LinkRecord);

  const flowIds = new Map<string, Flow>();
  for (const f of files) {
    const list = f.value.flows as Raw[] | undefined;
    if (!list) continue;
    list.forEach((raw, i) => {
      const flow: Flow = {
        id: raw.id as string,
        from: raw.from as Selector,
        to: raw.to as Selector,
        location: f.locate(["flows", i]),
      };
      if (raw.description !== undefined) flow.description = raw.description as string;
      if (raw.failOn !== undefined) flow.failOn = raw.failOn as string;
      if (raw.failures !== undefined) flow.failures = raw.failures as number;
      const dup = flowIds.get(flow.id);
      if (dup) err({ ...errorAt("E_DUPLICATE_ID", `flow id \`${flow.id}\` is already used`, flow.location), related: [dup.location] });
      for (const side of ["from", "to"] as const) {
        const sel = flow[side];
        const ids = typeof sel === "string" ? [sel] : sel.id === undefined ? [] : typeof sel.id === "string" ? [sel.id] : sel.id;
        for (const id of ids) {
          if (!elementIndex.has(id)) {
            err(errorAt("E_UNKNOWN_ELEMENT", `flow \`${flow.id}\`: \`${side}\` names \`${id}\`, which is not an element${hint(id, elementIndex.keys())}`, f.locate(["flows", i, side])));
          }
        }
      }
      flowIds.set(flow.id, flow);
      flows.push(flow);
    });
  }

  if (errors.length > 0) throw new InputError(errors);

  const topology: Topology = {
    inputs: files.map((f) => ({ file: f.file, sha256: f.sha256 ?? "" })),
    elements,
    links,
    sites,
    operators,
    vendors,
    flows,
    elementIndex,
    linkIndex,
  };
  if (name !== undefined) topology.name = name;
  return { topology, warnings };
}

function component(raw: Raw, owner: { location: SourceLocation }): Component {
  const c: Component = {
    vendor: raw.vendor as string,
    get location() {
      return owner.location;
    },
  };
  if (raw.part !== undefined) c.part = raw.part as string;
  if (raw.model !== undefined) c.model = raw.model as string;
  return c;
}

function hint(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? "" : ` — did you mean \`${c}\`?`;
}

/** Reads a user-named map section, refusing an id declared twice across files. */
function declare<T extends { location: SourceLocation }>(
  f: LoadedFile,
  section: string,
  raw: unknown,
  into: Map<string, T>,
  make: (id: string, raw: Raw, loc: SourceLocation) => T,
  err: (d: Diagnostic) => void,
): void {
  if (!raw || typeof raw !== "object") return;
  for (const [id, value] of Object.entries(raw as Raw)) {
    const loc = f.locate([section, id], true);
    const prev = into.get(id);
    if (prev) {
      err({ ...errorAt("E_DUPLICATE_ID", `${section.replace(/s$/, "")} \`${id}\` is declared twice`, loc), related: [prev.location] });
      continue;
    }
    into.set(id, make(id, (value ?? {}) as Raw, loc));
  }
}
