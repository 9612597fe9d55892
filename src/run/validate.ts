import { compareDiagnostics, type Diagnostic, InputError } from "../diagnostics.js";
import { type LoadedFile, loadFiles } from "../load/index.js";
import { resolvePolicy } from "../policy/policy.js";
import { buildTopology } from "../topology/index.js";
import type { RunHost } from "./host.js";
import type { RunEvents } from "./load.js";
import type { InputLimits } from "./request.js";

/** What `validate` found in one file (with the files it includes). */
export interface FileReport {
  file: string;
  valid: boolean;
  policy?: boolean;
  included: string[];
  counts?: { elements: number; links: number; sites: number; operators: number; flows: number; rules: number; waivers: number };
  diagnostics: Diagnostic[];
}

export interface Validation {
  valid: boolean;
  reports: FileReport[];
  /** Files of a folder that were skipped (not cleanpath documents). */
  skipped: Diagnostic[];
}

/**
 * Checks each file on its own, with its includes (a folder of separate examples validates):
 * syntax, schema, references, vendors and the policy keys. A file included by another one is
 * checked as part of it.
 */
export function validateFiles(host: RunHost, paths: readonly string[], limits: InputLimits, events: RunEvents = {}): Validation {
  const skipped: Diagnostic[] = [];
  const files = host.expandInputs(paths, (d) => skipped.push(d));
  const loadOptions = { heapLimitBytes: host.heapLimitBytes, ...limits, ...(events.timings ? { timings: events.timings } : {}) };
  // Parse every file first, so that a file included by another is checked only as part of it.
  const parsed = new Map<string, { loaded?: LoadedFile[]; diagnostics: Diagnostic[] }>();
  const includedBy = new Set<string>();
  for (const f of files) {
    try {
      const t0 = events.timings?.clock() ?? 0;
      const loaded = loadFiles([f], host, loadOptions);
      events.timings?.record("parse", events.timings.clock() - t0);
      parsed.set(f, { loaded, diagnostics: [] });
      for (const inc of loaded.slice(1)) includedBy.add(inc.path);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      parsed.set(f, { diagnostics: [...err.diagnostics] });
    }
  }
  const reports: FileReport[] = [];
  for (const f of files) {
    if (includedBy.has(f)) continue;
    const p = parsed.get(f)!;
    const shown = host.display(f);
    if (!p.loaded) {
      reports.push({ file: shown, valid: false, included: [], diagnostics: p.diagnostics });
      continue;
    }
    reports.push(checkLoaded(host, shown, p.loaded, loadOptions));
  }
  for (const r of reports) r.diagnostics.sort(compareDiagnostics);
  return { valid: reports.every((r) => r.valid), reports, skipped };
}

function checkLoaded(host: RunHost, shown: string, loaded: LoadedFile[], loadOptions: object): FileReport {
  const included = loaded.slice(1).map((x) => x.file);
  try {
    const { topology, warnings, registry } = buildTopology(loaded, loadOptions);
    // Policy keys too: profile and list names, designated vendors, `extends` files.
    const policy = resolvePolicy(loaded, registry, host, {});
    return {
      file: shown,
      valid: true,
      included,
      counts: {
        elements: topology.elements.length,
        links: topology.links.length,
        sites: topology.sites.size,
        operators: topology.operators.size,
        flows: topology.flows.length,
        rules: policy.rules.length,
        waivers: policy.waivers.length,
      },
      policy: loaded[0]!.value.kind === "policy",
      diagnostics: warnings,
    };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { file: shown, valid: false, included, diagnostics: [...err.diagnostics] };
  }
}

/** `3 elements, 2 links, 1 site (with sites.yaml)`: one line per valid file. */
export function describeReport(r: FileReport): string {
  const c = r.counts!;
  const n = (k: number, what: string): string => `${k} ${what}${k === 1 ? "" : "s"}`;
  const parts = r.policy ? [`policy: ${n(c.rules, "rule")}`] : [n(c.elements, "element"), n(c.links, "link")];
  if (!r.policy && c.rules) parts.push(n(c.rules, "rule"));
  if (c.waivers) parts.push(n(c.waivers, "waiver"));
  if (c.sites) parts.push(n(c.sites, "site"));
  if (c.operators) parts.push(n(c.operators, "operator"));
  if (c.flows) parts.push(n(c.flows, "flow"));
  const warnings = r.diagnostics.filter((d) => d.severity === "warning").length;
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  const inc = r.included.length ? ` (with ${r.included.join(", ")})` : "";
  return parts.join(", ") + inc;
}

/** The `--format json` form of a validation. */
export function validationJson(v: Validation): string {
  const files = v.reports.map((r) => ({
    file: r.file,
    valid: r.valid,
    included: r.included,
    ...(r.counts ? { counts: r.counts } : {}),
    diagnostics: r.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.location ? { file: d.location.file, line: d.location.line, column: d.location.column } : {}),
      ...(d.related ? { related: d.related } : {}),
    })),
  }));
  return JSON.stringify({ valid: v.valid, files }, null, 2) + "\n";
}
