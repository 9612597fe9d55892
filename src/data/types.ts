/** Shapes of the built-in data. Data files hold facts with sources; logic lives elsewhere. */

/** Where a fact comes from. Every entry of every data file cites at least one. */
export interface Source {
  title: string;
  /** Publication date of the source, YYYY-MM-DD (YYYY-MM or YYYY when the day or month is unknown). */
  date: string;
  url?: string;
  /** Set when the research marks the fact as not confirmed by any source seen. */
  confidence?: "unverified";
  note?: string;
}

export type Relationship = "subsidiary" | "former-subsidiary" | "brand" | "affiliate" | "joint-venture";

/** A company that counts as another one (for designation) during a period. */
export interface VendorParent {
  vendor: string;
  relationship: Relationship;
  /** Inclusive first day the relationship holds. */
  validFrom?: string;
  /** First day it no longer holds (Honor left Huawei on 2020-11-17: validTo "2020-11-17"). */
  validTo?: string;
  sources: Source[];
}

export interface VendorEntry {
  /** Canonical id, lower-case kebab: "huawei", "hpe-aruba". */
  id: string;
  /** Display name. */
  name: string;
  legalNames: string[];
  /** Other spellings and brand names that always mean this entry. */
  aliases: string[];
  /** ISO 3166-1 alpha-2 country of the headquarters. */
  country: string;
  parents?: VendorParent[];
  /** containerlab kind names and prefixes ("huawei_vrp", "vr-sros"). */
  containerlabKinds?: string[];
  sources: Source[];
}

/** One entity on a designation list (FCC Covered List, NDAA §889, Clean Network). */
export interface ListEntry {
  /** What the entry designates: equipment vendors, carriers (operators), clouds or cable vendors. */
  kind: "vendor" | "operator" | "cloud" | "cable-vendor" | "software";
  /** Registry id for vendors and clouds; an operator id (matched against topology operator ids and names). */
  id: string;
  /** Name as the list writes it. */
  name: string;
  /** Other names to match operators by (vendors match through the registry). */
  aliases?: string[];
  /** Day the entity was added to the list, YYYY-MM-DD. */
  added: string;
  /** The scope the list gives ("telecom equipment for public-safety… purposes"). */
  scope: string;
  sources: Source[];
}

export interface DesignationList {
  id: string;
  title: string;
  description: string;
  sources: Source[];
  entries: ListEntry[];
}

/** A containerlab kind that names no equipment vendor (hosts, bridges, community NOSes). */
export interface VendorlessKind {
  kind: string;
  /** What the kind is, and why it has no vendor. */
  what: string;
}
