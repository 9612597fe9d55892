import { laps, type TimingSink } from "../timing.js";
import { type Diagnostic, InputError } from "../diagnostics.js";
import { validate as policyAll } from "../generated/policy-all.js";
import { validate as policyFast } from "../generated/policy-fast.js";
import { validate as validateAll } from "../generated/topology-all.js";
import { validate as validateFast } from "../generated/topology-fast.js";
import { element, link, site } from "../generated/topology-items.js";
import { type LoadedFile, type LoadHost, type LoadOptions, loadFiles } from "../load/index.js";
import { VendorRegistry } from "../vendors/registry.js";
import { normalise } from "./normalise.js";
import { checkSchema } from "./schema-check.js";
import { validTopology } from "./item-check.js";
import type { Topology } from "./types.js";

const items = { element, link, site };
import { unknownVendorWarnings } from "./vendor-check.js";

export interface LoadTopologyOptions extends LoadOptions {
  /** Files given with --policy: checked against the policy schema whatever their `kind`. */
  policyFiles?: ReadonlySet<string>;
  /** Receives the duration of each phase, for `CLEANPATH_TIMINGS`. */
  timings?: TimingSink;
}

export interface LoadedTopology {
  topology: Topology;
  registry: VendorRegistry;
  files: LoadedFile[];
  warnings: Diagnostic[];
}

/**
 * Files → one checked Topology: read and parse (with includes), validate every file against
 * the schema (all errors, located), normalise, then resolve vendors against the registry.
 * Throws InputError with every problem found.
 */
export function loadTopology(paths: readonly string[], host: LoadHost, options: LoadTopologyOptions = {}): LoadedTopology {
  const t = options.timings;
  const start = t?.clock() ?? 0;
  const files = loadFiles(paths, host, options);
  t?.record("parse", t.clock() - start);
  return buildTopology(files, options);
}

/** Parsed files → checked Topology (schema, normalisation, vendor resolution). */
export function buildTopology(files: LoadedFile[], options: LoadTopologyOptions = {}): LoadedTopology {
  const lap = laps(options.timings);
  const problems: Diagnostic[] = [];
  for (const f of files) {
    // `kind: policy` files (and files given with --policy) follow the policy schema: no elements.
    const policy = f.value.kind === "policy" || options.policyFiles?.has(f.path) === true;
    const fast = policy ? policyFast : (v: Record<string, unknown>) => validTopology(v, validateFast, items);
    problems.push(...checkSchema(f, fast, policy ? policyAll : validateAll, options.maxProblemsPerFile ?? 100));
  }
  if (problems.length > 0) throw new InputError(problems);
  lap("validate");
  const { topology, warnings } = normalise(files);
  const registry = new VendorRegistry(topology.vendors);
  warnings.push(...registry.warnings, ...unknownVendorWarnings(topology, registry));
  lap("normalise");
  return { topology, registry, files, warnings };
}
