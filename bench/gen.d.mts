// Types of bench/gen.mjs, for the tests that import it.

export declare const GENERATOR_VERSION: number;
export declare const HIGH_RISK_VENDORS: readonly string[];
export declare const BENCH_TAGS: Record<"src1" | "src1k" | "src10k" | "dst" | "dst1", { tag: string; count: number }>;

/** A cleanpath format-1 document as the generator writes it (elements and links kept loose). */
export interface GeneratedDocument {
  cleanpath: 1;
  kind: "topology";
  name: string;
  description?: string;
  operators?: Record<string, { name: string; country: string }>;
  sites?: Record<string, Record<string, unknown>>;
  elements?: Array<{ id: string; role: string; vendor?: string; state?: string; tags?: string[]; [key: string]: unknown }>;
  links?: Array<[string, string] | [string, string, number] | { a: string; b: string; [key: string]: unknown }>;
  flows?: Array<{ id: string; from: unknown; to: unknown; [key: string]: unknown }>;
}

export interface GeneratorStats {
  generatorVersion: number;
  seed: number;
  /** Elements of the IP network (the `--elements` asked for); `elements` adds the optical layer's. */
  ipElements: number;
  elements: number;
  links: number;
  linksPerElement: number;
  sites: number;
  regions: number;
  coreRouters: number;
  datacenters: number;
  roles: Record<string, number>;
  highRisk: number;
  highRiskShare: number;
  unknownVendor: number;
  planned: number;
  outOfService: number;
  withComponents: number;
  objectLinks: number;
  microwaveLinks: number;
  microwaveTails: number;
  dualHomedTails: number;
  tagged: Record<string, number>;
  pairs: Record<string, number>;
  /** Present with `optical: true`. */
  optical?: OpticalStats;
}

export interface OpticalStats {
  oadms: number;
  channels: number;
  ducts: number;
  /** OADMs, channels and ducts. */
  items: number;
  ipLinksWithUnderlay: number;
  highRiskOadms: number;
}

export interface GeneratorMeta extends GeneratorStats {
  bytes: { yaml: number; json: number };
  generationMs: { build: number; yaml: number; json: number; total: number };
}

export interface TopologyPaths {
  yaml: string;
  json: string;
  flowsYaml: string;
  flowsJson: string;
  meta: string;
}

/** "1e5" for exact powers of ten from 10^3 up, otherwise the plain number. */
export declare function sizeLabel(n: number): string;
/** Builds the whole network in memory: `{ topology, flows, stats }`. */
export declare function generateTopology(options: { elements: number; seed?: number; optical?: boolean }): {
  topology: GeneratedDocument;
  flows: GeneratedDocument;
  stats: GeneratorStats;
};
/** Writes a cleanpath document as block YAML with one flow map or flow sequence per item. */
export declare function writeYaml(doc: GeneratedDocument, path: string): void;
/** Writes the same document as JSON, one item per line. */
export declare function writeJson(doc: GeneratedDocument, path: string): void;
/** Paths of the files for one (elements, seed) in `outDir`. */
export declare function topologyPaths(outDir: string, elements: number, seed: number, optical?: boolean): TopologyPaths;
/** Generates the files unless a cached set with the same size, seed and generator version exists. */
export declare function ensureTopology(options: {
  elements: number;
  seed?: number;
  optical?: boolean;
  outDir: string;
  force?: boolean;
  now?: () => number;
}): { paths: TopologyPaths; meta: GeneratorMeta; cached: boolean };
