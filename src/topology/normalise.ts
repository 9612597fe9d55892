import { type Diagnostic, errorAt, InputError, type SourceLocation, warningAt } from "../diagnostics.js";
import type { LoadedFile } from "../load/index.js";
import { childPos, type DocPath } from "../load/positions.js";
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
  UnderlayIndex,
  VendorDeclaration,
} from "./types.js";
import { roles, states } from "./types.js";
import { IdIndex } from "./id-index.js";
import { attachLinkColumns, type LinkColumns, type LinkFields, stateIndex } from "./link-table.js";
import { computeUnderlay } from "./underlay.js";
import { float64Array, int32Array, uint8Array } from "../arena.js";

export interface NormaliseOptions {
  /** Most errors reported before giving up (default 200). */
  maxErrors?: number;
}

export interface NormaliseResult {
  topology: Topology;
  warnings: Diagnostic[];
}

type Raw = Record<string, unknown>;

/** A location to find later: deep positions cost a pass over the file, so they are batched. */
export interface LocRef {
  file: LoadedFile;
  path: DocPath;
}

/** A diagnostic whose location may still be a reference. */
interface Pending {
  d: Diagnostic;
  ref?: LocRef;
}

/** Resolves every reference with one extra pass per file, then returns the diagnostics. */
export function resolvePending(pending: readonly Pending[]): Diagnostic[] {
  const byFile = new Map<LoadedFile, Pending[]>();
  for (const p of pending) {
    if (!p.ref) continue;
    const list = byFile.get(p.ref.file) ?? [];
    list.push(p);
    byFile.set(p.ref.file, list);
  }
  for (const [file, list] of byFile) {
    const locs = file.locateAll(list.map((p) => p.ref!.path));
    list.forEach((p, i) => (p.d.location = locs[i]!));
  }
  return pending.map((p) => p.d);
}
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

/** Where a normalised item was written, and where each of its fields is. */
abstract class SourcedRecord {
  /** The file section the item was written in, and its index there. */
  protected abstract source(): { src: ItemSource; index: number };

  get location(): SourceLocation {
    const { src, index } = this.source();
    return src.at(index);
  }

  /** Where one of this item's fields is written (for error messages). */
  fieldLocation(field: string | number, ...deeper: (string | number)[]): SourceLocation {
    const { src, index } = this.source();
    return src.file.locate([src.section, index, field, ...deeper]);
  }

  /** The same, resolved later together with others (one pass over the file for all of them). */
  fieldRef(field: string | number, ...deeper: (string | number)[]): LocRef {
    const { src, index } = this.source();
    return { file: src.file, path: [src.section, index, field, ...deeper] };
  }
}

/** Where one file's items sit in a table that holds every file's list end to end. */
interface Segment<T> {
  src: ItemSource;
  list: readonly T[];
  start: number;
}

/** The segment holding item i (by its position among all files' items). */
function segmentOf<T>(segs: readonly Segment<T>[], i: number): Segment<T> {
  if (segs.length === 1) return segs[0]!;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start <= i) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo]!;
}

const roleCode = new Map<string, number>(roles.map((r, k) => [r, k]));

/**
 * The elements of a normalised topology as columns: one array per field every stage reads, so
 * that a 10^6-element network holds a dozen large arrays (which the garbage collector does not
 * move) instead of a million records with a dozen fields each. Rare fields are read from the
 * parsed element. `written[k]` is the element's position among all files' elements.
 */
class NormalisedElements {
  length = 0;
  readonly id: string[];
  readonly role: Uint8Array;
  readonly state: Uint8Array;
  /** Bit 1: passive; bit 2: `risk: high`; bit 4: has components. */
  readonly flags: Uint8Array;
  readonly vendor: (string | undefined)[];
  readonly operator: (string | readonly string[] | undefined)[];
  readonly site: (string | undefined)[];
  readonly installed: (string | undefined)[];
  readonly decommission: (string | undefined)[];
  readonly tags: (readonly string[])[];
  readonly written: Int32Array;
  readonly segments: Segment<Raw>[] = [];
  /** Components of the elements that have some, built on first use. */
  readonly #components = new Map<number, readonly Component[]>();

