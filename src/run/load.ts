import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { type Policy, resolvePolicy } from "../policy/policy.js";
import { laps, type TimingSink } from "../timing.js";
import { loadTopology, type LoadedTopology } from "../topology/index.js";
import { unknownVendorWarnings } from "../topology/vendor-check.js";
import { type RunHost, recordingHost } from "./host.js";
import { refuseInputTargets } from "./outputs.js";
import type { InputLimits, PolicyChoice } from "./request.js";

/** What a run reports as it goes; the CLI prints it, the library ignores it. */
export interface RunEvents {
  /** Warnings worth showing (skipped files, unknown vendors…). */
  warn?(diagnostics: readonly Diagnostic[]): void;
  /** Progress for long work: the input size first (so the CLI can judge), then notes, then clear. */
  progress?: { start(inputBytes: number): void; note(message: string): void; clear(): void };
  timings?: TimingSink;
}

/** The inputs of a run, loaded: one topology and its merged policy. */
export interface Loaded extends LoadedTopology {
  policy: Policy;
}

export interface LoadRequest extends PolicyChoice {
  inputs: readonly string[];
  limits: InputLimits;
  /** Outputs to refuse if they name any input (checked before reading, and again with the includes). */
  outputs?: readonly { path?: string; flag: string }[];
  /** Compute input digests (reports show them; default true). */
  hash?: boolean;
}

const policyFile = /\.(ya?ml|json)$/i;

function realpathOr(host: RunHost, p: string): string {
  try {
    return host.realpath(p);
  } catch {
    return p;
  }
}

/**
 * Loads the topology files and the `--policy` files as one topology (SPEC §6), merges the
 * policies, and refuses any output that names one of the files read.
 */
export function loadInputs(runHost: RunHost, request: LoadRequest, events: RunEvents = {}): Loaded {
  const files = runHost.expandInputs(request.inputs, (d) => events.warn?.([d]));
  const policyPaths = request.policies.filter((p) => policyFile.test(p)).map((p) => resolve(runHost.cwd, p));
  const outputs = request.outputs ?? [];
  // First the files named: a mistake there is refused before anything is read.
  refuseInputTargets(runHost, outputs, [...files, ...policyPaths.filter((p) => runHost.exists(p))]);
  const { host, read } = recordingHost(runHost);
  const bytes = files.reduce((n, f) => n + host.stat(f).size, 0);
  events.progress?.start(bytes);
  events.progress?.note(`cleanpath: reading ${files.length} file${files.length === 1 ? "" : "s"} (${Math.round(bytes / 1048576)} MB)…`);
  const loaded = loadTopology([...files, ...policyPaths], host, {
    hash: request.hash ?? true,
    heapLimitBytes: host.heapLimitBytes,
    policyFiles: new Set(policyPaths.map((p) => realpathOr(host, p))),
    ...request.limits,
    ...(events.timings ? { timings: events.timings } : {}),
  });
  // Keyed by real path: a policy argument naming a symlink finds the file loaded through it.
  const byPath = new Map(loaded.files.map((f) => [realpathOr(host, f.path), f]));
  const policyArgs = request.policies.map((value) => {
    const file = policyFile.test(value) ? byPath.get(realpathOr(host, resolve(host.cwd, value))) : undefined;
    return file ? { value, file } : { value };
  });
  const argFiles = new Set(policyArgs.flatMap((a) => (a.file ? [a.file.path] : [])));
  const lap = laps(events.timings);
  const policy = resolvePolicy(
    loaded.files.filter((f) => !argFiles.has(f.path)),
    loaded.registry,
    host,
    {
      policyArgs,
      ...(request.unknownVendor ? { unknownVendor: request.unknownVendor } : {}),
      riskVendors: request.riskVendors,
    },
  );
  lap("policy");
  events.progress?.clear();
  // Then everything read, includes and extended policies among them.
  refuseInputTargets(runHost, outputs, read);
  const warnings = policy.spec.unknownVendor === "clean" ? withCleanAdvice(loaded) : loaded.warnings;
  events.warn?.(warnings);
  return { ...loaded, warnings, policy };
}

/** Unknown-vendor warnings reworded for `--unknown-vendor clean` (or a policy saying so): no advice to pass it. */
function withCleanAdvice(loaded: LoadedTopology): Diagnostic[] {
  const reworded = unknownVendorWarnings(loaded.topology, loaded.registry, "clean");
  let k = 0;
  return loaded.warnings.map((d) => (d.code === "W_UNKNOWN_VENDOR" && k < reworded.length ? reworded[k++]! : d));
}
