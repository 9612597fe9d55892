import type { SourceLocation } from "../diagnostics.js";
import type { SourceText } from "../load/index.js";
import type { Medium, Role, State } from "../topology/types.js";

/**
 * One input file, read but not decoded: importers never touch the file system, and get the
 * text only through load/'s decoder (strict UTF-8, BOM, control characters), as `validate` does.
 */
export interface ImportFile {
  /** Path as the user gave it; used in messages, locations and the header comment. */
  file: string;
  bytes: Uint8Array;
}

export type { SourceText };

/** Where GraphML link metrics come from: every link 1, great-circle km, or reference bandwidth / speed. */
export type MetricSource = "hops" | "distance" | "speed";
export const metricSources: readonly MetricSource[] = ["hops", "distance", "speed"];

export interface ImportOptions {
  metric?: MetricSource;
}

/** Something in the source the importer could not map, and why. */
export interface Skipped {
  what: string;
  why: string;
  location?: SourceLocation;
}

export interface DocComponent {
  vendor: string;
  part?: string;
  model?: string;
}

export type Meta = Record<string, unknown>;

export interface DocSite {
  name?: string;
  country?: string;
  region?: string;
  lat?: number;
  lon?: number;
  address?: string;
  tags?: string[];
  meta?: Meta;
}

export interface DocVendor {
  name?: string;
  country?: string;
  aliases?: string[];
}

export interface DocOperator {
  name?: string;
  country?: string;
  tags?: string[];
}

export interface DocElement {
  id: string;
  name?: string;
  description?: string;
  role: Role;
  vendor?: string;
  model?: string;
  operator?: string;
  site?: string;
  components?: DocComponent[];
  installed?: string;
  decommission?: string;
  replacementCost?: number;
  weight?: number;
  passive?: boolean;
  risk?: "high";
  state?: State;
  /** Ids of the items this element depends on (SPEC §4.1). */
  underlay?: string[];
  tags?: string[];
  meta?: Meta;
}

export interface DocLink {
  id?: string;
  a: string;
  b: string;
  metric?: number;
  direction?: "both" | "forward";
  medium?: Medium;
  vendor?: string;
  model?: string;
  operator?: string;
  cable?: string;
  name?: string;
  description?: string;
  components?: DocComponent[];
  installed?: string;
  decommission?: string;
  replacementCost?: number;
  passive?: boolean;
  risk?: "high";
  state?: State;
  /** Ids of the items this link rides on: the circuit or channel that carries it (SPEC §4.1). */
  underlay?: string[];
  tags?: string[];
  meta?: Meta;
}

/**
 * A topology file, format 1, as a plain object in the shape of `schemas/topology.schema.json`.
 * Importers never leave a key set to `undefined` (the schema would reject it).
 */
export interface TopologyDocument {
  cleanpath: 1;
  name?: string;
  description?: string;
  /** Vendors the source names that the registry does not know (SPEC §4: extends the registry). */
  vendors?: Record<string, DocVendor>;
  operators?: Record<string, DocOperator>;
  sites?: Record<string, DocSite>;
  elements: DocElement[];
  links: DocLink[];
}

export interface ImportResult {
  document: TopologyDocument;
  skipped: Skipped[];
  /** What the importer matched, one line each ("HMN Tech → hmn-technologies (35 cables)"), for the summary. */
  mapped?: string[];
}

/** A foreign format: one file plus one line in `src/import/index.ts`. */
export interface Importer {
  /** One line for `--help`. */
  summary: string;
  /** `one`: exactly one input file; `many`: one or more (a directory means its files with these extensions). */
  inputs: "one" | "many";
  extensions: readonly string[];
  /**
   * For formats laid out as a folder (a Batfish snapshot): the files one input argument stands
   * for. Without it, a folder means its files with `extensions`.
   */
  expand?: (input: string, view: FolderView) => string[];
  /** Subfolders of a directory argument whose files are read too (a layout such as `cable/`, `landing-point/`). */
  folders?: readonly string[];
  /** Gets the files decoded (`importTopology` decodes them). */
  run: (files: readonly SourceText[], options: ImportOptions) => ImportResult;
}

/** A read-only look at the folders around an input, for `Importer.expand` (paths as the user wrote them). */
export interface FolderView {
  /** Whether the path is a folder. */
  isFolder(path: string): boolean;
  /** Names of a folder's entries, sorted; empty when it is not a folder. */
  list(path: string): string[];
  join(...parts: string[]): string;
  dirname(path: string): string;
  basename(path: string): string;
}