  constructor(capacity: number) {
    this.id = new Array<string>(capacity);
    this.role = uint8Array(capacity);
    this.state = uint8Array(capacity);
    this.flags = uint8Array(capacity);
    this.vendor = new Array<string | undefined>(capacity);
    this.operator = new Array<string | readonly string[] | undefined>(capacity);
    this.site = new Array<string | undefined>(capacity);
    this.installed = new Array<string | undefined>(capacity);
    this.decommission = new Array<string | undefined>(capacity);
    this.tags = new Array<readonly string[]>(capacity);
    this.written = int32Array(capacity);
  }

  /** Appends a schema-valid element written at position `w` among all files' elements. */
  push(raw: Raw, w: number): number {
    const k = this.length++;
    this.id[k] = raw.id as string;
    this.role[k] = roleCode.get(raw.role as string) ?? 0;
    const state = raw.state as string | undefined;
    this.state[k] = state === undefined ? 0 : stateIndex(state);
    this.flags[k] = (raw.passive === true ? 1 : 0) | (raw.risk === "high" ? 2 : 0) | (raw.components === undefined ? 0 : 4);
    this.vendor[k] = raw.vendor as string | undefined;
    this.operator[k] = operatorOf(raw);
    this.site[k] = raw.site as string | undefined;
    this.installed[k] = raw.installed as string | undefined;
    this.decommission[k] = raw.decommission as string | undefined;
    this.tags[k] = (raw.tags as string[] | undefined) ?? EMPTY;
    this.written[k] = w;
    return k;
  }

  segment(k: number): Segment<Raw> {
    return segmentOf(this.segments, this.written[k]!);
  }

  raw(k: number): Raw {
    const s = this.segment(k);
    return s.list[this.written[k]! - s.start]!;
  }

  components(k: number, owner: ElementRecord): readonly Component[] {
    if ((this.flags[k]! & 4) === 0) return EMPTY;
    let c = this.#components.get(k);
    if (c === undefined) {
      const raw = this.raw(k).components as Raw[] | undefined;
      c = raw ? raw.map((x) => component(x, owner)) : EMPTY;
      this.#components.set(k, c);
    }
    return c;
  }
}

/** A normalised element: a view over the element columns (and the parsed element for rare fields). */
class ElementRecord extends SourcedRecord implements Element {
  readonly #t: NormalisedElements;
  readonly #k: number;

  constructor(t: NormalisedElements, k: number) {
    super();
    this.#t = t;
    this.#k = k;
  }

