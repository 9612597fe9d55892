// A shortcut through the schema for the sections that hold nearly all of a big topology:
// `elements`, `links` and `sites`. Each item is checked by hand against the common shapes (ASCII
// ids, the usual fields); an item the hand check does not settle goes to the compiled validator
// of one element, link or site, so the JSON Schema stays the authority for every item. The
// answer is exactly the schema's: `true` only for a valid document. A document it refuses is
// validated again by the all-errors validator, so its diagnostics are the schema's own.
import type { ValidateFunction } from "ajv";
import { media, roles, states } from "./types.js";

type Raw = Record<string, unknown>;

const ROLES: ReadonlySet<string> = new Set(roles);
const STATES: ReadonlySet<string> = new Set(states);
const MEDIA: ReadonlySet<string> = new Set(media);

/** 1: may start an id (ASCII letter or digit); 2: may follow (also _ . : / @ + -). */
const ID_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) ID_CHAR[c] = 1;
  else if ("_.:/@+-".includes(ch)) ID_CHAR[c] = 2;
}

/**
 * An id the schema accepts, written in ASCII: `^[\p{L}\p{N}][\p{L}\p{N}_.:/@+-]*$`, 1 to 256
 * characters. False means "not settled here" (the item goes to the schema), not "invalid".
 */
function isAsciiId(v: unknown): boolean {
  if (typeof v !== "string") return false;
  const n = v.length;
  if (n === 0 || n > 256) return false;
  if (ID_CHAR[v.charCodeAt(0)] !== 1) return false;
  for (let i = 1; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 128 || ID_CHAR[c] === 0) return false;
  }
  return true;
}

/** A `name`: text of 1 to 256 characters (a string of at most 256 UTF-16 units has at most 256). */
function isName(v: unknown): boolean {
  return typeof v === "string" && v.length >= 1 && v.length <= 256;
}

/** A `text`: at most 4,096 characters. */
function isText(v: unknown): boolean {
  return typeof v === "string" && v.length <= 4096;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `^[0-9]{4}-[0-9]{2}-[0-9]{2}$` (the calendar is checked later, by normalise). */
function isDate(v: unknown): boolean {
  if (typeof v !== "string" || v.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = v.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : !isDigit(c)) return false;
  }
  return true;
}

function isTags(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > 256) return false;
  for (let i = 0; i < v.length; i++) if (!isAsciiId(v[i])) return false;
  return true;
}

function isMetric(v: unknown): boolean {
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 1e9;
}

/** The fields common to elements and object links; false for anything else. */
function commonField(key: string, v: unknown): boolean {
  switch (key) {
    case "id":
    case "site":
    case "operator":
      return isAsciiId(v);
    case "vendor":
    case "name":
      return isName(v);
    case "model":
    case "description":
      return isText(v);
    case "installed":
    case "decommission":
      return isDate(v);
    case "state":
      return typeof v === "string" && STATES.has(v);
    case "passive":
      return typeof v === "boolean";
    case "risk":
      return v === "high";
    case "tags":
      return isTags(v);
    default:
      return false;
  }
}

/** True when the hand check proves `raw` a valid element; false when it leaves it to the schema. */
export function plainElement(raw: unknown): boolean {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return false;
  const o = raw as Raw;
  if (o.id === undefined || o.role === undefined) return false;
  for (const key in o) {
    const v = o[key];
    if (key === "role") {
      if (typeof v !== "string" || !ROLES.has(v)) return false;
    } else if (!commonField(key, v)) return false;
  }
  return true;
}

/** True when the hand check proves `raw` a valid link (object or compact); false when it leaves it to the schema. */
export function plainLink(raw: unknown): boolean {
  if (Array.isArray(raw)) {
    const n = raw.length;
    return (n === 2 || n === 3) && isAsciiId(raw[0]) && isAsciiId(raw[1]) && (n === 2 || isMetric(raw[2]));
  }
  if (raw === null || typeof raw !== "object") return false;
  const o = raw as Raw;
  if (o.a === undefined || o.b === undefined) return false;
  for (const key in o) {
    const v = o[key];
    switch (key) {
      case "a":
      case "b":
        if (!isAsciiId(v)) return false;
        break;
      case "metric":
        if (!isMetric(v)) return false;
        break;
      case "direction":
        if (v !== "both" && v !== "forward") return false;
        break;
      case "medium":
        if (typeof v !== "string" || !MEDIA.has(v)) return false;
        break;
      case "cable":
        if (!isName(v)) return false;
        break;
      case "site":
        return false;
      default:
        if (!commonField(key, v)) return false;
    }
  }
  return true;
}

function isCountry(v: unknown): boolean {
  if (typeof v !== "string" || v.length !== 2) return false;
  for (let i = 0; i < 2; i++) {
    const c = v.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function inRange(v: unknown, limit: number): boolean {
  return typeof v === "number" && v >= -limit && v <= limit;
}

/** True when the hand check proves `raw` a valid site; false when it leaves it to the schema. */
export function plainSite(raw: unknown): boolean {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return false;
  const o = raw as Raw;
  for (const key in o) {
    const v = o[key];
    switch (key) {
      case "name":
        if (!isName(v)) return false;
        break;
      case "country":
        if (!isCountry(v)) return false;
        break;
      case "region":
        if (!isAsciiId(v)) return false;
        break;
      case "lat":
        if (!inRange(v, 90)) return false;
        break;
      case "lon":
        if (!inRange(v, 180)) return false;
        break;
      case "address":
        if (!isText(v)) return false;
        break;
      case "tags":
        if (!isTags(v)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A name of a user-named map (`key` in the schema) written in ASCII; false: not settled here. */
export function plainKey(k: string): boolean {
  return isAsciiId(k) && k !== "constructor" && k !== "prototype";
}

export interface ItemValidators {
  element: ValidateFunction;
  link: ValidateFunction;
  site: ValidateFunction;
}

/**
 * Whether a topology document is valid, with the same answer as `whole(doc)`: the document
 * without its elements, links and sites goes to `whole`, then each item (each site when every site name is a plain ASCII id) to the hand check or, when the
 * hand check does not settle it, to the compiled validator of one item.
 */
export function validTopology(doc: Raw, whole: ValidateFunction, items: ItemValidators): boolean {
  const elements = doc.elements;
  const links = doc.links;
  let sites = doc.sites as Raw | null | undefined;
  let siteNames: string[] = [];
  if (sites === null || typeof sites !== "object" || Array.isArray(sites)) sites = undefined;
  else {
    siteNames = Object.keys(sites);
    for (let i = 0; i < siteNames.length; i++) {
      if (!plainKey(siteNames[i]!)) {
        sites = undefined;
        break;
      }
    }
  }
  if (!Array.isArray(elements) && !Array.isArray(links) && sites === undefined) return whole(doc) as boolean;
  const rest: Raw = { ...doc };
  if (Array.isArray(elements)) rest.elements = [];
  if (Array.isArray(links)) rest.links = [];
  if (sites !== undefined) rest.sites = {};
  if (!whole(rest)) return false;
  if (sites !== undefined) {
    for (let i = 0; i < siteNames.length; i++) {
      const s = sites[siteNames[i]!];
      if (!plainSite(s) && !items.site(s)) return false;
    }
  }
  if (Array.isArray(elements)) {
    for (let i = 0; i < elements.length; i++) {
      const e = elements[i];
      if (!plainElement(e) && !items.element(e)) return false;
    }
  }
  if (Array.isArray(links)) {
    for (let i = 0; i < links.length; i++) {
      const l = links[i];
      if (!plainLink(l) && !items.link(l)) return false;
    }
  }
  return true;
}