  protected source(): { src: ItemSource; index: number } {
    const s = this.#t.segment(this.#k);
    return { src: s.src, index: this.#t.written[this.#k]! - s.start };
  }

  get id(): string {
    return this.#t.id[this.#k]!;
  }
  get role(): Role {
    return roles[this.#t.role[this.#k]!]!;
  }
  get state(): State {
    return states[this.#t.state[this.#k]!]!;
  }
  get passive(): boolean {
    return (this.#t.flags[this.#k]! & 1) !== 0;
  }
  get risk(): "high" | undefined {
    return (this.#t.flags[this.#k]! & 2) !== 0 ? "high" : undefined;
  }
  get vendor(): string | undefined {
    return this.#t.vendor[this.#k];
  }
  get operator(): string | readonly string[] | undefined {
    return this.#t.operator[this.#k];
  }
  get site(): string | undefined {
    return this.#t.site[this.#k];
  }
  get installed(): string | undefined {
    return this.#t.installed[this.#k];
  }
  get decommission(): string | undefined {
    return this.#t.decommission[this.#k];
  }
  get tags(): readonly string[] {
    return this.#t.tags[this.#k]!;
  }
  get components(): readonly Component[] {
    return this.#t.components(this.#k, this);
  }
  get name(): string | undefined {
    return this.#t.raw(this.#k).name as string | undefined;
  }
  get description(): string | undefined {
    return this.#t.raw(this.#k).description as string | undefined;
  }
  get model(): string | undefined {
    return this.#t.raw(this.#k).model as string | undefined;
  }
  get replacementCost(): number | undefined {
    return this.#t.raw(this.#k).replacementCost as number | undefined;
  }
  get weight(): number | undefined {
    return this.#t.raw(this.#k).weight as number | undefined;
  }
  get underlay(): readonly string[] | undefined {
    return this.#t.raw(this.#k).underlay as string[] | undefined;
  }
}

type LinkSegment = Segment<Raw | unknown[]>;

const NO_FIELDS: LinkFields = Object.freeze({});

/**
 * The links of a normalised topology as columns (link-table.ts): ends, metric, state and
 * direction in typed arrays; every other field read from the parsed link when asked (an object,
 * or a compact `[a, b, metric]` array, which has none of them). No object per link is built
 * unless someone asks for `Topology.links` as a whole.
 */
class NormalisedLinks implements LinkColumns {
  length = 0;
  ai: Int32Array;
  bi: Int32Array;
  metric: Float64Array;
  state: Uint8Array;
  oneWay: Uint8Array;
  /** Parallel rank among links written with the same ends and no id (1 for the first). */
  rank: Int32Array;
  readonly segments: LinkSegment[] = [];
  #views: Link[] | undefined;
  #ids: (string | undefined)[] | undefined;

  constructor(capacity: number) {
    this.ai = int32Array(capacity);
    this.bi = int32Array(capacity);
    this.metric = float64Array(capacity);
    this.state = uint8Array(capacity);
    this.oneWay = uint8Array(capacity);
    this.rank = int32Array(capacity).fill(1);
  }

  segment(i: number): LinkSegment {
    return segmentOf(this.segments, i);
  }

  raw(i: number): Raw | unknown[] {
    const s = segmentOf(this.segments, i);
    return s.list[i - s.start]!;
  }

  fields(i: number): LinkFields {
    const r = this.raw(i);
    return Array.isArray(r) ? NO_FIELDS : (r as LinkFields);
  }

  endA(i: number): string {
    const r = this.raw(i);
    return (Array.isArray(r) ? r[0] : r.a) as string;
  }

  endB(i: number): string {
    const r = this.raw(i);
    return (Array.isArray(r) ? r[1] : r.b) as string;
  }

  /** The id written, else `a--b`, or `a--b#k` for the k-th parallel written with the same ends. */
  id(i: number): string {
    // Built ids are kept: a result names the links of its paths many times over.
    const ids = (this.#ids ??= new Array<string | undefined>(this.length));
    return (ids[i] ??= this.#makeId(i));
  }

  /** Forgets the ids built so far (ranks have changed). */
  ranksChanged(): void {
    this.#ids = undefined;
  }

  #makeId(i: number): string {
    const r = this.raw(i);
    if (Array.isArray(r)) {
      const rank = this.rank[i]!;
      return rank === 1 ? `${r[0] as string}--${r[1] as string}` : `${r[0] as string}--${r[1] as string}#${rank}`;
    }
    if (r.id !== undefined) return r.id as string;
    const rank = this.rank[i]!;
    return rank === 1 ? `${r.a as string}--${r.b as string}` : `${r.a as string}--${r.b as string}#${rank}`;
  }

  at(i: number): Link {
    return this.#views?.[i] ?? new LinkRecord(this, i);
  }

  /** Every link as an object (built once). */
  all(): Link[] {
    if (this.#views === undefined) {
      const views = new Array<Link>(this.length);
      for (let i = 0; i < this.length; i++) views[i] = new LinkRecord(this, i);
      this.#views = views;
    }
    return this.#views;
  }
}

/**
 * A normalised link: a view over the link columns and the parsed link. The id is built on first
 * use.
 */
class LinkRecord extends SourcedRecord implements Link {
  readonly #t: NormalisedLinks;
  readonly #i: number;
  #id: string | undefined;
  #components: readonly Component[] | undefined;

  constructor(t: NormalisedLinks, i: number) {
    super();
    this.#t = t;
    this.#i = i;
  }

  protected source(): { src: ItemSource; index: number } {
    const s = this.#t.segment(this.#i);
    return { src: s.src, index: this.#i - s.start };
  }

  get #raw(): Raw | null {
    const r = this.#t.raw(this.#i);
    return Array.isArray(r) ? null : r;
  }

  get id(): string {
    return (this.#id ??= this.#t.id(this.#i));
  }
  get a(): string {
    return this.#t.endA(this.#i);
  }
  get b(): string {
    return this.#t.endB(this.#i);
  }
  get ai(): number {
    return this.#t.ai[this.#i]!;
  }
  get bi(): number {
    return this.#t.bi[this.#i]!;
  }
  get metric(): number {
    return this.#t.metric[this.#i]!;
  }
  get state(): State {
    return states[this.#t.state[this.#i]!]!;
  }
  get direction(): "both" | "forward" {
    return this.#t.oneWay[this.#i] === 1 ? "forward" : "both";
  }
  get medium(): Medium | undefined {
    return this.#raw?.medium as Medium | undefined;
  }
  get vendor(): string | undefined {
    return this.#raw?.vendor as string | undefined;
  }
  get model(): string | undefined {
    return this.#raw?.model as string | undefined;
  }
  get operator(): string | readonly string[] | undefined {
    return this.#raw ? operatorOf(this.#raw) : undefined;
  }
  get cable(): string | undefined {
    return this.#raw?.cable as string | undefined;
  }
  get name(): string | undefined {
    return this.#raw?.name as string | undefined;
  }
  get description(): string | undefined {
    return this.#raw?.description as string | undefined;
  }
  get components(): readonly Component[] {
    if (this.#components === undefined) {
      const raw = this.#raw?.components as Raw[] | undefined;
      this.#components = raw ? raw.map((c) => component(c, this)) : EMPTY;
    }
    return this.#components;
  }
  get installed(): string | undefined {
    return this.#raw?.installed as string | undefined;
  }
  get decommission(): string | undefined {
    return this.#raw?.decommission as string | undefined;
  }
  get replacementCost(): number | undefined {
    return this.#raw?.replacementCost as number | undefined;
  }
  get passive(): boolean {
    return this.#raw?.passive === true;
  }
  get risk(): "high" | undefined {
    return this.#raw?.risk as "high" | undefined;
  }
  get tags(): readonly string[] {
    return (this.#raw?.tags as string[] | undefined) ?? EMPTY;
  }
  get underlay(): readonly string[] | undefined {
    return this.#raw?.underlay as string[] | undefined;
  }
}

/** `operator` as written: one id, or a list (SPEC §4); a list of one is that id. */
function operatorOf(raw: Raw): string | readonly string[] | undefined {
  const op = raw.operator as string | string[] | undefined;
  return Array.isArray(op) && op.length === 1 ? op[0] : op;
}

/** Where a field of a normalised item is written; the item's own location when unknown. */
export function fieldLocation(item: Element | Link, field: string | number, ...deeper: (string | number)[]): SourceLocation {
  return item instanceof SourcedRecord ? item.fieldLocation(field, ...deeper) : item.location;
}

/** A reference to a field of a normalised item, for `resolvePending`; undefined for other items. */
export function fieldRef(item: Element | Link, field: string | number, ...deeper: (string | number)[]): LocRef | undefined {
  return item instanceof SourcedRecord ? item.fieldRef(field, ...deeper) : undefined;
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : daysInMonth[mo - 1]!);
}

/** The decimal number written by `n` ASCII digits at `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Builds one Topology from schema-valid files: ids unique across elements and links, link ids
 * as SPEC §7 says, every reference checked. All errors are collected and thrown together.
 */
export function normalise(files: readonly LoadedFile[], options: NormaliseOptions = {}): NormaliseResult {
  const maxErrors = options.maxErrors ?? 200;
  const errors: Pending[] = [];
  const warnings: Diagnostic[] = [];
  const err = (d: Diagnostic, ref?: LocRef): void => {
    if (errors.length < maxErrors) errors.push(ref ? { d, ref } : { d });
  };

  const sites = new Map<string, Site>();
  const operators = new Map<string, Operator>();
  const vendors = new Map<string, VendorDeclaration>();
  const elements: Element[] = [];
  const flows: Flow[] = [];
  let elementCount = 0;
  for (const f of files) if (Array.isArray(f.value.elements)) elementCount += f.value.elements.length;
  const elementIndex = new IdIndex(elementCount);
  const columns = new NormalisedElements(elementCount);
  let writtenElements = 0;
  let name: string | undefined;
  // Noticed while reading, so that a topology without any underlay pays nothing more.
  let anyUnderlay = false;

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
    const base = writtenElements;
    columns.segments.push({ src, list, start: base });
    writtenElements += list.length;
    for (let i = 0; i < list.length; i++) {
      const raw = list[i]!;
      if (raw.underlay !== undefined) anyUnderlay = true;
      const id = raw.id as string;
      // One operation per element: its position is the next one, unless the id is taken.
      if (elementIndex.add(id) < 0) {
        const first = elementIndex.get(id)!;
        err({ ...errorAt("E_DUPLICATE_ID", `element id \`${id}\` is already used`, src.at(i)), related: [elements[first]!.location] });
        continue;
      }
      elements.push(new ElementRecord(columns, columns.push(raw, base + i)));
    }
  }

  // Pass 2: links, into columns. Ends resolve to element indices once; ids follow SPEC §7.
  let linkCount = 0;
  for (const f of files) if (Array.isArray(f.value.links)) linkCount += f.value.links.length;
  const table = new NormalisedLinks(linkCount);
  const explicitIds = new Map<string, number>();
  const autoLinks: number[] = [];
  // Links refused as duplicates: not checked further (the topology is refused anyway).
  const dropped = new Set<number>();
  const ends = new RecentIds(elementIndex);
  for (const f of files) {
    const list = f.value.links as (Raw | unknown[])[] | undefined;
    if (!list) continue;
    const src = new ItemSource(f, "links");
    const base = table.length;
    table.segments.push({ src, list, start: base });
    for (let i = 0; i < list.length; i++) {
      const raw = list[i]!;
      const k = base + i;
      let a: string;
      let b: string;
      let metric: number;
      let explicit: string | undefined;
      let obj = false;
      if (Array.isArray(raw)) {
        a = raw[0] as string;
        b = raw[1] as string;
        metric = (raw[2] as number | undefined) ?? 1;
      } else {
        obj = true;
        if (raw.underlay !== undefined) anyUnderlay = true;
        a = raw.a as string;
        b = raw.b as string;
        metric = (raw.metric as number | undefined) ?? 1;
        explicit = raw.id as string | undefined;
        const state = raw.state as string | undefined;
        if (state !== undefined) table.state[k] = stateIndex(state);
        if (raw.direction === "forward") table.oneWay[k] = 1;
      }
      const ai = ends.index(a);
      const bi = ends.index(b);
      table.ai[k] = ai;
      table.bi[k] = bi;
      table.metric[k] = metric;
      table.length = k + 1;
      if (a === b) err(errorAt("E_SELF_LOOP", `link \`${explicit ?? `${a}--${b}`}\` joins \`${a}\` to itself`, src.at(i)));
      if (ai < 0) err(errorAt("E_UNKNOWN_ELEMENT", `link end \`${a}\` is not an element${hint(a, elementIndex.keys())}`), { file: f, path: ["links", i, obj ? "a" : 0] });
      if (bi < 0) err(errorAt("E_UNKNOWN_ELEMENT", `link end \`${b}\` is not an element${hint(b, elementIndex.keys())}`), { file: f, path: ["links", i, obj ? "b" : 1] });
      if (explicit !== undefined) {
        const prev = explicitIds.get(explicit);
        const el = elementIndex.get(explicit);
        if (prev !== undefined || el !== undefined) {
          const other = prev !== undefined ? table.at(prev).location : elements[el!]!.location;
          // The topology is refused: the link stays in the table only for later messages.
          err({ ...errorAt("E_DUPLICATE_ID", `link id \`${explicit}\` is already used`, src.at(i)), related: [other] });
          dropped.add(k);
          continue;
        }
        explicitIds.set(explicit, k);
      } else autoLinks.push(k);
    }
  }
  // Link ids (and so underlay references to them) are only sound when ids and ends are.
  const idsSound = errors.length === 0;
  if (idsSound) {
    nameAutoLinks(table, autoLinks, elements.length);
    table.ranksChanged();
  }
  // Generated ids can only clash with explicit ids or with element ids that contain `--`.
  const elementIdsWithDashes = elements.filter((e) => e.id.includes("--"));
  if (explicitIds.size > 0 || elementIdsWithDashes.length > 0) {
    for (const k of autoLinks) {
      const id = table.id(k);
      const prev = explicitIds.get(id);
      const clash = prev !== undefined ? table.at(prev).location : elementIndex.has(id) ? elements[elementIndex.get(id)!]!.location : undefined;
      if (clash) err({ ...errorAt("E_DUPLICATE_ID", `link id \`${id}\` is already used`, table.at(k).location), related: [clash] });
    }
  }
  const check = (item: ElementRecord | LinkRecord): void => {
    const site = item instanceof ElementRecord ? item.site : undefined;
    if (site !== undefined && !sites.has(site)) {
      err(errorAt("E_UNKNOWN_SITE", `site \`${site}\` is not declared under \`sites\`${hint(site, sites.keys())}`), item.fieldRef("site"));
    }
    const op = item.operator;
    if (typeof op === "string") {
      if (!operators.has(op)) unknownOperator(op, item.fieldRef("operator"));
    } else if (op !== undefined) {
      // A list is checked entry by entry, each error at its entry.
      for (let k = 0; k < op.length; k++) {
        const id = op[k]!;
        if (!operators.has(id)) unknownOperator(id, item.fieldRef("operator", k));
      }
    }
    const installed = item.installed;
    const decommission = item.decommission;
    if (installed !== undefined && !isCalendarDate(installed)) err(errorAt("E_DATE", `\`installed\` ${installed} is not a calendar date`), item.fieldRef("installed"));
    if (decommission !== undefined && !isCalendarDate(decommission)) {
      err(errorAt("E_DATE", `\`decommission\` ${decommission} is not a calendar date`), item.fieldRef("decommission"));
    }
    if (installed && decommission && decommission < installed) {
      warnings.push(warningAt("W_DATES", `\`${item.id}\` is decommissioned (${decommission}) before it is installed (${installed})`, item.location));
    }
  };
  /** A link's operator is declared and its dates are real, read from the parsed link; a view only for a link that has some. */
  const checkLink = (k: number): void => {
    const raw = table.raw(k);
    if (Array.isArray(raw)) return;
    const op = raw.operator as string | string[] | undefined;
    if (typeof op === "string" ? operators.has(op) : op === undefined) {
      if (raw.installed === undefined && raw.decommission === undefined) return;
    }
    check(table.at(k) as LinkRecord);
  };
  const unknownOperator = (id: string, ref: LocRef): void => {
    err(errorAt("E_UNKNOWN_OPERATOR", `operator \`${id}\` is not declared under \`operators\`${hint(id, operators.keys())}`), ref);
  };
  // The columns answer for almost every element; only one that may have a problem is checked in full.
  let siteOk: string | undefined;
  let operatorOk: string | undefined;
  for (let k = 0; k < elements.length; k++) {
    const site = columns.site[k];
    if (site !== undefined && site !== siteOk) {
      if (!sites.has(site)) {
        check(elements[k] as ElementRecord);
        continue;
      }
      siteOk = site;
    }
    const op = columns.operator[k];
    if (op !== undefined && op !== operatorOk) {
      if (typeof op !== "string" || !operators.has(op)) {
        check(elements[k] as ElementRecord);
        continue;
      }
      operatorOk = op;
    }
    const installed = columns.installed[k];
    const decommission = columns.decommission[k];
    if (installed === undefined && decommission === undefined) continue;
    if ((installed !== undefined && !isCalendarDate(installed)) || (decommission !== undefined && !isCalendarDate(decommission)) || (installed && decommission && decommission < installed)) {
      check(elements[k] as ElementRecord);
    }
  }
  for (let k = 0; k < table.length; k++) if (!dropped.has(k)) checkLink(k);

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
      if (raw.weight !== undefined) flow.weight = raw.weight as number;
      const dup = flowIds.get(flow.id);
      if (dup) err({ ...errorAt("E_DUPLICATE_ID", `flow id \`${flow.id}\` is already used`, flow.location), related: [dup.location] });
      // A policy file checked on its own has no elements to check its flows against: the audit
      // that combines it with a topology checks them.
      for (const side of elements.length === 0 ? [] : (["from", "to"] as const)) {
        const sel = flow[side];
        const ids = typeof sel === "string" ? [sel] : sel.id === undefined ? [] : typeof sel.id === "string" ? [sel.id] : sel.id;
        for (const id of ids) {
          if (!elementIndex.has(id)) {
            err(
              errorAt("E_UNKNOWN_ELEMENT", `flow \`${flow.id}\`: \`${side}\` names \`${id}\`, which is not an element${hint(id, elementIndex.keys())}`),
              { file: f, path: ["flows", i, side] },
            );
          }
        }
      }
      flowIds.set(flow.id, flow);
      flows.push(flow);
    });
  }

  let linkIndex: Map<string, number> | undefined;
  const buildLinkIndex = (): Map<string, number> => {
    if (linkIndex) return linkIndex;
    linkIndex = new Map<string, number>();
    for (let i = 0; i < table.length; i++) if (!dropped.has(i)) linkIndex.set(table.id(i), i);
    return linkIndex;
  };
  let underlay: UnderlayIndex | undefined;
  if (anyUnderlay && idsSound) {
    const result = underlayOf(elements, table.all(), elementIndex, buildLinkIndex(), maxErrors);
    for (const p of result.errors) err(p.d, p.ref);
    warnings.push(...resolvePending(result.warnings));
    underlay = result.index;
  }

  if (errors.length > 0) throw new InputError(resolvePending(errors));

  const topology: Topology = {
    inputs: files.map((f) => ({ file: f.file, sha256: f.sha256 ?? "" })),
    elements,
    // Built on first use: the graph and the audit read the columns (link-table.ts).
    get links() {
      const all = table.all();
      Object.defineProperty(this, "links", { value: all, enumerable: true, writable: true });
      return all;
    },
    sites,
    operators,
    vendors,
    flows,
    elementIndex,
    get linkIndex() {
      const index = buildLinkIndex();
      Object.defineProperty(this, "linkIndex", { value: index, enumerable: true });
      return index;
    },
    ...(underlay === undefined ? {} : { underlay }),
  };
  if (name !== undefined) topology.name = name;
  attachLinkColumns(topology, table);
  return { topology, warnings };
}

/**
 * Element ids → positions with the last two answers kept: links are mostly written by
 * neighbourhood (a chain's next link starts where the last one ended, a hub's links follow each
 * other), so many ends are the one just looked up. -1 for an id that is not an element.
 */
class RecentIds {
  #id0: unknown = undefined;
  #at0 = -1;
  #id1: unknown = undefined;
  #at1 = -1;
  readonly #ids: IdIndex;
  constructor(ids: IdIndex) {
    this.#ids = ids;
  }

  index(id: string): number {
    if (id === this.#id0) return this.#at0;
    if (id === this.#id1) return this.#at1;
    const at = this.#ids.get(id) ?? -1;
    this.#id1 = this.#id0;
    this.#at1 = this.#at0;
    this.#id0 = id;
    this.#at0 = at;
    return at;
  }
}

/**
 * Ids for links written without one: `a--b`, and `a--b#2`, `#3`… for the later links with the
 * same written ends, in file order. A stable counting sort by (a, b) puts parallels side by side
 * in linear time, without hashing a million strings.
 */
function nameAutoLinks(table: NormalisedLinks, links: readonly number[], n: number): void {
  const m = links.length;
  const { ai, bi, rank } = table;
  const byB = stableOrder(m, n, (k) => bi[links[k]!]!, null);
  const order = stableOrder(m, n, (k) => ai[links[k]!]!, byB);
  let run = 0;
  let pa = -1;
  let pb = -1;
  for (let r = 0; r < m; r++) {
    const k = links[order[r]!]!;
    run = ai[k] === pa && bi[k] === pb ? run + 1 : 1;
    pa = ai[k]!;
    pb = bi[k]!;
    rank[k] = run;
  }
}

/** Counting sort of 0..m-1 (or of `input`'s order) by an integer key in 0..n-1; stable. */
function stableOrder(m: number, n: number, key: (k: number) => number, input: Int32Array | null): Int32Array {
  const count = int32Array(n + 1);
  for (let k = 0; k < m; k++) count[key(k) + 1]!++;
  for (let v = 0; v < n; v++) count[v + 1]! += count[v]!;
  const out = int32Array(m);
  for (let r = 0; r < m; r++) {
    const k = input ? input[r]! : r;
    out[count[key(k)]!++] = k;
  }
  return out;
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

/** The underlay index, with its problems as diagnostics located at the `underlay` entries. */
function underlayOf(
  elements: readonly Element[],
  links: readonly Link[],
  elementIndex: ReadonlyMap<string, number>,
  linkIndex: ReadonlyMap<string, number>,
  maxErrors: number,
): { index?: UnderlayIndex; errors: Pending[]; warnings: Pending[] } {
  const E = elements.length;
  const find = (id: string): number => {
    const e = elementIndex.get(id);
    if (e !== undefined) return e;
    const l = linkIndex.get(id);
    return l === undefined ? -1 : E + l;
  };
  function* allIds(): Iterable<string> {
    yield* elementIndex.keys();
    yield* linkIndex.keys();
  }
  const result = computeUnderlay(elements, links, find, allIds, { maxProblems: maxErrors });
  const record = (i: number): Element | Link => (i < E ? elements[i]! : links[i - E]!);
  const errors: Pending[] = [];
  const warnings: Pending[] = [];
  for (const p of result.problems) {
    const item = p.item === undefined ? undefined : record(p.item);
    const ref = item === undefined ? undefined : p.entry === undefined ? undefined : fieldRef(item, "underlay", p.entry);
    const d: Diagnostic = p.severity === "error" ? errorAt(p.code, p.message, ref ? undefined : item?.location) : warningAt(p.code, p.message, ref ? undefined : item?.location);
    if (p.related) {
      const r = record(p.related.item);
      d.related = [p.related.entry === undefined ? r.location : fieldLocation(r, "underlay", p.related.entry)];
    }
    (p.severity === "error" ? errors : warnings).push(ref ? { d, ref } : { d });
  }
  return { ...(result.index ? { index: result.index } : {}), errors, warnings };
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
  // Positions of the section's keys are recorded by every reader, so no extra pass.
  const sectionPos = childPos(f.pos, section);
  const entries = raw as Raw;
  for (const id of Object.keys(entries)) {
    const value = entries[id];
    const loc = childPos(sectionPos, id)?.key ?? f.locate([section, id], true);
    const prev = into.get(id);
    if (prev) {
      err({ ...errorAt("E_DUPLICATE_ID", `${section.replace(/s$/, "")} \`${id}\` is declared twice`, loc), related: [prev.location] });
      continue;
    }
    into.set(id, make(id, (value ?? {}) as Raw, loc));
  }
}
